/*
 * cmd_report.c - "screener report": regenerate the reports from the
 * database alone, without re-screening.
 *
 * Owns the command's options.  Reads the store; writes only report
 * files.  Takes the run lock so it never reads a run half-way.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "lock.h"
#include "report.h"
#include "settings.h"
#include "store.h"

int cmd_report(int argc, char **argv)
{
	g_autofree char *db = NULL;
	g_autofree char *reports = NULL;
	g_autofree char *given_db = NULL;
	g_autofree char *given_reports = NULL;
	g_autofree char *config = NULL;
	gboolean blind = FALSE;
	GOptionEntry entries[] = {
		CLI_OPTION_CONFIG(config),
		{ "db", 0, 0, G_OPTION_ARG_FILENAME, &given_db,
		  "database (default reports/screen.db)", "FILE" },
		{ "reports", 0, 0, G_OPTION_ARG_FILENAME, &given_reports,
		  "report folder (default reports)", "DIR" },
		{ "blind", 0, 0, G_OPTION_ARG_NONE, &blind,
		  "blind review: hide who applicants are, no annotated\n"
		  "                         copies (the default when the latest run was blind)",
		  NULL },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx =
		g_option_context_new("- regenerate the reports from the database");
	g_autoptr(GError) err = NULL;
	g_autofree char *lock_path = NULL;
	g_autoptr(store) st = NULL;
	g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(g_free);
	struct lock *lk;
	bool ok;

	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	/* Over a file-size limit, fail with a message, not the signal. */
	signal(SIGXFSZ, SIG_IGN);
	if (argc > 1) {
		fprintf(stderr, "screener report: unexpected argument '%s'\n",
			argv[1]);
		return EXIT_USAGE;
	}
	db = settings_pick(config, SETTINGS_DATABASE, given_db, &err);
	reports = db ? settings_pick(config, SETTINGS_REPORTS, given_reports,
				     &err) : NULL;
	if (!reports) {
		fprintf(stderr, "screener report: %s\n", err->message);
		return EXIT_USAGE;
	}
	/* A missing database is a usage error, not a new empty one. */
	if (access(db, F_OK) != 0) {
		fprintf(stderr, "screener report: %s: no such database "
			"(run screener run first)\n", db);
		return EXIT_USAGE;
	}
	lock_path = g_strconcat(db, ".lock", NULL);
	lk = lock_acquire(lock_path, &err);
	if (!lk) {
		fprintf(stderr, "screener report: %s\n", err->message);
		return err->code == SE_BUSY ? EXIT_BUSY : EXIT_FATAL;
	}
	st = store_open(db, &err);
	ok = st && report_write_blind(st, reports, 0, blind, problems, &err);
	lock_release(lk);
	for (guint i = 0; i < problems->len; i++)
		fprintf(stderr, "screener report: annotated copy of %s\n",
			(const char *)g_ptr_array_index(problems, i));
	if (!ok) {
		fprintf(stderr, "screener report: %s\n", err->message);
		return err->code == SE_BUSY ? EXIT_BUSY : EXIT_FATAL;
	}
	return EXIT_OK;
}
