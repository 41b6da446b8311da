/* test_atomic.c - crash-safe private writes: modes under umask 0, the
 * old file kept when a write fails (file-size limit), no temp file left,
 * the same bytes left alone, batches, and the run lock. */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "error.h"
#include "lock.h"
#include "rm_rf.h"

static guint count_entries(const char *dir)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	guint n = 0;

	while (d && g_dir_read_name(d))
		n++;
	return n;
}

static void test_write_modes(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_atomic.XXXXXX", NULL);
	g_autofree char *sub = g_build_filename(dir, "a", "b", NULL);
	g_autofree char *path = g_build_filename(sub, "r.csv", NULL);
	g_autoptr(GError) err = NULL;
	g_autofree char *back = NULL;
	mode_t old = umask(0);
	struct stat st;

	g_assert_true(atomic_mkdir(sub, &err));
	g_assert_true(atomic_write(path, "one\n", 4, &err));
	g_assert_true(atomic_write(path, "two\n", 4, &err));
	umask(old);
	g_assert_no_error(err);
	g_assert_true(g_file_get_contents(path, &back, NULL, NULL));
	g_assert_cmpstr(back, ==, "two\n");
	g_assert_cmpint(stat(path, &st), ==, 0);
	g_assert_cmpint(st.st_mode & 0777, ==, 0600);
	g_assert_cmpint(stat(sub, &st), ==, 0);
	g_assert_cmpint(st.st_mode & 0777, ==, 0700);
	g_assert_cmpuint(count_entries(sub), ==, 1);	/* no temp file */
	/* A file where a folder should be. */
	g_assert_false(atomic_mkdir(path, &err));
	g_assert_nonnull(err);
	rm_rf(dir);
}

/* HARDENING 28: a report folder that is a symlink, another user's, or
 * writable by group or others, is refused before anything is written or
 * deleted in it. */
static void test_untrusted_dir(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_atomic.XXXXXX", NULL);
	g_autofree char *victim = g_build_filename(dir, "victim", NULL);
	g_autofree char *link = g_build_filename(dir, "html", NULL);
	g_autofree char *open = g_build_filename(dir, "open", NULL);
	g_autofree char *world = g_build_filename(dir, "world", NULL);
	g_autofree char *in_world = g_build_filename(world, "reports", NULL);
	g_autofree char *want = NULL;
	g_autoptr(GError) err = NULL;

	g_assert_true(atomic_mkdir(victim, &err));
	g_assert_cmpint(symlink("victim", link), ==, 0);
	g_assert_false(atomic_mkdir(link, &err));
	want = g_strdup_printf("%s: a symlink, refused", link);
	g_assert_error(err, SCREENER_ERROR, SE_IO);
	g_assert_cmpstr(err->message, ==, want);
	g_clear_error(&err);
	g_clear_pointer(&want, g_free);

	g_assert_true(atomic_mkdir(open, &err));
	g_assert_cmpint(chmod(open, 0770), ==, 0);
	g_assert_false(atomic_mkdir(open, &err));
	want = g_strdup_printf("%s: writable by group or others, refused",
			       open);
	g_assert_cmpstr(err->message, ==, want);
	g_clear_error(&err);
	g_clear_pointer(&want, g_free);

	/* ours, but in a folder anyone can rename it in */
	g_assert_true(atomic_mkdir(world, &err));
	g_assert_cmpint(chmod(world, 0777), ==, 0);
	g_assert_false(atomic_mkdir(in_world, &err));
	want = g_strdup_printf("%s: in a folder anyone can write, refused",
			       in_world);
	g_assert_cmpstr(err->message, ==, want);
	g_clear_error(&err);
	g_clear_pointer(&want, g_free);
	g_assert_cmpint(chmod(world, 01777), ==, 0);	/* sticky: fine */
	g_assert_true(atomic_mkdir(in_world, &err));

	if (geteuid() == 0) {	/* another user's folder */
		g_assert_cmpint(chown(victim, 65534, 65534), ==, 0);
		g_assert_false(atomic_mkdir(victim, &err));
		want = g_strdup_printf("%s: owned by another user, refused",
				       victim);
		g_assert_cmpstr(err->message, ==, want);
	}
	rm_rf(dir);
}

