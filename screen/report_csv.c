/*
 * report_csv.c - the CSV reports (see report_csv.h).
 *
 * Reads the store's report queries and formats them; owns the column
 * tables.  Never scores, never matches, never reads an inbox file.
 */
#include <string.h>

#include "atomic.h"
#include "blind.h"
#include "escape.h"
#include "report_csv.h"
#include "store.h"

/* Where a report goes: memory (tests) or a file being written. */
struct sink {
	GString *mem;
	struct atomic_file *af;
	GString *line;
};

static bool sink_row(struct sink *k, GPtrArray *row, GError **err)
{
	bool ok = true;

	g_string_truncate(k->line, 0);
	report_csv_row(k->line, (const char *const *)row->pdata, row->len);
	g_ptr_array_set_size(row, 0);
	if (k->mem)
		g_string_append_len(k->mem, k->line->str, k->line->len);
	else
		ok = atomic_append(k->af, k->line->str, k->line->len, err);
	return ok;
}

void report_csv_row(GString *out, const char *const *cells, guint n)
{
	guint i;

	for (i = 0; i < n; i++) {
		if (i)
			g_string_append_c(out, ',');
		escape_csv(out, cells[i] ? cells[i] : "", -1);
	}
	g_string_append(out, "\r\n");
}

/* A row under construction: cells owned by the array. */
static GPtrArray *row_new(void)
{
	return g_ptr_array_new_with_free_func(g_free);
}

static void row_add(GPtrArray *row, const char *s)
{
	g_ptr_array_add(row, g_strdup(s ? s : ""));
}

/* A file name or key, escaped for display before CSV quoting. */
static void row_add_name(GPtrArray *row, const char *s)
{
	g_ptr_array_add(row, escape_name(s ? s : ""));
}

static void row_addf(GPtrArray *row, const char *fmt, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	row_add(row, g_ascii_formatd(buf, sizeof(buf), fmt, v));
}

static const char *const ranking_head[] = {
	"rank", "applicant", "name", "email", "total", "bucket", "reason",
	"knock-out",
};
static const char *const ranking_tail[] = {
	"duplicate", "documents", "flags", "decision",
};

static bool build_ranking(const struct store_view *v, struct sink *out,
			  GError **err)
{
	GPtrArray *crits = v->crits, *rows = v->rows;
	g_autoptr(GPtrArray) row = row_new();
	guint i, j;

	for (i = 0; i < G_N_ELEMENTS(ranking_head); i++)
		row_add(row, ranking_head[i]);
	for (j = 0; j < crits->len; j++) {
		const struct store_crit_row *c = g_ptr_array_index(crits, j);
		g_autofree char *score = g_strconcat(c->id, " score", NULL);
		g_autofree char *verdict = g_strconcat(c->id, " met", NULL);

		if (!c->scored)
			continue;
		row_add(row, score);
		row_add(row, verdict);
	}
	for (i = 0; i < G_N_ELEMENTS(ranking_tail); i++)
		row_add(row, ranking_tail[i]);
	if (!sink_row(out, row, err))
		return false;
	for (i = 0; i < rows->len; i++) {
		const struct store_ranked *r = g_ptr_array_index(rows, i);
		g_autofree char *ko = NULL;

		row_addf(row, "%.0f", r->rank);
		row_add_name(row, r->shown);
		row_add(row, r->name);
		row_add(row, r->email);
		row_addf(row, "%.1f", r->total);
		row_add(row, r->bucket);
		row_add(row, r->reason);
		ko = *r->ko ? g_strdup_printf("%s: %s", r->ko, r->ko_reason) :
			g_strdup("");
		row_add(row, ko);
		for (j = 0; j < crits->len && j < r->n_crit; j++) {
			const struct store_crit_row *c =
				g_ptr_array_index(crits, j);

			if (!c->scored)
				continue;
			row_addf(row, "%.2f", r->crit[j].score);
			row_add(row, r->crit[j].met ? "met" : "not met");
		}
		/* Display text: its keys were escaped when it was made. */
		row_add(row, r->duplicate);
		row_addf(row, "%.0f", r->n_docs);
		row_add(row, r->flags);
		row_add(row, r->decision);
		if (!sink_row(out, row, err))
			return false;
	}
	return true;
}

static const char *const evidence_head[] = {
	"applicant", "criterion", "rule", "document", "location", "snippet",
	"points",
};

