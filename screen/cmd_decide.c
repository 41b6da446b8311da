/*
 * cmd_decide.c - "screener decide APPLICANT advance|archive --reviewer
 * NAME [--note TEXT]": record a reviewer's decision.
 *
 * Owns the command's options.  Only appends to the decisions table
 * (store_decide); never touches screenings, so a later run keeps the
 * decision, and never writes reports (screener report does).  Takes no
 * run lock: SQLite's own locking keeps the append safe while a run is
 * going, so a reviewer is never turned away by cron.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "escape.h"
#include "pick.h"
#include "settings.h"
#include "store.h"

static const char *const decisions[] = { "advance", "archive" };

static bool known_decision(const char *s)
{
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(decisions); i++)
		if (strcmp(s, decisions[i]) == 0)
			return true;
	return false;
}

static int fail(const char *subject, const GError *e)
{
	g_autofree char *safe = escape_name(subject);

	fprintf(stderr, "screener decide: %s: %s\n", safe, e->message);
	if (e->code == SE_CONFIG)
		return EXIT_USAGE;
	return e->code == SE_BUSY ? EXIT_BUSY : EXIT_FATAL;
}

int cmd_decide(int argc, char **argv)
{
	g_autofree char *db = NULL;
	g_autofree char *given_db = NULL;
	g_autofree char *config = NULL;
	g_autofree char *reviewer = NULL;
	g_autofree char *note = NULL;
	GOptionEntry entries[] = {
		{ "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer,
		  "who decides (required)", "NAME" },
		{ "note", 0, 0, G_OPTION_ARG_STRING, &note,
		  "why, kept with the decision", "TEXT" },
		CLI_OPTION_CONFIG(config),
		{ "db", 0, 0, G_OPTION_ARG_FILENAME, &given_db,
		  "database (default reports/screen.db)", "FILE" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new(
		"APPLICANT advance|archive - record a reviewer's decision");
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = NULL;
	g_autoptr(GDateTime) now = NULL;
	g_autofree char *key = NULL;
	g_autofree char *time = NULL;

	g_option_context_set_summary(ctx,
		"APPLICANT is an applicant key, an e-mail or a rank number.\n"
		"Decisions are appended, never overwritten: the latest counts.");
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	if (argc != 3) {
		fprintf(stderr, "screener decide: expected APPLICANT and "
			"advance or archive\n(try --help)\n");
		return EXIT_USAGE;
	}
	if (!known_decision(argv[2])) {
		g_autofree char *safe = escape_name(argv[2]);

		fprintf(stderr, "screener decide: '%s': the decision is "
			"advance or archive\n", safe);
		return EXIT_USAGE;
	}
	if (!reviewer || !*reviewer) {
		fprintf(stderr, "screener decide: --reviewer NAME is "
			"required\n");
		return EXIT_USAGE;
	}
	db = settings_pick(config, SETTINGS_DATABASE, given_db, &err);
	if (!db) {
		fprintf(stderr, "screener decide: %s\n", err->message);
		return EXIT_USAGE;
	}
	/* A missing database is a usage error, not a new empty one. */
	if (access(db, F_OK) != 0) {
		g_autofree char *safe = escape_name(db);

		fprintf(stderr, "screener decide: %s: no such database "
			"(run screener run first)\n", safe);
		return EXIT_USAGE;
	}
	st = store_open(db, &err);
	if (!st)
		return fail(db, err);
	key = pick_applicant(st, argv[1], &err);
	if (!key)
		return fail(argv[1], err);
	now = g_date_time_new_now_utc();
	time = g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
	if (!store_decide(st, key, time, reviewer, argv[2], note, &err))
		return fail(key, err);
	return EXIT_OK;
}
