/*
 * lock.h - one run at a time: an exclusive flock on a file next to the
 * database ("screen.db.lock").
 *
 * The kernel drops the lock when the process dies, even by kill -9, so
 * a crashed run never blocks the next one.
 */
#ifndef SCREENER_LOCK_H
#define SCREENER_LOCK_H

#include <glib.h>

struct lock;

/* Take the lock on path (created 0600 if missing) without waiting.
 * Held elsewhere: NULL with SE_BUSY ("another run is in progress");
 * other failures SE_IO.  Release with lock_release(). */
struct lock *lock_acquire(const char *path, GError **err);
void lock_release(struct lock *l);

#endif
