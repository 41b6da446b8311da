/*
 * cmd_match.c - "screener match FILE...": the documents of one applicant
 * (a resume, and a cover letter when one is given) matched against a rule
 * set, printed per criterion: score, verdict, and each piece of evidence
 * with its rule, place and the matched words highlighted (colour on a
 * terminal, [[...]] otherwise).
 *
 * Extracts in the sandbox, computes facts, matches; never scores,
 * ranks or stores (that is "screener run").  Every piece of candidate
 * text is escaped before it reaches the terminal.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "escape.h"
#include "facts.h"
#include "inbox.h"
#include "input.h"
#include "match.h"
#include "paths.h"
#include "rules.h"
#include "sandbox.h"


/* How the pieces of a line look: ANSI on a terminal, plain otherwise. */
struct style {
	const char *hl_on, *hl_off;	/* the matched words */
	const char *met, *unmet, *off;	/* verdicts */
};

static const struct style tty_style = {
	"\033[1;33m", "\033[0m", "\033[32m", "\033[31m", "\033[0m",
};
static const struct style plain_style = { "[[", "]]", "", "", "" };

/* One document of the applicant. */
struct mdoc {
	const char *path;
	struct doc *d;
	struct facts *f;
	enum doc_role role;
};

static bool valid_date(const char *s)
{
	unsigned y, m, d;
	char tail;

	return strlen(s) == 10 &&
	       sscanf(s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 &&
	       g_date_valid_dmy(d, m, y);
}

static void print_escaped(GString *out, const char *s, gsize n)
{
	g_autoptr(GString) flat = g_string_new(NULL);
	gsize i;

	/* one line per snippet: the block breaks become spaces */
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (c == ' ' && flat->len && flat->str[flat->len - 1] == ' ')
			continue;
		g_string_append_c(flat, c);
	}
	escape_name_append(out, flat->str, flat->len);
}

/* "page 2" for a paginated document, else "paragraph 7". */
static void place(GString *out, const struct doc *d, uint32_t off)
{
	const struct doc_block *b = doc_block_at(d, off);

	if (!b)
		return;
	if (b->page)
		g_string_append_printf(out, ", page %u", b->page);
	else
		g_string_append_printf(out, ", paragraph %u", b->para);
}

static void print_evidence(GString *out, const struct ruleset *rs,
			   const struct evidence *ev, const struct mdoc *docs,
			   const struct style *st)
{
	const struct rule *r = ruleset_rule(rs, ev->rule);
	const struct mdoc *md = &docs[ev->doc];
	const GString *t = md->d->text;
	g_autofree char *name = escape_name(md->path);
	uint32_t s = ev->start, e = ev->end;
	gsize a, z;
	bool cut_a, cut_z;
	double v;

	g_string_append_printf(out, "  %s (%+.1f) %s", r->id, ev->points,
			       name);
	if (s < e)
		place(out, md->d, s);
	g_string_append_c(out, '\n');
	if (r->kind == RULE_FACT && md->f &&
	    facts_number(md->f, r->fact, &v))
		g_string_append_printf(out, "    %s = %g\n", r->fact, v);
	if (s >= e)
		return;
	match_snippet_bounds(t->str, t->len, &s, &e, &a, &z, &cut_a, &cut_z);
	g_string_append(out, "    ");
	if (cut_a)
		g_string_append(out, "... ");
	print_escaped(out, t->str + a, s - a);
	g_string_append(out, st->hl_on);
	print_escaped(out, t->str + s, e - s);
	g_string_append(out, st->hl_off);
	print_escaped(out, t->str + e, z - e);
	if (cut_z)
		g_string_append(out, " ...");
	g_string_append_c(out, '\n');
}

static void print_result(const struct ruleset *rs,
			 const struct match_result *res,
			 const struct mdoc *docs, const struct style *st)
{
	g_autoptr(GString) out = g_string_new(NULL);
	guint c, k = 0, more;

	for (c = 0; c < res->n_crit; c++) {
		const struct criterion *cr = ruleset_criterion(rs, c);
		const struct criterion_result *r = &res->crit[c];

		g_string_append_printf(out, "%s%s: %.2f %s%s%s (%.1f of %g "
				       "points%s)\n  %s\n", c ? "\n" : "",
				       cr->id, r->score,
				       r->met ? st->met : st->unmet,
				       r->met ? "met" : "not met", st->off,
				       r->points, cr->max_points,
				       cr->scored ? "" : ", signal only",
				       cr->title);
		/* what counted; the rest only as a number */
		for (more = 0; k < res->evidence->len; k++) {
			const struct evidence *ev = &g_array_index(
				res->evidence, struct evidence, k);

			if (ev->criterion != c)
				break;
			if (ev->points > 0)
				print_evidence(out, rs, ev, docs, st);
			else
				more++;
		}
		if (more)
			g_string_append_printf(out, "  (%u more passage%s past "
					       "the caps)\n", more,
					       more == 1 ? "" : "s");
	}
	fwrite(out->str, 1, out->len, stdout);
}

