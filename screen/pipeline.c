/*
 * pipeline.c - the worker pool (see pipeline.h).
 *
 * Owns the threads and the per-applicant work between reading a file and
 * storing the result: sandboxed extraction (or decoding the stored
 * document), facts, matching, scoring and the evidence rows.  Touches no
 * database and prints nothing; the main thread does both.
 */
#include <string.h>

#include "contacts.h"
#include "error.h"
#include "escape.h"
#include "facts.h"
#include "match.h"
#include "pipeline.h"
#include "rules.h"
#include "sandbox.h"
#include "timing.h"

/* The snippet markers: control characters never survive normalisation,
 * so they cannot clash with the document's own text. */
#define MARK_OPEN "\x01"
#define MARK_CLOSE "\x02"
#define YEARS_EVIDENCE_MAX 3

struct pipeline {
	const struct pipeline_config *cfg;
	GAsyncQueue *in, *out;
	GPtrArray *threads;
};

/* Pushed once per worker to stop it. */
static struct pipeline_job stop_job;

struct pipeline_doc *pipeline_doc_new(const char *name)
{
	struct pipeline_doc *d = g_new0(struct pipeline_doc, 1);

	d->name = g_strdup(name);
	return d;
}

void pipeline_doc_free(struct pipeline_doc *d)
{
	g_free(d->name);
	g_free(d->stat);
	if (d->data)
		g_bytes_unref(d->data);
	g_clear_error(&d->read_error);
	store_known_clear(&d->known);
	g_free(d);
}

struct pipeline_job *pipeline_job_new(const char *key)
{
	struct pipeline_job *job = g_new0(struct pipeline_job, 1);

	job->key = g_strdup(key);
	job->docs = g_ptr_array_new_with_free_func(
		(GDestroyNotify)pipeline_doc_free);
	return job;
}

void pipeline_job_free(struct pipeline_job *job)
{
	if (!job || job == &stop_job)
		return;
	g_free(job->key);
	g_ptr_array_unref(job->docs);
	g_free(job);
}

void pipeline_job_hash(struct pipeline_job *job, const char *ruleset_hash,
		       const char *as_of)
{
	g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
	char form = '0' + job->form;
	guint i;

	/* Every field NUL-terminated, so no two inputs hash alike. */
	g_checksum_update(h, (const guchar *)ruleset_hash,
			  strlen(ruleset_hash) + 1);
	g_checksum_update(h, (const guchar *)as_of, strlen(as_of) + 1);
	g_checksum_update(h, (const guchar *)&form, 1);
	for (i = 0; i < job->docs->len; i++) {
		const struct pipeline_doc *d = g_ptr_array_index(job->docs, i);

		g_checksum_update(h, (const guchar *)d->name,
				  strlen(d->name) + 1);
		g_checksum_update(h, (const guchar *)d->sha256,
				  strlen(d->sha256) + 1);
	}
	g_strlcpy(job->inputs_hash, g_checksum_get_string(h),
		  sizeof(job->inputs_hash));
}

/* One document's state inside a worker. */
struct wdoc {
	struct doc *doc;	/* NULL when it failed */
	struct facts *facts;
	enum doc_role role;
	struct store_doc *sd;	/* owned by the result */
};

static void set_failed(struct store_doc *sd, const GError *e, bool fresh)
{
	sd->ok = false;
	sd->error_code = e->domain == SCREENER_ERROR ? e->code : SE_FAILED;
	sd->error = g_strdup(e->message);
	sd->fresh = fresh;
}

static char *join_warnings(const struct doc *d)
{
	g_autoptr(GString) s = g_string_new(NULL);
	guint i;

	for (i = 0; i < d->warnings->len; i++)
		g_string_append_printf(s, "%s%s", i ? "; " : "",
				       (char *)g_ptr_array_index(d->warnings,
								 i));
	return s->len ? g_strdup(s->str) : NULL;
}

/* Get the document: the stored encoding when there is one, else a fresh
 * extraction in the sandbox. */
