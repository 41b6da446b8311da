/*
 * erase.h - erasing applicants (a request, or the profile's retention):
 * everything the database and the reports hold of them, so that their
 * bytes are gone, and what the inbox still holds named or deleted.
 *
 * Shared by "screener forget", "screener purge" (erase_run(): the
 * whole job under the run lock) and the end of a run (erase_keys()).
 */
#ifndef SCREENER_ERASE_H
#define SCREENER_ERASE_H

#include <stdbool.h>
#include <glib.h>

struct store;

/* Erase each key of keys (char *) with store_forget(), recording time
 * (now), reviewer and reason, then compact the database once
 * (store_compact()).  originals (may be NULL) gets the inbox-relative
 * path of each erased document (char *, owned by the array), and of
 * its answers file (answers_name, may be NULL) when one is in the
 * inbox.  False with the store's error; keys erased before it stay
 * erased. */
bool erase_keys(struct store *st, GPtrArray *keys, const char *reviewer,
		const char *reason, const char *answers_name,
		GPtrArray *originals, GError **err);

/* Delete originals (inbox-relative paths, as erase_keys gives them)
 * from inbox, and each applicant folder left empty; originals keeps
 * only the paths deleted.  Never follows a symlink.  A path that cannot
 * be deleted is added to problems ("PATH: reason"); a path already gone
 * is no problem. */
void erase_originals(const char *inbox, GPtrArray *originals,
		     GPtrArray *problems);

/* Which keys to erase (char *, added to keys), with the store open. */
typedef bool (*erase_pick_fn)(struct store *st, void *data, GPtrArray *keys,
			      GError **err);

struct erase_request {
	const char *db, *reports;
	const char *criteria;	/* rule set to rank the others with;
				   NULL: the latest run's */
	const char *reviewer, *reason;
	bool delete_originals;	/* else they are only named */
	erase_pick_fn pick;
	void *data;
};

struct erase_result {
	guint erased;
	const char *inbox;	/* where the originals are; owned */
	GPtrArray *originals;	/* inbox-relative names still in the
				   inbox, or deleted (char *) */
	GPtrArray *problems;	/* "NAME: reason" (char *): originals not
				   deleted, annotated copies not made */
};
void erase_result_clear(struct erase_result *r);

/* Under the database's run lock: pick the keys, load the rule set,
 * erase them (erase_keys()), rank the others again as the latest run
 * did (duplicate notes and cover-letter reasons no longer naming the
 * erased), rewrite every report from the database, then delete or name
 * the originals.  out is filled (clear it with erase_result_clear())
 * even on failure.  False with SE_BUSY, SE_CONFIG (rule set), SE_FAILED
 * (no such applicant) or SE_IO. */
bool erase_run(const struct erase_request *rq, struct erase_result *out,
	       GError **err);

#endif
