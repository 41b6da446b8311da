/*
 * test_match.c - the matcher on hand-built documents: whole words,
 * inflections, flexible hyphens, exact punctuation terms, case-sensitive
 * context, proximity, negation and hedges, caps and duplicate passages,
 * document roles, the match limit, snippets.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "facts_doc.h"
#include "match.h"
#include "rules.h"

static const char profile[] = "[advance]\nthreshold = 50\n";

static const char crit[] =
	"[criterion]\n"
	"max = 10\n"
	"met = 0.4\n"
	"[rule kw]\n"
	"keywords = end-to-end, runbook, map, validate, query, OAuth 2.0, "
	"C#, .NET, Node.js, CI/CD, REST API\n"
	"points = 1\n"
	"cap = 100\n"
	"[rule rest]\n"
	"keywords = REST\n"
	"case = sensitive\n"
	"inflect = no\n"
	"points = 1\n"
	"[rule near]\n"
	"keywords = OAuth\n"
	"inflect = no\n"
	"near = partner API, endpoint\n"
	"within = 3\n"
	"points = 2\n"
	"[rule bomb]\n"
	"regex = (a+)+$\n"
	"points = 1\n"
	"[rule tags]\n"
	"keywords = tag\n"
	"points = 1\n"
	"cap = 100\n"
	"[rule stem]\n"
	"keywords = integrat*\n"
	"points = 1\n"
	"cap = 3\n";

static const char cover[] =
	"[criterion]\n"
	"role = cover\n"
	"max = 2\n"
	"[rule letter]\n"
	"keywords = integration engineer\n"
	"points = 2\n";

static const char scoped[] =
	"[criterion]\n"
	"max = 20\n"
	"[rule kafka]\n"
	"keywords = Kafka\n"
	"points = 2\n"
	"cap = 20\n"
	"scope = experience skills:0.5\n"
	"[rule years]\n"
	"fact = years_total >= 3\n"
	"points = 3\n";

/* Many hits: two terms that interleave, and a rule of small points. */
static const char many[] =
	"[criterion]\n"
	"max = 100\n"
	"[rule soap]\n"
	"keywords = SOAP, API\n"
	"points = 1\n"
	"[rule soapnear]\n"
	"keywords = SOAP\n"
	"near = API, endpoint\n"
	"within = 3\n"
	"points = 1\n"
	"[rule tiny]\n"
	"keywords = widget\n"
	"points = 0.1\n"
	"cap = 100\n";

static char *dir;
static struct ruleset *rs;

static void setup_set(void)
{
	const char *files[] = { "a.rules", crit, "b-cover.rules", cover,
				"c-scoped.rules", scoped,
				"d-many.rules", many,
				"profile.ini", profile, NULL };
	g_autoptr(GError) err = NULL;
	guint i;

	dir = g_dir_make_tmp("match-XXXXXX", NULL);
	for (i = 0; files[i]; i += 2) {
		g_autofree char *p = g_build_filename(dir, files[i], NULL);

		g_assert_true(g_file_set_contents(p, files[i + 1], -1, NULL));
	}
	rs = ruleset_load(dir, &err);
	g_assert_no_error(err);
}

static void teardown_set(void)
{
	const char *names[] = { "a.rules", "b-cover.rules", "c-scoped.rules",
				"d-many.rules", "profile.ini" };
	guint i;

	ruleset_free(rs);
	for (i = 0; i < G_N_ELEMENTS(names); i++) {
		g_autofree char *p = g_build_filename(dir, names[i], NULL);

		g_unlink(p);
	}
	g_rmdir(dir);
	g_free(dir);
}

static guint rule_index(const char *id)
{
	guint j;

	for (j = 0; j < ruleset_n_rules(rs); j++)
		if (strcmp(ruleset_rule(rs, j)->id, id) == 0)
			return j;
	g_assert_not_reached();
}

/* The hits of one rule on a text, as "[[...]]" joined by "|". */
static char *hits(const char *id, const char *text)
{
	struct doc *d = doc_new(DOC_FORMAT_TEXT, 0);
	const struct doc *docs[1] = { d };
	const struct facts *facts[1] = { NULL };
	enum doc_role roles[1] = { DOC_ROLE_RESUME };
	struct match_result *res;
	GString *out = g_string_new(NULL);
	guint i, r = rule_index(id);

	d->text = g_string_new(text);
	res = match_applicant(rs, docs, facts, roles, 1);
	for (i = 0; i < res->evidence->len; i++) {
		const struct evidence *ev = &g_array_index(res->evidence,
							   struct evidence, i);

		if (ev->rule != r || ev->points <= 0)
			continue;
		if (out->len)
			g_string_append_c(out, '|');
		g_string_append_len(out, text + ev->start,
				    ev->end - ev->start);
	}
	match_result_free(res);
	doc_free(d);
	return g_string_free(out, FALSE);
}

