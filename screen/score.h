/*
 * score.h - from per-criterion results to a total, a bucket, a reason
 * and a rank, following the rule set's profile (weights, the advance
 * rule, knock-out, top-N cap).
 *
 * Reads match results and a few applicant facts; never runs a rule,
 * never touches a document or the database.  Everything here is pure
 * and deterministic: the same inputs give the same bytes.
 */
#ifndef SCREENER_SCORE_H
#define SCREENER_SCORE_H

#include <stdbool.h>
#include <glib.h>
#include "match.h"

struct ruleset;

enum score_bucket {
	SCORE_ADVANCE = 0,
	SCORE_REVIEW,		/* needs a human: no readable resume */
	SCORE_ARCHIVE,
};

/* The knock-out question's outcome. */
enum score_ko {
	SCORE_KO_NONE = 0,	/* no knock-out in the profile, or no resume */
	SCORE_KO_PASS,		/* form "yes", or the resume shows it */
	SCORE_KO_FAIL,		/* form "no", or clearly too few years */
	SCORE_KO_NOT_EVIDENCED,	/* no gateway/broker named: a flag only */
};

/* The form's answer to the knock-out question. */
enum score_form {
	SCORE_FORM_NONE = 0,
	SCORE_FORM_YES,
	SCORE_FORM_NO,
};

/* One condition of an advance rule: a profile.ini "when" line is a list
 * of them, separated by commas, that must all hold. */
enum score_cond_kind {
	SCORE_COND_KNOCKOUT,	/* "knockout": the knock-out passed */
	SCORE_COND_MET,		/* "ID": that criterion met */
	SCORE_COND_N_OF,	/* "N of ID ID ...": at least N of them met */
	SCORE_COND_YEARS,	/* "years >= N" (the knock-out's years fact) */
	SCORE_COND_TOTAL,	/* "total >= N" */
	SCORE_COND_COUNT,	/* "met >= N": scored criteria met */
};

struct score_cond {
	enum score_cond_kind kind;
	double n;
	guint n_idx;
	guint *idx;		/* criterion indexes (MET: one) */
};

struct score_when {
	guint n_cond;
	struct score_cond *cond;
};

struct score_criterion {
	char *id;
	double weight;		/* share of the total; 0 when not scored */
	bool scored;
	bool must;		/* a must-have: not met archives */
	double max;		/* the criterion's max points; 0: unknown
				   (a met one then earns its whole weight) */
};

/* The profile as scoring needs it; built from a rule set, or by hand in
 * tests.  Free with score_config_free(). */
struct score_config {
	guint n_crit;
	struct score_criterion *crit;
	guint n_when;		/* advance when any of these holds */
	struct score_when *when;	/* none: the threshold and the
					   must-haves below */
	double threshold;	/* total 0-100 to advance */
	guint top_n;		/* 0: no cap */
	double top_percent;	/* 0: no cap */
	double ko_min_years;	/* 0: no years knock-out */
	int ko_signal;		/* criterion index of the gateway/broker
				   signal, -1: none */
	char *ko_question;	/* for the reason; may be NULL */
};

struct score_config *score_config_from_ruleset(const struct ruleset *rs);

/* Parse one "when" line against the criterion ids (n of them).  On
 * failure returns false with *why set to a message (caller frees). */
bool score_when_parse(const char *text, const char *const *ids, guint n,
		      struct score_when *out, char **why);
void score_when_clear(struct score_when *w);
void score_config_free(struct score_config *c);
typedef struct score_config score_config;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(score_config, score_config_free)

/* What scoring needs beyond the criterion results.  Borrowed strings. */
struct score_facts {
	const char *review;	/* non-NULL: no usable resume, the reason
				   ("cv.pdf: no text layer (scanned?)") */
	enum score_form form;
	bool has_years;
	double years;		/* the profile's ko_years_fact */
	bool has_pass_years;
	double pass_years;	/* its pass_years_fact (years_fact when
				   none): the years that prove a pass */
	const char *years_evidence;	/* "2015 - 2019; 2020 - present" */
	const char *signal_evidence;	/* the gateway or broker named */
};

struct score_result {
	double total;		/* 0-100, rounded to 0.1: the weighted mean
				   of the scored criteria, a met one counting
				   0.8 to 1 by the strength of its evidence,
				   an unmet one its score */
	guint met;		/* scored criteria met */
	enum score_bucket bucket;
	enum score_ko ko;
	char *reason;		/* one line; owned */
	char *ko_reason;	/* one line or NULL; owned */
	bool flag;		/* something for the reviewer to look at */
};

/* Score one applicant.  In order: no readable resume -> needs review;
 * knock-out failed (form "no", or years under the minimum) -> archive;
 * else advance when one of the profile's advance rules holds, archive
 * otherwise.  A knock-out merely not evidenced (no gateway or broker
 * named) decides nothing: it sets the flag for the recruiter's screen.
 * crit has cfg->n_crit entries (NULL when the
 * applicant has no readable resume).  Fills out; release its strings
 * with score_result_clear(). */
void score_applicant(const struct score_config *cfg,
		     const struct criterion_result *crit,
		     const struct score_facts *f, struct score_result *out);
void score_result_clear(struct score_result *r);

/* One line of the ranking. */
struct score_rank_item {
	const char *key;	/* applicant key, borrowed */
	double total;
	guint met;
	enum score_bucket bucket;	/* in: as scored; out: after the cap */
	char *reason;		/* in/out, owned by the caller's array; the
				   cap replaces it (g_free + new) */
	guint rank;		/* out: 1-based */
	void *data;		/* the caller's, carried along */
};

/* Sort items by bucket (advance, needs review, archive), total (desc),
 * criteria met (desc), key (bytes, asc);
 * number them; apply the profile's top_n / top_percent cap to advance,
 * which moves the rest to archive with the reason. */
void score_rank(const struct score_config *cfg, struct score_rank_item *items,
		guint n);

const char *score_bucket_name(enum score_bucket b);
/* -1 when unknown */
int score_bucket_parse(const char *name);
const char *score_ko_name(enum score_ko k);
int score_ko_parse(const char *name);

#endif
