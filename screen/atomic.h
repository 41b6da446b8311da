/*
 * atomic.h - crash-safe, private file writes for reports.
 *
 * A report is either the old complete file or the new complete file,
 * never half of one: the bytes go to a temp file in the same folder
 * (mode 0600 whatever the umask), which is fsynced, renamed over the
 * target, and the folder fsynced.  On any failure the temp file is
 * removed and the previous report is left as it was.  A file that
 * already holds exactly the new bytes is left untouched (no temp file
 * survives, no sync, its mtime kept).
 */
#ifndef SCREENER_ATOMIC_H
#define SCREENER_ATOMIC_H

#include <stdbool.h>
#include <glib.h>

/* Replace path with len bytes of data.  On failure false with an SE_IO
 * error ("cannot write: no space left on device"); nothing is left
 * behind. */
bool atomic_write(const char *path, const void *data, gsize len,
		  GError **err);

/* The same, written piece by piece so a large report never sits in
 * memory whole: atomic_begin() creates the temp file, atomic_append()
 * buffers and writes, atomic_commit() syncs and renames (and frees),
 * atomic_abort() removes the temp file (and frees; NULL is fine).  After
 * a failed append the caller still calls atomic_abort(). */
struct atomic_file;
struct atomic_file *atomic_begin(const char *path, GError **err);
bool atomic_append(struct atomic_file *af, const void *data, gsize len,
		   GError **err);
bool atomic_commit(struct atomic_file *af, GError **err);
void atomic_abort(struct atomic_file *af);

/* Remove the temp files a killed writer of path left behind (".name."
 * and six characters, in path's folder).  Call only while holding the
 * lock that keeps other writers of path away. */
void atomic_clean(const char *path);

/* A batch of writes from one thread: between begin and end, commits
 * write and close their temp files but neither sync nor rename them;
 * atomic_batch_end() syncs them all at once (syncfs, else one fsync
 * each), renames each over its target and syncs each folder once.
 * Until then the targets keep their old bytes.  atomic_clean() lists a
 * folder once per batch.  atomic_batch_end() returns false with SE_IO
 * when a sync or rename failed; the temp files not renamed are removed.
 * Batches do not nest. */
void atomic_batch_begin(void);
bool atomic_batch_end(GError **err);

/* Make dir and its missing parents with mode 0700 (whatever the umask);
 * an existing folder is kept as it is.  Then dir must be a folder of
 * ours that no one else can write, not a symlink, in a folder not
 * writable by all unless sticky: else false with SE_IO ("reports/html: a
 * symlink, refused").  Every report folder is made (and so checked) with
 * this before anything is written or deleted in it. */
bool atomic_mkdir(const char *dir, GError **err);

#endif
