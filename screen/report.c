/*
 * report.c - all the reports in one batch (see report.h).
 *
 * Owns only the order and the batch; each format is its own module.
 */
#include "atomic.h"
#include "report.h"
#include "report_csv.h"
#include "report_html.h"

bool report_write(struct store *st, const char *dir, GError **err)
{
	bool ok;

	atomic_batch_begin();
	ok = report_csv_write(st, dir, err) && report_html_write(st, dir, err);
	/* The batch ends even after a failure: the files already complete
	 * are kept, the first error is the one reported. */
	if (!atomic_batch_end(ok ? err : NULL))
		ok = false;
	return ok;
}
