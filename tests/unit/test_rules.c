/*
 * test_rules.c - loading rule sets: the file format, every error as
 * file:line, the profile, word lists, the hash, and the default set
 * shipped in criteria/integration-engineer.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "error.h"
#include "rules.h"

static char *tmp_set(const char *const *files)
{
	char *dir = g_dir_make_tmp("rules-XXXXXX", NULL);
	guint i;

	g_assert_nonnull(dir);
	for (i = 0; files[i]; i += 2) {
		g_autofree char *p = g_build_filename(dir, files[i], NULL);

		g_assert_true(g_file_set_contents(p, files[i + 1], -1, NULL));
	}
	return dir;
}

static void rm_set(char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *n;

	while (d && (n = g_dir_read_name(d))) {
		g_autofree char *p = g_build_filename(dir, n, NULL);

		g_unlink(p);
	}
	if (d)
		g_dir_close(d);
	g_rmdir(dir);
	g_free(dir);
}

static const char profile[] =
	"# the profile\n"
	"[advance]\n"
	"threshold = 55\n"
	"must_have = c1\n"
	"top_n = 10\n"
	"[knockout]\n"
	"min_years = 3\n"
	"years_fact = years_relevant\n"
	"signal = sig\n"
	"question = Do you have three years?\n"
	"answers_file = answers.txt\n"
	"[words]\n"
	"allow = allow.txt\n";

static const char c1[] =
	"[criterion]\n"
	"title = Endpoints\n"
	"weight = 20\n"
	"max = 6\n"
	"met = 0.5\n"
	"\n"
	"; a comment\n"
	"[rule api]\n"
	"description = API work\n"
	"keywords = REST API, SOAP, end-to-end\n"
	"points = 2\n"
	"cap = 4\n"
	"scope = experience skills:0.5\n"
	"example = Built a REST API.\n"
	"counter = rest of the team\n";

static const char sig[] =
	"[criterion]\n"
	"scored = no\n"
	"[rule brokers]\n"
	"keywords = Kafka, RabbitMQ\n"
	"points = 1\n";

static void test_load_ok(void)
{
	const char *files[] = { "c1.rules", c1, "sig.rules", sig,
				"profile.ini", profile,
				"allow.txt", "# words\nDataWeave\nWireMock\n",
				NULL };
	char *dir = tmp_set(files);
	g_autoptr(GError) err = NULL;
	g_autoptr(ruleset) rs = ruleset_load(dir, &err);
	const struct criterion *c;
	const struct rule *r;
	const struct profile *p;

	g_assert_no_error(err);
	g_assert_nonnull(rs);
	g_assert_cmpuint(ruleset_n_criteria(rs), ==, 2);
	c = ruleset_criterion(rs, 0);
	g_assert_cmpstr(c->id, ==, "c1");
	g_assert_cmpstr(c->title, ==, "Endpoints");
	g_assert_cmpfloat(c->weight, ==, 20);
	g_assert_cmpfloat(c->max_points, ==, 6);
	g_assert_true(c->scored);
	c = ruleset_criterion(rs, 1);
	g_assert_false(c->scored);
	g_assert_cmpfloat(c->weight, ==, 0);
	g_assert_cmpuint(ruleset_n_rules(rs), ==, 2);
	r = ruleset_rule(rs, 0);
	g_assert_cmpstr(r->id, ==, "api");
	g_assert_cmpstr(r->file, ==, "c1.rules");
	g_assert_cmpuint(r->line, ==, 8);
	g_assert_cmpuint(r->criterion, ==, 0);
	g_assert_cmpfloat(r->cap, ==, 4);
	g_assert_cmpuint(r->scope->len, ==, 2);
	g_assert_cmpfloat(g_array_index(r->scope, struct rule_scope, 1).factor,
			  ==, 0.5);
	r = ruleset_rule(rs, 1);
	g_assert_cmpfloat(r->cap, ==, 1);	/* cap defaults to points */
	p = ruleset_profile(rs);
	g_assert_cmpfloat(p->advance_threshold, ==, 55);
	g_assert_cmpuint(p->must_have->len, ==, 1);
	g_assert_cmpuint(p->top_n, ==, 10);
	g_assert_cmpstr(p->ko_years_fact, ==, "years_relevant");
	g_assert_cmpstr(p->ko_signal, ==, "sig");
	g_assert_cmpstr(p->ko_question, ==, "Do you have three years?");
	g_assert_cmpuint(ruleset_facts_config(rs)->allow_words->len, ==, 2);
	g_assert_null(ruleset_facts_config(rs)->certifications);
	g_assert_cmpuint(strlen(ruleset_hash(rs)), ==, 64);
	rm_set(dir);
}

