/*
 * lock.c - the run lock (see lock.h).  Owns only the lock file's
 * descriptor; never writes to the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "lock.h"

struct lock {
	int fd;
};

struct lock *lock_acquire(const char *path, GError **err)
{
	struct lock *l;
	int fd;

	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		g_set_error(err, SCREENER_ERROR, SE_IO,
			    "cannot open the lock file: %s",
			    g_strerror(errno));
		return NULL;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int e = errno;

		close(fd);
		if (e == EWOULDBLOCK) {
			g_set_error(err, SCREENER_ERROR, SE_BUSY,
				    "another run is in progress");
		} else {
			g_set_error(err, SCREENER_ERROR, SE_IO,
				    "cannot lock: %s", g_strerror(e));
		}
		return NULL;
	}
	/* Created under a loose umask: make it private. */
	(void)fchmod(fd, 0600);
	l = g_new(struct lock, 1);
	l->fd = fd;
	return l;
}

void lock_release(struct lock *l)
{
	if (!l)
		return;
	flock(l->fd, LOCK_UN);
	close(l->fd);
	g_free(l);
}
