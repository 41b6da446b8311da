/*
 * cmd_extract.c - "screener extract": print the text screener reads in
 * documents, as text or one JSON object per file.
 *
 * Owns the command's options and output formats.  Reads each file with
 * input_read() and extracts it in one sandbox reused for every file; never
 * parses a document in this process and never touches the database.
 * --facts computes facts here, from the normalised text (our own code,
 * as in a run), with no rule set: no allow-list, no certification or
 * title lists.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "escape.h"
#include "facts.h"
#include "inbox.h"
#include "input.h"
#include "paths.h"
#include "rules.h"
#include "sandbox.h"

static const char *const kind_names[] = {
	[DOC_BLOCK_BODY] = "body",
	[DOC_BLOCK_TABLE] = "table",
	[DOC_BLOCK_TEXTBOX] = "textbox",
	[DOC_BLOCK_HEADER] = "header",
	[DOC_BLOCK_NOTE] = "note",
};

/* The text a reader sees: normalised, or raw made printable. */
static const GString *doc_shown_text(const struct doc *d)
{
	return d->text ? d->text : d->raw;
}

static void json_number(GString *out, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	g_string_append(out, g_ascii_formatd(buf, sizeof(buf), "%.2f", v));
}

static void json_blocks(GString *out, const struct doc *d)
{
	guint i;

	g_string_append(out, "\"blocks\":[");
	for (i = 0; i < d->blocks->len; i++) {
		const struct doc_block *b =
			&g_array_index(d->blocks, struct doc_block, i);

		g_string_append_printf(out,
				       "%s{\"start\":%u,\"end\":%u,\"page\":%u,"
				       "\"para\":%u,\"kind\":\"%s\","
				       "\"heading\":%u}",
				       i ? "," : "", b->start, b->end, b->page,
				       b->para, b->kind < G_N_ELEMENTS(kind_names) ?
				       kind_names[b->kind] : "body", b->heading);
	}
	g_string_append(out, "]");
}

/* Glyphs as [off,page,x1,y1,x2,y2]: a page has thousands of them. */
static void json_glyphs(GString *out, const struct doc *d)
{
	guint i;

	g_string_append(out, "\"glyphs\":[");
	for (i = 0; i < d->glyphs->len; i++) {
		const struct doc_glyph *g =
			&g_array_index(d->glyphs, struct doc_glyph, i);

		g_string_append_printf(out, "%s[%u,%u,", i ? "," : "", g->off,
				       g->page);
		json_number(out, g->x1);
		g_string_append_c(out, ',');
		json_number(out, g->y1);
		g_string_append_c(out, ',');
		json_number(out, g->x2);
		g_string_append_c(out, ',');
		json_number(out, g->y2);
		g_string_append_c(out, ']');
	}
	g_string_append(out, "]");
}

static void print_json(const char *name, const struct doc *d,
		       const struct facts *f)
{
	g_autoptr(GString) out = g_string_new("{\"name\":");
	g_autofree char *shown = escape_name(name);
	const GString *text = doc_shown_text(d);
	guint i;

	/* The escaped name: JSON strings must be valid Unicode, file names
	 * need not be. */
	escape_json(out, shown, -1);
	g_string_append_printf(out, ",\"format\":\"%s\",\"pages\":%u,"
			       "\"date\":", doc_format_name(d->format),
			       d->pages);
	if (d->date)
		escape_json(out, d->date, -1);
	else
		g_string_append(out, "null");
	g_string_append_printf(out, ",\"truncated\":%s,\"warnings\":[",
			       d->truncated ? "true" : "false");
	for (i = 0; i < d->warnings->len; i++) {
		if (i)
			g_string_append_c(out, ',');
		escape_json(out, g_ptr_array_index(d->warnings, i), -1);
	}
	g_string_append(out, "],\"text\":");
	escape_json(out, text->str, text->len);
	g_string_append_c(out, ',');
	json_blocks(out, d);
	g_string_append_c(out, ',');
	json_glyphs(out, d);
	if (f) {
		g_string_append(out, ",\"facts\":");
		facts_print(f, d, out, true);
		while (out->len && out->str[out->len - 1] == '\n')
			g_string_truncate(out, out->len - 1);
	}
	g_string_append(out, "}\n");
	fwrite(out->str, 1, out->len, stdout);
}

static void print_text(const char *name, const struct doc *d,
		       const struct facts *f, bool header, bool first)
{
	const GString *text = doc_shown_text(d);
	g_autoptr(GString) shown = g_string_sized_new(text->len + 1);

	if (header) {
		g_autofree char *name_shown = escape_name(name);

		printf("%s==> %s <==\n", first ? "" : "\n", name_shown);
	}
	if (f) {
		g_autoptr(GString) facts = g_string_new(NULL);

		facts_print(f, d, facts, false);
		escape_text(shown, facts->str, facts->len);
	} else {
		/* Normalised text holds no control character; --raw
		 * text may. */
		escape_text(shown, text->str, text->len);
	}
	if (shown->len && shown->str[shown->len - 1] != '\n')
		g_string_append_c(shown, '\n');
	fwrite(shown->str, 1, shown->len, stdout);
}

