/*
 * store_merge.c - the merge half of the store (see store_merge.h).
 *
 * Copies a shard's rows into a merged database with the shard attached
 * to the same connection ("shard"), table by table, in SQL: a million
 * applicants' documents never pass through our memory.  Row ids are
 * shifted past the merged database's own (an offset per table), so
 * every reference inside the copy stays right and rows keep their order;
 * applicants are matched by key.  The columns copied are those both
 * databases have, read from the schema, so a column added by a later
 * migration is copied without a change here; only the columns that
 * hold a row id are written out below.  Knows nothing of ranking or
 * reports: cmd_merge.c calls store_finish_ranking() afterwards.
 */
#include <string.h>

#include "error.h"
#include "shard.h"
#include "store.h"
#include "store_merge.h"
#include "store_priv.h"

/* Parameters every statement below may use. */
enum {
	P_K = 1,	/* the shard */
	P_N,		/* the number of shards */
	P_TAG,		/* "K/N", the copied runs' shard */
	P_RUNS,		/* id offsets: runs, */
	P_DOCS,		/* documents, */
	P_SCREENINGS,	/* screenings, */
	P_EVIDENCE,	/* evidence */
	P_COUNT = P_EVIDENCE
};

/* How a table's rows go in. */
enum copy_mode {
	COPY_PLAIN,	/* new rows */
	COPY_IGNORE,	/* a row already there wins (the criteria) */
	COPY_REPLACE,	/* the shard's row wins (skipped, by name) */
	COPY_UPSERT,	/* applicants: matched by key, refreshed */
	COPY_NEW,	/* decisions: only those not there yet */
};

struct column_map {
	const char *column;
	const char *expr;	/* of the shard's row x; NULL: left out */
};

struct copy {
	const char *table;
	enum copy_mode mode;
	const char *where;	/* which rows of x */
	struct column_map map[5];
	const char *then;	/* run after the copy, or NULL */
};

#define AMAP "(SELECT old FROM temp.merge_amap)"
#define MAPPED(col) "(SELECT new FROM temp.merge_amap WHERE old=x." col ")"
#define SHARD_SCREENINGS \
	"(SELECT id FROM shard.screenings WHERE applicant_id IN " AMAP ")"
#define IN_SHARD(key) "screener_shard(" key ", ?2)=?1"

/* In the order references need them: runs and applicants before what
 * points at them. */
static const struct copy copies[] = {
	{ "runs", COPY_PLAIN, "1",
	  { { "id", "x.id + ?4" }, { "shard", "?3" } }, NULL },
	{ "criteria", COPY_IGNORE, "1", { { NULL, NULL } }, NULL },
	{ "applicants", COPY_UPSERT, "x.present=1 AND " IN_SHARD("x.key"),
	  { { "id", NULL }, { "first_run", "x.first_run + ?4" },
	    { "last_run", "x.last_run + ?4" }, { "present", "1" } },
	  "INSERT INTO temp.merge_amap(old, new) SELECT x.id, m.id FROM"
	  " shard.applicants x JOIN main.applicants m ON m.key=x.key"
	  " WHERE x.present=1 AND " IN_SHARD("x.key") },
	{ "documents", COPY_PLAIN, "x.applicant_id IN " AMAP,
	  { { "id", "x.id + ?5" }, { "applicant_id", MAPPED("applicant_id") },
	    { "first_run", "x.first_run + ?4" },
	    { "last_run", "x.last_run + ?4" } }, NULL },
	{ "screenings", COPY_PLAIN, "x.applicant_id IN " AMAP,
	  { { "id", "x.id + ?6" }, { "run_id", "x.run_id + ?4" },
	    { "applicant_id", MAPPED("applicant_id") } }, NULL },
	{ "criterion_scores", COPY_PLAIN, "x.screening_id IN " SHARD_SCREENINGS,
	  { { "screening_id", "x.screening_id + ?6" } }, NULL },
	{ "evidence", COPY_PLAIN, "x.screening_id IN " SHARD_SCREENINGS,
	  { { "id", "x.id + ?7" }, { "screening_id", "x.screening_id + ?6" },
	    { "document_id", "x.document_id + ?5" } }, NULL },
	{ "decisions", COPY_NEW, "x.applicant_id IN " AMAP,
	  { { "id", NULL }, { "applicant_id", MAPPED("applicant_id") } },
	  NULL },
	/* voluntary self-identification, for the audit of the whole */
	{ "self_id", COPY_REPLACE, "x.applicant_id IN " AMAP,
	  { { "applicant_id", MAPPED("applicant_id") } }, NULL },
	/* the entries skipped by the shard's latest run, the current ones */
	{ "skipped", COPY_REPLACE,
	  "x.last_run=(SELECT max(id) FROM shard.runs WHERE finished IS NOT"
	  " NULL) AND " IN_SHARD("coalesce(x.applicant, x.name)"),
	  { { "last_run", "x.last_run + ?4" } }, NULL },
};

