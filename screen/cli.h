/*
 * cli.h - the subcommands.  Each lives in cmd_<name>.c, parses its own
 * options (GOptionContext, so every one has --help and a usage string),
 * reports errors on stderr as "screener <name>: subject: reason", and
 * returns an enum screener_exit; only main.c exits.
 */
#ifndef SCREENER_CLI_H
#define SCREENER_CLI_H

#include "error.h"

int cmd_decide(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_match(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_show(int argc, char **argv);

/* Parse argv with ctx; on a usage error print it and return false.
 * Frees nothing: the caller owns ctx. */
#include <stdbool.h>
bool cli_parse(GOptionContext *ctx, int *argc, char ***argv);

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