static void test_write_fails_keeps_old(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_atomic.XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "r.csv", NULL);
	g_autoptr(GError) err = NULL;
	g_autofree char *back = NULL;
	g_autofree char *big = g_malloc0(64 * 1024);
	struct rlimit old, small = { 4096, 4096 };

	g_assert_true(atomic_write(path, "old\n", 4, &err));
	/* A file-size limit stands in for a full disk: write() fails with
	 * EFBIG once SIGXFSZ is ignored. */
	signal(SIGXFSZ, SIG_IGN);
	g_assert_cmpint(getrlimit(RLIMIT_FSIZE, &old), ==, 0);
	small.rlim_max = old.rlim_max;
	g_assert_cmpint(setrlimit(RLIMIT_FSIZE, &small), ==, 0);
	g_assert_false(atomic_write(path, big, 64 * 1024, &err));
	g_assert_cmpint(setrlimit(RLIMIT_FSIZE, &old), ==, 0);
	signal(SIGXFSZ, SIG_DFL);
	g_assert_error(err, SCREENER_ERROR, SE_IO);
	g_assert_nonnull(strstr(err->message, "cannot write"));
	g_assert_true(g_file_get_contents(path, &back, NULL, NULL));
	g_assert_cmpstr(back, ==, "old\n");
	g_assert_cmpuint(count_entries(dir), ==, 1);
	rm_rf(dir);
}

static void test_stream(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_atomic.XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "e.csv", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(GString) want = g_string_new(NULL);
	g_autofree char *back = NULL;
	struct atomic_file *af;
	guint i;

	g_assert_true(atomic_write(path, "old\n", 4, &err));
	/* Aborted half-way: the old file stays, no temp file is left. */
	af = atomic_begin(path, &err);
	g_assert_nonnull(af);
	g_assert_true(atomic_append(af, "partial", 7, &err));
	atomic_abort(af);
	g_assert_true(g_file_get_contents(path, &back, NULL, NULL));
	g_assert_cmpstr(back, ==, "old\n");
	g_assert_cmpuint(count_entries(dir), ==, 1);
	g_clear_pointer(&back, g_free);

	/* A killed writer's temp file is cleaned; other files are not. */
	{
		g_autofree char *stale = g_build_filename(dir, ".e.csv.a1B2c3",
							  NULL);
		g_autofree char *other = g_build_filename(dir, ".e.csv.keep",
							  NULL);

		g_assert_true(g_file_set_contents(stale, "x", 1, NULL));
		g_assert_true(g_file_set_contents(other, "x", 1, NULL));
		atomic_clean(path);
		g_assert_false(g_file_test(stale, G_FILE_TEST_EXISTS));
		g_assert_true(g_file_test(other, G_FILE_TEST_EXISTS));
		unlink(other);
	}

	/* Many rows, past the flush size, arrive whole and in order. */
	af = atomic_begin(path, &err);
	for (i = 0; i < 20000; i++) {
		g_autofree char *row = g_strdup_printf("%u,row\r\n", i);

		g_string_append(want, row);
		g_assert_true(atomic_append(af, row, strlen(row), &err));
	}
	g_assert_true(atomic_commit(af, &err));
	g_assert_no_error(err);
	g_assert_true(g_file_get_contents(path, &back, NULL, NULL));
	g_assert_cmpstr(back, ==, want->str);
	g_assert_cmpuint(count_entries(dir), ==, 1);
	rm_rf(dir);
}

/* The same bytes again, whole or streamed, leave the file as it was:
 * same inode (no rename), no temp file. */
static void test_same_bytes(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_atomic.XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "r.csv", NULL);
	g_autoptr(GError) err = NULL;
	struct atomic_file *af;
	struct stat a, b;

	g_assert_true(atomic_write(path, "one\ntwo\n", 8, &err));
	g_assert_cmpint(stat(path, &a), ==, 0);
	g_assert_true(atomic_write(path, "one\ntwo\n", 8, &err));
	af = atomic_begin(path, &err);
	g_assert_true(atomic_append(af, "one\n", 4, &err));
	g_assert_true(atomic_append(af, "two\n", 4, &err));
	g_assert_true(atomic_commit(af, &err));
	g_assert_cmpint(stat(path, &b), ==, 0);
	g_assert_cmpuint(a.st_ino, ==, b.st_ino);
	g_assert_cmpuint(count_entries(dir), ==, 1);
	/* A prefix of the old bytes is a change, not the same file. */
	af = atomic_begin(path, &err);
	g_assert_true(atomic_append(af, "one\n", 4, &err));
	g_assert_true(atomic_commit(af, &err));
	g_assert_no_error(err);
	g_assert_cmpint(stat(path, &b), ==, 0);
	g_assert_cmpuint(a.st_ino, !=, b.st_ino);
	g_assert_cmpint(b.st_size, ==, 4);
	rm_rf(dir);
}

