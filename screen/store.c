/*
 * store.c - the SQLite database (see store.h for the schema in words).
 *
 * The only file that includes sqlite3.h.  Prepared statements only, every
 * value bound, never a string pasted into SQL.  Owns the schema and its
 * migrations; knows nothing of documents' formats, rules or reports
 * beyond the plain records of store.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "atomic.h"
#include "error.h"
#include "escape.h"
#include "store.h"
#include "store_priv.h"

/* Migration i brings the schema from version i to i + 1.  Append only:
 * a database in the field has run the earlier ones. */
static const char *const migrations[] = {
	"CREATE TABLE runs("
	" id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT,"
	" tool_version TEXT, ruleset_hash TEXT, ruleset_dir TEXT, as_of TEXT,"
	" inbox TEXT, applicants INTEGER, advanced INTEGER,"
	" archived INTEGER, knocked_out INTEGER, needs_review INTEGER,"
	" failed_files INTEGER, screened INTEGER, extracted INTEGER);"
	"CREATE TABLE criteria("
	" ruleset_hash TEXT NOT NULL, idx INTEGER NOT NULL, id TEXT NOT NULL,"
	" title TEXT, weight REAL, scored INTEGER,"
	" PRIMARY KEY(ruleset_hash, idx));"
	"CREATE TABLE applicants("
	" id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT,"
	" email TEXT, phone TEXT, phone_digits TEXT, duplicate TEXT,"
	" first_run INTEGER, last_run INTEGER, present INTEGER DEFAULT 1);"
	"CREATE TABLE documents("
	" id INTEGER PRIMARY KEY,"
	" applicant_id INTEGER NOT NULL REFERENCES applicants(id),"
	" path TEXT NOT NULL, sha256 TEXT NOT NULL, role INTEGER,"
	" format INTEGER, pages INTEGER, size INTEGER,"
	" status TEXT NOT NULL CHECK(status IN ('ok','failed')),"
	" error_code INTEGER, error TEXT, warnings TEXT, doc BLOB,"
	" facts_json TEXT, first_run INTEGER, last_run INTEGER,"
	" present INTEGER DEFAULT 1, UNIQUE(applicant_id, sha256));"
	"CREATE INDEX documents_sha256 ON documents(sha256);"
	"CREATE TABLE screenings("
	" id INTEGER PRIMARY KEY, run_id INTEGER REFERENCES runs(id),"
	" applicant_id INTEGER NOT NULL REFERENCES applicants(id),"
	" ruleset_hash TEXT, inputs_hash TEXT, as_of TEXT, total REAL,"
	" met INTEGER, scored_bucket TEXT, scored_reason TEXT, bucket TEXT,"
	" reason TEXT, rank INTEGER, ko TEXT, ko_reason TEXT, flag INTEGER,"
	" form TEXT);"
	"CREATE INDEX screenings_applicant ON screenings(applicant_id, id);"
	"CREATE TABLE criterion_scores("
	" screening_id INTEGER NOT NULL REFERENCES screenings(id),"
	" idx INTEGER NOT NULL, criterion TEXT, score REAL, points REAL,"
	" met INTEGER, PRIMARY KEY(screening_id, idx));"
	"CREATE TABLE evidence("
	" id INTEGER PRIMARY KEY,"
	" screening_id INTEGER NOT NULL REFERENCES screenings(id),"
	" idx INTEGER, criterion TEXT, rule TEXT,"
	" document_id INTEGER REFERENCES documents(id),"
	" start INTEGER, \"end\" INTEGER, page INTEGER, para INTEGER,"
	" before TEXT, match TEXT, after TEXT, points REAL);"
	"CREATE INDEX evidence_screening ON evidence(screening_id);"
	"CREATE TABLE skipped("
	" name TEXT PRIMARY KEY, applicant TEXT, reason TEXT,"
	" last_run INTEGER);"
	"CREATE TABLE decisions("
	" id INTEGER PRIMARY KEY,"
	" applicant_id INTEGER NOT NULL REFERENCES applicants(id),"
	" time TEXT NOT NULL, reviewer TEXT NOT NULL,"
	" decision TEXT NOT NULL CHECK(decision IN ('advance','archive')),"
	" note TEXT);"
	"CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions"
	" BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;"
	"CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions"
	" BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;",
	/* 2: duplicate detection looks applicants up by e-mail and phone */
	"CREATE INDEX applicants_email ON applicants(email);"
	"CREATE INDEX applicants_phone ON applicants(phone_digits);",
	/* 3: a document's file as last seen (inode, size, times), so an
	 * unchanged inbox is checked without reading a byte */
	"ALTER TABLE documents ADD COLUMN stat TEXT;",
	/* 4: how many times a document failed for a reason that may pass
	 * (error_temporary()), so that it is tried again, not forever */
	"ALTER TABLE documents ADD COLUMN attempts INTEGER NOT NULL"
	" DEFAULT 0;",
	/* 5: the shard a run screened ("K/N"), so that "screener merge"
	 * can tell shards apart and compare them */
	"ALTER TABLE runs ADD COLUMN shard TEXT;",
	/* 6: blind review (an opaque number per applicant, the mode of
	 * each run), voluntary self-identification kept apart from all
	 * that scores, and erasure: a record without personal data, and
	 * decisions deleted only while their applicant is being erased */
	"ALTER TABLE applicants ADD COLUMN blind_id TEXT;"
	"UPDATE applicants SET blind_id=lower(hex(randomblob(5)));"
	"CREATE UNIQUE INDEX applicants_blind ON applicants(blind_id);"
	"ALTER TABLE applicants ADD COLUMN erasing INTEGER NOT NULL"
	" DEFAULT 0;"
	"ALTER TABLE runs ADD COLUMN blind INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE self_id("
	" applicant_id INTEGER PRIMARY KEY REFERENCES applicants(id),"
	" sex TEXT NOT NULL, race TEXT NOT NULL);"
	"CREATE TABLE erasures("
	" id INTEGER PRIMARY KEY, time TEXT NOT NULL,"
	" reviewer TEXT NOT NULL, reason TEXT NOT NULL,"
	" documents INTEGER NOT NULL);"
	"DROP TRIGGER decisions_no_delete;"
	"CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions"
	" WHEN (SELECT erasing FROM applicants WHERE id=OLD.applicant_id)"
	" IS NOT 1"
	" BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;",
};

G_STATIC_ASSERT(G_N_ELEMENTS(migrations) == STORE_SCHEMA_VERSION);

static bool db_fail(struct store *st, GError **err, const char *what)
{
	int rc = sqlite3_errcode(st->db);
	bool busy = rc == SQLITE_BUSY || rc == SQLITE_LOCKED;

	if (busy)
		g_set_error(err, SCREENER_ERROR, SE_BUSY, "database busy");
	else
		g_set_error(err, SCREENER_ERROR, SE_IO, "database: %s: %s",
			    what, sqlite3_errmsg(st->db));
	return false;
}

/* A prepared statement for sql (a string literal: its address is the
 * cache key), reset and unbound. */
static sqlite3_stmt *stmt(struct store *st, const char *sql, GError **err)
{
	sqlite3_stmt *s = g_hash_table_lookup(st->stmts, sql);

	if (s) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
			       NULL) != SQLITE_OK) {
		db_fail(st, err, "prepare");
		return NULL;
	}
	g_hash_table_insert(st->stmts, (gpointer)sql, s);
	return s;
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

static char *col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return g_strndup((const char *)(t ? t : (const unsigned char *)""),
			 sqlite3_column_bytes(s, i));
}

/* The first column of the first row of a bound statement, which is
 * then reset; NULL when there is no row or the value is NULL. */
static char *first_text(sqlite3_stmt *s)
{
	char *v = NULL;

	if (sqlite3_step(s) == SQLITE_ROW &&
	    sqlite3_column_type(s, 0) != SQLITE_NULL)
		v = col_text(s, 0);
	sqlite3_reset(s);
	return v;
}

/* Step a statement that returns no rows. */
static bool step_done(struct store *st, sqlite3_stmt *s, GError **err)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "write");
	return true;
}

static bool exec(struct store *st, const char *sql, GError **err)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		sqlite3_free(msg);
		return db_fail(st, err, "exec");
	}
	return true;
}

/* Count a change the reports would show (see store_data_version());
 * called inside the writing transaction. */
static bool bump_version(struct store *st, GError **err)
{
	sqlite3_stmt *s = stmt(st, "INSERT INTO meta(key, value)"
			       " VALUES('data_version', 1) ON CONFLICT(key)"
			       " DO UPDATE SET value=value+1", err);

	return s && step_done(st, s, err);
}

static char *meta_get(struct store *st, const char *key)
{
	sqlite3_stmt *s = stmt(st, "SELECT value FROM meta WHERE key=?",
			       NULL);

	if (!s)
		return NULL;
	bind_text(s, 1, key);
	return first_text(s);
}

char *store_data_version(struct store *st)
{
	char *v = meta_get(st, "data_version");

	return v ? v : g_strdup("0");
}

/* The "reports:" prefix dates from when only report folders had one. */
char *store_output_version(struct store *st, const char *path)
{
	g_autofree char *key = g_strconcat("reports:", path, NULL);

	return meta_get(st, key);
}

GHashTable *store_output_versions_in(struct store *st, const char *dir,
				     GError **err)
{
	g_autofree char *from = g_strconcat("reports:", dir, "/", NULL);
	g_autofree char *to = g_strconcat("reports:", dir, "0", NULL);
	GHashTable *out = g_hash_table_new_full(g_str_hash, g_str_equal,
						g_free, g_free);
	/* '0' follows '/': the range holds exactly the keys under dir/. */
	sqlite3_stmt *s = stmt(st, "SELECT key, value FROM meta"
			       " WHERE key>=?1 AND key<?2", err);
	int rc;

	if (!s) {
		g_hash_table_unref(out);
		return NULL;
	}
	bind_text(s, 1, from);
	bind_text(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		g_autofree char *key = col_text(s, 0);

		g_hash_table_replace(out, col_text(s, 1),
				     g_strdup(key + strlen("reports:")));
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		g_hash_table_unref(out);
		db_fail(st, err, "read");
		return NULL;
	}
	return out;
}

