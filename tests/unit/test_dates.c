/* test_dates.c - date ranges, present, problems, roles and merged years. */
#include "dates.h"
#include "facts_doc.h"
#include "sections.h"

#define M(y, m) ((y) * 12 + (m) - 1)

/* Parse the one range in s, resolved against present (Nov 2026). */
static bool range(const char *s, struct date_range *r)
{
	if (!dates_next(s, 0, strlen(s), 2026, r))
		return false;
	dates_resolve(r, M(2026, 11), 2026);
	return true;
}

static void check(const char *s, int32_t start, int32_t end, bool open)
{
	struct date_range r;

	if (!range(s, &r))
		g_error("no range in \"%s\"", s);
	g_assert_cmpint(r.start, ==, start);
	g_assert_cmpint(r.end, ==, end);
	g_assert_cmpint(r.open, ==, open);
	g_assert_cmpint(r.problem, ==, DATE_OK);
}

static void test_forms(void)
{
	check("Jan 2019 - Present", M(2019, 1), M(2026, 12), true);
	check("January 2019 - March 2021", M(2019, 1), M(2021, 4), false);
	check("01/2019 - 03/2021", M(2019, 1), M(2021, 4), false);
	check("01.2019 - 03.2021", M(2019, 1), M(2021, 4), false);
	check("1/19 - 3/21", M(2019, 1), M(2021, 4), false);
	check("2019-2021", M(2019, 1), M(2021, 1), false);
	check("2019 - 2021", M(2019, 1), M(2021, 1), false);
	check("2019-21", M(2019, 1), M(2021, 1), false);
	check("2019 - 2019", M(2019, 1), M(2020, 1), false);
	check("March 2019 to date", M(2019, 3), M(2026, 12), true);
	check("Since 2018", M(2018, 1), M(2026, 12), true);
	check("since March 2018", M(2018, 3), M(2026, 12), true);
	check("Summer 2017", M(2017, 6), M(2017, 9), false);
	check("Summer 2017 - Fall 2018", M(2017, 6), M(2018, 12), false);
	check("Jan '19 - Dec '20", M(2019, 1), M(2021, 1), false);
	check("2018 - now", M(2018, 1), M(2026, 12), true);
	check("Sept. 2016 - current", M(2016, 9), M(2026, 12), true);
	check("Sep 2016 until Currently", M(2016, 9), M(2026, 12), true);
	check("Jan, 2019 through Feb, 2019", M(2019, 1), M(2019, 3), false);
	check("Jan 2019 \xe2\x80\x93 Dec 2019", M(2019, 1), M(2020, 1),
	      false);
	check("(Oct 2020 -- Present)", M(2020, 10), M(2026, 12), true);
	check("June - August 2019", M(2019, 6), M(2019, 9), false);
	check("15 March 2019 - 20 June 2020", M(2019, 3), M(2020, 7), false);
	check("March 15, 2019 - June 1, 2020", M(2019, 3), M(2020, 7), false);
	check("Nov 2019 - Feb 2020", M(2019, 11), M(2020, 3), false);
	check("Nov - Feb 2020", M(2019, 11), M(2020, 3), false);
	/* Two-digit years: the century follows the as-of year. */
	check("Jan '98 - Dec '99", M(1998, 1), M(2000, 1), false);
	/* A dash lost in extraction: two dates side by side, in order. */
	check("Mar. 2021 Present", M(2021, 3), M(2026, 12), true);
	check("Feb. 2021 Mar. 2021", M(2021, 2), M(2021, 4), false);
	check("Lead, Acme 2010 2013", M(2010, 1), M(2013, 1), false);
	/* A range broken over lines. */
	check("Jan 2019 -\nMar 2021", M(2019, 1), M(2021, 4), false);
	check("07/2014\n-\n06/2015", M(2014, 7), M(2015, 7), false);
	check("March -\nMay 2008", M(2008, 3), M(2008, 6), false);
	/* "to till date", a year after an apostrophe, an ordinal day */
	check("Oct'2017 to Till date", M(2017, 10), M(2026, 12), true);
	check("from JUN-2018 to 04th feb 2021", M(2018, 6), M(2021, 3),
	      false);
	check("Seit 05/2019", M(2019, 5), M(2026, 12), true);
	/* An end in the future is cut at present. */
	check("2024 - 2027", M(2024, 1), M(2026, 12), false);
}

