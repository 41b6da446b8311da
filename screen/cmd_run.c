/*
 * cmd_run.c - "screener run": screen an inbox end to end.
 *
 * Owns the run's options, its order of work and its output (stderr lines
 * per failed file, progress, the summary).  The main thread is the only
 * one that touches the database, stdout and the progress display; the
 * workers of pipeline.c do the extraction, facts, matching and scoring.
 *
 * Order: options, rule set, lock, database, inbox, applicants (a few
 * per transaction, see BATCH_APPLICANTS), ranking, reports.  A second run while one holds the
 * lock exits with EXIT_BUSY before writing anything.
 *
 * Files modified less than --settle seconds ago may still be being
 * copied in: the run waits until each has been left alone that long (at
 * most --settle seconds), so a run right after a copy takes everything.
 * A file that changed meanwhile (its size or mtime no longer the scan's
 * when it is read) leaves its whole applicant for the next run: nothing
 * extracted or stored, only counted in the summary.  Not an error: the
 * copy is not done yet.
 */
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "cli.h"
#include "erase.h"
#include "escape.h"
#include "inbox.h"
#include "input.h"
#include "lock.h"
#include "pipeline.h"
#include "progress.h"
#include "report.h"
#include "rules.h"
#include "sandbox.h"
#include "selfid.h"
#include "settings.h"
#include "shard.h"
#include "store.h"
#include "timing.h"

#define SCREENER_VERSION "0.1"
/* Jobs in flight per worker: enough to keep workers busy, few enough
 * that memory stays flat however large the inbox. */
#define IN_FLIGHT_PER_WORKER 2
#define ANSWERS_MAX (64u * 1024u)
/* Applicants stored per transaction: at most this many, and a batch is
 * committed once this old, or as soon as the workers keep the writer
 * waiting that long, so the write lock is never held for long and a
 * kill loses at most a fraction of a second of work (never a committed
 * applicant). */
#define BATCH_APPLICANTS 64u
#define BATCH_US (G_USEC_PER_SEC / 10)

struct run {
	char *inbox, *criteria, *db, *reports, *as_of;
	int jobs;
	int settle;		/* seconds; 0: take files as they are */
	gboolean quiet;
	gboolean json;		/* the summary as one JSON object */
	gboolean check_sandbox;	/* print the confinement layers, exit */
	gboolean times;		/* hidden: time per stage on stderr */
	char *shard_spec;	/* --shard K/N or auto */
	gint shards;		/* --shards N, with --shard auto */
	struct shard shard;	/* n == 0: the whole inbox */
	gboolean blind;		/* --blind (or the profile's blind) */

	struct ruleset *rs;
	struct score_config *score;
	struct store *st;
	struct progress *progress;
	gint64 run_id;
	struct caps caps;
	guint docs_total, docs_done, fresh_failures, extracted, screened;
	guint left;		/* applicants left for the next run */
	bool failed;
	/* Content hashes being extracted by jobs still in flight: the same
	 * content in another applicant waits for it to be stored rather
	 * than being extracted twice. */
	GHashTable *pending;
	/* Voluntary self-identification read from answers files, key ->
	 * struct selfid: kept here, beside the jobs and never in them, so
	 * nothing that scores can see it; stored apart after the run. */
	GHashTable *selfids;
	gint64 batch_start;	/* when the open store batch began */
	guint batch_n;		/* applicants in it */
};

static void fail_line(struct run *r, const char *name, const char *reason)
{
	g_autofree char *shown = escape_name(name);

	progress_clear(r->progress);
	fprintf(stderr, "screener run: %s: %s\n", shown, reason);
}