#define HITS(id, text, want) do { \
		g_autofree char *got_ = hits(id, text); \
		g_assert_cmpstr(got_, ==, want); \
	} while (0)

static void test_keywords(void)
{
	HITS("kw", "end to end, end-to-end and endtoend", "end to end|end-to-end");
	HITS("kw", "Runbooks, a runbook; runbookish", "Runbooks|runbook");
	HITS("kw", "mapped, mapping, maps; mapquest", "mapped|mapping|maps");
	/* a rule whose words all start its terms tries only the words that
	 * fit them: the longest ending must still fit */
	HITS("tags", "the taggings, a tagger; taglines", "taggings|tagger");
	HITS("kw", "validated, validating, validates", "validated|validating|validates");
	HITS("kw", "queries, queried", "queries|queried");
	HITS("kw", "OAuth 2.0 and OAuth 20", "OAuth 2.0");
	HITS("kw", "C#, C and .NET; Node.js.", "C#|.NET|Node.js");
	HITS("kw", "CI/CD pipelines, CI CD", "CI/CD");
	/* longest term first: "REST API" is one hit, not "REST" */
	HITS("kw", "a REST API", "REST API");
}

static void test_case_context(void)
{
	HITS("rest", "the rest of the team", "");
	HITS("rest", "Rest assured", "");
	HITS("rest", "REST and SOAP", "REST");
}

static void test_stem(void)
{
	HITS("stem", "integrated integrations; Integrator", "integrated|integrations|Integrator");
}

static void test_proximity(void)
{
	HITS("near", "OAuth for the partner API", "OAuth for the partner API");
	HITS("near", "the endpoint uses OAuth", "endpoint uses OAuth");
	HITS("near", "OAuth was set up long before the partner API", "");
	HITS("near", "OAuth alone", "");
	/* within a sentence: a wrapped line, a clause or an abbreviation is
	 * no end, a full stop or a blank line is */
	HITS("near", "OAuth for the\nendpoint", "OAuth for the\nendpoint");
	HITS("near", "OAuth; the endpoint", "OAuth; the endpoint");
	HITS("near", "OAuth e.g. endpoint", "OAuth e.g. endpoint");
	HITS("near", "Set up OAuth. The endpoint", "");
	HITS("near", "OAuth\n\nendpoint", "");
}

/* A proximity hit claims only its own words: the words between it and
 * its near term stay free for another rule ("OAuth, per runbook, at the
 * endpoint" is OAuth near an endpoint, and a runbook named). */
static guint count_hits(const char *text, const char *id)
{
	struct doc *d = doc_new(DOC_FORMAT_TEXT, 0);
	const struct doc *docs[1] = { d };
	const struct facts *facts[1] = { NULL };
	enum doc_role roles[1] = { DOC_ROLE_RESUME };
	struct match_result *res;
	guint i, n = 0;

	d->text = g_string_new(text);
	res = match_applicant(rs, docs, facts, roles, 1);
	for (i = 0; i < res->evidence->len; i++) {
		const struct evidence *ev = &g_array_index(res->evidence,
							   struct evidence, i);

		if (ev->rule == rule_index(id) && ev->points > 0)
			n++;
	}
	match_result_free(res);
	doc_free(d);
	return n;
}

static void test_proximity_core(void)
{
	g_assert_cmpuint(count_hits("OAuth runbook endpoint.", "near"), ==, 1);
	g_assert_cmpuint(count_hits("OAuth runbook endpoint.", "kw"), ==, 1);
	/* the same words are still one passage: "REST" inside "REST API" */
	g_assert_cmpuint(count_hits("a REST API", "rest"), ==, 0);
}

