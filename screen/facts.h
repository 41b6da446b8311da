/*
 * facts.h - what a resume says about its writer, computed from the text:
 * sections, contacts, roles with dates and years of experience,
 * credentials, writing quality, cover-letter relevance.
 *
 * Reads only a normalised struct doc and a facts_config (word lists the
 * rule set supplies); knows nothing of rules, scoring or storage.  Every
 * fact carries its evidence as spans into doc->text.
 *
 * Rules read facts by name through facts_number() and facts_spans(), so a
 * rule file can say "years_relevant >= 3" without knowing this struct.
 */
#ifndef SCREENER_FACTS_H
#define SCREENER_FACTS_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include "doc.h"

struct span {
	uint32_t start, end;	/* [start, end) in doc->text */
};

/* Lists supplied by the rule set; every pointer may be NULL. */
struct facts_config {
	const char *as_of;		/* "YYYY-MM-DD": what "present" means
					   when the document has no date */
	GPtrArray *allow_words;		/* spelling allow-list (char *) */
	GPtrArray *certifications;	/* certification names */
	GPtrArray *relevant_titles;	/* words that make a role relevant */
	GPtrArray *domain_terms;	/* cover-letter relevance */
	const char *dictionary;		/* hunspell base path, NULL: en_US */
};

struct facts;

/* Compute all facts of one document.  Never fails on odd text: what is
 * not found is absent.  Caller frees with facts_free(). */
struct facts *facts_compute(const struct doc *d, const struct facts_config *cfg);
void facts_free(struct facts *f);

/* A numeric fact by name ("years_total", "years_relevant",
 * "degree_level", "certifications", "spelling_errors_per_100",
 * "sections_present", "cover_letter_relevance", ...).  False when the
 * name is unknown or the fact was not found. */
bool facts_number(const struct facts *f, const char *name, double *out);

/* The evidence behind a named fact: spans into doc->text (may be empty).
 * Owned by f. */
const GArray *facts_spans(const struct facts *f, const char *name);

/* Every fact name facts_number() knows, NULL-terminated, for lint. */
const char *const *facts_names(void);

#endif