static char *now_iso(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();

	return g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The form answer from an applicant's answers file; false with err
 * when it cannot be read. */
static bool form_of(struct run *r, const char *key,
		    const struct input_origin *at, enum score_form *form,
		    GError **err)
{
	struct selfid *id;
	struct caps c = r->caps;
	struct input *in;

	c.file_bytes = ANSWERS_MAX;
	in = input_read_origin(at, &c, err);
	if (!in)
		return false;
	*form = inbox_parse_answers(g_bytes_get_data(in->data, NULL),
				    g_bytes_get_size(in->data));
	id = g_new(struct selfid, 1);
	*id = selfid_parse(g_bytes_get_data(in->data, NULL),
			   g_bytes_get_size(in->data));
	g_hash_table_replace(r->selfids, g_strdup(key), id);
	input_free(in);
	return true;
}

/* The same, an unreadable file counting as no answer (and reported). */
static enum score_form read_form(struct run *r, const char *key,
				  const struct input_origin *at)
{
	g_autoptr(GError) err = NULL;
	enum score_form form = SCORE_FORM_NONE;

	if (!form_of(r, key, at, &form, &err)) {
		fail_line(r, at->name, err->message);
		r->failed = true;
		return SCORE_FORM_NONE;
	}
	return form;
}

/* A file's identity on disk: inode, size, mtime and ctime.  The same
 * string means the same bytes as far as the file system can tell (git's
 * index works the same way).  NULL when the file changed less than
 * STAT_TRUST_US ago: a write in the same clock tick as our read could
 * leave every field as it was.  Nobody can set a ctime back, so a
 * change after this moment always shows. */
#define STAT_TRUST_US (2 * G_USEC_PER_SEC)

static char *file_stat(const struct inbox_file *f, gint64 now)
{
	if (now - f->ctime_us < STAT_TRUST_US)
		return NULL;
	return g_strdup_printf("%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT
			       ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
			       f->ino, f->size, f->mtime_us, f->ctime_us);
}

/* Add d to job unless the same content is already in it (the same
 * content twice is one document); false when d was dropped (freed). */
static bool job_add(struct pipeline_job *job, GHashTable *seen,
		    struct pipeline_doc *d)
{
	if (g_hash_table_contains(seen, d->sha256)) {
		pipeline_doc_free(d);
		return false;
	}
	g_hash_table_add(seen, g_strdup(d->sha256));
	g_ptr_array_add(job->docs, d);
	return true;
}

/* The applicant's job with content hashes from the store alone, when
 * every file has the stat it was stored with: no document is read.
 * NULL when one is new, changed, too young or the answers file cannot
 * be read: then prepare() reads everything and reports what fails. */
static struct pipeline_job *job_by_stat(struct run *r,
					const struct inbox_applicant *ia)
{
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash,
							   g_str_equal, g_free,
							   NULL);
	struct pipeline_job *job = pipeline_job_new(ia->key);
	gint64 now = g_get_real_time();
	guint i;

	for (i = 0; i < ia->files->len; i++) {
		const struct inbox_file *f = g_ptr_array_index(ia->files, i);
		g_autofree char *stat = file_stat(f, now);
		g_autofree char *sha = stat ? store_sha_by_stat(r->st, ia->key,
								f->name, stat) :
					      NULL;
		struct pipeline_doc *d;

		if (!sha || strlen(sha) != 64) {
			pipeline_job_free(job);
			return NULL;
		}
		d = pipeline_doc_new(f->name);
		memcpy(d->sha256, sha, sizeof(d->sha256));
		job_add(job, seen, d);
	}
	if (ia->answers &&
	    !form_of(r, ia->key, &ia->answers_origin, &job->form, NULL)) {
		pipeline_job_free(job);
		return NULL;
	}
	pipeline_job_hash(job, ruleset_hash(r->rs), r->as_of);
	return job;
}

/* True when f was modified within the last r->settle seconds (either
 * way, so a clock a little ahead of ours does not hide a live copy). */
static bool too_young(const struct run *r, const struct inbox_file *f)
{
	gint64 age = g_get_real_time() - f->mtime_us;

	return r->settle > 0 &&
	       ABS(age) < (gint64)r->settle * G_USEC_PER_SEC;
}

/* True when f's size or mtime is no longer what the scan saw (checked
 * after its bytes were read). */
static bool changed_since_scan(const struct inbox_file *f)
{
	struct stat st;

	if (lstat(f->path, &st) != 0)
		return false;	/* gone: the read error says so */
	return st.st_size != f->size || inbox_mtime_us(&st) != f->mtime_us;
}

/* Read an applicant's files (bytes and content hash) and its form
 * answer; the store is looked up later, only if the applicant changed.
 * NULL without an error when a file is still being written (*left). */
static struct pipeline_job *prepare(struct run *r,
				    const struct inbox_applicant *ia,
				    bool *left, GError **err)
{
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash,
							   g_str_equal, g_free,
							   NULL);
	struct pipeline_job *job;
	gint64 now = g_get_real_time();
	guint i;

	*left = false;
	for (i = 0; i < ia->files->len; i++)
		if (too_young(r, g_ptr_array_index(ia->files, i))) {
			*left = true;
			return NULL;
		}
	job = pipeline_job_new(ia->key);
	if (ia->answers)
		job->form = read_form(r, ia->key, &ia->answers_origin);
	for (i = 0; i < ia->files->len; i++) {
		const struct inbox_file *f = g_ptr_array_index(ia->files, i);
		struct pipeline_doc *d = pipeline_doc_new(f->name);
		struct input *in;

		d->cover_hint = f->cover_hint;
		d->stat = file_stat(f, now);
		in = input_read_origin(&f->origin, &r->caps, &d->read_error);
		if (in) {
			memcpy(d->sha256, in->sha256, sizeof(d->sha256));
			d->size = g_bytes_get_size(in->data);
			d->data = g_bytes_ref(in->data);
			input_free(in);
			if (r->settle > 0 && changed_since_scan(f)) {
				pipeline_doc_free(d);
				pipeline_job_free(job);
				*left = true;
				return NULL;
			}
		} else {
			/* No content hash: a stable stand-in, so the row
			 * is the same on every run. */
			g_autofree char *h = g_compute_checksum_for_string(
				G_CHECKSUM_SHA256, f->name, -1);

			g_snprintf(d->sha256, sizeof(d->sha256), "%s", h);
			d->sha256[0] = 'x';
		}
		if (!job_add(job, seen, d)) {
			r->docs_total--;
			progress_total(r->progress, r->docs_total);
		}
	}
	pipeline_job_hash(job, ruleset_hash(r->rs), r->as_of);
	return job;
}