bool store_set_output_version(struct store *st, const char *path,
			      const char *version, GError **err)
{
	g_autofree char *key = g_strconcat("reports:", path, NULL);
	sqlite3_stmt *s = stmt(st, "INSERT OR REPLACE INTO meta(key, value)"
			       " VALUES(?, ?)", err);

	if (!s)
		return false;
	bind_text(s, 1, key);
	bind_text(s, 2, version);
	return step_done(st, s, err);
}

int store_schema_version(struct store *st)
{
	sqlite3_stmt *s;
	int v = 0;

	s = stmt(st, "SELECT value FROM meta WHERE key = 'schema_version'",
		 NULL);
	if (!s)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return v;
}

static bool migrate(struct store *st, GError **err)
{
	int v;

	if (!exec(st, "CREATE TABLE IF NOT EXISTS meta("
		  "key TEXT PRIMARY KEY, value TEXT)", err))
		return false;
	/* Each step in its own immediate transaction, so two processes
	 * opening a new database do not both migrate it. */
	for (;;) {
		sqlite3_stmt *s;

		if (!exec(st, "BEGIN IMMEDIATE", err))
			return false;
		v = store_schema_version(st);
		if (v < 0 || v > STORE_SCHEMA_VERSION) {
			exec(st, "ROLLBACK", NULL);
			g_set_error(err, SCREENER_ERROR, SE_IO,
				    "database schema version %d is newer than "
				    "this program (%d)", v,
				    STORE_SCHEMA_VERSION);
			return false;
		}
		if (v == STORE_SCHEMA_VERSION)
			return exec(st, "COMMIT", err);
		if (!exec(st, migrations[v], err))
			goto fail;
		s = stmt(st, "INSERT OR REPLACE INTO meta(key, value) "
			 "VALUES('schema_version', ?)", err);
		if (!s)
			goto fail;
		sqlite3_bind_int(s, 1, v + 1);
		if (!step_done(st, s, err) || !exec(st, "COMMIT", err))
			goto fail;
	}
fail:
	exec(st, "ROLLBACK", NULL);
	return false;
}

/* Create the file private before SQLite opens it: SQLite makes the WAL
 * and shared-memory files with the database file's mode. */
static bool create_private(const char *path, GError **err)
{
	g_autofree char *dir = g_path_get_dirname(path);
	int fd;

	if (!atomic_mkdir(dir, err))
		return false;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		g_set_error(err, SCREENER_ERROR, SE_IO,
			    "cannot open the database: %s",
			    g_strerror(errno));
		return false;
	}
	(void)fchmod(fd, 0600);
	close(fd);
	return true;
}

static void finalize(gpointer s)
{
	sqlite3_finalize(s);
}

struct store *store_open(const char *path, GError **err)
{
	struct store *st;

	if (!create_private(path, err))
		return NULL;
	st = g_new0(struct store, 1);
	st->stmts = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
					  finalize);
	/* One thread uses a store (the main one): no mutexes needed. */
	if (sqlite3_open_v2(path, &st->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW |
			    SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		db_fail(st, err, "open");
		store_close(st);
		return NULL;
	}
	sqlite3_busy_timeout(st->db, 5000);
	sqlite3_extended_result_codes(st->db, 0);
	if (!exec(st, "PRAGMA journal_mode=WAL", err) ||
	    !exec(st, "PRAGMA synchronous=NORMAL", err) ||
	    !exec(st, "PRAGMA foreign_keys=ON", err) || !migrate(st, err)) {
		store_close(st);
		return NULL;
	}
	return st;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	g_hash_table_destroy(st->stmts);
	sqlite3_close(st->db);
	g_free(st);
}

gint64 store_count(struct store *st, const char *table)
{
	/* Table names cannot be bound: accept only our own. */
	static const char *const tables[] = {
		"runs", "criteria", "applicants", "documents", "screenings",
		"criterion_scores", "evidence", "skipped", "decisions",
		"self_id", "erasures",
	};
	g_autofree char *sql = NULL;
	sqlite3_stmt *s;
	gint64 n = -1;
	guint i;

	for (i = 0; i < G_N_ELEMENTS(tables); i++)
		if (strcmp(tables[i], table) == 0)
			break;
	if (i == G_N_ELEMENTS(tables))
		return -1;
	sql = g_strdup_printf("SELECT count(*) FROM %s", tables[i]);
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

gint64 store_run_begin(struct store *st, const struct store_run *r,
		       GError **err)
{
	sqlite3_stmt *s = stmt(st, "SELECT 1 FROM runs WHERE id=(SELECT"
			       " max(id) FROM runs) AND finished IS NULL", err);
	bool killed;

	if (!s)
		return 0;
	/* A run that never finished may have changed anything: whatever
	 * reports exist no longer vouch for the data. */
	killed = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	if (killed && !bump_version(st, err))
		return 0;
	s = stmt(st,
		"INSERT INTO runs(started, tool_version, ruleset_hash,"
		" ruleset_dir, as_of, inbox, shard) VALUES(?,?,?,?,?,?,?)",
		err);

	if (!s)
		return 0;
	bind_text(s, 1, r->started);
	bind_text(s, 2, r->tool_version);
	bind_text(s, 3, r->ruleset_hash);
	bind_text(s, 4, r->ruleset_dir);
	bind_text(s, 5, r->as_of);
	bind_text(s, 6, r->inbox);
	bind_text(s, 7, r->shard);
	if (!step_done(st, s, err))
		return 0;
	return sqlite3_last_insert_rowid(st->db);
}

bool store_run_finish(struct store *st, gint64 run, const char *finished,
		      const struct store_counts *c, GError **err)
{
	sqlite3_stmt *s = stmt(st,
		"UPDATE runs SET finished=?, applicants=?, advanced=?,"
		" archived=?, knocked_out=?, needs_review=?, failed_files=?,"
		" screened=?, extracted=? WHERE id=?", err);

	if (!s)
		return false;
	bind_text(s, 1, finished);
	sqlite3_bind_int(s, 2, c->applicants);
	sqlite3_bind_int(s, 3, c->advanced);
	sqlite3_bind_int(s, 4, c->archived);
	sqlite3_bind_int(s, 5, c->knocked_out);
	sqlite3_bind_int(s, 6, c->needs_review);
	sqlite3_bind_int(s, 7, c->failed_files);
	sqlite3_bind_int(s, 8, c->screened);
	sqlite3_bind_int(s, 9, c->extracted);
	sqlite3_bind_int64(s, 10, run);
	return step_done(st, s, err);
}

bool store_put_criteria(struct store *st, const char *ruleset_hash,
			const struct store_criterion *c, guint n,
			GError **err)
{
	guint i;

	if (!exec(st, "BEGIN IMMEDIATE", err))
		return false;
	for (i = 0; i < n; i++) {
		sqlite3_stmt *s = stmt(st,
			"INSERT OR IGNORE INTO criteria(ruleset_hash, idx, id,"
			" title, weight, scored) VALUES(?,?,?,?,?,?)", err);

		if (!s)
			goto fail;
		bind_text(s, 1, ruleset_hash);
		sqlite3_bind_int(s, 2, i);
		bind_text(s, 3, c[i].id);
		bind_text(s, 4, c[i].title);
		sqlite3_bind_double(s, 5, c[i].weight);
		sqlite3_bind_int(s, 6, c[i].scored);
		if (!step_done(st, s, err))
			goto fail;
		if (sqlite3_changes(st->db) > 0 && !bump_version(st, err))
			goto fail;
	}
	return exec(st, "COMMIT", err);
fail:
	exec(st, "ROLLBACK", NULL);
	return false;
}

void store_known_clear(struct store_known *k)
{
	g_clear_pointer(&k->error, g_free);
	g_clear_pointer(&k->doc, g_bytes_unref);
	g_clear_pointer(&k->facts_json, g_free);
	g_clear_pointer(&k->warnings, g_free);
	memset(k, 0, sizeof(*k));
}

bool store_lookup_document(struct store *st, const char *sha256,
			   struct store_known *out, GError **err)
{
	/* An ok copy first: a content that once failed for a passing
	 * reason (a timeout) and later extracted is ok. */
	sqlite3_stmt *s = stmt(st,
		"SELECT status, format, pages, error_code, error, doc,"
		" facts_json, warnings, attempts FROM documents WHERE sha256=?"
		" ORDER BY status = 'ok' DESC, id LIMIT 1", err);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!s)
		return false;
	bind_text(s, 1, sha256);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->found = true;
		out->ok = strcmp((const char *)sqlite3_column_text(s, 0),
				 "ok") == 0;
		out->format = sqlite3_column_int(s, 1);
		out->pages = sqlite3_column_int(s, 2);
		out->error_code = sqlite3_column_int(s, 3);
		if (sqlite3_column_type(s, 4) != SQLITE_NULL)
			out->error = col_text(s, 4);
		if (sqlite3_column_type(s, 5) == SQLITE_BLOB)
			out->doc = g_bytes_new(sqlite3_column_blob(s, 5),
					       sqlite3_column_bytes(s, 5));
		if (sqlite3_column_type(s, 6) != SQLITE_NULL)
			out->facts_json = col_text(s, 6);
		if (sqlite3_column_type(s, 7) != SQLITE_NULL)
			out->warnings = col_text(s, 7);
		if (out->ok && !out->doc)
			out->found = false;	/* nothing to decode */
		/* a failure that may pass: extract it again */
		if (!out->ok &&
		    error_temporary(out->error_code, out->error) &&
		    sqlite3_column_int(s, 8) < STORE_RETRIES)
			out->found = false;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(st, err, "read");
	return true;
}

/* Whether one of the applicant's present documents failed for a reason
 * that may pass and has tries left: then it is not unchanged. */
static bool retry_due(struct store *st, const char *key)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT d.error_code, d.error FROM documents d JOIN"
		" applicants a ON a.id=d.applicant_id WHERE a.key=? AND"
		" d.present=1 AND d.status='failed' AND d.attempts<?", NULL);
	bool due = false;

	if (!s)
		return false;
	bind_text(s, 1, key);
	sqlite3_bind_int(s, 2, STORE_RETRIES);
	while (!due && sqlite3_step(s) == SQLITE_ROW)
		due = error_temporary(sqlite3_column_int(s, 0),
				      (const char *)sqlite3_column_text(s, 1));
	sqlite3_reset(s);
	return due;
}

