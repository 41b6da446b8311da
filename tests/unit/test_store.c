/* test_store.c - the SQLite store: schema and migrations, private modes,
 * one transaction per applicant, incremental lookups, ranking, duplicate
 * flags, append-only decisions, verbatim hostile names. */
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "store.h"
#include "rm_rf.h"

static char *tmpdir(void)
{
	char *d = g_dir_make_tmp("test_store.XXXXXX", NULL);

	g_assert_nonnull(d);
	return d;
}

static struct score_config *config(void)
{
	struct score_config *c = g_new0(struct score_config, 1);

	c->n_crit = 2;
	c->crit = g_new0(struct score_criterion, 2);
	c->crit[0].id = g_strdup("c1");
	c->crit[0].weight = 50;
	c->crit[0].scored = true;
	c->crit[1].id = g_strdup("c2");
	c->crit[1].weight = 50;
	c->crit[1].scored = true;
	c->threshold = 50;
	c->ko_signal = -1;
	return c;
}

static const struct store_criterion crits[] = {
	{ "c1", "Endpoints", 50, true }, { "c2", "Monitoring", 50, true },
};

/* An applicant with one document and one piece of evidence. */
static struct store_applicant *applicant(const char *key, const char *sha,
					 double total, const char *email)
{
	struct store_applicant *a = store_applicant_new(key);
	struct store_doc *d = g_new0(struct store_doc, 1);
	struct store_evidence e = { 0 };
	static const guint8 blob[] = "SDOC-encoded";

	d->path = g_strconcat(key, "/cv.txt", NULL);
	g_strlcpy(d->sha256, sha, sizeof(d->sha256));
	d->ok = true;
	d->format = 4;
	d->doc = g_bytes_new(blob, sizeof(blob));
	d->facts_json = g_strdup("{}");
	d->fresh = true;
	g_ptr_array_add(a->docs, d);
	a->email = g_strdup(email);
	g_strlcpy(a->inputs_hash, sha, sizeof(a->inputs_hash));
	a->result.total = total;
	a->result.met = total >= 50 ? 1 : 0;
	a->result.bucket = total >= 50 ? SCORE_ADVANCE : SCORE_ARCHIVE;
	a->result.reason = g_strdup_printf("total %.1f", total);
	a->n_crit = 2;
	a->crit = g_new0(struct store_crit_score, 2);
	a->crit[0].score = total / 100;
	a->crit[0].met = total >= 50;
	e.criterion = g_strdup("c1");
	e.rule = g_strdup("rest");
	e.start = 3;
	e.end = 7;
	e.para = 2;
	e.before = g_strdup("Built ");
	e.match = g_strdup("REST");
	e.after = g_strdup(" APIs");
	e.points = 2;
	g_array_append_val(a->evidence, e);
	return a;
}

