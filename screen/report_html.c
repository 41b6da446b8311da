/*
 * report_html.c - index.html and the per-applicant pages.
 *
 * Owns the HTML layout only.  Reads the store; writes only files under
 * the report folder's html/ through atomic.h.  Never prints.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "blind.h"
#include "error.h"
#include "escape.h"
#include "report_annot.h"
#include "report_html.h"
#include "report_style.h"
#include "score.h"
#include "store.h"

/* The stylesheet and the policy naming it, made once per report. */
struct style {
	char *css, *csp;
};

/* Candidate or store text as HTML (NULL as empty). */
static void h(GString *out, const char *s)
{
	escape_html(out, s ? s : "", -1);
}

/* A file or applicant name: made printable first (control bytes, ESC,
 * invalid UTF-8 shown as escapes, as on the terminal), then HTML. */
static void hname(GString *out, const char *s)
{
	g_autofree char *shown = escape_name(s ? s : "");

	h(out, shown);
}

/* The head, a skip link for keyboard users (the first thing Tab
 * reaches) and the top of the page up to the <h1>'s text. */
static void begin_page(GString *out, const struct style *sy,
		       const char *title, const char *skip_to)
{
	g_string_append(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
			"<meta charset=\"utf-8\">\n"
			"<meta http-equiv=\"Content-Security-Policy\" "
			"content=\"");
	/* Our own text (quotes, letters, base64): no escaping, so that
	 * the policy reads as written. */
	g_string_append(out, sy->csp);
	g_string_append(out, "\">\n<meta name=\"referrer\" "
			"content=\"no-referrer\">\n<meta name=\"viewport\" "
			"content=\"width=device-width,initial-scale=1\">\n"
			"<style>");
	g_string_append(out, sy->css);
	g_string_append(out, "</style>\n<title>");
	hname(out, title);
	g_string_append(out, "</title>\n</head>\n<body>\n<a class=\"skip\" "
			"href=\"#main\">Skip to ");
	h(out, skip_to);
	g_string_append(out, "</a>\n<header class=\"top\">\n");
}

static void end_page(GString *out)
{
	g_string_append(out, "</main>\n</body>\n</html>\n");
}

/* Buckets as the badge classes of the stylesheet. */
static const char *const bucket_classes[] = {
	[SCORE_ADVANCE] = "b-advance",
	[SCORE_REVIEW] = "b-review",
	[SCORE_ARCHIVE] = "b-archive",
};

static const char *bucket_class(const char *bucket)
{
	int b = score_bucket_parse(bucket);

	return b >= 0 && b < (int)G_N_ELEMENTS(bucket_classes) &&
	       bucket_classes[b] ? bucket_classes[b] : "b-other";
}

/* A bucket as a badge: the word is the information, the colour helps. */
static void put_bucket(GString *out, const char *bucket)
{
	g_string_append_printf(out, "<span class=\"badge %s\">",
			       bucket_class(bucket));
	h(out, bucket);
	g_string_append(out, "</span>");
}

static bool in_review(const struct store_ranked *r)
{
	return score_bucket_parse(r->bucket) == SCORE_REVIEW;
}

/* Scoring's flag, a duplicate or what the documents warn of (hidden
 * text, text from OCR): something for the reviewer to look at on an
 * applicant that is not already waiting for review. */
static bool flagged(const struct store_ranked *r)
{
	return (r->flag || *r->duplicate || *r->flags) && !in_review(r);
}

/* Why a row is flagged, as badges after the applicant's name. */
static void put_flags(GString *out, const struct store_ranked *r)
{
	if (r->flag && !in_review(r))
		g_string_append(out, " <span class=\"badge b-flag\">flagged"
				"</span>");
	if (*r->duplicate)
		g_string_append(out, " <span class=\"badge b-flag\">duplicate"
				"</span>");
	if (*r->flags) {
		g_string_append(out, " <span class=\"badge b-flag note\">");
		h(out, r->flags);
		g_string_append(out, "</span>");
	}
}