char *store_current_inputs(struct store *st, const char *key,
			   const char *ruleset_hash)
{
	sqlite3_stmt *s;
	char *h = NULL;

	if (retry_due(st, key))
		return NULL;
	s = stmt(st,
		"SELECT s.inputs_hash, s.ruleset_hash FROM screenings s"
		" JOIN applicants a ON a.id = s.applicant_id WHERE a.key=?"
		" ORDER BY s.id DESC LIMIT 1", NULL);
	if (!s)
		return NULL;
	bind_text(s, 1, key);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    g_strcmp0((const char *)sqlite3_column_text(s, 1),
		      ruleset_hash) == 0)
		h = col_text(s, 0);
	sqlite3_reset(s);
	return h;
}

char *store_sha_by_stat(struct store *st, const char *key, const char *path,
			const char *stat)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT d.sha256 FROM documents d JOIN applicants a"
		" ON a.id=d.applicant_id WHERE a.key=? AND d.path=? AND"
		" d.stat=? AND d.present=1", NULL);

	if (!s)
		return NULL;
	bind_text(s, 1, key);
	bind_text(s, 2, path);
	bind_text(s, 3, stat);
	return first_text(s);
}

bool store_applicants_seen(struct store *st, const char *const *keys,
			   guint n, gint64 run, GError **err)
{
	sqlite3_stmt *s;
	guint i;

	if (n == 0)
		return true;
	if (!exec(st, "BEGIN IMMEDIATE", err))
		return false;
	for (i = 0; i < n; i++) {
		s = stmt(st, "UPDATE applicants SET last_run=? WHERE key=?",
			 err);
		if (!s)
			goto fail;
		sqlite3_bind_int64(s, 1, run);
		bind_text(s, 2, keys[i]);
		if (!step_done(st, s, err))
			goto fail;
	}
	return exec(st, "COMMIT", err);
fail:
	exec(st, "ROLLBACK", NULL);
	return false;
}

/* Run sql once per item, in one transaction: an item is a struct of
 * cols strings (char *) and nothing else, bound to ?1..?cols. */
static bool write_each(struct store *st, const char *sql, const void *items,
		       gsize stride, guint n, guint cols, GError **err)
{
	guint i, c;

	if (n == 0)
		return true;
	if (!exec(st, "BEGIN IMMEDIATE", err))
		return false;
	for (i = 0; i < n; i++) {
		const char *const *cell = (const char *const *)
			((const char *)items + i * stride);
		sqlite3_stmt *s = stmt(st, sql, err);

		if (!s)
			goto fail;
		for (c = 0; c < cols; c++)
			bind_text(s, c + 1, cell[c]);
		if (!step_done(st, s, err))
			goto fail;
	}
	return exec(st, "COMMIT", err);
fail:
	exec(st, "ROLLBACK", NULL);
	return false;
}

bool store_set_stats(struct store *st, const struct store_stat *items,
		     guint n, GError **err)
{
	G_STATIC_ASSERT(sizeof(*items) == 4 * sizeof(char *));
	return write_each(st,
		"UPDATE documents SET stat=?4 WHERE applicant_id=(SELECT"
		" id FROM applicants WHERE key=?1) AND sha256=?3 AND"
		" path=?2 AND present=1 AND stat IS NOT ?4",
		items, sizeof(*items), n, 4, err);
}

struct store_applicant *store_applicant_new(const char *key)
{
	struct store_applicant *a = g_new0(struct store_applicant, 1);

	a->key = g_strdup(key);
	a->docs = g_ptr_array_new_with_free_func(
		(GDestroyNotify)store_doc_free);
	a->evidence = g_array_new(FALSE, TRUE, sizeof(struct store_evidence));
	a->rule_errors = g_ptr_array_new_with_free_func(g_free);
	return a;
}

void store_doc_free(struct store_doc *d)
{
	if (!d)
		return;
	g_free(d->path);
	g_free(d->error);
	g_free(d->warnings);
	if (d->doc)
		g_bytes_unref(d->doc);
	g_free(d->facts_json);
	g_free(d->stat);
	g_free(d);
}

void store_applicant_free(struct store_applicant *a)
{
	guint i;

	if (!a)
		return;
	for (i = 0; i < a->evidence->len; i++) {
		struct store_evidence *e =
			&g_array_index(a->evidence, struct store_evidence, i);

		g_free(e->criterion);
		g_free(e->rule);
		g_free(e->before);
		g_free(e->match);
		g_free(e->after);
	}
	g_array_unref(a->evidence);
	g_ptr_array_unref(a->rule_errors);
	g_ptr_array_unref(a->docs);
	g_free(a->key);
	g_free(a->name);
	g_free(a->email);
	g_free(a->phone);
	g_free(a->phone_digits);
	g_free(a->form);
	g_free(a->crit);
	score_result_clear(&a->result);
	g_free(a);
}

static gint64 upsert_applicant(struct store *st, gint64 run,
			       const struct store_applicant *a, GError **err)
{
	sqlite3_stmt *s = stmt(st,
		"INSERT INTO applicants(key, name, email, phone, phone_digits,"
		" first_run, last_run, present, blind_id)"
		" VALUES(?1,?2,?3,?4,?5,?6,?6,1,lower(hex(randomblob(5))))"
		" ON CONFLICT(key) DO UPDATE SET name=?2, email=?3, phone=?4,"
		" phone_digits=?5, last_run=?6, present=1", err);
	gint64 id = 0;

	if (!s)
		return 0;
	bind_text(s, 1, a->key);
	bind_text(s, 2, a->name);
	bind_text(s, 3, a->email);
	bind_text(s, 4, a->phone);
	bind_text(s, 5, a->phone_digits);
	sqlite3_bind_int64(s, 6, run);
	if (!step_done(st, s, err))
		return 0;
	s = stmt(st, "SELECT id FROM applicants WHERE key=?", err);
	if (!s)
		return 0;
	bind_text(s, 1, a->key);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (!id)
		db_fail(st, err, "applicant");
	return id;
}

/* Insert or refresh one document; returns its id. */
static gint64 upsert_document(struct store *st, gint64 run, gint64 app,
			      const struct store_doc *d, GError **err)
{
	sqlite3_stmt *s = stmt(st,
		"INSERT INTO documents(applicant_id, path, sha256, role,"
		" format, pages, size, status, error_code, error, warnings,"
		" doc, facts_json, first_run, last_run, present, stat,"
		" attempts)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?14,1,"
		"?15,?16) ON CONFLICT(applicant_id, sha256) DO UPDATE SET"
		" path=?2, role=?4, last_run=?14, present=1, stat=?15,"
		/* tried again (a temporary failure): this run's outcome */
		" format=iif(?17,?5,format), pages=iif(?17,?6,pages),"
		" status=iif(?17,?8,status),"
		" error_code=iif(?17,?9,error_code), error=iif(?17,?10,error),"
		" warnings=iif(?17,?11,warnings), doc=iif(?17,?12,doc),"
		" facts_json=iif(?17,?13,facts_json),"
		" attempts=attempts+?16", err);
	gint64 id = 0;

	if (!s)
		return 0;
	sqlite3_bind_int64(s, 1, app);
	bind_text(s, 2, d->path);
	bind_text(s, 3, d->sha256);
	sqlite3_bind_int(s, 4, d->role);
	sqlite3_bind_int(s, 5, d->format);
	sqlite3_bind_int(s, 6, d->pages);
	sqlite3_bind_int64(s, 7, d->size);
	bind_text(s, 8, d->ok ? "ok" : "failed");
	sqlite3_bind_int(s, 9, d->error_code);
	bind_text(s, 10, d->error);
	bind_text(s, 11, d->warnings);
	if (d->doc)
		sqlite3_bind_blob(s, 12, g_bytes_get_data(d->doc, NULL),
				  g_bytes_get_size(d->doc), SQLITE_STATIC);
	else
		sqlite3_bind_null(s, 12);
	bind_text(s, 13, d->facts_json);
	sqlite3_bind_int64(s, 14, run);
	bind_text(s, 15, d->stat);
	sqlite3_bind_int(s, 16, d->fresh && !d->ok &&
			 error_temporary(d->error_code, d->error));
	sqlite3_bind_int(s, 17, d->fresh);
	if (!step_done(st, s, err))
		return 0;
	s = stmt(st, "SELECT id FROM documents WHERE applicant_id=? AND"
		 " sha256=?", err);
	if (!s)
		return 0;
	sqlite3_bind_int64(s, 1, app);
	bind_text(s, 2, d->sha256);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (!id)
		db_fail(st, err, "document");
	return id;
}

static gint64 insert_screening(struct store *st, gint64 run, gint64 app,
			       const char *ruleset_hash, const char *as_of,
			       const struct store_applicant *a, GError **err)
{
	const struct score_result *r = &a->result;
	const char *bucket = score_bucket_name(r->bucket);
	sqlite3_stmt *s = stmt(st,
		"INSERT INTO screenings(run_id, applicant_id, ruleset_hash,"
		" inputs_hash, as_of, total, met, scored_bucket, scored_reason,"
		" bucket, reason, ko, ko_reason, flag, form)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?8,?9,?10,?11,?12,?13)",
		err);

	if (!s)
		return 0;
	sqlite3_bind_int64(s, 1, run);
	sqlite3_bind_int64(s, 2, app);
	bind_text(s, 3, ruleset_hash);
	bind_text(s, 4, a->inputs_hash);
	bind_text(s, 5, as_of);
	sqlite3_bind_double(s, 6, r->total);
	sqlite3_bind_int(s, 7, r->met);
	bind_text(s, 8, bucket);
	bind_text(s, 9, r->reason);
	bind_text(s, 10, score_ko_name(r->ko));
	bind_text(s, 11, r->ko_reason);
	sqlite3_bind_int(s, 12, r->flag);
	bind_text(s, 13, a->form);
	if (!step_done(st, s, err))
		return 0;
	return sqlite3_last_insert_rowid(st->db);
}

