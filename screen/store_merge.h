/*
 * store_merge.h - putting the databases of a sharded run together.
 *
 * A shard's database is an ordinary one whose runs carry their shard
 * ("K/N", runs.shard).  A merged database holds, for each shard merged
 * into it, a copy of that shard's present applicants with their
 * documents, screenings, criterion scores, evidence, decisions, skipped
 * entries and runs (tagged "K/N"), plus one run of its own per merge
 * ("merge/N") that ranks them all together with store_finish_ranking(),
 * so duplicates and cover letters sent alone are found across shards as
 * a single run finds them.  Merging shard K again replaces every row
 * the merged database held for the applicants whose key hashes to K
 * (shard.h), except the append-only decisions: a shard's decisions are
 * added once, those taken on the merged database stay.
 */
#ifndef SCREENER_STORE_MERGE_H
#define SCREENER_STORE_MERGE_H

#include <stdbool.h>
#include <glib.h>

struct store;

/* What a database's latest run screened, or a merged database's latest
 * copy of one shard's run. */
struct store_shard_info {
	gint64 run;		/* 0: no run at all */
	bool finished;		/* false: killed or still running */
	char *shard;		/* "K/N", "merge/N" or NULL (no --shard) */
	char *ruleset_hash, *ruleset_dir, *as_of, *inbox, *tool_version;
};
void store_shard_info_clear(struct store_shard_info *i);

/* The latest run of st, finished or not. */
bool store_shard_info(struct store *st, struct store_shard_info *out,
		      GError **err);

/* The shards a merged database holds: for each, its latest finished
 * copied run (struct store_shard_info *, by shard name; free with
 * g_ptr_array_unref).  *screened is set when a run screened an inbox
 * into st itself (a run with no shard): st is then no merged database. */
GPtrArray *store_merged_shards(struct store *st, bool *screened,
			       GError **err);

/* Copy shard k of n from the database file at path (at this program's
 * schema version) into st, in one transaction, after deleting what st
 * held of shard k.  run is the shard's latest run as checked (finished,
 * see store_shard_info()): SE_BUSY when it is no longer.  Only the
 * shard's present applicants whose key hashes to k are copied.
 * *applicants is how many.  SE_IO, SE_BUSY. */
bool store_merge_shard(struct store *st, const char *path, guint k, guint n,
		       gint64 run, guint *applicants, GError **err);

/* After the copies: every present applicant (and any the previous merge
 * saw, had it been killed before its ranking) and every skipped entry is
 * seen by run (the merge's own), and counts as coming in, so that the
 * ranking that follows recomputes the duplicates over all shards. */
bool store_merge_mark(struct store *st, gint64 run, GError **err);

#endif
