/*
 * cmd_show.c - "screener show APPLICANT": one applicant's screening in
 * the terminal: rank, total, bucket, reason, knock-out, each criterion
 * with its evidence (the matched words highlighted), documents and the
 * decision history.
 *
 * Owns the command's options and the terminal layout.  Reads the store
 * only.  Every string from a candidate goes through escape_text or
 * escape_name, so a document cannot drive the terminal.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "blind.h"
#include "cli.h"
#include "doc.h"
#include "escape.h"
#include "pick.h"
#include "store.h"

/* How a match is marked: colour on a terminal, brackets in a pipe. */
struct marks {
	const char *on, *off;
};
static const struct marks tty_marks = { "\033[1;33m", "\033[0m" };
static const struct marks plain_marks = { "[[", "]]" };

/* Candidate text on one line: escaped, line breaks and tabs as spaces. */
static void put_text(GString *out, const char *s)
{
	gsize from = out->len, i;

	escape_text(out, s ? s : "", -1);
	for (i = from; i < out->len; i++)
		if (out->str[i] == '\n' || out->str[i] == '\t' ||
		    out->str[i] == '\r')
			out->str[i] = ' ';
}

static void put_name(GString *out, const char *s)
{
	escape_name_append(out, s ? s : "", -1);
}

static void lines_free(gpointer p)
{
	g_string_free(p, TRUE);
}

struct show_ctx {
	GHashTable *by_crit;	/* criterion id -> GString of lines */
	const struct marks *m;
};

static bool collect_evidence(const struct store_evidence_row *r,
			     void *data, GError **err)
{
	struct show_ctx *c = data;
	GString *lines = g_hash_table_lookup(c->by_crit, r->criterion);

	if (!lines) {
		lines = g_string_new(NULL);
		g_hash_table_insert(c->by_crit, g_strdup(r->criterion), lines);
	}
	g_string_append(lines, "      ");
	put_text(lines, r->rule);
	g_string_append(lines, " in ");
	put_name(lines, r->document);
	if (r->page)
		g_string_append_printf(lines, ", page %u", r->page);
	g_string_append_printf(lines, ", paragraph %u: ", r->para);
	put_text(lines, r->before);
	g_string_append(lines, c->m->on);
	put_text(lines, r->match);
	g_string_append(lines, c->m->off);
	put_text(lines, r->after);
	g_string_append_c(lines, '\n');
	return true;
}

static void put_header(GString *out, const struct store_ranked *r)
{
	g_string_append_printf(out, "rank %u: ", r->rank);
	put_name(out, r->shown);
	g_string_append(out, "\nname: ");
	put_text(out, r->name);
	g_string_append(out, "\ne-mail: ");
	put_text(out, r->email);
	g_string_append_printf(out, "\ntotal: %.1f\nbucket: ", r->total);
	put_text(out, r->bucket);
	g_string_append(out, "\nreason: ");
	put_text(out, r->reason);
	g_string_append(out, "\nknock-out: ");
	put_text(out, r->ko);
	if (r->ko_reason && *r->ko_reason) {
		g_string_append(out, ": ");
		put_text(out, r->ko_reason);
	}
	if (r->duplicate && *r->duplicate) {
		g_string_append(out, "\nduplicate: ");
		put_text(out, r->duplicate);	/* keys escaped already */
	}
	g_string_append_c(out, '\n');
}

static void put_criteria(GString *out, const struct store_ranked *r,
			 GPtrArray *crits, GHashTable *by_crit)
{
	guint i;

	g_string_append(out, "criteria:\n");
	for (i = 0; i < crits->len && i < r->n_crit; i++) {
		const struct store_crit_row *c = g_ptr_array_index(crits, i);
		GString *lines = g_hash_table_lookup(by_crit, c->id);

		g_string_append_printf(out, "  %s %.2f %s%s: %s\n", c->id,
				       r->crit[i].score,
				       r->crit[i].met ? "met" : "not met",
				       c->scored ? "" : " (not scored)",
				       c->title);
		if (lines)
			g_string_append_len(out, lines->str, lines->len);
	}
}

static bool put_documents(GString *out, struct store *st, const char *key,
			  struct blind *mask, GError **err)
{
	g_autoptr(GPtrArray) docs = store_documents(st, key, err);
	guint i;