static void test_not_ranges(void)
{
	struct date_range r;

	g_assert_false(range("Graduated 2015", &r));
	g_assert_false(range("Jan 2019", &r));
	g_assert_false(range("+44 20 7946 0958", &r));
	g_assert_false(range("call 555-123-4567", &r));
	g_assert_false(range("2000 - 2500 users", &r));
	g_assert_false(range("v1.2019", &r));
	g_assert_false(range("13/2019 - 14/2020", &r));
	g_assert_false(range("January", &r));
	/* side by side but out of order: two dates, not a range */
	g_assert_false(range("2021 2019", &r));
	g_assert_false(range("Jan 2019\n\nMar 2021", &r));
	g_assert_false(range("", &r));
}

static void problem(const char *s, enum date_problem p)
{
	struct date_range r;

	if (!range(s, &r))
		g_error("no range in \"%s\"", s);
	g_assert_cmpint(r.problem, ==, p);
}

static void test_problems(void)
{
	problem("2021 - 2019", DATE_END_BEFORE_START);
	problem("Mar 2020 - Jan 2020", DATE_END_BEFORE_START);
	problem("Jan 2027 - Present", DATE_FUTURE);
	problem("2019 - 2091", DATE_BAD_YEAR);
	problem("1920 - 1930", DATE_BAD_YEAR);
	problem("2019 - 2029", DATE_BAD_YEAR);
	problem("Dec 2026 - Present", DATE_FUTURE);
	problem("Nov 2026 - Present", DATE_OK);
}

static void test_present(void)
{
	g_assert_cmpint(dates_month("2019-06-30"), ==, M(2019, 6));
	g_assert_cmpint(dates_month("2019"), ==, M(2019, 1));
	g_assert_cmpint(dates_month("2019-13-01"), ==, -1);
	g_assert_cmpint(dates_month("junk"), ==, -1);
	g_assert_cmpint(dates_month(NULL), ==, -1);
	g_assert_cmpint(dates_present("2019-06-30", "2026-11-28"), ==,
			M(2019, 6));
	g_assert_cmpint(dates_present(NULL, "2026-11-28"), ==, M(2026, 11));
	/* Never later than the as-of date. */
	g_assert_cmpint(dates_present("2030-01-01", "2026-11-28"), ==,
			M(2026, 11));
}

static void test_merge(void)
{
	g_autoptr(GArray) a = g_array_new(FALSE, FALSE,
					  sizeof(struct date_interval));
	struct date_interval iv[] = {
		{ 30, 40 }, { 0, 10 }, { 5, 12 }, { 12, 14 }, { 20, 25 },
	};

	g_array_append_vals(a, iv, G_N_ELEMENTS(iv));
	g_assert_cmpint(dates_merge(a), ==, 14 + 5 + 10);
	g_assert_cmpuint(a->len, ==, 3);
	g_assert_cmpint(g_array_index(a, struct date_interval, 0).end, ==, 14);
}

static const struct facts_config cfg = { .as_of = "2026-11-28" };

static void test_experience_doc_date(void)
{
	/* A resume written in 2019: "2018 - Present" is about one year. */
	g_autoptr(doc) d = test_doc(
		"Experience\n"
		"Integration Engineer, Acme\n"
		"2018 - Present\n", "2019-01-15");
	g_autoptr(GArray) s = sections_find(d);
	struct experience x;

	dates_experience(d, s, &cfg, &x);
	g_assert_cmpuint(x.roles->len, ==, 1);
	g_assert_true(x.doc_date_used);
	g_assert_cmpint(x.months_total, ==, 13);
	dates_experience_release(&x);
	/* Without the document date, present is the as-of date. */
	g_free(d->date);
	d->date = NULL;
	dates_experience(d, s, &cfg, &x);
	g_assert_false(x.doc_date_used);
	g_assert_cmpint(x.months_total, ==, M(2026, 11) + 1 - M(2018, 1));
	dates_experience_release(&x);
}

static void experience(const char *text, const char *date,
		       struct experience *x, struct doc **dp)
{
	struct doc *d = test_doc(text, date);
	g_autoptr(GArray) s = sections_find(d);

	dates_experience(d, s, &cfg, x);
	*dp = d;
}

static char *span_text(const struct doc *d, struct span s)
{
	return test_span_text(d, s.start, s.end);
}

static const struct role *role(const struct experience *x, guint i)
{
	g_assert_cmpuint(i, <, x->roles->len);
	return &g_array_index(x->roles, struct role, i);
}

