/*
 * paths.c - the data directory, found from the real path of the running
 * program.  Touches nothing but stat(); every caller decides what a
 * missing folder means.
 */
#include <string.h>
#include <glib.h>

#include "paths.h"

#define DEFAULT_RULESET "integration-engineer"

/* The folder holding the running program, absolute and free of links
 * (/proc/self/exe is the kernel's resolved path), or NULL. */
static char *exe_dir(void)
{
	g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);

	return exe ? g_path_get_dirname(exe) : NULL;
}

/* dir/rel with ".." folded away, or NULL when it is not a folder. */
static char *folder_at(const char *dir, const char *rel)
{
	g_autofree char *path = g_build_filename(dir, rel, NULL);
	char *canon = g_canonicalize_filename(path, "/");

	if (!g_file_test(canon, G_FILE_TEST_IS_DIR)) {
		g_free(canon);
		return NULL;
	}
	return canon;
}

char *paths_data_dir(bool *installed)
{
	g_autofree char *dir = exe_dir();
	char *found;

	*installed = false;
	if (!dir)
		return NULL;
	/* $(PREFIX)/bin/screener -> $(PREFIX)/share/screener/criteria */
	found = folder_at(dir, "../share/screener/criteria");
	if (found) {
		*installed = true;
		return found;
	}
	/* A checkout's build folder: build/screener -> criteria/.  The
	 * sources beside it say it is a checkout, not some bin/ folder
	 * that happens to have a criteria/ next to it. */
	found = folder_at(dir, "../criteria");
	if (found) {
		g_autofree char *main_c = g_build_filename(found, "..",
							   "screen", "main.c",
							   NULL);

		if (g_file_test(main_c, G_FILE_TEST_IS_REGULAR))
			return found;
		g_free(found);
	}
	return NULL;
}

/* path relative to the current folder when it lies inside it. */
static char *shown(char *path)
{
	g_autofree char *cwd = g_get_current_dir();
	gsize n = strlen(cwd);

	if (strncmp(path, cwd, n) == 0 && path[n] == '/' && path[n + 1]) {
		char *rel = g_strdup(path + n + 1);

		g_free(path);
		return rel;
	}
	return path;
}

char *paths_default_criteria(void)
{
	bool installed;
	g_autofree char *data = paths_data_dir(&installed);

	if (!data)
		return g_build_filename("criteria", DEFAULT_RULESET, NULL);
	return shown(g_build_filename(data, DEFAULT_RULESET, NULL));
}

char *paths_default_inbox(void)
{
	bool installed;
	g_autofree char *data = paths_data_dir(&installed);
	g_autofree char *samples = NULL;

	if (!data || installed)
		return g_strdup("inbox");
	samples = g_build_filename(data, "..", "samples", NULL);
	return shown(g_canonicalize_filename(samples, "/"));
}
