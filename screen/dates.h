/*
 * dates.h - date ranges in resume text, the roles they date, and years of
 * experience from them.
 *
 * A month is counted as year * 12 + (month - 1); an interval is
 * [start, end) in months, so "Jan 2019 - Mar 2019" is three months.  Knows
 * sections (to look only where experience is) but nothing of rules.
 */
#ifndef SCREENER_DATES_H
#define SCREENER_DATES_H

#include "doc.h"
#include "facts.h"

/* How a date is written; mixed styles in one resume are a finding. */
enum date_style {
	DATE_STYLE_NONE = 0,
	DATE_STYLE_YEAR,	/* 2019 */
	DATE_STYLE_MON,		/* Jan 2019, Sept. 2016, Jan '19 */
	DATE_STYLE_MONTH,	/* January 2019 */
	DATE_STYLE_NUMERIC,	/* 01/2019, 01.2019, 01/19 */
	DATE_STYLE_SEASON,	/* Summer 2017 */
	DATE_STYLE_PRESENT,	/* Present, now, current, to date */
};

enum date_problem {
	DATE_OK = 0,
	DATE_END_BEFORE_START,
	DATE_FUTURE,		/* starts after "present" */
	DATE_BAD_YEAR,		/* before 1950 or after the as-of year + 1 */
};

struct date_interval {
	int32_t start, end;	/* months, [start, end) */
};

struct date_range {
	struct span span;	/* the whole range as written */
	int32_t start, end;	/* months, [start, end); end resolved */
	bool open;		/* ends "present" */
	uint8_t start_style, end_style;	/* enum date_style */
	uint8_t problem;	/* enum date_problem */
};

struct role {
	struct date_range range;
	struct span title, employer;	/* may be empty */
	struct span text;	/* header lines through its last line */
	bool relevant;		/* a relevant word in title or text */
	bool education;		/* a study, volunteering or a break
				   between jobs: not counted */
};

struct experience {
	GArray *roles;		/* struct role, in document order */
	GArray *merged;		/* struct date_interval: counted roles */
	GArray *merged_relevant;
	GArray *gaps;		/* struct date_interval between merged */
	int32_t months_total, months_relevant;
	int32_t present;	/* the month "present" meant */
	bool doc_date_used;	/* present came from the document's date */
	unsigned problems;	/* roles with a date problem */
	unsigned styles;	/* bit (1 << enum date_style) per style used */
};

/* The month of "YYYY-MM-DD", "YYYY-MM" or "YYYY", or -1. */
int32_t dates_month(const char *iso);

/* The first date range at or after off in [off, end) of t; false when
 * none.  The range is parsed but not resolved: an open end has end = -1,
 * and no problem is set.  as_of_year decides two-digit years. */
bool dates_next(const char *t, uint32_t off, uint32_t end, int as_of_year,
		struct date_range *out);

/* Resolve an open end to present and set r->problem. */
void dates_resolve(struct date_range *r, int32_t present, int as_of_year);

/* Sort and merge intervals in place (overlapping or touching ones become
 * one); returns the months they cover. */
int32_t dates_merge(GArray *intervals);

/* The roles of d: date ranges where experience is (its experience
 * sections, else every section that is not education, skills, ...),
 * their titles and employers, and the merged years.  sections from
 * sections_find().  Release with dates_experience_release(). */
void dates_experience(const struct doc *d, const GArray *sections,
		      const struct facts_config *cfg, struct experience *x);
void dates_experience_release(struct experience *x);

/* "present" for a document: min(its date, as_of), as_of alone when the
 * document has none; as_of NULL means today (UTC). */
int32_t dates_present(const char *doc_date, const char *as_of);

#endif