static void test_negation(void)
{
	HITS("kw", "No experience with runbooks.", "");
	HITS("kw", "I am not familiar with DataWeave or runbooks", "");
	HITS("kw", "Would like to learn C# next year", "");
	HITS("kw", "Not yet: runbooks", "runbooks");	/* another clause */
	/* a negation ends at the sentence: the next one counts */
	HITS("kw", "Never late. Wrote runbooks.", "runbooks");
	/* "without" is not a cue: an achievement */
	HITS("kw", "migrated without downtime using CI/CD", "CI/CD");
}

static void test_hedge(void)
{
	struct doc *d = doc_new(DOC_FORMAT_TEXT, 0);
	const struct doc *docs[1] = { d };
	const struct facts *facts[1] = { NULL };
	enum doc_role roles[1] = { DOC_ROLE_RESUME };
	struct match_result *res;

	d->text = g_string_new("Familiar with runbooks. Wrote runbooks.");
	res = match_applicant(rs, docs, facts, roles, 1);
	g_assert_cmpuint(res->evidence->len, ==, 2);
	g_assert_cmpfloat(g_array_index(res->evidence, struct evidence,
					0).points, ==, 0.5);
	g_assert_cmpfloat(g_array_index(res->evidence, struct evidence,
					1).points, ==, 1);
	g_assert_cmpfloat(res->crit[0].points, ==, 1.5);
	match_result_free(res);
	doc_free(d);
}

/* Caps per rule and per criterion, duplicates collapsed, scores. */
static void test_caps(void)
{
	struct doc *d = doc_new(DOC_FORMAT_TEXT, 0);
	struct doc *d2 = doc_new(DOC_FORMAT_TEXT, 0);
	const struct doc *docs[2] = { d, d2 };
	const struct facts *facts[2] = { NULL, NULL };
	enum doc_role roles[2] = { DOC_ROLE_RESUME, DOC_ROLE_COVER };
	struct match_result *res;
	guint i, stem = 0;
	double sum = 0;

	d->text = g_string_new("integration integrate integrated integrator "
			       "integrating. REST. ");
	for (i = 0; i < 6; i++)	/* 6 + REST 1 + stem 3 = the max */
		g_string_append(d->text, "runbook ");
	d2->text = g_string_new("Dear team, as an integration engineer...");
	res = match_applicant(rs, docs, facts, roles, 2);
	for (i = 0; i < res->evidence->len; i++) {
		const struct evidence *ev = &g_array_index(res->evidence,
							   struct evidence, i);

		if (ev->criterion == 0)
			sum += ev->points;
		if (ev->rule == rule_index("stem") && ev->points > 0)
			stem++;
		if (i)	/* by criterion, then document, then offset */
			g_assert_true(ev->criterion > (ev - 1)->criterion ||
				      ev->doc > (ev - 1)->doc ||
				      ev->start >= (ev - 1)->start);
	}
	g_assert_cmpuint(stem, ==, 3);		/* rule cap 3 */
	g_assert_cmpfloat(res->crit[0].points, ==, 10);	/* criterion max */
	g_assert_cmpfloat(sum, ==, 10);
	g_assert_cmpfloat(res->crit[0].score, ==, 1);
	g_assert_true(res->crit[0].met);
	/* the cover rule reads only the cover letter; the stem rule finds
	 * "integration" there too, but that passage is the cover rule's in
	 * its own criterion and the stem rule's cap is spent */
	g_assert_cmpfloat(res->crit[1].points, ==, 2);
	g_assert_true(res->crit[1].met);
	g_assert_cmpuint(res->errors->len, ==, 0);
	match_result_free(res);
	doc_free(d);
	doc_free(d2);
}

static void test_roles(void)
{
	struct doc *d = doc_new(DOC_FORMAT_TEXT, 0);
	const struct doc *docs[1] = { d };
	const struct facts *facts[1] = { NULL };
	enum doc_role roles[1] = { DOC_ROLE_RESUME };
	struct match_result *res;

	d->text = g_string_new("Integration Engineer, 2019 - 2024");
	res = match_applicant(rs, docs, facts, roles, 1);
	g_assert_cmpfloat(res->crit[1].points, ==, 0);
	g_assert_false(res->crit[1].met);
	match_result_free(res);
	doc_free(d);
}

/* A pattern that backtracks without end fails that rule on that
 * document, nothing else. */
