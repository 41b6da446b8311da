/*
 * report_csv.c - the CSV reports (see report_csv.h).
 *
 * Reads the store's report queries and formats them; owns the column
 * tables.  Never scores, never matches, never reads an inbox file.
 */
#include <string.h>

#include "atomic.h"
#include "escape.h"
#include "report_csv.h"
#include "store.h"

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

static void row_end(GString *out, GPtrArray *row)
{
	report_csv_row(out, (const char *const *)row->pdata, row->len);
	g_ptr_array_set_size(row, 0);
}

static const char *const ranking_head[] = {
	"rank", "applicant", "name", "email", "total", "bucket", "reason",
	"knock-out",
};
static const char *const ranking_tail[] = {
	"duplicate", "documents", "decision",
};

static bool build_ranking(struct store *st, GPtrArray *crits, GString *out,
			  GError **err)
{
	g_autoptr(GPtrArray) rows = store_ranking(st, crits->len, err);
	g_autoptr(GPtrArray) row = row_new();
	guint i, j;

	if (!rows)
		return false;
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
	row_end(out, row);
	for (i = 0; i < rows->len; i++) {
		const struct store_ranked *r = g_ptr_array_index(rows, i);
		g_autofree char *ko = NULL;

		row_addf(row, "%.0f", r->rank);
		row_add_name(row, r->key);
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
		row_add(row, r->duplicate);
		row_addf(row, "%.0f", r->n_docs);
		row_add(row, r->decision);
		row_end(out, row);
	}
	return true;
}

static const char *const evidence_head[] = {
	"applicant", "criterion", "rule", "document", "location", "snippet",
	"points",
};

static bool build_evidence(struct store *st, GString *out, GError **err)
{
	g_autoptr(GPtrArray) rows = store_evidence(st, err);
	g_autoptr(GPtrArray) row = row_new();
	guint i;

	if (!rows)
		return false;
	report_csv_row(out, evidence_head, G_N_ELEMENTS(evidence_head));
	for (i = 0; i < rows->len; i++) {
		const struct store_evidence_row *r =
			g_ptr_array_index(rows, i);
		g_autofree char *where = r->page ?
			g_strdup_printf("page %u, paragraph %u", r->page,
					r->para) :
			g_strdup_printf("paragraph %u", r->para);
		g_autofree char *snip = g_strdup_printf(
			"%s[[%s]]%s", r->before, r->match, r->after);

		row_add_name(row, r->key);
		row_add(row, r->criterion);
		row_add(row, r->rule);
		row_add_name(row, r->document);
		row_add(row, where);
		row_add(row, snip);
		row_addf(row, "%.2f", r->points);
		row_end(out, row);
	}
	return true;
}

static const char *const errors_head[] = { "file", "applicant", "reason" };

static bool build_errors(struct store *st, gint64 run, GString *out,
			 GError **err)
{
	g_autoptr(GPtrArray) rows = store_errors(st, run, err);
	g_autoptr(GPtrArray) row = row_new();
	guint i;

	if (!rows)
		return false;
	report_csv_row(out, errors_head, G_N_ELEMENTS(errors_head));
	for (i = 0; i < rows->len; i++) {
		const struct store_error_row *r = g_ptr_array_index(rows, i);

		row_add_name(row, r->file);
		row_add_name(row, r->key);
		row_add(row, r->reason);
		row_end(out, row);
	}
	return true;
}

bool report_csv_build(struct store *st, GString **ranking,
		      GString **evidence, GString **errors, GError **err)
{
	g_autofree char *hash = NULL;
	g_autoptr(GPtrArray) crits = NULL;
	gint64 run = store_latest_run(st, &hash);

	*ranking = g_string_new(NULL);
	*evidence = g_string_new(NULL);
	*errors = g_string_new(NULL);
	crits = store_criteria(st, hash ? hash : "", err);
	if (!crits || !build_ranking(st, crits, *ranking, err) ||
	    !build_evidence(st, *evidence, err) ||
	    !build_errors(st, run, *errors, err)) {
		g_string_free(*ranking, TRUE);
		g_string_free(*evidence, TRUE);
		g_string_free(*errors, TRUE);
		*ranking = *evidence = *errors = NULL;
		return false;
	}
	return true;
}

bool report_csv_write(struct store *st, const char *dir, GError **err)
{
	GString *files[3];
	static const char *const names[3] = {
		"ranking.csv", "evidence.csv", "errors.csv",
	};
	bool ok = true;
	guint i;

	if (!atomic_mkdir(dir, err) ||
	    !report_csv_build(st, &files[0], &files[1], &files[2], err))
		return false;
	for (i = 0; i < 3; i++) {
		g_autofree char *path = g_build_filename(dir, names[i], NULL);

		if (ok && !atomic_write(path, files[i]->str, files[i]->len,
					err)) {
			g_prefix_error(err, "%s: ", names[i]);
			ok = false;
		}
		g_string_free(files[i], TRUE);
	}
	return ok;
}
