/*
 * audit.h - the adverse-impact arithmetic: selection rates and impact
 * ratios by sex, race/ethnicity and their intersection (NYC Local Law
 * 144's bias audit; the four-fifths rule of 29 CFR 1607.4).
 *
 * Pure computation over plain records: no store, no files.  For each
 * measure (the screener's advance, the reviewers' advance, each
 * criterion met) and each dimension, one row per category with
 * applicants, selected, selection rate = selected / applicants, impact
 * ratio = rate / the highest rate among the categories that count, and
 * a flag when that ratio is under 4/5.  A category counts unless it is
 * Unknown or holds under 2% of the measure's applicants: those are
 * listed, without a ratio, and say why.
 */
#ifndef SCREENER_AUDIT_H
#define SCREENER_AUDIT_H

#include <stdbool.h>
#include <glib.h>

/* One applicant as the audit sees it (strings borrowed). */
struct audit_subject {
	const char *sex, *race;	/* categories, selfid.h's names */
	bool advanced;		/* the screener's bucket */
	int human;		/* latest reviewer decision: -1 none,
				   0 archive, 1 advance */
	const char *met;	/* criterion ids met, space-separated */
};

struct audit_row {
	char *measure;		/* "advance (screener)", "advance
				   (reviewers)", "<criterion> met" */
	char *dimension;	/* "sex", "race/ethnicity", "sex and
				   race/ethnicity" */
	char *category;		/* "Female", "Asian", "Female / Asian" */
	guint applicants, selected;
	double rate;		/* selected / applicants */
	double ratio;		/* impact ratio; < 0 when not computed */
	int flag;		/* four-fifths: 1 under 0.8, 0 not,
				   -1 not computed */
	const char *note;	/* why no ratio, or "" (static) */
};

/* Every row for n subjects and the criterion ids (char *) the audit
 * covers, by measure, dimension, then category in the categories'
 * order (selfid.h), empty categories left out.  Free with
 * g_ptr_array_unref. */
GPtrArray *audit_compute(const struct audit_subject *subjects, guint n,
			 GPtrArray *criteria);

/* The share under which a category is left out of ratios, in percent
 * of the measure's applicants. */
#define AUDIT_MIN_PERCENT 2

#endif
