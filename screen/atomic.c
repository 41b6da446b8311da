/*
 * atomic.c - crash-safe, private file writes (see atomic.h).
 *
 * Owns the temp-file, fsync and rename dance and the private modes of
 * report files and folders.  Knows nothing of what the bytes mean.
 *
 * Two savings, neither weakening the guarantee:
 *  - A file whose new bytes equal the old ones is left alone: the new
 *    bytes are compared with the target as they are written, and an
 *    equal temp file is removed instead of synced and renamed.  An
 *    unchanged inbox then costs no fsync at all.
 *  - Inside a batch (atomic_batch_begin/end), commits are queued: every
 *    temp file is written and closed, then one syncfs() makes them all
 *    durable, then each is renamed and each folder synced once.  A run
 *    writing 2,000 report pages pays one sync instead of 4,000 (about a
 *    millisecond each on an ordinary disk), and every target is still
 *    either its old or its new complete file.
 * The batch is process-wide (report writers call atomic_write() with no
 * context) and guarded by a mutex; it is meant for the one thread that
 * writes reports.
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
/* mkostemp's template: it replaces these with as many random chars. */
#define TEMP_RANDOM "XXXXXX"
#define TEMP_SUFFIX_LEN (sizeof(TEMP_RANDOM) - 1)

struct atomic_file {
	int fd;
	char *path, *tmp, *dir;
	GString *buf;
	int old;		/* the target, open to compare; -1: none */
	bool same;		/* every byte so far equals the target's */
};

/* A queued commit: tmp is complete and closed, not yet synced. */
struct pending {
	char *tmp, *path, *dir;
};

static struct {
	GMutex lock;
	bool on;
	GPtrArray *pending;	/* struct pending * */
	GHashTable *queued;	/* temp paths in pending (borrowed) */
	GHashTable *stale;	/* dir -> (base -> GPtrArray of temp names) */
} batch;

static void pending_free(gpointer p)
{
	struct pending *q = p;

	g_free(q->tmp);
	g_free(q->path);
	g_free(q->dir);
	g_free(q);
}

struct atomic_file *atomic_begin(const char *path, GError **err)
{
	g_autofree char *base = g_path_get_basename(path);
	struct atomic_file *af = g_new0(struct atomic_file, 1);

