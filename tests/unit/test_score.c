/* test_score.c - totals, every bucket path, knock-out variants, ranks,
 * ties and the top-N cap. */
#include <string.h>

#include "score.h"

/* Four scored criteria (40/30/20/10), c1 a must-have, and a signal
 * criterion "ko" that is not scored. */
static struct score_config *config(void)
{
	static const char *const ids[] = { "c1", "c2", "c3", "c4", "ko" };
	static const double weights[] = { 40, 30, 20, 10, 0 };
	struct score_config *c = g_new0(struct score_config, 1);
	guint i;

	c->n_crit = 5;
	c->crit = g_new0(struct score_criterion, 5);
	for (i = 0; i < 5; i++) {
		c->crit[i].id = g_strdup(ids[i]);
		c->crit[i].weight = weights[i];
		c->crit[i].scored = i < 4;
	}
	c->crit[0].must = true;
	c->threshold = 60;
	c->ko_min_years = 3;
	c->ko_signal = 4;
	c->ko_question = g_strdup("Three years with gateways and brokers?");
	return c;
}

static void set(struct criterion_result *cr, const double *scores)
{
	guint i;

	for (i = 0; i < 5; i++) {
		cr[i].score = scores[i];
		cr[i].met = scores[i] >= 0.5;
	}
}

/* A met criterion counts its whole weight, an unmet one its score. */
static const double strong[] = { 1, 1, 0.5, 0.2, 1 };	/* 92, 3 met */
static const double weak[] = { 0.5, 0, 0.2, 0, 1 };	/* 44, 1 met */
static const double no_c1[] = { 0, 1, 1, 1, 1 };	/* 60 */
static const double no_signal[] = { 1, 1, 0.5, 0, 0 };

static const struct score_facts good_years = {
	.has_years = true, .years = 5.2, .years_evidence = "2020 - present",
	.has_pass_years = true, .pass_years = 5.2,
	.signal_evidence = "Kafka",
};

static void test_total_and_advance(void)
{
	g_autoptr(score_config) c = config();
	struct criterion_result cr[5];
	struct score_result r;

	set(cr, strong);
	score_applicant(c, cr, &good_years, &r);
	g_assert_cmpfloat(r.total, ==, 92.0);
	g_assert_cmpuint(r.met, ==, 3);
	g_assert_cmpint(r.bucket, ==, SCORE_ADVANCE);
	g_assert_cmpint(r.ko, ==, SCORE_KO_PASS);
	g_assert_nonnull(strstr(r.ko_reason, "5.2 years"));
	g_assert_nonnull(strstr(r.ko_reason, "Kafka"));
	g_assert_false(r.flag);
	score_result_clear(&r);

	set(cr, weak);
	score_applicant(c, cr, &good_years, &r);
	g_assert_cmpfloat(r.total, ==, 44.0);
	g_assert_cmpint(r.bucket, ==, SCORE_ARCHIVE);
	g_assert_nonnull(strstr(r.reason, "under 60"));
	score_result_clear(&r);
}

static void test_must_have(void)
{
	g_autoptr(score_config) c = config();
	struct criterion_result cr[5];
	struct score_result r;

	set(cr, no_c1);
	score_applicant(c, cr, &good_years, &r);
	g_assert_cmpfloat(r.total, ==, 60.0);
	g_assert_cmpint(r.bucket, ==, SCORE_ARCHIVE);
	g_assert_cmpstr(r.reason, ==, "not advanced: c1 not met");
	score_result_clear(&r);
}

static void test_review(void)
{
	g_autoptr(score_config) c = config();
	struct score_facts f = { .review = "cv.pdf: no text layer (scanned?)" };
	struct score_result r;

	/* No readable resume: review, whatever else, never archive. */
	f.form = SCORE_FORM_NO;
	score_applicant(c, NULL, &f, &r);
	g_assert_cmpint(r.bucket, ==, SCORE_REVIEW);
	g_assert_nonnull(strstr(r.reason, "no text layer"));
	g_assert_cmpfloat(r.total, ==, 0);
	score_result_clear(&r);
}

static void test_knockout_form(void)
{
	g_autoptr(score_config) c = config();
	struct criterion_result cr[5];
	struct score_facts f = good_years;
	struct score_result r;

	set(cr, strong);
	f.form = SCORE_FORM_NO;
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.bucket, ==, SCORE_ARCHIVE);
	g_assert_cmpint(r.ko, ==, SCORE_KO_FAIL);
	g_assert_nonnull(strstr(r.reason, "form answer No"));
	g_assert_nonnull(strstr(r.ko_reason, "gateways and brokers"));
	g_assert_cmpfloat(r.total, ==, 92.0);	/* still shown */
	score_result_clear(&r);

	/* "yes" passes even with too few years on the resume. */
	f.form = SCORE_FORM_YES;
	f.years = 1;
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.ko, ==, SCORE_KO_PASS);
	g_assert_cmpint(r.bucket, ==, SCORE_ADVANCE);
	score_result_clear(&r);
}

