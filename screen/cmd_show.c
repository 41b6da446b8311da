/*
 * cmd_show.c - "screener show APPLICANT": one applicant's screening in
 * the terminal: rank, total, bucket, reason, knock-out, each criterion
 * with its evidence (the matched words highlighted), documents and the
 * decision history.
 *
 * Owns the command's options, the terminal layout and the --json object
 * (its keys are documented in screener(1): keep them stable).  Reads the
 * store only.  Every string from a candidate goes through escape_text or
 * escape_name, so a document cannot drive the terminal, or escape_json.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "blind.h"
#include "cli.h"
#include "doc.h"
#include "escape.h"
#include "pick.h"
#include "settings.h"
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
	const struct marks *m;	/* NULL: JSON */
};

/* The evidence text gathered so far for r's criterion. */
static GString *lines_of(struct show_ctx *c,
			 const struct store_evidence_row *r)
{
	GString *lines = g_hash_table_lookup(c->by_crit, r->criterion);

	if (!lines) {
		lines = g_string_new(NULL);
		g_hash_table_insert(c->by_crit, g_strdup(r->criterion), lines);
	}
	return lines;
}

static void json_key(GString *out, const char *key, const char *s)
{
	g_string_append_printf(out, "\"%s\":", key);
	escape_json(out, s ? s : "", -1);
}

/* "key":"value" members, comma-separated, from pairs of strings up to a
 * NULL key; a NULL value is "".  The caller writes the braces. */
static void json_members(GString *out, const char *key, ...)
{
	va_list ap;
	const char *sep = "";

	va_start(ap, key);
	for (; key; key = va_arg(ap, const char *)) {
		g_string_append(out, sep);
		json_key(out, key, va_arg(ap, const char *));
		sep = ",";
	}
	va_end(ap);
}

/* One evidence object, comma-separated from the one before it. */
static void collect_json(struct show_ctx *c,
			 const struct store_evidence_row *r)
{
	GString *out = lines_of(c, r);

	g_string_append(out, out->len ? ",{" : "{");
	json_members(out, "rule", r->rule, "document", r->document, NULL);
	g_string_append_printf(out, ",\"page\":%u,\"paragraph\":%u,",
			       r->page, r->para);
	json_members(out, "before", r->before, "match", r->match,
		     "after", r->after, NULL);
	g_string_append_c(out, '}');
}

