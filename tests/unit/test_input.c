/* test_input.c - input_read(): content and hash of a regular file, and
 * every kind of file that must be refused (without blocking). */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "input.h"

static char *dir;

static char *path_in(const char *name)
{
	return g_build_filename(dir, name, NULL);
}

static void test_regular(void)
{
	g_autofree char *p = path_in("cv.txt");
	struct caps caps = caps_default();
	g_autoptr(GError) err = NULL;
	struct input *in;
	gsize len;
	const char *data;
	struct stat st;

	g_assert_true(g_file_set_contents(p, "abc", 3, NULL));
	in = input_read(p, &caps, &err);
	g_assert_no_error(err);
	g_assert_cmpstr(in->path, ==, p);
	data = g_bytes_get_data(in->data, &len);
	g_assert_cmpmem(data, len, "abc", 3);
	/* FIPS 180-2, appendix B.1 */
	g_assert_cmpstr(in->sha256, ==,
			"ba7816bf8f01cfea414140de5dae2223"
			"b00361a396177a9cb410ff61f20015ad");
	g_assert_cmpint(stat(p, &st), ==, 0);
	g_assert_cmpint(in->mtime, ==, st.st_mtim.tv_sec);
	input_free(in);
}

static void test_empty(void)
{
	g_autofree char *p = path_in("empty");
	struct caps caps = caps_default();
	g_autoptr(GError) err = NULL;
	struct input *in;

	g_assert_true(g_file_set_contents(p, "", 0, NULL));
	in = input_read(p, &caps, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(g_bytes_get_size(in->data), ==, 0);
	g_assert_cmpstr(in->sha256, ==,
			"e3b0c44298fc1c149afbf4c8996fb924"
			"27ae41e4649b934ca495991b7852b855");
	input_free(in);
}

static void expect(const char *path, const struct caps *caps, int code,
		   const char *message)
{
	g_autoptr(GError) err = NULL;

	g_assert_null(input_read(path, caps, &err));
	g_assert_error(err, SCREENER_ERROR, code);
	g_assert_cmpstr(err->message, ==, message);
}

/* A FIFO with no writer would block a plain open() for ever; the test
 * would hang rather than fail, so the alarm turns that into a failure. */
static void test_fifo(void)
{
	g_autofree char *p = path_in("fifo");
	struct caps caps = caps_default();

	g_assert_cmpint(mkfifo(p, 0600), ==, 0);
	alarm(5);
	expect(p, &caps, SE_NOT_REGULAR, "not a regular file, skipped");
	alarm(0);
}

static void test_symlink(void)
{
	g_autofree char *target = path_in("target.txt");
	g_autofree char *p = path_in("link.txt");
	struct caps caps = caps_default();

	g_assert_true(g_file_set_contents(target, "secret", -1, NULL));
	g_assert_cmpint(symlink(target, p), ==, 0);
	expect(p, &caps, SE_NOT_REGULAR, "not a regular file, skipped");
}

static void test_not_regular(void)
{
	struct caps caps = caps_default();

	expect("/dev/null", &caps, SE_NOT_REGULAR,
	       "not a regular file, skipped");
	expect(dir, &caps, SE_NOT_REGULAR, "not a regular file, skipped");
}

static void test_missing(void)
{
	g_autofree char *p = path_in("no-such-file");
	struct caps caps = caps_default();

	expect(p, &caps, SE_IO, "cannot open: no such file or directory");
}

static void test_too_large(void)
{
	g_autofree char *p = path_in("big");
	g_autofree char *q = path_in("exact");
	struct caps caps = caps_default();
	g_autoptr(GError) err = NULL;
	struct input *in;
	int fd;

	/* Sparse: the size is what counts, checked before reading. */
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	g_assert_cmpint(fd, >=, 0);
	g_assert_cmpint(ftruncate(fd, 21u << 20), ==, 0);
	close(fd);
	expect(p, &caps, SE_TOO_LARGE, "file too large (21 MiB, limit 20 MiB)");

	caps.file_bytes = 1u << 20;
	fd = open(p, O_WRONLY | O_TRUNC);
	g_assert_cmpint(ftruncate(fd, (3u << 20) / 2), ==, 0);
	close(fd);
	expect(p, &caps, SE_TOO_LARGE,
	       "file too large (1.5 MiB, limit 1 MiB)");

	/* Exactly at the cap is allowed. */
	fd = open(q, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	g_assert_cmpint(ftruncate(fd, 1u << 20), ==, 0);
	close(fd);
	in = input_read(q, &caps, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(g_bytes_get_size(in->data), ==, 1u << 20);
	input_free(in);
}

/* Larger than one read() chunk, with a known hash. */
static void test_large_content(void)
{
	g_autofree char *p = path_in("large");
	g_autofree char *want = NULL;
	struct caps caps = caps_default();
	g_autoptr(GError) err = NULL;
	g_autofree char *buf = g_malloc(300000);
	struct input *in;
	gsize i;

	for (i = 0; i < 300000; i++)
		buf[i] = 'a' + i % 26;
	g_assert_true(g_file_set_contents(p, buf, 300000, NULL));
	want = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
					   (const guchar *)buf, 300000);
	in = input_read(p, &caps, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(g_bytes_get_size(in->data), ==, 300000);
	g_assert_cmpmem(g_bytes_get_data(in->data, NULL), 300000, buf, 300000);
	g_assert_cmpstr(in->sha256, ==, want);
	input_free(in);
}

int main(int argc, char **argv)
{
	int rc;

	g_test_init(&argc, &argv, NULL);
	dir = g_dir_make_tmp("test_input-XXXXXX", NULL);
	g_assert_nonnull(dir);
	g_test_add_func("/input/regular", test_regular);
	g_test_add_func("/input/empty", test_empty);
	g_test_add_func("/input/fifo", test_fifo);
	g_test_add_func("/input/symlink", test_symlink);
	g_test_add_func("/input/not_regular", test_not_regular);
	g_test_add_func("/input/missing", test_missing);
	g_test_add_func("/input/too_large", test_too_large);
	g_test_add_func("/input/large_content", test_large_content);
	rc = g_test_run();
	{
		g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			rc = 1;
	}
	g_free(dir);
	return rc;
}
