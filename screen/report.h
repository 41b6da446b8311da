/*
 * report.h - every report of a database, written as one batch.
 *
 * The one place "screener run" and "screener report" write reports
 * from, so both give the same files the same way.
 */
#ifndef SCREENER_REPORT_H
#define SCREENER_REPORT_H

#include <stdbool.h>
#include <glib.h>

struct store;

/* Write ranking.csv, evidence.csv, errors.csv, the annotated PDFs and
 * html/ into dir from st, in one atomic batch (see atomic.h): files
 * whose bytes did not change are left alone, the rest are synced
 * together, then renamed; the annotated copies are made jobs at a
 * time (0: one per core).  Documents that could not be annotated are
 * added to problems ("NAME: reason") and do not fail the call.  False
 * with an SE_IO or store error. */
bool report_write(struct store *st, const char *dir, guint jobs,
		  GPtrArray *problems, GError **err);

/* The same; in blind review (blind, or the latest run was blind) every
 * file is masked through blind.h and no annotated copy is made: those
 * there are removed, since a highlighted original shows who wrote it. */
bool report_write_blind(struct store *st, const char *dir, guint jobs,
			bool blind, GPtrArray *problems, GError **err);

#endif
