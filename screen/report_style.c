/*
 * report_style.c - the review pages' stylesheet and its policy (see
 * report_style.h).
 *
 * Owns how the pages look: type, colours, the sticky ranking header,
 * badges, the criterion highlight classes and the print layout.  Knows
 * the markup's class names and nothing of the data; writes nothing.
 *
 * The stylesheet is a template whose colours are "@name@", replaced from
 * one table, so that the contrast test reads the same numbers the
 * browser gets; a colour written into the template directly would be a
 * colour no test checked, hence the template holds no '#'.
 */
#include <math.h>
#include <string.h>

#include "report_annot.h"
#include "report_style.h"

struct colour {
	const char *name;
	guint32 rgb;
};

static const struct colour colours[] = {
	{ "ink", 0x1b1f24 },		/* body text */
	{ "paper", 0xffffff },		/* page background */
	{ "muted", 0x4b5563 },		/* captions, secondary lines */
	{ "link", 0x0b57d0 },
	{ "focus", 0x0b57d0 },		/* keyboard focus ring */
	{ "line", 0xc9ced6 },		/* cell rules (decoration) */
	{ "rule", 0x8b93a1 },		/* under the header row */
	{ "head", 0xeef1f5 },		/* header cells */
	{ "zebra", 0xf7f8fa },		/* every other ranking row */
	{ "met", 0x11652d },
	{ "notmet", 0xa3161a },
	{ "adv-fg", 0x0b5c2b },		/* badges: advance */
	{ "adv-bg", 0xdcf5e3 },
	{ "rev-fg", 0x7a3e00 },		/* needs review */
	{ "rev-bg", 0xffe8c2 },
	{ "arc-fg", 0x3f4650 },		/* archive */
	{ "arc-bg", 0xe8eaee },
	{ "flag-fg", 0x8a1c1c },	/* flagged */
	{ "flag-bg", 0xfde2e2 },
	{ "row-rev", 0xfff6e5 },	/* a needs-review row */
	{ "row-flag", 0xfdf1f1 },	/* a flagged row */
	{ "edge-rev", 0xc45f00 },	/* the bar at its left */
	{ "edge-flag", 0xc0262d },
	{ "swatch-edge", 0x5b6472 },	/* around a colour swatch */
};

static guint32 colour(const char *name)
{
	for (guint i = 0; i < G_N_ELEMENTS(colours); i++)
		if (strcmp(colours[i].name, name) == 0)
			return colours[i].rgb;
	g_assert_not_reached();
	return 0;
}

/* Text needs 4.5:1 (WCAG 1.4.3), borders and the focus ring that mark
 * something 3:1 against what is around them (1.4.11). */
static const struct {
	const char *what, *fg, *bg;
	double min;
} named_pairs[] = {
	{ "text", "ink", "paper", 4.5 },
	{ "text in a header cell", "ink", "head", 4.5 },
	{ "text in a striped row", "ink", "zebra", 4.5 },
	{ "text in a needs-review row", "ink", "row-rev", 4.5 },
	{ "text in a flagged row", "ink", "row-flag", 4.5 },
	{ "caption", "muted", "paper", 4.5 },
	{ "second line in a striped row", "muted", "zebra", 4.5 },
	{ "second line in a needs-review row", "muted", "row-rev", 4.5 },
	{ "second line in a flagged row", "muted", "row-flag", 4.5 },
	{ "link", "link", "paper", 4.5 },
	{ "link in a header cell", "link", "head", 4.5 },
	{ "link in a striped row", "link", "zebra", 4.5 },
	{ "link in a needs-review row", "link", "row-rev", 4.5 },
	{ "link in a flagged row", "link", "row-flag", 4.5 },
	{ "met", "met", "paper", 4.5 },
	{ "met in a striped row", "met", "zebra", 4.5 },
	{ "met in a needs-review row", "met", "row-rev", 4.5 },
	{ "met in a flagged row", "met", "row-flag", 4.5 },
	{ "not met", "notmet", "paper", 4.5 },
	{ "not met in a striped row", "notmet", "zebra", 4.5 },
	{ "not met in a needs-review row", "notmet", "row-rev", 4.5 },
	{ "not met in a flagged row", "notmet", "row-flag", 4.5 },
	{ "advance badge", "adv-fg", "adv-bg", 4.5 },
	{ "needs-review badge", "rev-fg", "rev-bg", 4.5 },
	{ "archive badge", "arc-fg", "arc-bg", 4.5 },
	{ "flagged badge", "flag-fg", "flag-bg", 4.5 },
	{ "count badge", "ink", "head", 4.5 },
	{ "focus ring", "focus", "paper", 3.0 },
	{ "needs-review bar", "edge-rev", "row-rev", 3.0 },
	{ "flagged bar", "edge-flag", "row-flag", 3.0 },
	{ "header rule", "rule", "paper", 3.0 },
	{ "swatch edge", "swatch-edge", "paper", 3.0 },
	/* Cell rules only separate rows the alignment already shows: no
	 * minimum, listed so that every colour of the sheet is here. */
	{ "cell rule", "line", "paper", 1.0 },
};

