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

/* Where a keyword term can start: a word of the text that begins with
 * prefix (lowercase ASCII) and is at most extra bytes longer. */
struct rule_anchor {
	char *prefix;
	guint len;
	guint extra;		/* G_MAXUINT: any length (stems) */
};

struct rule_pattern {
	pcre2_code *code;
	/* Keyword patterns: one anchor per term (struct rule_anchor).  The
	 * matcher tries the pattern, compiled anchored, only where a word
	 * fits one of them.  NULL: scan the whole text (regexes, terms that
	 * start with punctuation). */
	GArray *anchors;
};

/* Limits every match runs under: a rule that backtracks too much fails
 * for that document only.  Owned by rs, read-only. */
pcre2_match_context *ruleset_match_context(const struct ruleset *rs);

/* Built-in cue patterns: a negation ("no experience with", "not") or a
 * hedge ("familiar with") ending at most a few words before a hit. */
const struct rule_pattern *ruleset_negation(const struct ruleset *rs);
const struct rule_pattern *ruleset_hedge(const struct ruleset *rs);

/* Whether a lowercase word (w, n bytes) starts a negation or a hedge:
 * a cheap test before the cue patterns run. */
bool ruleset_cue_word(const struct ruleset *rs, const char *w, gsize n);

/* The section names a scope may use (rule_scope.kind indexes them). */
#define RULES_N_SECTIONS 15
const char *ruleset_section_name(guint kind);

#endif
