/*
 * cmd_merge.c - "screener merge": put the databases of a sharded run
 * ("screener run --shard K/N") together into one, rank every applicant
 * of every shard in one ranking and write the reports from it.
 *
 * Owns the command's options, the checks that the shards belong
 * together, and the order of work: read every shard's latest run under
 * its lock; refuse, before writing anything, shards that are not (a
 * database screened without --shard, a run that never finished), that
 * repeat a shard, split the inbox another way or were screened with
 * another rule set, --as-of or inbox than the others or than the shards
 * the merged database already holds; then copy each shard in (one
 * transaction each, store_merge.h), rank as a run does and write the
 * reports.  The ranking is made from the merged database alone, so it,
 * the duplicates, the letters' authors, the pages and the annotated
 * copies are those a single run over the whole inbox gives.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "cli.h"
#include "lock.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "shard.h"
#include "store.h"
#include "store_merge.h"

/* One shard database named on the command line. */
struct shard_db {
	const char *path;	/* borrowed from argv */
	struct store_shard_info info;
	struct shard shard;
};

static void shard_db_free(gpointer p)
{
	struct shard_db *s = p;

	store_shard_info_clear(&s->info);
	g_free(s);
}

static char *now_iso(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();

	return g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The run lock of the database at path; NULL with SE_BUSY while a run
 * holds it. */
static struct lock *shard_lock(const char *path, GError **err)
{
	g_autofree char *lock_path = g_strconcat(path, ".lock", NULL);

	return lock_acquire(lock_path, err);
}

/* Read the latest run of path's database, under its lock; SE_CONFIG
 * when it is no finished shard.  The lock is not kept (a merge of
 * thousands of shards would hold as many files open): the copy takes it
 * again and checks that the run is still the same. */
static struct shard_db *shard_open(const char *path, GError **err)
{
	struct shard_db *s = g_new0(struct shard_db, 1);
	g_autoptr(store) st = NULL;
	struct lock *lk;

	s->path = path;
	/* store_open() would make an empty database of a wrong name */
	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s: no such database", path);
		goto fail;
	}
	/* A shard still running is busy, not half merged. */
	lk = shard_lock(path, err);
	st = lk ? store_open(path, err) : NULL;
	if (!st || !store_shard_info(st, &s->info, err)) {
		lock_release(lk);
		g_prefix_error(err, "%s: ", path);
		goto fail;
	}
	lock_release(lk);
	if (!s->info.run)
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s: nothing screened into it", path);
	else if (!s->info.finished)
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s: its last run did not finish (killed?): run "
			    "that shard again", path);
	else if (!s->info.shard)
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s: not a shard (screened without --shard)",
			    path);
	else if (!shard_parse(s->info.shard, &s->shard, NULL))
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s: a merged database, not a shard", path);
	else
		return s;
fail:
	shard_db_free(s);
	return NULL;
}

/* What two shards must share to be ranked together; a is the first
 * shard, b another one or one the merged database holds (named by
 * b_name). */
static bool same_screening(const struct shard_db *a,
			   const struct store_shard_info *b,
			   const char *b_name, bool inbox_given,
			   GError **err)
{
	if (g_strcmp0(a->info.ruleset_hash, b->ruleset_hash) != 0) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s and %s were screened with different rule "
			    "sets (%s, %s): screen every shard with the same "
			    "one", a->path, b_name, a->info.ruleset_dir,
			    b->ruleset_dir);
		return false;
	}
	if (g_strcmp0(a->info.as_of, b->as_of) != 0) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s was screened as of %s, %s as of %s: screen "
			    "every shard with the same --as-of", a->path,
			    a->info.as_of, b_name, b->as_of);
		return false;
	}
	if (!inbox_given && g_strcmp0(a->info.inbox, b->inbox) != 0) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s and %s screened different inboxes (%s, %s): "
			    "give --inbox, the folder the originals are in",
			    a->path, b_name, a->info.inbox, b->inbox);
		return false;
	}
	return true;
}

/* Every shard named once, of one split, screened alike. */
static bool check_shards(GPtrArray *shards, bool inbox_given, GError **err)
{
	const struct shard_db *first = g_ptr_array_index(shards, 0);
	guint i, j;

	for (i = 1; i < shards->len; i++) {
		const struct shard_db *s = g_ptr_array_index(shards, i);

		if (s->shard.n != first->shard.n) {
			g_set_error(err, SCREENER_ERROR, SE_CONFIG,
				    "%s is shard %s, %s shard %s: shards of "
				    "different splits", first->path,
				    first->info.shard, s->path, s->info.shard);
			return false;
		}
		for (j = 0; j < i; j++) {
			const struct shard_db *o = g_ptr_array_index(shards, j);

			if (o->shard.k == s->shard.k) {
				g_set_error(err, SCREENER_ERROR, SE_CONFIG,
					    "%s and %s are both shard %s",
					    o->path, s->path, s->info.shard);
				return false;
			}
		}
		if (!same_screening(first, &s->info, s->path, inbox_given,
				    err))
			return false;
	}
	return true;
}

