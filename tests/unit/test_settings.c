/*
 * test_settings.c - settings.c: which file is read, what wins, relative
 * paths, and the errors that name the file.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "error.h"
#include "settings.h"

/* A fresh folder made current, with XDG_CONFIG_HOME inside it (set once
 * in main: GLib reads it on first use). */
static char *top;

static char *enter_fresh(void)
{
	char *dir = g_dir_make_tmp("settings-XXXXXX", NULL);

	g_assert_nonnull(dir);
	g_assert_cmpint(chdir(dir), ==, 0);
	return dir;
}

static void put_file(const char *path, const char *text)
{
	g_autofree char *dir = g_path_get_dirname(path);

	g_assert_cmpint(g_mkdir_with_parents(dir, 0700), ==, 0);
	g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

static void test_precedence(void)
{
	g_autofree char *dir = enter_fresh();
	g_autofree char *xdg = g_build_filename(top, "xdg", "screener",
						"screener.ini", NULL);
	g_autoptr(GError) err = NULL;
	struct settings *s;

	g_unlink(xdg);
	s = settings_load(NULL, &err);
	g_assert_no_error(err);
	g_assert_null(settings_file(s));
	g_assert_cmpstr(settings_value(s, SETTINGS_SETTLE), ==, "5");
	g_assert_cmpstr(settings_origin(s, SETTINGS_SETTLE), ==, "default");
	g_assert_cmpstr(settings_value(s, SETTINGS_DATABASE), ==,
			"reports/screen.db");
	settings_free(s);

	/* The user's file. */
	put_file(xdg, "[screener]\nsettle = 9\nreports = /srv/r\n");
	s = settings_load(NULL, &err);
	g_assert_no_error(err);
	g_assert_cmpstr(settings_file(s), ==, xdg);
	g_assert_cmpstr(settings_value(s, SETTINGS_SETTLE), ==, "9");
	g_assert_cmpstr(settings_origin(s, SETTINGS_SETTLE), ==, xdg);
	g_assert_cmpstr(settings_value(s, SETTINGS_REPORTS), ==, "/srv/r");
	settings_free(s);

	/* ./screener.ini is read instead, not merged with it. */
	put_file("screener.ini", "[screener]\njobs = 3\n");
	s = settings_load(NULL, &err);
	g_assert_no_error(err);
	g_assert_cmpstr(settings_file(s), ==, "screener.ini");
	g_assert_cmpstr(settings_value(s, SETTINGS_JOBS), ==, "3");
	g_assert_cmpstr(settings_value(s, SETTINGS_SETTLE), ==, "5");
	g_assert_cmpstr(settings_value(s, SETTINGS_REPORTS), ==, "reports");

	/* The command line wins over the file. */
	settings_override(s, SETTINGS_JOBS, "7", "--jobs");
	settings_override(s, SETTINGS_SETTLE, NULL, "--settle");
	g_assert_cmpstr(settings_value(s, SETTINGS_JOBS), ==, "7");
	g_assert_cmpstr(settings_origin(s, SETTINGS_JOBS), ==, "--jobs");
	g_assert_cmpstr(settings_origin(s, SETTINGS_SETTLE), ==, "default");
	settings_free(s);

	/* --config FILE before every other place. */
	put_file("other/given.ini", "[screener]\nsettle = 1\n");
	s = settings_load("other/given.ini", &err);
	g_assert_no_error(err);
	g_assert_cmpstr(settings_value(s, SETTINGS_SETTLE), ==, "1");
	g_assert_cmpstr(settings_value(s, SETTINGS_JOBS), !=, "3");
	settings_free(s);
	g_unlink(xdg);
	g_assert_cmpint(chdir(top), ==, 0);
}

/* A relative path is taken from the file's folder; other values and
 * absolute paths are kept as written. */
static void test_relative(void)
{
	g_autofree char *dir = enter_fresh();
	g_autoptr(GError) err = NULL;
	g_autoptr(settings) s = NULL;
	g_autofree char *pick = NULL;

	put_file("etc/s.ini", "[screener]\ninbox = in\ndatabase = /d/s.db\n"
		 "criteria = ../rules\nsettle = 2\n");
	s = settings_load("etc/s.ini", &err);
	g_assert_no_error(err);
	g_assert_cmpstr(settings_value(s, SETTINGS_INBOX), ==, "etc/in");
	g_assert_cmpstr(settings_value(s, SETTINGS_DATABASE), ==, "/d/s.db");
	g_assert_cmpstr(settings_value(s, SETTINGS_CRITERIA), ==,
			"etc/../rules");
	g_assert_cmpstr(settings_value(s, SETTINGS_SETTLE), ==, "2");
	/* settings_pick: the value given wins, else the file's. */
	pick = settings_pick("etc/s.ini", SETTINGS_DATABASE, NULL, &err);
	g_assert_cmpstr(pick, ==, "/d/s.db");
	g_free(pick);
	pick = settings_pick("etc/s.ini", SETTINGS_DATABASE, "x.db", &err);
	g_assert_cmpstr(pick, ==, "x.db");
	g_assert_cmpint(chdir(top), ==, 0);
}

static void test_errors(void)
{
	static const struct {
		const char *text, *message;
	} bad[] = {
		{ "[screener]\ninbx = x\n", "b.ini: unknown key 'inbx'" },
		{ "[run]\ninbox = x\n", "b.ini: unknown group [run]" },
		{ "[screener]\ninbox =\n", "b.ini: inbox: empty value" },
		{ "inbox = x\n", "b.ini: " },	/* no group: not a key file */
	};
	g_autofree char *dir = enter_fresh();
	guint i;

	for (i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autoptr(GError) err = NULL;

		put_file("b.ini", bad[i].text);
		g_assert_null(settings_load("b.ini", &err));
		g_assert_error(err, SCREENER_ERROR, SE_CONFIG);
		g_assert_true(g_str_has_prefix(err->message, bad[i].message));
	}
	{
		g_autoptr(GError) err = NULL;

		g_assert_null(settings_load("missing.ini", &err));
		g_assert_cmpstr(err->message, ==, "missing.ini: no such file");
		g_assert_null(settings_pick("missing.ini", SETTINGS_INBOX,
					    NULL, NULL));
	}
	g_assert_cmpint(chdir(top), ==, 0);
}

/* Integers: the range, and where a bad one came from. */
static void test_int(void)
{
	g_autofree char *dir = enter_fresh();
	g_autoptr(GError) err = NULL;
	g_autoptr(settings) s = NULL;
	int n = -1;

	put_file("s.ini", "[screener]\njobs = 999\nsettle = 12\n");
	s = settings_load("s.ini", &err);
	g_assert_no_error(err);
	g_assert_true(settings_int(s, SETTINGS_SETTLE, 0, 3600, &n, &err));
	g_assert_cmpint(n, ==, 12);
	g_assert_false(settings_int(s, SETTINGS_JOBS, 0, 256, &n, &err));
	g_assert_cmpstr(err->message, ==, "s.ini: jobs: between 0 and 256");
	g_clear_error(&err);
	settings_override(s, SETTINGS_JOBS, "4x", "--jobs");
	g_assert_false(settings_int(s, SETTINGS_JOBS, 0, 256, &n, &err));
	g_assert_cmpstr(err->message, ==, "--jobs: between 0 and 256");
	g_assert_cmpint(chdir(top), ==, 0);
}

int main(int argc, char **argv)
{
	g_autofree char *xdg = NULL;
	int rc;

	g_test_init(&argc, &argv, NULL);
	top = g_dir_make_tmp("settings-top-XXXXXX", NULL);
	g_assert_nonnull(top);
	xdg = g_build_filename(top, "xdg", NULL);
	g_setenv("XDG_CONFIG_HOME", xdg, TRUE);
	g_assert_cmpint(chdir(top), ==, 0);
	g_test_add_func("/settings/precedence", test_precedence);
	g_test_add_func("/settings/relative", test_relative);
	g_test_add_func("/settings/errors", test_errors);
	g_test_add_func("/settings/int", test_int);
	rc = g_test_run();
	{
		/* Every folder made above lies under top. */
		const char *rm[] = { "rm", "-rf", top, NULL };

		g_assert_true(g_spawn_sync(NULL, (char **)rm, NULL,
					   G_SPAWN_SEARCH_PATH, NULL, NULL,
					   NULL, NULL, NULL, NULL));
	}
	g_free(top);
	return rc;
}