/* Per-bucket counts, in order of first appearance (ranking order). */
static void put_counts(GString *out, GPtrArray *rows)
{
	g_autoptr(GPtrArray) names = g_ptr_array_new();
	g_autoptr(GArray) counts = g_array_new(FALSE, TRUE, sizeof(guint));
	guint i, j;

	for (i = 0; i < rows->len; i++) {
		const struct store_ranked *r = g_ptr_array_index(rows, i);
		guint one = 1;

		for (j = 0; j < names->len; j++)
			if (strcmp(g_ptr_array_index(names, j), r->bucket) == 0)
				break;
		if (j == names->len) {
			g_ptr_array_add(names, r->bucket);
			g_array_append_val(counts, one);
		} else {
			g_array_index(counts, guint, j)++;
		}
	}
	g_string_append_printf(out, "<ul class=\"counts\" aria-label=\"applicants"
			       " by bucket\">\n<li><span class=\"badge b-all\">"
			       "%u applicants</span></li>\n", rows->len);
	for (j = 0; j < names->len; j++) {
		const char *name = g_ptr_array_index(names, j);

		g_string_append_printf(out, "<li><span class=\"badge %s\">",
				       bucket_class(name));
		h(out, name);
		g_string_append_printf(out, ": %u</span></li>\n",
				       g_array_index(counts, guint, j));
	}
	for (i = j = 0; i < rows->len; i++)
		j += flagged(g_ptr_array_index(rows, i));
	if (j)
		g_string_append_printf(out, "<li><span class=\"badge b-flag\">"
				       "flagged: %u</span></li>\n", j);
	g_string_append(out, "</ul>\n");
}

static void put_index_row(GString *out, guint n, const struct store_ranked *r,
			  GPtrArray *crits)
{
	const char *row_class = in_review(r) ? " class=\"review\"" :
		flagged(r) ? " class=\"flagged\"" : "";
	guint j;

	g_string_append_printf(out, "<tr%s><td class=\"num\">%u</td>"
			       "<th scope=\"row\"><a href=\"%u.html\">",
			       row_class, r->rank, n);
	hname(out, r->shown);
	g_string_append(out, "</a>");
	put_flags(out, r);
	g_string_append(out, "<span class=\"name\">");
	h(out, r->name);
	g_string_append(out, "</span></th><td>");
	put_bucket(out, r->bucket);
	g_string_append_printf(out, "</td><td class=\"num\">%.1f</td>",
			       r->total);
	for (j = 0; j < crits->len && j < r->n_crit; j++) {
		const struct store_crit_row *c = g_ptr_array_index(crits, j);

		if (!c->scored)
			continue;
		/* Without a readable resume nothing was assessed. */
		if (in_review(r))
			g_string_append(out, "<td class=\"na\"><span "
					"aria-hidden=\"true\">&#8211;</span><span "
					"class=\"sr\">not assessed</span></td>");
		else
			g_string_append(out, r->crit[j].met ?
					"<td class=\"met\"><span aria-hidden=\"true\">"
					"&#10003;</span><span class=\"sr\">met"
					"</span></td>" :
					"<td class=\"not\"><span aria-hidden=\"true\">"
					"&#10007;</span><span class=\"sr\">not met"
					"</span></td>");
	}
	g_string_append(out, "<td>");
	h(out, r->ko);
	g_string_append(out, "</td><td>");
	h(out, r->decision);
	g_string_append(out, "</td></tr>\n");
}

/* The key to the criteria: colour (as highlighted on each applicant's
 * page and in the annotated PDFs), id and title.  With scores when r is
 * given, each id then linking to its section of the page. */
