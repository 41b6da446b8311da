/*
 * cmd_lint.c - "screener lint [DIR]": load and compile a rule set, report
 * every problem as file:line, then run each rule's examples (text that
 * must match, text that must not) through the real matcher, so a rule
 * change is tested like code.
 *
 * Reads the rule set only; touches no database and no document.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "match.h"
#include "paths.h"
#include "rules.h"


/* Check one example of a rule; NULL when it behaves, else the problem
 * (caller frees). */
static char *check_one(const struct ruleset *rs, guint j, const char *text,
		       bool must)
{
	const struct rule *r = ruleset_rule(rs, j);
	g_autoptr(GError) err = NULL;
	uint32_t s = 0, e = 0;
	int n;

	if (r->kind == RULE_FACT) {
		char *end;
		double v = g_ascii_strtod(text, &end);

		if (end == text || *end)
			return g_strdup_printf("rule %s: an example of a fact "
					       "rule is a number, not '%s'",
					       r->id, text);
		if (rule_fact_holds(r, v) == must)
			return NULL;
		return g_strdup_printf("rule %s: %s %s %s", r->id, r->fact,
				       must ? "should hold for" :
				       "should not hold for", text);
	}
	n = match_rule_text(rs, j, text, strlen(text), &s, &e, &err);
	if (n < 0)
		return g_strdup_printf("%s", err->message);
	if (must && n == 0)
		return g_strdup_printf("rule %s: example does not match: %s",
				       r->id, text);
	if (!must && n > 0) {
		g_autofree char *hit = g_strndup(text + s, e - s);

		return g_strdup_printf("rule %s: counter-example matches "
				       "'%s': %s", r->id, hit, text);
	}
	return NULL;
}

/* Run every example; print each failure; return how many failed. */
static guint check_examples(const struct ruleset *rs, const char *dir,
			    guint *n_run)
{
	guint j, k, bad = 0;

	for (j = 0; j < ruleset_n_rules(rs); j++) {
		const struct rule *r = ruleset_rule(rs, j);

		if (!r->examples->len) {
			fprintf(stderr, "%s/%s:%u: rule %s: no example\n", dir,
				r->file, r->line, r->id);
			bad++;
		}
		for (k = 0; k < r->examples->len + r->counters->len; k++) {
			bool must = k < r->examples->len;
			guint i = must ? k : k - r->examples->len;
			const char *text = must ? r->examples->pdata[i] :
						  r->counters->pdata[i];
			guint line = must ?
				g_array_index(r->example_lines, guint, i) :
				g_array_index(r->counter_lines, guint, i);
			g_autofree char *why = check_one(rs, j, text, must);

			(*n_run)++;
			if (why) {
				fprintf(stderr, "%s/%s:%u: %s\n", dir, r->file,
					line, why);
				bad++;
			}
		}
	}
	return bad;
}

int cmd_lint(int argc, char **argv)
{
	g_autoptr(GOptionContext) ctx = g_option_context_new(
		"[DIR] - check a rule set and run its examples");
	g_autoptr(GError) err = NULL;
	g_autoptr(ruleset) rs = NULL;
	g_autofree char *shipped = paths_default_criteria();
	const char *dir = shipped;
	guint n_run = 0, bad;

	g_option_context_set_summary(ctx,
		"Compiles every rule file of DIR (default: the installed\n"
		"integration-engineer rule set), reports every problem as\n"
		"file:line, and runs the example: and counter: lines of every\n"
		"rule through the matcher.\n"
		"Exit 0 when all is well, 5 otherwise.");
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	if (argc > 2) {
		fprintf(stderr, "%s: one folder at most (try --help)\n",
			g_get_prgname());
		return EXIT_USAGE;
	}
	if (argc == 2)
		dir = argv[1];
	if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		fprintf(stderr, "%s: %s: no such folder\n", g_get_prgname(),
			dir);
		return EXIT_USAGE;
	}
	rs = ruleset_load(dir, &err);
	if (!rs) {
		fprintf(stderr, "%s\n", err->message);
		return EXIT_LINT;
	}
	bad = check_examples(rs, dir, &n_run);
	if (bad) {
		fprintf(stderr, "%s: %s: %u problems in %u examples\n",
			g_get_prgname(), dir, bad, n_run);
		return EXIT_LINT;
	}
	printf("%s: %u criteria, %u rules, %u examples: all pass\n", dir,
	       ruleset_n_criteria(rs), ruleset_n_rules(rs), n_run);
	return EXIT_OK;
}
