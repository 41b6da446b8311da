/* test_sections.c - headings found and labelled, bodies they govern. */
#include "facts_doc.h"
#include "sections.h"

static enum section_kind label(const char *line)
{
	return sections_label(line, 0, strlen(line), NULL);
}

static void test_labels(void)
{
	g_assert_cmpint(label("Experience"), ==, SECTION_EXPERIENCE);
	g_assert_cmpint(label("WORK EXPERIENCE"), ==, SECTION_EXPERIENCE);
	g_assert_cmpint(label("Professional Experience:"), ==,
			SECTION_EXPERIENCE);
	g_assert_cmpint(label("1. Employment History"), ==,
			SECTION_EXPERIENCE);
	g_assert_cmpint(label("IV) Work history"), ==, SECTION_EXPERIENCE);
	g_assert_cmpint(label("E X P E R I E N C E"), ==, SECTION_EXPERIENCE);
	g_assert_cmpint(label("W O R K H I S T O R Y"), ==,
			SECTION_EXPERIENCE);
	g_assert_cmpint(label("  education  "), ==, SECTION_EDUCATION);
	g_assert_cmpint(label("Education & Training"), ==, SECTION_EDUCATION);
	g_assert_cmpint(label("Licenses and Certifications"), ==,
			SECTION_CERTIFICATIONS);
	g_assert_cmpint(label("Technical Skills"), ==, SECTION_SKILLS);
	g_assert_cmpint(label("CORE COMPETENCIES"), ==, SECTION_SKILLS);
	g_assert_cmpint(label("Professional Summary"), ==, SECTION_SUMMARY);
	g_assert_cmpint(label("Objective"), ==, SECTION_SUMMARY);
	g_assert_cmpint(label("== Projects =="), ==, SECTION_PROJECTS);
	g_assert_cmpint(label("\xe2\x80\xa2 Languages"), ==,
			SECTION_LANGUAGES);
	g_assert_cmpint(label("Volunteer Experience"), ==,
			SECTION_VOLUNTEERING);
	g_assert_cmpint(label("Hobbies & Interests"), ==, SECTION_INTERESTS);
	g_assert_cmpint(label("Professional Experience (10 years)"), ==,
			SECTION_EXPERIENCE);
	g_assert_cmpint(label("Soft Skills"), ==, SECTION_SKILLS);
	/* A long CV's project list and the duties under each project. */
	g_assert_cmpint(label("Project Summary:"), ==, SECTION_PROJECTS);
	g_assert_cmpint(label("Major Projects executed:"), ==,
			SECTION_PROJECTS);
	g_assert_cmpint(label("Roles and Responsibilities:"), ==,
			SECTION_EXPERIENCE);
	/* Icons before sidebar headings: an emoji, a private-use glyph. */
	g_assert_cmpint(label("\xf0\x9f\x93\x9e Contact"), ==,
			SECTION_CONTACT);
	g_assert_cmpint(label("\xef\x82\xb1 EXPERIENCE"), ==,
			SECTION_EXPERIENCE);
	/* Accents folded: headings of resumes in other languages. */
	g_assert_cmpint(label("\xc3\x89" "ducation"), ==, SECTION_EDUCATION);
	g_assert_cmpint(label("Berufst\xc3\xa4tigkeit"), ==,
			SECTION_EXPERIENCE);
	g_assert_cmpint(label("AUSBILDUNG"), ==, SECTION_EDUCATION);
	g_assert_cmpint(label("Exp\xc3\xa9rience professionnelle"), ==,
			SECTION_EXPERIENCE);
	g_assert_cmpint(label("Extracurricular Activity"), ==,
			SECTION_INTERESTS);
	g_assert_cmpint(label("Internships"), ==, SECTION_EXPERIENCE);
	/* a letter on the resume's first page is its personal statement */
	g_assert_cmpint(label("COVER NOTE"), ==, SECTION_SUMMARY);
	g_assert_cmpint(label("Motivation"), ==, SECTION_SUMMARY);
	/* Prose and near misses are not headings. */
	g_assert_cmpint(label("Experience with Kafka and MuleSoft"), ==,
			SECTION_N);
	g_assert_cmpint(label("Experience 2019"), ==, SECTION_N);
	g_assert_cmpint(label("Education & Kafka"), ==, SECTION_N);
	g_assert_cmpint(label("E X P E R I M E N T"), ==, SECTION_N);
	g_assert_cmpint(label(""), ==, SECTION_N);
}

