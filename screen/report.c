/*
 * report.c - all the reports in one batch (see report.h).
 *
 * Owns only the order and the batches; each format is its own module.
 */
#include "atomic.h"
#include "blind.h"
#include "report.h"
#include "report_annot.h"
#include "report_csv.h"
#include "report_html.h"
#include "store.h"

/* Blind review offers no annotated copy: a pass over no applicant
 * removes every copy there. */
static bool remove_annotated(struct store *st, const struct store_view *v,
			     const char *dir, GPtrArray *problems, GError **err)
{
	g_autoptr(GPtrArray) none = g_ptr_array_new();
	struct store_view empty = *v;

	empty.rows = none;
	return report_annot_write(st, &empty, dir, 1, problems, err);
}

bool report_write(struct store *st, const char *dir, guint jobs,
		  GPtrArray *problems, GError **err)
{
	return report_write_blind(st, dir, jobs, false, problems, err);
}

bool report_write_blind(struct store *st, const char *dir, guint jobs,
			bool blind, GPtrArray *problems, GError **err)
{
	struct store_view v;
	struct blind *b = NULL;
	bool ok;

	if (!jobs)
		jobs = MAX(g_get_num_processors(), 1u);
	/* Read once: every report shows the same ranking. */
	if (!store_view_load(st, &v, err))
		return false;
	if (blind || v.blind)
		b = blind_new(st, &v);
	/* The annotated copies go first, a batch of their own: the pages
	 * link only to copies that are in place. */
	if (!(b ? remove_annotated(st, &v, dir, problems, err) :
	      report_annot_write(st, &v, dir, jobs, problems, err))) {
		blind_free(b);
		store_view_clear(&v);
		return false;
	}
	atomic_batch_begin();
	ok = report_csv_write(st, &v, dir, err) &&
	     report_html_write(st, &v, dir, err);
	/* The batch ends even after a failure: the files already complete
	 * are kept, the first error is the one reported. */
	if (!atomic_batch_end(ok ? err : NULL))
		ok = false;
	blind_free(b);
	store_view_clear(&v);
	return ok;
}