static void load_doc(const struct pipeline_config *cfg, struct sandbox *sb,
		     const struct pipeline_doc *pd, struct wdoc *w)
{
	struct store_doc *sd = w->sd;
	g_autoptr(GError) err = NULL;
	GByteArray *enc;
	gint64 t;

	if (pd->read_error) {
		set_failed(sd, pd->read_error, true);
		return;
	}
	if (pd->known.found && !pd->known.ok) {
		/* Failed before with the same bytes: not tried again. */
		GError e = { SCREENER_ERROR, pd->known.error_code,
			     pd->known.error ? pd->known.error : "failed" };

		set_failed(sd, &e, false);
		sd->format = pd->known.format;
		return;
	}
	if (pd->known.found && pd->known.doc) {
		gsize n;
		const guint8 *p = g_bytes_get_data(pd->known.doc, &n);

		t = timing_now();
		w->doc = doc_decode(p, n, NULL);
		timing_add(TIMING_ANALYSE, t);
		if (w->doc) {
			sd->doc = g_bytes_ref(pd->known.doc);
			goto ok;
		}
		/* An encoding this build cannot read: extract again. */
	}
	t = timing_now();
	w->doc = sandbox_extract(sb, g_bytes_get_data(pd->data, NULL),
				 g_bytes_get_size(pd->data), false, &err);
	timing_add(TIMING_EXTRACT, t);
	if (!w->doc) {
		set_failed(sd, err, true);
		return;
	}
	enc = doc_encode(w->doc);
	sd->doc = g_byte_array_free_to_bytes(enc);
	sd->fresh = true;
ok:
	sd->ok = true;
	sd->format = w->doc->format;
	sd->pages = w->doc->pages;
	sd->warnings = join_warnings(w->doc);
}

/* The text of [start, end) of a document, or NULL when out of range. */
static char *span_text(const struct doc *d, guint32 start, guint32 end)
{
	if (!d->text || start > end || end > d->text->len)
		return NULL;
	return g_strndup(d->text->str + start, end - start);
}

static void add_evidence(struct store_applicant *a,
			 const struct ruleset *rs, const struct wdoc *w,
			 const guint *doc_index, const struct evidence *e)
{
	const struct wdoc *wd = &w[doc_index[e->doc]];
	const struct doc *d = wd->doc;
	const struct doc_block *b = doc_block_at(d, e->start);
	struct store_evidence se = { 0 };
	g_autofree char *snip = NULL;
	char *open, *close;

	se.crit = e->criterion;
	se.criterion = g_strdup(e->criterion < ruleset_n_criteria(rs) ?
				ruleset_criterion(rs, e->criterion)->id : "");
	se.rule = g_strdup(e->rule < ruleset_n_rules(rs) ?
			   ruleset_rule(rs, e->rule)->id : "");
	se.doc = doc_index[e->doc];
	se.start = e->start;
	se.end = e->end;
	se.page = b ? b->page : 0;
	se.para = b ? b->para : 0;
	se.points = e->points;
	snip = match_snippet(d->text->str, d->text->len, e->start, e->end,
			     MARK_OPEN, MARK_CLOSE);
	open = snip ? strstr(snip, MARK_OPEN) : NULL;
	close = open ? strstr(open + 1, MARK_CLOSE) : NULL;
	if (open && close) {
		se.before = g_strndup(snip, open - snip);
		se.match = g_strndup(open + 1, close - open - 1);
		se.after = g_strdup(close + 1);
	} else {
		se.before = g_strdup("");
		se.match = span_text(d, e->start, e->end);
		se.after = g_strdup("");
		if (!se.match)
			se.match = g_strdup("");
	}
	g_array_append_val(a->evidence, se);
}

