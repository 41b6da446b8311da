/* test_audit.c - the adverse-impact arithmetic on a fixture whose every
 * rate, ratio and flag was computed by hand (the comments show how),
 * and the edges: a ratio of exactly 0.8, a category of exactly 2%. */
#include <math.h>
#include <string.h>

#include "audit.h"
#include "selfid.h"

/* 51 applicants: Female/White 10 (6 advanced), Male/White 20 (10),
 * Female/Asian 10 (3), Male/Black 8 (2), Unknown/Unknown 1 (1),
 * Male/Hispanic 1 (1), Female/Two or More 1 (0).  "c1" met: 5 of the
 * Female/White, 10 Male/White, 2 Female/Asian, 4 Male/Black, 1 Female/
 * Two or More.  Reviewers decided 4 Female/White (advance, advance,
 * archive, archive) and 5 Male/White (4 advance, then archive). */
static const struct group {
	const char *sex, *race;
	guint n, advanced, met, decided, human_advanced;
} fixture[] = {
	{ "Female", "White", 10, 6, 5, 4, 2 },
	{ "Male", "White", 20, 10, 10, 5, 4 },
	{ "Female", "Asian", 10, 3, 2, 0, 0 },
	{ "Male", "Black or African American", 8, 2, 4, 0, 0 },
	{ SELFID_UNKNOWN, SELFID_UNKNOWN, 1, 1, 0, 0, 0 },
	{ "Male", "Hispanic or Latino", 1, 1, 0, 0, 0 },
	{ "Female", "Two or More Races", 1, 0, 1, 0, 0 },
};

static struct audit_subject *subjects(const struct group *g, guint ng,
				      guint *n_out)
{
	GArray *a = g_array_new(FALSE, TRUE, sizeof(struct audit_subject));

	for (guint i = 0; i < ng; i++)
		for (guint k = 0; k < g[i].n; k++) {
			struct audit_subject s = {
				g[i].sex, g[i].race, k < g[i].advanced,
				k < g[i].decided ? k < g[i].human_advanced : -1,
				k < g[i].met ? "c0 c1" : "c0",
			};

			g_array_append_val(a, s);
		}
	*n_out = a->len;
	return (struct audit_subject *)g_array_free(a, FALSE);
}

static const struct audit_row *find(GPtrArray *rows, const char *measure,
				    const char *dim, const char *cat)
{
	for (guint i = 0; i < rows->len; i++) {
		const struct audit_row *r = rows->pdata[i];

		if (!strcmp(r->measure, measure) && !strcmp(r->dimension, dim) &&
		    !strcmp(r->category, cat))
			return r;
	}
	g_error("no row %s / %s / %s", measure, dim, cat);
	return NULL;
}

/* applicants, selected, ratio (-1: none), flag (-1: none), note prefix */
static void check(GPtrArray *rows, const char *measure, const char *dim,
		  const char *cat, guint n, guint sel, double ratio, int flag,
		  const char *note)
{
	const struct audit_row *r = find(rows, measure, dim, cat);

	g_assert_cmpuint(r->applicants, ==, n);
	g_assert_cmpuint(r->selected, ==, sel);
	g_assert_cmpfloat_with_epsilon(r->rate, (double)sel / n, 1e-12);
	if (ratio < 0)
		g_assert_cmpfloat(r->ratio, <, 0);
	else
		g_assert_cmpfloat_with_epsilon(r->ratio, ratio, 1e-6);
	g_assert_cmpint(r->flag, ==, flag);
	g_assert_true(g_str_has_prefix(r->note, note));
}

static void test_fixture(void)
{
	guint n;
	g_autofree struct audit_subject *s = subjects(fixture,
		G_N_ELEMENTS(fixture), &n);
	g_autoptr(GPtrArray) crits = g_ptr_array_new();
	g_autoptr(GPtrArray) rows = NULL;
	const char *adv = "advance (screener)", *hum = "advance (reviewers)";

	g_assert_cmpuint(n, ==, 51);
	g_ptr_array_add(crits, "c1");
	rows = audit_compute(s, n, crits);

	/* sex: Female 9/21 = 0.428571, Male 13/29 = 0.448276 (highest);
	 * Female's ratio 9*29 / (21*13) = 261/273 = 0.956044 */
	check(rows, adv, "sex", "Female", 21, 9, 261.0 / 273, 0, "");
	check(rows, adv, "sex", "Male", 29, 13, 1, 0, "");
	check(rows, adv, "sex", SELFID_UNKNOWN, 1, 1, -1, -1, "unknown");
	/* race: White 16/30 highest; Asian 0.3 / (16/30) = 0.5625, Black
	 * 0.25 / (16/30) = 0.46875, both under 0.8; Hispanic and Two or
	 * More hold 1 of 51 = 1.96%: no ratio */
	check(rows, adv, "race/ethnicity", "White", 30, 16, 1, 0, "");
	check(rows, adv, "race/ethnicity", "Asian", 10, 3, 0.5625, 1, "");
	check(rows, adv, "race/ethnicity", "Black or African American", 8, 2,
	      0.46875, 1, "");
	check(rows, adv, "race/ethnicity", "Hispanic or Latino", 1, 1, -1, -1,
	      "under 2%");
	check(rows, adv, "race/ethnicity", "Two or More Races", 1, 0, -1, -1,
	      "under 2%");
	check(rows, adv, "race/ethnicity", SELFID_UNKNOWN, 1, 1, -1, -1,
	      "unknown");
	/* both: Female / White 0.6 highest; Male / White 0.5 / 0.6 =
	 * 0.833333 (not flagged), Female / Asian 0.5, Male / Black
	 * 0.416667 */
	check(rows, adv, "sex and race/ethnicity", "Female / White", 10, 6, 1,
	      0, "");
	check(rows, adv, "sex and race/ethnicity", "Male / White", 20, 10,
	      0.5 / 0.6, 0, "");
	check(rows, adv, "sex and race/ethnicity", "Female / Asian", 10, 3,
	      0.5, 1, "");
	check(rows, adv, "sex and race/ethnicity",
	      "Male / Black or African American", 8, 2, 0.25 / 0.6, 1, "");
	check(rows, adv, "sex and race/ethnicity", "Male / Hispanic or Latino",
	      1, 1, -1, -1, "under 2%");
	check(rows, adv, "sex and race/ethnicity", "Unknown / Unknown", 1, 1,
	      -1, -1, "unknown");
	/* reviewers: 9 decided; Female 2/4 = 0.5, Male 4/5 = 0.8;
	 * 0.5 / 0.8 = 0.625 */
	check(rows, hum, "sex", "Female", 4, 2, 0.625, 1, "");
	check(rows, hum, "sex", "Male", 5, 4, 1, 0, "");
	check(rows, hum, "race/ethnicity", "White", 9, 6, 1, 0, "");
	/* c1 met: Female 8/21, Male 14/29; 8*29 / (21*14) = 232/294 =
	 * 0.789116, just under 0.8 */
	check(rows, "c1 met", "sex", "Female", 21, 8, 232.0 / 294, 1, "");
	check(rows, "c1 met", "sex", "Male", 29, 14, 1, 0, "");
	/* empty categories are left out; the order is selfid.h's */
	for (guint i = 0; i < rows->len; i++) {
		const struct audit_row *r = rows->pdata[i];

		g_assert_cmpuint(r->applicants, >, 0);
	}
	g_assert_cmpstr(((struct audit_row *)rows->pdata[0])->category, ==,
			"Female");
	/* measures: screener, reviewers, c1; three dimensions each */
	g_assert_cmpstr(((struct audit_row *)rows->pdata[rows->len - 1])
			->measure, ==, "c1 met");
}

