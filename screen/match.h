/*
 * match.h - running a rule set over an applicant's documents: evidence
 * records and per-criterion results.
 *
 * Matching is the only stage that runs rules.  Scoring, the store and
 * every report read the evidence produced here and never match again.
 * (The rule set itself, its profile and its hash are in rules.h.)
 */
#ifndef SCREENER_MATCH_H
#define SCREENER_MATCH_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include "doc.h"
#include "facts.h"

struct ruleset;

/* What part a document plays for its applicant. */
enum doc_role {
	DOC_ROLE_RESUME = 0,
	DOC_ROLE_COVER,		/* cover letter or personal statement */
	DOC_ROLE_OTHER,
};

/* One piece of evidence: a rule fired on [start, end) of a document's
 * normalised text.  Location (page, paragraph) and snippets are derived
 * from the offsets and the document's blocks, never stored twice. */
struct evidence {
	uint32_t criterion;	/* index into the rule set's criteria */
	uint32_t rule;		/* index into the rule set's rules */
	uint32_t doc;		/* index of the document in the applicant */
	uint32_t start, end;	/* in that doc's text */
	double points;		/* what this hit contributed after caps */
};

/* Evidence rows one rule gives an applicant, at most: the rows past it
 * would add nothing a reviewer reads (each score is capped anyway), but
 * would be stored, and shown, one by one. */
#define MATCH_EVIDENCE_PER_RULE 64

struct criterion_result {
	double points;		/* capped sum */
	double strength;	/* the sum under the rules' caps only, not
				   the criterion's max: how far past "met"
				   the evidence goes (ranking) */
	double score;		/* 0..1: points / the criterion's max */
	bool met;		/* score reached the criterion's threshold */
};

struct match_result {
	GArray *evidence;	/* struct evidence, by criterion then offset */
	struct criterion_result *crit;	/* one per criterion */
	guint n_crit;
	GPtrArray *errors;	/* char *: "rule X hit the match limit" */
};

/* Match every rule against every document of one applicant.
 * docs[i], facts[i] and roles[i] describe document i.  Never fails as a
 * whole: a rule that errs on a document is recorded in errors and
 * skipped.  Caller frees with match_result_free(). */
struct match_result *match_applicant(const struct ruleset *rs,
				     const struct doc *const *docs,
				     const struct facts *const *facts,
				     const enum doc_role *roles, guint n);
void match_result_free(struct match_result *r);

/* Run one keyword or regex rule over a bare text, as lint runs a rule's
 * examples: no sections, no facts, negation and proximity as usual.
 * Returns the number of hits that count (points > 0) and the first one
 * in *start, *end (either may be NULL); -1 with err (SE_RULE_LIMIT when
 * the match limit was hit) when the rule failed. */
int match_rule_text(const struct ruleset *rs, guint rule, const char *text,
		    gsize len, uint32_t *start, uint32_t *end, GError **err);

/* About a sentence of context around [start, end) of text, cut at word
 * boundaries, never inside a UTF-8 character, with the match wrapped in
 * open/close markers (e.g. "[[" and "]]").  Caller frees. */
char *match_snippet(const char *text, gsize len, uint32_t start,
		    uint32_t end, const char *open, const char *close);

/* The same cut, as offsets, for a caller that escapes or colours the
 * pieces itself: [*from, *start) before, [*start, *end) the match
 * (both moved onto character starts, within len), [*end, *to) after;
 * cut_from / cut_to say the sentence goes on beyond. */
void match_snippet_bounds(const char *text, gsize len, uint32_t *start,
			  uint32_t *end, gsize *from, gsize *to, bool *cut_from,
			  bool *cut_to);

#endif
