/* test_facts.c - facts by name, their evidence, the name table. */
#include <stdarg.h>
#include <string.h>
#include "dates.h"
#include "extract.h"
#include "facts.h"
#include "text.h"
#include "facts_doc.h"
#include "sections.h"
#include "spell.h"

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
	facts_prepare(NULL);	/* loads once; harmless again */
	facts_prepare(NULL);
	g_autoptr(doc) d = test_doc("", NULL);
	struct facts *f = facts_compute(d, NULL);
	double v;

	g_assert_false(facts_number(f, "years_total", &v));
	g_assert_cmpfloat(num(f, "sections_present"), ==, 0);
	facts_free(f);
}

static void test_undated_resume(void)
{
	/* A resume whose jobs carry no dates: no counted years, 0; a letter
	 * says nothing about them. */
	g_autoptr(doc) d = test_doc(
		"Jane Doe\n"
		"Experience\n"
		"Tutor, Nordvik Learning Centre\n"
		"Education\n"
		"BSc Physics, 2020 - 2024\n", NULL);
	g_autoptr(doc) l = test_doc(
		"Dear hiring manager,\n"
		"I would like to apply.\n", NULL);
	struct facts *f = facts_compute(d, &cfg);
	double v;

	g_assert_cmpfloat(num(f, "years_total"), ==, 0);
	g_assert_cmpfloat(num(f, "n_roles"), ==, 0);
	facts_free(f);
	f = facts_compute(l, &cfg);
	g_assert_false(facts_number(f, "years_total", &v));
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

/* Text a template left in, characters broken by a wrong encoding,
 * spelling per page. */
static void test_quality(void)
{
	g_autoptr(doc) d = test_doc(
		"Jane Roe\n"
		"jane@roe.test\n"
		"Experience\n"
		"Clerk, Company Name, City, State, 2015 - 2019\n"
		"Served X+ customers a day with replies under Y\nms.\n"
		"Fixed the caf\xc3\x83\xc2\xa9 menu\xc3\x82 and the "
		"workers\xc3\xa2\xe2\x82\xac\xe2\x84\xa2 rota.\n"
		"Skills\nNaïve Bayes, C++, N+1 queries\n", NULL);
	g_autoptr(doc) clean = test_doc(
		"Jane Roe\njane@roe.test\nExperience\n"
		"Clerk at the company, 2015 - 2019; the company name "
		"changed.\nRecieved and procesed orders.\n", NULL);
	struct facts *f = facts_compute(d, &cfg);
	struct facts *g = facts_compute(clean, &cfg);

	g_assert_cmpfloat(num(f, "template_leftovers"), ==, 4);
	g_assert_cmpfloat(num(f, "broken_characters"), ==, 3);
	g_assert_cmpfloat(num(f, "no_contact"), ==, 0);
	g_assert_cmpfloat(num(g, "template_leftovers"), ==, 0);
	g_assert_cmpfloat(num(g, "broken_characters"), ==, 0);
	if (spell_load(NULL)) {
		g_assert_cmpfloat(num(g, "spelling_errors_per_page"), ==, 2);
		g_assert_cmpfloat(num(g, "spelling_skipped"), ==, 0);
	}
	facts_free(f);
	facts_free(g);
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

/* --- the committed samples, read as a person reads them --------------- */

static char *repo_path(const char *a, const char *b, const char *c)
{
	const char *root = g_getenv("ROOT");

	if (root)
		return g_build_filename(root, a, b, c, NULL);
	return g_build_filename(g_test_get_dir(G_TEST_DIST), "..", "..", a, b,
				c, NULL);
}

/* One entry a line of a word list of the default rule set; an empty
 * list when the file is not there. */
static GPtrArray *word_list(const char *name)
{
	g_autofree char *path = repo_path("criteria", "integration-engineer",
					  name);
	g_autofree char *data = NULL;
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
	g_auto(GStrv) lines = NULL;
	guint i;

	if (!g_file_get_contents(path, &data, NULL, NULL))
		return a;
	lines = g_strsplit(data, "\n", -1);
	for (i = 0; lines[i]; i++) {
		char *l = g_strstrip(lines[i]);

		if (l[0] && l[0] != '#' && l[0] != ';')
			g_ptr_array_add(a, g_strdup(l));
	}
	return a;
}

static struct doc *sample(const char *name)
{
	g_autofree char *path = repo_path("samples", name, NULL);
	g_autofree char *data = NULL;
	g_autoptr(GError) err = NULL;
	struct caps caps = caps_default();
	struct doc *d;
	gsize len;

	if (!g_file_get_contents(path, &data, &len, NULL))
		return NULL;
	if (extract_sniff((const guint8 *)data, len) != DOC_FORMAT_PDF)
		return extract_buffer((const guint8 *)data, len, &caps, false,
				      &err);
	d = doc_new(DOC_FORMAT_PDF, caps.text_bytes);
	if (!extract_pdf((const guint8 *)data, len, &caps, d, &err)) {
		doc_free(d);
		return NULL;
	}
	doc_block_close(d);
	text_normalise(d, false);
	return d;
}

/* What a reader of each sample says: the first month of work (the
 * roles touch or overlap, so the years run from there to "present":
 * the document's date, else the as-of date), the first month of
 * relevant work (a software, data, integration or IT role, by its
 * title), the degree and the certifications. */
static const struct reading {
	const char *file;
	int from_y, from_m;	/* first month worked */
	int gap;		/* months not worked in between */
	int rel_y, rel_m;	/* first month of relevant work; 0: none */
	int degree;
	int certs;
	int roles;
} readings[] = {
	{ "aiko-tanaka.txt", 2020, 4, 0, 2020, 4, 2, 2, 2 },
	{ "jonas-weber.txt", 2015, 8, 0, 2015, 8, 3, 3, 3 },
	{ "maria-keller.txt", 2017, 1, 0, 2017, 1, 2, 2, 2 },
	{ "daniel-okafor.rtf", 2019, 1, 0, 2019, 1, 2, 2, 2 },
	{ "daniel-okafor.pdf", 2016, 6, 0, 2016, 6, 2, 2, 2 },
	{ "amara-johnson.pdf", 2019, 9, 0, 0, 0, 2, 2, 2 },
	/* 2015 - 2017, then nursing school, then 2019 - present */
	{ "grace-mensah.pdf", 2015, 1, 24, 0, 0, 2, 0, 2 },
	{ "lena-fischer.pdf", 2019, 8, 0, 2019, 8, 2, 1, 2 },
	{ "sofia-marchetti.pdf", 2016, 9, 0, 2016, 9, 3, 2, 2 },
	{ "tomas-novak.pdf", 2016, 1, 0, 2016, 1, 3, 2, 2 },
};

static void test_samples(void)
{
	g_autoptr(GPtrArray) allow = word_list("allow-words.txt");
	g_autoptr(GPtrArray) certs = word_list("certifications.txt");
	g_autoptr(GPtrArray) titles = word_list("titles.txt");
	g_autoptr(GPtrArray) terms = word_list("domain-terms.txt");
	struct facts_config c = {
		.as_of = "2026-11-28",
		.allow_words = allow,
		.certifications = certs,
		.relevant_titles = titles,
		.domain_terms = terms,
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(readings); i++) {
		const struct reading *r = &readings[i];
		g_autoptr(doc) d = sample(r->file);
		struct facts *f;
		int32_t present, total, rel;

		if (!d) {
			g_test_message("%s: not readable here, skipped",
				       r->file);
			continue;
		}
		f = facts_compute(d, &c);
		present = dates_present(d->date, c.as_of);
		total = present + 1 - (r->from_y * 12 + r->from_m - 1) -
			r->gap;
		rel = r->rel_y ? present + 1 - (r->rel_y * 12 + r->rel_m - 1) :
				 0;
		g_test_message("%s: present %d-%02d", r->file, present / 12,
			       present % 12 + 1);
		g_assert_cmpfloat_with_epsilon(num(f, "years_total"),
					       total / 12.0, 1e-9);
		g_assert_cmpfloat_with_epsilon(num(f, "years_relevant"),
					       rel / 12.0, 1e-9);
		g_assert_cmpfloat(num(f, "degree_level"), ==, r->degree);
		g_assert_cmpfloat(num(f, "certifications"), ==, r->certs);
		g_assert_cmpfloat(num(f, "n_roles"), ==, r->roles);
		g_assert_cmpfloat(num(f, "date_problems"), ==, 0);
		g_assert_cmpfloat(num(f, "is_cover_letter"), ==, 0);
		g_assert_cmpfloat(num(f, "has_email"), ==, 1);
		g_assert_cmpfloat(num(f, "has_phone"), ==, 1);
		g_assert_cmpfloat(num(f, "has_name"), ==, 1);
		facts_free(f);
	}
}

/* Random documents made of the pieces the finders look for: every fact
 * computes, every span lies inside the text, the report is written. */
static void test_random_documents(void)
{
	static const char *const pieces[] = {
		"Experience\n", "EDUCATION\n", "S K I L L S\n", "1. Summary:\n",
		"Jan 2019 - Present", "2019 - 2021", "Summer 2017", "since ",
		"03/2020", "'19", " - ", "to date", "present", "\xe2\x80\xa2 ",
		"- ", "Dear Sir,\n", "Kind regards\n", "MSc ", "Ph.D. ",
		"Certified ", "AWS ", "+44 20 7946 0958", "(555) 123-4567",
		"jane@example.org", "linkedin.com/in/x", "www.", "@", "http://",
		"the the ", "Managment ", "Engineer", ", ", " | ", "\n", "\n\n",
		"Integration ", "API ", "(", ")", ";", ".", "é", "\xe6\x9d\xb1",
		"Languages\n", "English ", "Java ", "Associate (2023)\n",
	};
	GRand *rnd = g_rand_new_with_seed(20261128);
	int n;

	for (n = 0; n < 300; n++) {
		GString *g = g_string_new(NULL);
		int k, parts = g_rand_int_range(rnd, 0, 120);
		const char *const *names = facts_names();
		struct facts *f;
		struct doc *d;
		GString *out = g_string_new(NULL);
		guint i;

		for (k = 0; k < parts; k++)
			g_string_append(g, pieces[g_rand_int_range(
				rnd, 0, G_N_ELEMENTS(pieces))]);
		d = test_doc(g->str, n % 3 ? NULL : "2020-02-29");
		f = facts_compute(d, NULL);
		for (i = 0; names[i]; i++) {
			const GArray *sp = facts_spans(f, names[i]);
			guint j;

			g_assert_nonnull(sp);
			for (j = 0; j < sp->len; j++) {
				struct span x = g_array_index(sp, struct span,
							      j);

				g_assert_cmpuint(x.start, <=, x.end);
				g_assert_cmpuint(x.end, <=, d->text->len);
			}
		}
		facts_print(f, d, out, n % 2);
		g_assert_true(g_utf8_validate(out->str, out->len, NULL));
		facts_free(f);
		doc_free(d);
		g_string_free(g, TRUE);
		g_string_free(out, TRUE);
	}
	g_rand_free(rnd);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/facts/names", test_names);
	g_test_add_func("/facts/resume", test_resume);
	g_test_add_func("/facts/empty", test_empty);
	g_test_add_func("/facts/undated-resume", test_undated_resume);
	g_test_add_func("/facts/full-resume", test_full_resume);
	g_test_add_func("/facts/cover-letter", test_cover_letter_doc);
	g_test_add_func("/facts/quality", test_quality);
	g_test_add_func("/facts/samples", test_samples);
	g_test_add_func("/facts/random-documents", test_random_documents);
	return g_test_run();
}