static bool as_of_valid(const char *s)
{
	unsigned y, m, d;
	char end;

	return strlen(s) == 10 &&
	       sscanf(s, "%4u-%2u-%2u%c", &y, &m, &d, &end) == 3 &&
	       g_date_valid_dmy(d, m, y);
}

static bool extract_one(struct sandbox *sb, const char *path,
			const struct caps *caps, bool raw, GError **err,
			struct doc **out)
{
	struct input *in;
	gsize len;
	const guint8 *data;

	in = input_read(path, caps, err);
	if (!in)
		return false;
	data = g_bytes_get_data(in->data, &len);
	*out = sandbox_extract(sb, data, len, raw, err);
	input_free(in);
	return *out != NULL;
}

int cmd_extract(int argc, char **argv)
{
	struct caps caps = caps_default();
	gboolean json = FALSE, raw = FALSE, facts = FALSE;
	gint wall = caps.wall_seconds;
	g_auto(cli_ocr) ocr = { 0 };
	GOptionEntry ocr_entries[3];
	g_autofree char *as_of = NULL;
	g_autofree char *criteria = NULL;
	g_autoptr(ruleset) rs = NULL;
	struct facts_config fc = { 0 };
	GOptionEntry entries[] = {
		{ "json", 0, 0, G_OPTION_ARG_NONE, &json,
		  "one JSON object per file: text, blocks, glyphs", NULL },
		{ "raw", 0, 0, G_OPTION_ARG_NONE, &raw,
		  "the text as extracted, before normalisation", NULL },
		{ "facts", 0, 0, G_OPTION_ARG_NONE, &facts,
		  "the facts computed from the text, with their evidence",
		  NULL },
		{ "criteria", 0, 0, G_OPTION_ARG_FILENAME, &criteria,
		  "with --facts: the rule set whose word lists the facts use, "
		  "as a run would (default: the installed "
		  "integration-engineer)", "DIR" },
		{ "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
		  "what 'present' means in dates without a document date "
		  "(default today)", "YYYY-MM-DD" },
		{ "wall-seconds", 0, 0, G_OPTION_ARG_INT, &wall,
		  "wall-clock limit per file (default 30)", "N" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("FILE...");
	struct sandbox *sb;
	bool failed = false, first = true;
	int i;

	g_option_context_set_summary(ctx, "Print the text screener reads in "
				     "each FILE (PDF, DOCX, ODT, RTF, text),\n"
				     "extracted in a limited child process.");
	g_option_context_add_main_entries(ctx, entries, NULL);
	cli_ocr_entries(&ocr, ocr_entries);
	g_option_context_add_main_entries(ctx, ocr_entries, NULL);
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	if (argc < 2 || wall < 1) {
		fprintf(stderr, "%s: %s\n(try --help)\n", g_get_prgname(),
			argc < 2 ? "no file given" :
			"--wall-seconds must be at least 1");
		return EXIT_USAGE;
	}
	caps.wall_seconds = wall;
	if (!cli_ocr_apply(&ocr, "extract", &caps))
		return EXIT_USAGE;
	if (facts && raw) {
		fprintf(stderr, "%s: --facts reads normalised text, not "
			"--raw\n(try --help)\n", g_get_prgname());
		return EXIT_USAGE;
	}
	if (!as_of) {
		g_autoptr(GDateTime) now = g_date_time_new_now_local();

		as_of = g_date_time_format(now, "%Y-%m-%d");
	} else if (!as_of_valid(as_of)) {
		fprintf(stderr, "%s: --as-of wants YYYY-MM-DD\n(try --help)\n",
			g_get_prgname());
		return EXIT_USAGE;
	}
	if (facts) {
		/* The facts a run scores come from the rule set's word lists
		 * (titles, domain terms, allowed words): show those. */
		g_autoptr(GError) err = NULL;

		if (!criteria)
			criteria = paths_default_criteria();
		rs = ruleset_load(criteria, &err);
		if (!rs) {
			g_auto(GStrv) lines = g_strsplit(err->message, "\n", -1);

			for (i = 0; lines[i]; i++)
				fprintf(stderr, "%s: %s\n", g_get_prgname(),
					lines[i]);
			return EXIT_USAGE;
		}
		fc = *ruleset_facts_config(rs);
	}
	fc.as_of = as_of;
	sb = sandbox_new(sandbox_self_exe(), &caps);
	for (i = 1; i < argc; i++) {
		g_autoptr(GError) err = NULL;
		g_autoptr(doc) d = NULL;
		struct facts *f = NULL;

		if (!extract_one(sb, argv[i], &caps, raw, &err, &d)) {
			g_autofree char *shown = escape_name(argv[i]);

			fflush(stdout);
			fprintf(stderr, "%s: %s: %s\n", g_get_prgname(), shown,
				err->message);
			failed = true;
			continue;
		}
		if (facts) {
			g_autofree char *base = g_path_get_basename(argv[i]);

			fc.cover_name_hint = inbox_cover_name(base);
			f = facts_compute(d, &fc);
		}
		if (json)
			print_json(argv[i], d, f);
		else
			print_text(argv[i], d, f, argc > 2, first);
		facts_free(f);
		first = false;
	}
	sandbox_free(sb);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "%s: cannot write output\n", g_get_prgname());
		return EXIT_FATAL;
	}
	return failed ? EXIT_SOME_FAILED : EXIT_OK;
}