static bool put_scores(struct store *st, gint64 scr,
		       const struct store_applicant *a, const gint64 *doc_ids,
		       GError **err)
{
	guint i;

	for (i = 0; i < a->n_crit; i++) {
		sqlite3_stmt *s = stmt(st,
			"INSERT INTO criterion_scores(screening_id, idx,"
			" criterion, score, points, met)"
			" VALUES(?,?,(SELECT id FROM criteria WHERE"
			" ruleset_hash=(SELECT ruleset_hash FROM screenings"
			" WHERE id=?1) AND idx=?2),?,?,?)", err);

		if (!s)
			return false;
		sqlite3_bind_int64(s, 1, scr);
		sqlite3_bind_int(s, 2, i);
		sqlite3_bind_double(s, 3, a->crit[i].score);
		sqlite3_bind_double(s, 4, a->crit[i].points);
		sqlite3_bind_int(s, 5, a->crit[i].met);
		if (!step_done(st, s, err))
			return false;
	}
	for (i = 0; i < a->evidence->len; i++) {
		const struct store_evidence *e =
			&g_array_index(a->evidence, struct store_evidence, i);
		sqlite3_stmt *s = stmt(st,
			"INSERT INTO evidence(screening_id, idx, criterion,"
			" rule, document_id, start, \"end\", page, para,"
			" before, match, after, points)"
			" VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)", err);

		if (!s)
			return false;
		sqlite3_bind_int64(s, 1, scr);
		sqlite3_bind_int(s, 2, e->crit);
		bind_text(s, 3, e->criterion);
		bind_text(s, 4, e->rule);
		if (e->doc < a->docs->len)
			sqlite3_bind_int64(s, 5, doc_ids[e->doc]);
		sqlite3_bind_int64(s, 6, e->start);
		sqlite3_bind_int64(s, 7, e->end);
		sqlite3_bind_int64(s, 8, e->page);
		sqlite3_bind_int64(s, 9, e->para);
		bind_text(s, 10, e->before);
		bind_text(s, 11, e->match);
		bind_text(s, 12, e->after);
		sqlite3_bind_double(s, 13, e->points);
		if (!step_done(st, s, err))
			return false;
	}
	return true;
}

bool store_put_applicant(struct store *st, gint64 run,
			 const char *ruleset_hash, const char *as_of,
			 const struct store_applicant *a, GError **err)
{
	g_autofree gint64 *doc_ids = g_new0(gint64, a->docs->len + 1);
	sqlite3_stmt *s;
	gint64 app, scr;
	guint i;

	if (!st->batch && !exec(st, "BEGIN IMMEDIATE", err))
		return false;
	app = upsert_applicant(st, run, a, err);
	if (!app)
		goto fail;
	for (i = 0; i < a->docs->len; i++) {
		doc_ids[i] = upsert_document(st, run, app,
					     g_ptr_array_index(a->docs, i),
					     err);
		if (!doc_ids[i])
			goto fail;
	}
	/* Documents no longer in the applicant's folder stay stored but
	 * stop counting. */
	s = stmt(st, "UPDATE documents SET present=0 WHERE applicant_id=?"
		 " AND last_run<>? AND present=1", err);
	if (!s)
		goto fail;
	sqlite3_bind_int64(s, 1, app);
	sqlite3_bind_int64(s, 2, run);
	if (!step_done(st, s, err))
		goto fail;
	scr = insert_screening(st, run, app, ruleset_hash, as_of, a, err);
	if (!scr || !put_scores(st, scr, a, doc_ids, err) ||
	    !bump_version(st, err))
		goto fail;
	return st->batch || exec(st, "COMMIT", err);
fail:
	/* In a batch the applicants before this one go too: none of them
	 * was committed, and the run stops here. */
	exec(st, "ROLLBACK", NULL);
	st->batch = false;
	return false;
}

bool store_batch_begin(struct store *st, GError **err)
{
	g_return_val_if_fail(!st->batch, false);
	if (!exec(st, "BEGIN IMMEDIATE", err))
		return false;
	st->batch = true;
	return true;
}

bool store_batch_end(struct store *st, GError **err)
{
	if (!st->batch)
		return true;
	st->batch = false;
	if (exec(st, "COMMIT", err))
		return true;
	exec(st, "ROLLBACK", NULL);
	return false;
}

bool store_in_batch(const struct store *st)
{
	return st->batch;
}

bool store_put_skip(struct store *st, gint64 run, const char *name,
		    const char *key, const char *reason, bool *fresh,
		    GError **err)
{
	sqlite3_stmt *s = stmt(st, "SELECT 1 FROM skipped WHERE name=? AND"
			       " coalesce(applicant, '')=coalesce(?, '') AND"
			       " reason=?", err);

	if (!s)
		return false;
	bind_text(s, 1, name);
	bind_text(s, 2, key);
	bind_text(s, 3, reason);
	*fresh = sqlite3_step(s) != SQLITE_ROW;
	sqlite3_reset(s);
	s = stmt(st, "INSERT INTO skipped(name, applicant, reason, last_run)"
		 " VALUES(?1,?2,?3,?4) ON CONFLICT(name) DO UPDATE SET"
		 " applicant=?2, reason=?3, last_run=?4", err);
	if (!s)
		return false;
	bind_text(s, 1, name);
	bind_text(s, 2, key);
	bind_text(s, 3, reason);
	sqlite3_bind_int64(s, 4, run);
	return step_done(st, s, err) && (!*fresh || bump_version(st, err));
}

/* The current screening of every present applicant, for ranking. */
struct cur {
	gint64 scr, app;
	char *key;
	double total;
	guint met;
	int scored_bucket;	/* enum score_bucket */
	char *reason;		/* scored reason (moved into rank items) */
	char *bucket, *final_reason, *dup;	/* as stored */
	guint rank;
	char *ko;
	char *email, *phone;
	int resumes, letters;	/* readable documents of each role */
};

static void cur_clear(struct cur *c)
{
	g_free(c->email);
	g_free(c->phone);
	g_free(c->key);
	g_free(c->reason);
	g_free(c->bucket);
	g_free(c->final_reason);
	g_free(c->dup);
	g_free(c->ko);
}

#define DUPLICATES_SHOWN 3

/* Present applicants grouped by what they may share: an e-mail, a phone
 * number, a document's content.  Each group is the cur indexes of its
 * members, sorted by key.  Built once per ranking from one read of each
 * table, so finding every applicant's partners costs O(n log n): asking
 * the database for each applicant's partners cost O(n^2) rows for a
 * crowd sharing one e-mail (5000 of them: 25 million). */
struct dup_index {
	GArray *cur;			/* struct cur, not owned */
	GHashTable *by[3];		/* value -> GArray of guint */
	GPtrArray **docs;		/* per cur index: its document groups */
	guint *stamp;			/* per cur index: last counted for */
};

static int dup_by_key(gconstpointer pa, gconstpointer pb, gpointer data)
{
	GArray *cur = data;
	guint a = *(const guint *)pa, b = *(const guint *)pb;

	return strcmp(g_array_index(cur, struct cur, a).key,
		      g_array_index(cur, struct cur, b).key);
}

static void dup_group_free(gpointer g)
{
	g_array_unref(g);
}

static GArray *dup_add(struct dup_index *x, guint kind, const char *value,
		       guint i)
{
	GArray *g = g_hash_table_lookup(x->by[kind], value);

	if (!g) {
		g = g_array_new(FALSE, FALSE, sizeof(guint));
		g_hash_table_insert(x->by[kind], g_strdup(value), g);
	}
	g_array_append_val(g, i);
	return g;
}

static void dup_index_clear(struct dup_index *x)
{
	guint k;

	for (k = 0; k < G_N_ELEMENTS(x->by); k++)
		if (x->by[k])
			g_hash_table_destroy(x->by[k]);
	for (k = 0; x->docs && k < x->cur->len; k++)
		if (x->docs[k])
			g_ptr_array_unref(x->docs[k]);
	g_free(x->docs);
	g_free(x->stamp);
}

/* Group the present applicants (cur) by e-mail, phone and the content of
 * their present documents. */
static bool dup_index_build(struct store *st, gint64 run,
			    struct dup_index *x, GError **err)
{
	g_autoptr(GHashTable) by_id = g_hash_table_new(g_int64_hash,
						       g_int64_equal);
	sqlite3_stmt *s;
	guint i, k;
	int rc;

	for (k = 0; k < G_N_ELEMENTS(x->by); k++)
		x->by[k] = g_hash_table_new_full(g_str_hash, g_str_equal,
						 g_free, dup_group_free);
	x->docs = g_new0(GPtrArray *, x->cur->len + 1);
	x->stamp = g_new(guint, x->cur->len + 1);
	for (i = 0; i < x->cur->len; i++) {
		struct cur *c = &g_array_index(x->cur, struct cur, i);

		x->stamp[i] = G_MAXUINT;
		g_hash_table_insert(by_id, &c->app, GUINT_TO_POINTER(i + 1));
		if (c->email && *c->email)
			dup_add(x, 0, c->email, i);
		if (c->phone && *c->phone)
			dup_add(x, 1, c->phone, i);
	}
	s = stmt(st, "SELECT d.applicant_id, d.sha256 FROM documents d"
		 " JOIN applicants a ON a.id=d.applicant_id"
		 " WHERE d.present=1 AND a.last_run=?1", err);
	if (!s)
		return false;
	sqlite3_bind_int64(s, 1, run);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		gint64 app = sqlite3_column_int64(s, 0);
		guint at = GPOINTER_TO_UINT(g_hash_table_lookup(by_id, &app));
		const char *sha = (const char *)sqlite3_column_text(s, 1);
		GArray *g;

		if (!at || !sha)
			continue;
		g = dup_add(x, 2, sha, at - 1);
		if (!x->docs[at - 1])
			x->docs[at - 1] = g_ptr_array_new();
		/* UNIQUE(applicant_id, sha256): each group once */
		g_ptr_array_add(x->docs[at - 1], g);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "read");
	for (k = 0; k < G_N_ELEMENTS(x->by); k++) {
		GHashTableIter it;
		gpointer g;

		g_hash_table_iter_init(&it, x->by[k]);
		while (g_hash_table_iter_next(&it, NULL, &g))
			g_array_sort_with_data(g, dup_by_key, x->cur);
	}
	return true;
}