static void test_hash_changes(void)
{
	const char *files[] = { "c1.rules", c1, "sig.rules", sig,
				"profile.ini", profile, "allow.txt", "x\n",
				NULL };
	char *dir = tmp_set(files);
	g_autofree char *h1 = NULL;
	g_autofree char *p = g_build_filename(dir, "allow.txt", NULL);
	struct ruleset *rs = ruleset_load(dir, NULL);

	g_assert_nonnull(rs);
	h1 = g_strdup(ruleset_hash(rs));
	ruleset_free(rs);
	rs = ruleset_load(dir, NULL);
	g_assert_cmpstr(h1, ==, ruleset_hash(rs));	/* deterministic */
	ruleset_free(rs);
	g_assert_true(g_file_set_contents(p, "y\n", -1, NULL));
	rs = ruleset_load(dir, NULL);
	g_assert_cmpstr(h1, !=, ruleset_hash(rs));	/* a word list counts */
	ruleset_free(rs);
	rm_set(dir);
}

/* Every mistake at once, each with its file and line. */
static void test_errors(void)
{
	const char bad[] =
		"[criterion]\n"			/* 1 */
		"weight = lots\n"		/* 2 */
		"colour = blue\n"		/* 3 */
		"[rule r1]\n"			/* 4 */
		"keywords = SOAP\n"		/* 5 */
		"[rule r2]\n"			/* 6 */
		"regex = (unclosed\n"		/* 7 */
		"points = 1\n"			/* 8 */
		"[rule r3]\n"			/* 9 */
		"fact = years_magic >= 3\n"	/* 10 */
		"points = 1\n"			/* 11 */
		"scope = kitchen\n"		/* 12 */
		"just words\n"			/* 13 */
		"[rule r1]\n"			/* 14 */
		"keywords = x\n"		/* 15 */
		"points = 1\n";			/* 16 */
	const char badprof[] =
		"[advance]\nmust_have = nope\n[words]\nallow = missing.txt\n";
	const char *files[] = { "bad.rules", bad, "profile.ini", badprof,
				NULL };
	char *dir = tmp_set(files);
	g_autoptr(GError) err = NULL;
	struct ruleset *rs = ruleset_load(dir, &err);
	g_autofree char *msg = NULL;
	g_autofree char *want = NULL;

	g_assert_null(rs);
	g_assert_error(err, SCREENER_ERROR, SE_CONFIG);
	msg = g_strdup(err->message);
	want = g_strdup_printf(
		"%1$s/bad.rules:2: weight: 'lots' is not a number from 0 to 1000\n"
		"%1$s/bad.rules:3: unknown key 'colour'\n"
		"%1$s/bad.rules:4: rule r1: points missing\n"
		"%1$s/bad.rules:7: rule r2: regex: missing closing parenthesis "
		"at offset 9\n"
		"%1$s/bad.rules:10: fact: unknown fact 'years_magic'\n"
		"%1$s/bad.rules:12: scope: unknown section 'kitchen'\n"
		"%1$s/bad.rules:13: expected 'key = value' or [section]\n"
		"%1$s/bad.rules:14: rule r1: already defined in bad.rules:4\n"
		"%1$s/profile.ini:4: word list missing.txt: no such file\n"
		"%1$s/profile.ini: must_have: no criterion nope", dir);
	g_assert_cmpstr(msg, ==, want);
	rm_set(dir);
}

/* A word list shared between sets: a path under the criteria root (the
 * folder holding the set) is read from there, its words count in the
 * hash, and nothing reaches outside the root. */
/* A criterion the same in two sets: one copy, the other set's file names
 * it with same_as; its id is the naming file's, its text counts in the
 * hash, and no reference leaves the criteria root. */
