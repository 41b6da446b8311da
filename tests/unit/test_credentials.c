/* test_credentials.c - degree levels and fields, certifications,
 * trainings. */
#include "credentials.h"
#include "facts_doc.h"
#include "sections.h"

static enum degree_level level_of(const char *s)
{
	uint32_t n;

	return credentials_degree_at(s, strlen(s), 0, &n);
}

static void test_levels(void)
{
	static const struct {
		const char *text;
		enum degree_level level;
	} cases[] = {
		{ "PhD in Physics", DEGREE_DOCTORATE },
		{ "Ph.D. Computer Science", DEGREE_DOCTORATE },
		{ "Doctorate", DEGREE_DOCTORATE },
		{ "MSc Data Science", DEGREE_MASTER },
		{ "M.S. in EE", DEGREE_MASTER },
		{ "MS in Computer Science", DEGREE_MASTER },
		{ "MS Computer Science", DEGREE_MASTER },
		{ "MBA", DEGREE_MASTER },
		{ "MEng Software", DEGREE_MASTER },
		{ "Master of Science", DEGREE_MASTER },
		{ "Master's degree", DEGREE_MASTER },
		{ "BSc (Hons) Computing", DEGREE_BACHELOR },
		{ "B.S. Mathematics", DEGREE_BACHELOR },
		{ "BA (Hons) History", DEGREE_BACHELOR },
		{ "BA in English", DEGREE_BACHELOR },
		{ "B.Eng. Electronics", DEGREE_BACHELOR },
		{ "Bachelor of Engineering", DEGREE_BACHELOR },
		{ "Bachelor's in IT", DEGREE_BACHELOR },
		{ "Associate degree in Networking", DEGREE_ASSOCIATE },
		{ "Associate of Applied Science", DEGREE_ASSOCIATE },
		{ "HND Computing", DEGREE_ASSOCIATE },
		{ "B.A.Sc. Computer Engineering", DEGREE_BACHELOR },
		{ "B.E. Information Technology", DEGREE_BACHELOR },
		{ "M.E. Software Systems", DEGREE_MASTER },
		{ "M\xc3\xa1ster en Ingenier\xc3\xad" "a Inform\xc3\xa1tica",
		  DEGREE_MASTER },
		{ "Licenciatura em Engenharia", DEGREE_BACHELOR },
		{ "Business Analytics (BS)", DEGREE_NONE },
		{ "Master\nof\nScience", DEGREE_MASTER },
		{ "Bachelor, Economics", DEGREE_NONE },
		{ "Bachelor (Hons) Economics", DEGREE_BACHELOR },
		{ "Associates : Bookkeeping", DEGREE_ASSOCIATE },
		{ "A.S. Nursing", DEGREE_ASSOCIATE },
		{ "AS in Networking", DEGREE_ASSOCIATE },
		{ "BSN", DEGREE_BACHELOR },
		{ "Dipl.-Ing. Maschinenbau", DEGREE_MASTER },
		{ "Diplom-Informatiker", DEGREE_MASTER },
		{ "Dr. rer. nat. Chemie", DEGREE_DOCTORATE },
		{ "Magister Artium", DEGREE_MASTER },
		{ "\xd0\x91\xd0\xb0\xd0\xba\xd0\xb0\xd0\xbb\xd0\xb0\xd0\xb2\xd1\x80 "
		  "\xd1\x82\xd0\xb5\xd1\x85\xd0\xbd\xd0\xb8\xd0\xba\xd0\xb8",
		  DEGREE_BACHELOR },
		{ "\xe7\xa1\x95\xe5\xa3\xab", DEGREE_MASTER },
		/* Not degrees. */
		{ "Diploma in Photography", DEGREE_NONE },
		{ "Associate (2023)", DEGREE_NONE },
		{ "Associate Consultant", DEGREE_NONE },
		{ "AS SOON AS", DEGREE_NONE },
		{ "Master Data Management", DEGREE_NONE },
		{ "MS Office", DEGREE_NONE },
		{ "MS SQL Server", DEGREE_NONE },
		{ "ms latency", DEGREE_NONE },
		{ "BA flight", DEGREE_NONE },
		{ "Associate Engineer", DEGREE_NONE },
		{ "Masterclass", DEGREE_NONE },
		{ "Scrum Master", DEGREE_NONE },
		{ "BSCS", DEGREE_NONE },
		{ "be on call", DEGREE_NONE },
		{ "me and the team", DEGREE_NONE },
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++)
		if (level_of(cases[i].text) != cases[i].level)
			g_error("\"%s\": level %d, want %d", cases[i].text,
				level_of(cases[i].text), cases[i].level);
}

