/* test_facts.c - facts by name, their evidence, the name table. */
#include <stdarg.h>
#include <string.h>
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

/* A two-page resume as a PDF extractor gives it: a sidebar with its own
 * headings, numbered and capitalised headings, mixed bullets. */
static const char resume[] =
	"ALEX MORGAN\n"
	"Lead Integration Engineer\n"
	"alex.morgan@example.org | +44 20 7946 0958 | Leeds, UK\n"
	"linkedin.com/in/alexmorgan\n"
	"PROFILE\n"
	"Integration engineer with nine years of API and middleware work: "
	"REST and SOAP endpoints, OAuth flows, Kafka and RabbitMQ message "
	"brokers behind an API gateway, payload mapping and runbooks.\n"
	"1. Professional Experience\n"
	"Lead Integration Engineer | Northwind Ltd | Mar 2021 - Present\n"
	"\xe2\x80\xa2 Designed health checks and alert thresholds for 40 "
	"integrations\n"
	"\xe2\x80\xa2 Ran alignment sessions with the the ERP team\n"
	"Integration Engineer | Contoso plc | Jan 2018 - Apr 2021\n"
	"- Mapped and validated payloads between SAP and Salesforce\n"
	"Web Developer | Fabrikam | 2015 - 2017\n"
	"\xe2\x80\xa2 Built PHP sites\n"
	"2. Education\n"
	"MSc Computer Science, University of Leeds, 2013 - 2015\n"
	"BSc Mathematics, University of York, 2010 - 2013\n"
	"3. Certifications\n"
	"\xe2\x80\xa2 MuleSoft Certified Developer - Level 1\n"
	"\xe2\x80\xa2 AWS Certified Solutions Architect - Associate\n"
	"S K I L L S\n"
	"Java, Python, MuleSoft, Kafka, OAuth2, Kubernetes\n";

static GPtrArray *words(const char *first, ...)
{
	GPtrArray *a = g_ptr_array_new();
	va_list ap;
	const char *w;

	va_start(ap, first);
	for (w = first; w; w = va_arg(ap, const char *))
		g_ptr_array_add(a, (gpointer)w);
	va_end(ap);
	return a;
}

static void test_full_resume(void)
{
	g_autoptr(doc) d = test_doc(resume, "2025-06-30");
	g_autoptr(GPtrArray) allow = words("MuleSoft", "Kafka", NULL);
	g_autoptr(GPtrArray) rel = words("integration", "middleware", NULL);
	struct facts_config c = {
		.as_of = "2026-11-28",
		.allow_words = allow,
		.relevant_titles = rel,
	};
	struct facts *f = facts_compute(d, &c);
	struct span where;
	g_autoptr(GString) out = g_string_new(NULL);
	const GArray *sp;

	/* What a reader says: 2015-2017 is two years, Jan 2018 to the
	 * document's date (June 2025, "present") seven and a half, all of
	 * them relevant; a master's degree, two certifications. */
	g_assert_cmpfloat_with_epsilon(num(f, "years_total"),
				       (24 + 90) / 12.0, 1e-9);
	g_assert_cmpfloat_with_epsilon(num(f, "years_relevant"),
				       90 / 12.0, 1e-9);
	g_assert_cmpfloat(num(f, "gap_months_max"), ==, 12);
	g_assert_cmpfloat(num(f, "n_roles"), ==, 3);
	g_assert_cmpfloat(num(f, "date_problems"), ==, 0);
	g_assert_cmpfloat(num(f, "degree_level"), ==, 3);
	g_assert_cmpfloat(num(f, "certifications"), ==, 2);
	g_assert_cmpfloat(num(f, "sections_present"), ==, 5);
	g_assert_cmpfloat(num(f, "missing_sections"), ==, 0);
	g_assert_cmpfloat(num(f, "has_phone"), ==, 1);
	g_assert_cmpfloat(num(f, "has_linkedin"), ==, 1);
	g_assert_cmpfloat(num(f, "no_contact"), ==, 0);
	g_assert_cmpfloat(num(f, "repeated_words"), ==, 1);
	g_assert_cmpfloat(num(f, "inconsistent_bullets"), ==, 1);
	g_assert_cmpfloat(num(f, "is_cover_letter"), ==, 0);
	/* Under 150 words. */
	g_assert_cmpfloat(num(f, "too_short"), ==, 1);
	g_assert_cmpfloat(num(f, "statement_relevance"), ==, 1);
	g_assert_cmpstr(facts_contact(f, "name", &where), ==, "ALEX MORGAN");
	g_assert_cmpuint(where.start, ==, 0);
	g_assert_cmpstr(facts_contact(f, "email", NULL), ==,
			"alex.morgan@example.org");
	g_assert_cmpstr(facts_contact(f, "phone_digits", NULL), ==,
			"442079460958");
	g_assert_cmpstr(facts_contact(f, "location", NULL), ==, "Leeds, UK");
	g_assert_null(facts_contact(f, "github", NULL));
	g_assert_null(facts_contact(f, "shoe size", NULL));
	sp = facts_spans(f, "section:skills");
	g_assert_cmpuint(sp->len, ==, 1);
	sp = facts_spans(f, "repeated_words");
	{
		g_autofree char *t = test_span_text(
			d, g_array_index(sp, struct span, 0).start,
			g_array_index(sp, struct span, 0).end);

		g_assert_cmpstr(t, ==, "the the");
	}
	facts_print(f, d, out, false);
	g_assert_nonnull(strstr(out->str, "from the document date"));
	g_assert_nonnull(strstr(out->str, "title \"Lead Integration Engineer\""
				" employer \"Northwind Ltd\" [relevant]"));
	g_string_truncate(out, 0);
	facts_print(f, d, out, true);
	g_assert_true(g_str_has_prefix(out->str, "{\"facts\":{"));
	g_assert_nonnull(strstr(out->str, "\"degree\":\"master\""));
	facts_free(f);
}

static void test_cover_letter_doc(void)
{
	g_autoptr(doc) d = test_doc(
		"Dear Ms Patel,\n"
		"I am applying for the Integration Engineer position. For five "
		"years I have built REST endpoints, mapped payloads between "
		"systems and written runbooks for our message broker.\n"
		"Yours sincerely,\n"
		"Alex Morgan\n", NULL);
	struct facts *f = facts_compute(d, NULL);
	double v;

	g_assert_cmpfloat(num(f, "is_cover_letter"), ==, 1);
	g_assert_cmpfloat(num(f, "cover_letter_relevance"), >=, 0.8);
	g_assert_false(facts_number(f, "statement_relevance", &v));
	g_assert_false(facts_number(f, "years_total", &v));
	g_assert_cmpuint(facts_spans(f, "is_cover_letter")->len, ==, 2);
	facts_free(f);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/facts/names", test_names);
	g_test_add_func("/facts/resume", test_resume);
	g_test_add_func("/facts/empty", test_empty);
	g_test_add_func("/facts/full-resume", test_full_resume);
	g_test_add_func("/facts/cover-letter", test_cover_letter_doc);
	return g_test_run();
}
