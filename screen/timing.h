/*
 * timing.h - time spent per stage of "screener run", summed over threads.
 *
 * A measuring aid for `make bench`, printed by "screener run --times":
 * each stage adds the wall time it took, from whichever thread ran it,
 * so with N workers a worker stage can add up to N times the run's wall
 * time.  Cheap enough (two clock reads per stage and document) to be
 * always on.
 */
#ifndef SCREENER_TIMING_H
#define SCREENER_TIMING_H

#include <stdio.h>
#include <glib.h>

enum timing_stage {
	TIMING_READ,		/* list, stat, read and hash inbox files */
	TIMING_EXTRACT,		/* the sandbox round trip of a new document */
	TIMING_ANALYSE,		/* decode a stored document, facts */
	TIMING_MATCH,		/* rules, evidence, score */
	TIMING_STORE,		/* SQLite: lookups, one transaction each */
	TIMING_RANK,		/* ranking and duplicates, after the batch */
	TIMING_REPORT,		/* CSV and HTML reports */
	TIMING_WAIT,		/* the main thread waiting for workers */
	TIMING_N
};

/* Monotonic microseconds, for timing_add(). */
gint64 timing_now(void);

/* Add the time since start (a timing_now() value) to a stage; returns
 * the time now, so stages can be chained.  Thread-safe. */
gint64 timing_add(enum timing_stage s, gint64 start);

/* One line per stage, "stage NAME: SECONDS s", then the peak RSS of
 * this process and of the largest child it has reaped, then the CPU
 * time of this process and of its reaped children. */
void timing_print(FILE *out);

#endif