static bool store_result(struct run *r, struct store_applicant *a,
			 GError **err)
{
	guint i;

	for (i = 0; i < a->docs->len; i++) {
		const struct store_doc *d = g_ptr_array_index(a->docs, i);

		r->docs_done++;
		if (d->fresh && d->ok)
			r->extracted++;
		if (d->fresh && !d->ok) {
			fail_line(r, d->path, d->error);
			r->fresh_failures++;
			r->failed = true;
		}
	}
	/* A rule that failed here (match limit) was skipped for this
	 * applicant only: its score stands without it, and the run says so
	 * and exits "some files failed". */
	for (i = 0; i < a->rule_errors->len; i++) {
		fail_line(r, a->key, a->rule_errors->pdata[i]);
		r->failed = true;
	}
	r->screened++;
	return store_put_applicant(r->st, r->run_id, ruleset_hash(r->rs),
				   r->as_of, a, err);
}

static bool put_criteria(struct run *r, GError **err)
{
	guint n = ruleset_n_criteria(r->rs), i;
	g_autofree struct store_criterion *c =
		g_new0(struct store_criterion, n + 1);

	for (i = 0; i < n; i++) {
		const struct criterion *cr = ruleset_criterion(r->rs, i);

		c[i].id = cr->id;
		c[i].title = cr->title;
		c[i].weight = cr->weight;
		c[i].scored = cr->scored;
	}
	return store_put_criteria(r->st, ruleset_hash(r->rs), c, n, err);
}

/* Look up every document of job in the store.  *wait is set when one
 * is new but already being extracted for another applicant. */
static bool lookup_docs(struct run *r, struct pipeline_job *job, bool *wait,
			GError **err)
{
	guint i;

	*wait = false;
	for (i = 0; i < job->docs->len; i++) {
		struct pipeline_doc *d = g_ptr_array_index(job->docs, i);

		if (!d->data)
			continue;
		store_known_clear(&d->known);
		if (!store_lookup_document(r->st, d->sha256, &d->known, err))
			return false;
		if (!d->known.found &&
		    g_hash_table_contains(r->pending, d->sha256))
			*wait = true;
	}
	return true;
}

static void mark_pending(struct run *r, const struct pipeline_job *job)
{
	guint i;

	for (i = 0; i < job->docs->len; i++) {
		const struct pipeline_doc *d = g_ptr_array_index(job->docs, i);

		if (d->data && !d->known.found)
			g_hash_table_add(r->pending, g_strdup(d->sha256));
	}
}

/* The pending set is keyed by the results too: a stored applicant's
 * documents are no longer pending. */
static void unmark_result(struct run *r, const struct store_applicant *a)
{
	guint i;

	for (i = 0; i < a->docs->len; i++) {
		const struct store_doc *d = g_ptr_array_index(a->docs, i);

		g_hash_table_remove(r->pending, d->sha256);
	}
}

static void stat_clear(gpointer p)
{
	struct store_stat *x = p;

	g_free(x->key);
	g_free(x->path);
	g_free(x->sha256);
	g_free(x->stat);
}

/* An unchanged applicant whose files had to be read (new stat: copied
 * or renamed in, touched): remember their stat, so the next run need
 * not read them. */
static void keep_stats(const struct pipeline_job *job, GArray *restat)
{
	guint i;

	for (i = 0; i < job->docs->len; i++) {
		const struct pipeline_doc *d = g_ptr_array_index(job->docs, i);
		struct store_stat x = {
			g_strdup(job->key), g_strdup(d->name),
			g_strdup(d->sha256), g_strdup(d->stat),
		};

		if (!d->stat || !d->data) {
			stat_clear(&x);
			continue;
		}
		g_array_append_val(restat, x);
	}
}

/* The next finished applicant: waits, committing the open batch
 * first when nothing comes before it is BATCH_US old. */
static struct store_applicant *next_result(struct run *r, struct pipeline *p,
					   bool *ok, GError **err)
{
	struct store_applicant *a = NULL;

	if (store_in_batch(r->st))
		a = pipeline_pop_timeout(p, r->batch_start + BATCH_US -
					    timing_now());
	if (a)
		return a;
	if (!store_batch_end(r->st, *ok ? err : NULL))
		*ok = false;
	return pipeline_pop(p);
}

/* Store a in the open batch, opening one if need be, and commit the
 * batch once it is full or BATCH_US old. */
static bool store_batched(struct run *r, struct store_applicant *a,
			  GError **err)
{
	if (!store_in_batch(r->st)) {
		if (!store_batch_begin(r->st, err))
			return false;
		r->batch_start = timing_now();
		r->batch_n = 0;
	}
	if (!store_result(r, a, err))
		return false;
	if (++r->batch_n < BATCH_APPLICANTS &&
	    timing_now() - r->batch_start < BATCH_US)
		return true;
	return store_batch_end(r->st, err);
}

/* The next finished applicant, stored; the wait is timed apart from
 * the store so a bench can tell a starved writer from a slow one. */
static bool store_next(struct run *r, struct pipeline *p, bool ok,
		       GError **err)
{
	gint64 t = timing_now();
	g_autoptr(store_applicant) a = next_result(r, p, &ok, err);

	t = timing_add(TIMING_WAIT, t);
	unmark_result(r, a);
	if (ok)
		ok = store_batched(r, a, err);
	timing_add(TIMING_STORE, t);
	progress_update(r->progress, r->docs_done, r->fresh_failures);
	return ok;
}