/* What the merged database held of shard k goes first.  Applicants stay
 * (decisions point at them, and cannot be deleted): they stop being
 * present, with no last run, until the copy brings them back. */
static const char *const forget[] = {
	"DELETE FROM temp.merge_gone",
	"DELETE FROM temp.merge_amap",
	"INSERT INTO temp.merge_gone SELECT id FROM main.applicants WHERE "
	IN_SHARD("key"),
	"DELETE FROM main.evidence WHERE screening_id IN (SELECT id FROM"
	" main.screenings WHERE applicant_id IN temp.merge_gone)",
	"DELETE FROM main.criterion_scores WHERE screening_id IN (SELECT id"
	" FROM main.screenings WHERE applicant_id IN temp.merge_gone)",
	"DELETE FROM main.screenings WHERE applicant_id IN temp.merge_gone",
	"DELETE FROM main.documents WHERE applicant_id IN temp.merge_gone",
	"DELETE FROM main.self_id WHERE applicant_id IN temp.merge_gone",
	"UPDATE main.applicants SET present=0, last_run=NULL WHERE id IN"
	" temp.merge_gone",
	"DELETE FROM main.runs WHERE shard=?3",
	"DELETE FROM main.skipped WHERE "
	IN_SHARD("coalesce(applicant, name)"),
};

/* Tables whose row ids are shifted, and the parameter holding the
 * offset. */
static const struct {
	const char *sql;
	int param;
} offsets[] = {
	{ "SELECT coalesce(max(id), 0) FROM main.runs", P_RUNS },
	{ "SELECT coalesce(max(id), 0) FROM main.documents", P_DOCS },
	{ "SELECT coalesce(max(id), 0) FROM main.screenings", P_SCREENINGS },
	{ "SELECT coalesce(max(id), 0) FROM main.evidence", P_EVIDENCE },
};

struct binds {
	guint k, n;
	char *tag;
	gint64 off[P_COUNT + 1];	/* by parameter */
};

static sqlite3_stmt *prepare(struct store *st, const char *sql,
			     const struct binds *b, GError **err)
{
	sqlite3_stmt *s;
	int i, n;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		store_priv_fail(st, err, "prepare");
		return NULL;
	}
	n = sqlite3_bind_parameter_count(s);
	for (i = 1; b && i <= n; i++) {
		int rc;

		if (i == P_K)
			rc = sqlite3_bind_int64(s, i, b->k);
		else if (i == P_N)
			rc = sqlite3_bind_int64(s, i, b->n);
		else if (i == P_TAG)
			rc = sqlite3_bind_text(s, i, b->tag, -1,
					       SQLITE_TRANSIENT);
		else
			rc = sqlite3_bind_int64(s, i, b->off[i]);
		if (rc != SQLITE_OK) {
			store_priv_fail(st, err, "bind");
			sqlite3_finalize(s);
			return NULL;
		}
	}
	return s;
}

/* Run one statement; *number (when not NULL) is the first column of
 * its first row, 0 without one. */
