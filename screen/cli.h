/*
 * cli.h - the subcommands.  Each lives in cmd_<name>.c, parses its own
 * options (GOptionContext, so every one has --help and a usage string),
 * reports errors on stderr as "screener <name>: subject: reason", and
 * returns an enum screener_exit; only main.c exits.
 */
#ifndef SCREENER_CLI_H
#define SCREENER_CLI_H

#include "error.h"

int cmd_config(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_decide(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_forget(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_match(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_purge(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_show(int argc, char **argv);

/* Parse argv with ctx; on a usage error print it and return false.
 * Frees nothing: the caller owns ctx. */
#include <stdbool.h>
bool cli_parse(GOptionContext *ctx, int *argc, char ***argv);

/* The --config FILE option of the commands that read the settings
 * (settings.h); var is a char * the command frees. */
#define CLI_OPTION_CONFIG(var) \
	{ "config", 0, 0, G_OPTION_ARG_FILENAME, &(var), \
	  "configuration file (where else one is looked for: screener " \
	  "config --help)", "FILE" }
/* "screener forget" and "screener purge": fill in the default
 * database and reports (rq->db, rq->reports NULL), run the erasure,
 * print what it did (cmd_forget.c), and return the exit status; subject
 * names the applicant in a "no such applicant" message. */
struct erase_request;
int cli_erase(const char *cmd, const struct erase_request *rq,
	      const char *subject);

/* Whether the database file db exists; when not, says so on stderr
 * ("screener CMD: DB: no such database ...") for a usage error. */
bool cli_db_present(const char *db);

/* Whether s is a date YYYY-MM-DD that exists. */
bool cli_valid_date(const char *s);
/* The OCR options of run and extract (cli_ocr.c): cli_ocr_entries()
 * fills two option entries that point into o
 * (and the terminating one); cli_ocr_apply() checks
 * what was given and sets caps (ocr_seconds 0 for --ocr off), or prints
 * "screener CMD: --ocr: ..." and returns false. */
#include "caps.h"
struct cli_ocr {
	char *mode;		/* "auto", "off"; NULL: auto */
	int seconds;		/* 0: the default */
};
void cli_ocr_entries(struct cli_ocr *o, GOptionEntry out[3]);
bool cli_ocr_apply(const struct cli_ocr *o, const char *cmd,
		   struct caps *caps);
void cli_ocr_clear(struct cli_ocr *o);
typedef struct cli_ocr cli_ocr;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(cli_ocr, cli_ocr_clear)

/* The text of the exit-code table, for every --help. */
extern const char cli_exit_codes[];

#endif
