/*
 * reports.h - every report from the database, in one call: the CSVs,
 * the annotated PDFs, then the HTML pages (which link to the annotated
 * copies that exist).  "screener run" and "screener report" share it.
 */
#ifndef SCREENER_REPORTS_H
#define SCREENER_REPORTS_H

#include <stdbool.h>
#include <glib.h>

struct store;

/* Write all reports under dir.  Documents that could not be annotated
 * are added to problems ("NAME: reason") and do not fail the call.
 * False with SE_IO or a store error. */
bool reports_write(struct store *st, const char *dir, GPtrArray *problems,
		   GError **err);

#endif
