/*
 * rules_priv.h - the compiled side of a rule set, shared only by rules.c
 * (which builds it) and match.c (which runs it).  Keeps pcre2.h out of
 * every public header.
 */
#ifndef SCREENER_RULES_PRIV_H
#define SCREENER_RULES_PRIV_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "rules.h"

struct rule_pattern {
	pcre2_code *code;
};

/* Limits every match runs under: a rule that backtracks too much fails
 * for that document only.  Owned by rs, read-only. */
pcre2_match_context *ruleset_match_context(const struct ruleset *rs);

/* Built-in cue patterns: a negation ("no experience with", "not") or a
 * hedge ("familiar with") ending at most a few words before a hit. */
const struct rule_pattern *ruleset_negation(const struct ruleset *rs);
const struct rule_pattern *ruleset_hedge(const struct ruleset *rs);

#endif
