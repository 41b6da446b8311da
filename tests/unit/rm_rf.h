/*
 * rm_rf.h - test helper: remove a test's temporary folder and all it
 * holds, so no test leaves anything in /tmp.  Included by test_*.c only.
 */
#ifndef SCREENER_TEST_RM_RF_H
#define SCREENER_TEST_RM_RF_H

#include <stdlib.h>
#include <glib.h>

static void rm_rf(const char *dir)
{
	g_autofree char *quoted = g_shell_quote(dir);
	g_autofree char *cmd = g_strconcat("rm -rf ", quoted, NULL);

	g_assert_cmpint(system(cmd), ==, 0);
}

#endif
