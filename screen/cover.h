/*
 * cover.h - is a document a cover letter, and how relevant to the role is
 * it (or a resume's summary, its personal statement)?
 *
 * Reads d->text, its sections and the rule set's domain terms; knows
 * nothing of scoring.
 */
#ifndef SCREENER_COVER_H
#define SCREENER_COVER_H

#include "doc.h"
#include "facts.h"

struct cover {
	bool is_cover;		/* signals reached the threshold */
	int signals;		/* the sum behind is_cover */
	struct span salutation, closing;	/* may be empty */
	double relevance;	/* 0..1 of the whole letter */
	GArray *mentions;	/* struct span: role and terms found */
	bool has_statement;	/* a summary/objective section, or a
				   prose paragraph before the first
				   heading */
	struct span statement;	/* its body */
	double statement_relevance;	/* 0..1 of it; 0 for an objective
					   or a student's profile */
	GArray *statement_mentions;
};

/* Decide and score d; sections from sections_find(); cfg may be NULL
 * (then built-in terms for an integration role).  Release with
 * cover_release(). */
void cover_analyse(const struct doc *d, const GArray *sections,
		   const struct facts_config *cfg, struct cover *c);
void cover_release(struct cover *c);

/* Relevance of [s, e) of t, 0..1: 0.4 when the role is named
 * ("integration engineer", "integration"), plus 0.6 scaled by how many
 * distinct domain terms appear (three or more: all of it).  Appends the
 * first mention of each to mentions (struct span; may be NULL). */
double cover_relevance(const char *t, uint32_t s, uint32_t e,
		       const struct facts_config *cfg, GArray *mentions);

#endif
