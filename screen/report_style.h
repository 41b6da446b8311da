/*
 * report_style.h - the stylesheet of the HTML review pages and the
 * Content-Security-Policy that lets exactly that stylesheet apply.
 *
 * The pages carry their style inline (they are opened from disk and
 * load nothing), so the policy names the stylesheet by its SHA-256
 * rather than allowing any inline style: a <style> or style attribute
 * that reached a page from candidate data (it cannot: every string is
 * escaped) would still not apply.  Every colour comes from one table
 * of named colours; the pairs of text and background colours the
 * stylesheet puts together are listed beside it so a test can hold
 * each one to the WCAG AA contrast ratio.  The highlight colour of
 * criterion index i is class "k<i % REPORT_ANNOT_COLOURS>", taken from
 * report_annot_colour(), the colour of the annotated PDFs.
 */
#ifndef SCREENER_REPORT_STYLE_H
#define SCREENER_REPORT_STYLE_H

#include <glib.h>

/* The stylesheet, the same bytes on every call.  Caller frees. */
char *report_style_css(void);

/* The Content-Security-Policy for a page whose one <style> element
 * holds css: nothing may load or run, only that style applies.  Caller
 * frees. */
char *report_style_csp(const char *css);

/* "k<n>": the class that gives a swatch or a highlight the colour of
 * criterion index crit.  Caller frees. */
char *report_style_crit_class(guint crit);

/* A pair of colours the stylesheet sets together, 0xRRGGBB: text fg
 * on bg (min 4.5:1 for text, 3:1 for a border or focus ring against
 * what surrounds it). */
struct report_style_pair {
	const char *what;
	guint32 fg, bg;
	double min;
};

/* The pairs, n_out set to their number.  Static storage. */
const struct report_style_pair *report_style_pairs(guint *n_out);

/* The WCAG 2 contrast ratio of two colours, 1 to 21. */
double report_style_contrast(guint32 a, guint32 b);

#endif