static void test_match_limit(void)
{
	struct doc *d = doc_new(DOC_FORMAT_TEXT, 0);
	const struct doc *docs[1] = { d };
	const struct facts *facts[1] = { NULL };
	enum doc_role roles[1] = { DOC_ROLE_RESUME };
	struct match_result *res;
	GString *t = g_string_new("Wrote runbooks. ");
	guint i;

	for (i = 0; i < 5000; i++)
		g_string_append_c(t, 'a');
	g_string_append_c(t, 'b');
	d->text = t;
	res = match_applicant(rs, docs, facts, roles, 1);
	g_assert_cmpuint(res->errors->len, ==, 1);
	g_assert_cmpstr(res->errors->pdata[0], ==,
			"rule bomb hit the match limit");
	g_assert_cmpfloat(res->crit[0].points, ==, 1);	/* runbooks */
	match_result_free(res);
	doc_free(d);
}

static double cpu_seconds(void)
{
	struct timespec ts;

	g_assert_cmpint(clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts), ==, 0);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU seconds to match n bytes of "API SOAP " (HARDENING 29). */
static double match_repeated(gsize n)
{
	struct doc *d = doc_new(DOC_FORMAT_TEXT, 0);
	const struct doc *docs[1] = { d };
	const struct facts *facts[1] = { NULL };
	enum doc_role roles[1] = { DOC_ROLE_RESUME };
	struct match_result *res;
	double t;

	d->text = g_string_sized_new(n + 16);
	while (d->text->len < n)
		g_string_append(d->text, "API SOAP ");
	t = cpu_seconds();
	res = match_applicant(rs, docs, facts, roles, 1);
	t = cpu_seconds() - t;
	g_assert_cmpfloat(res->crit[3].points, >, 0);
	match_result_free(res);
	doc_free(d);
	return t;
}

/* Megabytes of two keywords that interleave cost time in proportion to
 * their length: sorting the candidate words by insertion, or walking
 * every near hit for every hit, made 2 MiB cost minutes.  The bounds
 * are generous (CPU time, not wall clock, and 10x what a loaded ASan
 * build needs): quadratic work misses them by far. */
static void test_linear(void)
{
	double t1 = match_repeated(1 << 20), t2 = match_repeated(2 << 20);

	g_test_message("1 MiB: %.3f s, 2 MiB: %.3f s", t1, t2);
	g_assert_cmpfloat(t2, <, 10);
	g_assert_cmpfloat(t2, <, 3 * t1 + 0.5);
}

/* A rule with small points and a high cap gives at most
 * MATCH_EVIDENCE_PER_RULE rows for an applicant, not one per hit
 * (HARDENING 30). */
static void test_evidence_cap(void)
{
	struct doc *d = doc_new(DOC_FORMAT_TEXT, 0);
	struct doc *d2 = doc_new(DOC_FORMAT_TEXT, 0);
	const struct doc *docs[2] = { d, d2 };
	const struct facts *facts[2] = { NULL, NULL };
	enum doc_role roles[2] = { DOC_ROLE_RESUME, DOC_ROLE_RESUME };
	struct match_result *res;
	guint i, rows = 0, tiny = rule_index("tiny");

	d->text = g_string_new(NULL);
	for (i = 0; i < 300; i++)
		g_string_append(d->text, "widget ");
	d2->text = g_string_new(d->text->str);
	res = match_applicant(rs, docs, facts, roles, 2);
	for (i = 0; i < res->evidence->len; i++)
		rows += g_array_index(res->evidence, struct evidence,
				      i).rule == tiny;
	g_assert_cmpuint(rows, ==, MATCH_EVIDENCE_PER_RULE);
	g_assert_cmpfloat_with_epsilon(res->crit[3].points,
				       MATCH_EVIDENCE_PER_RULE * 0.1, 1e-6);
	match_result_free(res);
	doc_free(d);
	doc_free(d2);
}

static void test_rule_text(void)
{
	g_autoptr(GError) err = NULL;
	uint32_t s = 0, e = 0;
	const char t[] = "Built the REST API.";

	g_assert_cmpint(match_rule_text(rs, rule_index("kw"), t, strlen(t),
					&s, &e, &err), ==, 1);
	g_assert_cmpuint(s, ==, 10);
	g_assert_cmpuint(e, ==, 18);
	g_assert_cmpint(match_rule_text(rs, rule_index("bomb"),
					"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
					"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
					72, NULL, NULL, &err), ==, -1);
	g_assert_error(err, SCREENER_ERROR, SE_RULE_LIMIT);
}