/* The unchanged applicants seen by this run, and the new stat of the
 * files that had to be read to know it. */
static bool mark_seen(struct run *r, GPtrArray *unchanged, GArray *restat,
		      GError **err)
{
	gint64 t = timing_now();
	bool ok = store_applicants_seen(r->st,
		(const char *const *)unchanged->pdata, unchanged->len,
		r->run_id, err) &&
		store_set_stats(r->st, (const struct store_stat *)restat->data,
				restat->len, err);

	timing_add(TIMING_STORE, t);
	return ok;
}

static bool screen_all(struct run *r, const struct inbox *ib, GError **err)
{
	struct pipeline_config pc = {
		.rs = r->rs, .score = r->score, .as_of = r->as_of,
		.self_exe = sandbox_self_exe(), .caps = r->caps, .jobs = r->jobs,
	};
	/* keys borrowed from ib */
	g_autoptr(GPtrArray) unchanged = g_ptr_array_new();
	g_autoptr(GArray) restat = g_array_new(FALSE, FALSE,
					       sizeof(struct store_stat));
	struct pipeline *p;
	guint i, in_flight = 0, window;
	bool ok = true;

	g_array_set_clear_func(restat, stat_clear);
	for (i = 0; i < ib->applicants->len; i++) {
		const struct inbox_applicant *a =
			g_ptr_array_index(ib->applicants, i);

		r->docs_total += a->files->len;
	}
	for (i = 0; i < ib->skipped->len; i++) {
		const struct inbox_skip *s = g_ptr_array_index(ib->skipped, i);
		bool fresh;

		if (!store_put_skip(r->st, r->run_id, s->name, s->key,
				    s->reason, &fresh, err))
			return false;
		if (fresh) {
			fail_line(r, s->name, s->reason);
			r->fresh_failures++;
			r->failed = true;
		}
	}
	progress_total(r->progress, r->docs_total);
	p = pipeline_new(&pc);
	window = MAX(pc.jobs, 1u) * IN_FLIGHT_PER_WORKER;
	for (i = 0; i < ib->applicants->len && ok; i++) {
		const struct inbox_applicant *ia =
			g_ptr_array_index(ib->applicants, i);
		g_autofree char *had = NULL;
		bool wait = false, left;
		gint64 t = timing_now();
		struct pipeline_job *job;

		had = store_current_inputs(r->st, ia->key, ruleset_hash(r->rs));
		job = had ? job_by_stat(r, ia) : NULL;
		if (job && strcmp(had, job->inputs_hash) == 0) {
			/* Unchanged, known without reading a byte. */
			timing_add(TIMING_READ, t);
			r->docs_done += job->docs->len;
			r->docs_total -= ia->files->len - job->docs->len;
			pipeline_job_free(job);
			g_ptr_array_add(unchanged, ia->key);
			progress_update(r->progress, r->docs_done,
					r->fresh_failures);
			continue;
		}
		pipeline_job_free(job);
		job = prepare(r, ia, &left, err);
		t = timing_add(TIMING_READ, t);
		if (!job && left) {
			/* Its previous result, if any, stays current. */
			r->left++;
			r->docs_total -= ia->files->len;
			progress_total(r->progress, r->docs_total);
			g_ptr_array_add(unchanged, ia->key);
			continue;
		}
		if (!job) {
			ok = false;
			break;
		}
		if (had && strcmp(had, job->inputs_hash) == 0) {
			/* Unchanged: nothing to extract, score or add. */
			timing_add(TIMING_STORE, t);
			r->docs_done += job->docs->len;
			keep_stats(job, restat);
			pipeline_job_free(job);
			g_ptr_array_add(unchanged, ia->key);
			progress_update(r->progress, r->docs_done,
					r->fresh_failures);
			continue;
		}
		ok = lookup_docs(r, job, &wait, err);
		timing_add(TIMING_STORE, t);
		/* Same content in flight for another applicant: let it be
		 * stored, then use the stored copy. */
		while (ok && wait && in_flight > 0) {
			in_flight--;
			ok = store_next(r, p, ok, err) &&
			     lookup_docs(r, job, &wait, err);
		}
		if (!ok) {
			pipeline_job_free(job);
			break;
		}
		mark_pending(r, job);
		pipeline_push(p, job);
		in_flight++;
		while (ok && in_flight >= window) {
			in_flight--;
			ok = store_next(r, p, ok, err);
		}
	}
	while (in_flight > 0) {
		in_flight--;
		ok = store_next(r, p, ok, err);
	}
	pipeline_free(p);
	/* What is stored is committed, even when the run stops on an
	 * error. */
	if (!store_batch_end(r->st, ok ? err : NULL))
		ok = false;
	return ok && mark_seen(r, unchanged, restat, err);
}

static int exit_for(const GError *e)
{
	return error_exit_status(e);
}

/* The end-of-run summary on stdout; the last line alone depends on the
 * clock, so scripts and tests can drop it. */