	if (!docs)
		return false;
	blind_documents(mask, key, docs);
	g_string_append(out, "documents:\n");
	for (i = 0; i < docs->len; i++) {
		const struct store_document_row *d = g_ptr_array_index(docs, i);

		g_string_append(out, "  ");
		put_name(out, d->path);
		g_string_append_printf(out, ": %s, %s",
				       doc_format_name(d->format), d->status);
		if (d->error && *d->error) {
			g_string_append(out, ": ");
			put_text(out, d->error);
		}
		/* "text truncated at N bytes", pages without text: what was
		 * not read of an otherwise good document. */
		if (d->warnings && *d->warnings) {
			g_string_append(out, " (");
			put_text(out, d->warnings);
			g_string_append_c(out, ')');
		}
		g_string_append_c(out, '\n');
	}
	return true;
}

static bool put_decisions(GString *out, struct store *st, const char *key,
			  struct blind *mask, GError **err)
{
	g_autoptr(GPtrArray) rows = store_decisions(st, key, err);
	guint i;

	if (!rows)
		return false;
	blind_decisions(mask, key, rows);
	g_string_append(out, "decisions:\n");
	if (!rows->len)
		g_string_append(out, "  none\n");
	for (i = 0; i < rows->len; i++) {
		const struct store_decision_row *d =
			g_ptr_array_index(rows, i);

		g_string_append(out, "  ");
		put_text(out, d->time);
		g_string_append_c(out, ' ');
		put_text(out, d->decision);
		g_string_append(out, " by ");
		put_text(out, d->reviewer);
		if (d->note && *d->note) {
			g_string_append(out, ": ");
			put_text(out, d->note);
		}
		g_string_append_c(out, '\n');
	}
	return true;
}

/* The whole page for key into out. */
static bool build(struct store *st, const char *key, const struct marks *m,
		  bool blind, GString *out, GError **err)
{
	g_autoptr(GHashTable) by_crit = g_hash_table_new_full(g_str_hash,
		g_str_equal, g_free, lines_free);
	struct show_ctx c = { by_crit, m };
	const struct store_ranked *r = NULL;
	struct store_view v;
	struct blind *b = NULL;
	bool ok;
	guint i;

	if (!store_view_load(st, &v, err))
		return false;
	if (blind || v.blind)
		b = blind_new(st, &v);
	for (i = 0; i < v.rows->len && !r; i++) {
		const struct store_ranked *x = g_ptr_array_index(v.rows, i);

		if (strcmp(x->key, key) == 0)
			r = x;
	}
	if (!r)
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "no such applicant");
	ok = r && blind_each_evidence(b, st, key, collect_evidence, &c, err);
	if (ok) {
		put_header(out, r);
		put_criteria(out, r, v.crits, by_crit);
		ok = put_documents(out, st, key, b, err) &&
		     put_decisions(out, st, key, b, err);
	}
	blind_free(b);
	store_view_clear(&v);
	return ok;
}

int cmd_show(int argc, char **argv)
{
	g_autofree char *db = NULL;
	gboolean blind = FALSE;
	GOptionEntry entries[] = {
		{ "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
		  "database (default reports/screen.db)", "FILE" },
		{ "blind", 0, 0, G_OPTION_ARG_NONE, &blind,
		  "blind review: hide who the applicant is (the default\n"
		  "                         when the latest run was blind)", NULL },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new(
		"APPLICANT - show one applicant's screening and evidence");
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = NULL;
	g_autoptr(GString) out = g_string_new(NULL);
	g_autofree char *key = NULL;
	const char *subject;

	g_option_context_set_summary(ctx,
		"APPLICANT is an applicant key, an e-mail, a rank number or\n"
		"the opaque number of blind review (A-...).");
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	if (argc != 2) {
		fprintf(stderr, "screener show: expected one APPLICANT\n"
			"(try --help)\n");
		return EXIT_USAGE;
	}
	if (!db)
		db = g_strdup("reports/screen.db");
	subject = db;
	if (access(db, F_OK) != 0) {
		g_autofree char *safe = escape_name(db);

		fprintf(stderr, "screener show: %s: no such database "
			"(run screener run first)\n", safe);
		return EXIT_USAGE;
	}
	st = store_open(db, &err);
	if (st) {
		subject = argv[1];
		key = pick_applicant(st, argv[1], &err);
	}
	if (key && build(st, key, isatty(STDOUT_FILENO) ? &tty_marks :
			 &plain_marks, blind, out, &err)) {
		fwrite(out->str, 1, out->len, stdout);
		return fflush(stdout) == 0 ? EXIT_OK : EXIT_FATAL;
	}
	{
		g_autofree char *safe = escape_name(subject);

		fprintf(stderr, "screener show: %s: %s\n", safe, err->message);
	}
	if (err->code == SE_CONFIG)
		return EXIT_USAGE;
	return err->code == SE_BUSY ? EXIT_BUSY : EXIT_FATAL;
}
