/*
 * cmd_config.c - "screener config": the settings a run would use and
 * where each came from (default, configuration file, option).
 *
 * Owns the command's options and its output; reading and precedence are
 * settings.c's.
 */
#include <stdio.h>

#include "cli.h"
#include "escape.h"
#include "settings.h"

int cmd_config(int argc, char **argv)
{
	g_autofree char *file = NULL;
	GOptionEntry entries[] = {
		CLI_OPTION_CONFIG(file),
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new(
		"- print the effective settings and where each came from");
	g_autoptr(GError) err = NULL;
	g_autoptr(settings) s = NULL;
	g_autoptr(GString) out = g_string_new(NULL);
	int k;

	g_option_context_set_summary(ctx,
		"Settings come from the built-in defaults, then the first of\n"
		"--config FILE, ./screener.ini, "
		"$XDG_CONFIG_HOME/screener/screener.ini\n"
		"(default ~/.config) and /etc/screener.ini (group "
		"[screener]), then the\ncommand line, which wins.");
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	if (argc > 1) {
		fprintf(stderr, "screener config: unexpected argument '%s'\n"
			"(try --help)\n", argv[1]);
		return EXIT_USAGE;
	}
	s = settings_load(file, &err);
	if (!s) {
		fprintf(stderr, "screener config: %s\n", err->message);
		return EXIT_USAGE;
	}
	g_string_append(out, "configuration file: ");
	if (settings_file(s))
		escape_name_append(out, settings_file(s), -1);
	else
		g_string_append(out, "none");
	g_string_append_c(out, '\n');
	for (k = 0; k < SETTINGS_N; k++) {
		g_string_append_printf(out, "%-8s = ", settings_name(k));
		escape_name_append(out, settings_value(s, k), -1);
		g_string_append(out, "  (");
		escape_name_append(out, settings_origin(s, k), -1);
		g_string_append(out, ")\n");
	}
	fwrite(out->str, 1, out->len, stdout);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FATAL;
}
