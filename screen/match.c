/*
 * match.c - running a compiled rule set over an applicant's documents:
 * hits (keyword, regex, proximity, negation and hedge guards, section
 * scope, document role, computed facts), caps, duplicate passages
 * collapsed, per-criterion scores; and snippets around a hit.
 *
 * Reads the rule set (rules.c builds it) and the facts (facts.c); never
 * changes either.  Must not score applicants, store or print anything.
 * Safe to call from several threads at once: all it writes is its own.
 */
#include <math.h>
#include <string.h>

#include "error.h"
#include "match.h"
#include "rules_priv.h"

/* One rule on one document stops collecting after this many hits: a
 * resume naming "REST" 10 000 times is not 10 000 times the evidence. */
#define HITS_PER_RULE_DOC 256
/* Evidence past every cap still shows the reviewer where else a rule
 * fired, but not without end. */
#define ZERO_EVIDENCE_PER_CRITERION 24
/* Fact evidence: the first spans of the fact. */
#define FACT_SPANS_MAX 8
/* How far back a negation or hedge is looked for. */
#define CUE_WINDOW 120

struct hit {
	uint32_t crit, rule, doc, start, end;
	/* the words the rule itself matched: start..end less a proximity
	 * rule's near term, which is context, not a claim of its own */
	uint32_t core_start, core_end;
	double points;		/* before caps */
	bool fact;
};

/* What one scan needs besides the rule: per call, so threads share
 * nothing writable. */
struct scan {
	const struct ruleset *rs;
	pcre2_match_data *md;
	const char *text;
	gsize len;
	/* the document's words, built on demand, once per document */
	GArray *words;		/* struct word, in text order */
	uint32_t *heads;	/* BUCKETS first words, chained by next */
	char *lower;		/* text with ASCII letters lowercased */
	GArray *cands;		/* uint32_t scratch: where to try a pattern */
	GArray *near;		/* struct hit scratch: the near hits */
	/* the document's sections, looked up once per document */
	const struct facts *f;
	bool sections_loaded;
	bool headings;
	const GArray *sections[RULES_N_SECTIONS];
	GError *err;
};

struct word {
	uint32_t start, end;
	uint32_t next;		/* next word of the same bucket, or NONE */
	uint8_t cue;		/* starts a negation or a hedge: 0 not
				   looked up yet, 1 no, 2 yes */
};

#define NONE UINT32_MAX
#define BUCKETS 4096

/* Words of 3 bytes or more are bucketed by their first three (lowercase)
 * bytes, shorter ones by all they have: an anchor of 3 bytes or more
 * finds its words in one bucket. */
static guint bucket_of(const char *lower, gsize n)
{
	unsigned a = (unsigned char)lower[0];
	unsigned b = n > 1 ? (unsigned char)lower[1] : 0;
	unsigned c = n > 2 ? (unsigned char)lower[2] : 0;

	return ((a * 31 + b) * 31 + c + (n < 3 ? n * 977 : 0)) &
	       (BUCKETS - 1);
}

/* Where a pattern is tried: everywhere from "from", or (keywords) only
 * at the candidates, in order. */
struct cursor {
	const struct rule_pattern *pat;
	gsize from;		/* full scan: next offset */
	guint next;		/* anchored: next candidate */
	GArray *cands;
};

static bool role_fits(enum rule_role want, enum doc_role have)
{
	switch (want) {
	case RULE_ROLE_ANY: return true;
	case RULE_ROLE_RESUME: return have == DOC_ROLE_RESUME;
	case RULE_ROLE_COVER: return have == DOC_ROLE_COVER;
	}
	return false;
}

static bool word_char(const char *t, gsize len, gsize i, gsize *step)
{
	unsigned char c = t[i];
	gunichar u;

	if (c < 0x80) {
		*step = 1;
		return g_ascii_isalnum(c) || c == '_';
	}
	u = g_utf8_get_char_validated(t + i, len - i);
	if (u == (gunichar)-1 || u == (gunichar)-2) {
		*step = 1;
		return false;
	}
	*step = g_utf8_next_char(t + i) - (t + i);
	return g_unichar_isalnum(u);
}