static void put_legend(GString *out, GPtrArray *crits,
		       const struct store_ranked *r)
{
	g_string_append(out, "<h2 id=\"criteria\">Criteria</h2>\n"
			"<table class=\"legend\">\n<caption>Each criterion's "
			"highlight colour, as in the evidence");
	g_string_append(out, r ? " below" : " on each applicant's page");
	g_string_append(out, " and the highlighted PDFs</caption>\n<thead>"
			"<tr><th scope=\"col\">criterion</th>"
			"<th scope=\"col\">what it asks</th>");
	if (r)
		g_string_append(out, "<th scope=\"col\">score</th>"
				"<th scope=\"col\">met</th>");
	g_string_append(out, "</tr></thead>\n<tbody>\n");
	for (guint i = 0; i < crits->len && (!r || i < r->n_crit); i++) {
		const struct store_crit_row *c = g_ptr_array_index(crits, i);
		g_autofree char *k = report_style_crit_class(i);

		g_string_append_printf(out, "<tr><th scope=\"row\"><span "
				       "class=\"swatch %s\" aria-hidden=\"true\">"
				       "</span>", k);
		if (r)
			g_string_append_printf(out, "<a href=\"#crit-%u\">",
					       i + 1);
		h(out, c->id);
		g_string_append(out, r ? "</a></th><td>" : "</th><td>");
		h(out, c->title);
		if (!c->scored)
			g_string_append(out, " (not scored)");
		g_string_append(out, "</td>");
		if (r)
			g_string_append_printf(out, "<td class=\"num\">%.2f</td>"
					       "%s", r->crit[i].score,
					       in_review(r) ?
					       "<td class=\"na\">not assessed</td>" :
					       r->crit[i].met ?
					       "<td class=\"met\">met</td>" :
					       "<td class=\"not\">not met</td>");
		g_string_append(out, "</tr>\n");
	}
	g_string_append(out, "</tbody>\n</table>\n");
}

/* Said on every page of a blind review. */
static const char blind_note[] =
	"<p>Blind review: names, contacts, addresses, links, dates and "
	"years, ages and gendered words are masked as " BLIND_MARK ", "
	"applicants are named by an opaque number, file names are not "
	"shown. No annotated copies are offered and originals are not "
	"linked: a highlighted original shows who wrote it.</p>\n";

static GString *build_index(GPtrArray *rows, GPtrArray *crits,
			    const struct style *sy, bool blind)
{
	GString *out = g_string_new(NULL);
	guint i;

	begin_page(out, sy, "Screening: ranking", "the ranking");
	g_string_append(out, "<h1>Ranking</h1>\n");
	if (blind)
		g_string_append(out, blind_note);
	put_counts(out, rows);
	g_string_append(out, "</header>\n<main id=\"main\" class=\"ranking\">\n"
			"<table class=\"ranking\">\n<caption>Applicants in "
			"rank order: &#10003; a criterion met, &#10007; not met, "
			"&#8211; not assessed; "
			"rows that need review or are flagged are marked at the "
			"left edge</caption>\n<thead><tr><th scope=\"col\">rank</th>"
			"<th scope=\"col\">applicant</th>"
			"<th scope=\"col\">bucket</th>"
			"<th scope=\"col\">total</th>");
	for (i = 0; i < crits->len; i++) {
		const struct store_crit_row *c = g_ptr_array_index(crits, i);
		g_autofree char *k = report_style_crit_class(i);

		if (!c->scored)
			continue;
		g_string_append_printf(out, "<th scope=\"col\" class=\"crit "
				       "%s\" title=\"", k);
		h(out, c->title);
		g_string_append(out, "\"><span>");
		h(out, c->id);
		g_string_append(out, "</span></th>");
	}
	g_string_append(out, "<th scope=\"col\">knock-out</th>"
			"<th scope=\"col\">decision</th></tr></thead>\n"
			"<tbody>\n");
	for (i = 0; i < rows->len; i++)
		put_index_row(out, i + 1, g_ptr_array_index(rows, i), crits);
	g_string_append(out, "</tbody>\n</table>\n");
	put_legend(out, crits, NULL);
	end_page(out);
	return out;
}

static void lines_free(gpointer p)
{
	g_string_free(p, TRUE);
}

