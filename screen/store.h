/*
 * store.h - the SQLite database: runs, applicants, documents (with their
 * encoded text, so re-scoring needs no re-extraction), screenings,
 * per-criterion scores, evidence, skipped files and the append-only
 * human decisions.
 *
 * Only store.c includes sqlite3.h; this header speaks in plain C records.
 * The store is used by one thread (the main one).  Every write of an
 * applicant is inside one transaction (its own, or a batch of a few), so
 * a run killed at any moment leaves each applicant either fully stored
 * or not at all.
 *
 * Schema (version 6; see store.c for the SQL):
 *   meta(key, value)                       schema_version
 *   runs(id, started, finished, tool_version, ruleset_hash, ruleset_dir,
 *        as_of, inbox, applicants, advanced, archived, knocked_out,
 *        needs_review, failed_files, screened, extracted, shard)
 *             shard: "K/N" for a shard's run and its copy in a merged
 *             database, "merge/N" for a merge, NULL otherwise
 *   criteria(ruleset_hash, idx, id, title, weight, scored)
 *   applicants(id, key, name, email, phone, phone_digits, duplicate,
 *              first_run, last_run, present)
 *   documents(id, applicant_id, path, sha256, role, format, pages, size,
 *             status 'ok'|'failed', error_code, error, warnings, doc BLOB
 *             (doc_encode), facts_json, first_run, last_run, present,
 *             stat)
 *             documents.last_run is the last run that stored its
 *             applicant (a row with a blob is never rewritten just to
 *             say "seen": SQLite would copy the whole blob)
 *   screenings(id, run_id, applicant_id, ruleset_hash, inputs_hash,
 *              as_of, total, met, scored_bucket, scored_reason, bucket,
 *              reason, rank, ko, ko_reason, flag, form)
 *   criterion_scores(screening_id, idx, criterion, score, points, met)
 *   evidence(id, screening_id, criterion, rule, document_id, start, end,
 *            page, para, before, match, after, points)
 *   skipped(name, applicant, reason, last_run)
 *   decisions(id, applicant_id, time, reviewer, decision, note)
 *            append-only: triggers refuse UPDATE and DELETE (DELETE
 *            only while the applicant is being erased)
 *   applicants also: blind_id (opaque number), erasing; runs: blind
 *   self_id(applicant_id, sex, race)       voluntary, audit only
 *   erasures(id, time, reviewer, reason, documents)   no personal data
 * An applicant's current screening is its newest (highest id).
 */
#ifndef SCREENER_STORE_H
#define SCREENER_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include "score.h"

struct store;

#define STORE_SCHEMA_VERSION 6

/* Runs that try again a document whose failure may pass
 * (error_temporary()); after them the failure is final. */
#define STORE_RETRIES 3

/* Open (creating it 0600 whatever the umask, and its folder 0700) and
 * migrate.  WAL, a busy timeout; SE_BUSY when the database stays locked,
 * SE_IO otherwise.  Caller frees with store_close(). */
struct store *store_open(const char *path, GError **err);
void store_close(struct store *st);
typedef struct store store;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(store, store_close)

int store_schema_version(struct store *st);

/* Rows in a table (tests, and the "no new rows" check); -1 on error. */
gint64 store_count(struct store *st, const char *table);

struct store_run {
	const char *started;	/* ISO 8601 UTC */
	const char *tool_version;
	const char *ruleset_hash;
	const char *ruleset_dir;
	const char *as_of;
	const char *inbox;
	const char *shard;	/* "K/N" (see runs.shard) or NULL */
};

struct store_counts {
	guint applicants, advanced, archived, knocked_out, needs_review;
	guint failed_files, screened, extracted;
};

/* Returns the new run id, or 0 with an error. */
gint64 store_run_begin(struct store *st, const struct store_run *r,
		       GError **err);
bool store_run_finish(struct store *st, gint64 run, const char *finished,
		      const struct store_counts *c, GError **err);

struct store_criterion {
	const char *id, *title;
	double weight;
	bool scored;
};

/* Record a rule set's criteria once (kept by hash). */
bool store_put_criteria(struct store *st, const char *ruleset_hash,
			const struct store_criterion *c, guint n,
			GError **err);

/* What the store knows of a content hash.  A failure that may pass
 * (error_temporary()), tried fewer than STORE_RETRIES times, is not
 * found: the caller extracts the document again. */