/* Words as \w runs (Unicode letters, digits, underscore), the same
 * boundaries the patterns' (?<!\w) and (?!\w) see. */
static void build_words(struct scan *sc)
{
	gsize i = 0, step;
	bool in = false;
	struct word w = { 0, 0, NONE, 0 };

	if (sc->words)
		return;
	sc->words = g_array_sized_new(FALSE, FALSE, sizeof(struct word),
				      sc->len / 6 + 16);
	while (i < sc->len) {
		unsigned char c = sc->text[i];
		bool wc;

		if (c < 0x80) {		/* the common case, inline */
			wc = g_ascii_isalnum(c) || c == '_';
			step = 1;
		} else {
			wc = word_char(sc->text, sc->len, i, &step);
		}

		if (wc && !in)
			w.start = (uint32_t)i;
		if (!wc && in) {
			w.end = (uint32_t)i;
			g_array_append_val(sc->words, w);
		}
		in = wc;
		i += step;
	}
	if (in) {
		w.end = (uint32_t)sc->len;
		g_array_append_val(sc->words, w);
	}
	sc->lower = g_malloc(sc->len + 1);
	for (i = 0; i < sc->len; i++) {
		char c = sc->text[i];

		sc->lower[i] = c >= 'A' && c <= 'Z' ? c + 32 : c;
	}
	sc->lower[sc->len] = '\0';
	sc->heads = g_new(uint32_t, BUCKETS);
	memset(sc->heads, 0xff, BUCKETS * sizeof(uint32_t));
	/* backwards, so that each chain runs in text order */
	for (i = sc->words->len; i-- > 0;) {
		struct word *x = &g_array_index(sc->words, struct word, i);
		guint b = bucket_of(sc->lower + x->start, x->end - x->start);

		x->next = sc->heads[b];
		sc->heads[b] = (uint32_t)i;
	}
}

static void drop_words(struct scan *sc)
{
	if (sc->words)
		g_array_unref(sc->words);
	g_free(sc->heads);
	g_free(sc->lower);
	sc->words = NULL;
	sc->heads = NULL;
	sc->lower = NULL;
}

/* Index of the word holding byte off (the last word starting at or
 * before it). */