static void test_resume(void)
{
	g_autoptr(doc) d = test_doc(
		"Jane Doe\n"
		"Experience\n"
		"Lecturer, taught MSc students, 2015 - 2019\n"
		"Education\n"
		"Bachelor of Science in Computer Science, Uni X, 2010 - 2014\n"
		"Online course: Kafka Fundamentals (Udemy)\n"
		"Certifications\n"
		"\xe2\x80\xa2 AWS Certified Solutions Architect - Associate\n"
		"\xe2\x80\xa2 MuleSoft Certified Developer\n"
		"\xe2\x80\xa2 ITIL Foundation\n"
		"Training\n"
		"Advanced OAuth workshop, 2021\n", NULL);
	g_autoptr(GArray) s = sections_find(d);
	g_autoptr(GPtrArray) names = g_ptr_array_new();
	struct facts_config cfg = { .certifications = names };
	struct credentials c;
	g_autofree char *field = NULL, *cert0 = NULL;

	g_ptr_array_add(names, (gpointer)"ITIL Foundation");
	g_ptr_array_add(names, (gpointer)"CKA");
	credentials_find(d, s, &cfg, &c);
	/* The MSc is in experience, not a degree held. */
	g_assert_cmpint(c.level, ==, DEGREE_BACHELOR);
	field = test_span_text(d, c.field.start, c.field.end);
	g_assert_cmpstr(field, ==, "Computer Science");
	g_assert_cmpuint(c.certs->len, ==, 3);
	cert0 = test_span_text(d, g_array_index(c.certs, struct span, 0).start,
			       g_array_index(c.certs, struct span, 0).end);
	g_assert_cmpstr(cert0, ==,
			"AWS Certified Solutions Architect - Associate");
	g_assert_cmpuint(c.trainings->len, ==, 2);
	credentials_release(&c);
}

static guint certs_of(const char *text, const struct facts_config *cfg,
		      GPtrArray *out)
{
	g_autoptr(doc) d = test_doc(text, NULL);
	g_autoptr(GArray) s = sections_find(d);
	struct credentials c;
	guint i, n;

	credentials_find(d, s, cfg, &c);
	n = c.certs->len;
	for (i = 0; out && i < n; i++) {
		struct span sp = g_array_index(c.certs, struct span, i);

		g_ptr_array_add(out, test_span_text(d, sp.start, sp.end));
	}
	credentials_release(&c);
	return n;
}

static void test_cert_items(void)
{
	g_autoptr(GPtrArray) names = g_ptr_array_new();
	g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func(g_free);
	struct facts_config cfg = { .certifications = names };

	g_ptr_array_add(names, (gpointer)"CKAD");
	g_ptr_array_add(names, (gpointer)"ITIL 4 Foundation");
	/* Two on a line, split at ";". */
	g_assert_cmpuint(certs_of("Certifications\n"
				  "Google Analytics Certification (2022); "
				  "HubSpot Inbound Marketing (2021)\n",
				  &cfg, NULL), ==, 2);
	/* A name wrapped by a narrow column is one item. */
	g_assert_cmpuint(certs_of("CERTIFICATES\nAzure Developer\n"
				  "Associate (2023)\n", &cfg, got), ==, 1);
	g_assert_cmpstr(got->pdata[0], ==,
			"Azure Developer\nAssociate (2023)");
	g_assert_cmpuint(certs_of("Certifications\n"
				  "IBM Certified Developer - App Connect\n"
				  "Enterprise (2021). ISTQB Foundation Level\n"
				  "(2018).\n", &cfg, NULL), ==, 2);
	/* A long line ending on a year is complete. */
	g_assert_cmpuint(certs_of("Certifications\n"
				  "Certified Kubernetes Application Developer "
				  "(CKAD), 2022\n"
				  "Postman API Fundamentals Student Expert, 2020\n",
				  &cfg, NULL), ==, 2);
	/* A name and its abbreviation, or a name said twice, is one. */
	g_assert_cmpuint(certs_of("Summary\nCKAD holder.\n"
				  "Experience\nCertified Kubernetes Application "
				  "Developer (CKAD), 2022\n", &cfg, NULL), ==, 2);
	g_assert_cmpuint(certs_of("Jane\nCertified Kubernetes Application "
				  "Developer (CKAD), 2022\n", &cfg, NULL), ==, 1);
	g_assert_cmpuint(certs_of("Summary\nMuleSoft Certified Developer.\n"
				  "Certifications\n"
				  "MuleSoft Certified Developer - Level 1\n",
				  &cfg, NULL), ==, 1);
	/* Named in education, not in a certifications section. */
	g_assert_cmpuint(certs_of("Education\nBSc, 2017\n"
				  "ITIL 4 Foundation, 2018\n", &cfg, NULL), ==, 1);
}

