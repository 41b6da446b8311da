/*
 * report.c - all the reports in one batch (see report.h).
 *
 * Owns only the order, the batch and the annotation child's lifetime
 * (one per call, ended before returning); each format is its own
 * module.  The HTML pages come last: they link to the annotated copies
 * that exist.
 */
#include "atomic.h"
#include "caps.h"
#include "report.h"
#include "report_annot.h"
#include "report_csv.h"
#include "report_html.h"
#include "sandbox.h"

static bool write_all(struct store *st, const char *dir,
		      GPtrArray *problems, GError **err)
{
	struct caps caps = caps_default();
	struct sandbox *sb;
	bool ok;

	if (!report_csv_write(st, dir, err))
		return false;
	sb = sandbox_new_annotator("/proc/self/exe", &caps);
	ok = report_annot_write(st, dir, sb, problems, err);
	sandbox_free(sb);
	return ok && report_html_write(st, dir, err);
}

bool report_write(struct store *st, const char *dir, GPtrArray *problems,
		  GError **err)
{
	bool ok;

	atomic_batch_begin();
	ok = write_all(st, dir, problems, err);
	/* The batch ends even after a failure: the files already complete
	 * are kept, the first error is the one reported. */
	if (!atomic_batch_end(ok ? err : NULL))
		ok = false;
	return ok;
}
