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

#define FLUSH_AT (64u * 1024u)

struct atomic_file {
	int fd;
	char *path, *tmp, *dir;
	GString *buf;
};

struct atomic_file *atomic_begin(const char *path, GError **err)
{
	g_autofree char *base = g_path_get_basename(path);
	struct atomic_file *af = g_new0(struct atomic_file, 1);

	af->dir = g_path_get_dirname(path);
	af->path = g_strdup(path);
	af->tmp = g_strdup_printf("%s/.%s.XXXXXX", af->dir, base);
	af->buf = g_string_sized_new(FLUSH_AT + 1);
	/* mkostemp creates 0600 regardless of the umask. */
	af->fd = mkostemp(af->tmp, O_CLOEXEC);
	if (af->fd < 0) {
		fail_errno(err, "cannot create a temp file", errno);
		g_clear_pointer(&af->tmp, g_free);
		atomic_abort(af);
		return NULL;
	}
	return af;
}

static bool flush(struct atomic_file *af, GError **err)
{
	if (!write_all(af->fd, (const guint8 *)af->buf->str, af->buf->len))
		return fail_errno(err, "cannot write", errno);
	g_string_truncate(af->buf, 0);
	return true;
}

bool atomic_append(struct atomic_file *af, const void *data, gsize len,
		   GError **err)
{
	g_string_append_len(af->buf, data, len);
	return af->buf->len < FLUSH_AT || flush(af, err);
}

void atomic_abort(struct atomic_file *af)
{
	if (!af)
		return;
	if (af->fd >= 0)
		close(af->fd);
	if (af->tmp)
		unlink(af->tmp);
	g_free(af->path);
	g_free(af->tmp);
	g_free(af->dir);
	g_string_free(af->buf, TRUE);
	g_free(af);
}

bool atomic_commit(struct atomic_file *af, GError **err)
{
	int fd = af->fd;

	if (!flush(af, err))
		goto fail;
	if (fsync(fd) != 0) {
		fail_errno(err, "cannot write", errno);
		goto fail;
	}
	af->fd = -1;
	if (close(fd) != 0) {
		fail_errno(err, "cannot write", errno);
		goto fail;
	}
	if (rename(af->tmp, af->path) != 0) {
		fail_errno(err, "cannot rename", errno);
		goto fail;
	}
	g_clear_pointer(&af->tmp, g_free);	/* nothing to remove now */
	if (!fsync_dir(af->dir)) {
		fail_errno(err, "cannot sync the folder", errno);
		atomic_abort(af);
		return false;
	}
	atomic_abort(af);
	return true;
fail:
	atomic_abort(af);
	return false;
}

bool atomic_write(const char *path, const void *data, gsize len,
		  GError **err)
{
	struct atomic_file *af = atomic_begin(path, err);

	if (!af)
		return false;
	/* Straight to the file: no copy through the buffer. */
	if (!write_all(af->fd, data, len)) {
		fail_errno(err, "cannot write", errno);
		atomic_abort(af);
		return false;
	}
	return atomic_commit(af, err);
}

void atomic_clean(const char *path)
{
	g_autofree char *dir = g_path_get_dirname(path);
	g_autofree char *base = g_path_get_basename(path);
	g_autofree char *prefix = g_strdup_printf(".%s.", base);
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	gsize plen = strlen(prefix);
	const char *name;

	while (d && (name = g_dir_read_name(d)) != NULL) {
		g_autofree char *full = NULL;

		/* Exactly what mkostemp makes from our template. */
		if (strncmp(name, prefix, plen) != 0 ||
		    strlen(name) != plen + 6)
			continue;
		full = g_build_filename(dir, name, NULL);
		unlink(full);
	}
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