static int dup_key_cmp(gconstpointer pa, gconstpointer pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

/* One kind of partner of applicant i, in the groups given (each sorted
 * by key): the first DUPLICATES_SHOWN keys but i's own, in key order,
 * and how many there are in all. */
static void dup_partners(struct dup_index *x, guint i, GArray **groups,
			 guint ng, GPtrArray *first, guint *n)
{
	guint j, k, shown;

	*n = 0;
	g_ptr_array_set_size(first, 0);
	for (j = 0; j < ng; j++) {
		for (k = 0, shown = 0; k < groups[j]->len; k++) {
			guint o = g_array_index(groups[j], guint, k);

			if (o == i)
				continue;
			if (shown++ < DUPLICATES_SHOWN)
				g_ptr_array_add(first, g_array_index(x->cur,
					struct cur, o).key);
			if (ng == 1) {
				(*n)++;
			} else if (x->stamp[o] != i) {
				/* in two shared documents: counted once */
				x->stamp[o] = i;
				(*n)++;
			}
		}
	}
	if (ng > 1) {
		/* each group's first keys hold the first ones of all */
		g_ptr_array_sort(first, dup_key_cmp);
		for (j = 0, k = 0; k < first->len; k++)
			if (!j || strcmp(first->pdata[j - 1], first->pdata[k]))
				first->pdata[j++] = first->pdata[k];
		g_ptr_array_set_size(first, j);
	}
	if (first->len > DUPLICATES_SHOWN)
		g_ptr_array_set_size(first, DUPLICATES_SHOWN);
}

/* For present applicant i, the other present keys sharing its e-mail,
 * phone or a document's content: "same e-mail as x, y (+4 more); same
 * document as z".  A few keys per kind keep the cell readable.  Display
 * text, like a reason: the keys (file names from the public) escaped
 * here, so no report shows them raw. */
static char *duplicates_of(struct dup_index *x, guint i)
{
	static const char *const kinds[] = {
		"same e-mail as ", "same phone as ", "same document as ",
	};
	const struct cur *c = &g_array_index(x->cur, struct cur, i);
	g_autoptr(GPtrArray) first = g_ptr_array_new();
	GString *out = g_string_new(NULL);
	guint k, j, n;

	for (k = 0; k < G_N_ELEMENTS(kinds); k++) {
		g_autoptr(GPtrArray) shared = g_ptr_array_new();
		const char *v = k == 0 ? c->email : c->phone;

		if (k < 2 && v && *v)
			g_ptr_array_add(shared,
					g_hash_table_lookup(x->by[k], v));
		for (j = 0; k == 2 && x->docs[i] && j < x->docs[i]->len; j++)
			if (((GArray *)x->docs[i]->pdata[j])->len > 1)
				g_ptr_array_add(shared, x->docs[i]->pdata[j]);
		if (!shared->len)
			continue;
		dup_partners(x, i, (GArray **)shared->pdata, shared->len,
			     first, &n);
		if (!n)
			continue;
		g_string_append_printf(out, "%s%s", out->len ? "; " : "",
				       kinds[k]);
		for (j = 0; j < first->len; j++) {
			if (j)
				g_string_append(out, ", ");
			escape_name_append(out, first->pdata[j],
					   strlen(first->pdata[j]));
		}
		if (n > DUPLICATES_SHOWN)
			g_string_append_printf(out, " (+%u more)",
					       n - DUPLICATES_SHOWN);
	}
	return g_string_free(out, FALSE);
}

/* Whether a is the better author for a letter than b: the better bucket,
 * then the smaller key, so the choice does not depend on row order. */
static bool better_author(const struct score_rank_item *a,
			  const struct score_rank_item *b)
{
	if (a->bucket != b->bucket)
		return a->bucket < b->bucket;
	return strcmp(a->key, b->key) < 0;
}

/* A cover letter sent alone, as an applicant of its own, belongs to the
 * applicant whose resume shares its e-mail or phone: it takes that
 * applicant's bucket and total, and says whose letter it is.  A letter
 * with no such resume stays in review ("no resume"). */
static void letters_to_authors(struct score_rank_item *items, guint n)
{
	g_autoptr(GHashTable) by = g_hash_table_new(g_str_hash, g_str_equal);
	guint i, k;

	for (i = 0; i < n; i++) {
		const struct cur *c = items[i].data;
		const char *ids[] = { c->email, c->phone };

		if (c->resumes == 0)
			continue;
		for (k = 0; k < G_N_ELEMENTS(ids); k++) {
			struct score_rank_item *had;

			if (!ids[k] || !*ids[k])
				continue;
			had = g_hash_table_lookup(by, ids[k]);
			if (!had || better_author(&items[i], had))
				g_hash_table_insert(by, (char *)ids[k],
						    &items[i]);
		}
	}
	for (i = 0; i < n; i++) {
		const struct cur *c = items[i].data;
		const char *ids[] = { c->email, c->phone };
		const struct score_rank_item *author = NULL, *a;
		GString *why;

		if (c->resumes > 0 || c->letters == 0)
			continue;
		for (k = 0; k < G_N_ELEMENTS(ids); k++)
			if (ids[k] && *ids[k] &&
			    (a = g_hash_table_lookup(by, ids[k])) &&
			    (!author || better_author(a, author)))
				author = a;
		if (!author)
			continue;
		why = g_string_new("cover letter of ");
		escape_name_append(why, author->key, strlen(author->key));
		g_string_append_printf(why, ": %s", author->reason);
		items[i].bucket = author->bucket;
		items[i].total = author->total;
		items[i].met = author->met;
		g_free(items[i].reason);
		items[i].reason = g_string_free(why, FALSE);
	}
}

/* The ranking is worked out from one read of the present applicants
 * (those of this run) and written in one short transaction holding only
 * the updates that change something: the write lock is never held while
 * reading, ranking or looking for duplicates, so a concurrent `decide`
 * waits milliseconds, whatever the number of applicants.  Only a run
 * (one at a time, by the lock file) writes these rows, so nothing read
 * can change before the write. */
bool store_finish_ranking(struct store *st, gint64 run,
			  const struct score_config *cfg,
			  struct store_counts *counts, GError **err)
{
	g_autoptr(GArray) cur = g_array_new(FALSE, TRUE, sizeof(struct cur));
	g_autofree struct score_rank_item *items = NULL;
	g_autofree char **dups = NULL;
	g_autofree bool *ranked = NULL;
	struct dup_index dx = { .cur = cur };
	sqlite3_stmt *s;
	bool ok = false, changed, dups_changed, in_read = false;
	guint i;
	int rc;

	/* one snapshot for every read (WAL: no lock taken on writers) */
	if (!exec(st, "BEGIN", err))
		return false;
	in_read = true;
	s = stmt(st, "SELECT 1 FROM applicants WHERE present<>(last_run=?1)"
		 " LIMIT 1", err);
	if (!s)
		goto out;
	sqlite3_bind_int64(s, 1, run);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(st, err, "read");
		goto out;
	}
	changed = rc == SQLITE_ROW;
	/* Duplicates change only with the present applicants' data: an
	 * applicant stored since the last finished run (this one, or one
	 * killed before its ranking) or one coming or going. */
	s = stmt(st, "SELECT 1 FROM screenings WHERE run_id>coalesce((SELECT"
		 " max(id) FROM runs WHERE finished IS NOT NULL AND id<?1), 0)"
		 " LIMIT 1", err);
	if (!s)
		goto out;
	sqlite3_bind_int64(s, 1, run);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(st, err, "read");
		goto out;
	}
	dups_changed = changed || rc == SQLITE_ROW;
	/* An applicant erased since: the others may have named it. */
	{
		g_autofree char *stale = meta_get(st, "duplicates_stale");

		if (stale)
			dups_changed = changed = true;
	}
	/* A file skipped last time and gone now leaves errors.csv. */
	s = stmt(st, "SELECT 1 FROM skipped WHERE last_run=(SELECT max(id)"
		 " FROM runs WHERE finished IS NOT NULL AND id<?1) LIMIT 1",
		 err);
	if (!s)
		goto out;
	sqlite3_bind_int64(s, 1, run);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW) {
		changed = true;
	} else if (rc != SQLITE_DONE) {
		db_fail(st, err, "read");
		goto out;
	}
	s = stmt(st, "SELECT s.id, a.id, a.key, s.total, s.met,"
		 " s.scored_bucket, s.scored_reason, s.bucket, s.reason,"
		 " s.rank, a.duplicate, s.ko, a.email, a.phone_digits,"
		 " (SELECT count(*) FROM documents d WHERE d.applicant_id=a.id"
		 " AND d.present=1 AND d.status='ok' AND d.role=0),"
		 " (SELECT count(*) FROM documents d WHERE d.applicant_id=a.id"
		 " AND d.present=1 AND d.status='ok' AND d.role=1)"
		 " FROM applicants a JOIN screenings s"
		 " ON s.id=(SELECT max(id) FROM screenings WHERE"
		 " applicant_id=a.id) WHERE a.last_run=?1", err);
	if (!s)
		goto out;
	sqlite3_bind_int64(s, 1, run);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cur c = { 0 };
		int b = score_bucket_parse(
			(const char *)sqlite3_column_text(s, 5));

		c.scr = sqlite3_column_int64(s, 0);
		c.app = sqlite3_column_int64(s, 1);
		c.key = col_text(s, 2);
		c.total = sqlite3_column_double(s, 3);
		c.met = sqlite3_column_int(s, 4);
		c.scored_bucket = b < 0 ? SCORE_REVIEW : b;
		c.reason = col_text(s, 6);
		c.bucket = col_text(s, 7);
		c.final_reason = col_text(s, 8);
		c.rank = sqlite3_column_int(s, 9);
		if (sqlite3_column_type(s, 10) != SQLITE_NULL)
			c.dup = col_text(s, 10);
		c.ko = col_text(s, 11);
		if (sqlite3_column_type(s, 12) != SQLITE_NULL)
			c.email = col_text(s, 12);
		if (sqlite3_column_type(s, 13) != SQLITE_NULL)
			c.phone = col_text(s, 13);
		c.resumes = sqlite3_column_int(s, 14);
		c.letters = sqlite3_column_int(s, 15);
		g_array_append_val(cur, c);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		db_fail(st, err, "read");
		goto out;
	}
	if (dups_changed && !dup_index_build(st, run, &dx, err))
		goto out;
	if (!exec(st, "COMMIT", err))
		goto out;
	in_read = false;

	/* ranking and duplicates, in memory */
	items = g_new0(struct score_rank_item, cur->len + 1);
	for (i = 0; i < cur->len; i++) {
		struct cur *c = &g_array_index(cur, struct cur, i);

		items[i].key = c->key;
		items[i].total = c->total;
		items[i].met = c->met;
		items[i].bucket = c->scored_bucket;
		items[i].reason = c->reason;
		items[i].data = c;
		c->reason = NULL;
	}
	letters_to_authors(items, cur->len);
	score_rank(cfg, items, cur->len);
	memset(counts, 0, sizeof(*counts));
	counts->applicants = cur->len;
	dups = g_new0(char *, cur->len + 1);
	ranked = g_new0(bool, cur->len + 1);
	for (i = 0; i < cur->len; i++) {
		struct cur *c = items[i].data;
		guint at = c - &g_array_index(cur, struct cur, 0);
		const char *bucket = score_bucket_name(items[i].bucket);

		if (items[i].bucket == SCORE_ADVANCE)
			counts->advanced++;
		else if (items[i].bucket == SCORE_ARCHIVE)
			counts->archived++;
		else
			counts->needs_review++;
		if (strcmp(c->ko, "fail") == 0)
			counts->knocked_out++;
		ranked[i] = c->rank != items[i].rank ||
			    strcmp(c->bucket, bucket) ||
			    g_strcmp0(c->final_reason, items[i].reason);
		if (dups_changed) {
			dups[i] = duplicates_of(&dx, at);
			if (g_strcmp0(dups[i], c->dup ? c->dup : "") == 0)
				g_clear_pointer(&dups[i], g_free);
		}
		changed = changed || ranked[i] || dups[i];
	}
	if (!changed) {
		ok = true;
		goto out;
	}

	/* the write: updates only */
	if (!exec(st, "BEGIN IMMEDIATE", err))
		goto out;
	s = stmt(st, "UPDATE applicants SET present=(last_run=?1)"
		 " WHERE present<>(last_run=?1)", err);
	if (!s)
		goto fail;
	sqlite3_bind_int64(s, 1, run);
	if (!step_done(st, s, err))
		goto fail;
	for (i = 0; i < cur->len; i++) {
		struct cur *c = items[i].data;

		if (ranked[i]) {
			s = stmt(st, "UPDATE screenings SET rank=?, bucket=?,"
				 " reason=? WHERE id=?", err);
			if (!s)
				goto fail;
			sqlite3_bind_int(s, 1, items[i].rank);
			bind_text(s, 2, score_bucket_name(items[i].bucket));
			bind_text(s, 3, items[i].reason);
			sqlite3_bind_int64(s, 4, c->scr);
			if (!step_done(st, s, err))
				goto fail;
		}
		if (dups[i]) {
			s = stmt(st, "UPDATE applicants SET duplicate=?"
				 " WHERE id=?", err);
			if (!s)
				goto fail;
			bind_text(s, 1, dups[i]);
			sqlite3_bind_int64(s, 2, c->app);
			if (!step_done(st, s, err))
				goto fail;
		}
	}
	ok = exec(st, "DELETE FROM meta WHERE key='duplicates_stale'", err) &&
	     bump_version(st, err) && exec(st, "COMMIT", err);
