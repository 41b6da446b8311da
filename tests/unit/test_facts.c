/* test_facts.c - facts by name, their evidence, the name table. */
#include "facts.h"
#include "facts_doc.h"
#include "sections.h"

static const struct facts_config cfg = { .as_of = "2026-11-28" };

static double num(const struct facts *f, const char *name)
{
	double v = -1;

	if (!facts_number(f, name, &v))
		g_error("fact %s not found", name);
	return v;
}

static void test_names(void)
{
	const char *const *n = facts_names();
	guint i, count = 0;

	for (i = 0; n[i]; i++) {
		g_assert_true(n[i][0]);
		count++;
	}
	g_assert_cmpuint(count, >, 20);
	g_assert_true(g_strv_contains(n, "years_relevant"));
	g_assert_true(g_strv_contains(n, "degree_level"));
}

static void test_resume(void)
{
	g_autoptr(doc) d = test_doc(
		"Jane Doe\n"
		"Experience\n"
		"Integration Engineer, Acme\n"
		"Jan 2019 - Dec 2020\n"
		"\xe2\x80\xa2 Built REST APIs.\n"
		"Support Analyst, Beta\n"
		"Jan 2016 - Dec 2016\n"
		"Education\n"
		"BSc Computer Science, 2012 - 2015\n"
		"Skills\n"
		"Java\n", NULL);
	struct facts *f = facts_compute(d, &cfg);
	const GArray *sp;
	double v;

	g_assert_cmpfloat(num(f, "sections_present"), ==, 3);
	g_assert_cmpfloat(num(f, "has_experience_section"), ==, 1);
	g_assert_cmpfloat(num(f, "missing_sections"), ==, 0);
	g_assert_cmpfloat(num(f, "years_total"), ==, 3);
	g_assert_cmpfloat(num(f, "years_relevant"), ==, 2);
	g_assert_cmpfloat(num(f, "n_roles"), ==, 2);
	g_assert_cmpfloat(num(f, "gap_months_max"), ==, 24);
	sp = facts_spans(f, "section:experience");
	g_assert_nonnull(sp);
	g_assert_cmpuint(sp->len, ==, 1);
	sp = facts_spans(f, "years_total");
	g_assert_cmpuint(sp->len, ==, 2);
	g_assert_null(facts_spans(f, "no_such_fact"));
	g_assert_null(facts_spans(f, "section:nothing"));
	g_assert_false(facts_number(f, "no_such_fact", &v));
	g_assert_cmpuint(facts_sections(f)->len, ==, 4);
	facts_free(f);
}

static void test_empty(void)
{
	g_autoptr(doc) d = test_doc("", NULL);
	struct facts *f = facts_compute(d, NULL);
	double v;

	g_assert_false(facts_number(f, "years_total", &v));
	g_assert_cmpfloat(num(f, "sections_present"), ==, 0);
	facts_free(f);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/facts/names", test_names);
	g_test_add_func("/facts/resume", test_resume);
	g_test_add_func("/facts/empty", test_empty);
	return g_test_run();
}
