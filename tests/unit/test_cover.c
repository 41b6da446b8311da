/* test_cover.c - cover letters told from resumes, relevance scores. */
#include "cover.h"
#include "facts_doc.h"
#include "sections.h"

static const char letter[] =
	"Dear Hiring Manager,\n"
	"I am writing to apply for the Integration Engineer role. In my "
	"current position I design REST and SOAP endpoints, own the field "
	"mapping between our ERP and CRM, and wrote the runbooks our support "
	"team uses when a Kafka consumer falls behind.\n"
	"I look forward to hearing from you.\n"
	"Kind regards,\n"
	"Jane Doe\n";

static const char resume[] =
	"Jane Doe\n"
	"Summary\n"
	"Integration engineer building APIs and message flows.\n"
	"Experience\n"
	"Integration Engineer, Acme, 2019 - Present\n"
	"Developer, Beta, 2016 - 2019\n"
	"Intern, Gamma, 2015 - 2016\n"
	"Education\n"
	"BSc Computing\n";

static void analyse(const char *text, const struct facts_config *cfg,
		    struct cover *c)
{
	g_autoptr(doc) d = test_doc(text, NULL);
	g_autoptr(GArray) s = sections_find(d);

	cover_analyse(d, s, cfg, c);
}

static void test_letter(void)
{
	struct cover c;

	analyse(letter, NULL, &c);
	g_assert_true(c.is_cover);
	g_assert_cmpuint(c.salutation.start, ==, 0);
	g_assert_cmpuint(c.closing.end, >, c.closing.start);
	/* Role named (0.4) and five terms or more (0.6). */
	g_assert_cmpfloat_with_epsilon(c.relevance, 1.0, 1e-9);
	g_assert_cmpuint(c.mentions->len, >=, 6);
	g_assert_false(c.has_statement);
	cover_release(&c);
}

static void test_resume_is_not_letter(void)
{
	struct cover c;

	analyse(resume, NULL, &c);
	g_assert_false(c.is_cover);
	g_assert_cmpfloat(c.relevance, ==, 0);
	g_assert_true(c.has_statement);
	/* "integration" and "apis": 0.4 + 0.6 / 5 */
	g_assert_cmpfloat_with_epsilon(c.statement_relevance, 0.52, 1e-9);
	cover_release(&c);
}

static void test_name_hint(void)
{
	struct facts_config cfg = { .cover_name_hint = true };
	struct cover c;

	/* A bare letter with no salutation: the file name decides. */
	analyse("I would like to join your team as it sounds fun.\n", NULL,
		&c);
	g_assert_false(c.is_cover);
	cover_release(&c);
	analyse("I would like to join your team as it sounds fun.\n", &cfg,
		&c);
	g_assert_true(c.is_cover);
	g_assert_cmpfloat(c.relevance, ==, 0);
	cover_release(&c);
}

static void test_terms_from_config(void)
{
	g_autoptr(GPtrArray) terms = g_ptr_array_new();
	struct facts_config cfg = { .domain_terms = terms };
	const char *t = "We bake bread and cakes.";

	g_ptr_array_add(terms, (gpointer)"bread");
	g_ptr_array_add(terms, (gpointer)"cakes");
	g_ptr_array_add(terms, (gpointer)"api");
	g_assert_cmpfloat_with_epsilon(
		cover_relevance(t, 0, strlen(t), &cfg, NULL), 0.24, 1e-9);
	g_assert_cmpfloat(cover_relevance(t, 0, strlen(t), NULL, NULL), ==, 0);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/cover/letter", test_letter);
	g_test_add_func("/cover/resume", test_resume_is_not_letter);
	g_test_add_func("/cover/name-hint", test_name_hint);
	g_test_add_func("/cover/terms", test_terms_from_config);
	return g_test_run();
}
