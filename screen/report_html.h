/*
 * report_html.h - the static HTML review pages, written from the
 * database alone: html/index.html (the ranked table) and html/<n>.html
 * per applicant (n is the position in the ranking, never the key, so a
 * hostile file name cannot choose a path).
 *
 * Every string from a candidate goes through escape_html(); each page
 * carries a Content-Security-Policy that allows no script, no remote
 * load and no style but its own stylesheet, named by hash
 * (report_style.h); there is no JavaScript.  Files are 0600 in a
 * 0700 folder, each written with atomic_write() (old or new, never
 * half).  Nothing depends on the clock: the same database gives the
 * same bytes.
 */
#ifndef SCREENER_REPORT_HTML_H
#define SCREENER_REPORT_HTML_H

#include <stdbool.h>
#include <glib.h>

struct store;
struct store_view;

/* Write dir/html/index.html and one page per applicant of v, and
 * remove pages of applicants no longer ranked.  False with SE_IO or a
 * store error. */
bool report_html_write(struct store *st, const struct store_view *v,
		       const char *dir, GError **err);

#endif