/* The most years fact gives on any resume, and that resume. */
static const struct wdoc *most_years(const char *fact, const struct wdoc *w,
				     guint n, bool *has, double *years)
{
	const struct wdoc *best = NULL;
	guint i;

	*has = false;
	for (i = 0; fact && i < n; i++) {
		double y;

		if (!w[i].facts || w[i].role != DOC_ROLE_RESUME ||
		    !facts_number(w[i].facts, fact, &y))
			continue;
		if (!*has || y > *years) {
			*has = true;
			*years = y;
			best = &w[i];
		}
	}
	return best;
}

/* The knock-out years: the most any resume shows, with its date ranges
 * quoted as evidence, and the years that prove a pass. */
static void years_of(const struct profile *p, const struct wdoc *w, guint n,
		     struct score_facts *sf, GString *ev)
{
	const struct wdoc *best;
	const GArray *spans;
	guint i;

	best = most_years(p->ko_years_fact, w, n, &sf->has_years, &sf->years);
	if (!most_years(p->ko_pass_years_fact ? p->ko_pass_years_fact :
			p->ko_years_fact, w, n, &sf->has_pass_years,
			&sf->pass_years))
		sf->has_pass_years = false;
	if (!best)
		return;
	spans = facts_spans(best->facts, p->ko_years_fact);
	for (i = 0; spans && i < spans->len && i < YEARS_EVIDENCE_MAX; i++) {
		const struct span *s = &g_array_index(spans, struct span, i);
		g_autofree char *t = span_text(best->doc, s->start, s->end);

		if (t)
			g_string_append_printf(ev, "%s%s", ev->len ? "; " : "",
					       t);
	}
}

static void contacts_of(struct store_applicant *a, const struct wdoc *w,
			guint n)
{
	static const char *const what[] = { "name", "email", "phone",
					    "phone_digits" };
	char **slot[] = { &a->name, &a->email, &a->phone, &a->phone_digits };
	guint i, k, pass;

	/* Resumes first, then any other document. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < n; i++) {
			if (!w[i].facts ||
			    (pass == 0) != (w[i].role == DOC_ROLE_RESUME))
				continue;
			for (k = 0; k < G_N_ELEMENTS(what); k++) {
				const char *v;

				if (*slot[k])
					continue;
				v = facts_contact(w[i].facts, what[k], NULL);
				/* A template's address is nobody's: kept, it
				 * would link everyone who left it in. */
				if (slot[k] == &a->email &&
				    contacts_placeholder_email(v))
					continue;
				if (v && *v)
					*slot[k] = g_strdup(v);
			}
		}
	}
}

/* A document read by OCR is flagged where the reviewer reads the
 * applicant's reason (show, the HTML pages, ranking.csv): "NAME: text
 * from OCR, mean word confidence N%", after the reason. */
static void flag_ocr(struct store_applicant *a, const struct wdoc *w,
		     const struct pipeline_job *job)
{
	g_autoptr(GString) r = g_string_new(a->result.reason);

	for (guint i = 0; i < job->docs->len; i++) {
		const struct pipeline_doc *pd = g_ptr_array_index(job->docs, i);

		for (guint k = 0; w[i].doc && k < w[i].doc->warnings->len;
		     k++) {
			const char *warn = w[i].doc->warnings->pdata[k];
			g_autofree char *shown = NULL;

			if (!g_str_has_prefix(warn, DOC_WARN_OCR))
				continue;
			shown = escape_name(pd->name);
			g_string_append_printf(r, "%s%s: %s", r->len ? "; " :
					       "", shown, warn);
		}
	}
	g_free(a->result.reason);
	a->result.reason = g_strdup(r->str);
}