static bool merging(GPtrArray *shards, guint k)
{
	for (guint i = 0; i < shards->len; i++)
		if (((const struct shard_db *)g_ptr_array_index(shards, i))
			    ->shard.k == k)
			return true;
	return false;
}

/* The shards st already holds and keeps must agree with the new ones;
 * *held is how many shards it will hold. */
static bool check_held(struct store *st, const char *db, GPtrArray *shards,
		       bool inbox_given, guint *held, GError **err)
{
	const struct shard_db *first = g_ptr_array_index(shards, 0);
	bool screened = false;
	g_autoptr(GPtrArray) had = store_merged_shards(st, &screened, err);
	guint i;

	if (!had)
		return false;
	if (screened) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s: screened by screener run, not made by merge: "
			    "merge into a new database", db);
		return false;
	}
	*held = shards->len;
	for (i = 0; i < had->len; i++) {
		const struct store_shard_info *h = g_ptr_array_index(had, i);
		g_autofree char *name = g_strdup_printf("shard %s of %s",
							h->shard, db);
		struct shard s;

		if (!shard_parse(h->shard, &s, err))
			return false;
		if (s.n != first->shard.n) {
			g_set_error(err, SCREENER_ERROR, SE_CONFIG,
				    "%s holds shards of %u, not %u: merge "
				    "into a new database", db, s.n,
				    first->shard.n);
			return false;
		}
		if (merging(shards, s.k))
			continue;
		(*held)++;
		if (!same_screening(first, h, name, inbox_given, err)) {
			g_prefix_error(err, "merge that shard again too, or "
				       "into a new database: ");
			return false;
		}
	}
	return true;
}

struct merge {
	char *db, *reports, *criteria, *inbox;
	gboolean quiet;
	GPtrArray *shards;	/* struct shard_db * */
	struct ruleset *rs;
	struct store *st;
};

/* Copy the shards in, then rank them all as a run of st. */
static bool merge_locked(struct merge *m, struct store_counts *counts,
			 guint *held, GError **err)
{
	const struct shard_db *first = g_ptr_array_index(m->shards, 0);
	g_autofree char *started = now_iso();
	g_autofree char *finished = NULL;
	g_autofree char *tag = g_strdup_printf("merge/%u", first->shard.n);
	g_autofree char *inbox = m->inbox ?
		g_canonicalize_filename(m->inbox, NULL) :
		g_strdup(first->info.inbox);
	struct store_run sr = {
		.started = started, .tool_version = first->info.tool_version,
		.ruleset_hash = ruleset_hash(m->rs),
		.ruleset_dir = first->info.ruleset_dir,
		.as_of = first->info.as_of, .inbox = inbox, .shard = tag,
	};
	g_autoptr(score_config) score = score_config_from_ruleset(m->rs);
	guint i, copied = 0;
	gint64 run;

	if (!check_held(m->st, m->db, m->shards, m->inbox != NULL, held, err))
		return false;
	for (i = 0; i < m->shards->len; i++) {
		const struct shard_db *s = g_ptr_array_index(m->shards, i);
		struct lock *lk = shard_lock(s->path, err);
		guint n;
		bool ok = lk && store_merge_shard(m->st, s->path, s->shard.k,
						  s->shard.n, s->info.run, &n,
						  err);

		lock_release(lk);
		if (!ok) {
			g_prefix_error(err, "%s: ", s->path);
			return false;
		}
		copied += n;
	}
	run = store_run_begin(m->st, &sr, err);
	if (!run || !store_merge_mark(m->st, run, err) ||
	    !store_finish_ranking(m->st, run, score, counts, err))
		return false;
	counts->screened = copied;
	finished = now_iso();
	return store_run_finish(m->st, run, finished, counts, err);
}

static void summary(const struct merge *m, const struct store_counts *c,
		    guint held)
{
	const struct shard_db *first = g_ptr_array_index(m->shards, 0);

	printf("shards: %u of %u (%u merged now)\n", held, first->shard.n,
	       m->shards->len);
	printf("applicants: %u (%u from the shards merged now)\n",
	       c->applicants, c->screened);
	printf("advanced: %u\narchived: %u\nknocked out: %u\n"
	       "needs review: %u\n", c->advanced, c->archived,
	       c->knocked_out, c->needs_review);
}

/* Whether argv[i] (canonical) names a file of argv[1..i-1]. */
static bool given_before(int argc, char **argv, int i, const char *canonical)
{
	for (int j = 1; j < i && j < argc; j++) {
		g_autofree char *p = g_canonicalize_filename(argv[j], NULL);

		if (strcmp(p, canonical) == 0)
			return true;
	}
	return false;
}