static void summary(const struct run *r, const struct store_counts *c,
		    double secs)
{
	printf("applicants: %u (%u screened)\n", c->applicants, r->screened);
	printf("documents: %u (%u extracted)\n", r->docs_done, r->extracted);
	printf("advanced: %u\narchived: %u\nknocked out: %u\n"
	       "needs review: %u\nfailed files: %u\n", c->advanced,
	       c->archived, c->knocked_out, c->needs_review,
	       c->failed_files);
	if (r->left)
		printf("left for the next run: %u (still being written)\n",
		       r->left);
	printf("time: %.2f s (%.1f documents/s)\n", secs,
	       secs > 0 ? r->docs_done / secs : 0.0);
}

/* The same as one JSON object on one line (keys documented in
 * screener(1)); seconds alone depends on the clock. */
static void summary_json(const struct run *r, const struct store_counts *c,
			 double secs)
{
	printf("{\"applicants\":%u,\"screened\":%u,\"documents\":%u,"
	       "\"extracted\":%u,\"advanced\":%u,\"archived\":%u,"
	       "\"knocked_out\":%u,\"needs_review\":%u,"
	       "\"failed_files\":%u,\"left_for_next_run\":%u,"
	       "\"seconds\":%.2f}\n", c->applicants, r->screened,
	       r->docs_done, r->extracted, c->advanced, c->archived,
	       c->knocked_out, c->needs_review, c->failed_files, r->left,
	       secs);
}

/* The reports, unless those in r->reports were written from exactly
 * this data (and rule set) and are all there: an unchanged inbox then
 * writes nothing.  "screener report" always rewrites them. */
static bool write_reports(struct run *r, GError **err)
{
	static const char *const files[] = {
		"ranking.csv", "evidence.csv", "errors.csv", "html/index.html",
	};
	g_autofree char *data = store_data_version(r->st);
	g_autofree char *dir = g_canonicalize_filename(r->reports, NULL);
	g_autofree char *had = store_output_version(r->st, dir);
	g_autofree char *version = g_strdup_printf(
		"%s %s %s%s", data, ruleset_hash(r->rs), SCREENER_VERSION,
		r->blind ? " blind" : "");
	g_autoptr(GPtrArray) problems = NULL;
	bool all = true;
	guint i;

	for (i = 0; i < G_N_ELEMENTS(files) && all; i++) {
		g_autofree char *path = g_build_filename(dir, files[i], NULL);

		all = g_file_test(path, G_FILE_TEST_IS_REGULAR);
	}
	if (all && had && strcmp(had, version) == 0)
		return true;
	problems = g_ptr_array_new_with_free_func(g_free);
	if (!report_write(r->st, r->reports, r->jobs, problems, err))
		return false;
	/* A document that could not be annotated costs only its copy; the
	 * run's status is unchanged. */
	for (i = 0; i < problems->len; i++)
		fprintf(stderr, "screener run: annotated copy of %s\n",
			(const char *)g_ptr_array_index(problems, i));
	/* A copy that could not be made is tried again by the next run:
	 * the reports are not marked as written from this data. */
	if (problems->len)
		return true;
	/* Recorded only once the files are in place: a crash in between
	 * costs a rewrite, never stale reports. */
	return store_set_output_version(r->st, dir, version, err);
}

/* --shard and --shards into r->shard; false after saying what is
 * wrong. */
static bool shard_option(struct run *r)
{
	g_autoptr(GError) err = NULL;

	if (r->shards && (!r->shard_spec ||
			  strcmp(r->shard_spec, "auto") != 0)) {
		fprintf(stderr, "screener run: --shards goes with --shard "
			"auto\n");
		return false;
	}
	if (r->shards < 0 || r->shards > (gint)SHARD_MAX) {
		fprintf(stderr, "screener run: --shards: between 1 and %u\n",
			SHARD_MAX);
		return false;
	}
	if (!r->shard_spec)
		return true;
	if (strcmp(r->shard_spec, "auto") == 0 ?
	    shard_from_env(r->shards, &r->shard, &err) :
	    shard_parse(r->shard_spec, &r->shard, &err))
		return true;
	fprintf(stderr, "screener run: --shard: %s\n", err->message);
	return false;
}

/* "--check-sandbox": each layer of the children's confinement as this
 * machine gives it.  0 all there, 1 some missing, 4 no child. */
static int check_sandbox(void)
{
	g_autoptr(GError) err = NULL;
	g_autoptr(GPtrArray) layers = sandbox_check(sandbox_self_exe(), &err);
	int rc = EXIT_OK;

	if (!layers) {
		fprintf(stderr, "screener run: %s\n", err->message);
		return EXIT_FATAL;
	}
	for (guint i = 0; i < layers->len; i++) {
		const struct sandbox_layer *l = g_ptr_array_index(layers, i);

		printf("%-20s %-3s %s\n", l->name, l->ok ? "yes" : "no",
		       l->detail);
		if (!l->ok)
			rc = EXIT_SOME_FAILED;
	}
	return rc;
}

/* Once per run, each layer this machine does not give the children;
 * the run goes on with the others. */
static void say_missing_layers(void)
{
	g_autoptr(GError) err = NULL;
	g_autoptr(GPtrArray) layers = sandbox_check(sandbox_self_exe(), &err);

	if (!layers) {
		fprintf(stderr, "screener run: %s\n", err->message);
		return;
	}
	for (guint i = 0; i < layers->len; i++) {
		const struct sandbox_layer *l = g_ptr_array_index(layers, i);

		if (!l->ok)
			fprintf(stderr, "screener run: sandbox: no %s (%s); "
				"going on without it\n", l->name, l->detail);
	}
}