static bool run_sql(struct store *st, const char *sql, const struct binds *b,
		    gint64 *number, GError **err)
{
	sqlite3_stmt *s = prepare(st, sql, b, err);
	int rc;

	if (!s)
		return false;
	rc = sqlite3_step(s);
	if (number)
		*number = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_priv_fail(st, err, "merge");
	return true;
}

static char *col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? g_strndup((const char *)t, sqlite3_column_bytes(s, i)) :
		   NULL;
}

/* screener_shard(key, n): shard_of() for SQL. */
static void sql_shard(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *key = sqlite3_value_text(argv[0]);
	sqlite3_int64 n = sqlite3_value_int64(argv[1]);

	if (!key || n < 1 || n > SHARD_MAX) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_int64(ctx, (sqlite3_int64)(shard_hash(key,
		sqlite3_value_bytes(argv[0])) % (uint64_t)n));
}

/* The columns both main.table and shard.table have, in main's order. */
static GPtrArray *columns(struct store *st, const char *table, GError **err)
{
	sqlite3_stmt *s = prepare(st,
		"SELECT m.name FROM pragma_table_info(?1, 'main') m JOIN"
		" pragma_table_info(?1, 'shard') x ON x.name=m.name"
		" ORDER BY m.cid", NULL, err);
	GPtrArray *out;
	int rc;

	if (!s)
		return NULL;
	out = g_ptr_array_new_with_free_func(g_free);
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		g_ptr_array_add(out, col_dup(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE || !out->len) {
		g_ptr_array_unref(out);
		if (rc == SQLITE_DONE)
			g_set_error(err, SCREENER_ERROR, SE_IO,
				    "database: no table %s", table);
		else
			store_priv_fail(st, err, "read");
		return NULL;
	}
	return out;
}

/* Whether column is in c's map; *expr is then its expression (NULL:
 * left out). */
static bool mapped(const struct copy *c, const char *column,
		   const char **expr)
{
	guint i;

	for (i = 0; i < G_N_ELEMENTS(c->map) && c->map[i].column; i++) {
		if (strcmp(c->map[i].column, column) == 0) {
			*expr = c->map[i].expr;
			return true;
		}
	}
	return false;
}

/* The INSERT ... SELECT of one table (caller frees). */
static char *copy_sql(const struct copy *c, GPtrArray *cols)
{
	static const char *const verbs[] = {
		[COPY_PLAIN] = "INSERT", [COPY_IGNORE] = "INSERT OR IGNORE",
		[COPY_REPLACE] = "INSERT OR REPLACE", [COPY_UPSERT] = "INSERT",
		[COPY_NEW] = "INSERT",
	};
	g_autoptr(GString) names = g_string_new(NULL);
	g_autoptr(GString) exprs = g_string_new(NULL);
	g_autoptr(GString) same = g_string_new(NULL);
	g_autoptr(GString) set = g_string_new(NULL);
	GString *sql;
	guint i;

	for (i = 0; i < cols->len; i++) {
		const char *col = cols->pdata[i];
		g_autofree char *own = g_strdup_printf("x.\"%s\"", col);
		const char *e = own;

		if (mapped(c, col, &e) && !e)
			continue;
		g_string_append_printf(names, "%s\"%s\"", names->len ? ", " : "",
				       col);
		g_string_append_printf(exprs, "%s%s", exprs->len ? ", " : "", e);
		g_string_append_printf(same, " AND m.\"%s\" IS (%s)", col, e);
		if (strcmp(col, "key") != 0)
			g_string_append_printf(set, "%s\"%s\"=excluded.\"%s\"",
					       set->len ? ", " : "", col, col);
	}
	sql = g_string_new(NULL);
	g_string_append_printf(sql, "%s INTO main.\"%s\"(%s) SELECT %s FROM"
			       " shard.\"%s\" x WHERE (%s)", verbs[c->mode],
			       c->table, names->str, exprs->str, c->table,
			       c->where);
	if (c->mode == COPY_NEW)
		g_string_append_printf(sql, " AND NOT EXISTS (SELECT 1 FROM"
				       " main.\"%s\" m WHERE 1%s)", c->table,
				       same->str);
	g_string_append(sql, " ORDER BY x.rowid");
	if (c->mode == COPY_UPSERT)
		g_string_append_printf(sql, " ON CONFLICT(key) DO UPDATE SET %s",
				       set->str);
	return g_string_free(sql, FALSE);
}

static bool copy_table(struct store *st, const struct copy *c,
		       const struct binds *b, GError **err)
{
	g_autoptr(GPtrArray) cols = columns(st, c->table, err);
	g_autofree char *sql = NULL;

	if (!cols)
		return false;
	sql = copy_sql(c, cols);
	if (!run_sql(st, sql, b, NULL, err)) {
		g_prefix_error(err, "%s: ", c->table);
		return false;
	}
	return !c->then || run_sql(st, c->then, b, NULL, err);
}

/* The shard's schema is ours: the copy reads its columns by name. */
static bool check_version(struct store *st, GError **err)
{
	gint64 v;

	if (!run_sql(st, "SELECT value FROM shard.meta WHERE"
			" key='schema_version'", NULL, &v, err))
		return false;
	if (v != STORE_SCHEMA_VERSION) {
		g_set_error(err, SCREENER_ERROR, SE_IO,
			    "schema version %" G_GINT64_FORMAT ", not this "
			    "program's %d", v, STORE_SCHEMA_VERSION);
		return false;
	}
	return true;
}

/* The shard's latest run is still the finished one checked. */
static bool check_run(struct store *st, gint64 run, GError **err)
{
	gint64 latest;

	if (!run_sql(st, "SELECT max(id) FROM shard.runs WHERE id=(SELECT"
		     " max(id) FROM shard.runs) AND finished IS NOT NULL", NULL,
		     &latest, err))
		return false;
	if (latest != run) {
		g_set_error(err, SCREENER_ERROR, SE_BUSY,
			    "screened again since it was checked: merge again");
		return false;
	}
	return true;
}

static bool copy_all(struct store *st, struct binds *b, guint *applicants,
		     GError **err)
{
	gint64 n;
	guint i;

	for (i = 0; i < G_N_ELEMENTS(forget); i++)
		if (!run_sql(st, forget[i], b, NULL, err))
			return false;
	for (i = 0; i < G_N_ELEMENTS(offsets); i++)
		if (!run_sql(st, offsets[i].sql, NULL,
				&b->off[offsets[i].param], err))
			return false;
	for (i = 0; i < G_N_ELEMENTS(copies); i++)
		if (!copy_table(st, &copies[i], b, err))
			return false;
	if (!run_sql(st, "SELECT count(*) FROM temp.merge_amap", NULL, &n,
			err))
		return false;
	*applicants = (guint)n;
	return store_priv_bump_version(st, err);
}

bool store_merge_shard(struct store *st, const char *path, guint k, guint n,
		       gint64 run, guint *applicants, GError **err)
{
	struct binds b = { .k = k, .n = n };
	sqlite3_stmt *s;
	bool ok;

	*applicants = 0;
	if (sqlite3_create_function_v2(st->db, "screener_shard", 2,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				       NULL, sql_shard, NULL, NULL,
				       NULL) != SQLITE_OK)
		return store_priv_fail(st, err, "function");
	if (!run_sql(st, "CREATE TEMP TABLE IF NOT EXISTS merge_gone("
		     "id INTEGER PRIMARY KEY)", NULL, NULL, err) ||
	    !run_sql(st, "CREATE TEMP TABLE IF NOT EXISTS merge_amap("
		     "old INTEGER PRIMARY KEY, new INTEGER NOT NULL)", NULL, NULL,
		     err))
		return false;
	s = prepare(st, "ATTACH DATABASE ?1 AS shard", NULL, err);
	if (!s)
		return false;
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		sqlite3_finalize(s);
		return store_priv_fail(st, err, "attach");
	}
	sqlite3_finalize(s);
	b.tag = g_strdup_printf("%u/%u", k, n);
	ok = check_version(st, err) && check_run(st, run, err) &&
	     run_sql(st, "BEGIN IMMEDIATE", NULL, NULL, err);
	if (ok) {
		ok = copy_all(st, &b, applicants, err) &&
		     run_sql(st, "COMMIT", NULL, NULL, err);
		if (!ok)
			run_sql(st, "ROLLBACK", NULL, NULL, NULL);
	}
	g_free(b.tag);
	if (!run_sql(st, "DETACH DATABASE shard", NULL, NULL, ok ? err : NULL))
		ok = false;
	return ok;
}