fail:
	if (!ok)
		exec(st, "ROLLBACK", NULL);
out:
	if (in_read)
		exec(st, "ROLLBACK", NULL);
	dup_index_clear(&dx);
	for (i = 0; dups && i < cur->len; i++)
		g_free(dups[i]);
	for (i = 0; items && i < cur->len; i++)
		g_free(items[i].reason);
	for (i = 0; i < cur->len; i++)
		cur_clear(&g_array_index(cur, struct cur, i));
	return ok;
}

gint64 store_latest_run(struct store *st, char **ruleset_hash)
{
	sqlite3_stmt *s = stmt(st, "SELECT id, ruleset_hash FROM runs WHERE"
			       " finished IS NOT NULL ORDER BY id DESC"
			       " LIMIT 1", NULL);
	gint64 id = 0;

	if (!s)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		if (ruleset_hash)
			*ruleset_hash = col_text(s, 1);
	}
	sqlite3_reset(s);
	return id;
}

char *store_run_inbox(struct store *st, gint64 run)
{
	sqlite3_stmt *s = stmt(st, "SELECT inbox FROM runs WHERE id=?", NULL);

	if (!s)
		return NULL;
	sqlite3_bind_int64(s, 1, run);
	return first_text(s);
}

/* Each row's first column as a string into out. */
static bool strings_into(struct store *st, sqlite3_stmt *s, GPtrArray *out,
			 GError **err)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		g_ptr_array_add(out, col_text(s, 0));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "read");
	return true;
}

bool store_identity(struct store *st, const char *key, GPtrArray *paths,
		    GPtrArray *contacts, GError **err)
{
	sqlite3_stmt *s = stmt(st, "SELECT d.path FROM documents d JOIN"
			       " applicants a ON a.id=d.applicant_id WHERE"
			       " a.key=? AND d.present=1 ORDER BY d.path", err);

	if (!s)
		return false;
	bind_text(s, 1, key);
	if (!strings_into(st, s, paths, err))
		return false;
	s = stmt(st, "SELECT DISTINCT j.value FROM documents d JOIN"
		 " applicants a ON a.id=d.applicant_id,"
		 " json_each(d.facts_json, '$.contacts') j WHERE a.key=?"
		 " AND d.present=1 AND json_valid(d.facts_json)"
		 " AND j.type='text'", err);
	if (!s)
		return false;
	bind_text(s, 1, key);
	return strings_into(st, s, contacts, err);
}

char *store_run_ruleset_dir(struct store *st, gint64 run)
{
	sqlite3_stmt *s = stmt(st, "SELECT ruleset_dir FROM runs WHERE id=?",
			       NULL);

	if (!s)
		return NULL;
	sqlite3_bind_int64(s, 1, run);
	return first_text(s);
}

/* Step s to its end, making one element of each row with read_row;
 * resets s.  The caller owns the array; NULL with err on a database
 * error. */
static gpointer crit_row_read(sqlite3_stmt *s, gconstpointer ctx)
{
	struct store_crit_row *r = g_new0(struct store_crit_row, 1);

	r->id = col_text(s, 0);
	r->title = col_text(s, 1);
	r->weight = sqlite3_column_double(s, 2);
	r->scored = sqlite3_column_int(s, 3);
	return r;
}

static GPtrArray *collect_rows(struct store *st, sqlite3_stmt *s,
			       gpointer (*read_row)(sqlite3_stmt *, gconstpointer),
			       gconstpointer ctx, GDestroyNotify free_row,
			       GError **err)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(free_row);
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		g_ptr_array_add(out, read_row(s, ctx));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		g_ptr_array_unref(out);
		db_fail(st, err, "read");
		return NULL;
	}
	return out;
}

static void crit_row_free(gpointer p)
{
	struct store_crit_row *r = p;

	g_free(r->id);
	g_free(r->title);
	g_free(r);
}

GPtrArray *store_criteria(struct store *st, const char *ruleset_hash,
			  GError **err)
{
	sqlite3_stmt *s = stmt(st, "SELECT id, title, weight, scored FROM"
			       " criteria WHERE ruleset_hash=? ORDER BY idx",
			       err);

	if (!s)
		return NULL;
	bind_text(s, 1, ruleset_hash);
	return collect_rows(st, s, crit_row_read, NULL, crit_row_free, err);
}

static void ranked_free(gpointer p)
{
	struct store_ranked *r = p;

	g_free(r->key);
	g_free(r->name);
	g_free(r->email);
	g_free(r->phone);
	g_free(r->bucket);
	g_free(r->reason);
	g_free(r->ko);
	g_free(r->ko_reason);
	g_free(r->duplicate);
	g_free(r->decision);
	g_free(r->flags);
	g_free(r->blind_id);
	g_free(r->shown);
	g_free(r->crit);
	g_free(r);
}

static gpointer ranked_read(sqlite3_stmt *s, gconstpointer ctx)
{
	struct store_ranked *r = g_new0(struct store_ranked, 1);

	r->rank = sqlite3_column_int(s, 0);
	r->applicant_id = sqlite3_column_int64(s, 1);
	r->screening_id = sqlite3_column_int64(s, 2);
	r->key = col_text(s, 3);
	r->name = col_text(s, 4);
	r->email = col_text(s, 5);
	r->phone = col_text(s, 6);
	r->total = sqlite3_column_double(s, 7);
	r->met = sqlite3_column_int(s, 8);
	r->bucket = col_text(s, 9);
	r->reason = col_text(s, 10);
	r->ko = col_text(s, 11);
	r->ko_reason = col_text(s, 12);
	r->duplicate = col_text(s, 13);
	r->n_docs = sqlite3_column_int(s, 14);
	r->decision = col_text(s, 15);
	r->flag = sqlite3_column_int(s, 16) != 0;
	r->flags = col_text(s, 17);
	r->blind_id = col_text(s, 18);
	r->shown = g_strdup(r->key);
	r->n_crit = *(const guint *)ctx;
	r->crit = g_new0(struct store_crit_score, r->n_crit + 1);
	return r;
}

static bool load_scores(struct store *st, struct store_ranked *r,
			GError **err)
{
	sqlite3_stmt *s = stmt(st, "SELECT idx, score, points, met FROM"
			       " criterion_scores WHERE screening_id=?", err);
	int rc;

	if (!s)
		return false;
	sqlite3_bind_int64(s, 1, r->screening_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int i = sqlite3_column_int(s, 0);

		if (i < 0 || (guint)i >= r->n_crit)
			continue;
		r->crit[i].score = sqlite3_column_double(s, 1);
		r->crit[i].points = sqlite3_column_double(s, 2);
		r->crit[i].met = sqlite3_column_int(s, 3);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "read");
	return true;
}