/* Files of the listing modified less than --settle seconds ago are
 * probably still being copied in: wait until each has been left alone
 * that long, at most --settle seconds from now.  Then prepare() takes
 * them, and leaves for the next run those that changed meanwhile (no
 * longer the size or mtime listed) or whose mtime is in the future. */
static void settle_wait(const struct run *r, const struct inbox *ib)
{
	gint64 now = g_get_real_time(), span, until;
	guint young = 0, i, j;

	if (r->settle <= 0)
		return;
	span = (gint64)r->settle * G_USEC_PER_SEC;
	until = now;
	for (i = 0; i < ib->applicants->len; i++) {
		const struct inbox_applicant *a =
			g_ptr_array_index(ib->applicants, i);

		for (j = 0; j < a->files->len; j++) {
			const struct inbox_file *f =
				g_ptr_array_index(a->files, j);

			if (ABS(now - f->mtime_us) < span) {
				young++;
				until = MAX(until, f->mtime_us + span);
			}
		}
	}
	if (!young)
		return;
	until = MIN(until, now + span);
	/* A normal event, not a problem: cron's --quiet hears nothing. */
	if (!r->quiet)
		fprintf(stderr, "screener run: %u file%s modified in the last "
			"%d s: waiting %.1f s for %s to settle\n", young,
			young == 1 ? "" : "s", r->settle,
			(until - now) / (double)G_USEC_PER_SEC,
			young == 1 ? "it" : "them");
	g_usleep(until - now);
}

/* Every applicant of the inbox with its self-identification, "Unknown"
 * without an answers file, into the store's table of its own. */
static bool put_self_ids(struct run *r, const struct inbox *ib, GError **err)
{
	guint n = ib->applicants->len;
	g_autofree struct store_self_id *items =
		g_new0(struct store_self_id, n + 1);

	guint k = 0;

	for (guint i = 0; i < n; i++) {
		const struct inbox_applicant *ia = ib->applicants->pdata[i];
		const struct selfid *id = g_hash_table_lookup(r->selfids,
							      ia->key);

		/* an answers file not read this time (left for the next
		 * run, unreadable): what is stored stands */
		if (ia->answers && !id)
			continue;
		items[k].key = ia->key;
		items[k].sex = id ? id->sex : SELFID_UNKNOWN;
		items[k].race = id ? id->race : SELFID_UNKNOWN;
		k++;
	}
	return store_put_self_ids(r->st, items, k, err);
}

/* The profile's retention_days: applicants not in the inbox for longer
 * are erased (the others ranked again without them). */
static bool retention(struct run *r, struct store_counts *counts,
		      GError **err)
{
	guint days = ruleset_profile(r->rs)->retention_days;
	g_autoptr(GPtrArray) keys = NULL;

	if (!days)
		return true;
	keys = store_expired(r->st, days, err);
	if (!keys)
		return false;
	if (!keys->len)
		return true;
	if (!erase_keys(r->st, keys, "retention", "retention", NULL, NULL,
			err))
		return false;
	*counts = (struct store_counts){ 0 };
	if (!store_finish_ranking(r->st, r->run_id, r->score, counts, err))
		return false;
	if (!r->quiet)
		printf("erased: %u (not in the inbox for over %u days)\n",
		       keys->len, days);
	return true;
}

static int run_locked(struct run *r, const struct inbox *ib, GError **err)
{
	g_autofree char *started = now_iso();
	g_autofree char *finished = NULL;
	/* Absolute, so that screener report finds the originals (for the
	 * annotated copies and the pages' links) from any folder. */
	g_autofree char *inbox_dir = g_canonicalize_filename(r->inbox, NULL);
	struct store_run sr = {
		.started = started, .tool_version = SCREENER_VERSION,
		.ruleset_hash = ruleset_hash(r->rs),
		.ruleset_dir = r->criteria, .as_of = r->as_of,
		.inbox = inbox_dir,
	};
	g_autofree char *shard = r->shard.n ? shard_name(&r->shard) : NULL;
	struct store_counts counts = { 0 };
	gint64 t0 = g_get_monotonic_time(), t;
	int rc = EXIT_OK;

	sr.shard = shard;
	r->st = store_open(r->db, err);
	if (!r->st)
		return exit_for(*err);
	r->run_id = store_run_begin(r->st, &sr, err);
	if (!r->run_id ||
	    (r->blind && !store_set_run_blind(r->st, r->run_id, true, err)) ||
	    !put_criteria(r, err))
		return exit_for(*err);
	r->progress = progress_new(stderr, r->quiet, 0);
	if (!screen_all(r, ib, err))
		return exit_for(*err);
	t = timing_now();
	if (!store_finish_ranking(r->st, r->run_id, r->score, &counts, err) ||
	    !put_self_ids(r, ib, err) || !retention(r, &counts, err))
		return exit_for(*err);
	t = timing_add(TIMING_RANK, t);
	counts.failed_files = r->fresh_failures;
	counts.screened = r->screened;
	counts.extracted = r->extracted;
	finished = now_iso();
	if (!store_run_finish(r->st, r->run_id, finished, &counts, err))
		return exit_for(*err);
	progress_clear(r->progress);
	if (!write_reports(r, err))
		return EXIT_FATAL;
	timing_add(TIMING_REPORT, t);
	if (r->times) {
		timing_print(stderr);
		fprintf(stderr, "peak RSS of a child: extraction %.1f MB, "
			"annotation %.1f MB\n", sandbox_peak_rss_mb(false),
			sandbox_peak_rss_mb(true));
	}
	if (r->failed)
		rc = EXIT_SOME_FAILED;
	if (r->json)
		summary_json(r, &counts, (g_get_monotonic_time() - t0) /
			     (double)G_USEC_PER_SEC);
	else if (!r->quiet)
		summary(r, &counts, (g_get_monotonic_time() - t0) /
			(double)G_USEC_PER_SEC);
	return rc;
}

