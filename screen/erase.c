/*
 * erase.c - erasing applicants (see erase.h).
 *
 * Owns the order of an erasure: the store's rows, one compaction, the
 * ranking of the others, the reports, the originals.  Prints nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "erase.h"
#include "error.h"
#include "lock.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "store.h"

static char *now_iso(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();

	return g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
}

bool erase_keys(struct store *st, GPtrArray *keys, const char *reviewer,
		const char *reason, const char *answers_name,
		GPtrArray *originals, GError **err)
{
	g_autofree char *time = now_iso();
	struct store_erasure e = { time, reviewer, reason };
	guint i;

	for (i = 0; i < keys->len; i++) {
		const char *key = keys->pdata[i];
		guint from = originals ? originals->len : 0;

		if (!store_forget(st, key, &e, originals, err)) {
			/* those erased before still leave no bytes */
			if (i)
				(void)store_compact(st, NULL);
			return false;
		}
		/* A folder applicant's answers file is an original too. */
		for (guint j = from; originals && answers_name &&
		     j < originals->len; j++)
			if (strchr(originals->pdata[j], '/')) {
				g_ptr_array_add(originals,
					g_build_filename(key, answers_name,
							 NULL));
				break;
			}
	}
	return !keys->len || store_compact(st, err);
}

static void problem(GPtrArray *problems, const char *path, int e)
{
	g_ptr_array_add(problems, g_strdup_printf("%s: %s", path,
						  g_strerror(e)));
}

void erase_originals(const char *inbox, GPtrArray *originals,
		     GPtrArray *problems)
{
	int root = open(inbox, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			O_CLOEXEC);
	g_autoptr(GHashTable) folders = g_hash_table_new_full(
		g_str_hash, g_str_equal, g_free, NULL);
	GHashTableIter it;
	gpointer folder;
	guint i;

	if (root < 0) {
		problem(problems, inbox, errno);
		return;
	}
	for (i = originals->len; i-- > 0;) {
		const char *path = originals->pdata[i];
		const char *slash = strchr(path, '/');
		int dir = root;
		int rc;

		/* An applicant is a file of the inbox or a folder of
		 * files: one level, each opened without following a
		 * symlink. */
		if (slash) {
			g_autofree char *name = g_strndup(path, slash - path);

			dir = openat(root, name, O_RDONLY | O_DIRECTORY |
				     O_NOFOLLOW | O_CLOEXEC);
			if (dir < 0) {
				if (errno != ENOENT)
					problem(problems, path, errno);
				g_ptr_array_remove_index(originals, i);
				continue;
			}
			g_hash_table_add(folders, g_steal_pointer(&name));
		}
		rc = unlinkat(dir, slash ? slash + 1 : path, 0);
		if (rc != 0 && errno != ENOENT)
			problem(problems, path, errno);
		if (dir != root)
			close(dir);
		if (rc != 0)
			g_ptr_array_remove_index(originals, i);
	}
	g_hash_table_iter_init(&it, folders);
	while (g_hash_table_iter_next(&it, &folder, NULL))
		(void)unlinkat(root, folder, AT_REMOVEDIR);	/* if empty */
	close(root);
}

void erase_result_clear(struct erase_result *r)
{
	g_clear_pointer((char **)&r->inbox, g_free);
	g_clear_pointer(&r->originals, g_ptr_array_unref);
	g_clear_pointer(&r->problems, g_ptr_array_unref);
}

/* Originals still in the inbox, for the user to delete. */
static void keep_existing(const char *inbox, GPtrArray *originals)
{
	for (guint i = originals->len; i-- > 0;) {
		g_autofree char *path = g_build_filename(inbox,
							 originals->pdata[i],
							 NULL);

		if (!g_file_test(path, G_FILE_TEST_EXISTS))
			g_ptr_array_remove_index(originals, i);
	}
}

static bool erase_locked(const struct erase_request *rq, struct store *st,
			 struct erase_result *out, GError **err)
{
	g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func(g_free);
	g_autofree char *dir = NULL;
	g_autoptr(ruleset) rs = NULL;
	g_autoptr(score_config) cfg = NULL;
	struct store_counts counts = { 0 };
	gint64 run = store_latest_run(st, NULL);

	if (!rq->pick(st, rq->data, keys, err))
		return false;
	/* The rule set first: a wrong one erases nothing. */
	dir = rq->criteria ? g_strdup(rq->criteria) :
			     store_run_ruleset_dir(st, run);
	rs = ruleset_load(dir ? dir : RULES_DEFAULT_DIR, err);
	if (!rs) {
		g_prefix_error(err, "the rule set to rank the others with "
			       "(--criteria): ");
		return false;
	}
	cfg = score_config_from_ruleset(rs);
	out->inbox = run ? store_run_inbox(st, run) : NULL;
	if (!erase_keys(st, keys, rq->reviewer, rq->reason,
			ruleset_profile(rs)->answers_file, out->originals,
			err))
		return false;
	out->erased = keys->len;
	if (!keys->len)
		return true;
	if (run && !store_finish_ranking(st, run, cfg, &counts, err))
		return false;
	if (!report_write(st, rq->reports, 0, out->problems, err))
		return false;
	if (!out->inbox)
		g_ptr_array_set_size(out->originals, 0);
	else if (rq->delete_originals)
		erase_originals(out->inbox, out->originals, out->problems);
	else
		keep_existing(out->inbox, out->originals);
	return true;
}

bool erase_run(const struct erase_request *rq, struct erase_result *out,
	       GError **err)
{
	g_autofree char *lock_path = g_strconcat(rq->db, ".lock", NULL);
	struct store *st;
	struct lock *lk;
	bool ok;

	memset(out, 0, sizeof(*out));
	out->originals = g_ptr_array_new_with_free_func(g_free);
	out->problems = g_ptr_array_new_with_free_func(g_free);
	lk = lock_acquire(lock_path, err);
	if (!lk)
		return false;
	st = store_open(rq->db, err);
	ok = st && erase_locked(rq, st, out, err);
	store_close(st);
	lock_release(lk);
	return ok;
}
