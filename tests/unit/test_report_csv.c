/* test_report_csv.c - CSV records: quoting, formula neutralisation,
 * escaped names, and reports built from a store are the same bytes every
 * time. */
#include <string.h>

#include "report_csv.h"
#include "store.h"
#include "rm_rf.h"

static void test_row(void)
{
	const char *cells[] = {
		"plain", "a,b", "say \"hi\"", "two\nlines", "=1+1", "+1",
		"-2", "@SUM(A1)", "\tx", "", "x;=1+1;", "a\t+1", NULL,
	};
	g_autoptr(GString) out = g_string_new(NULL);

	report_csv_row(out, cells, G_N_ELEMENTS(cells));
	g_assert_cmpstr(out->str, ==,
			"plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\","
			"\"'=1+1\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"'\tx\",,"
			"\"x;'=1+1;\",\"a\t'+1\",\r\n");
}

static struct store_applicant *applicant(const char *key, const char *name,
					 const char *warnings)
{
	struct store_applicant *a = store_applicant_new(key);
	struct store_doc *d = g_new0(struct store_doc, 1);
	struct store_evidence e = { 0 };

	d->path = g_strdup(key);
	memset(d->sha256, 'a' + (key[0] & 7), 64);
	d->ok = true;
	d->warnings = g_strdup(warnings);
	g_ptr_array_add(a->docs, d);
	a->name = g_strdup(name);
	a->result.total = 75;
	a->result.met = 1;
	a->result.bucket = SCORE_ADVANCE;
	a->result.reason = g_strdup("total 75.0");
	a->n_crit = 1;
	a->crit = g_new0(struct store_crit_score, 1);
	a->crit[0].score = 0.75;
	a->crit[0].met = true;
	e.criterion = g_strdup("c1");
	e.rule = g_strdup("rest");
	e.para = 3;
	e.before = g_strdup("Built \"quoted\" ");
	e.match = g_strdup("=REST");
	e.after = g_strdup("\nAPIs");
	g_array_append_val(a->evidence, e);
	return a;
}

static void test_build(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_csv.XXXXXX", NULL);
	g_autofree char *db = g_build_filename(dir, "screen.db", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = store_open(db, &err);
	struct store_run r = { "t0", "test", "H", "c", "2026-11-28", "in", NULL };
	struct store_criterion crit = { "c1", "Endpoints", 100, true };
	struct score_config cfg = { .n_crit = 1, .threshold = 50,
				    .ko_signal = -1 };
	struct score_criterion sc = { .id = (char *)"c1", .weight = 100,
				      .scored = true };
	g_autoptr(store_applicant) a =
		applicant("=HYPERLINK(\"x\")", "Eve\x1b[31m", NULL);
	g_autoptr(store_applicant) b = applicant("bad\xff\nname.txt", "Bo",
						 "hidden text: 3 words on page 1");
	GString *rank1, *ev1, *err1, *rank2, *ev2, *err2;
	struct store_counts c;
	gint64 run;

	cfg.crit = &sc;
	run = store_run_begin(st, &r, &err);
	g_assert_true(store_put_criteria(st, "H", &crit, 1, &err));
	g_assert_true(store_put_applicant(st, run, "H", "d", a, &err));
	g_assert_true(store_put_applicant(st, run, "H", "d", b, &err));
	{
		bool fresh;

		g_assert_true(store_put_skip(st, run, "link.pdf", NULL,
					     "not a regular file, skipped",
					     &fresh, &err));
		g_assert_true(fresh);
		g_assert_true(store_put_skip(st, run, "link.pdf", NULL,
					     "not a regular file, skipped",
					     &fresh, &err));
		g_assert_false(fresh);
	}
	g_assert_true(store_finish_ranking(st, run, &cfg, &c, &err));
	g_assert_true(store_run_finish(st, run, "t1", &c, &err));
	g_assert_no_error(err);

	/* Two loads and two builds: the same bytes. */
	for (int i = 0; i < 2; i++) {
		struct store_view v;

		g_assert_true(store_view_load(st, &v, &err));
		g_assert_true(report_csv_build(st, &v, i ? &rank2 : &rank1,
					       i ? &ev2 : &ev1,
					       i ? &err2 : &err1, &err));
		store_view_clear(&v);
	}
	g_assert_cmpstr(rank1->str, ==, rank2->str);
	g_assert_cmpstr(ev1->str, ==, ev2->str);
	g_assert_cmpstr(err1->str, ==, err2->str);

	g_assert_true(g_str_has_prefix(rank1->str,
		"rank,applicant,name,email,total,bucket,reason,knock-out,"
		"c1 score,c1 met,duplicate,documents,flags,decision\r\n"));
	/* Formula-like key neutralised, control characters in names kept
	 * out of the key column, ties broken by key bytes. */
	g_assert_nonnull(strstr(rank1->str,
		"1,\"'=HYPERLINK(\"\"x\"\")\",Eve\x1b[31m,,75.0,advance,"));
	g_assert_nonnull(strstr(rank1->str, "2,bad\\xff\\nname.txt,Bo,"));
	/* What a document warns of is the applicant's flag. */
	g_assert_nonnull(strstr(rank1->str,
		",1,hidden text: 3 words on page 1,\r\n"));
	g_assert_nonnull(strstr(rank1->str, ",1,,\r\n"));
	g_assert_nonnull(strstr(ev1->str,
		",c1,rest,\"'=HYPERLINK(\"\"x\"\")\",paragraph 3,"
		"\"Built \"\"quoted\"\" [[=REST]]\nAPIs\",0.00\r\n"));
	g_assert_cmpstr(err1->str, ==,
			"file,applicant,reason\r\n"
			"link.pdf,,\"not a regular file, skipped\"\r\n");
	g_string_free(rank1, TRUE);
	g_string_free(ev1, TRUE);
	g_string_free(err1, TRUE);
	g_string_free(rank2, TRUE);
	g_string_free(ev2, TRUE);
	g_string_free(err2, TRUE);
	rm_rf(dir);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/report_csv/row", test_row);
	g_test_add_func("/report_csv/build", test_build);
	return g_test_run();
}