struct store_known {
	bool found;
	bool ok;
	int format;
	guint pages;
	int error_code;		/* when !ok */
	char *error;		/* when !ok; owned */
	GBytes *doc;		/* the encoded doc when ok; owned */
	char *facts_json;	/* owned */
	char *warnings;		/* owned, may be NULL */
};
bool store_lookup_document(struct store *st, const char *sha256,
			   struct store_known *out, GError **err);
void store_known_clear(struct store_known *k);

/* The inputs hash of the applicant's current screening under that rule
 * set hash (owned by the caller) or NULL: NULL too while one of its
 * documents failed for a reason that may pass and has tries left, so
 * that it is screened again. */
char *store_current_inputs(struct store *st, const char *key,
			   const char *ruleset_hash);

/* The content hash of the applicant's present document at path when
 * its stored stat string is exactly stat (owned by the caller), else
 * NULL.  Lets an unchanged file be known without reading it. */
char *store_sha_by_stat(struct store *st, const char *key, const char *path,
			const char *stat);

/* A number that grows with every change the reports would show
 * (applicants stored, ranking, duplicates, skipped files, decisions, a
 * run that never finished).  store_set_output_version() records what a
 * report output (a folder, an annotated copy: any path) was written
 * from, so an unchanged one need not be written again.  Strings are
 * owned by the caller; store_output_version() is NULL when none was
 * recorded. */
char *store_data_version(struct store *st);
char *store_output_version(struct store *st, const char *path);
bool store_set_output_version(struct store *st, const char *path,
			      const char *version, GError **err);
/* (version NULL forgets what path was written from.) */

/* The outputs recorded under the folder dir (a canonical path), as a
 * table from version to path (strings owned by the table; one path per
 * version), or NULL with a store error.  Finds a copy made from the
 * same inputs under another name. */
GHashTable *store_output_versions_in(struct store *st, const char *dir,
				     GError **err);

/* Record the stat of files read and found unchanged (copied or renamed
 * in, touched): the next run knows them without reading.  Rows already
 * holding that stat are not rewritten.  One transaction. */
struct store_stat {
	char *key, *path, *sha256, *stat;	/* borrowed */
};
bool store_set_stats(struct store *st, const struct store_stat *items,
		     guint n, GError **err);

/* Mark unchanged applicants as seen in run, in one transaction. */
bool store_applicants_seen(struct store *st, const char *const *keys,
			   guint n, gint64 run, GError **err);

/* One document of an applicant, as the worker produced it. */
struct store_doc {
	char *path;		/* inbox-relative name */
	char sha256[65];
	int role;		/* enum doc_role */
	int format;		/* enum doc_format */
	guint pages;
	gint64 size;
	bool ok;
	int error_code;
	char *error;		/* reason when !ok */
	char *warnings;		/* "; "-joined, or NULL */
	GBytes *doc;		/* encoded doc (ok only); may be NULL when the
				   content is already stored */
	char *facts_json;
	bool fresh;		/* failed or extracted in this run */
	char *stat;		/* the file as seen (see store_sha_by_stat),
				   NULL when it was too young to vouch */
};

struct store_evidence {
	guint crit;		/* criterion index */
	char *criterion, *rule;
	guint doc;		/* index into the applicant's docs */
	guint32 start, end, page, para;
	char *before, *match, *after;
	double points;
};

struct store_crit_score {
	double score, points;
	bool met;
};

struct store_applicant {
	char *key;
	char *name, *email, *phone, *phone_digits;
	GPtrArray *docs;		/* struct store_doc * */
	char inputs_hash[65];
	char *form;			/* "yes" / "no" / NULL */
	struct score_result result;
	guint n_crit;
	struct store_crit_score *crit;	/* n_crit */
	GArray *evidence;		/* struct store_evidence */
	/* char *: rules that failed on this applicant's documents ("rule X
	 * hit the match limit"); reported, not stored. */
	GPtrArray *rule_errors;
};

struct store_applicant *store_applicant_new(const char *key);
void store_applicant_free(struct store_applicant *a);
typedef struct store_applicant store_applicant;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(store_applicant, store_applicant_free)
void store_doc_free(struct store_doc *d);

/* Write one applicant's screening in one transaction (or in the
 * batch's, see below).  SE_BUSY, SE_IO; a failure in a batch rolls the
 * whole batch back. */