static void test_overlap_and_gap(void)
{
	/* Two overlapping jobs count once; the gap stays a gap. */
	struct experience x;
	struct doc *d;
	const struct date_interval *gap;

	experience("Work History\n"
		   "Integration Engineer | Acme Ltd | Jan 2020 - Dec 2021\n"
		   "\xe2\x80\xa2 Built REST APIs\n"
		   "Freelance Developer | Self | Jun 2021 - Jun 2022\n"
		   "\xe2\x80\xa2 Websites\n"
		   "Support Engineer | Beta Inc | Jan 2015 - Dec 2017\n",
		   NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 3);
	g_assert_cmpuint(x.merged->len, ==, 2);
	/* 2020-01..2022-06 is 30 months, 2015-2017 is 36. */
	g_assert_cmpint(x.months_total, ==, 30 + 36);
	g_assert_cmpint(x.months_relevant, ==, 24);
	g_assert_cmpuint(x.gaps->len, ==, 1);
	gap = &g_array_index(x.gaps, struct date_interval, 0);
	g_assert_cmpint(gap->start, ==, M(2018, 1));
	g_assert_cmpint(gap->end, ==, M(2020, 1));
	{
		g_autofree char *t = span_text(d, role(&x, 0)->title);
		g_autofree char *e = span_text(d, role(&x, 0)->employer);

		g_assert_cmpstr(t, ==, "Integration Engineer");
		g_assert_cmpstr(e, ==, "Acme Ltd");
	}
	dates_experience_release(&x);
	doc_free(d);
}

static void test_titles_around(void)
{
	struct experience x;
	struct doc *d;
	g_autofree char *t0 = NULL, *e0 = NULL, *t1 = NULL, *e1 = NULL;

	/* Employer above the dates, title below; then title above. */
	experience("Experience\n"
		   "Acme Corp, London\n"
		   "March 2019 to date\n"
		   "Senior Integration Engineer\n"
		   "\xe2\x80\xa2 Kafka and API gateways\n"
		   "\n"
		   "Middleware Developer\n"
		   "Beta GmbH\n"
		   "01/2016 - 02/2019\n"
		   "\xe2\x80\xa2 ESB flows\n", NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 2);
	t0 = span_text(d, role(&x, 0)->title);
	e0 = span_text(d, role(&x, 0)->employer);
	t1 = span_text(d, role(&x, 1)->title);
	e1 = span_text(d, role(&x, 1)->employer);
	g_assert_cmpstr(t0, ==, "Senior Integration Engineer");
	g_assert_cmpstr(e0, ==, "Acme Corp");
	g_assert_cmpstr(t1, ==, "Middleware Developer");
	g_assert_cmpstr(e1, ==, "Beta GmbH");
	g_assert_true(role(&x, 1)->relevant);
	/* Mixed styles: month names and numbers. */
	g_assert_true(x.styles & (1u << DATE_STYLE_MONTH));
	g_assert_true(x.styles & (1u << DATE_STYLE_NUMERIC));
	dates_experience_release(&x);
	doc_free(d);
}

static void test_bullet_dates(void)
{
	struct experience x;
	struct doc *d;

	/* Dates inside a bullet's words are events; a bulleted header
	 * with its dates at the end is a role. */
	experience("Experience\n"
		   "\xe2\x80\xa2 Integration Engineer, Acme (2019 - 2021)\n"
		   "\xe2\x80\xa2 Led the 2012 - 2013 migration to Kafka\n"
		   "- 2014 - 2015: Developer, Beta\n", NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 2);
	g_assert_cmpint(x.months_total, ==, 24 + 12);
	dates_experience_release(&x);
	doc_free(d);
}

static void test_single_date_role(void)
{
	struct experience x;
	struct doc *d;

	experience("Experience\n"
		   "Edge Excavation\n"
		   "Groundworker 2017\n"
		   "Promoted to foreman in 2018\n"
		   "\xe2\x80\xa2 Won an award in 2019\n", NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 1);
	g_assert_cmpint(x.months_total, ==, 12);
	dates_experience_release(&x);
	doc_free(d);
}

static void test_education_ignored(void)
{
	struct experience x;
	struct doc *d;

	/* With sections: only the experience section is read. */
	experience("Experience\n"
		   "Engineer, Acme, 2019 - 2021\n"
		   "Education\n"
		   "BSc Computing, 2010 - 2014\n", NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 1);
	g_assert_cmpint(x.months_total, ==, 24);
	dates_experience_release(&x);
	doc_free(d);
	/* Without sections: study lines are recognised and not counted. */
	experience("Jane Doe\n"
		   "Engineer at Acme, 2019 - 2021\n"
		   "BSc Computing, University of Leeds, 2010 - 2014\n",
		   NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 2);
	g_assert_true(role(&x, 1)->education);
	g_assert_cmpint(x.months_total, ==, 24);
	dates_experience_release(&x);
	doc_free(d);
}