/* Check, lock, merge, report; the exit status. */
static int merge_all(struct merge *m, int argc, char **argv)
{
	g_autoptr(GError) err = NULL;
	g_autofree char *out = g_canonicalize_filename(m->db, NULL);
	g_autofree char *lock_path = g_strconcat(m->db, ".lock", NULL);
	g_autofree char *db_dir = g_path_get_dirname(m->db);
	g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(g_free);
	const struct shard_db *first;
	struct store_counts counts = { 0 };
	struct lock *lk;
	guint held = 0;
	int i;

	for (i = 1; i < argc; i++) {
		g_autofree char *p = g_canonicalize_filename(argv[i], NULL);
		struct shard_db *s;

		if (strcmp(p, out) == 0) {
			fprintf(stderr, "screener merge: %s: the merged "
				"database cannot be one of the shards\n",
				argv[i]);
			return EXIT_USAGE;
		}
		if (given_before(argc, argv, i, p)) {
			fprintf(stderr, "screener merge: %s: given twice\n",
				argv[i]);
			return EXIT_USAGE;
		}
		s = shard_open(argv[i], &err);
		if (!s)
			goto fail;
		g_ptr_array_add(m->shards, s);
	}
	if (!check_shards(m->shards, m->inbox != NULL, &err))
		goto fail;
	first = g_ptr_array_index(m->shards, 0);
	if (!m->criteria)
		m->criteria = g_strdup(first->info.ruleset_dir);
	m->rs = ruleset_load(m->criteria, &err);
	if (!m->rs)
		goto fail;
	if (g_strcmp0(ruleset_hash(m->rs), first->info.ruleset_hash) != 0) {
		fprintf(stderr, "screener merge: %s: not the rule set the "
			"shards were screened with (give --criteria the "
			"folder they used)\n", m->criteria);
		return EXIT_USAGE;
	}
	if (!atomic_mkdir(db_dir, &err) ||
	    !(lk = lock_acquire(lock_path, &err)))
		goto fail;
	m->st = store_open(m->db, &err);
	if (m->st && merge_locked(m, &counts, &held, &err) &&
	    report_write(m->st, m->reports, 0, problems, &err)) {
		lock_release(lk);
		for (guint k = 0; k < problems->len; k++)
			fprintf(stderr, "screener merge: annotated copy of "
				"%s\n", (const char *)problems->pdata[k]);
		if (!m->quiet)
			summary(m, &counts, held);
		return EXIT_OK;
	}
	lock_release(lk);
fail:
	fprintf(stderr, "screener merge: %s\n", err->message);
	return error_exit_status(err);
}

int cmd_merge(int argc, char **argv)
{
	struct merge m = { 0 };
	GOptionEntry entries[] = {
		{ "db", 0, 0, G_OPTION_ARG_FILENAME, &m.db,
		  "the merged database (default reports/screen.db)", "FILE" },
		{ "reports", 0, 0, G_OPTION_ARG_FILENAME, &m.reports,
		  "report folder (default reports)", "DIR" },
		{ "criteria", 0, 0, G_OPTION_ARG_FILENAME, &m.criteria,
		  "the shards' rule set folder (default: the one their\n"
		  "                     runs were given)", "DIR" },
		{ "inbox", 0, 0, G_OPTION_ARG_FILENAME, &m.inbox,
		  "where the originals are, for the annotated copies and\n"
		  "                     links (default: the shards' inbox)",
		  "DIR" },
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &m.quiet,
		  "print nothing unless something failed", NULL },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new(
		"SHARD.db... - merge the databases of a sharded run and rank "
		"them as one");
	int rc;

	g_option_context_add_main_entries(ctx, entries, NULL);
	g_option_context_set_summary(ctx,
		"SHARD.db are the databases of \"screener run --shard K/N\" "
		"(any number of\nthe N shards, each once). Merging a shard "
		"again replaces what the merged\ndatabase held of it.");
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	signal(SIGXFSZ, SIG_IGN);
	if (argc < 2) {
		fprintf(stderr, "screener merge: no shard database given "
			"(try --help)\n");
		return EXIT_USAGE;
	}
	if (!m.db)
		m.db = g_strdup("reports/screen.db");
	if (!m.reports)
		m.reports = g_strdup("reports");
	m.shards = g_ptr_array_new_with_free_func(shard_db_free);
	rc = merge_all(&m, argc, argv);
	store_close(m.st);
	g_ptr_array_unref(m.shards);
	ruleset_free(m.rs);
	g_free(m.db);
	g_free(m.reports);
	g_free(m.criteria);
	g_free(m.inbox);
	return rc;
}