/* Evidence table rows, grouped by criterion id. */
static bool collect(const struct store_evidence_row *r, void *data,
		    GError **err)
{
	GHashTable *by_crit = data;
	GString *out = g_hash_table_lookup(by_crit, r->criterion);

	if (!out) {
		out = g_string_new(NULL);
		g_hash_table_insert(by_crit, g_strdup(r->criterion), out);
	}
	g_string_append(out, "<tr><td>");
	h(out, r->rule);
	g_string_append(out, "</td><td>");
	hname(out, r->document);
	if (r->page)
		g_string_append_printf(out, ", page %u", r->page);
	g_string_append_printf(out, ", paragraph %u</td><td>", r->para);
	h(out, r->before);
	g_string_append(out, "<mark>");
	h(out, r->match);
	g_string_append(out, "</mark>");
	h(out, r->after);
	g_string_append(out, "</td></tr>\n");
	return true;
}

static void put_summary(GString *out, const struct store_ranked *r)
{
	g_string_append(out, "<nav class=\"crumbs\" aria-label=\"pages\">"
			"<a href=\"index.html\">&#8592; Ranking</a></nav>\n<h1>");
	hname(out, r->shown);
	g_string_append(out, "</h1>\n</header>\n<main id=\"main\" "
			"class=\"page\">\n<table class=\"summary\">\n"
			"<caption class=\"sr\">Summary</caption>\n"
			"<tr><th scope=\"row\">name</th><td>");
	h(out, r->name);
	g_string_append(out, "</td></tr>\n<tr><th scope=\"row\">e-mail</th><td>");
	h(out, r->email);
	g_string_append_printf(out, "</td></tr>\n<tr><th scope=\"row\">rank"
			       "</th><td>%u</td></tr>\n<tr><th scope=\"row\">"
			       "total</th><td>%.1f</td></tr>\n"
			       "<tr><th scope=\"row\">bucket</th><td>",
			       r->rank, r->total);
	put_bucket(out, r->bucket);
	put_flags(out, r);
	g_string_append(out, "</td></tr>\n<tr><th scope=\"row\">reason</th><td>");
	h(out, r->reason);
	g_string_append(out, "</td></tr>\n<tr><th scope=\"row\">knock-out</th><td>");
	h(out, r->ko);
	if (*r->ko_reason) {
		g_string_append(out, ": ");
		h(out, r->ko_reason);
	}
	g_string_append(out, "</td></tr>\n<tr><th scope=\"row\">duplicate</th><td>");
	h(out, r->duplicate);
	/* What the documents warn of: hidden text, pages not read. */
	if (*r->flags) {
		g_string_append(out, "</td></tr>\n<tr><th scope=\"row\">flags</th><td>");
		h(out, r->flags);
	}
	g_string_append(out, "</td></tr>\n<tr><th scope=\"row\">decision</th><td>");
	h(out, r->decision);
	g_string_append(out, "</td></tr>\n</table>\n");
}

/* The audit trail, oldest first. */
static bool put_decisions(GString *out, struct store *st, const char *key,
			  struct blind *mask, GError **err)
{
	g_autoptr(GPtrArray) rows = store_decisions(st, key, err);
	guint i;

	if (!rows)
		return false;
	blind_decisions(mask, key, rows);
	if (!rows->len)
		return true;
	g_string_append(out, "<h2 id=\"decisions\">Decisions</h2>\n<table "
			"aria-labelledby=\"decisions\">\n<thead><tr>"
			"<th scope=\"col\">time</th><th scope=\"col\">decision"
			"</th><th scope=\"col\">reviewer</th>"
			"<th scope=\"col\">note</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < rows->len; i++) {
		const struct store_decision_row *d =
			g_ptr_array_index(rows, i);

		g_string_append(out, "<tr><td>");
		h(out, d->time);
		g_string_append(out, "</td><td>");
		h(out, d->decision);
		g_string_append(out, "</td><td>");
		h(out, d->reviewer);
		g_string_append(out, "</td><td>");
		h(out, d->note);
		g_string_append(out, "</td></tr>\n");
	}
	g_string_append(out, "</tbody>\n</table>\n");
	return true;
}