static void test_snippet(void)
{
	const char t[] = "Intro line.\nFirst sentence. Built the REST API "
			 "for billing. Next one.";
	const char *m = strstr(t, "REST API");
	g_autofree char *s = match_snippet(t, strlen(t), m - t, m - t + 8,
					   "[[", "]]");
	g_autofree char *s2 = NULL;
	g_autofree char *s3 = NULL;
	GString *longt = g_string_new(NULL);
	guint i;

	g_assert_cmpstr(s, ==, "Built the [[REST API]] for billing.");
	/* a long sentence is cut at word boundaries, never inside "é" */
	for (i = 0; i < 40; i++)
		g_string_append(longt, "café ");
	g_string_append(longt, "Kafka");
	for (i = 0; i < 40; i++)
		g_string_append(longt, " déjà");
	m = strstr(longt->str, "Kafka");
	s2 = match_snippet(longt->str, longt->len, m - longt->str,
			   m - longt->str + 5, "<", ">");
	g_assert_true(g_utf8_validate(s2, -1, NULL));
	g_assert_true(g_str_has_prefix(s2, "... café "));
	g_assert_true(g_str_has_suffix(s2, " déjà ..."));
	g_assert_nonnull(strstr(s2, "café <Kafka> déjà"));
	/* offsets out of range or inside a character are clamped */
	s3 = match_snippet("é", 2, 1, 99, "[", "]");
	g_assert_true(g_utf8_validate(s3, -1, NULL));
	g_string_free(longt, TRUE);
}

/* With real facts: a hit in experience counts in full, in the skills
 * list half, in the summary not at all; a fact rule's evidence is the
 * fact's own passages. */
static void test_scope_facts(void)
{
	struct doc *d = test_doc(
		"Dana Whitfield\n"
		"#1 Summary\n"
		"Event-driven work with Kafka.\n"
		"#1 Experience\n"
		"Integration Engineer, Acme, 2018 - 2023\n"
		"Built the order pipeline on Kafka.\n"
		"#1 Skills\n"
		"Kafka, SQL\n", "2024-01-01");
	struct facts_config cfg = { .as_of = "2024-01-01" };
	struct facts *f = facts_compute(d, &cfg);
	const struct doc *docs[1] = { d };
	const struct facts *facts[1] = { f };
	enum doc_role roles[1] = { DOC_ROLE_RESUME };
	struct match_result *res = match_applicant(rs, docs, facts, roles, 1);
	int c = ruleset_criterion_index(rs, "c-scoped");
	GString *got = g_string_new(NULL);
	guint i;

	g_assert_cmpint(c, >=, 0);
	for (i = 0; i < res->evidence->len; i++) {
		const struct evidence *ev = &g_array_index(res->evidence,
							   struct evidence, i);
		g_autofree char *t = test_span_text(d, ev->start, ev->end);

		if (ev->criterion == (guint)c)
			g_string_append_printf(got, "%s=%s %.1f;",
					       ruleset_rule(rs, ev->rule)->id,
					       t, ev->points);
	}
	g_assert_cmpstr(got->str, ==, "years=2018 - 2023 3.0;kafka=Kafka 2.0;"
			"kafka=Kafka 1.0;");
	g_assert_cmpfloat(res->crit[c].points, ==, 6);
	g_string_free(got, TRUE);
	match_result_free(res);
	facts_free(f);
	doc_free(d);
}

int main(int argc, char **argv)
{
	int rc;

	g_test_init(&argc, &argv, NULL);
	setup_set();
	g_test_add_func("/match/keywords", test_keywords);
	g_test_add_func("/match/case-context", test_case_context);
	g_test_add_func("/match/stem", test_stem);
	g_test_add_func("/match/proximity", test_proximity);
	g_test_add_func("/match/proximity-core", test_proximity_core);
	g_test_add_func("/match/negation", test_negation);
	g_test_add_func("/match/hedge", test_hedge);
	g_test_add_func("/match/caps", test_caps);
	g_test_add_func("/match/roles", test_roles);
	g_test_add_func("/match/match-limit", test_match_limit);
	g_test_add_func("/match/rule-text", test_rule_text);
	g_test_add_func("/match/linear", test_linear);
	g_test_add_func("/match/evidence-cap", test_evidence_cap);
	g_test_add_func("/match/snippet", test_snippet);
	g_test_add_func("/match/scope-facts", test_scope_facts);
	rc = g_test_run();
	teardown_set();
	return rc;
}