int cmd_run(int argc, char **argv)
{
	struct run r = { .jobs = 0 };
	gint wall = caps_default().wall_seconds;
	g_autofree char *config = NULL;
	g_autofree char *jobs = NULL;
	g_autofree char *settle = NULL;
	g_autoptr(settings) set = NULL;
	g_auto(cli_ocr) ocr = { 0 };
	GOptionEntry ocr_entries[3];
	GOptionEntry entries[] = {
		CLI_OPTION_CONFIG(config),
		{ "inbox", 0, 0, G_OPTION_ARG_FILENAME, &r.inbox,
		  "folder of applicants (default: a checkout's samples,\n"
		  "                         else ./inbox)", "DIR" },
		{ "criteria", 0, 0, G_OPTION_ARG_FILENAME, &r.criteria,
		  "rule set folder (default: the installed\n"
		  "                         integration-engineer)", "DIR" },
		{ "db", 0, 0, G_OPTION_ARG_FILENAME, &r.db,
		  "database (default reports/screen.db)", "FILE" },
		{ "reports", 0, 0, G_OPTION_ARG_FILENAME, &r.reports,
		  "report folder (default reports)", "DIR" },
		{ "as-of", 0, 0, G_OPTION_ARG_STRING, &r.as_of,
		  "what \"present\" means in date ranges (default today)",
		  "YYYY-MM-DD" },
		{ "jobs", 'j', 0, G_OPTION_ARG_STRING, &jobs,
		  "workers, each with its own extraction process\n                         (default: the number of cores)", "N" },
		{ "settle", 0, 0, G_OPTION_ARG_STRING, &settle,
		  "wait for files modified less than SECONDS ago to be\n"
		  "                         left alone that long (at most SECONDS);"
		  " files\n                         still changing are left for"
		  " the next run\n                         (default 5, 0: take"
		  " files as they are)", "SECONDS" },
		{ "wall-seconds", 0, 0, G_OPTION_ARG_INT, &wall,
		  "wall-clock limit per file (default 30)", "N" },
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &r.quiet,
		  "print nothing unless something failed", NULL },
		{ "json", 0, 0, G_OPTION_ARG_NONE, &r.json,
		  "the summary as one JSON object on stdout", NULL },
		{ "blind", 0, 0, G_OPTION_ARG_NONE, &r.blind,
		  "blind review: reports hide who applicants are\n"
		  "                         (also the profile's [privacy] blind = true)",
		  NULL },
		{ "times", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE,
		  &r.times, "time per stage on stderr (make bench)", NULL },
		{ "shard", 0, 0, G_OPTION_ARG_STRING, &r.shard_spec,
		  "screen only shard K of N (from 0) of the applicants,\n"
		  "                         or auto: from SLURM_ARRAY_TASK_ID or\n"
		  "                         JOB_COMPLETION_INDEX (see screener merge)",
		  "K/N|auto" },
		{ "shards", 0, 0, G_OPTION_ARG_INT, &r.shards,
		  "the number of shards, with --shard auto", "N" },
		{ "check-sandbox", 0, 0, G_OPTION_ARG_NONE, &r.check_sandbox,
		  "print what confines the parsers on this machine, and\n"
		  "                         exit (1: a layer is missing)", NULL },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx =
		g_option_context_new("- screen an inbox of applicants");
	g_autoptr(GError) err = NULL;
	g_autofree char *lock_path = NULL;
	g_autofree char *db_dir = NULL;
	g_autoptr(inbox) ib = NULL;
	struct lock *lk;
	int rc;

	g_option_context_add_main_entries(ctx, entries, NULL);
	cli_ocr_entries(&ocr, ocr_entries);
	g_option_context_add_main_entries(ctx, ocr_entries, NULL);
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	/* Over a file-size limit, let write() fail with a message instead
	 * of the signal killing the run half-way. */
	signal(SIGXFSZ, SIG_IGN);
	/* A document's bytes, its encoding and an annotated copy are large
	 * and short-lived, allocated by one thread and freed by another:
	 * with glibc's sliding mmap threshold they end up in the threads'
	 * heaps and stay there.  A fixed threshold hands each back to the
	 * system when freed, so the parent's memory does not grow with the
	 * inbox. */
	(void)mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	rc = EXIT_USAGE;
	if (argc > 1) {
		fprintf(stderr, "screener run: unexpected argument '%s'\n",
			argv[1]);
		goto out;
	}
	if (r.check_sandbox) {
		rc = check_sandbox();
		goto out;
	}
	if (!shard_option(&r))
		goto out;
	set = settings_load(config, &err);
	if (!set) {
		fprintf(stderr, "screener run: %s\n", err->message);
		goto out;
	}
	settings_override(set, SETTINGS_INBOX, r.inbox, "--inbox");
	settings_override(set, SETTINGS_CRITERIA, r.criteria, "--criteria");
	settings_override(set, SETTINGS_DATABASE, r.db, "--db");
	settings_override(set, SETTINGS_REPORTS, r.reports, "--reports");
	settings_override(set, SETTINGS_JOBS, jobs, "--jobs");
	settings_override(set, SETTINGS_SETTLE, settle, "--settle");
	settings_override(set, SETTINGS_OCR, ocr.mode, "--ocr");
	g_free(r.inbox);
	g_free(r.criteria);
	g_free(r.db);
	g_free(r.reports);
	r.inbox = g_strdup(settings_value(set, SETTINGS_INBOX));
	r.criteria = g_strdup(settings_value(set, SETTINGS_CRITERIA));
	/* A shard's own folder unless told otherwise, so shards never
	 * share a report. */
	if (r.shard.n && !strcmp(settings_origin(set, SETTINGS_REPORTS),
				 "default"))
		r.reports = g_strdup_printf("reports/shard-%u-of-%u",
					    r.shard.k, r.shard.n);
	else
		r.reports = g_strdup(settings_value(set, SETTINGS_REPORTS));
	if (r.shard.n && !strcmp(settings_origin(set, SETTINGS_DATABASE),
				 "default"))
		r.db = g_build_filename(r.reports, "screen.db", NULL);
	else
		r.db = g_strdup(settings_value(set, SETTINGS_DATABASE));
	if (!settings_int(set, SETTINGS_JOBS, 0, 256, &r.jobs, &err) ||
	    !settings_int(set, SETTINGS_SETTLE, 0, 3600, &r.settle, &err)) {
		fprintf(stderr, "screener run: %s\n", err->message);
		goto out;
	}
	if (!r.as_of) {
		g_autoptr(GDateTime) now = g_date_time_new_now_local();

		r.as_of = g_date_time_format(now, "%Y-%m-%d");
	} else if (!cli_valid_date(r.as_of)) {
		fprintf(stderr, "screener run: --as-of: not a date "
			"YYYY-MM-DD\n");
		goto out;
	}
	if (wall < 1 || wall > 3600) {
		fprintf(stderr, "screener run: --wall-seconds: between 1 and "
			"3600\n");
		goto out;
	}
	if (r.jobs == 0)
		r.jobs = MAX(g_get_num_processors(), 1u);
	r.caps = caps_default();
	r.caps.wall_seconds = wall;
	g_free(ocr.mode);
	ocr.mode = g_strdup(settings_value(set, SETTINGS_OCR));
	if (strcmp(ocr.mode, "auto") != 0 && strcmp(ocr.mode, "off") != 0) {
		fprintf(stderr, "screener run: %s: ocr: auto or off\n",
			settings_origin(set, SETTINGS_OCR));
		goto out;
	}
	if (!cli_ocr_apply(&ocr, "run", &r.caps))
		goto out;
	r.pending = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					  NULL);
	r.rs = ruleset_load(r.criteria, &err);
	if (!r.rs) {
		fprintf(stderr, "screener run: %s\n", err->message);
		goto out;
	}
	r.score = score_config_from_ruleset(r.rs);
	r.blind = r.blind || ruleset_profile(r.rs)->blind;
	r.selfids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					  g_free);
	/* The inbox is listed before anything is written, so a wrong
	 * --inbox leaves no database behind. */
	ib = inbox_scan(r.inbox, ruleset_profile(r.rs)->answers_file, &err);
	if (!ib) {
		g_autofree char *shown = escape_name(r.inbox);

		fprintf(stderr, "screener run: %s: %s\n", shown, err->message);
		goto out;
	}
	shard_filter_inbox(ib, &r.shard);
	db_dir = g_path_get_dirname(r.db);
	lock_path = g_strconcat(r.db, ".lock", NULL);
	if (!atomic_mkdir(db_dir, &err) ||
	    !(lk = lock_acquire(lock_path, &err))) {
		fprintf(stderr, "screener run: %s\n", err->message);
		rc = exit_for(err);
		goto out;
	}
	say_missing_layers();
	settle_wait(&r, ib);
	rc = run_locked(&r, ib, &err);
	if (err) {
		progress_clear(r.progress);
		fprintf(stderr, "screener run: %s\n", err->message);
	}
	store_close(r.st);
	lock_release(lk);
out:
	progress_free(r.progress);
	if (r.pending)
		g_hash_table_destroy(r.pending);
	if (r.selfids)
		g_hash_table_destroy(r.selfids);
	score_config_free(r.score);
	ruleset_free(r.rs);
	g_free(r.inbox);
	g_free(r.criteria);
	g_free(r.db);
	g_free(r.reports);
	g_free(r.as_of);
	g_free(r.shard_spec);
	return rc;
}