static void test_problems_not_counted(void)
{
	struct experience x;
	struct doc *d;

	experience("Experience\n"
		   "Engineer, Acme, 2021 - 2019\n"
		   "Engineer, Beta, 2030 - Present\n"
		   "Engineer, Gamma, 2019 - 2091\n"
		   "Engineer, Delta, Jan 2022 - Dec 2022\n", NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 4);
	g_assert_cmpuint(x.problems, ==, 3);
	g_assert_cmpint(role(&x, 0)->range.problem, ==, DATE_END_BEFORE_START);
	g_assert_cmpint(role(&x, 1)->range.problem, ==, DATE_BAD_YEAR);
	g_assert_cmpint(role(&x, 2)->range.problem, ==, DATE_BAD_YEAR);
	g_assert_cmpint(x.months_total, ==, 12);
	dates_experience_release(&x);
	doc_free(d);
}

static void test_future_start(void)
{
	struct experience x;
	struct doc *d;

	/* The document says it was written in mid-2020 but lists a role
	 * from 2022: its date is not believed, the as-of date is used. */
	experience("Experience\n"
		   "Engineer, Acme, Jan 2022 - Present\n", "2020-06-01",
		   &x, &d);
	g_assert_false(x.doc_date_used);
	g_assert_cmpint(role(&x, 0)->range.problem, ==, DATE_OK);
	dates_experience_release(&x);
	doc_free(d);
	experience("Experience\n"
		   "Engineer, Acme, Jan 2027 - Present\n", NULL, &x, &d);
	g_assert_cmpint(role(&x, 0)->range.problem, ==, DATE_FUTURE);
	g_assert_cmpint(x.months_total, ==, 0);
	dates_experience_release(&x);
	doc_free(d);
}

static void test_date_column(void)
{
	struct experience x;
	struct doc *d;

	/* A column of dates read across into the text beside it: the end
	 * of the range opens the next line. */
	experience("Experience\n"
		   "Jun 2009 - Nordvik Freight, Bergen\n"
		   "2011 Shift Manager\n"
		   "Ran the night shift.\n", NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 1);
	g_assert_cmpint(role(&x, 0)->range.start, ==, M(2009, 6));
	g_assert_cmpint(role(&x, 0)->range.end, ==, M(2011, 1));
	dates_experience_release(&x);
	doc_free(d);
	/* The next line's date starts a range of its own. */
	experience("Experience\n"
		   "Jun 2009 - Nordvik Freight\n"
		   "2011 - 2013 Shift Manager\n", NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 2);
	g_assert_cmpint(role(&x, 1)->range.start, ==, M(2011, 1));
	dates_experience_release(&x);
	doc_free(d);
}

static void test_not_work(void)
{
	struct experience x;
	struct doc *d;

	/* Volunteering and time between jobs are not counted; a job at a
	 * university is, a study there is not. */
	experience("Experience\n"
		   "Career break, 2023 - 2024\n"
		   "Volunteer guide, Nordvik Museum, 2021 - 2023\n"
		   "Engineer, Acme, 2019 - 2021\n", NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 3);
	g_assert_true(role(&x, 0)->education);
	g_assert_true(role(&x, 1)->education);
	g_assert_cmpint(x.months_total, ==, 24);
	dates_experience_release(&x);
	doc_free(d);
	experience("Jane Doe\n"
		   "Systems Administrator, University of Nordvik\n"
		   "Jan 2015 - Dec 2018\n"
		   "Physics, University of Nordvik\n"
		   "Sep 2011 - Jun 2014\n", NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 2);
	g_assert_false(role(&x, 0)->education);
	g_assert_true(role(&x, 1)->education);
	g_assert_cmpint(x.months_total, ==, 48);
	dates_experience_release(&x);
	doc_free(d);
}

static void test_two_columns(void)
{
	struct experience x;
	struct doc *d;

	/* No experience heading: jobs read beside a summary column are
	 * still found; education is not read. */
	experience("Jane Doe\n"
		   "Summary\n"
		   "Reliable, curious.\n"
		   "Shift Manager, Nordvik Freight\n"
		   "Jan 2019 - Dec 2020\n"
		   "Education\n"
		   "BSc Physics, 2015 - 2018\n", NULL, &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 1);
	g_assert_cmpint(x.months_total, ==, 24);
	dates_experience_release(&x);
	doc_free(d);
}

