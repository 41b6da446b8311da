/*
 * store_priv.h - what the two halves of the store share: the handle and
 * two helpers of store.c.  Included by store.c and store_merge.c only;
 * every other module speaks to the store through store.h.
 */
#ifndef SCREENER_STORE_PRIV_H
#define SCREENER_STORE_PRIV_H

#include <stdbool.h>
#include <glib.h>
#include <sqlite3.h>

struct store {
	sqlite3 *db;
	GHashTable *stmts;	/* const char *sql -> sqlite3_stmt * */
	bool batch;		/* in store_batch_begin()'s transaction */
};

/* Set err from the connection's last error ("database: WHAT: reason",
 * SE_BUSY when locked); returns false. */
bool store_priv_fail(struct store *st, GError **err, const char *what);

/* Count a change the reports would show (store_data_version()), inside
 * the writing transaction. */
bool store_priv_bump_version(struct store *st, GError **err);

#endif