bool store_put_applicant(struct store *st, gint64 run,
			 const char *ruleset_hash, const char *as_of,
			 const struct store_applicant *a, GError **err);

/* Several applicants in one transaction: store_put_applicant() between
 * begin and end writes into it, and end commits them all (or none: a
 * run killed before the commit loses only these, which the next run
 * screens again).  Fewer commits, each of which costs a WAL frame
 * write and the lock's round trip.  store_set_output_version() writes
 * into it too; no other writer may be called in a batch.  Reads see what
 * it holds.  store_batch_end() with no batch open does
 * nothing.  SE_BUSY, SE_IO. */
bool store_batch_begin(struct store *st, GError **err);
bool store_batch_end(struct store *st, GError **err);
bool store_in_batch(const struct store *st);

/* Skipped inbox entries seen in this run (for errors.csv).  *fresh says
 * whether it is news (not skipped for the same reason before), so a
 * run from cron reports it once. */
bool store_put_skip(struct store *st, gint64 run, const char *name,
		    const char *key, const char *reason, bool *fresh,
		    GError **err);

/* End of a run: applicants not seen in run stop being present; ranks,
 * the top-N cap and duplicate flags are recomputed over the present
 * applicants (duplicates only when an applicant was stored or changed
 * presence since the last finished run); counts are filled in (not
 * failed_files, screened, extracted).  Only changed rows are written. */
bool store_finish_ranking(struct store *st, gint64 run,
			  const struct score_config *cfg,
			  struct store_counts *counts, GError **err);

/* ---- reading, for reports ---- */

/* The latest finished run, 0 when none. */
gint64 store_latest_run(struct store *st, char **ruleset_hash);

/* The inbox folder a run screened (documents' paths are relative to
 * it; absolute since the run stores it so), or NULL. */
char *store_run_inbox(struct store *st, gint64 run);

/* Criteria of a rule set, in order; free with g_ptr_array_unref. */
struct store_crit_row {
	char *id, *title;
	double weight;
	bool scored;
};
GPtrArray *store_criteria(struct store *st, const char *ruleset_hash,
			  GError **err);

struct store_ranked {
	guint rank;
	gint64 applicant_id, screening_id;
	char *key, *name, *email, *phone;
	double total;
	guint met;
	char *bucket, *reason, *ko, *ko_reason;
	char *duplicate;
	guint n_docs;
	char *decision;		/* latest human decision, "" when none */
	bool flag;		/* scoring left something to look at */
	char *flags;		/* what its documents warn of ("hidden text:
				   N words on page P"), "; "-joined, by
				   document name; "" when nothing */
	char *blind_id;		/* the opaque number of blind review */
	char *shown;		/* how reports name it: the key, or in
				   blind review a label (blind.h) */
	guint n_crit;
	struct store_crit_score *crit;	/* by criterion index */
};
/* Present applicants by rank. */
GPtrArray *store_ranking(struct store *st, guint n_crit, GError **err);

/* What every report and "screener show" read first: the latest finished
 * run, its inbox and rule set's criteria, and the ranking.  Loaded once
 * per report batch; store_view_clear() frees the members. */
struct blind;
struct store_view {
	gint64 run;		/* 0: no finished run */
	bool blind;		/* the latest run was blind */
	/* Set by the report batch (or show) in blind review: every output
	 * masks what it shows through it (blind.h); NULL otherwise. */
	struct blind *mask;
	char *inbox;		/* "." when unknown */
	GPtrArray *crits;	/* struct store_crit_row */
	GPtrArray *rows;	/* struct store_ranked */
};
bool store_view_load(struct store *st, struct store_view *v, GError **err);
void store_view_clear(struct store_view *v);

struct store_evidence_row {
	char *key, *criterion, *rule, *document;
	gint64 document_id;
	guint page, para;
	guint32 start, end;
	char *before, *match, *after;
	double points;
};
/* Call fn for each piece of evidence of the present applicants' current
 * screenings (only key's when key is not NULL), by rank, criterion,
 * document, offset, one row in memory at a time (the row is freed after
 * fn returns).  fn returning false stops with its error. */
typedef bool (*store_evidence_fn)(const struct store_evidence_row *r,
				  void *data, GError **err);
bool store_each_evidence(struct store *st, const char *key,
			 store_evidence_fn fn, void *data, GError **err);

/* An applicant's present documents, by path, with the encoded text
 * (doc_decode() it: evidence offsets point into its text) for reviewer
 * pages and annotated PDFs. */
