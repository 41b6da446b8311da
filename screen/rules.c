/*
 * rules.c - loading a rule set folder: a small line-based parser for the
 * *.rules files (one criterion each) and profile.ini, the word lists,
 * compiling keywords and regexes to PCRE2 (once, JIT), and the hash of
 * the folder.  Every problem is reported as "file:line: message", all of
 * them, not just the first.
 *
 * Owns the rule set's memory.  Must not match documents (match.c) or
 * score applicants (score.c).  The format is in criteria/README.md.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "rules_priv.h"
#include "score.h"
#include "selfid.h"

/* A rule file is written by a person: anything larger is a mistake. */
#define RULES_FILE_MAX (1u << 20)
#define RULES_FILES_MAX 200
#define RULES_ERRORS_MAX 200
#define RULES_TERMS_MAX 2000

/* Per match call: far above what a sane pattern needs on a 2 MiB text,
 * far below what (a+)+$ needs on a line of a's. */
#define MATCH_LIMIT 2000000
#define DEPTH_LIMIT 5000
#define HEAP_LIMIT_KIB 32768

struct ruleset {
	char *dir;
	char *hash;
	GPtrArray *criteria;	/* struct criterion * */
	GPtrArray *rules;	/* struct rule * */
	struct profile profile;
	struct facts_config fc;
	pcre2_match_context *mctx;
	struct rule_pattern *negation, *hedge;
	GHashTable *cue_words;	/* first words of the cues */
};

/* Sections a scope may name: facts.h's "section:NAME" spans. */
static const char *const section_names[RULES_N_SECTIONS + 1] = {
	"summary", "experience", "education", "skills", "certifications",
	"projects", "publications", "references", "languages", "interests",
	"awards", "volunteering", "contact", "other", "unknown", NULL
};

/* The words that cancel or weaken a hit that follows them closely.
 * Kept short on purpose: "without" or a bare "no" reads too often in
 * achievements ("migrated without downtime using Kafka"). */
static const char *const negation_cues[] = {
	"no experience", "no hands-on", "no exposure", "no knowledge",
	"no professional", "not", "never", "lack of", "lacking",
	"would like to learn", "would love to learn", "want to learn",
	"wish to learn", "hope to learn", "eager to learn", "plan to learn",
	"keen to learn", NULL
};
static const char *const hedge_cues[] = {
	"familiar with", "familiarity with", "exposure to", "exposed to",
	"basic knowledge of", "basic understanding of", "some knowledge of",
	"some experience with", "awareness of", "aware of", "introduction to",
	"interested in", "coursework in", "learning", NULL
};

struct parser {
	const char *dir;
	GArray *errors;		/* struct problem */
	guint n_errors;
};

struct problem {
	char *file;
	guint line;		/* 0: the whole file, listed after its lines */
	guint seq;		/* keeps the order of one line's problems */
	char *msg;
};

static void perr(struct parser *p, const char *file, guint line,
		 const char *fmt, ...) G_GNUC_PRINTF(4, 5);

static void perr(struct parser *p, const char *file, guint line,
		 const char *fmt, ...)
{
	struct problem pb = { g_strdup(file), line, p->n_errors, NULL };
	va_list ap;

	p->n_errors++;
	if (p->n_errors > RULES_ERRORS_MAX) {
		g_free(pb.file);
		return;
	}
	va_start(ap, fmt);
	pb.msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_array_append_val(p->errors, pb);
}

