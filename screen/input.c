/*
 * input.c - reading one candidate file into memory, safely.
 *
 * Owns the open/fstat/read of an inbox file and its content hash.  Never
 * parses the bytes (that happens in the extraction child) and never writes.
 * The file may be anything a stranger can put in a folder: a symlink
 * (O_NOFOLLOW), a FIFO with no writer (O_NONBLOCK, so open returns at
 * once), a device, a file still growing (the read stops at the cap).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "input.h"

#define MIB (1024.0 * 1024.0)
#define CHUNK (64u * 1024u)

static const char not_regular[] = "not a regular file, skipped";

/* strerror() starts with a capital; our messages do not. */
static void set_errno(GError **err, int code, const char *what, int e)
{
	g_autofree char *msg = g_strdup(g_strerror(e));

	msg[0] = g_ascii_tolower(msg[0]);
	g_set_error(err, SCREENER_ERROR, code, "%s: %s", what, msg);
}

static void set_too_large(GError **err, guint64 size, guint64 cap)
{
	g_set_error(err, SCREENER_ERROR, SE_TOO_LARGE,
		    "file too large (%.*f MiB, limit %.*f MiB)",
		    size % (1u << 20) ? 1 : 0, size / MIB,
		    cap % (1u << 20) ? 1 : 0, cap / MIB);
}

/* Read all of fd up to cap bytes; more than cap is an error, so a file
 * that grows after fstat cannot get past the cap. */
static GByteArray *read_all(int fd, gsize hint, guint64 cap, GError **err)
{
	g_autoptr(GByteArray) buf = g_byte_array_sized_new(MIN(hint, cap) + 1);

	for (;;) {
		gsize room = CHUNK;
		ssize_t n;

		g_byte_array_set_size(buf, buf->len + room);
		n = read(fd, buf->data + buf->len - room, room);
		if (n < 0) {
			g_byte_array_set_size(buf, buf->len - room);
			if (errno == EINTR)
				continue;
			set_errno(err, SE_IO, "cannot read", errno);
			return NULL;
		}
		g_byte_array_set_size(buf, buf->len - room + n);
		if (buf->len > cap) {
			set_too_large(err, buf->len, cap);
			return NULL;
		}
		if (n == 0)
			return g_steal_pointer(&buf);
	}
}

/* The checks after open: a regular file, not over the cap, and (from the
 * inbox) the one the scan saw; then its bytes and hash.  Closes fd. */
static struct input *read_fd(int fd, const char *path,
			     const struct input_origin *o,
			     const struct caps *caps, GError **err)
{
	g_autoptr(GByteArray) buf = NULL;
	struct input *in;
	g_autofree char *hex = NULL;
	struct stat st;

	if (fstat(fd, &st) < 0) {
		set_errno(err, SE_IO, "cannot stat", errno);
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		g_set_error_literal(err, SCREENER_ERROR, SE_NOT_REGULAR,
				    not_regular);
		close(fd);
		return NULL;
	}
	if (o && ((guint64)st.st_dev != o->dev ||
		  (guint64)st.st_ino != o->ino)) {
		g_set_error_literal(err, SCREENER_ERROR, SE_NOT_REGULAR,
				    "replaced since the inbox was listed, "
				    "skipped");
		close(fd);
		return NULL;
	}
	/* A hard link made by another user to a file of a third: the
	 * inbox's owner would read what its writer cannot. */
	if (o && st.st_nlink > 1 && st.st_uid != o->owner) {
		g_set_error_literal(err, SCREENER_ERROR, SE_NOT_REGULAR,
				    "hard link not owned by the inbox's "
				    "owner, skipped");
		close(fd);
		return NULL;
	}
	if ((guint64)st.st_size > caps->file_bytes) {
		set_too_large(err, st.st_size, caps->file_bytes);
		close(fd);
		return NULL;
	}
	buf = read_all(fd, st.st_size, caps->file_bytes, err);
	close(fd);
	if (!buf)
		return NULL;

	in = g_new0(struct input, 1);
	in->path = g_strdup(path);
	in->mtime = st.st_mtim.tv_sec;
	hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, buf->data,
					  buf->len);
	g_strlcpy(in->sha256, hex, sizeof(in->sha256));
	in->data = g_byte_array_free_to_bytes(g_steal_pointer(&buf));
	return in;
}

/* open() of the last component: never follows a symlink, never blocks
 * on a FIFO. */
static int open_file(int dirfd, const char *name, GError **err)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
				     O_CLOEXEC | O_NOCTTY);

	if (fd < 0) {
		/* ELOOP: the last component is a symlink. */
		if (errno == ELOOP)
			g_set_error_literal(err, SCREENER_ERROR,
					    SE_NOT_REGULAR, not_regular);
		else
			set_errno(err, SE_IO, "cannot open", errno);
	}
	return fd;
}

struct input *input_read(const char *path, const struct caps *caps,
			 GError **err)
{
	int fd = open_file(AT_FDCWD, path, err);

	return fd < 0 ? NULL : read_fd(fd, path, NULL, caps, err);
}

/* Whether fd is the folder the scan saw. */
static bool same_dir(int fd, guint64 dev, guint64 ino)
{
	struct stat st;

	return fstat(fd, &st) == 0 && (guint64)st.st_dev == dev &&
	       (guint64)st.st_ino == ino;
}

struct input *input_read_origin(const struct input_origin *o,
				const struct caps *caps, GError **err)
{
	g_autofree char *path = g_build_filename(o->root, o->name, NULL);
	g_auto(GStrv) parts = g_strsplit(o->name, "/", -1);
	int dir, fd;
	guint i;

	dir = open(o->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0) {
		set_errno(err, SE_IO, "cannot open the inbox", errno);
		return NULL;
	}
	if (!same_dir(dir, o->root_dev, o->root_ino)) {
		close(dir);
		g_set_error_literal(err, SCREENER_ERROR, SE_NOT_REGULAR,
				    "inbox replaced since it was listed, "
				    "skipped");
		return NULL;
	}
	for (i = 0; parts[i] && parts[i + 1]; i++) {
		int sub = openat(dir, parts[i], O_RDONLY | O_DIRECTORY |
				 O_NOFOLLOW | O_CLOEXEC);
		int e = errno;

		close(dir);
		if (sub < 0 && (e == ELOOP || e == ENOTDIR)) {
			g_set_error_literal(err, SCREENER_ERROR,
					    SE_NOT_REGULAR,
					    "folder replaced by a symlink or "
					    "a file since the inbox was "
					    "listed, skipped");
			return NULL;
		}
		if (sub < 0) {
			set_errno(err, SE_IO, "cannot open the folder", e);
			return NULL;
		}
		if (!same_dir(sub, o->dir_dev, o->dir_ino)) {
			close(sub);
			g_set_error_literal(err, SCREENER_ERROR,
					    SE_NOT_REGULAR,
					    "folder replaced since the inbox "
					    "was listed, skipped");
			return NULL;
		}
		dir = sub;
	}
	fd = open_file(dir, parts[i] ? parts[i] : "", err);
	close(dir);
	return fd < 0 ? NULL : read_fd(fd, path, o, caps, err);
}

void input_origin_clear(struct input_origin *o)
{
	g_clear_pointer(&o->root, g_free);
	g_clear_pointer(&o->name, g_free);
}

void input_free(struct input *in)
{
	if (!in)
		return;
	g_free(in->path);
	g_bytes_unref(in->data);
	g_free(in);
}
