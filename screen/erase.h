/*
 * erase.h - erasing applicants (a request, or the profile's retention):
 * everything the database and the reports hold of them, so that their
 * bytes are gone, and what the inbox still holds named or deleted.
 *
 * Shared by "screener forget", "screener purge" and the end of a run.
 * The caller holds the run lock.  Re-ranking the others and rewriting
 * the reports are the caller's (they need the rule set).
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
 * from inbox, and each applicant folder left empty.  Never follows a
 * symlink.  A path that cannot be deleted is added to problems
 * ("PATH: reason"); a path already gone is no problem. */
void erase_originals(const char *inbox, GPtrArray *originals,
		     GPtrArray *problems);

#endif
