/*
 * report.c - all the reports in one batch (see report.h).
 *
 * Owns only the order, the batch and the annotation child's lifetime
 * (one per call, ended before returning); each format is its own
 * module.
 */
#include "atomic.h"
#include "caps.h"
#include "report.h"
#include "report_annot.h"
#include "report_csv.h"
#include "report_html.h"
#include "sandbox.h"
#include "store.h"

/* The annotated copies go first and outside the batch: each is its own
 * atomic file, and the pages link only to copies that are in place. */
static bool write_annotated(struct store *st, const struct store_view *v,
			    const char *dir, GPtrArray *problems, GError **err)
{
	struct caps caps = caps_default();
	struct sandbox *sb = sandbox_new_annotator(sandbox_self_exe(), &caps);
	bool ok = report_annot_write(st, v, dir, sb, problems, err);

	sandbox_free(sb);
	return ok;
}

bool report_write(struct store *st, const char *dir, GPtrArray *problems,
		  GError **err)
{
	struct store_view v;
	bool ok;

	/* Read once: every report shows the same ranking. */
	if (!store_view_load(st, &v, err))
		return false;
	if (!write_annotated(st, &v, dir, problems, err)) {
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
