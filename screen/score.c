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

/* The share of its weight a criterion earns by being met. */
#define SCORE_MET_SHARE 0.8

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

/* ---- advance rules ------------------------------------------------ */

static int id_index(const char *id, const char *const *ids, guint n)
{
	guint i;

	for (i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return (int)i;
	return -1;
}

/* "years >= 3": the number after the name and ">=", or false. */
static bool comparison(const char *s, const char *name, double *n)
{
	gsize len = strlen(name);
	char *end;

	if (strncmp(s, name, len) != 0)
		return false;
	s += len;
	while (*s == ' ')
		s++;
	if (strncmp(s, ">=", 2) != 0)
		return false;
	s += 2;
	while (*s == ' ')
		s++;
	*n = g_ascii_strtod(s, &end);
	return end != s && *end == '\0' && isfinite(*n) && *n >= 0;
}

static bool parse_cond(char *s, const char *const *ids, guint n,
		       struct score_cond *c, char **why)
{
	g_auto(GStrv) words = NULL;
	guint i, k;
	int ix;
	char *end;

	memset(c, 0, sizeof(*c));
	if (strcmp(s, "knockout") == 0) {
		c->kind = SCORE_COND_KNOCKOUT;
		return true;
	}
	if (comparison(s, "years", &c->n)) {
		c->kind = SCORE_COND_YEARS;
		return true;
	}
	if (comparison(s, "total", &c->n)) {
		c->kind = SCORE_COND_TOTAL;
		return true;
	}
	if (comparison(s, "met", &c->n)) {
		c->kind = SCORE_COND_COUNT;
		return true;
	}
	if ((ix = id_index(s, ids, n)) >= 0) {
		c->kind = SCORE_COND_MET;
		c->n_idx = 1;
		c->idx = g_new(guint, 1);
		c->idx[0] = (guint)ix;
		return true;
	}
	words = g_strsplit_set(s, " \t", -1);
	c->n = g_ascii_strtod(words[0], &end);
	if (end == words[0] || *end || c->n < 1 || c->n != floor(c->n) ||
	    !words[1] || strcmp(words[1], "of") != 0) {
		*why = g_strdup_printf("'%s' is not a condition (knockout, a "
				       "criterion id, N of IDS, years >= N, "
				       "total >= N, met >= N)", s);
		return false;
	}
	c->kind = SCORE_COND_N_OF;
	c->idx = g_new(guint, g_strv_length(words));
	for (i = 2, k = 0; words[i]; i++) {
		if (!*words[i])
			continue;
		if ((ix = id_index(words[i], ids, n)) < 0) {
			*why = g_strdup_printf("'%s': no criterion %s", s,
					       words[i]);
			return false;
		}
		c->idx[k++] = (guint)ix;
	}
	c->n_idx = k;
	if (k < c->n) {
		*why = g_strdup_printf("'%s': fewer than %g criteria named", s,
				       c->n);
		return false;
	}
	return true;
}

void score_when_clear(struct score_when *w)
{
	guint i;

	for (i = 0; i < w->n_cond; i++)
		g_free(w->cond[i].idx);
	g_clear_pointer(&w->cond, g_free);
	w->n_cond = 0;
}

bool score_when_parse(const char *text, const char *const *ids, guint n,
		      struct score_when *out, char **why)
{
	g_auto(GStrv) parts = g_strsplit(text, ",", -1);
	guint i;

	out->n_cond = 0;
	out->cond = g_new0(struct score_cond, g_strv_length(parts));
	for (i = 0; parts[i]; i++) {
		g_strstrip(parts[i]);
		if (!parse_cond(parts[i], ids, n, &out->cond[out->n_cond],
				why)) {
			g_free(out->cond[out->n_cond].idx);
			score_when_clear(out);
			return false;
		}
		out->n_cond++;
	}
	if (out->n_cond == 0) {
		*why = g_strdup("no condition");
		score_when_clear(out);
		return false;
	}
	return true;
}

struct score_config *score_config_from_ruleset(const struct ruleset *rs)
{
	const struct profile *p = ruleset_profile(rs);
	struct score_config *c = g_new0(struct score_config, 1);
	g_autofree const char **ids = NULL;
	guint i, j;

	c->n_crit = ruleset_n_criteria(rs);
	c->crit = g_new0(struct score_criterion, c->n_crit);
	ids = g_new0(const char *, c->n_crit + 1);
	for (i = 0; i < c->n_crit; i++) {
		const struct criterion *cr = ruleset_criterion(rs, i);

		ids[i] = cr->id;
		c->crit[i].id = g_strdup(cr->id);
		c->crit[i].scored = cr->scored;
		c->crit[i].max = cr->max_points;
		c->crit[i].weight = cr->scored ? cr->weight : 0;
		for (j = 0; p->must_have && j < p->must_have->len; j++)
			if (strcmp(g_ptr_array_index(p->must_have, j),
				   cr->id) == 0)
				c->crit[i].must = true;
	}
	c->when = g_new0(struct score_when, p->advance_when->len);
	for (j = 0; j < p->advance_when->len; j++) {
		g_autofree char *why = NULL;

		/* ruleset_load() checked every line: no failure here. */
		if (score_when_parse(p->advance_when->pdata[j], ids,
				     c->n_crit, &c->when[c->n_when], &why))
			c->n_when++;
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
	for (i = 0; i < c->n_when; i++)
		score_when_clear(&c->when[i]);
	g_free(c->when);
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

/* What a criterion adds to the total, 0..1.  A met one earns most of its
 * weight whatever its evidence (the criteria are yes/no questions, and
 * piling up keywords must not outweigh another criterion), and the rest
 * by how far its evidence goes past the criterion's max, so two strong
 * applicants rarely tie.  An unmet one earns its partial score, always
 * below any met one. */
static double criterion_share(const struct criterion_result *cr, double max)
{
	if (!cr->met)
		return MIN(CLAMP(cr->score, 0.0, 1.0), SCORE_MET_SHARE);
	if (max <= 0)
		return 1.0;
	return SCORE_MET_SHARE + (1.0 - SCORE_MET_SHARE) *
	       CLAMP(cr->strength / (2.0 * max), 0.0, 1.0);
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
		s = criterion_share(&crit[i], cfg->crit[i].max);
		sum += cfg->crit[i].weight * s;
		wsum += cfg->crit[i].weight;
		if (crit[i].met)
			out->met++;
	}
	out->total = wsum > 0 ? round1(100.0 * sum / wsum) : 0;
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
	} else if (cfg->ko_min_years > 0 && (!f->has_pass_years ||
					     f->pass_years <
					     cfg->ko_min_years)) {
		/* Years enough, a gateway or broker used, but not three
		 * years of the relevant work that would prove a pass. */
		out->ko = SCORE_KO_NOT_EVIDENCED;
		out->ko_reason = g_strdup_printf(
			"%.1f years of relevant work, under %g%s%s",
			f->has_pass_years ? f->pass_years : 0.0,
			cfg->ko_min_years,
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

/* Whether one condition holds; its words, either way, go to buf. */
static bool cond_holds(const struct score_config *cfg,
		       const struct criterion_result *crit,
		       const struct score_facts *f,
		       const struct score_result *out,
		       const struct score_cond *c, GString *buf)
{
	guint i, met = 0;

	switch (c->kind) {
	case SCORE_COND_KNOCKOUT:
		g_string_append(buf, out->ko == SCORE_KO_PASS ?
				"knock-out passed" : "knock-out not passed");
		return out->ko == SCORE_KO_PASS;
	case SCORE_COND_MET:
		g_string_append_printf(buf, "%s %s", cfg->crit[c->idx[0]].id,
				       crit[c->idx[0]].met ? "met" :
				       "not met");
		return crit[c->idx[0]].met;
	case SCORE_COND_N_OF:
		for (i = 0; i < c->n_idx; i++)
			met += crit[c->idx[i]].met;
		g_string_append_printf(buf, "%u of %u of ", met, c->n_idx);
		for (i = 0; i < c->n_idx; i++)
			g_string_append_printf(buf, "%s%s", i ? " " : "",
					       cfg->crit[c->idx[i]].id);
		g_string_append_printf(buf, " met%s",
				       met >= c->n ? "" : ", too few");
		return met >= c->n;
	case SCORE_COND_YEARS:
		if (!f->has_years) {
			g_string_append(buf, "no dated experience");
			return false;
		}
		g_string_append_printf(buf, "%.1f years%s", f->years,
				       f->years >= c->n ? "" : ", too few");
		return f->years >= c->n;
	case SCORE_COND_TOTAL:
		g_string_append_printf(buf, "total %.1f, %s %g", out->total,
				       out->total >= c->n ? "at least" :
				       "under", c->n);
		return out->total >= c->n;
	case SCORE_COND_COUNT:
		g_string_append_printf(buf, "%u criteria met%s", out->met,
				       out->met >= c->n ? "" : ", too few");
		return out->met >= c->n;
	}
	return false;
}

/* Advance when a rule holds, giving its conditions as the reason; else
 * archive, giving what failed in each rule ("... / ..."). */
static void advance(const struct score_config *cfg,
		    const struct criterion_result *crit,
		    const struct score_facts *f, struct score_result *out)
{
	g_autoptr(GString) why = g_string_new(NULL);
	guint i, j;
	struct score_when legacy = { 0 };
	const struct score_when *when = cfg->when;
	guint n_when = cfg->n_when;

	if (n_when == 0) {
		/* A profile without "when" lines: the threshold and the
		 * must-haves, as one rule. */
		legacy.cond = g_new0(struct score_cond, cfg->n_crit + 1);
		legacy.cond[legacy.n_cond++] = (struct score_cond){
			.kind = SCORE_COND_TOTAL, .n = cfg->threshold };
		for (i = 0; i < cfg->n_crit; i++)
			if (cfg->crit[i].must) {
				struct score_cond *c =
					&legacy.cond[legacy.n_cond++];

				c->kind = SCORE_COND_MET;
				c->n_idx = 1;
				c->idx = g_new(guint, 1);
				c->idx[0] = i;
			}
		when = &legacy;
		n_when = 1;
	}
	for (i = 0; i < n_when && !out->reason; i++) {
		g_autoptr(GString) held = g_string_new(NULL);
		g_autoptr(GString) failed = g_string_new(NULL);
		g_autoptr(GString) tmp = g_string_new(NULL);

		for (j = 0; j < when[i].n_cond; j++) {
			bool ok;

			g_string_truncate(tmp, 0);
			ok = cond_holds(cfg, crit, f, out, &when[i].cond[j],
					tmp);
			g_string_append_printf(ok ? held : failed, "%s%s",
					       (ok ? held : failed)->len ?
					       "; " : "", tmp->str);
		}
		if (failed->len == 0) {
			out->bucket = SCORE_ADVANCE;
			out->reason = g_strdup(held->str);
		} else {
			g_string_append_printf(why, "%s%s", why->len ? " / " :
					       "not advanced: ", failed->str);
		}
	}
	if (!out->reason) {
		out->bucket = SCORE_ARCHIVE;
		out->reason = g_strdup(why->str);
	}
	score_when_clear(&legacy);
}

void score_applicant(const struct score_config *cfg,
		     const struct criterion_result *crit,
		     const struct score_facts *f, struct score_result *out)
{
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
	advance(cfg, crit, f, out);
}

static int rank_cmp(const void *pa, const void *pb)
{
	const struct score_rank_item *a = pa, *b = pb;
	double ta = round1(a->total), tb = round1(b->total);

	if (a->bucket != b->bucket)
		return a->bucket < b->bucket ? -1 : 1;
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
