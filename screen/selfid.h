/*
 * selfid.h - voluntary self-identification in an applicant's answers
 * file ("sex:" and "race_ethnicity:", EEO-1 categories), read for the
 * adverse-impact audit alone.
 *
 * Nothing that matches or scores includes this header's data: the run
 * reads these answers apart from the knock-out answer and hands them
 * straight to the store's self_id table; the rule loader uses
 * selfid_named() only to refuse a rule or condition that names them.
 */
#ifndef SCREENER_SELFID_H
#define SCREENER_SELFID_H

#include <glib.h>

/* What a category is called when the answer is missing, declined or
 * not one of the EEO-1 categories: its own row in the audit. */
#define SELFID_UNKNOWN "Unknown"

struct selfid {
	const char *sex;	/* a canonical category or SELFID_UNKNOWN */
	const char *race;	/* static strings, never freed */
};

/* The self-identification in the text of an answers file (the last
 * answer to each key counts). */
struct selfid selfid_parse(const char *text, gsize len);

/* The canonical categories, SELFID_UNKNOWN last; n_out gets the count. */
const char *const *selfid_sex_categories(guint *n_out);
const char *const *selfid_race_categories(guint *n_out);

/* The self-identification key that text names as a word (case folded,
 * '_', '-' and ' ' alike: "race_ethnicity", "race ethnicity", "sex",
 * "gender", "ethnicity"), or NULL.  For the rule loader. */
const char *selfid_named(const char *text);

#endif