static void test_inline(void)
{
	const char *l = "Skills: Java, Kafka";
	uint32_t end = 0;

	g_assert_cmpint(sections_label(l, 0, strlen(l), &end), ==,
			SECTION_SKILLS);
	g_assert_cmpuint(end, ==, 7);
	l = "Cover letter: Integration Engineer";
	g_assert_cmpint(sections_label(l, 0, strlen(l), &end), ==,
			SECTION_SUMMARY);
	g_assert_cmpuint(end, ==, 13);
}

static const struct section *nth(GArray *a, guint i)
{
	g_assert_cmpuint(i, <, a->len);
	return &g_array_index(a, struct section, i);
}

static void test_find(void)
{
	g_autoptr(doc) d = test_doc(
		"Jane Doe\n"
		"jane@example.com\n"
		"Skills: Java, Kafka\n"
		"SUMMARY:\n"
		"Integration engineer.\n"
		"\n"
		"2. Work Experience\n"
		"Engineer, Acme, 2019 - 2021\n"
		"#3 Integration Lead\n"
		"Built APIs.\n"
		"E D U C A T I O N\n"
		"BSc Computer Science\n"
		"Skills: Java\n", NULL);
	g_autoptr(GArray) s = sections_find(d);
	g_autofree char *h = NULL, *b = NULL;

	g_assert_cmpuint(s->len, ==, 5);
	g_assert_cmpint(nth(s, 0)->kind, ==, SECTION_UNKNOWN);
	g_assert_cmpint(nth(s, 1)->kind, ==, SECTION_SKILLS);
	g_assert_cmpint(nth(s, 2)->kind, ==, SECTION_SUMMARY);
	g_assert_cmpint(nth(s, 3)->kind, ==, SECTION_EXPERIENCE);
	/* An inline label inside education is part of education. */
	g_assert_cmpint(nth(s, 4)->kind, ==, SECTION_EDUCATION);
	h = test_span_text(d, nth(s, 3)->heading.start, nth(s, 3)->heading.end);
	g_assert_cmpstr(h, ==, "Work Experience");
	b = test_span_text(d, nth(s, 3)->body.start, nth(s, 3)->body.end);
	/* The bold job title (a level-3 heading, no labelled heading has a
	 * level) stays inside the experience section. */
	g_assert_cmpstr(b, ==,
			"Engineer, Acme, 2019 - 2021\nIntegration Lead\n"
			"Built APIs.\n");
	g_free(b);
	b = test_span_text(d, nth(s, 1)->body.start, nth(s, 1)->body.end);
	g_assert_cmpstr(b, ==, " Java, Kafka\n");
}

static void test_source_levels(void)
{
	/* Labelled headings at level 1: an unknown level-1 heading ends the
	 * section, a level-2 one (a job title) does not. */
	g_autoptr(doc) d = test_doc(
		"#1 Jane Doe\n"
		"#1 Experience\n"
		"#2 Integration Engineer\n"
		"Acme 2019 - 2021\n"
		"#1 Side Quests\n"
		"Dragons.\n", NULL);
	g_autoptr(GArray) s = sections_find(d);

	g_assert_cmpuint(s->len, ==, 3);
	g_assert_cmpint(nth(s, 0)->kind, ==, SECTION_UNKNOWN);
	g_assert_cmpint(nth(s, 1)->kind, ==, SECTION_EXPERIENCE);
	g_assert_cmpint(nth(s, 2)->kind, ==, SECTION_OTHER);
}

static void test_entry_heads(void)
{
	/* Bold job, school and date lines in the headings' font: a line
	 * written unlike the labelled headings (these are in capitals), a
	 * line heading a dated entry in experience, a date line and a
	 * bullet are not headings; a short line in capitals with no date
	 * below is. */
	g_autoptr(doc) d = test_doc(
		"#1 Jane Doe\n"
		"#1 EXPERIENCE\n"
		"#1 PLATFORM ENGINEER\n"
		"Nordvik Freight\n"
		"Mar 2019 - Present\n"
		"#1 Nordvik Freight 2016 - 2019\n"
		"#1 \xe2\x80\xa2 Kept the lights on\n"
		"#1 EDUCATION\n"
		"#1 Data Science (BS)\n"
		"Aug 2012 - May 2016\n"
		"#1 SIDE QUESTS\n"
		"Dragons.\n", NULL);
	g_autoptr(GArray) s = sections_find(d);

	g_assert_cmpuint(s->len, ==, 4);
	g_assert_cmpint(nth(s, 1)->kind, ==, SECTION_EXPERIENCE);
	g_assert_cmpint(nth(s, 2)->kind, ==, SECTION_EDUCATION);
	g_assert_cmpint(nth(s, 3)->kind, ==, SECTION_OTHER);
}

