/*
 * cmd_forget.c - "screener forget APPLICANT": erase one applicant (a
 * request under GDPR Art. 17) from the database and every report.
 *
 * Owns the command's options and output; the erasure is erase.c's.
 * The originals in the inbox belong to the user: deleted only with
 * --originals, otherwise named so the user can.
 */
#include <signal.h>
#include <stdio.h>

#include "cli.h"
#include "erase.h"
#include "escape.h"
#include "pick.h"
#include "store.h"

/* The key APPLICANT names: a present applicant by key, e-mail, rank or
 * blind number, else any stored key (one gone from the inbox). */
static bool pick_one(struct store *st, void *data, GPtrArray *keys,
		     GError **err)
{
	const char *spec = data;
	char *key = pick_applicant(st, spec, NULL);

	g_ptr_array_add(keys, key ? key : g_strdup(spec));
	return true;
}

/* Print what erase_run() left to say: problems on stderr, the
 * originals deleted or still in the inbox, the count. */
static void say(const char *cmd, const struct erase_result *r, bool deleted)
{
	for (guint i = 0; i < r->problems->len; i++) {
		g_autofree char *p = escape_name(r->problems->pdata[i]);

		fprintf(stderr, "screener %s: %s\n", cmd, p);
	}
	for (guint i = 0; i < r->originals->len; i++) {
		g_autofree char *p = escape_name(r->originals->pdata[i]);

		printf("%s: %s\n", deleted ? "original deleted" :
		       "original still in the inbox (yours to delete)", p);
	}
	printf("erased: %u\n", r->erased);
}

int cli_erase(const char *cmd, const struct erase_request *request,
	      const char *subject)
{
	g_autoptr(GError) err = NULL;
	struct erase_request r = *request;
	const struct erase_request *rq = &r;
	struct erase_result res;
	bool ok;

	if (!r.db)
		r.db = "reports/screen.db";
	if (!r.reports)
		r.reports = "reports";
	if (!cli_db_present(r.db))
		return EXIT_USAGE;
	ok = erase_run(rq, &res, &err);

	if (ok)
		say(cmd, &res, rq->delete_originals);
	erase_result_clear(&res);
	if (ok)
		return fflush(stdout) == 0 ? EXIT_OK : EXIT_FATAL;
	{
		g_autofree char *shown = escape_name(
			err->code == SE_FAILED && subject ? subject : rq->db);

		fprintf(stderr, "screener %s: %s: %s\n", cmd, shown,
			err->message);
	}
	if (err->code == SE_FAILED || err->code == SE_CONFIG)
		return EXIT_USAGE;
	return err->code == SE_BUSY ? EXIT_BUSY : EXIT_FATAL;
}

int cmd_forget(int argc, char **argv)
{
	g_autofree char *db = NULL;
	g_autofree char *reports = NULL;
	g_autofree char *criteria = NULL;
	g_autofree char *reviewer = NULL;
	gboolean originals = FALSE;
	GOptionEntry entries[] = {
		{ "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer,
		  "who erases (required; kept in the erasure record)",
		  "NAME" },
		{ "originals", 0, 0, G_OPTION_ARG_NONE, &originals,
		  "delete the applicant's files in the inbox too", NULL },
		{ "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
		  "database (default reports/screen.db)", "FILE" },
		{ "reports", 0, 0, G_OPTION_ARG_FILENAME, &reports,
		  "report folder (default reports)", "DIR" },
		{ "criteria", 0, 0, G_OPTION_ARG_FILENAME, &criteria,
		  "rule set to rank the others with (default: the latest\n"
		  "                         run's)", "DIR" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new(
		"APPLICANT - erase an applicant");
	struct erase_request rq = { 0 };

	g_option_context_set_summary(ctx,
		"APPLICANT is an applicant key, an e-mail, a rank number or\n"
		"the opaque number of blind review (A-...).  Its documents, text,\n"
		"facts, evidence, screenings, decisions and self-identification\n"
		"are deleted, the database compacted so the bytes are gone, and\n"
		"every report rewritten without it.  An erasure record keeps the\n"
		"time, the reviewer and the number of documents, nothing else.");
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	signal(SIGXFSZ, SIG_IGN);
	if (argc != 2 || !reviewer || !*reviewer) {
		fprintf(stderr, "screener forget: expected APPLICANT and "
			"--reviewer NAME\n(try --help)\n");
		return EXIT_USAGE;
	}
	rq.db = db;
	rq.reports = reports;
	rq.criteria = criteria;
	rq.reviewer = reviewer;
	rq.reason = "request";
	rq.delete_originals = originals;
	rq.pick = pick_one;
	rq.data = argv[1];
	return cli_erase("forget", &rq, argv[1]);
}
