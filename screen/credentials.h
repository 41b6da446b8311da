/*
 * credentials.h - degrees, certifications and trainings a resume names.
 *
 * Reads d->text, its sections and the rule set's certification names;
 * knows nothing of scoring.
 */
#ifndef SCREENER_CREDENTIALS_H
#define SCREENER_CREDENTIALS_H

#include "doc.h"
#include "facts.h"

enum degree_level {
	DEGREE_NONE = 0,
	DEGREE_ASSOCIATE,
	DEGREE_BACHELOR,
	DEGREE_MASTER,
	DEGREE_DOCTORATE,
};

struct credentials {
	enum degree_level level;	/* the highest degree found */
	struct span degree;		/* its words ("MSc", "Master of") */
	struct span field;		/* "Computer Science"; may be empty */
	GArray *degrees;		/* struct span: every degree named */
	GArray *certs;			/* struct span: each certification */
	GArray *trainings;		/* struct span: courses, trainings */
};

/* Find d's credentials; sections from sections_find(), cfg may be NULL.
 * Release with credentials_release(). */
void credentials_find(const struct doc *d, const GArray *sections,
		      const struct facts_config *cfg, struct credentials *c);
void credentials_release(struct credentials *c);

/* The degree named at off in t (up to end), DEGREE_NONE if none;
 * *len gets the length of its words. */
enum degree_level credentials_degree_at(const char *t, uint32_t end,
					uint32_t off, uint32_t *len);

/* "none", "associate", "bachelor", "master", "doctorate". */
const char *credentials_level_name(enum degree_level level);

#endif