GPtrArray *store_ranking(struct store *st, guint n_crit, GError **err)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT s.rank, a.id, s.id, a.key, a.name, a.email, a.phone,"
		" s.total, s.met, s.bucket, s.reason, s.ko, s.ko_reason,"
		" a.duplicate, (SELECT count(*) FROM documents d WHERE"
		" d.applicant_id=a.id AND d.present=1),"
		" (SELECT decision || ' by ' || reviewer || ' ' || time FROM"
		" decisions WHERE applicant_id=a.id ORDER BY id DESC LIMIT 1)"
		", s.flag,"
		" (SELECT group_concat(w, '; ') FROM (SELECT d.warnings AS w"
		" FROM documents d WHERE d.applicant_id=a.id AND d.present=1"
		" AND d.warnings <> '' ORDER BY d.path)),"
		" a.blind_id"
		" FROM applicants a JOIN screenings s ON s.id=(SELECT max(id)"
		" FROM screenings WHERE applicant_id=a.id) WHERE a.present=1"
		" ORDER BY s.rank, a.key", err);
	GPtrArray *out;
	guint i;

	if (!s)
		return NULL;
	out = collect_rows(st, s, ranked_read, &n_crit, ranked_free, err);
	if (!out)
		return NULL;
	for (i = 0; i < out->len; i++) {
		if (!load_scores(st, g_ptr_array_index(out, i), err)) {
			g_ptr_array_unref(out);
			return NULL;
		}
	}
	return out;
}

/* Two statements, not one with "?1 IS NULL OR key=?1": that form
 * defeats the key index and makes one applicant's page scan them all. */
#define EVIDENCE_SELECT \
	"SELECT a.key, e.criterion, e.rule, d.path, e.page, e.para," \
	" e.start, e.\"end\", e.before, e.match, e.after, e.points," \
	" e.document_id" \
	" FROM applicants a JOIN screenings s ON s.id=(SELECT max(id)" \
	" FROM screenings WHERE applicant_id=a.id)" \
	" JOIN evidence e ON e.screening_id=s.id" \
	" LEFT JOIN documents d ON d.id=e.document_id WHERE a.present=1"
#define EVIDENCE_ORDER " ORDER BY s.rank, a.key, e.idx, d.path, e.start, e.id"

bool store_each_evidence(struct store *st, const char *key,
			 store_evidence_fn fn, void *data, GError **err)
{
	sqlite3_stmt *s = key ?
		stmt(st, EVIDENCE_SELECT " AND a.key=?1" EVIDENCE_ORDER, err) :
		stmt(st, EVIDENCE_SELECT EVIDENCE_ORDER, err);
	int rc;

	if (!s)
		return false;
	bind_text(s, 1, key);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_evidence_row r = { 0 };
		bool ok;

		r.key = col_text(s, 0);
		r.criterion = col_text(s, 1);
		r.rule = col_text(s, 2);
		r.document = col_text(s, 3);
		r.page = sqlite3_column_int(s, 4);
		r.para = sqlite3_column_int(s, 5);
		r.start = sqlite3_column_int64(s, 6);
		r.end = sqlite3_column_int64(s, 7);
		r.before = col_text(s, 8);
		r.match = col_text(s, 9);
		r.after = col_text(s, 10);
		r.points = sqlite3_column_double(s, 11);
		r.document_id = sqlite3_column_int64(s, 12);
		ok = fn(&r, data, err);
		g_free(r.key);
		g_free(r.criterion);
		g_free(r.rule);
		g_free(r.document);
		g_free(r.before);
		g_free(r.match);
		g_free(r.after);
		if (!ok) {
			sqlite3_reset(s);
			return false;
		}
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "read");
	return true;
}

static void error_row_free(gpointer p)
{
	struct store_error_row *r = p;

	g_free(r->file);
	g_free(r->key);
	g_free(r->reason);
	g_free(r);
}

static gpointer error_row_read(sqlite3_stmt *s, gconstpointer ctx)
{
	struct store_error_row *r = g_new0(struct store_error_row, 1);

	r->file = col_text(s, 0);
	r->key = col_text(s, 1);
	r->reason = col_text(s, 2);
	return r;
}

GPtrArray *store_errors(struct store *st, gint64 run, GError **err)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT d.path, a.key, d.error FROM documents d JOIN"
		" applicants a ON a.id=d.applicant_id WHERE d.status='failed'"
		" AND d.present=1 AND a.present=1"
		" UNION ALL SELECT name, coalesce(applicant, ''), reason FROM"
		" skipped WHERE last_run=? ORDER BY 1, 2", err);

	if (!s)
		return NULL;
	sqlite3_bind_int64(s, 1, run);
	return collect_rows(st, s, error_row_read, NULL, error_row_free, err);
}

bool store_decide(struct store *st, const char *key, const char *time,
		  const char *reviewer, const char *decision,
		  const char *note, GError **err)
{
	sqlite3_stmt *s;

	/* The decision and the change count together, so the next run
	 * never keeps reports that miss it. */
	if (!exec(st, "BEGIN IMMEDIATE", err))
		return false;
	s = stmt(st,
		"INSERT INTO decisions(applicant_id, time, reviewer, decision,"
		" note) SELECT id, ?, ?, ?, ? FROM applicants WHERE key=?", err);
	if (!s)
		goto fail;
	bind_text(s, 1, time);
	bind_text(s, 2, reviewer);
	bind_text(s, 3, decision);
	bind_text(s, 4, note);
	bind_text(s, 5, key);
	if (!step_done(st, s, err))
		goto fail;
	if (sqlite3_changes(st->db) != 1) {
		g_set_error(err, SCREENER_ERROR, SE_FAILED,
			    "no such applicant");
		goto fail;
	}
	if (bump_version(st, err) && exec(st, "COMMIT", err))
		return true;
fail:
	exec(st, "ROLLBACK", NULL);
	return false;
}

static void decision_row_free(gpointer p)
{
	struct store_decision_row *r = p;

	g_free(r->time);
	g_free(r->reviewer);
	g_free(r->decision);
	g_free(r->note);
	g_free(r);
}

static gpointer decision_row_read(sqlite3_stmt *s, gconstpointer ctx)
{
	struct store_decision_row *r = g_new0(struct store_decision_row, 1);

	r->time = col_text(s, 0);
	r->reviewer = col_text(s, 1);
	r->decision = col_text(s, 2);
	r->note = col_text(s, 3);
	return r;
}

GPtrArray *store_decisions(struct store *st, const char *key, GError **err)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT d.time, d.reviewer, d.decision, d.note FROM decisions d"
		" JOIN applicants a ON a.id=d.applicant_id WHERE a.key=?"
		" ORDER BY d.id", err);

	if (!s)
		return NULL;
	bind_text(s, 1, key);
	return collect_rows(st, s, decision_row_read, NULL, decision_row_free, err);
}

static void document_row_free(gpointer p)
{
	struct store_document_row *r = p;

	g_free(r->path);
	g_free(r->sha256);
	g_free(r->status);
	g_free(r->error);
	g_free(r->warnings);
	if (r->doc)
		g_bytes_unref(r->doc);
	g_free(r->facts_json);
	g_free(r);
}

static gpointer document_row_read(sqlite3_stmt *s, gconstpointer ctx)
{
	struct store_document_row *r = g_new0(struct store_document_row, 1);

	r->id = sqlite3_column_int64(s, 0);
	r->path = col_text(s, 1);
	r->sha256 = col_text(s, 2);
	r->role = sqlite3_column_int(s, 3);
	r->format = sqlite3_column_int(s, 4);
	r->pages = sqlite3_column_int(s, 5);
	r->status = col_text(s, 6);
	r->error_code = sqlite3_column_int(s, 7);
	r->error = col_text(s, 8);
	r->warnings = col_text(s, 9);
	if (sqlite3_column_type(s, 10) == SQLITE_BLOB)
		r->doc = g_bytes_new(sqlite3_column_blob(s, 10),
			     sqlite3_column_bytes(s, 10));
	r->facts_json = col_text(s, 11);
	return r;
}

GPtrArray *store_documents(struct store *st, const char *key, GError **err)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT d.id, d.path, d.sha256, d.role, d.format, d.pages,"
		" d.status, d.error_code, d.error, d.warnings, d.doc,"
		" d.facts_json FROM documents d JOIN applicants a"
		" ON a.id=d.applicant_id WHERE a.key=? AND d.present=1"
		" ORDER BY d.path", err);

	if (!s)
		return NULL;
	bind_text(s, 1, key);
	return collect_rows(st, s, document_row_read, NULL, document_row_free, err);
}

static void facts_row_free(gpointer p)
{
	struct store_facts_row *r = p;

	g_free(r->path);
	g_free(r->degree);
	g_free(r->field);
	g_free(r->merged);
	g_free(r->merged_relevant);
	g_free(r->certifications);
	g_free(r->spelling);
	g_free(r);
}

static double col_number(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL ? -1 :
	       sqlite3_column_double(s, i);
}

static gpointer facts_row_read(sqlite3_stmt *s, gconstpointer ctx)
{
	struct store_facts_row *r = g_new0(struct store_facts_row, 1);

	r->path = col_text(s, 0);
	r->years_total = col_number(s, 1);
	r->years_relevant = col_number(s, 2);
	r->degree = col_text(s, 3);
	r->field = col_text(s, 4);
	r->merged = col_text(s, 5);
	r->merged_relevant = col_text(s, 6);
	r->certifications = col_text(s, 7);
	r->spelling_errors = col_number(s, 8);
	r->spelling = col_text(s, 9);
	return r;
}

/* The facts are stored as facts_print() JSON; SQLite's JSON functions
 * read it, so no second JSON parser is needed. */
#define INTERVALS(path) \
	"(SELECT group_concat(json_extract(value,'$.from')||' to '||" \
	"json_extract(value,'$.to')||', '||json_extract(value,'$.months')" \
	"||' months','; ') FROM json_each(d.facts_json,'" path "'))"
#define TEXTS(path, sep) \
	"(SELECT group_concat(json_extract(value,'$.text'),'" sep "')" \
	" FROM json_each(d.facts_json,'" path "'))"

