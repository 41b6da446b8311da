/*
 * report.c - all the reports in one batch (see report.h).
 *
 * Owns only the order, the batch and the annotation child's lifetime
 * (one per call, ended before returning); each format is its own
 * module.
 */
#include "atomic.h"
#include "blind.h"
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

/* Blind review offers no annotated copy: a pass over no applicant
 * removes every copy there. */
static bool remove_annotated(struct store *st, const struct store_view *v,
			     const char *dir, GPtrArray *problems, GError **err)
{
	g_autoptr(GPtrArray) none = g_ptr_array_new();
	struct store_view empty = *v;

	empty.rows = none;
	return report_annot_write(st, &empty, dir, NULL, problems, err);
}

bool report_write(struct store *st, const char *dir, GPtrArray *problems,
		  GError **err)
{
	return report_write_blind(st, dir, false, problems, err);
}

bool report_write_blind(struct store *st, const char *dir, bool blind,
			GPtrArray *problems, GError **err)
{
	struct store_view v;
	struct blind *b = NULL;
	bool ok;

	/* Read once: every report shows the same ranking. */
	if (!store_view_load(st, &v, err))
		return false;
	if (blind || v.blind)
		b = blind_new(st, &v);
	if (!(b ? remove_annotated(st, &v, dir, problems, err) :
		  write_annotated(st, &v, dir, problems, err))) {
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
