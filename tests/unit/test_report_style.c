/* test_report_style.c - the review pages' stylesheet: every text colour
 * on every background it is set on passes WCAG AA (4.5:1, 3:1 for the
 * focus ring and the marks beside rows), every colour in the sheet is
 * one of those checked, the criterion highlights are the annotated
 * PDFs' colours, and the CSP names the sheet by its SHA-256. */
#include <string.h>

#include "report_annot.h"
#include "report_style.h"

/* Known values from the WCAG definition. */
static void test_contrast_formula(void)
{
	g_assert_cmpfloat_with_epsilon(report_style_contrast(0x000000,
							     0xffffff),
				       21.0, 1e-9);
	g_assert_cmpfloat_with_epsilon(report_style_contrast(0x777777,
							     0x777777),
				       1.0, 1e-9);
	/* #767676 on white is the lightest grey that passes 4.5:1. */
	g_assert_cmpfloat(report_style_contrast(0x767676, 0xffffff), >=, 4.5);
	g_assert_cmpfloat(report_style_contrast(0x777777, 0xffffff), <, 4.5);
	/* Symmetric. */
	g_assert_cmpfloat_with_epsilon(report_style_contrast(0x0b57d0,
							     0xeef1f5),
				       report_style_contrast(0xeef1f5,
							     0x0b57d0), 1e-12);
}

static void test_pairs_pass(void)
{
	guint n, text = 0;
	const struct report_style_pair *p = report_style_pairs(&n);

	g_assert_cmpuint(n, >, REPORT_ANNOT_COLOURS);
	for (guint i = 0; i < n; i++) {
		double r = report_style_contrast(p[i].fg, p[i].bg);

		if (g_test_verbose())
			g_printerr("%-36s #%06x on #%06x %5.2f\n", p[i].what,
				   p[i].fg, p[i].bg, r);
		if (r < p[i].min)
			g_error("%s: #%06x on #%06x is %.2f:1, under %.1f",
				p[i].what, p[i].fg, p[i].bg, r, p[i].min);
		text += p[i].min >= 4.5;
	}
	/* Text pairs are held to 4.5, not to the lower bar of marks. */
	g_assert_cmpuint(text, >=, 20);
}

static bool pair_has(const struct report_style_pair *p, guint n,
		     guint32 rgb)
{
	for (guint i = 0; i < n; i++)
		if (p[i].fg == rgb || p[i].bg == rgb)
			return true;
	return false;
}

/* A colour the sheet uses but no pair lists would be unchecked. */
static void test_every_colour_checked(void)
{
	g_autofree char *css = report_style_css();
	guint n, seen = 0;
	const struct report_style_pair *p = report_style_pairs(&n);
	g_autoptr(GRegex) re = g_regex_new("#([0-9a-fA-F]{3,8})\\b", 0, 0,
					   NULL);
	g_autoptr(GMatchInfo) m = NULL;

	/* Every "@name@" of the template was replaced. */
	g_assert_false(g_regex_match_simple("@[a-z-]+@", css, 0, 0));
	g_regex_match(re, css, 0, &m);
	while (g_match_info_matches(m)) {
		g_autofree char *hex = g_match_info_fetch(m, 1);

		g_assert_cmpuint(strlen(hex), ==, 6);
		if (!pair_has(p, n, (guint32)strtoul(hex, NULL, 16)))
			g_error("#%s in the stylesheet is in no checked pair",
				hex);
		seen++;
		g_match_info_next(m, NULL);
	}
	g_assert_cmpuint(seen, >, 30);
	/* Named colours or rgb() would slip past the table. */
	g_assert_null(strstr(css, "rgb("));
	g_assert_null(strstr(css, "color:black"));
	g_assert_null(strstr(css, "color:white"));
}

/* One definition of the highlight colours: the sheet's classes are the
 * annotated PDFs' palette, wrapping like report_annot_colour(). */
static void test_highlights_are_the_pdf_colours(void)
{
	g_autofree char *css = report_style_css();

	for (guint i = 0; i < REPORT_ANNOT_COLOURS + 2; i++) {
		g_autofree char *k = report_style_crit_class(i);
		g_autofree char *rule = g_strdup_printf(".%s{--k:#%06x}", k,
							report_annot_colour(i));

		g_assert_nonnull(strstr(css, rule));
	}
	g_assert_cmpuint(report_annot_colour(REPORT_ANNOT_COLOURS), ==,
			 report_annot_colour(0));
	/* Marks and swatches take the criterion's colour, in print too. */
	g_assert_nonnull(strstr(css, "mark{background:var(--k)"));
	g_assert_nonnull(strstr(css, "@media print{"));
	g_assert_nonnull(strstr(css, "print-color-adjust:exact"));
}

/* The policy: nothing loads, nothing runs, only this stylesheet. */
static void test_csp(void)
{
	g_autofree char *css = report_style_css();
	g_autofree char *again = report_style_css();
	g_autofree char *csp = report_style_csp(css);
	g_autofree char *other = report_style_csp("body{color:red}");

	g_assert_cmpstr(css, ==, again);
	g_assert_true(g_str_has_prefix(csp, "default-src 'none'; "
				       "style-src 'sha256-"));
	g_assert_null(strstr(csp, "unsafe"));
	g_assert_null(strstr(csp, "script-src"));
	g_assert_cmpstr(csp, !=, other);
	/* sha256 of "body{color:red}", base64, as a browser computes it. */
	g_assert_cmpstr(other, ==, "default-src 'none'; style-src "
			"'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='");
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/report_style/contrast-formula",
			test_contrast_formula);
	g_test_add_func("/report_style/pairs-pass", test_pairs_pass);
	g_test_add_func("/report_style/every-colour-checked",
			test_every_colour_checked);
	g_test_add_func("/report_style/highlights-are-pdf-colours",
			test_highlights_are_the_pdf_colours);
	g_test_add_func("/report_style/csp", test_csp);
	return g_test_run();
}