/* A table row "<tr><th>label</th><td>value</td></tr>", left out when
 * value is empty. */
static void put_fact(GString *out, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	g_string_append(out, "<tr><th scope=\"row\">");
	h(out, label);
	g_string_append(out, "</th><td>");
	h(out, value);
	g_string_append(out, "</td></tr>\n");
}

static void put_years(GString *out, const char *label, double years,
		      const char *merged)
{
	g_autofree char *v = NULL;

	if (years < 0)
		return;
	v = *merged ? g_strdup_printf("%.1f: %s", years, merged) :
		      g_strdup_printf("%.1f", years);
	put_fact(out, label, v);
}

/* The computed facts of each readable document: years with the merged
 * intervals, degree, certifications, spelling. */
static bool put_facts(GString *out, struct store *st, const char *key,
		      struct blind *mask, GError **err)
{
	g_autoptr(GPtrArray) rows = store_facts(st, key, err);

	if (!rows)
		return false;
	blind_facts(mask, key, rows);
	if (rows->len)
		g_string_append(out, "<h2>Facts</h2>\n");
	for (guint i = 0; i < rows->len; i++) {
		const struct store_facts_row *f = g_ptr_array_index(rows, i);
		g_autofree char *degree = *f->field ?
			g_strdup_printf("%s, %s", f->degree, f->field) :
			g_strdup(f->degree);
		g_autofree char *spelling = NULL;

		if (f->spelling_errors >= 0)
			spelling = *f->spelling ?
				g_strdup_printf("%.0f: %s", f->spelling_errors,
						f->spelling) :
				g_strdup_printf("%.0f", f->spelling_errors);
		g_string_append_printf(out, "<h3 id=\"facts-%u\">", i + 1);
		hname(out, f->path);
		g_string_append_printf(out, "</h3>\n<table class=\"summary\" "
				       "aria-labelledby=\"facts-%u\">\n", i + 1);
		put_years(out, "years of experience", f->years_total,
			  f->merged);
		put_years(out, "relevant years", f->years_relevant,
			  f->merged_relevant);
		put_fact(out, "degree", *f->degree ? degree : "");
		put_fact(out, "certifications", f->certifications);
		put_fact(out, "spelling errors", spelling);
		g_string_append(out, "</table>\n");
	}
	return true;
}

/* path relative to the folder from, both made absolute against the
 * working directory, each segment percent-encoded: a link that works
 * opening the page from disk, whatever characters the name has. */
static char *relative_href(const char *from, const char *path)
{
	g_autofree char *a = g_canonicalize_filename(from, NULL);
	g_autofree char *b = g_canonicalize_filename(path, NULL);
	g_auto(GStrv) fa = g_strsplit(a, "/", -1);
	g_auto(GStrv) fb = g_strsplit(b, "/", -1);
	GString *href = g_string_new(NULL);
	guint i = 0;

	while (fa[i] && fb[i] && strcmp(fa[i], fb[i]) == 0)
		i++;
	for (guint j = i; fa[j]; j++)
		if (*fa[j])
			g_string_append(href, "../");
	for (guint j = i; fb[j]; j++) {
		g_autofree char *seg = g_uri_escape_string(fb[j], NULL, FALSE);

		g_string_append(href, seg);
		if (fb[j + 1])
			g_string_append_c(href, '/');
	}
	return g_string_free(href, FALSE);
}

static void put_link(GString *out, const char *href, const char *text)
{
	g_string_append(out, "<a href=\"");
	h(out, href);
	g_string_append(out, "\">");
	hname(out, text);
	g_string_append(out, "</a>");
}

/* Originals are linked only when a browser shows them as a document,
 * never as a page that runs: an applicant's .html, .svg or .xml (screened
 * as text) would open with its scripts, outside these pages' CSP, and a
 * name without a known ending may be sniffed as HTML.  Even those are
 * linked as downloads.  An allow-list, so that no ending a browser
 * renders is forgotten. */
static const char *const linked_endings[] = {
	".pdf", ".docx", ".odt", ".rtf", ".txt",
};