static void test_split_heading(void)
{
	/* One heading set on two lines; "skills." ending prose is not. */
	g_autoptr(doc) d = test_doc(
		"Objective\n"
		"A job that uses my\n"
		"skills.\n"
		"#1 VOLUNTEER\n"
		"#1 EXPERIENCE\n"
		"Food bank, 2019 - 2021\n", NULL);
	g_autoptr(GArray) s = sections_find(d);

	g_assert_cmpuint(s->len, ==, 2);
	g_assert_cmpint(nth(s, 0)->kind, ==, SECTION_SUMMARY);
	g_assert_cmpint(nth(s, 1)->kind, ==, SECTION_VOLUNTEERING);
}

static void test_sidebar_levels(void)
{
	/* A sidebar's labelled headings at level 2 and the main column's at
	 * level 1: a level-2 job line under "Experience" (level 1) is inside
	 * the experience section, not a section of its own. */
	g_autoptr(doc) d = test_doc(
		"#2 Skills\n"
		"Kafka\n"
		"#1 Experience\n"
		"#2 Nordvik Logistics, Bergen - 2019-present\n"
		"Built integrations.\n"
		"#1 Education\n"
		"MSc\n", NULL);
	g_autoptr(GArray) s = sections_find(d);
	g_autofree char *b = NULL;

	g_assert_cmpuint(s->len, ==, 3);
	g_assert_cmpint(nth(s, 1)->kind, ==, SECTION_EXPERIENCE);
	b = test_span_text(d, nth(s, 1)->body.start, nth(s, 1)->body.end);
	g_assert_cmpstr(b, ==,
			"Nordvik Logistics, Bergen - 2019-present\n"
			"Built integrations.\n");
}

static void test_sub_labels(void)
{
	/* "Languages: Java" inside a skills section is part of it. */
	g_autoptr(doc) d = test_doc(
		"Skills\n"
		"Languages: Java, Go\n"
		"Tools: Kafka\n"
		"Experience\n"
		"Acme\n", NULL);
	g_autoptr(GArray) s = sections_find(d);

	g_assert_cmpuint(s->len, ==, 2);
	g_assert_cmpint(nth(s, 0)->kind, ==, SECTION_SKILLS);
	g_assert_cmpint(nth(s, 1)->kind, ==, SECTION_EXPERIENCE);
}

static void test_programming_languages(void)
{
	/* Under skills, "Languages" listing Java is part of the skills;
	 * with spoken languages it is a section of its own. */
	g_autoptr(doc) d = test_doc(
		"Skills\n"
		"Integration\n"
		"REST, SOAP\n"
		"Languages\n"
		"TypeScript, Java, SQL\n"
		"Operations\n"
		"Docker\n"
		"Languages\n"
		"English (native), French (B1)\n", NULL);
	g_autoptr(GArray) s = sections_find(d);

	g_assert_cmpuint(s->len, ==, 2);
	g_assert_cmpint(nth(s, 0)->kind, ==, SECTION_SKILLS);
	g_assert_cmpint(nth(s, 1)->kind, ==, SECTION_LANGUAGES);
	g_assert_cmpuint(nth(s, 0)->body.end, ==, nth(s, 1)->heading.start);
}

static void test_no_headings(void)
{
	g_autoptr(doc) d = test_doc(
		"Jane Doe\n"
		"I have built integrations since 2015 at Acme.\n", NULL);
	g_autoptr(GArray) s = sections_find(d);

	g_assert_cmpuint(s->len, ==, 1);
	g_assert_cmpint(nth(s, 0)->kind, ==, SECTION_UNKNOWN);
	g_assert_cmpuint(nth(s, 0)->body.start, ==, 0);
	g_assert_cmpuint(nth(s, 0)->body.end, ==, d->text->len);
}

static void test_empty(void)
{
	g_autoptr(doc) d = test_doc("", NULL);
	g_autoptr(GArray) s = sections_find(d);

	g_assert_cmpuint(s->len, ==, 0);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/sections/labels", test_labels);
	g_test_add_func("/sections/inline", test_inline);
	g_test_add_func("/sections/find", test_find);
	g_test_add_func("/sections/source-levels", test_source_levels);
	g_test_add_func("/sections/sub-labels", test_sub_labels);
	g_test_add_func("/sections/programming-languages",
			test_programming_languages);
	g_test_add_func("/sections/no-headings", test_no_headings);
	g_test_add_func("/sections/sidebar-levels", test_sidebar_levels);
	g_test_add_func("/sections/empty", test_empty);
	g_test_add_func("/sections/entry-heads", test_entry_heads);
	g_test_add_func("/sections/split-heading", test_split_heading);
	return g_test_run();
}