struct evidence_ctx {
	struct sink *out;
	GPtrArray *row;
};

static bool evidence_row(const struct store_evidence_row *r, void *data,
			 GError **err)
{
	struct evidence_ctx *c = data;
	GPtrArray *row = c->row;
	g_autofree char *where = r->page ?
		g_strdup_printf("page %u, paragraph %u", r->page, r->para) :
		g_strdup_printf("paragraph %u", r->para);
	g_autofree char *snip = g_strdup_printf("%s[[%s]]%s", r->before,
						r->match, r->after);

	row_add_name(row, r->key);
	row_add(row, r->criterion);
	row_add(row, r->rule);
	row_add_name(row, r->document);
	row_add(row, where);
	row_add(row, snip);
	row_addf(row, "%.2f", r->points);
	return sink_row(c->out, row, err);
}

static bool build_evidence(struct store *st, const struct store_view *v,
			   struct sink *out, GError **err)
{
	g_autoptr(GPtrArray) row = row_new();
	struct evidence_ctx c = { out, row };
	guint i;

	for (i = 0; i < G_N_ELEMENTS(evidence_head); i++)
		row_add(row, evidence_head[i]);
	return sink_row(out, row, err) &&
	       blind_each_evidence(v->mask, st, NULL, evidence_row, &c, err);
}

static const char *const errors_head[] = { "file", "applicant", "reason" };

static bool build_errors(struct store *st, const struct store_view *v,
			 struct sink *out, GError **err)
{
	g_autoptr(GPtrArray) rows = store_errors(st, v->run, err);
	g_autoptr(GPtrArray) row = row_new();
	guint i;

	if (!rows)
		return false;
	blind_errors(v->mask, rows);
	for (i = 0; i < G_N_ELEMENTS(errors_head); i++)
		row_add(row, errors_head[i]);
	if (!sink_row(out, row, err))
		return false;
	for (i = 0; i < rows->len; i++) {
		const struct store_error_row *r = g_ptr_array_index(rows, i);

		row_add_name(row, r->file);
		row_add_name(row, r->key);
		row_add(row, r->reason);
		if (!sink_row(out, row, err))
			return false;
	}
	return true;
}

enum { RANKING, EVIDENCE, ERRORS, N_FILES };

static const char *const file_names[N_FILES] = {
	"ranking.csv", "evidence.csv", "errors.csv",
};

/* Build report i into out. */
static bool build(struct store *st, const struct store_view *v, guint i,
		  struct sink *out, GError **err)
{
	out->line = g_string_new(NULL);
	switch (i) {
	case RANKING:
		return build_ranking(v, out, err);
	case EVIDENCE:
		return build_evidence(st, v, out, err);
	default:
		return build_errors(st, v, out, err);
	}
}

bool report_csv_build(struct store *st, const struct store_view *v,
		      GString **ranking, GString **evidence, GString **errors,
		      GError **err)
{
	GString **outs[N_FILES] = { ranking, evidence, errors };
	bool ok = true;
	guint i;

	for (i = 0; i < N_FILES; i++) {
		struct sink k = { .mem = g_string_new(NULL) };

		*outs[i] = k.mem;
		if (ok)
			ok = build(st, v, i, &k, err);
		g_string_free(k.line, TRUE);
	}
	if (!ok) {
		for (i = 0; i < N_FILES; i++)
			g_string_free(*outs[i], TRUE);
		*ranking = *evidence = *errors = NULL;
	}
	return ok;
}

bool report_csv_write(struct store *st, const struct store_view *v,
		      const char *dir, GError **err)
{
	guint i;

	if (!atomic_mkdir(dir, err))
		return false;
	for (i = 0; i < N_FILES; i++) {
		g_autofree char *path = g_build_filename(dir, file_names[i],
							 NULL);
		struct sink k = { 0 };
		bool ok;

		/* A run killed while writing left its temp file: we hold
		 * the run lock, so no other writer owns one. */
		atomic_clean(path);
		k.af = atomic_begin(path, err);
		if (!k.af)
			ok = false;
		else if (build(st, v, i, &k, err))
			ok = atomic_commit(k.af, err);
		else {
			atomic_abort(k.af);
			ok = false;
		}
		if (k.line)
			g_string_free(k.line, TRUE);
		if (!ok) {
			g_prefix_error(err, "%s: ", file_names[i]);
			return false;
		}
	}
	return true;
}
