/*
 * main.c - screener's entry point: the table of subcommands, dispatch,
 * and the only exit().
 */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "escape.h"
#include "sandbox.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

static int cmd_help(int argc, char **argv);

static const struct command commands[] = {
	{ "config", cmd_config, "print the effective settings and where each came from" },
	{ "audit", cmd_audit, "adverse-impact audit: selection rates and impact ratios" },
	{ "decide", cmd_decide, "record a reviewer's decision: advance or archive" },
	{ "extract", cmd_extract, "print the text screener reads in documents" },
	{ "forget", cmd_forget, "erase an applicant from the database and reports" },
	{ "help", cmd_help, "list the commands" },
	{ "lint", cmd_lint, "check a rule set and run its examples" },
	{ "match", cmd_match, "show how one applicant's documents match the criteria" },
	{ "merge", cmd_merge, "merge the databases of a sharded run into one ranking" },
	{ "purge", cmd_purge, "erase applicants gone from the inbox for DAYS" },
	{ "report", cmd_report, "regenerate the reports from the database" },
	{ "run", cmd_run, "screen an inbox: extract, match, score, store, report" },
	{ "show", cmd_show, "show one applicant's scores, evidence and decisions" },
};

const char cli_exit_codes[] =
	"Exit status:\n"
	"  0  all good\n"
	"  1  some files failed (each is named on stderr and in errors.csv)\n"
	"  2  usage or configuration error\n"
	"  3  busy: another run holds the lock, or the database stayed locked\n"
	"  4  fatal: the job could not be done (I/O or database error)\n"
	"  5  lint: rule errors or failing examples\n";

bool cli_parse(GOptionContext *ctx, int *argc, char ***argv)
{
	g_autoptr(GError) err = NULL;

	g_option_context_set_description(ctx, cli_exit_codes);
	if (!g_option_context_parse(ctx, argc, argv, &err)) {
		fprintf(stderr, "%s: %s\n(try --help)\n", g_get_prgname(),
			err->message);
		return false;
	}
	return true;
}

bool cli_valid_date(const char *s)
{
	int y, m, d;
	char tail;

	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
	    strlen(s) != 10)
		return false;
	return g_date_valid_dmy(d, m, y);
}

bool cli_db_present(const char *db)
{
	g_autofree char *shown = NULL;

	if (access(db, F_OK) == 0)
		return true;
	shown = escape_name(db);
	fprintf(stderr, "%s: %s: no such database (run screener run first)\n",
		g_get_prgname(), shown);
	return false;
}

static int cmd_help(int argc, char **argv)
{
	size_t i;

	printf("usage: screener <command> [options] [args]\n\ncommands:\n");
	for (i = 0; i < G_N_ELEMENTS(commands); i++)
		printf("  %-8s %s\n", commands[i].name, commands[i].summary);
	printf("\n'screener <command> --help' tells more.\n\n%s",
	       cli_exit_codes);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	size_t i;

	setlocale(LC_ALL, "C.UTF-8");
	signal(SIGPIPE, SIG_IGN);
	if (argc >= 2 && strcmp(argv[1], "__child") == 0)
		return sandbox_child_main(argc - 1, argv + 1);
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)
		return cmd_help(argc, argv);
	for (i = 0; i < G_N_ELEMENTS(commands); i++) {
		if (strcmp(argv[1], commands[i].name) == 0) {
			g_autofree char *name =
				g_strconcat("screener ", argv[1], NULL);

			g_set_prgname(name);	/* copies it */
			return commands[i].fn(argc - 1, argv + 1);
		}
	}
	fprintf(stderr, "screener: unknown command '%s' (try screener help)\n",
		argv[1]);
	return EXIT_USAGE;
}