static bool collect_evidence(const struct store_evidence_row *r,
			     void *data, GError **err)
{
	struct show_ctx *c = data;
	GString *lines;

	if (!c->m) {
		collect_json(c, r);
		return true;
	}
	lines = lines_of(c, r);
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
	if (r->flags && *r->flags) {
		g_string_append(out, "\nflags: ");
		put_text(out, r->flags);
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

static void text_document(GString *out, const struct store_document_row *d)
{
	g_string_append(out, "  ");
	put_name(out, d->path);
	g_string_append_printf(out, ": %s, %s", doc_format_name(d->format),
			       d->status);
	if (d->error && *d->error) {
		g_string_append(out, ": ");
		put_text(out, d->error);
	}
	/* "text truncated at N bytes", pages without text: what was not
	 * read of an otherwise good document. */
	if (d->warnings && *d->warnings) {
		g_string_append(out, " (");
		put_text(out, d->warnings);
		g_string_append_c(out, ')');
	}
	g_string_append_c(out, '\n');
}

static bool put_documents(GString *out, struct store *st, const char *key,
			  bool json, struct blind *mask, GError **err)
{
	g_autoptr(GPtrArray) docs = store_documents(st, key, err);
	guint i;

	if (!docs)
		return false;
	blind_documents(mask, key, docs);
	g_string_append(out, json ? ",\"documents\":[" : "documents:\n");
	for (i = 0; i < docs->len; i++) {
		const struct store_document_row *d = g_ptr_array_index(docs, i);

		if (!json) {
			text_document(out, d);
			continue;
		}
		g_string_append(out, i ? ",{" : "{");
		json_members(out, "path", d->path,
			     "format", doc_format_name(d->format),
			     "status", d->status, "error", d->error,
			     "warnings", d->warnings, NULL);
		g_string_append_c(out, '}');
	}
	if (json)
		g_string_append_c(out, ']');
	return true;
}

static void text_decision(GString *out, const struct store_decision_row *d)
{
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

static bool put_decisions(GString *out, struct store *st, const char *key,
			  bool json, struct blind *mask, GError **err)
{
	g_autoptr(GPtrArray) rows = store_decisions(st, key, err);
	guint i;

	if (!rows)
		return false;
	blind_decisions(mask, key, rows);
	g_string_append(out, json ? ",\"decisions\":[" : "decisions:\n");
	if (!json && !rows->len)
		g_string_append(out, "  none\n");
	for (i = 0; i < rows->len; i++) {
		const struct store_decision_row *d =
			g_ptr_array_index(rows, i);

		if (!json) {
			text_decision(out, d);
			continue;
		}
		g_string_append(out, i ? ",{" : "{");
		json_members(out, "time", d->time, "decision", d->decision,
			     "reviewer", d->reviewer, "note", d->note, NULL);
		g_string_append_c(out, '}');
	}
	if (json)
		g_string_append(out, "]}\n");
	return true;
}

/* The same as one JSON object on one line. */
static void json_header(GString *out, const struct store_ranked *r)
{
	g_string_append_printf(out, "{\"rank\":%u,", r->rank);
	json_members(out, "applicant", r->shown, "name", r->name,
		     "email", r->email, NULL);
	g_string_append_printf(out, ",\"total\":%.1f,", r->total);
	json_members(out, "bucket", r->bucket, "reason", r->reason,
		     "knockout", r->ko, "knockout_reason", r->ko_reason,
		     "duplicate", r->duplicate, NULL);
}

static void json_criteria(GString *out, const struct store_ranked *r,
			  GPtrArray *crits, GHashTable *by_crit)
{
	guint i;

	g_string_append(out, ",\"criteria\":[");
	for (i = 0; i < crits->len && i < r->n_crit; i++) {
		const struct store_crit_row *c = g_ptr_array_index(crits, i);
		GString *ev = g_hash_table_lookup(by_crit, c->id);

		g_string_append(out, i ? ",{" : "{");
		json_key(out, "id", c->id);
		g_string_append_c(out, ',');
		json_key(out, "title", c->title);
		g_string_append_printf(out, ",\"score\":%.2f,\"met\":%s,"
				       "\"scored\":%s,\"evidence\":[%s]}",
				       r->crit[i].score,
				       r->crit[i].met ? "true" : "false",
				       c->scored ? "true" : "false",
				       ev ? ev->str : "");
	}
	g_string_append_c(out, ']');
}

/* The whole page for key into out (m NULL: the JSON object). */
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
	if (ok && !m) {
		json_header(out, r);
		json_criteria(out, r, v.crits, by_crit);
		ok = put_documents(out, st, key, true, b, err) &&
		     put_decisions(out, st, key, true, b, err);
	} else if (ok) {
		put_header(out, r);
		put_criteria(out, r, v.crits, by_crit);
		ok = put_documents(out, st, key, false, b, err) &&
		     put_decisions(out, st, key, false, b, err);
	}
	blind_free(b);
	store_view_clear(&v);
	return ok;
}

int cmd_show(int argc, char **argv)
{
	g_autofree char *db = NULL;
	g_autofree char *given_db = NULL;
	gboolean json = FALSE;
	g_autofree char *config = NULL;
	gboolean blind = FALSE;
	GOptionEntry entries[] = {
		CLI_OPTION_CONFIG(config),
		{ "db", 0, 0, G_OPTION_ARG_FILENAME, &given_db,
		  "database (default reports/screen.db)", "FILE" },
		{ "json", 0, 0, G_OPTION_ARG_NONE, &json,
		  "one JSON object (keys in screener(1))", NULL },
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
	const struct marks *m = isatty(STDOUT_FILENO) ? &tty_marks :
			       &plain_marks;

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
	db = settings_pick(config, SETTINGS_DATABASE, given_db, &err);
	if (!db) {
		fprintf(stderr, "screener show: %s\n", err->message);
		return EXIT_USAGE;
	}
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
	if (key && build(st, key, json ? NULL : m, blind, out, &err)) {
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