static void test_same_as(void)
{
	char *root = g_dir_make_tmp("rules-root-XXXXXX", NULL);
	g_autofree char *base = g_build_filename(root, "base", NULL);
	g_autofree char *lead = g_build_filename(root, "lead", NULL);
	g_autofree char *orig = g_build_filename(base, "sig.rules", NULL);
	g_autofree char *ref = g_build_filename(lead, "shared-sig.rules", NULL);
	g_autofree char *h1 = NULL;
	g_autoptr(GError) err = NULL;
	const char *files[] = { "c1.rules", c1, "profile.ini", "",
				"shared-sig.rules",
				"# the base set's\nsame_as = base/sig.rules\n",
				NULL };
	const char *bad[] = {
		"same_as = ../base/sig.rules\n", "must be a SET/NAME.rules",
		"same_as = /etc/passwd\n", "must be a SET/NAME.rules",
		"same_as = base/sig.txt\n", "must be a SET/NAME.rules",
		"same_as = base/gone.rules\n", "same_as base/gone.rules: no such file",
		"same_as = base/sig.rules\n[criterion]\n",
		"holds nothing else",
		NULL };
	const struct criterion *c;
	struct ruleset *rs;
	guint i;

	g_assert_cmpint(g_mkdir(base, 0700), ==, 0);
	g_assert_cmpint(g_mkdir(lead, 0700), ==, 0);
	g_assert_true(g_file_set_contents(orig, sig, -1, NULL));
	for (i = 0; files[i]; i += 2) {
		g_autofree char *p = g_build_filename(lead, files[i], NULL);

		g_assert_true(g_file_set_contents(p, files[i + 1], -1, NULL));
	}
	rs = ruleset_load(lead, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(ruleset_n_criteria(rs), ==, 2);
	c = ruleset_criterion(rs, ruleset_criterion_index(rs, "shared-sig"));
	g_assert_nonnull(c);
	g_assert_cmpuint(ruleset_n_rules(rs), >, 1);
	h1 = g_strdup(ruleset_hash(rs));
	ruleset_free(rs);
	/* the shared file is part of the set: a change re-scores */
	{
		g_autofree char *more = g_strconcat(sig, "\n# changed\n", NULL);

		g_assert_true(g_file_set_contents(orig, more, -1, NULL));
	}
	rs = ruleset_load(lead, NULL);
	g_assert_nonnull(rs);
	g_assert_cmpstr(h1, !=, ruleset_hash(rs));
	ruleset_free(rs);
	for (i = 0; bad[i]; i += 2) {
		g_assert_true(g_file_set_contents(ref, bad[i], -1, NULL));
		rs = ruleset_load(lead, &err);
		g_assert_null(rs);
		g_assert_nonnull(strstr(err->message, "shared-sig.rules:"));
		g_assert_nonnull(strstr(err->message, bad[i + 1]));
		g_clear_error(&err);
	}
	rm_set(g_strdup(lead));
	g_unlink(orig);
	g_rmdir(base);
	g_rmdir(root);
	g_free(root);
}

static void test_shared_lists(void)
{
	const char shared_profile[] =
		"[words]\n"
		"allow = base/allow.txt\n"
		"titles = base/allow.txt\n"
		"certifications = certs.txt\n";
	const char escapes[] =
		"[words]\n"
		"allow = ../base/allow.txt\n"
		"titles = /etc/passwd\n"
		"certifications = base/../base/allow.txt\n"
		"domain = .hidden/allow.txt\n";
	char *root = g_dir_make_tmp("rules-root-XXXXXX", NULL);
	g_autofree char *base = g_build_filename(root, "base", NULL);
	g_autofree char *lead = g_build_filename(root, "lead", NULL);
	g_autofree char *list = g_build_filename(base, "allow.txt", NULL);
	g_autofree char *h1 = NULL, *want = NULL;
	g_autoptr(GError) err = NULL;
	struct ruleset *rs;
	const char *files[] = { "c1.rules", c1, "sig.rules", sig,
				"profile.ini", shared_profile,
				"certs.txt", "AWS Certified\n", NULL };
	guint i;

	g_assert_cmpint(g_mkdir(base, 0700), ==, 0);
	g_assert_cmpint(g_mkdir(lead, 0700), ==, 0);
	g_assert_true(g_file_set_contents(list, "# shared\nDataWeave\nWireMock\n",
					  -1, NULL));
	for (i = 0; files[i]; i += 2) {
		g_autofree char *p = g_build_filename(lead, files[i], NULL);

		g_assert_true(g_file_set_contents(p, files[i + 1], -1, NULL));
	}
	rs = ruleset_load(lead, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(ruleset_facts_config(rs)->allow_words->len, ==, 2);
	g_assert_cmpuint(ruleset_facts_config(rs)->relevant_titles->len, ==, 2);
	g_assert_cmpstr(ruleset_facts_config(rs)->allow_words->pdata[1], ==,
			"WireMock");
	g_assert_cmpuint(ruleset_facts_config(rs)->certifications->len, ==, 1);
	h1 = g_strdup(ruleset_hash(rs));
	ruleset_free(rs);
	/* the shared list is part of the set: a change re-scores */
	g_assert_true(g_file_set_contents(list, "DataWeave\n", -1, NULL));
	rs = ruleset_load(lead, NULL);
	g_assert_nonnull(rs);
	g_assert_cmpstr(h1, !=, ruleset_hash(rs));
	ruleset_free(rs);
	/* gone: named with the line that names it */
	g_assert_cmpint(g_unlink(list), ==, 0);
	rs = ruleset_load(lead, &err);
	g_assert_null(rs);
	want = g_strdup_printf("%s/profile.ini:2: word list base/allow.txt: "
			       "no such file", lead);
	g_assert_nonnull(strstr(err->message, want));
	g_clear_error(&err);
	g_clear_pointer(&want, g_free);
	/* every way out of the criteria root is refused, each on its line */
	{
		g_autofree char *p = g_build_filename(lead, "profile.ini",
						      NULL);

		g_assert_true(g_file_set_contents(p, escapes, -1, NULL));
	}
	rs = ruleset_load(lead, &err);
	g_assert_null(rs);
	for (i = 2; i <= 5; i++) {
		g_autofree char *at = g_strdup_printf("%s/profile.ini:%u: ",
						      lead, i);

		g_assert_nonnull(strstr(err->message, at));
	}
	g_assert_nonnull(strstr(err->message, "'/etc/passwd' must be a file "
				"name in this folder or a path under the "
				"criteria root"));
	g_assert_null(strstr(err->message, "no such file"));
	rm_set(g_strdup(lead));
	g_rmdir(base);
	g_rmdir(root);
	g_free(root);
}

static void test_missing_dir(void)
{
	g_autoptr(GError) err = NULL;

	g_assert_null(ruleset_load("/nonexistent/rules", &err));
	g_assert_error(err, SCREENER_ERROR, SE_CONFIG);
}

/* The shipped sets load and every criterion of the hiring package is in
 * each, with the knock-out signal and the four word lists (the lead's
 * are the engineer's, named under the criteria root). */
static void test_default_set(void)
{
	static const char *const sets[] = { "integration-engineer",
					    "lead-integration-engineer" };
	g_autofree char *first_allow = NULL;
	guint k;

	for (k = 0; k < G_N_ELEMENTS(sets); k++) {
		g_autofree char *dir = g_build_filename(g_getenv("ROOT") ?
							g_getenv("ROOT") : ".",
							"criteria", sets[k],
							NULL);
		g_autoptr(GError) err = NULL;
		g_autoptr(ruleset) rs = NULL;
		const struct facts_config *fc;
		guint i, scored = 0;

		if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
			g_test_skip("criteria folder not found");
			return;
		}
		rs = ruleset_load(dir, &err);
		g_assert_no_error(err);
		for (i = 0; i < ruleset_n_criteria(rs); i++)
			scored += ruleset_criterion(rs, i)->scored;
		g_assert_cmpuint(scored, ==, 8);
		g_assert_cmpint(ruleset_criterion_index(rs,
					ruleset_profile(rs)->ko_signal), >=, 0);
		g_assert_false(ruleset_criterion(rs, ruleset_criterion_index(rs,
					ruleset_profile(rs)->ko_signal))->scored);
		fc = ruleset_facts_config(rs);
		g_assert_nonnull(fc->allow_words);
		g_assert_nonnull(fc->certifications);
		g_assert_nonnull(fc->relevant_titles);
		g_assert_nonnull(fc->domain_terms);
		g_assert_cmpuint(fc->allow_words->len, >, 0);
		if (!first_allow)
			first_allow = g_strdup(fc->allow_words->pdata[0]);
		else
			g_assert_cmpstr(fc->allow_words->pdata[0], ==,
					first_allow);
	}
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/rules/load", test_load_ok);
	g_test_add_func("/rules/hash", test_hash_changes);
	g_test_add_func("/rules/errors", test_errors);
	g_test_add_func("/rules/shared-lists", test_shared_lists);
	g_test_add_func("/rules/same-as", test_same_as);
	g_test_add_func("/rules/missing-dir", test_missing_dir);
	g_test_add_func("/rules/default-set", test_default_set);
	return g_test_run();
}
