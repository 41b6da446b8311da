/*
 * pipeline.h - the worker pool of "screener run".
 *
 * N worker threads, each owning one struct sandbox (one extraction
 * child).  A worker takes one applicant at a time: extracts its new
 * documents in the child (or decodes the stored ones), computes facts,
 * matches the rule set, scores, and turns everything into a
 * struct store_applicant ready to write.  Workers never touch SQLite,
 * stdout or the progress display: the main thread pushes jobs, pops
 * results and owns all of those.
 */
#ifndef SCREENER_PIPELINE_H
#define SCREENER_PIPELINE_H

#include <stdbool.h>
#include <glib.h>
#include "caps.h"
#include "score.h"
#include "store.h"

struct ruleset;

struct pipeline_config {
	const struct ruleset *rs;	/* shared, read-only */
	const struct score_config *score;
	const char *as_of;		/* "YYYY-MM-DD" */
	const char *self_exe;		/* for the sandbox children */
	struct caps caps;
	guint jobs;			/* worker threads, at least 1 */
};

/* One document of a job, prepared by the main thread. */
struct pipeline_doc {
	char *name;		/* inbox-relative, as stored */
	bool cover_hint;
	char sha256[65];
	gint64 size;
	GBytes *data;		/* the file's bytes; NULL when unreadable */
	GError *read_error;	/* why it could not be read */
	struct store_known known;	/* what the store has for sha256 */
	char *stat;		/* stored with it (store_doc.stat) */
};

struct pipeline_job {
	char *key;
	GPtrArray *docs;	/* struct pipeline_doc * */
	enum score_form form;
	char inputs_hash[65];
};

/* A new job for key; the caller fills docs, form and inputs_hash
 * (pipeline_job_hash()). */
struct pipeline_job *pipeline_job_new(const char *key);
void pipeline_job_free(struct pipeline_job *job);
struct pipeline_doc *pipeline_doc_new(const char *name);
void pipeline_doc_free(struct pipeline_doc *d);

/* What identifies the job's inputs: the rule set's hash, the as-of date,
 * each document's name and content hash, and the form answer. */
void pipeline_job_hash(struct pipeline_job *job, const char *ruleset_hash,
		       const char *as_of);

struct pipeline;

/* Starts cfg->jobs workers.  cfg and what it points to must outlive the
 * pipeline.  Free with pipeline_free() (joins the workers). */
struct pipeline *pipeline_new(const struct pipeline_config *cfg);
void pipeline_free(struct pipeline *p);

/* Hand a job to the workers (takes ownership). */
void pipeline_push(struct pipeline *p, struct pipeline_job *job);

/* Wait for the next finished applicant (caller frees it with
 * store_applicant_free()); results come in completion order. */
struct store_applicant *pipeline_pop(struct pipeline *p);

/* The same, waiting at most us microseconds: NULL when none finished
 * by then. */
struct store_applicant *pipeline_pop_timeout(struct pipeline *p, gint64 us);

/* Run one job in the calling thread with the given sandbox (used by the
 * workers; tests too).  Never fails: problems become per-document
 * errors and a "needs review" bucket. */
struct sandbox;
struct store_applicant *pipeline_process(const struct pipeline_config *cfg,
					 struct sandbox *sb,
					 const struct pipeline_job *job);

#endif
