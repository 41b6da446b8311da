/*
 * hostile.h - test helper: the hostile fixtures of tests/fixtures/
 * mkhostile.py, written to a fresh temporary folder once per test binary.
 * Included by test_*.c only.
 */
#ifndef SCREENER_TEST_HOSTILE_H
#define SCREENER_TEST_HOSTILE_H

#include <glib.h>
#include <glib/gstdio.h>

#include "extract.h"

static char *hostile_dir;

/* The repository root: $ROOT from tests/run.sh, else the working dir. */
static const char *hostile_root(void)
{
	const char *root = g_getenv("ROOT");

	return root && *root ? root : ".";
}

static void hostile_make(void)
{
	g_autofree char *script = g_build_filename(
		hostile_root(), "tests", "fixtures", "mkhostile.py", NULL);
	g_autoptr(GError) err = NULL;
	char *argv[] = { "python3", script, NULL, NULL };
	int status = 0;

	hostile_dir = g_dir_make_tmp("screener-hostile-XXXXXX", &err);
	g_assert_no_error(err);
	argv[2] = hostile_dir;
	g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
		     NULL, &status, &err);
	g_assert_no_error(err);
	g_assert_true(g_spawn_check_wait_status(status, NULL));
}

static void hostile_clean(void)
{
	g_autoptr(GDir) dir = g_dir_open(hostile_dir, 0, NULL);
	const char *name;

	while (dir && (name = g_dir_read_name(dir))) {
		g_autofree char *p = g_build_filename(hostile_dir, name, NULL);

		g_unlink(p);
	}
	g_rmdir(hostile_dir);
	g_free(hostile_dir);
}

/* The bytes of a fixture (or of any file, when name is absolute);
 * caller frees. */
static GBytes *hostile_load(const char *name)
{
	g_autofree char *p = g_path_is_absolute(name) ? g_strdup(name) :
			     g_build_filename(hostile_dir, name, NULL);
	g_autoptr(GError) err = NULL;
	char *buf = NULL;
	gsize len = 0;

	g_file_get_contents(p, &buf, &len, &err);
	g_assert_no_error(err);
	return g_bytes_new_take(buf, len);
}

/* Run one extractor over a fixture (or any file, when path is absolute)
 * with the default caps and a text cap of cap (0: the default).  NULL
 * with err when the extractor fails; caller frees the doc. */
static inline struct doc *hostile_extract(const char *path, enum doc_format fmt,
					  bool (*fn)(const guint8 *, gsize,
					      const struct caps *, struct doc *,
					      GError **),
				   uint64_t cap, GError **err)
{
	g_autoptr(GBytes) b = hostile_load(path);
	struct caps c = caps_default();
	struct doc *d = doc_new(fmt, cap ? cap : c.text_bytes);
	gsize len;
	const guint8 *p = g_bytes_get_data(b, &len);

	if (!fn(p, len, &c, d, err)) {
		doc_free(d);
		return NULL;
	}
	return d;
}

#endif
