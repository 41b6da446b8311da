/*
 * reports.c - the order the reports are written in, and the annotation
 * child's lifetime (one per call, started on the first PDF with
 * evidence, ended before returning).
 */
#include "caps.h"
#include "report_annot.h"
#include "report_csv.h"
#include "report_html.h"
#include "reports.h"
#include "sandbox.h"

bool reports_write(struct store *st, const char *dir, GPtrArray *problems,
		   GError **err)
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