static const char sha_a[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
static const char sha_b[] = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

static gint64 begin(struct store *st)
{
	struct store_run r = { "2026-11-28T00:00:00Z", "test", "H", "crit",
			       "2026-11-28", "inbox", NULL };
	g_autoptr(GError) err = NULL;
	gint64 run = store_run_begin(st, &r, &err);

	g_assert_no_error(err);
	g_assert_cmpint(run, >, 0);
	g_assert_true(store_put_criteria(st, "H", crits, 2, &err));
	return run;
}

static void finish(struct store *st, gint64 run, struct store_counts *c)
{
	g_autoptr(score_config) cfg = config();
	g_autoptr(GError) err = NULL;

	g_assert_true(store_finish_ranking(st, run, cfg, c, &err));
	g_assert_true(store_run_finish(st, run, "2026-11-28T00:00:01Z", c,
				       &err));
	g_assert_no_error(err);
}

static void test_schema_and_modes(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *path = g_build_filename(dir, "sub", "screen.db", NULL);
	g_autofree char *sub = g_path_get_dirname(path);
	g_autofree char *wal = g_strconcat(path, "-wal", NULL);
	g_autoptr(GError) err = NULL;
	mode_t old = umask(0);
	struct store *st;
	struct stat sb;

	st = store_open(path, &err);
	g_assert_no_error(err);
	g_assert_cmpint(store_schema_version(st), ==, STORE_SCHEMA_VERSION);
	begin(st);
	g_assert_cmpint(stat(path, &sb), ==, 0);
	g_assert_cmpint(sb.st_mode & 0777, ==, 0600);
	g_assert_cmpint(stat(wal, &sb), ==, 0);
	g_assert_cmpint(sb.st_mode & 0777, ==, 0600);
	g_assert_cmpint(stat(sub, &sb), ==, 0);
	g_assert_cmpint(sb.st_mode & 0777, ==, 0700);
	store_close(st);
	umask(old);

	/* Reopening runs no migration twice and keeps the data. */
	st = store_open(path, &err);
	g_assert_no_error(err);
	g_assert_cmpint(store_schema_version(st), ==, STORE_SCHEMA_VERSION);
	g_assert_cmpint(store_count(st, "runs"), ==, 1);
	g_assert_cmpint(store_count(st, "criteria"), ==, 2);
	g_assert_cmpint(store_count(st, "no_such_table"), ==, -1);
	store_close(st);
	rm_rf(dir);
}

static void test_applicant_transaction(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *path = g_build_filename(dir, "screen.db", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = store_open(path, &err);
	g_autoptr(store_applicant) a = applicant("alice", sha_a, 80, NULL);
	g_autoptr(store_applicant) bad = applicant("bob", sha_b, 20, NULL);
	struct store_known k;
	gint64 run = begin(st);

	g_assert_true(store_put_applicant(st, run, "H", "2026-11-28", a, &err));
	g_assert_no_error(err);
	g_assert_cmpint(store_count(st, "applicants"), ==, 1);
	g_assert_cmpint(store_count(st, "documents"), ==, 1);
	g_assert_cmpint(store_count(st, "screenings"), ==, 1);
	g_assert_cmpint(store_count(st, "criterion_scores"), ==, 2);
	g_assert_cmpint(store_count(st, "evidence"), ==, 1);

	/* Evidence pointing at a document that does not exist fails the
	 * foreign key: the whole applicant is rolled back. */
	g_array_index(bad->evidence, struct store_evidence, 0).doc = 0;
	((struct store_doc *)g_ptr_array_index(bad->docs, 0))->ok = true;
	g_free(((struct store_doc *)g_ptr_array_index(bad->docs, 0))->path);
	((struct store_doc *)g_ptr_array_index(bad->docs, 0))->path = NULL;
	g_assert_false(store_put_applicant(st, run, "H", "2026-11-28", bad,
					   &err));
	g_assert_nonnull(err);
	g_clear_error(&err);
	g_assert_cmpint(store_count(st, "applicants"), ==, 1);
	g_assert_cmpint(store_count(st, "screenings"), ==, 1);

	/* Reviewer pages read documents and evidence back by key. */
	{
		g_autoptr(GPtrArray) docs = store_documents(st, "alice", &err);
		const struct store_document_row *d;

		g_assert_nonnull(docs);
		g_assert_cmpuint(docs->len, ==, 1);
		d = g_ptr_array_index(docs, 0);
		g_assert_cmpstr(d->path, ==, "alice/cv.txt");
		g_assert_cmpstr(d->status, ==, "ok");
		g_assert_cmpstr(g_bytes_get_data(d->doc, NULL), ==,
				"SDOC-encoded");
	}

	/* The stored document is found by content, with its encoding. */
	g_assert_true(store_lookup_document(st, sha_a, &k, &err));
	g_assert_true(k.found);
	g_assert_true(k.ok);
	g_assert_cmpstr(g_bytes_get_data(k.doc, NULL), ==, "SDOC-encoded");
	store_known_clear(&k);
	g_assert_true(store_lookup_document(st, sha_b, &k, &err));
	g_assert_false(k.found);
	store_known_clear(&k);
	rm_rf(dir);
}

static bool count_row(const struct store_evidence_row *r, void *data,
		      GError **err)
{
	guint *n = data;

	g_assert_cmpstr(r->match, ==, "REST");
	g_assert_cmpint(r->document_id, >, 0);
	(*n)++;
	return true;
}

static void test_incremental_and_ranking(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *path = g_build_filename(dir, "screen.db", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = store_open(path, &err);
	g_autoptr(store_applicant) a =
		applicant("alice", sha_a, 40, "same@example.com");
	g_autoptr(store_applicant) b =
		applicant("bob", sha_b, 90, "same@example.com");
	g_autoptr(GPtrArray) rows = NULL;
	struct store_counts c;
	g_autofree char *had = NULL;
	gint64 run = begin(st), n_before[4];
	const char *tables[] = { "applicants", "documents", "screenings",
				 "evidence" };
	const struct store_ranked *r;
	guint i;

	g_assert_true(store_put_applicant(st, run, "H", "d", a, &err));
	g_assert_true(store_put_applicant(st, run, "H", "d", b, &err));
	finish(st, run, &c);
	g_assert_cmpuint(c.applicants, ==, 2);
	g_assert_cmpuint(c.advanced, ==, 1);
	g_assert_cmpuint(c.archived, ==, 1);
	rows = store_ranking(st, 2, &err);
	g_assert_cmpuint(rows->len, ==, 2);
	r = g_ptr_array_index(rows, 0);
	g_assert_cmpstr(r->key, ==, "bob");
	g_assert_cmpuint(r->rank, ==, 1);
	g_assert_cmpstr(r->bucket, ==, "advance");
	g_assert_cmpstr(r->duplicate, ==, "same e-mail as alice");
	g_assert_cmpuint(r->n_docs, ==, 1);
	g_assert_cmpfloat(r->crit[0].score, ==, 0.9);
	g_clear_pointer(&rows, g_ptr_array_unref);
	{
		guint n = 0;

		g_assert_true(store_each_evidence(st, "bob", count_row, &n,
						  &err));
		g_assert_cmpuint(n, ==, 1);
		g_assert_true(store_each_evidence(st, NULL, count_row, &n,
						  &err));
		g_assert_cmpuint(n, ==, 3);
	}

	/* A second run over the same inputs: the inputs hash matches, so
	 * the caller marks them seen; no row is added. */
	for (i = 0; i < G_N_ELEMENTS(tables); i++)
		n_before[i] = store_count(st, tables[i]);
	run = begin(st);
	had = store_current_inputs(st, "alice", "H");
	g_assert_cmpstr(had, ==, sha_a);
	g_assert_null(store_current_inputs(st, "alice", "other-rules"));
	{
		const char *keys[] = { "alice", "bob" };

		g_assert_true(store_applicants_seen(st, keys, 2, run, &err));
	}
	finish(st, run, &c);
	for (i = 0; i < G_N_ELEMENTS(tables); i++)
		g_assert_cmpint(store_count(st, tables[i]), ==, n_before[i]);

	/* A run without bob: he is no longer present, nor a duplicate. */
	run = begin(st);
	{
		const char *keys[] = { "alice" };

		g_assert_true(store_applicants_seen(st, keys, 1, run, &err));
	}
	finish(st, run, &c);
	g_assert_cmpuint(c.applicants, ==, 1);
	rows = store_ranking(st, 2, &err);
	g_assert_cmpuint(rows->len, ==, 1);
	r = g_ptr_array_index(rows, 0);
	g_assert_cmpstr(r->key, ==, "alice");
	g_assert_cmpuint(r->rank, ==, 1);
	g_assert_cmpstr(r->duplicate, ==, "");
	rm_rf(dir);
}

static double cpu_seconds(void)
{
	struct timespec ts;

	g_assert_cmpint(clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts), ==, 0);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *dup_of(GPtrArray *rows, const char *key)
{
	for (guint i = 0; i < rows->len; i++) {
		const struct store_ranked *r = g_ptr_array_index(rows, i);

		if (strcmp(r->key, key) == 0)
			return r->duplicate;
	}
	g_assert_not_reached();
}

/* n applicants sharing one e-mail and one document, stored; the CPU
 * seconds the ranking took. */
static double rank_crowd(guint n)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *path = g_build_filename(dir, "screen.db", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = store_open(path, &err);
	g_autoptr(score_config) cfg = config();
	g_autoptr(GPtrArray) rows = NULL;
	gint64 run = begin(st);
	struct store_counts c;
	g_autofree char *want = NULL;
	double t;
	guint i;

	for (i = 0; i < n; i++) {
		g_autofree char *key = g_strdup_printf("k%05u", i);
		g_autoptr(store_applicant) a =
			applicant(key, sha_a, i % 100, "crowd@example.com");

		g_assert_true(store_put_applicant(st, run, "H", "d", a, &err));
	}
	t = cpu_seconds();
	g_assert_true(store_finish_ranking(st, run, cfg, &c, &err));
	t = cpu_seconds() - t;
	rows = store_ranking(st, 2, &err);
	g_assert_cmpuint(rows->len, ==, n);
	want = g_strdup_printf("same e-mail as k00000, k00001, k00003 "
			       "(+%u more); same document as k00000, k00001, "
			       "k00003 (+%u more)", n - 4, n - 4);
	g_assert_cmpstr(dup_of(rows, "k00002"), ==, want);
	rm_rf(dir);
	return t;
}

/* HARDENING 31: duplicates found through an index, not by asking for
 * every applicant's partners; several shared documents count each
 * partner once.  The crowd is the finding's (applicants sharing an
 * e-mail and a document): twice as many must cost about twice the CPU
 * time, with generous bounds, where all pairs cost four times. */
static void test_duplicates(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *path = g_build_filename(dir, "screen.db", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = store_open(path, &err);
	g_autoptr(GPtrArray) rows = NULL;
	static const char *const shas[][2] = {
		{ sha_a, sha_b }, { sha_a, NULL }, { sha_a, sha_b },
		{ sha_b, NULL }, { sha_b, NULL }, { "cccc", NULL },
	};
	gint64 run = begin(st);
	struct store_counts c;
	double t1, t2;
	guint i;

	for (i = 0; i < G_N_ELEMENTS(shas); i++) {
		g_autofree char *key = g_strdup_printf("%c", 'a' + i);
		g_autofree char *mail = g_strdup_printf("%c@example.com",
							'a' + i);
		g_autoptr(store_applicant) a = applicant(key, shas[i][0], 50,
							 mail);

		if (shas[i][1]) {
			struct store_doc *d = g_new0(struct store_doc, 1);

			d->path = g_strconcat(key, "/letter.txt", NULL);
			g_strlcpy(d->sha256, shas[i][1], sizeof(d->sha256));
			d->ok = true;
			d->format = 4;
			d->doc = g_bytes_new("x", 1);
			d->facts_json = g_strdup("{}");
			d->fresh = true;
			g_ptr_array_add(a->docs, d);
		}
		if (i == 5)
			a->phone_digits = g_strdup("4915112345678");
		if (i == 3) {
			g_free(a->email);
			a->email = g_strdup("c@example.com");
			a->phone_digits = g_strdup("4915112345678");
		}
		g_assert_true(store_put_applicant(st, run, "H", "d", a, &err));
	}
	finish(st, run, &c);
	rows = store_ranking(st, 2, &err);
	g_assert_cmpstr(dup_of(rows, "a"), ==,
			"same document as b, c, d (+1 more)");
	g_assert_cmpstr(dup_of(rows, "b"), ==, "same document as a, c");
	g_assert_cmpstr(dup_of(rows, "c"), ==, "same e-mail as d; "
			"same document as a, b, d (+1 more)");
	g_assert_cmpstr(dup_of(rows, "d"), ==, "same e-mail as c; "
			"same phone as f; same document as a, c, e");
	g_assert_cmpstr(dup_of(rows, "f"), ==, "same phone as d");
	rm_rf(dir);

	t1 = rank_crowd(1500);
	t2 = rank_crowd(3000);
	g_test_message("1500: %.3f s, 3000: %.3f s", t1, t2);
	g_assert_cmpfloat(t2, <, 3 * t1 + 0.3);
	g_assert_cmpfloat(t2, <, 5);
}

/* One run storing applicant "a" with one document of content sha that
 * failed (code, message) or, with code 0, extracted. */
static void run_once(struct store *st, const char *sha, int code,
		     const char *message)
{
	g_autoptr(store_applicant) a = applicant("a", sha, 50, "");
	struct store_doc *d = g_ptr_array_index(a->docs, 0);
	g_autoptr(GError) err = NULL;
	struct store_counts c;
	gint64 run = begin(st);

	if (code) {
		d->ok = false;
		d->error_code = code;
		d->error = g_strdup(message);
		g_clear_pointer(&d->doc, g_bytes_unref);
	}
	g_assert_true(store_put_applicant(st, run, "H", "d", a, &err));
	finish(st, run, &c);
}

/* Whether a run would screen "a" again and extract its document. */
static bool screened_again(struct store *st, const char *sha)
{
	g_autofree char *had = store_current_inputs(st, "a", "H");
	g_autoptr(GError) err = NULL;
	struct store_known k;
	bool again;

	g_assert_true(store_lookup_document(st, sha, &k, &err));
	again = !k.found;
	g_assert_cmpint(again, ==, had == NULL);
	store_known_clear(&k);
	return again;
}

/* HARDENING 34: a failure that may pass (out of memory, a timeout, an
 * extractor that could not start) is tried again on the next runs,
 * STORE_RETRIES times in all; a final one (not a PDF) is not.  A retry
 * that extracts replaces the failure. */
static void test_retries(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *path = g_build_filename(dir, "screen.db", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = store_open(path, &err);
	g_autoptr(GPtrArray) docs = NULL;
	guint i;

	g_assert_true(error_temporary(SE_MEMORY, "memory limit exceeded"));
	g_assert_true(error_temporary(SE_TIMEOUT, "timed out after 30 s"));
	g_assert_true(error_temporary(SE_FAILED, "cannot start the "
				      "extractor: no such file or directory"));
	g_assert_false(error_temporary(SE_FAILED, "bad reply"));
	g_assert_false(error_temporary(SE_PDF_UNREADABLE,
				       "not a readable PDF"));

	run_once(st, sha_b, SE_PDF_UNREADABLE, "not a readable PDF");
	g_assert_false(screened_again(st, sha_b));

	for (i = 0; i < STORE_RETRIES; i++) {
		run_once(st, sha_a, SE_MEMORY, "memory limit exceeded");
		g_assert_cmpint(screened_again(st, sha_a), ==,
				i + 1 < STORE_RETRIES);
	}
	g_assert_cmpint(store_count(st, "documents"), ==, 2);

	run_once(st, sha_a, SE_FAILED, "cannot start the extractor: x");
	run_once(st, sha_a, 0, NULL);	/* tried once more by hand */
	docs = store_documents(st, "a", &err);
	g_assert_cmpuint(docs->len, ==, 1);
	g_assert_cmpstr(((struct store_document_row *)docs->pdata[0])->status,
			==, "ok");
	g_assert_false(screened_again(st, sha_a));
	rm_rf(dir);
}

static void test_decisions_append_only(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *path = g_build_filename(dir, "screen.db", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = store_open(path, &err);
	g_autoptr(store_applicant) a = applicant("alice", sha_a, 80, NULL);
	g_autoptr(GPtrArray) rows = NULL;
	struct store_counts c;
	gint64 run = begin(st);
	const struct store_ranked *r;

	g_assert_true(store_put_applicant(st, run, "H", "d", a, &err));
	finish(st, run, &c);
	g_assert_true(store_decide(st, "alice", "2026-11-28T10:00:00Z", "kim",
				   "archive", NULL, &err));
	g_assert_true(store_decide(st, "alice", "2026-11-28T11:00:00Z", "lee",
				   "advance", "strong letter", &err));
	g_assert_false(store_decide(st, "nobody", "t", "kim", "advance", NULL,
				    &err));
	g_clear_error(&err);
	g_assert_false(store_decide(st, "alice", "t", "kim", "maybe", NULL,
				    &err));
	g_clear_error(&err);
	rows = store_decisions(st, "alice", &err);
	g_assert_cmpuint(rows->len, ==, 2);
	g_assert_cmpstr(((struct store_decision_row *)rows->pdata[1])->note,
			==, "strong letter");
	g_clear_pointer(&rows, g_ptr_array_unref);
	rows = store_ranking(st, 2, &err);
	r = g_ptr_array_index(rows, 0);
	g_assert_cmpstr(r->decision, ==, "advance by lee 2026-11-28T11:00:00Z");
	rm_rf(dir);
}

static void test_hostile_key_verbatim(void)
{
	static const char key[] = "x'); DROP TABLE applicants;--.txt";
	g_autofree char *dir = tmpdir();
	g_autofree char *path = g_build_filename(dir, "screen.db", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = store_open(path, &err);
	g_autoptr(store_applicant) a = applicant(key, sha_a, 80, NULL);
	g_autoptr(GPtrArray) rows = NULL;
	struct store_counts c;
	gint64 run = begin(st);

	g_assert_true(store_put_applicant(st, run, "H", "d", a, &err));
	finish(st, run, &c);
	rows = store_ranking(st, 2, &err);
	g_assert_cmpuint(rows->len, ==, 1);
	g_assert_cmpstr(((struct store_ranked *)rows->pdata[0])->key, ==, key);
	g_assert_cmpint(store_count(st, "applicants"), ==, 1);
	rm_rf(dir);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/store/schema-modes", test_schema_and_modes);
	g_test_add_func("/store/transaction", test_applicant_transaction);
	g_test_add_func("/store/incremental-ranking",
			test_incremental_and_ranking);
	g_test_add_func("/store/decisions", test_decisions_append_only);
	g_test_add_func("/store/duplicates", test_duplicates);
	g_test_add_func("/store/retries", test_retries);
	g_test_add_func("/store/hostile-key", test_hostile_key_verbatim);
	return g_test_run();
}