bool store_merge_mark(struct store *st, gint64 run, GError **err)
{
	struct binds b = { 0 };

	/* ?4 is the only parameter here */
	b.off[P_RUNS] = run;
	if (!run_sql(st, "BEGIN IMMEDIATE", NULL, NULL, err))
		return false;
	/* present, or seen by the merge before, which may have been
	 * killed between this and its ranking */
	if (run_sql(st, "UPDATE applicants SET last_run=?4, present=0"
		    " WHERE present=1 OR last_run=(SELECT max(id) FROM runs"
		    " WHERE shard LIKE 'merge/%' AND id<?4)", &b, NULL, err) &&
	    run_sql(st, "UPDATE skipped SET last_run=?4", &b, NULL, err) &&
	    store_priv_bump_version(st, err) &&
	    run_sql(st, "COMMIT", NULL, NULL, err))
		return true;
	run_sql(st, "ROLLBACK", NULL, NULL, NULL);
	return false;
}

void store_shard_info_clear(struct store_shard_info *i)
{
	g_clear_pointer(&i->shard, g_free);
	g_clear_pointer(&i->ruleset_hash, g_free);
	g_clear_pointer(&i->ruleset_dir, g_free);
	g_clear_pointer(&i->as_of, g_free);
	g_clear_pointer(&i->inbox, g_free);
	g_clear_pointer(&i->tool_version, g_free);
	memset(i, 0, sizeof(*i));
}

