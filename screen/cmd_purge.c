/*
 * cmd_purge.c - "screener purge": erase every applicant no longer in
 * the inbox for longer than the retention period (the profile's
 * retention_days, or --older-than DAYS), as "screener forget" erases
 * one.  A run with retention_days set does the same at its end.
 *
 * Owns the command's options; the erasure is erase.c's.
 */
#include <signal.h>
#include <stdio.h>

#include "cli.h"
#include "erase.h"
#include "rules.h"
#include "store.h"

struct purge {
	guint days;
};

static bool pick_expired(struct store *st, void *data, GPtrArray *keys,
			 GError **err)
{
	const struct purge *p = data;
	g_autoptr(GPtrArray) found = store_expired(st, p->days, err);

	if (!found)
		return false;
	for (guint i = 0; i < found->len; i++)
		g_ptr_array_add(keys, g_strdup(found->pdata[i]));
	return true;
}

int cmd_purge(int argc, char **argv)
{
	g_autofree char *db = NULL;
	g_autofree char *reports = NULL;
	g_autofree char *criteria = NULL;
	g_autofree char *reviewer = NULL;
	gint days = -1;
	GOptionEntry entries[] = {
		{ "older-than", 0, 0, G_OPTION_ARG_INT, &days,
		  "erase applicants not in the inbox for this many days\n"
		  "                         (default: the profile's retention_days)",
		  "DAYS" },
		{ "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer,
		  "who erases (default \"retention\")", "NAME" },
		{ "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
		  "database (default reports/screen.db)", "FILE" },
		{ "reports", 0, 0, G_OPTION_ARG_FILENAME, &reports,
		  "report folder (default reports)", "DIR" },
		{ "criteria", 0, 0, G_OPTION_ARG_FILENAME, &criteria,
		  "rule set (retention_days, and ranking the others;\n"
		  "                         default: the latest run's)", "DIR" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new(
		"- erase applicants gone from the inbox for DAYS");
	struct erase_request rq = { 0 };
	struct purge p = { 0 };

	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	signal(SIGXFSZ, SIG_IGN);
	if (argc > 1) {
		fprintf(stderr, "screener purge: unexpected argument '%s'\n",
			argv[1]);
		return EXIT_USAGE;
	}
	if (days < -1 || days > 36500) {
		fprintf(stderr, "screener purge: --older-than: between 0 and "
			"36500\n");
		return EXIT_USAGE;
	}
	if (days < 0) {
		g_autoptr(GError) err = NULL;
		g_autoptr(ruleset) rs = ruleset_load(criteria ? criteria :
						     RULES_DEFAULT_DIR, &err);

		if (!rs) {
			fprintf(stderr, "screener purge: %s\n", err->message);
			return EXIT_USAGE;
		}
		if (!ruleset_profile(rs)->retention_days) {
			fprintf(stderr, "screener purge: no --older-than and "
				"no retention_days in the profile\n");
			return EXIT_USAGE;
		}
		days = ruleset_profile(rs)->retention_days;
	}
	p.days = days;
	rq.db = db;
	rq.reports = reports;
	rq.criteria = criteria;
	rq.reviewer = reviewer ? reviewer : "retention";
	rq.reason = "retention";
	rq.pick = pick_expired;
	rq.data = &p;
	return cli_erase("purge", &rq, NULL);
}