GPtrArray *store_facts(struct store *st, const char *key, GError **err)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT d.path,"
		" json_extract(d.facts_json,'$.facts.years_total'),"
		" json_extract(d.facts_json,'$.facts.years_relevant'),"
		" json_extract(d.facts_json,'$.degree'),"
		" json_extract(d.facts_json,'$.field'),"
		" " INTERVALS("$.merged") ","
		" " INTERVALS("$.merged_relevant") ","
		" " TEXTS("$.evidence.certifications", "; ") ","
		" json_extract(d.facts_json,'$.facts.spelling_errors'),"
		" " TEXTS("$.evidence.spelling_errors", ", ")
		" FROM documents d JOIN applicants a ON a.id=d.applicant_id"
		" WHERE a.key=? AND d.present=1 AND d.status='ok'"
		" AND json_valid(d.facts_json) ORDER BY d.path", err);

	if (!s)
		return NULL;
	bind_text(s, 1, key);
	return collect_rows(st, s, facts_row_read, NULL, facts_row_free, err);
}

bool store_view_load(struct store *st, struct store_view *v, GError **err)
{
	g_autofree char *hash = NULL;

	memset(v, 0, sizeof(*v));
	v->run = store_latest_run(st, &hash);
	v->inbox = v->run ? store_run_inbox(st, v->run) : NULL;
	if (!v->inbox)
		v->inbox = g_strdup(".");
	v->blind = v->run && store_run_blind(st, v->run);
	v->crits = store_criteria(st, hash ? hash : "", err);
	if (v->crits)
		v->rows = store_ranking(st, v->crits->len, err);
	if (!v->rows) {
		store_view_clear(v);
		return false;
	}
	return true;
}

void store_view_clear(struct store_view *v)
{
	g_clear_pointer(&v->inbox, g_free);
	g_clear_pointer(&v->crits, g_ptr_array_unref);
	g_clear_pointer(&v->rows, g_ptr_array_unref);
}

/* For store_merge.c, the other half of the store (store_priv.h). */
bool store_priv_fail(struct store *st, GError **err, const char *what)
{
	return db_fail(st, err, what);
}

bool store_priv_bump_version(struct store *st, GError **err)
{
	return bump_version(st, err);
}

/* ---- blind review, self-identification, erasure ---- */

bool store_run_blind(struct store *st, gint64 run)
{
	sqlite3_stmt *s = stmt(st, "SELECT blind FROM runs WHERE id=?", NULL);
	bool blind = false;

	if (!s)
		return false;
	sqlite3_bind_int64(s, 1, run);
	if (sqlite3_step(s) == SQLITE_ROW)
		blind = sqlite3_column_int(s, 0) != 0;
	sqlite3_reset(s);
	return blind;
}

bool store_set_run_blind(struct store *st, gint64 run, bool blind,
			 GError **err)
{
	sqlite3_stmt *s = stmt(st, "UPDATE runs SET blind=? WHERE id=?", err);

	if (!s)
		return false;
	sqlite3_bind_int(s, 1, blind);
	sqlite3_bind_int64(s, 2, run);
	return step_done(st, s, err);
}

bool store_put_self_ids(struct store *st, const struct store_self_id *items,
			guint n, GError **err)
{
	G_STATIC_ASSERT(sizeof(*items) == 3 * sizeof(char *));
	/* Written only when it changed: an unchanged inbox writes
	 * nothing. */
	return write_each(st,
		"INSERT INTO self_id(applicant_id, sex, race)"
		" SELECT id, ?2, ?3 FROM applicants WHERE key=?1"
		" ON CONFLICT(applicant_id) DO UPDATE SET sex=?2,"
		" race=?3 WHERE sex<>?2 OR race<>?3",
		items, sizeof(*items), n, 3, err);
}

static void audit_row_free(gpointer p)
{
	struct store_audit_row *r = p;

	g_free(r->sex);
	g_free(r->race);
	g_free(r->bucket);
	g_free(r->decision);
	g_free(r->met);
	g_free(r);
}

static gpointer audit_row_read(sqlite3_stmt *s, gconstpointer ctx)
{
	struct store_audit_row *r = g_new0(struct store_audit_row, 1);

	r->sex = col_text(s, 0);
	r->race = col_text(s, 1);
	r->bucket = col_text(s, 2);
	r->decision = col_text(s, 3);
	r->met = col_text(s, 4);
	return r;
}

GPtrArray *store_audit_rows(struct store *st, const char *from,
			    const char *to, GError **err)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT coalesce(i.sex,'Unknown'), coalesce(i.race,'Unknown'),"
		" sc.bucket, coalesce((SELECT decision FROM decisions WHERE"
		" applicant_id=a.id ORDER BY id DESC LIMIT 1), ''),"
		" coalesce((SELECT group_concat(criterion, ' ') FROM"
		" criterion_scores WHERE screening_id=sc.id AND met=1), '')"
		" FROM applicants a JOIN screenings sc ON sc.id=(SELECT max(id)"
		" FROM screenings WHERE applicant_id=a.id)"
		" LEFT JOIN self_id i ON i.applicant_id=a.id"
		" JOIN runs r ON r.id=a.first_run"
		" WHERE substr(r.started,1,10)>=?1 AND substr(r.started,1,10)<=?2"
		" ORDER BY a.id", err);

	if (!s)
		return NULL;
	bind_text(s, 1, from ? from : "0000-00-00");
	bind_text(s, 2, to ? to : "9999-99-99");
	return collect_rows(st, s, audit_row_read, NULL, audit_row_free, err);
}

GPtrArray *store_expired(struct store *st, guint days, GError **err)
{
	g_autofree char *ago = g_strdup_printf("-%u days", days);
	sqlite3_stmt *s = stmt(st,
		"SELECT a.key FROM applicants a JOIN runs r ON r.id=a.last_run"
		" WHERE a.present=0 AND r.started<="
		" strftime('%Y-%m-%dT%H:%M:%SZ','now',?1) ORDER BY a.key", err);
	GPtrArray *out;
	int rc;

	if (!s)
		return NULL;
	bind_text(s, 1, ago);
	out = g_ptr_array_new_with_free_func(g_free);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		g_ptr_array_add(out, col_text(s, 0));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		g_ptr_array_unref(out);
		db_fail(st, err, "read");
		return NULL;
	}
	return out;
}

/* Statements of an erasure, in order: what refers to a row goes before
 * the row.  ?1 is the applicant's id, ?2 its key. */
static const char *const erase_sql[] = {
	"UPDATE applicants SET erasing=1 WHERE id=?1",
	"DELETE FROM evidence WHERE screening_id IN (SELECT id FROM"
	" screenings WHERE applicant_id=?1)",
	"DELETE FROM criterion_scores WHERE screening_id IN (SELECT id FROM"
	" screenings WHERE applicant_id=?1)",
	"DELETE FROM screenings WHERE applicant_id=?1",
	"DELETE FROM documents WHERE applicant_id=?1",
	"DELETE FROM decisions WHERE applicant_id=?1",
	"DELETE FROM self_id WHERE applicant_id=?1",
	"DELETE FROM skipped WHERE applicant=?2",
	"DELETE FROM applicants WHERE id=?1",
	/* the others' duplicate notes and cover-letter reasons may name
	 * it: the next ranking computes them again */
	"INSERT OR REPLACE INTO meta(key, value)"
	" VALUES('duplicates_stale', '1')",
};

bool store_forget(struct store *st, const char *key,
		  const struct store_erasure *e, GPtrArray *paths,
		  GError **err)
{
	sqlite3_stmt *s;
	gint64 app = 0;
	gint64 docs = 0;
	guint i;
	int rc;

	if (!exec(st, "PRAGMA secure_delete=ON", err) ||
	    !exec(st, "BEGIN IMMEDIATE", err))
		return false;
	s = stmt(st, "SELECT id FROM applicants WHERE key=?", err);
	if (!s)
		goto fail;
	bind_text(s, 1, key);
	if (sqlite3_step(s) == SQLITE_ROW)
		app = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (!app) {
		g_set_error(err, SCREENER_ERROR, SE_FAILED,
			    "no such applicant");
		goto fail;
	}
	s = stmt(st, "SELECT path FROM documents WHERE applicant_id=?"
		 " ORDER BY path", err);
	if (!s)
		goto fail;
	sqlite3_bind_int64(s, 1, app);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char *p = col_text(s, 0);

		docs++;
		/* the same file stored twice (content changed) once */
		if (paths && !(paths->len &&
			       strcmp(paths->pdata[paths->len - 1], p) == 0))
			g_ptr_array_add(paths, p);
		else
			g_free(p);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		db_fail(st, err, "read");
		goto fail;
	}
	for (i = 0; i < G_N_ELEMENTS(erase_sql); i++) {
		s = stmt(st, erase_sql[i], err);
		if (!s)
			goto fail;
		if (sqlite3_bind_parameter_count(s) >= 1)
			sqlite3_bind_int64(s, 1, app);
		if (sqlite3_bind_parameter_count(s) >= 2)
			bind_text(s, 2, key);
		if (!step_done(st, s, err))
			goto fail;
	}
	s = stmt(st, "INSERT INTO erasures(time, reviewer, reason, documents)"
		 " VALUES(?,?,?,?)", err);
	if (!s)
		goto fail;
	bind_text(s, 1, e->time);
	bind_text(s, 2, e->reviewer);
	bind_text(s, 3, e->reason);
	sqlite3_bind_int64(s, 4, docs);
	if (!step_done(st, s, err) || !bump_version(st, err))
		goto fail;
	return exec(st, "COMMIT", err);
fail:
	exec(st, "ROLLBACK", NULL);
	return false;
}

bool store_compact(struct store *st, GError **err)
{
	sqlite3_stmt *s;
	int rc;

	/* The statement cache holds prepared statements: VACUUM needs
	 * none running, and they are all reset after use. */
	if (!exec(st, "PRAGMA secure_delete=ON", err) ||
	    !exec(st, "VACUUM", err))
		return false;
	if (sqlite3_prepare_v2(st->db, "PRAGMA wal_checkpoint(TRUNCATE)", -1,
			       &s, NULL) != SQLITE_OK)
		return db_fail(st, err, "checkpoint");
	rc = sqlite3_step(s);
	/* column 0 is 1 when a reader kept the checkpoint from ending */
	if (rc == SQLITE_ROW && sqlite3_column_int(s, 0) != 0) {
		sqlite3_finalize(s);
		g_set_error(err, SCREENER_ERROR, SE_BUSY,
			    "database busy: the erased pages are still in "
			    "its log; try again");
		return false;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return db_fail(st, err, "checkpoint");
	return true;
}