static int problem_order(gconstpointer pa, gconstpointer pb)
{
	const struct problem *a = pa, *b = pb;
	guint la = a->line ? a->line : G_MAXUINT;
	guint lb = b->line ? b->line : G_MAXUINT;
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (la != lb)
		return la < lb ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void problem_clear(gpointer data)
{
	struct problem *pb = data;

	g_free(pb->file);
	g_free(pb->msg);
}

/* Every problem, in file and line order, one "file:line: msg" a line. */
static char *problems_text(struct parser *p)
{
	GString *out = g_string_new(NULL);
	guint i;

	g_array_sort(p->errors, problem_order);
	for (i = 0; i < p->errors->len; i++) {
		const struct problem *pb = &g_array_index(p->errors,
							  struct problem, i);

		if (out->len)
			g_string_append_c(out, '\n');
		g_string_append(out, p->dir);
		if (*pb->file)
			g_string_append_printf(out, "/%s", pb->file);
		if (pb->line)
			g_string_append_printf(out, ":%u", pb->line);
		g_string_append_printf(out, ": %s", pb->msg);
	}
	if (p->n_errors > RULES_ERRORS_MAX)
		g_string_append_printf(out, "\n%s: %u more errors", p->dir,
				       p->n_errors - RULES_ERRORS_MAX);
	return g_string_free(out, FALSE);
}

const char *rule_kind_name(enum rule_kind kind)
{
	static const char *const names[] = {
		[RULE_KEYWORDS] = "keywords", [RULE_REGEX] = "regex",
		[RULE_FACT] = "fact",
	};

	return (unsigned)kind < G_N_ELEMENTS(names) ? names[kind] : "?";
}

bool rule_fact_holds(const struct rule *r, double v)
{
	switch (r->op) {
	case RULE_OP_GE: return v >= r->value;
	case RULE_OP_GT: return v > r->value;
	case RULE_OP_LE: return v <= r->value;
	case RULE_OP_LT: return v < r->value;
	case RULE_OP_EQ: return v == r->value;
	case RULE_OP_NE: return v != r->value;
	}
	return false;
}

static void pattern_free(struct rule_pattern *pat)
{
	if (!pat)
		return;
	pcre2_code_free(pat->code);
	if (pat->anchors)
		g_array_unref(pat->anchors);
	g_free(pat);
}

static void criterion_free(gpointer data)
{
	struct criterion *c = data;

	g_free(c->id);
	g_free(c->title);
	g_free(c->file);
	g_free(c);
}

static void rule_free(gpointer data)
{
	struct rule *r = data;
	guint i;

	g_free(r->id);
	g_free(r->file);
	g_free(r->description);
	for (i = 0; r->scope && i < r->scope->len; i++)
		g_free(g_array_index(r->scope, struct rule_scope, i).section);
	if (r->scope)
		g_array_unref(r->scope);
	pattern_free(r->pattern);
	pattern_free(r->near);
	g_free(r->fact);
	if (r->examples)
		g_ptr_array_unref(r->examples);
	if (r->counters)
		g_ptr_array_unref(r->counters);
	if (r->example_lines)
		g_array_unref(r->example_lines);
	if (r->counter_lines)
		g_array_unref(r->counter_lines);
	g_free(r);
}

void ruleset_free(struct ruleset *rs)
{
	if (!rs)
		return;
	g_free(rs->dir);
	g_free(rs->hash);
	g_ptr_array_unref(rs->criteria);
	g_ptr_array_unref(rs->rules);
	g_ptr_array_unref(rs->profile.must_have);
	if (rs->profile.advance_when)
		g_ptr_array_unref(rs->profile.advance_when);
	g_free(rs->profile.ko_years_fact);
	g_free(rs->profile.ko_pass_years_fact);
	g_free(rs->profile.ko_signal);
	g_free(rs->profile.ko_question);
	g_free(rs->profile.answers_file);
	if (rs->fc.allow_words)
		g_ptr_array_unref(rs->fc.allow_words);
	if (rs->fc.certifications)
		g_ptr_array_unref(rs->fc.certifications);
	if (rs->fc.relevant_titles)
		g_ptr_array_unref(rs->fc.relevant_titles);
	if (rs->fc.domain_terms)
		g_ptr_array_unref(rs->fc.domain_terms);
	pcre2_match_context_free(rs->mctx);
	pattern_free(rs->negation);
	pattern_free(rs->hedge);
	if (rs->cue_words)
		g_hash_table_unref(rs->cue_words);
	g_free(rs);
}

/* ---- values ---------------------------------------------------------- */

static bool parse_number(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v;

	if (!*s)
		return false;
	errno = 0;
	v = g_ascii_strtod(s, &end);
	if (errno || *end || !isfinite(v) || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static bool parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1", NULL };
	static const char *const no[] = { "no", "false", "off", "0", NULL };
	guint i;

	for (i = 0; yes[i]; i++)
		if (g_ascii_strcasecmp(s, yes[i]) == 0)
			return *out = true, true;
	for (i = 0; no[i]; i++)
		if (g_ascii_strcasecmp(s, no[i]) == 0)
			return *out = false, true;
	return false;
}

static bool valid_id(const char *s)
{
	const char *p;

	if (!*s || strlen(s) > 64)
		return false;
	for (p = s; *p; p++)
		if (!g_ascii_isalnum(*p) && !strchr("-_.", *p))
			return false;
	return true;
}

static int section_index(const char *s)
{
	guint i;

	for (i = 0; section_names[i]; i++)
		if (strcmp(section_names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *ruleset_section_name(guint kind)
{
	return kind < RULES_N_SECTIONS ? section_names[kind] : NULL;
}

static bool known_fact(const char *s)
{
	return g_strv_contains(facts_names(), s);
}

/* Split "a, b, c" into trimmed non-empty items appended to out. */
static void split_list(const char *s, const char *sep, GPtrArray *out)
{
	g_auto(GStrv) parts = g_strsplit_set(s, sep, -1);
	guint i;

	for (i = 0; parts[i]; i++) {
		g_strstrip(parts[i]);
		if (*parts[i])
			g_ptr_array_add(out, g_strdup(parts[i]));
	}
}

/* ---- compiling terms ------------------------------------------------- */

static bool is_word_byte(unsigned char c)
{
	return g_ascii_isalnum(c) || c == '_' || c >= 0x80;
}

static void append_escaped(GString *re, char c)
{
	if (!g_ascii_isalnum(c) && !((unsigned char)c & 0x80))
		g_string_append_c(re, '\\');
	g_string_append_c(re, c);
}

static bool is_vowel(char c)
{
	return strchr("aeiouAEIOU", c) != NULL;
}

/* The simple inflections of one ASCII word: map -> maps, mapped,
 * mapping, mappings, mapper; validate -> validates, validated,
 * validating; query -> queries, queried.  Appended as a group. */
static void append_inflected(GString *re, const char *w, gsize n)
{
	static const char *const plain[] = { "", "s", "es", "ed", "ing",
					     "ings", "er", "ers", NULL };
	static const char *const e_drop[] = { "ed", "ing", "ings", "er", "ers",
					      NULL };
	static const char *const y_forms[] = { "ies", "ied", NULL };
	static const char *const doubled[] = { "ed", "ing", "ings", "er",
					       "ers", NULL };
	char last = w[n - 1];
	guint i;

	g_string_append(re, "(?:");
	g_string_append_len(re, w, n);
	g_string_append(re, "(?:");
	for (i = 0; plain[i]; i++)
		g_string_append_printf(re, "%s%s", i ? "|" : "", plain[i]);
	g_string_append_c(re, ')');
	if (g_ascii_tolower(last) == 'e') {
		g_string_append_c(re, '|');
		g_string_append_len(re, w, n - 1);
		g_string_append(re, "(?:");
		for (i = 0; e_drop[i]; i++)
			g_string_append_printf(re, "%s%s", i ? "|" : "",
					       e_drop[i]);
		g_string_append_c(re, ')');
	}
	if (g_ascii_tolower(last) == 'y' && !is_vowel(w[n - 2])) {
		g_string_append_c(re, '|');
		g_string_append_len(re, w, n - 1);
		g_string_append(re, "(?:");
		for (i = 0; y_forms[i]; i++)
			g_string_append_printf(re, "%s%s", i ? "|" : "",
					       y_forms[i]);
		g_string_append_c(re, ')');
	}
	if (!is_vowel(last) && !strchr("wxyWXY", last) && is_vowel(w[n - 2]) &&
	    !is_vowel(w[n - 3])) {
		g_string_append_c(re, '|');
		g_string_append_len(re, w, n);
		g_string_append_c(re, last);
		g_string_append(re, "(?:");
		for (i = 0; doubled[i]; i++)
			g_string_append_printf(re, "%s%s", i ? "|" : "",
					       doubled[i]);
		g_string_append_c(re, ')');
	}
	g_string_append_c(re, ')');
}

/* One term as a regex: words whole, spaces and hyphens flexible,
 * punctuation exact, each plain word of 3+ letters inflected (unless
 * inflect is off), "stem*" as a prefix.  False on an empty term. */
static bool term_regex(const char *term, bool inflect, bool lookbehind,
		       GString *re)
{
	gsize n = strlen(term), i = 0;
	bool stem = false;

	if (n && term[n - 1] == '*') {
		stem = true;
		n--;
	}
	while (n && g_ascii_isspace(term[n - 1]))
		n--;
	while (i < n && g_ascii_isspace(term[i]))
		i++;
	if (i >= n)
		return false;
	if (lookbehind && is_word_byte(term[i]))
		g_string_append(re, "(?<!\\w)");
	while (i < n) {
		unsigned char c = term[i];

		if (g_ascii_isspace(c) || c == '-') {
			/* "end-to-end" = "end to end" = "end - to - end" */
			while (i < n && (g_ascii_isspace(term[i]) ||
					 term[i] == '-'))
				i++;
			g_string_append(re, "[\\s\\-\\x{2010}\\x{2011}]+");
		} else if (is_word_byte(c)) {
			gsize s = i;
			bool alpha = true;

			while (i < n && is_word_byte(term[i])) {
				if (!g_ascii_isalpha(term[i]))
					alpha = false;
				i++;
			}
			/* only a word that ends the term or is followed by a
			 * space can take an ending */
			if (inflect && alpha && i - s >= 3 && !(stem && i == n) &&
			    (i == n || g_ascii_isspace(term[i])))
				append_inflected(re, term + s, i - s);
			else
				for (; s < i; s++)
					append_escaped(re, term[s]);
		} else {
			append_escaped(re, c);
			i++;
		}
	}
	if (stem)
		g_string_append(re, "\\w*");
	g_string_append(re, "(?!\\w)");
	return true;
}

static int by_length_desc(gconstpointer a, gconstpointer b)
{
	gsize la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);

	return la < lb ? 1 : la > lb ? -1 : strcmp(*(char *const *)a,
						     *(char *const *)b);
}

/* Compile a PCRE2 pattern; on failure a message with the position. */
static struct rule_pattern *compile(const char *re, bool caseless,
				    bool anchored, char **why)
{
	struct rule_pattern *pat;
	pcre2_code *code;
	int code_err;
	PCRE2_SIZE off;
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
	PCRE2_UCHAR msg[256];

	if (caseless)
		opts |= PCRE2_CASELESS;
	/* anchored at compile time, so JIT serves the anchored tries */
	if (anchored)
		opts |= PCRE2_ANCHORED;
	code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, opts,
			     &code_err, &off, NULL);
	if (!code) {
		pcre2_get_error_message(code_err, msg, sizeof(msg));
		*why = g_strdup_printf("%s at offset %zu", (char *)msg,
				       (size_t)off);
		return NULL;
	}
	/* Without JIT (an unsupported platform) the interpreter runs the
	 * same pattern under the same limits: slower, still correct.  The
	 * "make valgrind" build runs it always: JIT code reads the subject
	 * a vector at a time, past its end into the buffer's spare bytes,
	 * which memcheck reports as uninitialised (its results never
	 * depend on them). */
#ifndef SCREENER_VALGRIND
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
#endif
	pat = g_new0(struct rule_pattern, 1);
	pat->code = code;
	return pat;
}

/* The anchor of a term: the lowercase ASCII start of its first word,
 * short of the letter an inflection may change (validate -> validat,
 * query -> quer), and how much longer the word may be (the endings
 * term_regex() allows).  False when the term starts with anything
 * else. */
static bool term_anchor(const char *term, bool inflect,
			struct rule_anchor *a)
{
	gsize i = 0, n, w;
	bool alpha = true;

	while (g_ascii_isspace(term[i]))
		i++;
	for (n = 0; g_ascii_isalnum(term[i + n]); n++)
		if (!g_ascii_isalpha(term[i + n]))
			alpha = false;
	if (!n)
		return false;
	w = n;
	a->extra = 0;
	if (term[i + n] == '*' || is_word_byte(term[i + n])) {
		a->extra = G_MAXUINT;	/* a stem, or the word goes on */
	} else if (inflect && alpha && n >= 3 &&
		   (!term[i + n] || g_ascii_isspace(term[i + n]))) {
		/* map -> mappings, mappers: at most 5 more bytes */
		a->extra = 5;
		if (strchr("eEyY", term[i + n - 1]))
			w--, a->extra = 5;
	}
	a->prefix = g_ascii_strdown(term + i, w);
	a->len = w;
	return true;
}

static void anchor_clear(gpointer data)
{
	g_free(((struct rule_anchor *)data)->prefix);
}

/* All terms of a list as one alternation, longest first so that
 * "REST API" wins over "REST" at the same place. */
static struct rule_pattern *compile_terms(GPtrArray *terms, bool caseless,
					  bool inflect, char **why)
{
	g_autoptr(GString) re = g_string_new(NULL);
	g_autoptr(GPtrArray) sorted = g_ptr_array_new();
	g_autoptr(GArray) anchors = g_array_new(FALSE, FALSE,
						sizeof(struct rule_anchor));
	struct rule_pattern *pat;
	bool all_anchored = true;
	guint i;

	g_array_set_clear_func(anchors, anchor_clear);
	for (i = 0; i < terms->len; i++)
		g_ptr_array_add(sorted, terms->pdata[i]);
	g_ptr_array_sort(sorted, by_length_desc);
	for (i = 0; i < sorted->len; i++) {
		struct rule_anchor anchor;

		if (term_anchor(sorted->pdata[i], inflect, &anchor))
			g_array_append_val(anchors, anchor);
		else
			all_anchored = false;
	}
	/* Anchored, the pattern is only tried where a word starts: the
	 * (?<!\w) of each term would always hold, and costs a test per
	 * alternative. */
	for (i = 0; i < sorted->len; i++) {
		gsize mark = re->len;

		if (i)
			g_string_append_c(re, '|');
		if (!term_regex(sorted->pdata[i], inflect, !all_anchored, re))
			g_string_truncate(re, mark);
	}
	if (!re->len) {
		*why = g_strdup("no terms");
		return NULL;
	}
	pat = compile(re->str, caseless, all_anchored, why);
	if (pat && all_anchored)
		pat->anchors = g_steal_pointer(&anchors);
	return pat;
}

/* "cue ... (at most 5 words) ... <end of subject>" */
static struct rule_pattern *compile_cues(const char *const *cues)
{
	g_autoptr(GString) re = g_string_new("(?<!\\w)(?:");
	g_autofree char *why = NULL;
	struct rule_pattern *pat;
	guint i;

	for (i = 0; cues[i]; i++) {
		if (i)
			g_string_append_c(re, '|');
		term_regex(cues[i], false, false, re);
	}
	g_string_append(re, ")(?:\\W+\\w+){0,5}\\W*\\z");
	pat = compile(re->str, true, false, &why);
	g_assert(pat);		/* built-in: a failure is our bug */
	return pat;
}

/* ---- the line parser ------------------------------------------------- */

/* What a file is being read as, and where a key may appear. */
enum block { B_NONE, B_CRITERION, B_RULE, B_ADVANCE, B_KNOCKOUT, B_WORDS,
	      B_PRIVACY };

/* A rule while its block is being read: lists before compiling. */
struct rule_draft {
	struct rule *r;
	GPtrArray *keywords, *regex, *near;
	GArray *re_lines;	/* guint: line of each regex */
	guint kw_line, re_line, near_line, fact_line, within_line;
	bool has_points, has_cap, caseless, inflect;
	bool set_role;
};

struct file_state {
	struct parser *p;
	struct ruleset *rs;
	const char *file;
	guint line;
	enum block block;
	struct criterion *crit;
	guint crit_index;
	enum rule_role crit_role;
	bool crit_seen;
	struct rule_draft d;
	GHashTable *rule_ids;	/* across the set: id -> file */
	GHashTable *word_files;	/* profile [words]: key -> file name */
};

typedef void (*key_fn)(struct file_state *st, const char *val);

struct key {
	enum block block;
	const char *name;
	key_fn fn;
};

#define BAD(st, ...) perr((st)->p, (st)->file, (st)->line, __VA_ARGS__)

static void number_into(struct file_state *st, const char *key,
			const char *val, double lo, double hi, double *out)
{
	if (!parse_number(val, lo, hi, out))
		BAD(st, "%s: '%s' is not a number from %g to %g", key, val, lo,
		    hi);
}

static void k_crit_id(struct file_state *st, const char *v)
{
	if (!valid_id(v)) {
		BAD(st, "id: '%s' is not a valid id (letters, digits, - _ .)",
		    v);
		return;
	}
	g_free(st->crit->id);
	st->crit->id = g_strdup(v);
}

static void k_crit_title(struct file_state *st, const char *v)
{
	g_free(st->crit->title);
	st->crit->title = g_strdup(v);
}

static void k_crit_weight(struct file_state *st, const char *v)
{
	number_into(st, "weight", v, 0, 1000, &st->crit->weight);
}

static void k_crit_max(struct file_state *st, const char *v)
{
	number_into(st, "max", v, 0.001, 1e6, &st->crit->max_points);
}

static void k_crit_met(struct file_state *st, const char *v)
{
	number_into(st, "met", v, 0, 1, &st->crit->met_threshold);
}

static void k_crit_scored(struct file_state *st, const char *v)
{
	if (!parse_bool(v, &st->crit->scored))
		BAD(st, "scored: '%s' is not yes or no", v);
}

static bool parse_role(struct file_state *st, const char *v,
		       enum rule_role *out)
{
	static const char *const names[] = {
		[RULE_ROLE_ANY] = "any", [RULE_ROLE_RESUME] = "resume",
		[RULE_ROLE_COVER] = "cover",
	};
	guint i;

	for (i = 0; i < G_N_ELEMENTS(names); i++)
		if (g_ascii_strcasecmp(v, names[i]) == 0)
			return *out = i, true;
	BAD(st, "role: '%s' is not any, resume or cover", v);
	return false;
}

static void k_crit_role(struct file_state *st, const char *v)
{
	parse_role(st, v, &st->crit_role);
}

static void k_desc(struct file_state *st, const char *v)
{
	g_free(st->d.r->description);
	st->d.r->description = g_strdup(v);
}

static void k_keywords(struct file_state *st, const char *v)
{
	if (!st->d.kw_line)
		st->d.kw_line = st->line;
	split_list(v, ",", st->d.keywords);
	if (st->d.keywords->len > RULES_TERMS_MAX)
		BAD(st, "keywords: more than %u terms", RULES_TERMS_MAX);
}

static void k_regex(struct file_state *st, const char *v)
{
	if (!st->d.re_line)
		st->d.re_line = st->line;
	g_ptr_array_add(st->d.regex, g_strdup(v));
	g_array_append_val(st->d.re_lines, st->line);
}

static void k_near(struct file_state *st, const char *v)
{
	if (!st->d.near_line)
		st->d.near_line = st->line;
	split_list(v, ",", st->d.near);
}

static void k_within(struct file_state *st, const char *v)
{
	double n;

	st->d.within_line = st->line;
	if (parse_number(v, 1, 100, &n) && n == floor(n))
		st->d.r->within = (guint)n;
	else
		BAD(st, "within: '%s' is not a whole number from 1 to 100", v);
}

static void k_fact(struct file_state *st, const char *v)
{
	static const struct { const char *s; enum rule_op op; } ops[] = {
		{ ">=", RULE_OP_GE }, { "<=", RULE_OP_LE }, { "==", RULE_OP_EQ },
		{ "!=", RULE_OP_NE }, { ">", RULE_OP_GT }, { "<", RULE_OP_LT },
		{ "=", RULE_OP_EQ },
	};
	struct rule *r = st->d.r;
	g_autofree char *name = NULL;
	const char *o;
	gsize i, n = strcspn(v, "<>=!");

	st->d.fact_line = st->line;
	name = g_strstrip(g_strndup(v, n));
	o = v + n;
	for (i = 0; i < G_N_ELEMENTS(ops); i++)
		if (g_str_has_prefix(o, ops[i].s))
			break;
	if (!*name || i == G_N_ELEMENTS(ops)) {
		BAD(st, "fact: expected 'NAME OP NUMBER' (OP one of >= > <= < "
		    "== !=), got '%s'", v);
		return;
	}
	if (!known_fact(name)) {
		BAD(st, "fact: unknown fact '%s'", name);
		return;
	}
	o += strlen(ops[i].s);
	while (g_ascii_isspace(*o))
		o++;
	if (!parse_number(o, -1e9, 1e9, &r->value)) {
		BAD(st, "fact: '%s' is not a number", o);
		return;
	}
	g_free(r->fact);
	r->fact = g_steal_pointer(&name);
	r->op = ops[i].op;
}

static void k_points(struct file_state *st, const char *v)
{
	st->d.has_points = true;
	number_into(st, "points", v, 0, 1e6, &st->d.r->points);
}

static void k_cap(struct file_state *st, const char *v)
{
	st->d.has_cap = true;
	number_into(st, "cap", v, 0, 1e6, &st->d.r->cap);
}

static void k_scope(struct file_state *st, const char *v)
{
	g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func(g_free);
	guint i;

	split_list(v, ", \t", items);
	for (i = 0; i < items->len; i++) {
		char *item = items->pdata[i], *colon = strchr(item, ':');
		struct rule_scope sc = { NULL, 1.0, 0 };
		int kind;

		if (colon) {
			*colon = '\0';
			if (!parse_number(colon + 1, 0, 10, &sc.factor)) {
				BAD(st, "scope: '%s' is not a factor from 0 "
				    "to 10", colon + 1);
				continue;
			}
		}
		kind = section_index(item);
		if (kind < 0) {
			BAD(st, "scope: unknown section '%s'", item);
			continue;
		}
		sc.section = g_strdup(item);
		sc.kind = (guint)kind;
		g_array_append_val(st->d.r->scope, sc);
	}
}

static void k_case(struct file_state *st, const char *v)
{
	if (g_ascii_strcasecmp(v, "sensitive") == 0)
		st->d.caseless = false;
	else if (g_ascii_strcasecmp(v, "insensitive") == 0)
		st->d.caseless = true;
	else
		BAD(st, "case: '%s' is not sensitive or insensitive", v);
}

static void k_inflect(struct file_state *st, const char *v)
{
	if (!parse_bool(v, &st->d.inflect))
		BAD(st, "inflect: '%s' is not yes or no", v);
}

static void k_negated(struct file_state *st, const char *v)
{
	number_into(st, "negated", v, 0, 1, &st->d.r->negated);
}

static void k_hedged(struct file_state *st, const char *v)
{
	number_into(st, "hedged", v, 0, 1, &st->d.r->hedged);
}

static void k_rule_role(struct file_state *st, const char *v)
{
	if (parse_role(st, v, &st->d.r->role))
		st->d.set_role = true;
}

static void k_example(struct file_state *st, const char *v)
{
	g_ptr_array_add(st->d.r->examples, g_strdup(v));
	g_array_append_val(st->d.r->example_lines, st->line);
}

static void k_counter(struct file_state *st, const char *v)
{
	g_ptr_array_add(st->d.r->counters, g_strdup(v));
	g_array_append_val(st->d.r->counter_lines, st->line);
}

static void k_threshold(struct file_state *st, const char *v)
{
	number_into(st, "threshold", v, 0, 100,
		    &st->rs->profile.advance_threshold);
}

static void k_when(struct file_state *st, const char *v)
{
	/* Checked in load_profile(), once every criterion is known; the
	 * line travels in front of the text for the message. */
	g_ptr_array_add(st->rs->profile.advance_when,
			g_strdup_printf("%u\t%s", st->line, v));
}

static void k_must_have(struct file_state *st, const char *v)
{
	split_list(v, ", \t", st->rs->profile.must_have);
}

static void k_top_n(struct file_state *st, const char *v)
{
	double n;

	if (parse_number(v, 0, 1e7, &n) && n == floor(n))
		st->rs->profile.top_n = (guint)n;
	else
		BAD(st, "top_n: '%s' is not a whole number", v);
}

static void k_top_percent(struct file_state *st, const char *v)
{
	number_into(st, "top_percent", v, 0, 100,
		    &st->rs->profile.top_percent);
}

static void k_min_years(struct file_state *st, const char *v)
{
	number_into(st, "min_years", v, 0, 60, &st->rs->profile.ko_min_years);
}

static void years_fact_into(struct file_state *st, const char *key,
			    const char *v, char **slot)
{
	if (strcmp(v, "years_total") && strcmp(v, "years_relevant")) {
		BAD(st, "%s: '%s' is not years_total or years_relevant", key,
		    v);
		return;
	}
	g_free(*slot);
	*slot = g_strdup(v);
}

static void k_years_fact(struct file_state *st, const char *v)
{
	years_fact_into(st, "years_fact", v, &st->rs->profile.ko_years_fact);
}

static void k_pass_years_fact(struct file_state *st, const char *v)
{
	years_fact_into(st, "pass_years_fact", v,
			&st->rs->profile.ko_pass_years_fact);
}

static void k_signal(struct file_state *st, const char *v)
{
	g_free(st->rs->profile.ko_signal);
	st->rs->profile.ko_signal = g_strdup(v);
}

static void k_question(struct file_state *st, const char *v)
{
	g_free(st->rs->profile.ko_question);
	st->rs->profile.ko_question = g_strdup(v);
}

static void k_answers(struct file_state *st, const char *v)
{
	if (!*v || strchr(v, '/') || strcmp(v, ".") == 0 ||
	    strcmp(v, "..") == 0) {
		BAD(st, "answers_file: '%s' must be a plain file name", v);
		return;
	}
	g_free(st->rs->profile.answers_file);
	st->rs->profile.answers_file = g_strdup(v);
}

/* A word list is a file of this folder ("titles.txt") or, so that rule
 * sets share one copy, a path under the criteria root, the folder that
 * holds this set ("integration-engineer/titles.txt").  Every part is a
 * plain name: nothing absolute, no "..", nothing hidden, so a profile
 * never reads outside the criteria root and a tree copied elsewhere
 * (an install) keeps its references. */
static bool list_name_ok(const char *v)
{
	const char *part = v;

	for (;;) {
		size_t n = strcspn(part, "/");

		if (n == 0 || part[0] == '.' || memchr(part, '\\', n))
			return false;
		if (!part[n])
			return true;
		part += n + 1;
	}
}

static void word_file(struct file_state *st, const char *key, const char *v)
{
	if (!list_name_ok(v)) {
		BAD(st, "%s: '%s' must be a file name in this folder or a "
		    "path under the criteria root (no '..', not absolute, "
		    "nothing hidden)", key, v);
		return;
	}
	g_hash_table_replace(st->word_files, g_strdup(key),
			     g_strdup_printf("%u\t%s", st->line, v));
}

static void k_w_allow(struct file_state *st, const char *v)
{
	word_file(st, "allow", v);
}

static void k_w_certs(struct file_state *st, const char *v)
{
	word_file(st, "certifications", v);
}

static void k_w_titles(struct file_state *st, const char *v)
{
	word_file(st, "titles", v);
}

static void k_w_domain(struct file_state *st, const char *v)
{
	word_file(st, "domain", v);
}

static void k_blind(struct file_state *st, const char *v)
{
	if (g_ascii_strcasecmp(v, "true") == 0 ||
	    g_ascii_strcasecmp(v, "yes") == 0)
		st->rs->profile.blind = true;
	else if (g_ascii_strcasecmp(v, "false") == 0 ||
		 g_ascii_strcasecmp(v, "no") == 0)
		st->rs->profile.blind = false;
	else
		BAD(st, "blind: '%s' is not true or false", v);
}

static void k_retention(struct file_state *st, const char *v)
{
	double n;

	if (parse_number(v, 0, 36500, &n) && n == floor(n))
		st->rs->profile.retention_days = (guint)n;
	else
		BAD(st, "retention_days: '%s' is not a whole number from 0 "
		    "to 36500", v);
}

static const struct key keys[] = {
	{ B_CRITERION, "id", k_crit_id },
	{ B_CRITERION, "title", k_crit_title },
	{ B_CRITERION, "weight", k_crit_weight },
	{ B_CRITERION, "max", k_crit_max },
	{ B_CRITERION, "met", k_crit_met },
	{ B_CRITERION, "scored", k_crit_scored },
	{ B_CRITERION, "role", k_crit_role },
	{ B_RULE, "description", k_desc },
	{ B_RULE, "keywords", k_keywords },
	{ B_RULE, "regex", k_regex },
	{ B_RULE, "near", k_near },
	{ B_RULE, "within", k_within },
	{ B_RULE, "fact", k_fact },
	{ B_RULE, "points", k_points },
	{ B_RULE, "cap", k_cap },
	{ B_RULE, "scope", k_scope },
	{ B_RULE, "case", k_case },
	{ B_RULE, "inflect", k_inflect },
	{ B_RULE, "negated", k_negated },
	{ B_RULE, "hedged", k_hedged },
	{ B_RULE, "role", k_rule_role },
	{ B_RULE, "example", k_example },
	{ B_RULE, "counter", k_counter },
	{ B_ADVANCE, "when", k_when },
	{ B_ADVANCE, "threshold", k_threshold },
	{ B_ADVANCE, "must_have", k_must_have },
	{ B_ADVANCE, "top_n", k_top_n },
	{ B_ADVANCE, "top_percent", k_top_percent },
	{ B_KNOCKOUT, "min_years", k_min_years },
	{ B_KNOCKOUT, "years_fact", k_years_fact },
	{ B_KNOCKOUT, "pass_years_fact", k_pass_years_fact },
	{ B_KNOCKOUT, "signal", k_signal },
	{ B_KNOCKOUT, "question", k_question },
	{ B_KNOCKOUT, "answers_file", k_answers },
	{ B_WORDS, "allow", k_w_allow },
	{ B_WORDS, "certifications", k_w_certs },
	{ B_WORDS, "titles", k_w_titles },
	{ B_WORDS, "domain", k_w_domain },
	{ B_PRIVACY, "blind", k_blind },
	{ B_PRIVACY, "retention_days", k_retention },
};

static void draft_start(struct file_state *st, const char *id)
{
	struct rule *r = g_new0(struct rule, 1);

	r->id = g_strdup(id);
	r->criterion = st->crit_index;
	r->file = g_strdup(st->file);
	r->line = st->line;
	r->scope = g_array_new(FALSE, FALSE, sizeof(struct rule_scope));
	r->negated = 0;
	r->hedged = 0.5;
	r->examples = g_ptr_array_new_with_free_func(g_free);
	r->counters = g_ptr_array_new_with_free_func(g_free);
	r->example_lines = g_array_new(FALSE, FALSE, sizeof(guint));
	r->counter_lines = g_array_new(FALSE, FALSE, sizeof(guint));
	memset(&st->d, 0, sizeof(st->d));
	st->d.r = r;
	st->d.keywords = g_ptr_array_new_with_free_func(g_free);
	st->d.regex = g_ptr_array_new_with_free_func(g_free);
	st->d.near = g_ptr_array_new_with_free_func(g_free);
	st->d.re_lines = g_array_new(FALSE, FALSE, sizeof(guint));
	st->d.caseless = true;
	st->d.inflect = true;
}

#define BADAT(st, line, ...) perr((st)->p, (st)->file, (line), __VA_ARGS__)

/* The rule block is complete: check it, compile it, keep it. */
static void draft_finish(struct file_state *st)
{
	struct rule_draft *d = &st->d;
	struct rule *r = d->r;
	guint kinds = 0, errors = st->p->n_errors;
	g_autofree char *why = NULL;

	if (!r)
		return;
	kinds = (d->keywords->len > 0) + (d->regex->len > 0) + (r->fact != NULL);
	if (kinds == 0 && !d->fact_line)
		BADAT(st, r->line, "rule %s: needs keywords, regex or fact",
		      r->id);
	else if (kinds > 1)
		BADAT(st, r->line, "rule %s: give only one of keywords, regex "
		      "and fact", r->id);
	if (!d->has_points)
		BADAT(st, r->line, "rule %s: points missing", r->id);
	if (!d->has_cap)
		r->cap = r->points;
	if (d->near->len && !r->within)
		BADAT(st, d->near_line, "rule %s: near needs within", r->id);
	if (r->within && !d->near->len)
		BADAT(st, d->within_line, "rule %s: within needs near", r->id);
	if (r->fact && (d->near->len || r->scope->len))
		BADAT(st, r->line, "rule %s: a fact rule takes no near or "
		      "scope", r->id);
	if (!d->set_role)
		r->role = st->crit_role;
	if (d->keywords->len) {
		r->kind = RULE_KEYWORDS;
		r->pattern = compile_terms(d->keywords, d->caseless,
					   d->inflect, &why);
		if (!r->pattern)
			BADAT(st, d->kw_line, "rule %s: keywords: %s", r->id,
			      why);
	} else if (d->regex->len) {
		g_autoptr(GString) re = g_string_new(NULL);
		guint i;

		r->kind = RULE_REGEX;
		for (i = 0; i < d->regex->len; i++)
			g_string_append_printf(re, "%s(?:%s)", i ? "|" : "",
					       (char *)d->regex->pdata[i]);
		/* check each line alone first, for a precise message */
		for (i = 0; i < d->regex->len && !r->pattern; i++) {
			struct rule_pattern *one = compile(d->regex->pdata[i],
							   true, false, &why);

			if (!one) {
				BADAT(st, g_array_index(d->re_lines, guint, i),
				      "rule %s: regex: %s",
				      r->id, why);
				break;
			}
			pattern_free(one);
		}
		if (i == d->regex->len) {
			g_clear_pointer(&why, g_free);
			r->pattern = compile(re->str, d->caseless, false,
					     &why);
			if (!r->pattern)
				BADAT(st, d->re_line, "rule %s: regex: %s",
				      r->id, why);
		}
	} else if (r->fact) {
		r->kind = RULE_FACT;
	}
	if (d->near->len) {
		g_clear_pointer(&why, g_free);
		r->near = compile_terms(d->near, d->caseless, d->inflect, &why);
		if (!r->near)
			BADAT(st, d->near_line, "rule %s: near: %s", r->id, why);
	}
	if (g_hash_table_contains(st->rule_ids, r->id))
		BADAT(st, r->line, "rule %s: already defined in %s", r->id,
		      (char *)g_hash_table_lookup(st->rule_ids, r->id));
	else
		g_hash_table_insert(st->rule_ids, g_strdup(r->id),
				    g_strdup_printf("%s:%u", r->file, r->line));
	if (st->p->n_errors == errors)
		g_ptr_array_add(st->rs->rules, r);
	else
		rule_free(r);
	g_ptr_array_unref(d->keywords);
	g_ptr_array_unref(d->regex);
	g_ptr_array_unref(d->near);
	g_array_unref(d->re_lines);
	memset(d, 0, sizeof(*d));
}

static void header(struct file_state *st, char *s, bool profile)
{
	static const struct { const char *name; enum block b; } heads[] = {
		{ "advance", B_ADVANCE }, { "knockout", B_KNOCKOUT },
		{ "words", B_WORDS }, { "privacy", B_PRIVACY },
	};
	gsize n = strlen(s);
	char *in;
	guint i;

	draft_finish(st);
	if (s[n - 1] != ']') {
		BAD(st, "section header without ']'");
		st->block = B_NONE;
		return;
	}
	s[n - 1] = '\0';
	in = g_strstrip(s + 1);
	if (profile) {
		for (i = 0; i < G_N_ELEMENTS(heads); i++)
			if (strcmp(in, heads[i].name) == 0) {
				st->block = heads[i].b;
				return;
			}
		BAD(st, "unknown section [%s] (advance, knockout, words or "
		    "privacy)",
		    in);
		st->block = B_NONE;
		return;
	}
	if (strcmp(in, "criterion") == 0) {
		if (st->crit_seen)
			BAD(st, "a second [criterion] in one file");
		if (st->rs->rules->len &&
		    ((struct rule *)g_ptr_array_index(st->rs->rules,
		     st->rs->rules->len - 1))->criterion == st->crit_index)
			BAD(st, "[criterion] must come before the rules");
		st->crit_seen = true;
		st->block = B_CRITERION;
		return;
	}
	if (strncmp(in, "rule", 4) == 0 && g_ascii_isspace(in[4])) {
		char *id = g_strstrip(in + 5);

		if (!st->crit_seen)
			BAD(st, "[criterion] must come before the rules");
		if (!valid_id(id)) {
			BAD(st, "'%s' is not a valid rule id (letters, digits,"
			    " - _ .)", id);
			st->block = B_NONE;
			return;
		}
		draft_start(st, id);
		st->block = B_RULE;
		return;
	}
	BAD(st, "unknown section [%s] (criterion or rule ID)", in);
	st->block = B_NONE;
}

/* Voluntary self-identification (sex, race/ethnicity) is for the
 * audit alone: a rule or an advance condition that names it is refused,
 * so no rule set can score on it.  True when refused. */
static bool reads_selfid(struct file_state *st, const char *k,
			 const char *v)
{
	static const char *const reading[] = {
		"keywords", "regex", "near", "fact", "when", "must_have",
	};
	const char *named = NULL;

	for (guint i = 0; i < G_N_ELEMENTS(reading) && !named; i++)
		if (strcmp(k, reading[i]) == 0)
			named = selfid_named(v);
	if (!named)
		return false;
	BAD(st, "%s: names '%s', a voluntary self-identification answer no "
	    "rule may read", k, named);
	return true;
}

static void key_value(struct file_state *st, char *s)
{
	char *eq = strchr(s, '='), *k, *v;
	guint i;
	bool known = false;

	if (!eq) {
		BAD(st, "expected 'key = value' or [section]");
		return;
	}
	*eq = '\0';
	k = g_strstrip(s);
	v = g_strstrip(eq + 1);
	if (st->block == B_NONE) {
		BAD(st, "'%s' outside of any section", k);
		return;
	}
	if (reads_selfid(st, k, v))
		return;
	for (i = 0; i < G_N_ELEMENTS(keys); i++) {
		if (strcmp(keys[i].name, k))
			continue;
		known = true;
		if (keys[i].block == st->block) {
			keys[i].fn(st, v);
			return;
		}
	}
	BAD(st, known ? "'%s' does not belong in this section" :
	    "unknown key '%s'", k);
}

/* Read a file of the folder; NULL (with an error recorded) when it is
 * too large, unreadable, not UTF-8 or holds a NUL. */
static char *read_text(struct parser *p, const char *file, gsize *len)
{
	g_autofree char *path = g_build_filename(p->dir, file, NULL);
	g_autoptr(GError) err = NULL;
	char *buf = NULL;
	const char *bad;
	struct stat sb;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		perr(p, file, 0, "not a regular file");
		return NULL;
	}
	if (sb.st_size > RULES_FILE_MAX) {
		perr(p, file, 0, "larger than %u bytes", RULES_FILE_MAX);
		return NULL;
	}
	if (!g_file_get_contents(path, &buf, len, &err)) {
		perr(p, file, 0, "%s", err->message);
		return NULL;
	}
	if (*len > RULES_FILE_MAX) {
		perr(p, file, 0, "larger than %u bytes", RULES_FILE_MAX);
		g_free(buf);
		return NULL;
	}
	if (!g_utf8_validate(buf, *len, &bad) || memchr(buf, '\0', *len)) {
		guint line = 1;
		const char *q;

		if (!bad || (memchr(buf, '\0', *len) &&
			     (const char *)memchr(buf, '\0', *len) < bad))
			bad = memchr(buf, '\0', *len);
		for (q = buf; q < bad; q++)
			line += *q == '\n';
		perr(p, file, line, "not valid UTF-8 text");
		g_free(buf);
		return NULL;
	}
	return buf;
}

/* Run the line parser over one criterion file or the profile. */
static void parse_file(struct file_state *st, const char *buf, gsize len,
		       bool profile)
{
	const char *line = buf, *end = buf + len;

	st->line = 0;
	st->block = B_NONE;
	while (line < end) {
		const char *nl = memchr(line, '\n', end - line);
		g_autofree char *s = g_strndup(line, (nl ? nl : end) - line);

		st->line++;
		g_strstrip(s);
		if (*s && *s != '#' && *s != ';') {
			if (*s == '[')
				header(st, s, profile);
			else
				key_value(st, s);
		}
		line = nl ? nl + 1 : end;
	}
	draft_finish(st);
}

/* The criterion of NAME (its id is NAME less ".rules"), written in
 * st->file: NAME itself or the file it is the same as. */
static void parse_criterion(struct file_state *st, const char *name,
			    const char *buf, gsize len)
{
	struct criterion *c = g_new0(struct criterion, 1);
	guint i, first_rule = st->rs->rules->len;
	bool any_rule;

	c->file = g_strdup(st->file);
	c->id = g_strndup(name, strlen(name) - strlen(".rules"));
	c->max_points = 10;
	c->met_threshold = 0.5;
	c->weight = 1;
	c->scored = true;
	st->crit = c;
	st->crit_index = st->rs->criteria->len;
	st->crit_seen = false;
	st->crit_role = RULE_ROLE_ANY;
	g_ptr_array_add(st->rs->criteria, c);
	parse_file(st, buf, len, false);
	if (!st->crit_seen)
		perr(st->p, st->file, 1, "no [criterion] section");
	if (!c->title)
		c->title = g_strdup(c->id);
	if (!c->scored)
		c->weight = 0;
	any_rule = st->rs->rules->len > first_rule;
	if (!any_rule && st->crit_seen && !st->p->n_errors)
		perr(st->p, st->file, 0, "criterion %s has no rules", c->id);
	for (i = 0; i < st->crit_index; i++)
		if (strcmp(((struct criterion *)
			    st->rs->criteria->pdata[i])->id, c->id) == 0)
			perr(st->p, st->file, 0, "criterion id %s used twice",
			     c->id);
}

static int by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The list NAME as the profile wrote it; FILE, where it is from the
 * set's folder ("../NAME" for a path under the criteria root). */
static GPtrArray *read_words(struct parser *p, const char *name,
			     const char *file, guint line,
			     const char *profile_file)
{
	g_autofree char *path = g_build_filename(p->dir, file, NULL);
	g_autofree char *buf = NULL;
	GPtrArray *words;
	gsize len;
	char **lines, **l;

	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		perr(p, profile_file, line, "word list %s: no such file", name);
		return NULL;
	}
	buf = read_text(p, file, &len);
	if (!buf)
		return NULL;
	words = g_ptr_array_new_with_free_func(g_free);
	lines = g_strsplit(buf, "\n", -1);
	for (l = lines; *l; l++) {
		g_strstrip(*l);
		if (**l && **l != '#')
			g_ptr_array_add(words, g_strdup(*l));
	}
	g_strfreev(lines);
	return words;
}

/* Check each "when" line against the criteria and keep its text alone. */
static void check_when(struct file_state *st)
{
	GPtrArray *when = st->rs->profile.advance_when;
	g_autofree const char **ids = NULL;
	guint i, n = ruleset_n_criteria(st->rs);

	ids = g_new0(const char *, n + 1);
	for (i = 0; i < n; i++)
		ids[i] = ruleset_criterion(st->rs, i)->id;
	for (i = 0; i < when->len; i++) {
		char *line = when->pdata[i], *text = strchr(line, '\t') + 1;
		g_autofree char *why = NULL;
		struct score_when w;

		if (score_when_parse(text, ids, n, &w, &why))
			score_when_clear(&w);
		else
			perr(st->p, st->file, (guint)atoi(line), "when: %s",
			     why);
		memmove(line, text, strlen(text) + 1);
	}
}

/* Read the profile; REFS gets the word lists it reads from outside the
 * set's folder ("../NAME"), sorted, for the hash. */
static void load_profile(struct file_state *st, const char *buf, gsize len,
			 GPtrArray *refs)
{
	struct profile *pr = &st->rs->profile;
	static const struct {
		const char *key;
		gsize off;
	} lists[] = {
		{ "allow", G_STRUCT_OFFSET(struct facts_config, allow_words) },
		{ "certifications",
		  G_STRUCT_OFFSET(struct facts_config, certifications) },
		{ "titles", G_STRUCT_OFFSET(struct facts_config,
					    relevant_titles) },
		{ "domain", G_STRUCT_OFFSET(struct facts_config, domain_terms) },
	};
	guint i;

	parse_file(st, buf, len, true);
	check_when(st);
	for (i = 0; i < pr->must_have->len; i++)
		if (ruleset_criterion_index(st->rs, pr->must_have->pdata[i]) < 0)
			perr(st->p, st->file, 0, "must_have: no criterion %s",
			     (char *)pr->must_have->pdata[i]);
	if (pr->ko_signal && ruleset_criterion_index(st->rs, pr->ko_signal) < 0)
		perr(st->p, st->file, 0, "signal: no criterion %s",
		     pr->ko_signal);
	for (i = 0; i < G_N_ELEMENTS(lists); i++) {
		const char *v = g_hash_table_lookup(st->word_files,
						    lists[i].key);
		g_autofree char *file = NULL;
		GPtrArray **slot;
		char *name;

		if (!v)
			continue;
		name = strchr(v, '\t') + 1;
		file = strchr(name, '/') ? g_strconcat("../", name, NULL) :
		       g_strdup(name);
		slot = G_STRUCT_MEMBER_P(&st->rs->fc, lists[i].off);
		*slot = read_words(st->p, name, file, atoi(v), st->file);
		if (strchr(name, '/') &&
		    !g_ptr_array_find_with_equal_func(refs, file, g_str_equal,
						      NULL))
			g_ptr_array_add(refs, g_steal_pointer(&file));
	}
	g_ptr_array_sort(refs, by_name);
}

/* A criterion the same in two sets is written once: the other set's file
 * holds one line, "same_as = SET/NAME.rules", a path under the criteria
 * root as for word lists, and reads that file in its place (its id stays
 * its own file's name).  When *BUF is such a line, replace it with the
 * named file's text and set *SHARED to that file ("../SET/NAME.rules",
 * also added to REFS so that it counts in the set's hash).  False, with
 * an error recorded, when the reference is bad or unreadable. */
static bool same_as(struct parser *p, const char *name, char **buf,
		    gsize *len, char **shared, GPtrArray *refs)
{
	g_auto(GStrv) lines = g_strsplit(*buf, "\n", -1);
	g_autofree char *target = NULL;
	char *next;
	guint i, at = 0;

	for (i = 0; lines[i]; i++) {
		char *s = g_strstrip(lines[i]);

		if (!*s || *s == '#' || *s == ';')
			continue;
		if (target || !g_str_has_prefix(s, "same_as")) {
			if (!target)
				return true;
			perr(p, name, i + 1, "a file with same_as holds "
			     "nothing else");
			return false;
		}
		s += strlen("same_as");
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s != '=')
			return true;
		target = g_strdup(g_strstrip(s + 1));
		at = i + 1;
	}
	if (!target)
		return true;
	if (!strchr(target, '/') || !list_name_ok(target) ||
	    !g_str_has_suffix(target, ".rules")) {
		perr(p, name, at, "same_as: '%s' must be a SET/NAME.rules path "
		     "under the criteria root (no '..', not absolute, nothing "
		     "hidden)", target);
		return false;
	}
	*shared = g_strconcat("../", target, NULL);
	{
		g_autofree char *path = g_build_filename(p->dir, *shared, NULL);

		if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
			perr(p, name, at, "same_as %s: no such file", target);
			return false;
		}
	}
	next = read_text(p, *shared, len);
	if (!next)
		return false;
	g_free(*buf);
	*buf = next;
	if (!g_ptr_array_find_with_equal_func(refs, *shared, g_str_equal, NULL))
		g_ptr_array_add(refs, g_strdup(*shared));
	return true;
}