	af->dir = g_path_get_dirname(path);
	af->path = g_strdup(path);
	af->tmp = g_strdup_printf("%s/.%s." TEMP_RANDOM, af->dir, base);
	af->buf = g_string_sized_new(FLUSH_AT + 1);
	/* Never through a link: a link at the target is replaced. */
	af->old = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	af->same = af->old >= 0;
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

/* Read exactly len bytes of fd; false at an early end or an error. */
static bool read_exact(int fd, guint8 *p, gsize len)
{
	while (len > 0) {
		ssize_t n = read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (gsize)n;
	}
	return true;
}

/* Does the target go on with exactly these bytes? */
static void compare_next(struct atomic_file *af, const guint8 *p, gsize len)
{
	guint8 chunk[16384];

	while (af->same && len > 0) {
		gsize n = MIN(len, sizeof(chunk));

		af->same = read_exact(af->old, chunk, n) &&
			   memcmp(chunk, p, n) == 0;
		p += n;
		len -= n;
	}
}

/* True when the target has nothing after what was compared. */
static bool compare_end(struct atomic_file *af)
{
	guint8 c;

	return af->same && read(af->old, &c, 1) == 0;
}

static bool write_out(struct atomic_file *af, const guint8 *p, gsize len,
		      GError **err)
{
	compare_next(af, p, len);
	if (!write_all(af->fd, p, len))
		return fail_errno(err, "cannot write", errno);
	return true;
}

static bool flush(struct atomic_file *af, GError **err)
{
	if (!write_out(af, (const guint8 *)af->buf->str, af->buf->len, err))
		return false;
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
	if (af->old >= 0)
		close(af->old);
	if (af->tmp)
		unlink(af->tmp);
	g_free(af->path);
	g_free(af->tmp);
	g_free(af->dir);
	g_string_free(af->buf, TRUE);
	g_free(af);
}

/* Queue af's finished temp file for atomic_batch_end(); af is freed. */
static void enqueue(struct atomic_file *af)
{
	struct pending *q = g_new0(struct pending, 1);

	q->tmp = g_steal_pointer(&af->tmp);
	q->path = g_strdup(af->path);
	q->dir = g_strdup(af->dir);
	g_ptr_array_add(batch.pending, q);
	g_hash_table_add(batch.queued, q->tmp);
	atomic_abort(af);
}

bool atomic_commit(struct atomic_file *af, GError **err)
{
	int fd = af->fd;
	bool queued;

	if (!flush(af, err))
		goto fail;
	if (compare_end(af)) {
		atomic_abort(af);	/* same bytes: keep the old file */
		return true;
	}
	g_mutex_lock(&batch.lock);
	queued = batch.on;
	g_mutex_unlock(&batch.lock);
	if (!queued && fsync(fd) != 0) {
		fail_errno(err, "cannot write", errno);
		goto fail;
	}
	af->fd = -1;
	if (close(fd) != 0) {
		fail_errno(err, "cannot write", errno);
		goto fail;
	}
	if (queued) {
		g_mutex_lock(&batch.lock);
		enqueue(af);
		g_mutex_unlock(&batch.lock);
		return true;
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

/* True when path already holds exactly len bytes of data. */
static bool holds(const char *path, const void *data, gsize len)
{
	struct stat st;
	bool same;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

	if (fd < 0)
		return false;
	same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	       (guint64)st.st_size == len;
	if (same) {
		g_autofree guint8 *old = g_malloc(len + 1);

		same = read_exact(fd, old, len) && memcmp(old, data, len) == 0;
	}
	close(fd);
	return same;
}

bool atomic_write(const char *path, const void *data, gsize len,
		  GError **err)
{
	struct atomic_file *af;

	if (holds(path, data, len))
		return true;
	af = atomic_begin(path, err);
	if (!af)
		return false;
	af->same = false;	/* known to differ */
	/* Straight to the file: no copy through the buffer. */
	if (!write_out(af, data, len, err)) {
		atomic_abort(af);
		return false;
	}
	return atomic_commit(af, err);
}

/* The base name a temp file of ours stands for (".base." and the
 * random suffix), or NULL when name is not one. */
static char *temp_base(const char *name)
{
	gsize n = strlen(name);

	if (name[0] != '.' || n < TEMP_SUFFIX_LEN + 3 ||
	    name[n - TEMP_SUFFIX_LEN - 1] != '.')
		return NULL;
	return g_strndup(name + 1, n - TEMP_SUFFIX_LEN - 2);
}

/* Every temp file of ours in dir, by the base name it stands for. */
static GHashTable *scan_stale(const char *dir)
{
	GHashTable *by_base = g_hash_table_new_full(
		g_str_hash, g_str_equal, g_free,
		(GDestroyNotify)g_ptr_array_unref);
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	const char *name;

	while (d && (name = g_dir_read_name(d)) != NULL) {
		char *base = temp_base(name);
		GPtrArray *names;

		if (!base)
			continue;
		names = g_hash_table_lookup(by_base, base);
		if (!names) {
			names = g_ptr_array_new_with_free_func(g_free);
			g_hash_table_insert(by_base, base, names);
		} else {
			g_free(base);
		}
		g_ptr_array_add(names, g_build_filename(dir, name, NULL));
	}
	return by_base;
}

void atomic_clean(const char *path)
{
	g_autofree char *dir = g_path_get_dirname(path);
	g_autofree char *base = g_path_get_basename(path);
	g_autoptr(GHashTable) own = NULL;
	GHashTable *by_base;
	GPtrArray *names;
	guint i;

	/* In a batch a folder is listed once, not once per file: a
	 * folder of 2,000 pages would otherwise be read 2,000 times. */
	g_mutex_lock(&batch.lock);
	if (batch.on) {
		by_base = g_hash_table_lookup(batch.stale, dir);
		if (!by_base) {
			by_base = scan_stale(dir);
			g_hash_table_insert(batch.stale, g_strdup(dir),
					    by_base);
		}
	} else {
		by_base = own = scan_stale(dir);
	}
	names = g_hash_table_lookup(by_base, base);
	for (i = 0; names && i < names->len; i++) {
		const char *tmp = g_ptr_array_index(names, i);

		/* Written in this batch, listed before: ours, not stale. */
		if (!batch.on || !g_hash_table_contains(batch.queued, tmp))
			unlink(tmp);
	}
	g_hash_table_remove(by_base, base);
	g_mutex_unlock(&batch.lock);
}

void atomic_batch_begin(void)
{
	g_mutex_lock(&batch.lock);
	g_assert(!batch.on);
	batch.on = true;
	batch.pending = g_ptr_array_new_with_free_func(pending_free);
	batch.queued = g_hash_table_new(g_str_hash, g_str_equal);
	batch.stale = g_hash_table_new_full(
		g_str_hash, g_str_equal, g_free,
		(GDestroyNotify)g_hash_table_unref);
	g_mutex_unlock(&batch.lock);
}

/* True when dev is in devs; else adds it. */
static bool seen_dev(GArray *devs, dev_t dev)
{
	guint i;

	for (i = 0; i < devs->len; i++)
		if (g_array_index(devs, dev_t, i) == dev)
			return true;
	g_array_append_val(devs, dev);
	return false;
}

/* Make every queued temp file durable: one syncfs() per file system
 * they are on (a report folder may be a mount of its own). */
static bool sync_pending(GPtrArray *pending)
{
	g_autoptr(GArray) devs = g_array_new(FALSE, FALSE, sizeof(dev_t));
	guint i;

	for (i = 0; i < pending->len; i++) {
		const struct pending *q = g_ptr_array_index(pending, i);
		int fd = open(q->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		struct stat st;
		bool ok;

		if (fd < 0)
			return false;
		ok = fstat(fd, &st) == 0 &&
		     (seen_dev(devs, st.st_dev) || syncfs(fd) == 0);
		close(fd);
		if (!ok)
			return false;
	}
	return true;
}

bool atomic_batch_end(GError **err)
{
	g_autoptr(GPtrArray) pending = NULL;
	g_autoptr(GHashTable) dirs = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTableIter it;
	gpointer dir;
	bool ok = true;
	guint i;

	g_mutex_lock(&batch.lock);
	pending = g_steal_pointer(&batch.pending);
	g_clear_pointer(&batch.queued, g_hash_table_unref);
	g_clear_pointer(&batch.stale, g_hash_table_unref);
	batch.on = false;
	g_mutex_unlock(&batch.lock);
	if (!pending || pending->len == 0)
		return true;
	if (!sync_pending(pending)) {
		fail_errno(err, "cannot write", errno);
		ok = false;
	}
	for (i = 0; i < pending->len; i++) {
		const struct pending *q = g_ptr_array_index(pending, i);

		if (ok && rename(q->tmp, q->path) != 0) {
			fail_errno(err, "cannot rename", errno);
			ok = false;
		}
		if (!ok) {
			unlink(q->tmp);
			continue;
		}
		g_hash_table_add(dirs, q->dir);
	}
	g_hash_table_iter_init(&it, dirs);
	while (ok && g_hash_table_iter_next(&it, &dir, NULL))
		if (!fsync_dir(dir))
			ok = fail_errno(err, "cannot sync the folder", errno);
	return ok;
}

/* Whether dir may be written to and deleted in: a folder (not a
 * symlink to one) of ours that no one else can write, in a folder others
 * cannot rename it in (not writable by all, or sticky like /tmp).  A
 * reports folder planted by another user (or an `html` or `annotated`
 * symlink inside ours) would make a root run write pages and delete
 * files wherever that user chose.  Our own folder, which no one else can
 * write, keeps what is inside it as we left it: names below it are safe
 * to use by path. */
static bool dir_trusted(const char *dir, GError **err)
{
	g_autofree char *parent = g_path_get_dirname(dir);
	const char *why = NULL;
	struct stat st, pst;

	if (lstat(dir, &st) != 0)
		return fail_errno(err, "cannot create folder", errno);
	if (S_ISLNK(st.st_mode))
		why = "a symlink";
	else if (!S_ISDIR(st.st_mode))
		why = "not a folder";
	else if (st.st_uid != geteuid())
		why = "owned by another user";
	else if (st.st_mode & (S_IWGRP | S_IWOTH))
		why = "writable by group or others";
	else if (stat(parent, &pst) == 0 && (pst.st_mode & S_IWOTH) &&
		 !(pst.st_mode & S_ISVTX))
		why = "in a folder anyone can write";
	if (!why)
		return true;
	g_set_error(err, SCREENER_ERROR, SE_IO, "%s: %s, refused", dir, why);
	return false;
}

static bool make_dir(const char *dir, GError **err)
{
	g_autofree char *parent = NULL;
	struct stat st;

	if (lstat(dir, &st) == 0)
		return true;	/* dir_trusted() judges it */
	if (errno != ENOENT)
		return fail_errno(err, "cannot create folder", errno);
	parent = g_path_get_dirname(dir);
	if (strcmp(parent, dir) != 0 && stat(parent, &st) != 0 &&
	    !make_dir(parent, err))
		return false;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return fail_errno(err, "cannot create folder", errno);
	/* mkdir honours the umask, which may be looser than 0700 or take
	 * our own write bit: set the mode we mean. */
	if (chmod(dir, 0700) != 0)
		return fail_errno(err, "cannot create folder", errno);
	return true;
}

bool atomic_mkdir(const char *dir, GError **err)
{
	return make_dir(dir, err) && dir_trusted(dir, err);
}
