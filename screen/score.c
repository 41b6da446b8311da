/*
 * score.c - totals, knock-outs, buckets and ranks (see score.h).
 *
 * Owns the meaning of the profile's numbers.  Reads match results and the
 * few facts the caller hands over; runs no rule, reads no document and
 * writes nothing but its results.
 */
#include <math.h>
#include <string.h>

#include "rules.h"
#include "score.h"

static const char *const bucket_names[] = {
	[SCORE_ADVANCE] = "advance",
	[SCORE_REVIEW] = "needs review",
	[SCORE_ARCHIVE] = "archive",
};

static const char *const ko_names[] = {
	[SCORE_KO_NONE] = "",
	[SCORE_KO_PASS] = "pass",
	[SCORE_KO_FAIL] = "fail",
	[SCORE_KO_NOT_EVIDENCED] = "not evidenced",
};

static int parse_name(const char *const *names, guint n, const char *s)
{
	guint i;

	for (i = 0; s && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *score_bucket_name(enum score_bucket b)
{
	return (guint)b < G_N_ELEMENTS(bucket_names) ? bucket_names[b] : "";
}

int score_bucket_parse(const char *name)
{
	return parse_name(bucket_names, G_N_ELEMENTS(bucket_names), name);
}

const char *score_ko_name(enum score_ko k)
{
	return (guint)k < G_N_ELEMENTS(ko_names) ? ko_names[k] : "";
}

int score_ko_parse(const char *name)
{
	return parse_name(ko_names, G_N_ELEMENTS(ko_names), name);
}

struct score_config *score_config_from_ruleset(const struct ruleset *rs)
{
	const struct profile *p = ruleset_profile(rs);
	struct score_config *c = g_new0(struct score_config, 1);
	guint i, j;

	c->n_crit = ruleset_n_criteria(rs);
	c->crit = g_new0(struct score_criterion, c->n_crit);
	for (i = 0; i < c->n_crit; i++) {
		const struct criterion *cr = ruleset_criterion(rs, i);

		c->crit[i].id = g_strdup(cr->id);
		c->crit[i].scored = cr->scored;
		c->crit[i].weight = cr->scored ? cr->weight : 0;
		for (j = 0; p->must_have && j < p->must_have->len; j++)
			if (strcmp(g_ptr_array_index(p->must_have, j),
				   cr->id) == 0)
				c->crit[i].must = true;
	}
	c->threshold = p->advance_threshold;
	c->top_n = p->top_n;
	c->top_percent = p->top_percent;
	c->ko_min_years = p->ko_min_years;
	c->ko_signal = p->ko_signal ?
		ruleset_criterion_index(rs, p->ko_signal) : -1;
	c->ko_question = g_strdup(p->ko_question);
	return c;
}

void score_config_free(struct score_config *c)
{
	guint i;

	if (!c)
		return;
	for (i = 0; i < c->n_crit; i++)
		g_free(c->crit[i].id);
	g_free(c->crit);
	g_free(c->ko_question);
	g_free(c);
}

void score_result_clear(struct score_result *r)
{
	g_clear_pointer(&r->reason, g_free);
	g_clear_pointer(&r->ko_reason, g_free);
}

/* One decimal, so that what ranks equal is what prints equal. */
static double round1(double v)
{
	return round(v * 10.0) / 10.0;
}

static void total_of(const struct score_config *cfg,
		     const struct criterion_result *crit,
		     struct score_result *out)
{
	double sum = 0, wsum = 0;
	guint i;

	for (i = 0; i < cfg->n_crit; i++) {
		double s;

		if (!cfg->crit[i].scored)
			continue;
		/* A met criterion earns its whole weight: the criteria are
		 * yes/no questions, and piling up more keywords past "met"
		 * must not outweigh another criterion.  An unmet one earns
		 * partial credit for partial evidence. */
		s = crit[i].met ? 1.0 : CLAMP(crit[i].score, 0.0, 1.0);
		sum += cfg->crit[i].weight * s;
		wsum += cfg->crit[i].weight;
		if (crit[i].met)
			out->met++;
	}
	out->total = wsum > 0 ? round1(100.0 * sum / wsum) : 0;
}

static guint n_scored(const struct score_config *cfg)
{
	guint i, n = 0;

	for (i = 0; i < cfg->n_crit; i++)
		n += cfg->crit[i].scored;
	return n;
}

/* The knock-out from the form, else from the resume.  True when it
 * archives. */
static bool knock_out(const struct score_config *cfg,
		      const struct criterion_result *crit,
		      const struct score_facts *f, struct score_result *out)
{
	bool signal;

	if (f->form == SCORE_FORM_NO) {
		out->ko = SCORE_KO_FAIL;
		out->ko_reason = cfg->ko_question ?
			g_strdup_printf("form answer No: %s",
					cfg->ko_question) :
			g_strdup("form answer No");
		return true;
	}
	if (f->form == SCORE_FORM_YES) {
		out->ko = SCORE_KO_PASS;
		out->ko_reason = g_strdup("form answer Yes");
		return false;
	}
	if (cfg->ko_min_years <= 0 && cfg->ko_signal < 0)
		return false;
	if (cfg->ko_min_years > 0 && f->has_years &&
	    f->years < cfg->ko_min_years) {
		out->ko = SCORE_KO_FAIL;
		out->ko_reason = g_strdup_printf(
			"%.1f years of experience, under %g (%s)", f->years,
			cfg->ko_min_years,
			f->years_evidence ? f->years_evidence : "dates");
		return true;
	}
	signal = cfg->ko_signal < 0 ||
		 (cfg->ko_signal < (int)cfg->n_crit && crit[cfg->ko_signal].met);
	if (!signal) {
		out->ko = SCORE_KO_NOT_EVIDENCED;
		out->ko_reason = g_strdup(
			"no API gateway or message broker named");
		out->flag = true;
	} else if (cfg->ko_min_years > 0 && !f->has_years) {
		out->ko = SCORE_KO_NOT_EVIDENCED;
		out->ko_reason = g_strdup_printf(
			"no dated experience%s%s",
			f->signal_evidence ? "; named: " : "",
			f->signal_evidence ? f->signal_evidence : "");
		out->flag = true;
	} else {
		GString *s = g_string_new(NULL);

		if (f->has_years)
			g_string_append_printf(s, "%.1f years", f->years);
		if (f->signal_evidence)
			g_string_append_printf(s, "%snamed: %s",
					       s->len ? "; " : "",
					       f->signal_evidence);
		out->ko = SCORE_KO_PASS;
		out->ko_reason = g_string_free(s, FALSE);
	}
	return false;
}

void score_applicant(const struct score_config *cfg,
		     const struct criterion_result *crit,
		     const struct score_facts *f, struct score_result *out)
{
	g_autoptr(GString) must = g_string_new(NULL);
	guint i;

	memset(out, 0, sizeof(*out));
	if (f->review || !crit) {
		out->bucket = SCORE_REVIEW;
		out->reason = g_strdup_printf("no readable resume: %s",
					      f->review ? f->review :
					      "no documents");
		out->flag = true;
		return;
	}
	total_of(cfg, crit, out);
	if (knock_out(cfg, crit, f, out)) {
		out->bucket = SCORE_ARCHIVE;
		/* The reason stays one short line; the question is in the
		 * knock-out column. */
		out->reason = f->form == SCORE_FORM_NO ?
			g_strdup("knock-out: form answer No") :
			g_strdup_printf("knock-out: %s", out->ko_reason);
		return;
	}
	if (out->ko == SCORE_KO_NOT_EVIDENCED &&
	    (out->total >= cfg->threshold || 2 * out->met >= n_scored(cfg))) {
		/* Worth a look, but the knock-out is unproven either way:
		 * neither advance nor archive without a human. */
		out->bucket = SCORE_REVIEW;
		out->reason = g_strdup_printf(
			"knock-out not evidenced (%s); total %.1f, %u criteria "
			"met: check by hand", out->ko_reason, out->total,
			out->met);
		return;
	}
	for (i = 0; i < cfg->n_crit; i++)
		if (cfg->crit[i].must && !crit[i].met)
			g_string_append_printf(must, "%s%s",
					       must->len ? ", " : "",
					       cfg->crit[i].id);
	if (must->len) {
		out->bucket = SCORE_ARCHIVE;
		out->reason = g_strdup_printf("must-have not met: %s",
					      must->str);
	} else if (out->total >= cfg->threshold) {
		out->bucket = SCORE_ADVANCE;
		out->reason = g_strdup_printf(
			"total %.1f, at least %g; %u criteria met",
			out->total, cfg->threshold, out->met);
	} else {
		out->bucket = SCORE_ARCHIVE;
		out->reason = g_strdup_printf(
			"total %.1f, under %g; %u criteria met%s",
			out->total, cfg->threshold, out->met,
			out->flag ? "; knock-out not evidenced" : "");
	}
}

static int rank_cmp(const void *pa, const void *pb)
{
	const struct score_rank_item *a = pa, *b = pb;
	double ta = round1(a->total), tb = round1(b->total);

	if (ta != tb)
		return ta > tb ? -1 : 1;
	if (a->met != b->met)
		return a->met > b->met ? -1 : 1;
	return strcmp(a->key, b->key);
}

void score_rank(const struct score_config *cfg, struct score_rank_item *items,
		guint n)
{
	guint i, cap = G_MAXUINT, advanced = 0;

	if (n == 0)
		return;
	qsort(items, n, sizeof(*items), rank_cmp);
	if (cfg->top_n > 0)
		cap = cfg->top_n;
	if (cfg->top_percent > 0) {
		guint p = (guint)ceil(n * cfg->top_percent / 100.0);

		cap = MIN(cap, MAX(p, 1u));
	}
	for (i = 0; i < n; i++) {
		items[i].rank = i + 1;
		if (items[i].bucket != SCORE_ADVANCE)
			continue;
		if (++advanced <= cap)
			continue;
		items[i].bucket = SCORE_ARCHIVE;
		g_free(items[i].reason);
		items[i].reason = g_strdup_printf(
			"total %.1f, outside the top %u advanced",
			items[i].total, cap);
	}
}