static void hash_file(GChecksum *sum, const char *dir, const char *name)
{
	g_autofree char *path = g_build_filename(dir, name, NULL);
	g_autofree char *buf = NULL;
	gsize len = 0;

	g_checksum_update(sum, (const guchar *)name, strlen(name) + 1);
	if (g_file_get_contents(path, &buf, &len, NULL))
		g_checksum_update(sum, (guchar *)buf, len);
	g_checksum_update(sum, (const guchar *)"", 1);
}

/* Hash every regular file of the folder, sorted by name, then the word
 * lists read from outside it (REFS, "../NAME": a name of the folder
 * never holds a '/'), so that a change to a shared list re-scores every
 * set that reads it.  Without REFS the hash is the folder's alone. */
static char *hash_folder(const char *dir, GPtrArray *names, GPtrArray *refs)
{
	g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
	guint i;

	for (i = 0; i < names->len; i++)
		hash_file(sum, dir, names->pdata[i]);
	for (i = 0; i < refs->len; i++)
		hash_file(sum, dir, refs->pdata[i]);
	return g_strdup(g_checksum_get_string(sum));
}

struct ruleset *ruleset_load(const char *dir, GError **err)
{
	g_autoptr(GError) derr = NULL;
	g_autoptr(GArray) errors = g_array_new(FALSE, FALSE,
					       sizeof(struct problem));
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GHashTable) rule_ids = NULL, word_files = NULL;
	struct parser p = { dir, errors, 0 };
	struct file_state st = { 0 };
	struct ruleset *rs;
	const char *name;
	GDir *d;
	guint i;
	bool have_profile = false;

	g_array_set_clear_func(errors, problem_clear);
	if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s: no such folder", dir);
		return NULL;
	}
	d = g_dir_open(dir, 0, &derr);
	if (!d) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG, "%s: %s", dir,
			    derr->message);
		return NULL;
	}
	while ((name = g_dir_read_name(d)) && names->len <= RULES_FILES_MAX) {
		g_autofree char *path = g_build_filename(dir, name, NULL);

		if (name[0] != '.' &&
		    g_file_test(path, G_FILE_TEST_IS_REGULAR))
			g_ptr_array_add(names, g_strdup(name));
	}
	g_dir_close(d);
	if (names->len > RULES_FILES_MAX) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s: more than %u files", dir, RULES_FILES_MAX);
		return NULL;
	}
	g_ptr_array_sort(names, by_name);

	rs = g_new0(struct ruleset, 1);
	rs->dir = g_strdup(dir);
	rs->criteria = g_ptr_array_new_with_free_func(criterion_free);
	rs->rules = g_ptr_array_new_with_free_func(rule_free);
	rs->profile.must_have = g_ptr_array_new_with_free_func(g_free);
	rs->profile.advance_when = g_ptr_array_new_with_free_func(g_free);
	rs->profile.advance_threshold = 60;
	rs->profile.ko_min_years = 3;
	rs->profile.ko_years_fact = g_strdup("years_total");
	rs->profile.answers_file = g_strdup("answers.txt");
	rs->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(rs->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(rs->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(rs->mctx, HEAP_LIMIT_KIB);
	rs->negation = compile_cues(negation_cues);
	rs->hedge = compile_cues(hedge_cues);
	rs->cue_words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					      NULL);
	for (i = 0; negation_cues[i]; i++)
		g_hash_table_add(rs->cue_words, g_strndup(negation_cues[i],
			strcspn(negation_cues[i], " ")));
	for (i = 0; hedge_cues[i]; i++)
		g_hash_table_add(rs->cue_words, g_strndup(hedge_cues[i],
			strcspn(hedge_cues[i], " ")));

	rule_ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					 g_free);
	word_files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					   g_free);
	st.p = &p;
	st.rs = rs;
	st.rule_ids = rule_ids;
	st.word_files = word_files;
	for (i = 0; i < names->len; i++) {
		g_autofree char *buf = NULL, *shared = NULL;
		gsize len;

		name = names->pdata[i];
		if (!g_str_has_suffix(name, ".rules") || strlen(name) == 6)
			continue;
		buf = read_text(&p, name, &len);
		if (!buf)
			continue;
		st.file = name;
		if (!same_as(&p, name, &buf, &len, &shared, refs))
			continue;
		if (shared)
			st.file = shared;
		parse_criterion(&st, name, buf, len);
	}
	for (i = 0; i < names->len; i++) {
		g_autofree char *buf = NULL;
		gsize len;

		if (strcmp(names->pdata[i], "profile.ini"))
			continue;
		have_profile = true;
		buf = read_text(&p, "profile.ini", &len);
		if (!buf)
			continue;
		st.file = "profile.ini";
		load_profile(&st, buf, len, refs);
	}
	rs->hash = hash_folder(dir, names, refs);
	if (!rs->criteria->len) {
		perr(&p, "", 0, "no *.rules files");
	} else {
		double total = 0;

		for (i = 0; i < rs->criteria->len; i++)
			total += ((struct criterion *)
				  rs->criteria->pdata[i])->weight;
		if (total <= 0)
			perr(&p, "", 0, "the scored criteria weigh nothing "
			     "(weight = ... in each *.rules)");
	}
	if (!have_profile)
		perr(&p, "profile.ini", 0, "missing");
	if (p.n_errors) {
		g_autofree char *text = problems_text(&p);

		g_set_error_literal(err, SCREENER_ERROR, SE_CONFIG, text);
		ruleset_free(rs);
		return NULL;
	}
	return rs;
}

