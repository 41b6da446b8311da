/*
 * report.c - all the reports in one batch (see report.h).
 *
 * Owns only the order and the batches; each format is its own module.
 */
#include "atomic.h"
#include "report.h"
#include "report_annot.h"
#include "report_csv.h"
#include "report_html.h"
#include "store.h"

bool report_write(struct store *st, const char *dir, guint jobs,
		  GPtrArray *problems, GError **err)
{
	struct store_view v;
	bool ok;

	if (!jobs)
		jobs = MAX(g_get_num_processors(), 1u);
	/* Read once: every report shows the same ranking. */
	if (!store_view_load(st, &v, err))
		return false;
	/* The annotated copies go first, a batch of their own: the pages
	 * link only to copies that are in place. */
	if (!report_annot_write(st, &v, dir, jobs, problems, err)) {
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
	store_view_clear(&v);
	return ok;
}