static void test_knockout_years(void)
{
	g_autoptr(score_config) c = config();
	struct criterion_result cr[5];
	struct score_facts f = good_years;
	struct score_result r;

	set(cr, strong);
	f.years = 2.7;
	f.years_evidence = "Mar 2024 - Present";
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.bucket, ==, SCORE_ARCHIVE);
	g_assert_cmpint(r.ko, ==, SCORE_KO_FAIL);
	g_assert_cmpstr(r.ko_reason, ==,
			"2.7 years of experience, under 3 (Mar 2024 - Present)");
	score_result_clear(&r);

	/* Exactly the minimum passes. */
	f.years = 3;
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.ko, ==, SCORE_KO_PASS);
	g_assert_cmpint(r.bucket, ==, SCORE_ADVANCE);
	score_result_clear(&r);
}

static void test_knockout_not_evidenced(void)
{
	g_autoptr(score_config) c = config();
	struct criterion_result cr[5];
	struct score_facts f = good_years;
	struct score_result r;

	/* A strong profile with no gateway or broker: the advance rule
	 * decides, the knock-out only flags the row. */
	set(cr, no_signal);
	f.signal_evidence = NULL;
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.ko, ==, SCORE_KO_NOT_EVIDENCED);
	g_assert_true(r.flag);
	g_assert_cmpint(r.bucket, ==, SCORE_ADVANCE);
	score_result_clear(&r);

	/* A weak one: the score archives, the flag stays. */
	{
		const double weak_ns[] = { 0.5, 0, 0, 0, 0 };

		set(cr, weak_ns);
	}
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.ko, ==, SCORE_KO_NOT_EVIDENCED);
	g_assert_cmpint(r.bucket, ==, SCORE_ARCHIVE);
	g_assert_true(r.flag);
	score_result_clear(&r);

	/* Signal named, years enough, but under three of the relevant
	 * work that proves a pass: a flag, not a pass. */
	set(cr, strong);
	f.signal_evidence = "RabbitMQ";
	f.pass_years = 1.5;
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.ko, ==, SCORE_KO_NOT_EVIDENCED);
	g_assert_cmpstr(r.ko_reason, ==, "1.5 years of relevant work, under 3; "
			"named: RabbitMQ");
	g_assert_true(r.flag);
	score_result_clear(&r);
	f.pass_years = 5.2;

	/* Signal named but no dated experience: not evidenced either. */
	set(cr, strong);
	f.has_years = false;
	f.signal_evidence = "RabbitMQ";
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.ko, ==, SCORE_KO_NOT_EVIDENCED);
	g_assert_nonnull(strstr(r.ko_reason, "RabbitMQ"));
	score_result_clear(&r);
}

/* The profile's "when" lines: parsed against the criterion ids, any line
 * advances, every condition of a line must hold. */
static void test_when(void)
{
	static const char *const ids[] = { "c1", "c2", "c3", "c4", "ko" };
	static const char *const bad[] = {
		"", "bogus", "3 of c1 c2", "2 of c1 zz", "years > 3",
		"total >= x", "0 of c1", "knockout, nope",
	};
	g_autoptr(score_config) c = config();
	const double three[] = { 1, 1, 1, 0, 0 };	/* no signal */
	const double two[] = { 1, 1, 0, 0.2, 0 };
	struct criterion_result cr[5];
	struct score_facts f = good_years;
	struct score_result r;
	char *why = NULL;
	guint i;

	for (i = 0; i < G_N_ELEMENTS(bad); i++) {
		struct score_when w;

		g_assert_false(score_when_parse(bad[i], ids, 5, &w, &why));
		g_assert_nonnull(why);
		g_clear_pointer(&why, g_free);
	}
	c->when = g_new0(struct score_when, 2);
	g_assert_true(score_when_parse("knockout", ids, 5, &c->when[0],
				       &why));
	g_assert_true(score_when_parse("c1, 2 of c2 c3 c4, years >= 3",
				       ids, 5, &c->when[1], &why));
	c->n_when = 2;

	/* No gateway named: the second line advances. */
	set(cr, three);
	f.signal_evidence = NULL;
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.bucket, ==, SCORE_ADVANCE);
	g_assert_cmpstr(r.reason, ==, "c1 met; 2 of 3 of c2 c3 c4 met; "
			"5.2 years");
	g_assert_true(r.flag);
	score_result_clear(&r);

	/* One of c2-c4: neither line holds; each says what failed. */
	set(cr, two);
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.bucket, ==, SCORE_ARCHIVE);
	g_assert_cmpstr(r.reason, ==, "not advanced: knock-out not passed / "
			"1 of 3 of c2 c3 c4 met, too few");
	score_result_clear(&r);

	/* The knock-out passed: the first line advances a weak profile. */
	set(cr, two);
	cr[4].met = true;
	f.signal_evidence = "Kafka";
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.bucket, ==, SCORE_ADVANCE);
	g_assert_cmpstr(r.reason, ==, "knock-out passed");
	score_result_clear(&r);

	/* Under the minimum years the knock-out archives before any line. */
	set(cr, three);
	f.years = 2;
	score_applicant(c, cr, &f, &r);
	g_assert_cmpint(r.bucket, ==, SCORE_ARCHIVE);
	g_assert_cmpint(r.ko, ==, SCORE_KO_FAIL);
	score_result_clear(&r);
}