struct store_applicant *pipeline_process(const struct pipeline_config *cfg,
					 struct sandbox *sb,
					 const struct pipeline_job *job)
{
	const struct profile *prof = ruleset_profile(cfg->rs);
	struct facts_config fc = *ruleset_facts_config(cfg->rs);
	struct store_applicant *a = store_applicant_new(job->key);
	guint n = job->docs->len, n_ok = 0, i;
	g_autofree struct wdoc *w = g_new0(struct wdoc, n + 1);
	g_autofree const struct doc **docs = g_new0(const struct doc *, n + 1);
	g_autofree const struct facts **facts =
		g_new0(const struct facts *, n + 1);
	g_autofree enum doc_role *roles = g_new0(enum doc_role, n + 1);
	g_autofree guint *doc_index = g_new0(guint, n + 1);
	g_autoptr(GString) years_ev = g_string_new(NULL);
	g_autoptr(GString) review = g_string_new(NULL);
	g_autofree char *signal = NULL;
	struct match_result *mr = NULL;
	struct score_facts sf = { 0 };
	bool resume = false;
	gint64 t;

	memcpy(a->inputs_hash, job->inputs_hash, sizeof(a->inputs_hash));
	a->form = job->form == SCORE_FORM_YES ? g_strdup("yes") :
		  job->form == SCORE_FORM_NO ? g_strdup("no") : NULL;
	fc.as_of = cfg->as_of;
	for (i = 0; i < n; i++) {
		const struct pipeline_doc *pd = g_ptr_array_index(job->docs, i);
		struct store_doc *sd = g_new0(struct store_doc, 1);
		double cover = 0;

		sd->path = g_strdup(pd->name);
		memcpy(sd->sha256, pd->sha256, sizeof(sd->sha256));
		sd->size = pd->size;
		sd->stat = g_strdup(pd->stat);
		g_ptr_array_add(a->docs, sd);
		w[i].sd = sd;
		load_doc(cfg, sb, pd, &w[i]);
		if (!w[i].doc) {
			g_autofree char *shown = escape_name(pd->name);

			/* The reason is display text: the name escaped. */
			g_string_append_printf(review, "%s%s: %s",
					       review->len ? "; " : "",
					       shown, sd->error);
			w[i].role = pd->cover_hint ? DOC_ROLE_COVER :
				    DOC_ROLE_RESUME;
			sd->role = w[i].role;
			continue;
		}
		t = timing_now();
		fc.cover_name_hint = pd->cover_hint;
		w[i].facts = facts_compute(w[i].doc, &fc);
		facts_number(w[i].facts, "is_cover_letter", &cover);
		w[i].role = pd->cover_hint || cover >= 1 ? DOC_ROLE_COVER :
			    DOC_ROLE_RESUME;
		sd->role = w[i].role;
		if (pd->known.found && pd->known.facts_json) {
			sd->facts_json = g_strdup(pd->known.facts_json);
		} else {
			g_autoptr(GString) js = g_string_new(NULL);

			facts_print(w[i].facts, w[i].doc, js, true);
			sd->facts_json = g_strdup(js->str);
		}
		timing_add(TIMING_ANALYSE, t);
		if (w[i].role == DOC_ROLE_RESUME)
			resume = true;
		docs[n_ok] = w[i].doc;
		facts[n_ok] = w[i].facts;
		roles[n_ok] = w[i].role;
		doc_index[n_ok] = i;
		n_ok++;
	}
	/* A letter by its content alone, with no other resume (one file
	 * that opens with a cover note): it is the resume too. */
	for (i = 0; !resume && i < n; i++) {
		const struct pipeline_doc *pd = g_ptr_array_index(job->docs, i);

		if (!w[i].doc || pd->cover_hint)
			continue;
		w[i].role = DOC_ROLE_RESUME;
		w[i].sd->role = DOC_ROLE_RESUME;
		resume = true;
	}
	for (i = 0; i < n_ok; i++)
		roles[i] = w[doc_index[i]].role;
	t = timing_now();
	contacts_of(a, w, n);
	a->n_crit = cfg->score->n_crit;
	a->crit = g_new0(struct store_crit_score, a->n_crit + 1);
	/* A letter alone is matched too: its own criterion is scored, and
	 * the ranking gives it its author's bucket when it finds one. */
	if (n_ok) {
		mr = match_applicant(cfg->rs, docs, facts, roles, n_ok);
		for (i = 0; i < mr->errors->len; i++)
			g_ptr_array_add(a->rule_errors,
					g_strdup(mr->errors->pdata[i]));
		for (i = 0; i < a->n_crit && i < mr->n_crit; i++) {
			a->crit[i].score = mr->crit[i].score;
			a->crit[i].points = mr->crit[i].points;
			a->crit[i].met = mr->crit[i].met;
		}
		for (i = 0; i < mr->evidence->len; i++) {
			const struct evidence *e = &g_array_index(
				mr->evidence, struct evidence, i);

			if (e->doc >= n_ok)
				continue;
			add_evidence(a, cfg->rs, w, doc_index, e);
			if (!signal && cfg->score->ko_signal >= 0 &&
			    e->criterion == (guint)cfg->score->ko_signal)
				signal = span_text(w[doc_index[e->doc]].doc,
						   e->start, e->end);
		}
	}
	if (resume) {
		years_of(prof, w, n, &sf, years_ev);
		sf.years_evidence = years_ev->len ? years_ev->str : NULL;
		sf.signal_evidence = signal;
	} else if (review->len || !n_ok) {
		sf.review = review->len ? review->str : "no resume";
	}
	/* Only letters, all read: scored like anyone (the resume criteria
	 * find nothing), so archived unless the ranking finds the author's
	 * resume; a resume that could not be read goes to review above. */
	sf.form = job->form;
	score_applicant(cfg->score, mr ? mr->crit : NULL, &sf, &a->result);
	if (!resume && !sf.review && a->result.bucket == SCORE_ARCHIVE) {
		char *r = g_strdup_printf("no resume, a cover letter only; %s",
					  a->result.reason);

		g_free(a->result.reason);
		a->result.reason = r;
	}
	flag_ocr(a, w, job);
	if (mr && mr->n_crit < cfg->score->n_crit) {
		/* A rule set and its results disagree: a bug of ours; keep
		 * the scores we have. */
		g_warn_if_reached();
	}
	match_result_free(mr);
	timing_add(TIMING_MATCH, t);
	for (i = 0; i < n; i++) {
		if (w[i].facts)
			facts_free(w[i].facts);
		doc_free(w[i].doc);
	}
	return a;
}