struct store_document_row {
	gint64 id;
	char *path, *sha256, *status, *error, *warnings, *facts_json;
	int role, format, error_code;
	guint pages;
	GBytes *doc;		/* NULL when extraction failed */
};
GPtrArray *store_documents(struct store *st, const char *key,
			   GError **err);

/* The computed facts of an applicant's readable present documents, by
 * path, read from facts_json.  Numbers are -1 when absent; strings are
 * "" when absent. */
struct store_facts_row {
	char *path;
	double years_total, years_relevant;
	char *degree, *field;
	char *merged, *merged_relevant;	/* "2016-06 to 2024-02, 93
					   months; ..." */
	char *certifications;		/* "; "-joined, as written */
	double spelling_errors;
	char *spelling;			/* ", "-joined misspelt words */
};
GPtrArray *store_facts(struct store *st, const char *key, GError **err);

struct store_error_row {
	char *file, *key, *reason;
};
/* Failed present documents and entries skipped in the latest run, by
 * file name. */
GPtrArray *store_errors(struct store *st, gint64 run, GError **err);

/* ---- human decisions (append-only) ---- */

/* Append a decision ("advance" / "archive") for an applicant key.
 * time is ISO 8601; note may be NULL.  SE_FAILED when the key is
 * unknown. */
bool store_decide(struct store *st, const char *key, const char *time,
		  const char *reviewer, const char *decision,
		  const char *note, GError **err);

struct store_decision_row {
	char *time, *reviewer, *decision, *note;
};
/* Every decision for key, oldest first. */
GPtrArray *store_decisions(struct store *st, const char *key,
			   GError **err);

/* ---- blind review, self-identification, erasure ---- */

/* An applicant's present documents' paths (by path, as
 * store_documents() orders them) and every contact detail the facts
 * found in them (name, e-mail, phone, links, location), into paths and
 * contacts (char *, owned by the arrays).  For blind review. */
bool store_identity(struct store *st, const char *key, GPtrArray *paths,
		    GPtrArray *contacts, GError **err);

/* The rule set folder a run was given (as given), or NULL. */
char *store_run_ruleset_dir(struct store *st, gint64 run);

/* Whether run's reports hide identities (blind review); set once the
 * run has begun. */
bool store_run_blind(struct store *st, gint64 run);
bool store_set_run_blind(struct store *st, gint64 run, bool blind,
			 GError **err);

/* Voluntary self-identification of applicants, kept in a table of its
 * own that nothing scoring reads (selfid.h); rows of keys not stored
 * are ignored, unchanged rows not rewritten.  One transaction. */
struct store_self_id {
	const char *key, *sex, *race;	/* borrowed */
};
bool store_put_self_ids(struct store *st, const struct store_self_id *items,
			guint n, GError **err);

/* Every applicant first screened by a run started from from to to
 * (YYYY-MM-DD, inclusive; NULL: unbounded), present or not, with its
 * self-identification ("Unknown" when none), current bucket, latest
 * human decision ("" when none) and the criteria met (ids joined by
 * spaces).  Free with g_ptr_array_unref. */
struct store_audit_row {
	char *sex, *race, *bucket, *decision, *met;
};
GPtrArray *store_audit_rows(struct store *st, const char *from,
			    const char *to, GError **err);

/* Keys of applicants not present in the inbox since a run started at
 * least days ago (char *, by key). */
GPtrArray *store_expired(struct store *st, guint days, GError **err);

/* Erase an applicant: its documents (text, glyphs, facts), screenings,
 * scores, evidence, decisions, self-identification, skipped files and
 * the applicant row, in one transaction with secure_delete on; an
 * erasures row keeps time, reviewer, reason and the number of
 * documents, nothing about the person.  paths (may be NULL) gets the
 * inbox-relative names of its documents (char *, owned by the array).
 * SE_FAILED when key is unknown.  Call store_compact() after. */
struct store_erasure {
	const char *time, *reviewer, *reason;	/* reason: "request",
						   "retention" */
};
bool store_forget(struct store *st, const char *key,
		  const struct store_erasure *e, GPtrArray *paths,
		  GError **err);

/* VACUUM and a truncating WAL checkpoint, so erased bytes are in
 * neither the database file nor its log.  SE_BUSY when a reader kept
 * the log. */
bool store_compact(struct store *st, GError **err);

#endif