static struct score_rank_item item(const char *key, double total, guint met,
				   enum score_bucket b)
{
	struct score_rank_item it = {
		.key = key, .total = total, .met = met, .bucket = b,
		.reason = g_strdup("scored"),
	};

	return it;
}

static void test_rank_ties(void)
{
	g_autoptr(score_config) c = config();
	struct score_rank_item it[5];
	guint i;

	it[0] = item("zoe", 70, 3, SCORE_ADVANCE);
	it[1] = item("adam", 70, 3, SCORE_ADVANCE);
	it[2] = item("mia", 70, 4, SCORE_ADVANCE);
	it[3] = item("bob", 90, 2, SCORE_ADVANCE);
	it[4] = item("eve", 0, 0, SCORE_REVIEW);
	score_rank(c, it, 5);
	g_assert_cmpstr(it[0].key, ==, "bob");
	g_assert_cmpstr(it[1].key, ==, "mia");	/* more criteria met */
	g_assert_cmpstr(it[2].key, ==, "adam");	/* then by key */
	g_assert_cmpstr(it[3].key, ==, "zoe");
	g_assert_cmpstr(it[4].key, ==, "eve");
	for (i = 0; i < 5; i++) {
		g_assert_cmpuint(it[i].rank, ==, i + 1);
		g_free(it[i].reason);
	}
}

static void test_rank_deterministic(void)
{
	g_autoptr(score_config) c = config();
	struct score_rank_item a[4], b[4];
	guint i;

	/* The same items in another order give the same ranking. */
	a[0] = item("d", 50, 1, SCORE_ARCHIVE);
	a[1] = item("c", 50.04, 1, SCORE_ARCHIVE);	/* prints as 50.0 */
	a[2] = item("b", 80, 2, SCORE_ADVANCE);
	a[3] = item("a", 50, 1, SCORE_ARCHIVE);
	for (i = 0; i < 4; i++)
		b[i] = item(a[3 - i].key, a[3 - i].total, a[3 - i].met,
			    a[3 - i].bucket);
	score_rank(c, a, 4);
	score_rank(c, b, 4);
	for (i = 0; i < 4; i++) {
		g_assert_cmpstr(a[i].key, ==, b[i].key);
		g_assert_cmpuint(a[i].rank, ==, b[i].rank);
		g_free(a[i].reason);
		g_free(b[i].reason);
	}
	g_assert_cmpstr(a[1].key, ==, "a");	/* ties as printed */
}

static void test_rank_cap(void)
{
	g_autoptr(score_config) c = config();
	struct score_rank_item it[4];
	guint i;

	c->top_n = 2;
	for (i = 0; i < 4; i++) {
		char key[2] = { (char)('a' + i), 0 };

		it[i] = item(g_intern_string(key), 90 - i, 3, SCORE_ADVANCE);
	}
	score_rank(c, it, 4);
	g_assert_cmpint(it[0].bucket, ==, SCORE_ADVANCE);
	g_assert_cmpint(it[1].bucket, ==, SCORE_ADVANCE);
	g_assert_cmpint(it[2].bucket, ==, SCORE_ARCHIVE);
	g_assert_nonnull(strstr(it[2].reason, "outside the top 2"));
	for (i = 0; i < 4; i++)
		g_free(it[i].reason);

	c->top_n = 0;
	c->top_percent = 25;	/* 1 of 4 */
	for (i = 0; i < 4; i++) {
		char key[2] = { (char)('a' + i), 0 };

		it[i] = item(g_intern_string(key), 90 - i, 3, SCORE_ADVANCE);
	}
	score_rank(c, it, 4);
	g_assert_cmpint(it[0].bucket, ==, SCORE_ADVANCE);
	g_assert_cmpint(it[1].bucket, ==, SCORE_ARCHIVE);
	for (i = 0; i < 4; i++)
		g_free(it[i].reason);
}

static void test_names(void)
{
	guint b;

	for (b = SCORE_ADVANCE; b <= SCORE_ARCHIVE; b++)
		g_assert_cmpint(score_bucket_parse(score_bucket_name(b)), ==,
				(int)b);
	g_assert_cmpint(score_bucket_parse("bogus"), ==, -1);
	g_assert_cmpint(score_ko_parse("not evidenced"), ==,
			SCORE_KO_NOT_EVIDENCED);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/score/total-advance-archive", test_total_and_advance);
	g_test_add_func("/score/must-have", test_must_have);
	g_test_add_func("/score/review", test_review);
	g_test_add_func("/score/knockout-form", test_knockout_form);
	g_test_add_func("/score/knockout-years", test_knockout_years);
	g_test_add_func("/score/knockout-not-evidenced",
			test_knockout_not_evidenced);
	g_test_add_func("/score/when", test_when);
	g_test_add_func("/score/rank-ties", test_rank_ties);
	g_test_add_func("/score/rank-deterministic", test_rank_deterministic);
	g_test_add_func("/score/rank-cap", test_rank_cap);
	g_test_add_func("/score/names", test_names);
	return g_test_run();
}