static bool original_linked(const char *path)
{
	g_autofree char *lower = g_ascii_strdown(path, -1);

	for (guint i = 0; i < G_N_ELEMENTS(linked_endings); i++)
		if (g_str_has_suffix(lower, linked_endings[i]))
			return true;
	return false;
}

struct page_ctx {
	const char *html_dir;	/* the report's html/ */
	const char *annot_dir;	/* the report's annotated/ */
	const char *inbox;	/* the latest run's inbox */
	guint n;		/* the page's number */
	struct blind *mask;	/* blind review, or NULL */
};

static const char *const role_names[] = { "resume", "cover letter",
					  "other" };

/* The documents with their status and links to the original and to the
 * annotated copy (when one was written). */
static bool put_documents(GString *out, struct store *st, const char *key,
			  const struct page_ctx *pc, GError **err)
{
	g_autoptr(GPtrArray) docs = store_documents(st, key, err);

	if (!docs)
		return false;
	blind_documents(pc->mask, key, docs);
	g_string_append(out, "<h2 id=\"documents\">Documents</h2>\n<table "
			"aria-labelledby=\"documents\">\n<thead><tr>"
			"<th scope=\"col\">file</th><th scope=\"col\">role</th>"
			"<th scope=\"col\">status</th>"
			"<th scope=\"col\">annotated</th></tr></thead>\n"
			"<tbody>\n");
	for (guint k = 0; k < docs->len; k++) {
		const struct store_document_row *d = g_ptr_array_index(docs, k);
		g_autofree char *orig = g_build_filename(pc->inbox, d->path,
							 NULL);
		g_autofree char *href = relative_href(pc->html_dir, orig);
		g_autofree char *name = report_annot_name(pc->n, k + 1);
		g_autofree char *copy = g_build_filename(pc->annot_dir, name,
							 NULL);

		g_string_append(out, "<tr><td class=\"wrap\">");
		if (pc->mask) {
			hname(out, d->path);
		} else if (original_linked(d->path)) {
			g_string_append(out, "<a download href=\"");
			h(out, href);
			g_string_append(out, "\">");
			hname(out, d->path);
			g_string_append(out, "</a>");
		} else {
			hname(out, d->path);
			g_string_append(out, " (not linked: a browser would "
					"open it as a page)");
		}
		g_string_append(out, "</td><td>");
		h(out, d->role >= 0 && d->role < (int)G_N_ELEMENTS(role_names) ?
		  role_names[d->role] : "");
		g_string_append(out, "</td><td>");
		h(out, d->status);
		if (*d->error) {
			g_string_append(out, ": ");
			h(out, d->error);
		}
		if (*d->warnings) {
			g_string_append(out, "; ");
			h(out, d->warnings);
		}
		g_string_append(out, "</td><td>");
		if (g_file_test(copy, G_FILE_TEST_IS_REGULAR)) {
			g_autofree char *ahref = g_strconcat("../annotated/",
							     name, NULL);

			put_link(out, ahref, "highlighted PDF");
		}
		g_string_append(out, "</td></tr>\n");
	}
	g_string_append(out, "</tbody>\n</table>\n");
	return true;
}