/* In a batch the targets keep their old bytes until the end; then all
 * are replaced and no temp file is left.  A stale temp file is cleaned
 * once, a temp file of the batch itself never. */
static void test_batch(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_atomic.XXXXXX", NULL);
	g_autofree char *one = g_build_filename(dir, "one.html", NULL);
	g_autofree char *two = g_build_filename(dir, "two.html", NULL);
	g_autofree char *stale = g_build_filename(dir, ".two.html.a1B2c3",
						  NULL);
	g_autoptr(GError) err = NULL;
	g_autofree char *back = NULL;

	g_assert_true(atomic_write(one, "old", 3, &err));
	g_assert_true(g_file_set_contents(stale, "x", 1, NULL));
	atomic_batch_begin();
	g_assert_true(atomic_write(one, "new", 3, &err));
	atomic_clean(one);	/* lists the folder: sees one's temp file */
	atomic_clean(one);
	g_assert_true(atomic_write(two, "two", 3, &err));
	g_assert_true(g_file_get_contents(one, &back, NULL, NULL));
	g_assert_cmpstr(back, ==, "old");
	g_clear_pointer(&back, g_free);
	g_assert_false(g_file_test(two, G_FILE_TEST_EXISTS));
	atomic_clean(two);
	g_assert_false(g_file_test(stale, G_FILE_TEST_EXISTS));
	g_assert_true(atomic_batch_end(&err));
	g_assert_no_error(err);
	g_assert_true(g_file_get_contents(one, &back, NULL, NULL));
	g_assert_cmpstr(back, ==, "new");
	g_clear_pointer(&back, g_free);
	g_assert_true(g_file_get_contents(two, &back, NULL, NULL));
	g_assert_cmpstr(back, ==, "two");
	g_assert_cmpuint(count_entries(dir), ==, 2);
	/* An empty batch is fine. */
	atomic_batch_begin();
	g_assert_true(atomic_batch_end(&err));
	rm_rf(dir);
}

/* HARDENING 22: the temp file a report is written to is 0600 from the
 * moment it exists, under umask 000 (it is renamed into place as it is). */
static void test_temp_mode(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_atomic.XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "r.csv", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(GDir) d = NULL;
	struct atomic_file *af;
	const char *name;
	mode_t old = umask(0);
	guint temps = 0;

	af = atomic_begin(path, &err);
	umask(old);
	g_assert_no_error(err);
	g_assert_true(atomic_append(af, "x\n", 2, &err));
	d = g_dir_open(dir, 0, NULL);
	while (d && (name = g_dir_read_name(d))) {
		g_autofree char *p = g_build_filename(dir, name, NULL);
		struct stat st;

		g_assert_true(g_str_has_prefix(name, ".r.csv."));
		g_assert_cmpint(stat(p, &st), ==, 0);
		g_assert_cmpint(st.st_mode & 0777, ==, 0600);
		temps++;
	}
	g_assert_cmpuint(temps, ==, 1);
	atomic_abort(af);
	g_assert_cmpuint(count_entries(dir), ==, 0);
	rmdir(dir);
}

static void test_lock(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_atomic.XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "screen.db.lock", NULL);
	g_autoptr(GError) err = NULL;
	struct lock *a, *b;
	struct stat st;
	mode_t old = umask(0);

	a = lock_acquire(path, &err);
	umask(old);
	g_assert_nonnull(a);
	g_assert_cmpint(stat(path, &st), ==, 0);
	g_assert_cmpint(st.st_mode & 0777, ==, 0600);
	/* flock locks belong to the open file: a second open is refused
	 * even in the same process, as another run would be. */
	b = lock_acquire(path, &err);
	g_assert_null(b);
	g_assert_error(err, SCREENER_ERROR, SE_BUSY);
	g_clear_error(&err);
	lock_release(a);
	b = lock_acquire(path, &err);
	g_assert_nonnull(b);
	lock_release(b);
	rm_rf(dir);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/atomic/write-modes", test_write_modes);
	g_test_add_func("/atomic/untrusted-dir", test_untrusted_dir);
	g_test_add_func("/atomic/write-fails-keeps-old",
			test_write_fails_keeps_old);
	g_test_add_func("/atomic/stream", test_stream);
	g_test_add_func("/atomic/same-bytes", test_same_bytes);
	g_test_add_func("/atomic/batch", test_batch);
	g_test_add_func("/atomic/temp-mode", test_temp_mode);
	g_test_add_func("/atomic/lock", test_lock);
	return g_test_run();
}