static gpointer worker(gpointer data)
{
	struct pipeline *p = data;
	struct sandbox *sb = sandbox_new(p->cfg->self_exe, &p->cfg->caps);

	for (;;) {
		struct pipeline_job *job = g_async_queue_pop(p->in);

		if (job == &stop_job)
			break;
		g_async_queue_push(p->out, pipeline_process(p->cfg, sb, job));
		pipeline_job_free(job);
	}
	sandbox_free(sb);
	return NULL;
}

struct pipeline *pipeline_new(const struct pipeline_config *cfg)
{
	struct pipeline *p = g_new0(struct pipeline, 1);
	guint i, n = MAX(cfg->jobs, 1u);

	p->cfg = cfg;
	p->in = g_async_queue_new();
	p->out = g_async_queue_new();
	p->threads = g_ptr_array_new();
	for (i = 0; i < n; i++)
		g_ptr_array_add(p->threads,
				g_thread_new("screener-worker", worker, p));
	return p;
}

void pipeline_push(struct pipeline *p, struct pipeline_job *job)
{
	g_async_queue_push(p->in, job);
}

struct store_applicant *pipeline_pop(struct pipeline *p)
{
	return g_async_queue_pop(p->out);
}

struct store_applicant *pipeline_pop_timeout(struct pipeline *p, gint64 us)
{
	return g_async_queue_timeout_pop(p->out, MAX(us, 0));
}

void pipeline_free(struct pipeline *p)
{
	guint i;

	if (!p)
		return;
	for (i = 0; i < p->threads->len; i++)
		g_async_queue_push(p->in, &stop_job);
	for (i = 0; i < p->threads->len; i++)
		g_thread_join(g_ptr_array_index(p->threads, i));
	g_ptr_array_unref(p->threads);
	g_async_queue_unref(p->in);
	g_async_queue_unref(p->out);
	g_free(p);
}
