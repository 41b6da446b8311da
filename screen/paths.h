/*
 * paths.h - where screener's shipped data lives, found from the program
 * itself rather than the current folder: an installed screener
 * ($(PREFIX)/bin/screener) reads $(PREFIX)/share/screener/criteria, a
 * build in a checkout (build/screener) reads the checkout's criteria/.
 * The two layouts are told apart by what exists beside the real
 * executable (/proc/self/exe), so a tree moved elsewhere (DESTDIR, a
 * relocated prefix) keeps working.
 */
#ifndef SCREENER_PATHS_H
#define SCREENER_PATHS_H

#include <stdbool.h>

/* The rule set a command uses when given none: the folder
 * integration-engineer under the data directory.  Shown relative to the
 * current folder when it lies inside it (a run from the checkout prints
 * "criteria/integration-engineer", as ever), else absolute.  When no data
 * directory is found, the current folder's criteria/integration-engineer,
 * whose absence the rule set loader then reports.  Caller frees. */
char *paths_default_criteria(void);

/* The inbox "screener run" reads when given none: the checkout's samples/
 * for a build in a checkout (so "make demo" screens them), "inbox" in the
 * current folder for an installed screener.  Caller frees. */
char *paths_default_inbox(void);

/* The folder of rule sets in use (absolute), or NULL when neither layout
 * is found; *installed tells which.  Caller frees. */
char *paths_data_dir(bool *installed);

#endif
