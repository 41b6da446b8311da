/*
 * progress.h - the progress display of a long run, on stderr.
 *
 * On a terminal: one line redrawn at most 4 times a second with a bar,
 * done/total, documents per second, ETA and failures.  Not a terminal:
 * a plain line every 5 seconds (none for a run shorter than that).
 * Quiet: nothing.  Used by the one thread that owns the output.
 */
#ifndef SCREENER_PROGRESS_H
#define SCREENER_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

struct progress;

/* out is where to draw (stderr); total may grow with progress_total().
 * Caller frees with progress_free(). */
struct progress *progress_new(FILE *out, bool quiet, guint total);
void progress_total(struct progress *p, guint total);
void progress_update(struct progress *p, guint done, guint failed);
/* Clear the bar before other output is printed. */
void progress_clear(struct progress *p);
void progress_free(struct progress *p);

#endif