/* Highlighted words are ink on the criterion's colour. */
#define N_PAIRS (G_N_ELEMENTS(named_pairs) + REPORT_ANNOT_COLOURS)

const struct report_style_pair *report_style_pairs(guint *n_out)
{
	static struct report_style_pair pairs[N_PAIRS];
	static char names[REPORT_ANNOT_COLOURS][32];
	static gsize done;

	if (g_once_init_enter(&done)) {
		guint n = 0;

		for (guint i = 0; i < G_N_ELEMENTS(named_pairs); i++)
			pairs[n++] = (struct report_style_pair){
				named_pairs[i].what,
				colour(named_pairs[i].fg),
				colour(named_pairs[i].bg), named_pairs[i].min };
		for (guint i = 0; i < REPORT_ANNOT_COLOURS; i++) {
			g_snprintf(names[i], sizeof(names[i]),
				   "highlight of criterion %u", i + 1);
			pairs[n++] = (struct report_style_pair){
				names[i], colour("ink"),
				report_annot_colour(i), 4.5 };
		}
		g_once_init_leave(&done, 1);
	}
	*n_out = N_PAIRS;
	return pairs;
}

static double channel(guint32 v)
{
	double c = v / 255.0;

	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(guint32 rgb)
{
	return 0.2126 * channel((rgb >> 16) & 0xff) +
	       0.7152 * channel((rgb >> 8) & 0xff) +
	       0.0722 * channel(rgb & 0xff);
}

double report_style_contrast(guint32 a, guint32 b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* Screen first, narrow screens, then paper.  Class names: see
 * report_html.c. */
static const char css_template[] =
	":root{color-scheme:light}"
	"*,*::before,*::after{box-sizing:border-box}"
	"body{margin:0;color:@ink@;background:@paper@;font:16px/1.5 "
	"system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\","
	"\"DejaVu Sans\",sans-serif}"
	"a{color:@link@;text-underline-offset:.15em}"
	"a:focus-visible{outline:3px solid @focus@;outline-offset:2px;"
	"border-radius:2px}"
	".skip{position:absolute;left:1rem;top:-4em;z-index:5;"
	"background:@paper@;padding:.4em .8em}"
	".skip:focus{top:.5em}"
	".sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;"
	"overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);"
	"white-space:nowrap;border:0}"
	"header.top{padding:1rem 2rem .75rem;border-bottom:1px solid @line@}"
	"header.top h1{margin:0;font-size:1.6rem;line-height:1.25;"
	"overflow-wrap:anywhere}"
	"header.top .sub{margin:.2rem 0 0;color:@muted@}"
	"nav.crumbs{font-size:.9rem;margin-bottom:.3rem}"
	"main{display:block;padding:1rem 2rem 3rem}"
	"main.page{max-width:84rem}"
	"h2{font-size:1.25rem;line-height:1.3;margin:2rem 0 .5rem}"
	"h3{font-size:1.05rem;margin:1.25rem 0 .4rem;overflow-wrap:anywhere}"
	"table{border-collapse:separate;border-spacing:0;margin:.25rem 0 1rem}"
	"caption{caption-side:top;text-align:left;color:@muted@;"
	"font-size:.9rem;padding:0 0 .4rem}"
	"th,td{padding:.35rem .6rem;text-align:left;vertical-align:top;"
	"border-bottom:1px solid @line@}"
	"thead th{background:@head@;font-weight:600;vertical-align:bottom;"
	"border-bottom:2px solid @rule@}"
	"tbody th{font-weight:600}"
	"td.num{text-align:right;font-variant-numeric:tabular-nums}"
	".wrap{overflow-wrap:anywhere}"
	".name{display:block;color:@muted@;font-weight:400}"
	/* badges and counts */
	".badge{display:inline-block;padding:0 .55em;border-radius:1em;"
	"border:1px solid currentColor;font-size:.85rem;font-weight:600;"
	"line-height:1.6;white-space:nowrap}"
	/* a badge that carries a document's own warning wraps */
	".badge.note{white-space:normal}"
	".b-all{color:@ink@;background:@head@}"
	".b-advance{color:@adv-fg@;background:@adv-bg@}"
	".b-review{color:@rev-fg@;background:@rev-bg@}"
	".b-archive,.b-other{color:@arc-fg@;background:@arc-bg@}"
	".b-flag{color:@flag-fg@;background:@flag-bg@}"
	"ul.counts{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;"
	"margin:.6rem 0 0;padding:0}"
	"ul.counts .badge{font-size:.95rem;padding:.1em .75em}"
	/* the ranking */
	"table.ranking{width:100%}"
	"table.ranking thead th{position:sticky;top:0;z-index:2}"
	"table.ranking tbody th{min-width:12em;max-width:22em;"
	"overflow-wrap:anywhere}"
	"table.ranking tbody tr:nth-child(even){background:@zebra@}"
	"table.ranking tbody tr.review{background:@row-rev@}"
	"table.ranking tbody tr.flagged{background:@row-flag@}"
	"tr.review>:first-child{box-shadow:inset 5px 0 @edge-rev@}"
	"tr.flagged>:first-child{box-shadow:inset 5px 0 @edge-flag@}"
	"th.crit{width:2.5rem;padding:.4rem .25rem;text-align:center;"
	"border-top:6px solid var(--k)}"
	"th.crit span{writing-mode:vertical-rl;transform:rotate(180deg);"
	"white-space:nowrap;font-size:.8rem;font-weight:600}"
	"td.met,td.not,td.na{text-align:center;font-weight:700;"
	"white-space:nowrap}"
	"td.met{color:@met@}td.not{color:@notmet@}td.na{color:@muted@}"
	"td.when{white-space:nowrap}"
	/* criterion colours: a swatch, a section's highlights */
	".swatch{display:inline-block;width:1em;height:1em;margin-right:.35em;"
	"vertical-align:-.15em;border-radius:3px;background:var(--k);"
	"border:1px solid @swatch-edge@}"
	"mark{background:var(--k);color:@ink@;padding:0 .1em;"
	"border-radius:2px}"
	/* applicant pages */
	"table.summary th{width:11em}"
	"table.summary td{overflow-wrap:anywhere}"
	"table.evidence{width:100%;table-layout:fixed}"
	"table.evidence .c-rule{width:11em}"
	"table.evidence .c-where{width:18em}"
	"table.evidence td{overflow-wrap:anywhere}"
	"table.legend td,table.legend th{vertical-align:middle}"
	"section.crit h2{display:flex;align-items:center;gap:.1em}"
	"section.crit h2 .swatch{width:1.1em;height:1.1em;flex:none}"
	"p.score{margin:.2rem 0 .5rem;color:@muted@}"
	/* narrow screens: less margin, smaller header cells */
	"@media (max-width:900px){"
	"body{font-size:14px}"
	"header.top{padding:.75rem 1rem .5rem}"
	"main{padding:.75rem 1rem 2rem}"
	"table.ranking th,table.ranking td{padding:.3rem .3rem}"
	"table.ranking tbody th{min-width:8em}"
	"th.crit{width:1.75rem}"
	"th.crit span{font-size:.75rem}"
	"table.ranking .badge{padding:0 .4em}"
	"table.summary th{width:8em}"
	"table.evidence .c-rule{width:9em}"
	"table.evidence .c-where{width:10em}"
	"}"
	/* paper: no sticky header, no skip link, rows kept whole, the
	 * colours that carry meaning printed */
	"@media print{"
	"body{font-size:10pt;line-height:1.35}"
	"th,td,table.ranking th,table.ranking td{padding:.15rem .35rem}"
	".skip,nav.crumbs{display:none}"
	"header.top{padding:0 0 .5em}"
	"main,main.page{padding:0;max-width:none}"
	"table.ranking thead th{position:static}"
	"thead{display:table-header-group}"
	"tr,.badge{break-inside:avoid}"
	"h2,h3{break-after:avoid}"
	"a{color:@ink@;text-decoration:none}"
	"table.ranking tbody tr:nth-child(even){background:none}"
	"mark,.swatch,.badge,th.crit,tr.review,tr.flagged,"
	"tr.review>:first-child,tr.flagged>:first-child{"
	"-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"@page{margin:1.5cm}"
	/* the ranking is wide: on paper turned sideways */
	"body:has(main.ranking){page:wide}"
	"@page wide{size:landscape}"
	"}";

/* One highlight class per colour: ".k0{--k:#ffe14d}". */
static void put_crit_classes(GString *out)
{
	for (guint i = 0; i < REPORT_ANNOT_COLOURS; i++)
		g_string_append_printf(out, ".k%u{--k:#%06x}", i,
				       report_annot_colour(i));
}

char *report_style_css(void)
{
	GString *out = g_string_sized_new(sizeof(css_template) + 256);
	const char *p = css_template;
	const char *at;

	while ((at = strchr(p, '@'))) {
		const char *end = strchr(at + 1, '@');
		g_autofree char *name = NULL;

		/* "@media", "@page": not a colour */
		if (!end || end - at > 16 || memchr(at + 1, '{', end - at) ||
		    memchr(at + 1, ' ', end - at)) {
			g_string_append_len(out, p, at + 1 - p);
			p = at + 1;
			continue;
		}
		name = g_strndup(at + 1, end - at - 1);
		g_string_append_len(out, p, at - p);
		g_string_append_printf(out, "#%06x", colour(name));
		p = end + 1;
	}
	g_string_append(out, p);
	put_crit_classes(out);
	return g_string_free(out, FALSE);
}

char *report_style_csp(const char *css)
{
	g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
	guint8 digest[32];
	gsize len = sizeof(digest);
	g_autofree char *b64 = NULL;

	g_checksum_update(sum, (const guchar *)css, strlen(css));
	g_checksum_get_digest(sum, digest, &len);
	b64 = g_base64_encode(digest, len);
	return g_strdup_printf("default-src 'none'; style-src 'sha256-%s'",
			       b64);
}

char *report_style_crit_class(guint crit)
{
	return g_strdup_printf("k%u", crit % REPORT_ANNOT_COLOURS);
}
