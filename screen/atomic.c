/*
 * atomic.c - crash-safe, private file writes (see atomic.h).
 *
 * Owns the temp-file, fsync and rename dance and the private modes of
 * report files and folders.  Knows nothing of what the bytes mean.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "error.h"

static bool fail_errno(GError **err, const char *what, int e)
{
	g_autofree char *msg = g_strdup(g_strerror(e));

	msg[0] = g_ascii_tolower(msg[0]);
	g_set_error(err, SCREENER_ERROR, SE_IO, "%s: %s", what, msg);
	return false;
}

static bool write_all(int fd, const guint8 *p, gsize len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (n == 0) {
			errno = ENOSPC;
			return false;
		}
		p += n;
		len -= (gsize)n;
	}
	return true;
}

static bool fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool ok;

	if (fd < 0)
		return false;
	ok = fsync(fd) == 0 || errno == EINVAL;	/* some file systems */
	close(fd);
	return ok;
}

bool atomic_write(const char *path, const void *data, gsize len,
		  GError **err)
{
	g_autofree char *dir = g_path_get_dirname(path);
	g_autofree char *base = g_path_get_basename(path);
	g_autofree char *tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
	int fd, e;

	/* mkostemp creates 0600 regardless of the umask. */
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return fail_errno(err, "cannot create a temp file", errno);
	if (fchmod(fd, 0600) != 0 || !write_all(fd, data, len) ||
	    fsync(fd) != 0) {
		e = errno;
		close(fd);
		unlink(tmp);
		return fail_errno(err, "cannot write", e);
	}
	if (close(fd) != 0) {
		e = errno;
		unlink(tmp);
		return fail_errno(err, "cannot write", e);
	}
	if (rename(tmp, path) != 0) {
		e = errno;
		unlink(tmp);
		return fail_errno(err, "cannot rename", e);
	}
	if (!fsync_dir(dir))
		return fail_errno(err, "cannot sync the folder", errno);
	return true;
}

bool atomic_mkdir(const char *dir, GError **err)
{
	g_autofree char *parent = NULL;
	struct stat st;

	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return true;
		return fail_errno(err, "not a folder", ENOTDIR);
	}
	if (errno != ENOENT)
		return fail_errno(err, "cannot create folder", errno);
	parent = g_path_get_dirname(dir);
	if (strcmp(parent, dir) != 0 && !atomic_mkdir(parent, err))
		return false;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return fail_errno(err, "cannot create folder", errno);
	/* mkdir honours the umask, which may be looser than 0700 or take
	 * our own write bit: set the mode we mean. */
	if (chmod(dir, 0700) != 0)
		return fail_errno(err, "cannot create folder", errno);
	return true;
}