const char *ruleset_dir(const struct ruleset *rs)
{
	return rs->dir;
}

const char *ruleset_hash(const struct ruleset *rs)
{
	return rs->hash;
}

guint ruleset_n_criteria(const struct ruleset *rs)
{
	return rs->criteria->len;
}

const struct criterion *ruleset_criterion(const struct ruleset *rs, guint i)
{
	g_return_val_if_fail(i < rs->criteria->len, NULL);
	return rs->criteria->pdata[i];
}

int ruleset_criterion_index(const struct ruleset *rs, const char *id)
{
	guint i;

	for (i = 0; i < rs->criteria->len; i++)
		if (strcmp(((struct criterion *)rs->criteria->pdata[i])->id,
			   id) == 0)
			return (int)i;
	return -1;
}

guint ruleset_n_rules(const struct ruleset *rs)
{
	return rs->rules->len;
}

const struct rule *ruleset_rule(const struct ruleset *rs, guint j)
{
	g_return_val_if_fail(j < rs->rules->len, NULL);
	return rs->rules->pdata[j];
}

const struct profile *ruleset_profile(const struct ruleset *rs)
{
	return &rs->profile;
}

const struct facts_config *ruleset_facts_config(const struct ruleset *rs)
{
	return &rs->fc;
}

pcre2_match_context *ruleset_match_context(const struct ruleset *rs)
{
	return rs->mctx;
}

const struct rule_pattern *ruleset_negation(const struct ruleset *rs)
{
	return rs->negation;
}

const struct rule_pattern *ruleset_hedge(const struct ruleset *rs)
{
	return rs->hedge;
}

bool ruleset_cue_word(const struct ruleset *rs, const char *w, gsize n)
{
	char buf[24];

	if (n >= sizeof(buf))
		return false;
	memcpy(buf, w, n);
	buf[n] = '\0';
	return g_hash_table_contains(rs->cue_words, buf);
}