/* 4/10 against 5/10 is exactly 0.8: not under four-fifths; 1 of 50 is
 * exactly 2%: counted. */
static void test_edges(void)
{
	static const struct group g[] = {
		{ "Female", "White", 10, 4, 0, 0, 0 },
		{ "Male", "White", 39, 20, 0, 0, 0 },
		{ "Male", "Asian", 1, 0, 0, 0, 0 },
	};
	guint n;
	g_autofree struct audit_subject *s = subjects(g, G_N_ELEMENTS(g), &n);
	g_autoptr(GPtrArray) crits = g_ptr_array_new();
	g_autoptr(GPtrArray) rows = audit_compute(s, n, crits);
	const char *adv = "advance (screener)";

	g_assert_cmpuint(n, ==, 50);
	/* sex: Female 0.4, Male 20/40 = 0.5: ratio 0.8, not flagged */
	check(rows, adv, "sex", "Female", 10, 4, 0.8, 0, "");
	/* Asian: 1 of 50 = 2%, counted; 0 selected: ratio 0, flagged */
	check(rows, adv, "race/ethnicity", "Asian", 1, 0, 0, 1, "");
	/* reviewers decided nobody: no rows for them */
	for (guint i = 0; i < rows->len; i++)
		g_assert_cmpstr(((struct audit_row *)rows->pdata[i])->measure,
				==, adv);
}

/* Nobody selected anywhere: rates of 0, no ratio, said why. */
static void test_none_selected(void)
{
	static const struct group g[] = {
		{ "Female", "Asian", 3, 0, 0, 0, 0 },
		{ "Male", "Asian", 3, 0, 0, 0, 0 },
	};
	guint n;
	g_autofree struct audit_subject *s = subjects(g, G_N_ELEMENTS(g), &n);
	g_autoptr(GPtrArray) crits = g_ptr_array_new();
	g_autoptr(GPtrArray) rows = audit_compute(s, n, crits);

	check(rows, "advance (screener)", "sex", "Male", 3, 0, -1, -1,
	      "no one selected");
}

static void test_selfid(void)
{
	static const char text[] =
		"knockout: yes\n# voluntary\nSex:  female \n"
		"race_ethnicity: Black or African-American\n";
	struct selfid id = selfid_parse(text, strlen(text));

	g_assert_cmpstr(id.sex, ==, "Female");
	g_assert_cmpstr(id.race, ==, "Black or African American");
	id = selfid_parse("sex: prefer not to say\nrace ethnicity: hispanic",
			  strlen("sex: prefer not to say\nrace ethnicity: "
				 "hispanic"));
	g_assert_cmpstr(id.sex, ==, SELFID_UNKNOWN);
	g_assert_cmpstr(id.race, ==, "Hispanic or Latino");
	id = selfid_parse("knockout: no\n", 13);
	g_assert_cmpstr(id.sex, ==, SELFID_UNKNOWN);
	g_assert_cmpstr(id.race, ==, SELFID_UNKNOWN);
	/* what the rule loader refuses, and what it lets through */
	g_assert_cmpstr(selfid_named("sex >= 1"), ==, "sex");
	g_assert_cmpstr(selfid_named("race_ethnicity"), ==, "race ethnicity");
	g_assert_cmpstr(selfid_named("OAuth, Gender"), ==, "gender");
	g_assert_null(selfid_named("race condition, Sussex"));
	g_assert_null(selfid_named("years_total >= 3"));
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/audit/fixture", test_fixture);
	g_test_add_func("/audit/edges", test_edges);
	g_test_add_func("/audit/none-selected", test_none_selected);
	g_test_add_func("/audit/selfid", test_selfid);
	return g_test_run();
}