static long word_index(const struct scan *sc, uint32_t off)
{
	const struct word *w = (const struct word *)sc->words->data;
	long lo = 0, hi = (long)sc->words->len;

	while (lo < hi) {
		long mid = (lo + hi) / 2;

		if (w[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

static bool anchor_fits(const struct scan *sc, const struct word *w,
			const struct rule_anchor *a)
{
	uint32_t wl = w->end - w->start;

	return wl >= a->len && wl - a->len <= a->extra &&
	       memcmp(sc->lower + w->start, a->prefix, a->len) == 0;
}

static int word_by_index(gconstpointer pa, gconstpointer pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;

	return a < b ? -1 : a > b;
}

/* The starts of the words that fit one of the pattern's anchors, in
 * text order, each once. */
static void find_candidates(struct scan *sc, const struct rule_pattern *pat,
			    GArray *out)
{
	const struct word *w = (const struct word *)sc->words->data;
	guint a, j, k;

	g_array_set_size(out, 0);
	for (a = 0; a < pat->anchors->len; a++) {
		const struct rule_anchor *an = &g_array_index(pat->anchors,
			struct rule_anchor, a);
		uint32_t x;

		/* 3+ bytes: one bucket; shorter and exact: one bucket */
		if (an->len >= 3 || an->extra == 0) {
			for (x = sc->heads[bucket_of(an->prefix, an->len)];
			     x != NONE; x = w[x].next)
				if (anchor_fits(sc, &w[x], an))
					g_array_append_val(out, x);
			continue;
		}
		for (x = 0; x < sc->words->len; x++)	/* "C#": rare */
			if (anchor_fits(sc, &w[x], an))
				g_array_append_val(out, x);
	}
	/* Each anchor's list is in text order, but two anchors' lists
	 * interleave ("API SOAP API SOAP ..."): sort them as a whole, in
	 * O(n log n), never by insertion, which is quadratic there. */
	if (pat->anchors->len > 1)
		g_array_sort(out, word_by_index);
	for (j = 0, k = 0; k < out->len; k++) {
		uint32_t v = g_array_index(out, uint32_t, k);

		if (j && g_array_index(out, uint32_t, j - 1) == w[v].start)
			continue;
		g_array_index(out, uint32_t, j++) = w[v].start;
	}
	g_array_set_size(out, j);
}

static void cursor_init(struct scan *sc, struct cursor *cur,
			const struct rule_pattern *pat, GArray *cands)
{
	cur->pat = pat;
	cur->from = 0;
	cur->next = 0;
	cur->cands = NULL;
	if (pat->anchors) {
		build_words(sc);
		find_candidates(sc, pat, cands);
		cur->cands = cands;
	}
}

static void limit_error(struct scan *sc, const char *rule_id, int rc)
{
	PCRE2_UCHAR msg[200];

	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT) {
		g_set_error(&sc->err, SCREENER_ERROR, SE_RULE_LIMIT,
			    "rule %s hit the match limit", rule_id);
		return;
	}
	pcre2_get_error_message(rc, msg, sizeof(msg));
	g_set_error(&sc->err, SCREENER_ERROR, SE_FAILED, "rule %s failed: %s",
		    rule_id, (char *)msg);
}

/* Next match of the cursor's pattern; false at the end or on an error
 * (sc->err set).  Matches do not overlap; empty ones are stepped over. */
static bool next_match(struct scan *sc, struct cursor *cur,
		       const char *rule_id, uint32_t *s, uint32_t *e)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
	pcre2_match_context *mctx = ruleset_match_context(sc->rs);

	while (cur->cands) {
		uint32_t at;
		int rc;

		if (cur->next >= cur->cands->len)
			return false;
		at = g_array_index(cur->cands, uint32_t, cur->next++);
		if (at < cur->from)
			continue;
		rc = pcre2_match(cur->pat->code, (PCRE2_SPTR)sc->text, sc->len,
				 at, PCRE2_NOTEMPTY, sc->md, mctx);
		if (rc == PCRE2_ERROR_NOMATCH)
			continue;
		if (rc < 0) {
			limit_error(sc, rule_id, rc);
			return false;
		}
		if (ov[1] <= ov[0])
			continue;
		*s = (uint32_t)ov[0];
		*e = (uint32_t)ov[1];
		cur->from = ov[1];
		return true;
	}
	while (cur->from <= sc->len) {
		/* an empty hit is no evidence: "x*" must not stop at
		 * every position of a 2 MiB text */
		int rc = pcre2_match(cur->pat->code, (PCRE2_SPTR)sc->text,
				     sc->len, cur->from, PCRE2_NOTEMPTY, sc->md,
				     mctx);

		if (rc == PCRE2_ERROR_NOMATCH)
			return false;
		if (rc < 0) {
			limit_error(sc, rule_id, rc);
			return false;
		}
		if (ov[1] <= ov[0]) {
			/* empty: step one character on */
			gsize n = ov[0] + 1;

			while (n < sc->len && ((unsigned char)sc->text[n] &
					       0xC0) == 0x80)
				n++;
			cur->from = n;
			continue;
		}
		*s = (uint32_t)ov[0];
		*e = (uint32_t)ov[1];
		cur->from = ov[1];
		return true;
	}
	return false;
}

/* Where the clause holding off starts: not before a sentence end, a
 * line break or a bullet, and at most CUE_WINDOW bytes back. */
static gsize clause_start(const char *text, gsize off)
{
	gsize lo = off > CUE_WINDOW ? off - CUE_WINDOW : 0, i;

	for (i = off; i > lo; i--) {
		char c = text[i - 1];

		if (c == '\n' || c == ';' || c == '!' || c == '?' ||
		    ((c == '.' || c == ':') &&
		     (i >= off || g_ascii_isspace(text[i]))))
			return i;
	}
	while (i < off && ((unsigned char)text[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* Does a cue end right before off, inside its clause? */
static bool cue_before(struct scan *sc, const struct rule_pattern *cue,
		       uint32_t off)
{
	gsize from = clause_start(sc->text, off);
	int rc;

	if (from >= off)
		return false;
	rc = pcre2_match(cue->code, (PCRE2_SPTR)sc->text, off, from, 0,
			 sc->md, ruleset_match_context(sc->rs));
	return rc >= 0;
}

/* Whether a word that starts a cue stands in the few words before off,
 * in its clause: most hits have none, and skip the cue patterns. */
static bool cue_word_before(struct scan *sc, uint32_t off)
{
	gsize from = clause_start(sc->text, off);
	struct word *w;
	long k;
	int steps;

	build_words(sc);
	w = (struct word *)sc->words->data;
	k = word_index(sc, off);
	if (k >= 0 && w[k].start >= off)
		k--;
	for (steps = 0; k >= 0 && steps < 8; k--, steps++) {
		if (w[k].start < from)
			break;
		if (!w[k].cue)
			w[k].cue = ruleset_cue_word(sc->rs,
						    sc->lower + w[k].start,
						    w[k].end - w[k].start) ?
				   2 : 1;
		if (w[k].cue == 2)
			return true;
	}
	return false;
}

static void load_sections(struct scan *sc)
{
	double h = 0;
	guint k;

	if (sc->sections_loaded)
		return;
	for (k = 0; k < RULES_N_SECTIONS; k++) {
		g_autofree char *name = g_strconcat("section:",
			ruleset_section_name(k), NULL);

		sc->sections[k] = facts_spans(sc->f, name);
	}
	sc->headings = facts_number(sc->f, "has_headings", &h) && h > 0;
	sc->sections_loaded = true;
}

/* Whether a sentence ends in [from, to): ".", "!" or "?" before white
 * space, or a blank line.  A word with a dot inside ("B.Sc.", "e.g.")
 * or a lone initial ("J.") is an abbreviation, not an end.  Proximity
 * stays within a sentence ("a wedding cake service. HACCP health
 * checks" is no service's health check); a line wrapped mid-sentence,
 * or a clause after ";", is still the same sentence. */
static bool sentence_between(const char *t, uint32_t from, uint32_t to)
{
	uint32_t i, j;

	for (i = from; i < to; i++) {
		char c = t[i];

		if (c == '\n' && i + 1 < to && t[i + 1] == '\n')
			return true;
		if ((c != '.' && c != '!' && c != '?') || i + 1 >= to ||
		    !g_ascii_isspace(t[i + 1]))
			continue;
		if (c != '.')
			return true;
		for (j = i; j > 0 && !g_ascii_isspace(t[j - 1]); j--)
			if (j < i && t[j] == '.')
				break;
		if (j > 0 && !g_ascii_isspace(t[j - 1]))
			continue;	/* a dot inside the word */
		if (i - j >= 2)
			return true;
	}
	return false;
}

/* The factor the rule's scope gives a hit at off: 1 without facts or
 * without scope; the best factor of a listed section holding it; 1 for
 * a document with no headings at all (nothing to scope by); else 0. */
static double scope_factor(struct scan *sc, const struct rule *r,
			   uint32_t off)
{
	double best = 0;
	guint i, k;

	if (!sc->f || !r->scope->len)
		return 1;
	load_sections(sc);
	if (!sc->headings)
		return 1;
	for (i = 0; i < r->scope->len; i++) {
		const struct rule_scope *s = &g_array_index(r->scope,
							    struct rule_scope,
							    i);
		const GArray *spans = sc->sections[s->kind];

		if (s->factor <= best)
			continue;
		for (k = 0; spans && k < spans->len; k++) {
			const struct span *sp = &g_array_index(spans,
							       struct span, k);

			if (off >= sp->start && off < sp->end) {
				best = s->factor;
				break;
			}
		}
	}
	return best;
}

/* The first near hit that ends in word "from" or later.  Near hits do
 * not overlap and are in text order, so their last words never go
 * down: a binary search, not a walk from the first one for every hit
 * (quadratic on a text that repeats both terms). */
static guint first_near(const struct scan *sc, long from)
{
	const struct hit *b = (const struct hit *)sc->near->data;
	guint lo = 0, hi = sc->near->len;

	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;

		if (word_index(sc, b[mid].end - 1) < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* All hits of a pattern rule in one text.  False on a rule error
 * (sc->err set; what was found before it is dropped by the caller). */
static bool scan_rule(struct scan *sc, const struct rule *r, guint ri,
		      guint di, bool use_scope, GArray *hits)
{
	struct cursor cur;
	uint32_t s, e;
	guint n = 0;

	if (r->near) {
		g_array_set_size(sc->near, 0);
		cursor_init(sc, &cur, r->near, sc->cands);
		while (sc->near->len < 4096 &&
		       next_match(sc, &cur, r->id, &s, &e)) {
			struct hit h = { .start = s, .end = e };

			g_array_append_val(sc->near, h);
		}
		if (sc->err)
			return false;
		if (!sc->near->len)
			return true;
		build_words(sc);
	}
	cursor_init(sc, &cur, r->pattern, sc->cands);
	while (n < HITS_PER_RULE_DOC &&
	       next_match(sc, &cur, r->id, &s, &e)) {
		struct hit h = { 0 };
		double factor = use_scope ? scope_factor(sc, r, s) : 1;

		if (factor <= 0)
			continue;
		if (r->near) {
			long wa = word_index(sc, s), wz = word_index(sc, e - 1);
			guint k;
			bool found = false;
			uint32_t us = s, ue = e;

			for (k = first_near(sc, wa - (long)r->within - 1);
			     k < sc->near->len; k++) {
				const struct hit *b = &g_array_index(sc->near,
								     struct hit,
								     k);
				long gap;

				if (b->start >= e)
					gap = word_index(sc, b->start) - wz - 1;
				else if (b->end <= s)
					gap = wa - word_index(sc, b->end - 1) - 1;
				else
					gap = 0;
				/* near hits are in text order: the gaps
				 * after this one only grow */
				if (b->start >= e && gap > (long)r->within)
					break;
				if (gap <= (long)r->within &&
				    !sentence_between(sc->text,
						      MIN(e, b->end),
						      MAX(s, b->start))) {
					found = true;
					us = MIN(us, b->start);
					ue = MAX(ue, b->end);
					break;
				}
			}
			if (!found)
				continue;
			h.core_start = s;
			h.core_end = e;
			s = us;
			e = ue;
		} else {
			h.core_start = s;
			h.core_end = e;
		}
		if (!cue_word_before(sc, s))
			;
		else if (cue_before(sc, ruleset_negation(sc->rs), s))
			factor *= r->negated;
		else if (cue_before(sc, ruleset_hedge(sc->rs), s))
			factor *= r->hedged;
		if (factor <= 0)
			continue;
		h.crit = r->criterion;
		h.rule = ri;
		h.doc = di;
		h.start = s;
		h.end = e;
		h.points = r->points * factor;
		g_array_append_val(hits, h);
		n++;
	}
	return sc->err == NULL;
}

/* A fact rule: the first document (of its role) whose fact holds. */
static void fact_rule(const struct rule *r, guint ri,
		      const struct facts *const *facts,
		      const enum doc_role *roles, guint n, GArray *hits)
{
	guint i, k;
	double v;

	for (i = 0; i < n; i++) {
		const GArray *spans;
		struct hit h = { .crit = r->criterion, .rule = ri, .doc = i,
				 .points = r->points, .fact = true };

		if (!facts[i] || !role_fits(r->role, roles[i]) ||
		    !facts_number(facts[i], r->fact, &v) ||
		    !rule_fact_holds(r, v))
			continue;
		spans = facts_spans(facts[i], r->fact);
		if (!spans || !spans->len) {
			g_array_append_val(hits, h);
			return;
		}
		for (k = 0; k < spans->len && k < FACT_SPANS_MAX; k++) {
			const struct span *sp = &g_array_index(spans,
							       struct span, k);

			h.start = sp->start;
			h.end = sp->end;
			g_array_append_val(hits, h);
			h.points = 0;
		}
		return;
	}
}

static int hit_by_value(gconstpointer pa, gconstpointer pb)
{
	const struct hit *a = pa, *b = pb;

	if (a->crit != b->crit)
		return a->crit < b->crit ? -1 : 1;
	if (a->points != b->points)
		return a->points > b->points ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

static int evidence_by_place(gconstpointer pa, gconstpointer pb)
{
	const struct evidence *a = pa, *b = pb;

	if (a->criterion != b->criterion)
		return a->criterion < b->criterion ? -1 : 1;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return a->rule < b->rule ? -1 : a->rule > b->rule;
}

/* Apply the caps, best hits first, dropping a passage already counted
 * for the same criterion: one whose matched words overlap those of a hit
 * taken before.  A proximity hit claims its own words only, so "Built
 * REST endpoints" is hands-on work (built, near REST) and a protocol
 * (REST endpoints), not one passage that hides the other. */
static void accept_hits(const struct ruleset *rs, GArray *hits,
			struct match_result *res)
{
	guint nr = ruleset_n_rules(rs), i, k, crit_from = 0;
	g_autofree double *rule_left = g_new(double, nr);
	g_autofree double *crit_left = g_new(double, res->n_crit);
	g_autofree guint *zeros = g_new0(guint, res->n_crit);
	g_autofree guint *rows = g_new0(guint, nr);
	g_autoptr(GArray) flags = g_array_new(FALSE, FALSE, sizeof(bool));
	g_autoptr(GArray) cores = g_array_new(FALSE, FALSE, sizeof(struct span));

	for (i = 0; i < nr; i++)
		rule_left[i] = ruleset_rule(rs, i)->cap;
	for (i = 0; i < res->n_crit; i++)
		crit_left[i] = ruleset_criterion(rs, i)->max_points;
	g_array_sort(hits, hit_by_value);
	for (i = 0; i < hits->len; i++) {
		const struct hit *h = &g_array_index(hits, struct hit, i);
		struct evidence ev = { h->crit, h->rule, h->doc, h->start,
				       h->end, 0 };
		bool dup = false;
		double rp;

		if (i == 0 || h->crit != g_array_index(hits, struct hit,
						       i - 1).crit)
			crit_from = res->evidence->len;
		for (k = crit_from; !h->fact && k < res->evidence->len; k++) {
			const struct evidence *o = &g_array_index(
				res->evidence, struct evidence, k);
			const struct span *oc = &g_array_index(cores,
							       struct span, k);

			if (!g_array_index(flags, bool, k) && o->doc == h->doc &&
			    oc->start < h->core_end && h->core_start < oc->end) {
				dup = true;
				break;
			}
		}
		if (dup)
			continue;
		rp = MIN(h->points, rule_left[h->rule]);
		res->crit[h->crit].strength += rp;
		/* rows past the cap show nothing more: the passages taken
		 * before a hit are at most the rows kept, so this loop stays
		 * linear in the hits */
		if (rows[h->rule] >= MATCH_EVIDENCE_PER_RULE)
			continue;
		ev.points = MIN(rp, crit_left[h->crit]);
		if (ev.points < 1e-9) {
			ev.points = 0;
			if (zeros[h->crit] >= ZERO_EVIDENCE_PER_CRITERION)
				continue;
			zeros[h->crit]++;
		}
		rows[h->rule]++;
		rule_left[h->rule] -= ev.points;
		crit_left[h->crit] -= ev.points;
		res->crit[h->crit].points += ev.points;
		g_array_append_val(res->evidence, ev);
		g_array_append_val(flags, h->fact);
		g_array_append_val(cores, ((struct span){ h->core_start,
							  h->core_end }));
	}
	g_array_sort(res->evidence, evidence_by_place);
	for (i = 0; i < res->n_crit; i++) {
		const struct criterion *c = ruleset_criterion(rs, i);
		struct criterion_result *cr = &res->crit[i];

		cr->score = MIN(1.0, cr->points / c->max_points);
		cr->met = cr->score + 1e-9 >= c->met_threshold;
	}
}

static void add_error(struct match_result *res, const char *msg)
{
	guint i;

	for (i = 0; i < res->errors->len; i++)
		if (strcmp(res->errors->pdata[i], msg) == 0)
			return;
	g_ptr_array_add(res->errors, g_strdup(msg));
}

struct match_result *match_applicant(const struct ruleset *rs,
				     const struct doc *const *docs,
				     const struct facts *const *facts,
				     const enum doc_role *roles, guint n)
{
	struct match_result *res = g_new0(struct match_result, 1);
	g_autoptr(GArray) hits = g_array_new(FALSE, FALSE, sizeof(struct hit));
	struct scan sc = { .rs = rs };
	guint i, j, nr = ruleset_n_rules(rs);

	res->evidence = g_array_new(FALSE, FALSE, sizeof(struct evidence));
	res->n_crit = ruleset_n_criteria(rs);
	res->crit = g_new0(struct criterion_result, res->n_crit);
	res->errors = g_ptr_array_new_with_free_func(g_free);
	sc.md = pcre2_match_data_create(1, NULL);
	sc.near = g_array_new(FALSE, FALSE, sizeof(struct hit));
	sc.cands = g_array_new(FALSE, FALSE, sizeof(uint32_t));

	for (j = 0; j < nr; j++) {
		const struct rule *r = ruleset_rule(rs, j);

		if (r->kind == RULE_FACT)
			fact_rule(r, j, facts, roles, n, hits);
	}
	for (i = 0; i < n; i++) {
		const struct doc *d = docs[i];

		if (!d || !d->text)
			continue;
		sc.text = d->text->str;
		sc.len = d->text->len;
		sc.f = facts ? facts[i] : NULL;
		sc.sections_loaded = false;
		for (j = 0; j < nr; j++) {
			const struct rule *r = ruleset_rule(rs, j);
			guint mark = hits->len;

			if (r->kind == RULE_FACT || !role_fits(r->role, roles[i]))
				continue;
			if (!scan_rule(&sc, r, j, i, true, hits)) {
				add_error(res, sc.err->message);
				g_clear_error(&sc.err);
				g_array_set_size(hits, mark);
			}
		}
		drop_words(&sc);
	}
	accept_hits(rs, hits, res);
	pcre2_match_data_free(sc.md);
	g_array_unref(sc.near);
	g_array_unref(sc.cands);
	return res;
}

void match_result_free(struct match_result *r)
{
	if (!r)
		return;
	g_array_unref(r->evidence);
	g_free(r->crit);
	g_ptr_array_unref(r->errors);
	g_free(r);
}

int match_rule_text(const struct ruleset *rs, guint rule, const char *text,
		    gsize len, uint32_t *start, uint32_t *end, GError **err)
{
	const struct rule *r = ruleset_rule(rs, rule);
	g_autoptr(GArray) hits = g_array_new(FALSE, FALSE, sizeof(struct hit));
	struct scan sc = { .rs = rs, .text = text, .len = len };
	bool ok;

	g_return_val_if_fail(r && r->kind != RULE_FACT, -1);
	sc.md = pcre2_match_data_create(1, NULL);
	sc.near = g_array_new(FALSE, FALSE, sizeof(struct hit));
	sc.cands = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	ok = scan_rule(&sc, r, rule, 0, false, hits);
	pcre2_match_data_free(sc.md);
	g_array_unref(sc.near);
	g_array_unref(sc.cands);
	drop_words(&sc);
	if (!ok) {
		g_propagate_error(err, sc.err);
		return -1;
	}
	if (hits->len && start && end) {
		*start = g_array_index(hits, struct hit, 0).start;
		*end = g_array_index(hits, struct hit, 0).end;
	}
	return (int)hits->len;
}

/* ---- snippets -------------------------------------------------------- */

#define SNIPPET_SIDE 90		/* bytes of context each side, at most */

static gsize char_start(const char *t, gsize len, gsize i)
{
	while (i > 0 && i < len && ((unsigned char)t[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static bool sentence_end(const char *t, gsize len, gsize i)
{
	/* t[i] ends a sentence when it is . ! ? followed by a space */
	return (t[i] == '.' || t[i] == '!' || t[i] == '?') &&
	       (i + 1 >= len || g_ascii_isspace(t[i + 1]));
}

static void append_flat(GString *out, const char *s, gsize n)
{
	gsize i;

	/* newlines separate blocks: one line of text reads better */
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (c == ' ' && out->len && out->str[out->len - 1] == ' ')
			continue;
		g_string_append_c(out, c);
	}
}

void match_snippet_bounds(const char *text, gsize len, uint32_t *start,
			  uint32_t *end, gsize *from, gsize *to, bool *cut_from,
			  bool *cut_to)
{
	gsize a, z, i, st, en;

	st = MIN(*start, len);
	en = MIN(*end, len);
	if (en < st)
		en = st;
	st = char_start(text, len, st);
	en = char_start(text, len, en);
	*cut_from = *cut_to = false;
	/* back to the sentence or line start, or a word boundary */
	a = st;
	for (i = st; i > 0; i--) {
		if (text[i - 1] == '\n' || sentence_end(text, len, i - 1)) {
			a = i;
			break;
		}
		if (st - i >= SNIPPET_SIDE) {
			while (i < st && !g_ascii_isspace(text[i - 1]))
				i++;
			a = i;
			*cut_from = true;
			break;
		}
		a = i - 1;
	}
	while (a < st && g_ascii_isspace(text[a]))
		a++;
	/* forward to the sentence end, or a word boundary */
	z = en;
	for (i = en; i < len; i++) {
		if (text[i] == '\n') {
			z = i;
			break;
		}
		if (sentence_end(text, len, i)) {
			z = i + 1;
			break;
		}
		if (i - en >= SNIPPET_SIDE) {
			while (i > en && !g_ascii_isspace(text[i]))
				i--;
			z = i;
			*cut_to = true;
			break;
		}
		z = i + 1;
	}
	while (z > en && g_ascii_isspace(text[z - 1]))
		z--;
	*from = char_start(text, len, a);
	*to = char_start(text, len, z);
	*start = (uint32_t)st;
	*end = (uint32_t)en;
}

char *match_snippet(const char *text, gsize len, uint32_t start,
		    uint32_t end, const char *open, const char *close)
{
	GString *out = g_string_new(NULL);
	gsize a, z;
	bool cut_a, cut_z;

	match_snippet_bounds(text, len, &start, &end, &a, &z, &cut_a, &cut_z);
	if (cut_a)
		g_string_append(out, "... ");
	append_flat(out, text + a, start - a);
	g_string_append(out, open);
	append_flat(out, text + start, end - start);
	g_string_append(out, close);
	append_flat(out, text + end, z - end);
	if (cut_z)
		g_string_append(out, " ...");
	return g_string_free(out, FALSE);
}
