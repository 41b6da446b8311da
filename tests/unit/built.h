/*
 * built.h - where the build a test binary belongs to is: tests run from
 * BUILD/tests/, the program they spawn as an extraction child is
 * BUILD/screener.
 */
#ifndef TEST_BUILT_H
#define TEST_BUILT_H

#include <glib.h>

/* BUILD, the folder above the running test binary; caller frees. */
static inline char *built_dir(void)
{
	g_autofree char *self = g_file_read_link("/proc/self/exe", NULL);
	g_autofree char *tests = NULL;

	g_assert_nonnull(self);
	tests = g_path_get_dirname(self);
	return g_path_get_dirname(tests);
}

/* BUILD/screener, asserted executable; caller frees. */
static inline char *built_screener(void)
{
	g_autofree char *build = built_dir();
	char *screener = g_build_filename(build, "screener", NULL);

	g_assert_true(g_file_test(screener, G_FILE_TEST_IS_EXECUTABLE));
	return screener;
}

#endif
