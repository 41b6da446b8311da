/*
 * report_csv.h - ranking.csv, evidence.csv and errors.csv, written from
 * the database alone (so "screener report" and "screener run" give the
 * same bytes).
 *
 * RFC 4180 (CRLF, quoted when needed), UTF-8; every cell goes through
 * escape_csv(), which neutralises what a spreadsheet would run as a
 * formula; file names and keys go through escape_name() first, so
 * control characters and invalid UTF-8 never reach a cell.  Nothing in
 * these files depends on the clock: the same database gives the same
 * bytes.  Files are written with atomic_write() (0600, old or new,
 * never half).
 */
#ifndef SCREENER_REPORT_CSV_H
#define SCREENER_REPORT_CSV_H

#include <stdbool.h>
#include <glib.h>

struct store;
struct store_view;

/* Append one record: n cells and CRLF. */
void report_csv_row(GString *out, const char *const *cells, guint n);

/* Build the three files' bytes (for tests); caller frees each. */
bool report_csv_build(struct store *st, const struct store_view *v,
		      GString **ranking, GString **evidence, GString **errors,
		      GError **err);

/* Write the three files into dir (created 0700).  False with SE_IO or a
 * store error; files already replaced stay replaced, the one that failed
 * keeps its old content.  Call with the run lock held: it removes temp
 * files a killed writer left. */
bool report_csv_write(struct store *st, const struct store_view *v,
		      const char *dir, GError **err);

#endif
