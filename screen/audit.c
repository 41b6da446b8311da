/*
 * audit.c - adverse-impact arithmetic (see audit.h).
 *
 * Owns the measures, dimensions and the exclusion and flag rules.
 * Counts are integers and the four-fifths test compares cross products
 * of them, so a ratio of exactly 0.8 is never flagged by rounding.
 */
#include <string.h>

#include "audit.h"
#include "selfid.h"

enum { DIM_SEX, DIM_RACE, DIM_BOTH, N_DIMS };

static const char *const dim_names[N_DIMS] = {
	"sex", "race/ethnicity", "sex and race/ethnicity",
};

static const char note_unknown[] =
	"unknown or not given: left out of ratios";
static const char note_small[] =
	"under 2% of applicants: left out of ratios";
static const char note_none[] = "no one selected in any category counted";

static void row_free(gpointer p)
{
	struct audit_row *r = p;

	g_free(r->measure);
	g_free(r->dimension);
	g_free(r->category);
	g_free(r);
}

/* The categories of a dimension, in order (owned by the array). */
static GPtrArray *categories(int dim)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	guint ns, nr;
	const char *const *sexes = selfid_sex_categories(&ns);
	const char *const *races = selfid_race_categories(&nr);

	for (guint i = 0; i < (dim == DIM_RACE ? 1 : ns); i++)
		for (guint j = 0; j < (dim == DIM_SEX ? 1 : nr); j++)
			g_ptr_array_add(out, dim == DIM_SEX ? g_strdup(sexes[i]) :
					dim == DIM_RACE ? g_strdup(races[j]) :
					g_strdup_printf("%s / %s", sexes[i],
							races[j]));
	return out;
}

static char *category_of(int dim, const struct audit_subject *s)
{
	if (dim == DIM_SEX)
		return g_strdup(s->sex);
	if (dim == DIM_RACE)
		return g_strdup(s->race);
	return g_strdup_printf("%s / %s", s->sex, s->race);
}

/* Whether criterion id is among met (space-separated). */
static bool has_met(const char *met, const char *id)
{
	gsize n = strlen(id);

	for (const char *p = met; p && (p = strstr(p, id)); p += n)
		if ((p == met || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return true;
	return false;
}

/* Whether subject s is in measure m's population, and selected.
 * m: 0 screener, 1 reviewers, 2 + k criterion k. */
static bool in_measure(guint m, const struct audit_subject *s,
		       GPtrArray *criteria, bool *selected)
{
	if (m == 0) {
		*selected = s->advanced;
		return true;
	}
	if (m == 1) {
		*selected = s->human == 1;
		return s->human >= 0;
	}
	*selected = has_met(s->met, criteria->pdata[m - 2]);
	return true;
}

static bool unknown_category(const char *c)
{
	return strstr(c, SELFID_UNKNOWN) != NULL;
}

/* The rows of measure m and dimension dim into out. */
static void one_table(GPtrArray *out, const char *measure, guint m, int dim,
		      const struct audit_subject *subjects, guint n,
		      GPtrArray *criteria)
{
	g_autoptr(GPtrArray) cats = categories(dim);
	g_autofree guint *apps = g_new0(guint, cats->len);
	g_autofree guint *sel = g_new0(guint, cats->len);
	g_autofree bool *counted = g_new0(bool, cats->len);
	guint total = 0, best = G_MAXUINT;
	guint i, c;

	for (i = 0; i < n; i++) {
		g_autofree char *cat = category_of(dim, &subjects[i]);
		bool selected;

		if (!in_measure(m, &subjects[i], criteria, &selected))
			continue;
		total++;
		for (c = 0; c < cats->len; c++)
			if (strcmp(cats->pdata[c], cat) == 0)
				break;
		if (c == cats->len)
			continue;	/* not a category: cannot happen */
		apps[c]++;
		sel[c] += selected;
	}
	/* The highest rate among the categories that count, compared as
	 * sel[c] / apps[c] > sel[best] / apps[best] in integers. */
	for (c = 0; c < cats->len; c++) {
		counted[c] = apps[c] && !unknown_category(cats->pdata[c]) &&
			     (guint64)apps[c] * 100 >=
			     (guint64)AUDIT_MIN_PERCENT * total;
		if (counted[c] && (best == G_MAXUINT ||
				   (guint64)sel[c] * apps[best] >
				   (guint64)sel[best] * apps[c]))
			best = c;
	}
	for (c = 0; c < cats->len; c++) {
		struct audit_row *r;

		if (!apps[c])
			continue;
		r = g_new0(struct audit_row, 1);
		r->measure = g_strdup(measure);
		r->dimension = g_strdup(dim_names[dim]);
		r->category = g_strdup(cats->pdata[c]);
		r->applicants = apps[c];
		r->selected = sel[c];
		r->rate = (double)sel[c] / apps[c];
		r->ratio = -1;
		r->flag = -1;
		r->note = "";
		if (!counted[c]) {
			r->note = unknown_category(r->category) ?
				note_unknown : note_small;
		} else if (!sel[best]) {
			r->note = note_none;
		} else {
			r->ratio = r->rate / ((double)sel[best] / apps[best]);
			/* rate / best < 4/5  <=>  5 sel apps[best] <
			 * 4 apps sel[best] */
			r->flag = (guint64)5 * sel[c] * apps[best] <
				  (guint64)4 * apps[c] * sel[best];
		}
		g_ptr_array_add(out, r);
	}
}

GPtrArray *audit_compute(const struct audit_subject *subjects, guint n,
			 GPtrArray *criteria)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(row_free);

	for (guint m = 0; m < 2 + criteria->len; m++) {
		g_autofree char *measure =
			m == 0 ? g_strdup("advance (screener)") :
			m == 1 ? g_strdup("advance (reviewers)") :
			g_strdup_printf("%s met",
					(char *)criteria->pdata[m - 2]);

		for (int dim = 0; dim < N_DIMS; dim++)
			one_table(out, measure, m, dim, subjects, n, criteria);
	}
	return out;
}