static void test_default_doc_date(void)
{
	struct experience x;
	struct doc *d;

	/* 1980-01-01 is a tool's default, not when the resume was written. */
	experience("Experience\n"
		   "Engineer, Acme\n", "1980-01-01", &x, &d);
	g_assert_false(x.doc_date_used);
	g_assert_cmpint(x.present, ==, M(2026, 11));
	dates_experience_release(&x);
	doc_free(d);
}

static void test_relevant_by_header(void)
{
	g_autoptr(GPtrArray) words = g_ptr_array_new();
	struct facts_config c = { .as_of = "2026-11-28" };
	struct experience x;
	struct doc *d;

	/* A role is relevant by its own header, not by what its bullets
	 * mention: a sales role selling an API product is not. */
	g_ptr_array_add(words, (gpointer)"developer");
	g_ptr_array_add(words, (gpointer)"API");
	c.relevant_titles = words;
	d = test_doc("Experience\n"
		     "Junior Developer, Nordvik Freight\n"
		     "Jan 2019 - Dec 2020\n"
		     "- Kept the billing jobs running\n"
		     "Sales Manager, Acme\n"
		     "Jan 2016 - Dec 2018\n"
		     "- Sold the API platform to retailers\n", NULL);
	{
		g_autoptr(GArray) s = sections_find(d);

		dates_experience(d, s, &c, &x);
	}
	g_assert_cmpuint(x.roles->len, ==, 2);
	g_assert_true(role(&x, 0)->relevant);
	g_assert_false(role(&x, 1)->relevant);
	g_assert_cmpint(x.months_relevant, ==, 24);
	dates_experience_release(&x);
	doc_free(d);

	/* A date alone on its line heads the title after it; a header with
	 * no job title in it ("employer, city - dates") takes the first
	 * line of the work; a sales title keeps its bullets out. */
	d = test_doc("Experience\n"
		     "2021-2024\n"
		     "Junior Developer, Nordvik Freight: billing jobs.\n"
		     "Fjordline Data, Oslo - 2017-2020\n"
		     "Built the API layer for the payroll exports.\n"
		     "Sales Manager, Acme - 2014-2016\n"
		     "Sold the API platform to retailers.\n", NULL);
	{
		g_autoptr(GArray) s = sections_find(d);

		dates_experience(d, s, &c, &x);
	}
	g_assert_cmpuint(x.roles->len, ==, 3);
	g_assert_true(role(&x, 0)->relevant);
	g_assert_true(role(&x, 1)->relevant);
	g_assert_false(role(&x, 2)->relevant);
	dates_experience_release(&x);
	doc_free(d);
}

static void test_no_dates(void)
{
	struct experience x;
	struct doc *d;

	experience("Experience\nEngineer at Acme for many years.\n", NULL,
		   &x, &d);
	g_assert_cmpuint(x.roles->len, ==, 0);
	g_assert_cmpint(x.months_total, ==, 0);
	dates_experience_release(&x);
	doc_free(d);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/dates/forms", test_forms);
	g_test_add_func("/dates/not-ranges", test_not_ranges);
	g_test_add_func("/dates/problems", test_problems);
	g_test_add_func("/dates/present", test_present);
	g_test_add_func("/dates/merge", test_merge);
	g_test_add_func("/dates/experience/doc-date",
			test_experience_doc_date);
	g_test_add_func("/dates/experience/overlap-gap", test_overlap_and_gap);
	g_test_add_func("/dates/experience/titles", test_titles_around);
	g_test_add_func("/dates/experience/bullets", test_bullet_dates);
	g_test_add_func("/dates/experience/single-date",
			test_single_date_role);
	g_test_add_func("/dates/experience/education",
			test_education_ignored);
	g_test_add_func("/dates/experience/problems",
			test_problems_not_counted);
	g_test_add_func("/dates/experience/future", test_future_start);
	g_test_add_func("/dates/experience/none", test_no_dates);
	g_test_add_func("/dates/experience/date-column", test_date_column);
	g_test_add_func("/dates/experience/not-work", test_not_work);
	g_test_add_func("/dates/experience/relevant-header",
			test_relevant_by_header);
	g_test_add_func("/dates/experience/two-columns", test_two_columns);
	g_test_add_func("/dates/experience/default-doc-date",
			test_default_doc_date);
	return g_test_run();
}
