/*
 * report_annot.h - annotated/<n>-<k>.pdf: a copy of each PDF document
 * with evidence, every evidence passage highlighted (a colour per
 * criterion, the criterion and rule in the note).
 *
 * n is the applicant's position in the ranking (as html/<n>.html), k the
 * document's 1-based position in the applicant's documents by path: no
 * file name of a candidate ever chooses a path.  The boxes come from the
 * glyphs of the document stored in the database; the original is read
 * from the inbox the latest run screened and must still have the stored
 * content (sha256).  The PDF itself is parsed and saved only by the
 * jailed annotation child (sandbox_new_annotator()).  Files are 0600 in
 * a 0700 folder, written with atomic_write(); copies of applicants or
 * documents gone are removed.
 */
#ifndef SCREENER_REPORT_ANNOT_H
#define SCREENER_REPORT_ANNOT_H

#include <stdbool.h>
#include <glib.h>

struct store;
struct store_view;

/* The highlight colour of criterion index crit, 0xRRGGBB: the one
 * definition the annotated PDFs and the HTML pages' stylesheet
 * (report_style.h) share.  Indexes past the last colour start again. */
#define REPORT_ANNOT_COLOURS 10
guint32 report_annot_colour(guint crit);

/* "<n>-<k>.pdf"; caller frees. */
char *report_annot_name(guint n, guint k);

/* Write dir/annotated/, jobs copies at a time (each by a thread with
 * its own annotation child; 0 counts as 1), synced together.  A
 * document that cannot be annotated (original gone or changed, the
 * child failed on it) is left out and named in problems ("NAME:
 * reason", char *, added to the caller's array in ranking order); the
 * others go on.  False only with SE_IO (a report file) or a store
 * error. */
bool report_annot_write(struct store *st, const struct store_view *v,
			const char *dir, guint jobs, GPtrArray *problems,
			GError **err);

#endif
