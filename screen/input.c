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

struct input *input_read(const char *path, const struct caps *caps,
			 GError **err)
{
	g_autoptr(GByteArray) buf = NULL;
	struct input *in;
	g_autofree char *hex = NULL;
	struct stat st;
	int fd;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
			O_NOCTTY);
	if (fd < 0) {
		/* ELOOP: the last component is a symlink. */
		if (errno == ELOOP)
			g_set_error_literal(err, SCREENER_ERROR,
					    SE_NOT_REGULAR, not_regular);
		else
			set_errno(err, SE_IO, "cannot open", errno);
		return NULL;
	}
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

void input_free(struct input *in)
{
	if (!in)
		return;
	g_free(in->path);
	g_bytes_unref(in->data);
	g_free(in);
}