static GString *build_page(struct store *st, const struct store_ranked *r,
			   GPtrArray *crits, const struct page_ctx *pc,
			   const struct style *sy, GError **err)
{
	g_autoptr(GHashTable) by_crit = g_hash_table_new_full(g_str_hash,
		g_str_equal, g_free, lines_free);
	GString *out;
	guint i;

	if (!blind_each_evidence(pc->mask, st, r->key, collect, by_crit, err))
		return NULL;
	out = g_string_new(NULL);
	begin_page(out, sy, r->shown, "the summary");
	put_summary(out, r);
	if (pc->mask)
		g_string_append(out, blind_note);
	put_legend(out, crits, r);
	if (!put_decisions(out, st, r->key, pc->mask, err) ||
	    !put_documents(out, st, r->key, pc, err) ||
	    !put_facts(out, st, r->key, pc->mask, err)) {
		g_string_free(out, TRUE);
		return NULL;
	}
	for (i = 0; i < crits->len && i < r->n_crit; i++) {
		const struct store_crit_row *c = g_ptr_array_index(crits, i);
		GString *ev = g_hash_table_lookup(by_crit, c->id);
		g_autofree char *k = report_style_crit_class(i);

		/* The section's class gives its swatch and highlights the
		 * colour of its highlights in the annotated PDF. */
		g_string_append_printf(out, "<section class=\"crit %s\" "
				       "aria-labelledby=\"crit-%u\">\n"
				       "<h2 id=\"crit-%u\"><span class=\"swatch\""
				       " aria-hidden=\"true\"></span>", k,
				       i + 1, i + 1);
		h(out, c->id);
		g_string_append(out, ": ");
		h(out, c->title);
		g_string_append_printf(out, "</h2>\n<p class=\"score\">score "
				       "%.2f, %s%s%s</p>\n", r->crit[i].score,
				       r->crit[i].met ? "met" : "not met",
				       c->scored ? "" : " (not scored)",
				       ev ? "" : "; no evidence");
		if (ev) {
			g_string_append_printf(out, "<table class=\"evidence\" "
					       "aria-labelledby=\"crit-%u\">\n"
					       "<thead><tr><th scope=\"col\" "
					       "class=\"c-rule\">rule</th>"
					       "<th scope=\"col\" class=\"c-where\">"
					       "where</th><th scope=\"col\">"
					       "evidence</th></tr></thead>\n"
					       "<tbody>\n", i + 1);
			g_string_append_len(out, ev->str, ev->len);
			g_string_append(out, "</tbody>\n</table>\n");
		}
		g_string_append(out, "</section>\n");
	}
	end_page(out);
	return out;
}

static bool write_file(const char *dir, const char *name, GString *s,
		       GError **err)
{
	g_autofree char *path = g_build_filename(dir, name, NULL);

	/* We hold the run lock: a temp file here is a killed writer's. */
	atomic_clean(path);
	if (atomic_write(path, s->str, s->len, err))
		return true;
	g_prefix_error(err, "html/%s: ", name);
	return false;
}

/* Pages "<n>.html" with n past the ranking belong to applicants gone. */
static void remove_stale(const char *dir, guint n)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	const char *name;

	while (d && (name = g_dir_read_name(d))) {
		guint64 v;
		g_autofree char *num = NULL;
		g_autofree char *path = NULL;

		if (!g_str_has_suffix(name, ".html"))
			continue;
		num = g_strndup(name, strlen(name) - 5);
		if (!g_ascii_string_to_unsigned(num, 10, n + 1, G_MAXUINT,
						&v, NULL))
			continue;
		path = g_build_filename(dir, name, NULL);
		unlink(path);
	}
}

bool report_html_write(struct store *st, const struct store_view *v,
		       const char *dir, GError **err)
{
	g_autofree char *html = g_build_filename(dir, "html", NULL);
	g_autofree char *annot = g_build_filename(dir, "annotated", NULL);
	struct page_ctx pc = { html, annot, v->inbox, 0, v->mask };
	g_autofree char *css = report_style_css();
	g_autofree char *csp = report_style_csp(css);
	struct style sy = { css, csp };
	guint i;

	if (!atomic_mkdir(html, err))
		return false;
	for (i = 0; i < v->rows->len; i++) {
		g_autoptr(GString) page = NULL;

		pc.n = i + 1;
		page = build_page(st, g_ptr_array_index(v->rows, i), v->crits,
				  &pc, &sy, err);
		g_autofree char *name = g_strdup_printf("%u.html", i + 1);

		if (!page || !write_file(html, name, page, err))
			return false;
	}
	remove_stale(html, v->rows->len);
	{
		g_autoptr(GString) index = build_index(v->rows, v->crits,
							  &sy, v->mask != NULL);

		return write_file(html, "index.html", index, err);
	}
}
