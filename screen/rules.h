/*
 * rules.h - a rule set: the criteria, their rules, the profile (weights,
 * threshold, must-haves, knock-out) and the word lists the facts module
 * needs, loaded from one folder of human-editable text files
 * (criteria/README.md describes the format).
 *
 * Loading compiles every pattern once (PCRE2, JIT); the compiled set is
 * read-only afterwards and may be shared by threads.  Matching lives in
 * match.c, scoring in score.c: this module neither matches documents nor
 * scores applicants.
 */
#ifndef SCREENER_RULES_H
#define SCREENER_RULES_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include "facts.h"

struct ruleset;

/* One criterion: one *.rules file. */
struct criterion {
	char *id;		/* "c1-endpoints" */
	char *title;		/* one line for reports */
	char *file;		/* file name inside the folder */
	double weight;		/* share of the 0-100 total (weights are
				   normalised over scored criteria) */
	double max_points;	/* points are capped here; score =
				   points / max_points */
	double met_threshold;	/* 0..1: score at which it is "met" */
	bool scored;		/* false: a signal for knock-outs, weight 0 */
};

enum rule_kind {
	RULE_KEYWORDS = 0,	/* terms: whole words, inflections */
	RULE_REGEX,		/* PCRE2 pattern */
	RULE_FACT,		/* facts_number(name) OP value */
};

/* Which document of an applicant a rule reads. */
enum rule_role {
	RULE_ROLE_ANY = 0,
	RULE_ROLE_RESUME,
	RULE_ROLE_COVER,
};

enum rule_op { RULE_OP_GE = 0, RULE_OP_GT, RULE_OP_LE, RULE_OP_LT,
	       RULE_OP_EQ, RULE_OP_NE };

/* A section a rule is scoped to, with the weight of a hit found there
 * ("skills 0.5": a bare skills list counts half). */
struct rule_scope {
	char *section;		/* facts name without "section:" */
	double factor;
	guint kind;		/* index of the section name, for match.c */
};

struct rule_pattern;		/* compiled PCRE2 code, private to rules.c */

/* One [rule ID] block of a criterion file. */
struct rule {
	char *id;		/* "rest-soap", unique in the set */
	guint criterion;	/* index into the criteria */
	char *file;		/* file name inside the folder */
	guint line;		/* line of its [rule] header */
	char *description;
	enum rule_kind kind;
	enum rule_role role;
	double points;		/* per distinct hit */
	double cap;		/* most this rule adds per applicant */
	GArray *scope;		/* struct rule_scope; empty = everywhere */
	double negated;		/* factor for "no experience with X" (0) */
	double hedged;		/* factor for "familiar with X" (0.5) */
	guint within;		/* proximity: words to a "near" hit */
	/* compiled; NULL when absent.  Use through match.c. */
	struct rule_pattern *pattern;	/* keywords or regex */
	struct rule_pattern *near;	/* proximity partner */
	/* RULE_FACT */
	char *fact;
	enum rule_op op;
	double value;
	/* examples (char *): text that must / must not match; for a fact
	 * rule, numbers that must / must not satisfy it */
	GPtrArray *examples, *counters;
	GArray *example_lines, *counter_lines;	/* guint, for lint */
};

/* The rule set commands use when given none, relative to the working
 * folder. */
#define RULES_DEFAULT_DIR "criteria/integration-engineer"

/* profile.ini */
struct profile {
	GPtrArray *advance_when;	/* char *: "when" lines, checked;
					   none: threshold and must_have */
	double advance_threshold;	/* total 0-100 to advance */
	GPtrArray *must_have;		/* char *: criterion ids to be met */
	guint top_n;			/* 0: no cap */
	double top_percent;		/* 0: no cap */
	double ko_min_years;		/* 3 */
	char *ko_years_fact;		/* "years_total" / "years_relevant" */
	char *ko_pass_years_fact;	/* the years that prove a pass; NULL:
					   ko_years_fact */
	char *ko_signal;		/* id of the signal criterion */
	char *ko_question;		/* the form's question text */
	char *answers_file;		/* "answers.txt" */
	bool blind;			/* [privacy] blind: reports and show
					   hide who the applicant is */
	guint retention_days;		/* [privacy] retention_days: 0 keeps
					   applicants forever */
};

/* Load and compile every file of dir.  On failure returns NULL with an
 * SE_CONFIG error whose message holds every problem found, one
 * "file:line: message" per line (file is dir/name).  Caller frees with
 * ruleset_free(). */
struct ruleset *ruleset_load(const char *dir, GError **err);
void ruleset_free(struct ruleset *rs);
typedef struct ruleset ruleset;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ruleset, ruleset_free)

/* The folder it was loaded from; owned by rs. */
const char *ruleset_dir(const struct ruleset *rs);

/* sha256 hex over every regular file of the folder, sorted by name:
 * for each file its name, a NUL, its bytes, a NUL.  Owned by rs. */
const char *ruleset_hash(const struct ruleset *rs);

guint ruleset_n_criteria(const struct ruleset *rs);
const struct criterion *ruleset_criterion(const struct ruleset *rs, guint i);
/* Index of the criterion with that id, or -1. */
int ruleset_criterion_index(const struct ruleset *rs, const char *id);

guint ruleset_n_rules(const struct ruleset *rs);
const struct rule *ruleset_rule(const struct ruleset *rs, guint j);

const struct profile *ruleset_profile(const struct ruleset *rs);

/* Word lists for facts_compute(); as_of and dictionary are NULL: copy
 * the struct and set them.  Owned by rs. */
const struct facts_config *ruleset_facts_config(const struct ruleset *rs);

/* Whether value v satisfies a fact rule's comparison. */
bool rule_fact_holds(const struct rule *r, double v);

const char *rule_kind_name(enum rule_kind kind);

#endif
