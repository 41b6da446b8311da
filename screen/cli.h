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
int cmd_decide(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_match(int argc, char **argv);
int cmd_merge(int argc, char **argv);
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

/* The text of the exit-code table, for every --help. */
extern const char cli_exit_codes[];

#endif
