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
	"Integration engineer building APIs and message flows for retail "
	"and logistics partners.\n"
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
	/* "integration" named, one term ("apis"): 0.4 + 0.6 / 3 */
	g_assert_cmpfloat_with_epsilon(c.statement_relevance, 0.6, 1e-9);
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
		cover_relevance(t, 0, strlen(t), &cfg, NULL), 0.4, 1e-9);
	g_assert_cmpfloat(cover_relevance(t, 0, strlen(t), NULL, NULL), ==, 0);
}

/* A profile paragraph under the name, with no heading, is the statement;
 * a paragraph after the first dated role is work, not a statement. */
static void test_lead_paragraph(void)
{
	static const char untitled[] =
		"Sam Roe\n"
		"sam@mail.test | +1 555 0100 | github.com/samroe\n"
		"Backend developer with six years of building REST APIs,\n"
		"Kafka consumers and ETL jobs for retail clients.\n"
		"Experience\n"
		"Developer, Acme, 2019 - Present\n"
		"Education\n"
		"BSc Computing, 2018\n";
	static const char late[] =
		"Sam Roe\n"
		"Developer, Acme, 2019 - Present\n"
		"Kept the office plants alive and wrote the REST APIs, the\n"
		"data pipelines and the AWS deployment for retail clients.\n";
	struct cover c;

	analyse(untitled, NULL, &c);
	g_assert_true(c.has_statement);
	g_assert_cmpfloat(c.statement_relevance, >=, 0.5);
	cover_release(&c);
	analyse(late, NULL, &c);
	g_assert_false(c.has_statement);
	g_assert_cmpfloat(c.statement_relevance, ==, 0);
	cover_release(&c);
}

/* Objectives and students' profiles name terms but describe no work. */
static void test_generic_statement(void)
{
	static const char *const generic[] = {
		"Summary\nComputer science student with knowledge of Java, "
		"Python, SQL databases and REST APIs.\nExperience\n",
		"Objective\nSeeking a full-time software developer position "
		"working with APIs, Java and cloud.\nExperience\n",
		"Summary\nQuota-crushing sales leader in enterprise software: "
		"REST APIs, Kafka and ETL platforms sold.\nExperience\n",
	};
	static const char worked[] =
		"Summary\nSeeking new challenges after twelve years building "
		"REST APIs, Kafka consumers and ETL jobs.\nExperience\n";
	static const char for_sales[] =
		"Summary\nBackend engineer who built REST APIs, Kafka consumers "
		"and ETL jobs for the sales team.\nExperience\n";
	struct cover c;
	guint i;

	for (i = 0; i < G_N_ELEMENTS(generic); i++) {
		analyse(generic[i], NULL, &c);
		g_assert_true(c.has_statement);
		g_assert_cmpfloat(c.statement_relevance, ==, 0);
		cover_release(&c);
	}
	analyse(worked, NULL, &c);
	g_assert_cmpfloat(c.statement_relevance, >=, 0.5);
	cover_release(&c);
	/* Another trade is who the author is, not whom the work served. */
	analyse(for_sales, NULL, &c);
	g_assert_cmpfloat(c.statement_relevance, >=, 0.5);
	cover_release(&c);
}

/* A letterhead that names a role is not the letter: a placeholder body
 * under it is not relevant. */
static void test_letter_body(void)
{
	static const char filler[] =
		"Sam Roe\nSoftware Engineer - Site Reliability - DevOps\n"
		"Application for Software Developer\n"
		"Dear Hiring Manager,\n"
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit. Duis "
		"ullamcorper neque sit amet lectus facilisis sed luctus nisl.\n"
		"Sincerely,\nSam Roe\n";
	struct cover c;

	analyse(filler, NULL, &c);
	g_assert_true(c.is_cover);
	g_assert_cmpfloat(c.relevance, ==, 0);
	cover_release(&c);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/cover/letter", test_letter);
	g_test_add_func("/cover/resume", test_resume_is_not_letter);
	g_test_add_func("/cover/name-hint", test_name_hint);
	g_test_add_func("/cover/terms", test_terms_from_config);
	g_test_add_func("/cover/lead-paragraph", test_lead_paragraph);
	g_test_add_func("/cover/generic-statement", test_generic_statement);
	g_test_add_func("/cover/letter-body", test_letter_body);
	return g_test_run();
}