static struct doc *extract(struct sandbox *sb, const char *path,
			   const struct caps *caps, GError **err)
{
	struct input *in = input_read(path, caps, err);
	struct doc *d;
	gsize len;
	const guint8 *data;

	if (!in)
		return NULL;
	data = g_bytes_get_data(in->data, &len);
	d = sandbox_extract(sb, data, len, false, err);
	input_free(in);
	return d;
}

int cmd_match(int argc, char **argv)
{
	struct caps caps = caps_default();
	g_autofree char *criteria = NULL, *as_of = NULL;
	GOptionEntry entries[] = {
		{ "criteria", 0, 0, G_OPTION_ARG_FILENAME, &criteria,
		  "rule set folder (default: the installed "
		  "integration-engineer)", "DIR" },
		{ "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
		  "what \"present\" means when a document has no date "
		  "(default: today)", "YYYY-MM-DD" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new(
		"FILE... - match one applicant's documents against a rule set");
	g_autoptr(GError) err = NULL;
	g_autoptr(ruleset) rs = NULL;
	g_autofree char *today = NULL;
	g_autofree struct mdoc *docs = NULL;
	g_autofree const struct doc **dv = NULL;
	g_autofree const struct facts **fv = NULL;
	g_autofree enum doc_role *rv = NULL;
	struct match_result *res;
	struct sandbox *sb;
	bool failed = false;
	guint n = 0, i;
	int a;

	g_option_context_set_summary(ctx,
		"Extracts each FILE (a resume, and a cover letter or statement "
		"when\ngiven), computes its facts, runs every rule and prints "
		"per criterion\nthe score, the verdict and the evidence, "
		"matched words highlighted.");
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	if (argc < 2) {
		fprintf(stderr, "%s: no file given\n(try --help)\n",
			g_get_prgname());
		return EXIT_USAGE;
	}
	if (as_of && !valid_date(as_of)) {
		fprintf(stderr, "%s: --as-of: '%s' is not a date YYYY-MM-DD\n",
			g_get_prgname(), as_of);
		return EXIT_USAGE;
	}
	if (!as_of) {
		g_autoptr(GDateTime) now = g_date_time_new_now_local();

		today = g_date_time_format(now, "%Y-%m-%d");
	}
	if (!criteria)
		criteria = paths_default_criteria();
	rs = ruleset_load(criteria, &err);
	if (!rs) {
		g_auto(GStrv) lines = g_strsplit(err->message, "\n", -1);

		for (i = 0; lines[i]; i++)
			fprintf(stderr, "%s: %s\n", g_get_prgname(), lines[i]);
		return EXIT_USAGE;
	}

	docs = g_new0(struct mdoc, argc);
	sb = sandbox_new(sandbox_self_exe(), &caps);
	for (a = 1; a < argc; a++) {
		g_autoptr(GError) xerr = NULL;
		struct facts_config cfg = *ruleset_facts_config(rs);
		struct mdoc *md = &docs[n];
		double cover = 0;

		md->d = extract(sb, argv[a], &caps, &xerr);
		if (!md->d) {
			g_autofree char *shown = escape_name(argv[a]);

			fprintf(stderr, "%s: %s: %s\n", g_get_prgname(), shown,
				xerr->message);
			failed = true;
			continue;
		}
		md->path = argv[a];
		cfg.as_of = as_of ? as_of : today;
		{
			g_autofree char *base = g_path_get_basename(argv[a]);

			cfg.cover_name_hint = inbox_cover_name(base);
		}
		md->f = facts_compute(md->d, &cfg);
		md->role = facts_number(md->f, "is_cover_letter", &cover) &&
			   cover > 0 ? DOC_ROLE_COVER : DOC_ROLE_RESUME;
		n++;
	}
	sandbox_free(sb);

	if (n) {
		dv = g_new(const struct doc *, n);
		fv = g_new(const struct facts *, n);
		rv = g_new(enum doc_role, n);
		for (i = 0; i < n; i++) {
			dv[i] = docs[i].d;
			fv[i] = docs[i].f;
			rv[i] = docs[i].role;
		}
		res = match_applicant(rs, dv, fv, rv, n);
		for (i = 0; i < n; i++) {
			g_autofree char *shown = escape_name(docs[i].path);

			printf("%s: %s\n", docs[i].role == DOC_ROLE_COVER ?
			       "cover letter" : "resume", shown);
		}
		printf("rule set: %s (%.12s)\n\n", ruleset_dir(rs),
		       ruleset_hash(rs));
		print_result(rs, res, docs, isatty(STDOUT_FILENO) ?
			     &tty_style : &plain_style);
		for (i = 0; i < res->errors->len; i++)
			fprintf(stderr, "%s: %s\n", g_get_prgname(),
				(char *)res->errors->pdata[i]);
		match_result_free(res);
	}
	for (i = 0; i < n; i++) {
		facts_free(docs[i].f);
		doc_free(docs[i].d);
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "%s: cannot write output\n", g_get_prgname());
		return EXIT_FATAL;
	}
	return failed ? EXIT_SOME_FAILED : EXIT_OK;
}