static void test_no_sections(void)
{
	g_autoptr(doc) d = test_doc(
		"John Roe, PhD\n"
		"I hold a PhD in Chemistry and an MBA.\n", NULL);
	g_autoptr(GArray) s = sections_find(d);
	struct credentials c;

	credentials_find(d, s, NULL, &c);
	g_assert_cmpint(c.level, ==, DEGREE_DOCTORATE);
	g_assert_cmpuint(c.degrees->len, ==, 3);
	g_assert_cmpuint(c.certs->len, ==, 0);
	credentials_release(&c);
}

static enum degree_level level_in(const char *text)
{
	g_autoptr(doc) d = test_doc(text, NULL);
	g_autoptr(GArray) s = sections_find(d);
	struct credentials c;
	enum degree_level lv;

	credentials_find(d, s, NULL, &c);
	lv = c.level;
	credentials_release(&c);
	return lv;
}

/* Degrees set as headings of their own under "Education", glued to a
 * bullet, or laid out one word a line are still read. */
static void test_education_entries(void)
{
	g_assert_cmpint(level_in("Jane Roe\nExperience\nClerk, 2015 - 2019\n"
				 "Education\n#2 MEng in Robotics\n"
				 "Some University\n2010 - 2014\n"
				 "Projects\nA robot arm\n"), ==,
			DEGREE_MASTER);
	g_assert_cmpint(level_in("Jane Roe\nExperience\nClerk, 2015 - 2019\n"
				 "Education\n\xe2\x80\xa2MS in Physics, "
				 "Some University; 2012\n"), ==, DEGREE_MASTER);
	g_assert_cmpint(level_in("Jane Roe\nEducation\nSome\nCollege\n"
				 "Bachelor\nof\nArts\n2012\n"), ==,
			DEGREE_BACHELOR);
	/* Advisors and references are not the writer's title. */
	g_assert_cmpint(level_in("Dr. Jane Roe\nEducation\nBSc Biology, "
				 "2004\n"), ==, DEGREE_DOCTORATE);
	g_assert_cmpint(level_in("Jane Roe\nEducation\nBSc Biology, 2004\n"
				 "Advisor: Dr. Max Moe\n"), ==, DEGREE_BACHELOR);
}

/* An unfinished degree counts only with a date; one still open
 * ("Present"), or credits "toward" one, never does. */
static void test_unfinished(void)
{
	g_assert_cmpint(level_in("Jane Roe\nEducation\n"
				 "Master of Arts, History Present Some "
				 "University\nBachelor of Arts, History May "
				 "2011 Some College\n"), ==, DEGREE_BACHELOR);
	g_assert_cmpint(level_in("Jane Roe\nEducation\n"
				 "Associate : Bookkeeping 1999\n"
				 "60 credit hours toward Bachelors degree.\n"),
			==, DEGREE_ASSOCIATE);
	g_assert_cmpint(level_in("Jane Roe\nEducation\n"
				 "Geology (BS) (In Progress)\n"
				 "Sep 2020 - May 2024\n"), ==, DEGREE_BACHELOR);
	g_assert_cmpint(level_in("Jane Roe\nEducation\n"
				 "BS in Geology (in progress)\n"
				 "Some University\n"), ==, DEGREE_NONE);
	g_assert_cmpint(level_in("Jane Roe\nEducation\n"
				 "BA in Geology, expected June 2027\n"), ==,
			DEGREE_BACHELOR);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/credentials/levels", test_levels);
	g_test_add_func("/credentials/resume", test_resume);
	g_test_add_func("/credentials/no-sections", test_no_sections);
	g_test_add_func("/credentials/cert-items", test_cert_items);
	g_test_add_func("/credentials/education-entries",
			test_education_entries);
	g_test_add_func("/credentials/unfinished", test_unfinished);
	return g_test_run();
}