static void info_read(sqlite3_stmt *s, struct store_shard_info *i)
{
	i->run = sqlite3_column_int64(s, 0);
	i->finished = sqlite3_column_int(s, 1);
	i->shard = col_dup(s, 2);
	i->ruleset_hash = col_dup(s, 3);
	i->ruleset_dir = col_dup(s, 4);
	i->as_of = col_dup(s, 5);
	i->inbox = col_dup(s, 6);
	i->tool_version = col_dup(s, 7);
}

#define INFO_SELECT \
	"SELECT id, finished IS NOT NULL, shard, ruleset_hash, ruleset_dir," \
	" as_of, inbox, tool_version FROM runs r"

bool store_shard_info(struct store *st, struct store_shard_info *out,
		      GError **err)
{
	sqlite3_stmt *s = prepare(st, INFO_SELECT " ORDER BY id DESC LIMIT 1",
				  NULL, err);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!s)
		return false;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		info_read(s, out);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_priv_fail(st, err, "read");
	return true;
}

static void info_free(gpointer p)
{
	store_shard_info_clear(p);
	g_free(p);
}

GPtrArray *store_merged_shards(struct store *st, bool *screened,
			       GError **err)
{
	sqlite3_stmt *s = prepare(st, INFO_SELECT " WHERE shard IS NOT NULL"
		" AND shard NOT LIKE 'merge/%' AND id=(SELECT max(id) FROM runs"
		" WHERE shard=r.shard AND finished IS NOT NULL) ORDER BY shard",
		NULL, err);
	GPtrArray *out;
	gint64 direct;
	int rc;

	if (!s)
		return NULL;
	out = g_ptr_array_new_with_free_func(info_free);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_shard_info *i = g_new0(struct store_shard_info, 1);

		info_read(s, i);
		g_ptr_array_add(out, i);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE ||
	    !run_sql(st, "SELECT count(*) FROM runs WHERE shard IS NULL",
			NULL, &direct, err)) {
		if (rc != SQLITE_DONE)
			store_priv_fail(st, err, "read");
		g_ptr_array_unref(out);
		return NULL;
	}
	*screened = direct > 0;
	return out;
}
