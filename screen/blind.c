/*
 * blind.c - blind review's masking (see blind.h).
 *
 * Owns the patterns of what identifies a person and the opaque labels.
 * Reads the store only to list an applicant's documents; writes
 * nothing, prints nothing.  Every report module and "screener show"
 * call it; none masks anything itself.
 */
#include <string.h>

#include "blind.h"
#include "escape.h"

/* What identifies anyone, whoever the applicant: each pattern's match
 * becomes BLIND_MARK.  Case-insensitive unless a part says (?-i). */
static const char *const generic_patterns[] = {
	/* e-mail */
	"(?<![\\w.+%-])[\\w.+%-]+@[\\w-]+(?:\\.[\\w-]+)+",
	/* web and profile links */
	"(?:https?://|www\\.)[^\\s<>\"]+",
	"(?<![^\\s<>\"|])[^\\s<>\"|]*(?:linkedin|github|gitlab|xing|"
	"twitter|facebook|"
	"instagram|behance|dribbble|medium|stackoverflow|bitbucket)"
	"\\.[a-z]{2,}[^\\s<>\"|]*",
	"(?<![\\w.-])[\\w-]+(?:\\.[\\w-]+)*\\.(?:com|org|io|dev|me|info|co|"
	"uk|de|ch|fr|nl|ca|au|jp|ng|se)/[^\\s<>\"|]*",
	/* date of birth, age */
	"\\b(?:date\\s+of\\s+birth|birth\\s*date|d\\.o\\.b\\.?|dob|"
	"born(?:\\s+(?:on|in))?|geboren(?:\\s+am)?|age[d]?\\s*:?\\s*\\d{1,3}|"
	"\\d{1,3}\\s*(?:years?|yrs?)[\\s-]+old)\\b",
	/* full dates, then years (graduation and school years with them) */
	"\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b",
	"\\b(?:19[2-9]\\d|20[0-4]\\d)\\b",
	/* gendered words: pronouns, honorifics */
	"\\b(?:he|she|him|her|his|hers|himself|herself|mr|mrs|ms|miss|"
	"mister|madam|madame|sir|mx|male|female|husband|wife|mother|father|"
	"herr|frau|monsieur|mme|mlle)\\b\\.?",
	/* postal addresses and location lines */
	"\\b\\d{1,5}\\s+(?:[\\w'.-]+\\s+){1,3}(?:street|st|avenue|ave|road|"
	"rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace|"
	"square|sq|parkway|pkwy)\\b\\.?",
	"(?<![\\w-])[\\w-]+(?:stra(?:ss|\\x{df})e|str\\.|gasse|allee|platz)"
	"\\s*\\d+\\w?\\b",
	"(?-i:\\b[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?\\b)",
	"(?-i:\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s+\\d[A-Z]{2}\\b)",
	"(?-i:\\b\\d{5}\\s+\\p{Lu}\\p{Ll}+)",
	"\\b(?:address|location|based\\s+in|lives\\s+in|living\\s+in|"
	"residing\\s+in|resident\\s+of|wohnort|anschrift|adresse)\\b"
	"[^\\n;|]*",
};

/* Phone numbers: digit groups with separators, masked when they hold
 * seven digits or more (so "OAuth 2.0" or "99.9" stay). */
static const char phone_pattern[] =
	"(?:\\+\\s?\\d{1,3}[\\s.-]?)?(?:\\(\\d{1,5}\\)[\\s.-]?)?"
	"\\d{2,5}(?:[\\s./-]\\d{2,5}){1,5}";

/* One applicant as blind review shows it. */
struct who {
	char *label;		/* "A-" and the opaque number */
	char *name, *email, *phone;	/* as stored, before masking */
	GRegex *terms;		/* its own name, e-mail, phone, files */
	GPtrArray *paths;	/* its present documents' paths, by path */
};

struct blind {
	struct store *st;
	GHashTable *who;	/* key -> struct who */
	GHashTable *by_shown;	/* escaped key -> label */
	GRegex *generic;	/* generic_patterns as one alternation:
				   one pass over each text */
	GRegex *phone;
	GRegex *keys;		/* every escaped key, for notes naming
				   other applicants; NULL when none */
};

static void who_free(gpointer p)
{
	struct who *w = p;

	g_free(w->label);
	g_free(w->name);
	g_free(w->email);
	g_free(w->phone);
	if (w->terms)
		g_regex_unref(w->terms);
	if (w->paths)
		g_ptr_array_unref(w->paths);
	g_free(w);
}

static GRegex *compile(const char *pattern)
{
	/* Our own patterns: a failure is a bug, and an output without the
	 * pattern would leak; g_error() says so loudly in tests. */
	g_autoptr(GError) e = NULL;
	GRegex *re = g_regex_new(pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE,
				 0, &e);

	if (!re)
		g_error("blind: pattern %s: %s", pattern, e->message);
	return re;
}

static int longer_first(gconstpointer a, gconstpointer b)
{
	return (int)strlen(*(char *const *)b) - (int)strlen(*(char *const *)a);
}

/* "(?<!\w)(?:t1|t2...)(?!\w)" over the terms, longest first, or NULL. */
static GRegex *terms_regex(GPtrArray *terms)
{
	GString *p;

	if (!terms->len)
		return NULL;
	g_ptr_array_sort(terms, longer_first);
	p = g_string_new("(?<!\\w)(?:");
	for (guint i = 0; i < terms->len; i++) {
		g_autofree char *q = g_regex_escape_string(terms->pdata[i], -1);

		g_string_append_printf(p, "%s%s", i ? "|" : "", q);
	}
	g_string_append(p, ")(?!\\w)");
	{
		GRegex *re = g_regex_new(p->str, G_REGEX_CASELESS, 0, NULL);

		g_string_free(p, TRUE);
		return re;
	}
}

/* Add s (made valid UTF-8) to terms when it is long enough to mean
 * something. */
static void add_term(GPtrArray *terms, const char *s)
{
	g_autofree char *v = escape_name(s ? s : "");

	if (g_utf8_strlen(v, -1) >= 2)
		g_ptr_array_add(terms, g_steal_pointer(&v));
}

static void add_name_terms(GPtrArray *terms, const char *name)
{
	g_auto(GStrv) parts = g_strsplit_set(name ? name : "", " \t,", -1);

	add_term(terms, name);
	for (guint i = 0; parts[i]; i++)
		if (!strchr(parts[i], '.'))	/* initials */
			add_term(terms, parts[i]);
}

/* The applicant's documents and its own terms, at first use. */
static void who_load(struct blind *b, const char *key, struct who *w)
{
	g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func(g_free);
	char *at;

	if (w->paths)
		return;
	w->paths = g_ptr_array_new_with_free_func(g_free);
	/* A read error leaves fewer terms: the generic patterns still
	 * hold, and the pages' own reads report the error. */
	(void)store_identity(b->st, key, w->paths, contacts, NULL);
	for (guint i = 0; i < w->paths->len; i++) {
		const char *path = w->paths->pdata[i];
		g_autofree char *base = g_path_get_basename(path);
		char *dot = strrchr(base, '.');

		add_term(terms, path);
		add_term(terms, base);
		if (dot && dot != base) {
			*dot = '\0';
			add_term(terms, base);
		}
	}
	/* what the facts found in its documents: names as written there,
	 * links, the location and each of its parts ("Toronto, ON") */
	for (guint i = 0; i < contacts->len; i++) {
		g_auto(GStrv) parts = g_strsplit(contacts->pdata[i], ",", -1);

		add_name_terms(terms, contacts->pdata[i]);
		for (guint j = 0; parts[j]; j++)
			add_term(terms, g_strstrip(parts[j]));
	}
	add_term(terms, key);
	add_name_terms(terms, w->name);
	add_term(terms, w->email);
	if (w->email && (at = strchr(w->email, '@'))) {
		g_autofree char *local = g_strndup(w->email, at - w->email);

		add_term(terms, local);
	}
	add_term(terms, w->phone);
	w->terms = terms_regex(terms);
}

static struct who *who_of(struct blind *b, const char *key)
{
	struct who *w = key ? g_hash_table_lookup(b->who, key) : NULL;

	if (w)
		who_load(b, key, w);
	return w;
}

/* Replace every match of re in *s by BLIND_MARK.  Text GRegex cannot
 * read (invalid UTF-8) is masked whole: nothing unread is shown. */
static void replace(GRegex *re, char **s)
{
	char *r = g_regex_replace_literal(re, *s, -1, 0, BLIND_MARK, 0, NULL);

	g_free(*s);
	*s = r ? r : g_strdup(BLIND_MARK);
}

static gboolean phone_eval(const GMatchInfo *m, GString *out, gpointer data)
{
	g_autofree char *hit = g_match_info_fetch(m, 0);
	guint digits = 0;

	for (const char *p = hit; *p; p++)
		digits += g_ascii_isdigit(*p) != 0;
	g_string_append(out, digits >= 7 ? BLIND_MARK : hit);
	return FALSE;
}

static char *mask(const struct blind *b, const struct who *w, const char *s)
{
	char *out = g_strdup(s ? s : "");
	char *r;

	if (!*out)
		return out;
	if (w && w->terms)
		replace(w->terms, &out);
	replace(b->generic, &out);
	r = g_regex_replace_eval(b->phone, out, -1, 0, 0, phone_eval, NULL,
				 NULL);
	g_free(out);
	return r ? r : g_strdup(BLIND_MARK);
}

static void set(char **field, char *v)
{
	g_free(*field);
	*field = v;
}

static gboolean key_eval(const GMatchInfo *m, GString *out, gpointer data)
{
	GHashTable *by_shown = data;
	g_autofree char *hit = g_match_info_fetch(m, 0);
	const char *label = g_hash_table_lookup(by_shown, hit);

	g_string_append(out, label ? label : BLIND_MARK);
	return FALSE;
}

/* A note that names applicants by key ("same e-mail as x", "cover
 * letter of x"): each key becomes its label, then the rest masked. */
static char *mask_note(struct blind *b, const char *key, const char *s)
{
	char *named = NULL;

	if (b->keys && s && *s)
		named = g_regex_replace_eval(b->keys, s, -1, 0, 0, key_eval,
					     b->by_shown, NULL);
	{
		char *out = mask(b, who_of(b, key), named ? named : s);

		g_free(named);
		return out;
	}
}

struct blind *blind_new(struct store *st, struct store_view *v)
{
	struct blind *b = g_new0(struct blind, 1);
	g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func(g_free);

	b->st = st;
	b->who = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
				       who_free);
	b->by_shown = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					    g_free);
	{
		GString *p = g_string_new(NULL);

		for (guint i = 0; i < G_N_ELEMENTS(generic_patterns); i++)
			g_string_append_printf(p, "%s(?:%s)", i ? "|" : "",
					       generic_patterns[i]);
		b->generic = compile(p->str);
		g_string_free(p, TRUE);
	}
	b->phone = compile(phone_pattern);
	for (guint i = 0; i < v->rows->len; i++) {
		const struct store_ranked *r = v->rows->pdata[i];
		struct who *w = g_new0(struct who, 1);

		w->label = g_strconcat("A-", r->blind_id, NULL);
		w->name = g_strdup(r->name);
		w->email = g_strdup(r->email);
		w->phone = g_strdup(r->phone);
		g_hash_table_replace(b->who, g_strdup(r->key), w);
		g_hash_table_replace(b->by_shown, escape_name(r->key),
				     g_strdup(w->label));
		add_term(keys, r->key);
	}
	b->keys = terms_regex(keys);
	for (guint i = 0; i < v->rows->len; i++) {
		struct store_ranked *r = v->rows->pdata[i];
		struct who *w = g_hash_table_lookup(b->who, r->key);

		set(&r->shown, g_strdup(w->label));
		set(&r->name, g_strdup(BLIND_MARK));
		set(&r->email, g_strdup(BLIND_MARK));
		set(&r->phone, g_strdup(BLIND_MARK));
		set(&r->reason, mask_note(b, r->key, r->reason));
		set(&r->ko_reason, mask_note(b, r->key, r->ko_reason));
		set(&r->duplicate, mask_note(b, r->key, r->duplicate));
	}
	v->mask = b;
	return b;
}

void blind_free(struct blind *b)
{
	if (!b)
		return;
	g_hash_table_destroy(b->who);
	g_hash_table_destroy(b->by_shown);
	g_regex_unref(b->generic);
	g_regex_unref(b->phone);
	if (b->keys)
		g_regex_unref(b->keys);
	g_free(b);
}

/* "document K", K the place of path among the applicant's documents
 * (as annotated/<n>-<k>.pdf counts them). */
static char *doc_label(const struct who *w, const char *path)
{
	for (guint i = 0; w && w->paths && i < w->paths->len; i++)
		if (g_strcmp0(w->paths->pdata[i], path) == 0)
			return g_strdup_printf("document %u", i + 1);
	return g_strdup("document " BLIND_MARK);
}

struct ev_pass {
	struct blind *b;
	store_evidence_fn fn;
	void *data;
};

static bool masked_row(const struct store_evidence_row *r, void *data,
		       GError **err)
{
	struct ev_pass *p = data;
	struct who *w = who_of(p->b, r->key);
	struct store_evidence_row m = *r;
	bool ok;

	m.key = g_strdup(w ? w->label : BLIND_MARK);
	m.document = doc_label(w, r->document);
	m.before = mask(p->b, w, r->before);
	m.match = mask(p->b, w, r->match);
	m.after = mask(p->b, w, r->after);
	ok = p->fn(&m, p->data, err);
	g_free(m.key);
	g_free(m.document);
	g_free(m.before);
	g_free(m.match);
	g_free(m.after);
	return ok;
}

bool blind_each_evidence(struct blind *b, struct store *st, const char *key,
			 store_evidence_fn fn, void *data, GError **err)
{
	struct ev_pass p = { b, fn, data };

	if (!b)
		return store_each_evidence(st, key, fn, data, err);
	return store_each_evidence(st, key, masked_row, &p, err);
}

void blind_documents(struct blind *b, const char *key, GPtrArray *docs)
{
	struct who *w;

	if (!b || !docs)
		return;
	w = who_of(b, key);
	for (guint i = 0; i < docs->len; i++) {
		struct store_document_row *d = docs->pdata[i];

		set(&d->error, mask(b, w, d->error));
		set(&d->warnings, mask(b, w, d->warnings));
		set(&d->path, doc_label(w, d->path));
	}
}

void blind_facts(struct blind *b, const char *key, GPtrArray *facts)
{
	struct who *w;

	if (!b || !facts)
		return;
	w = who_of(b, key);
	for (guint i = 0; i < facts->len; i++) {
		struct store_facts_row *f = facts->pdata[i];

		set(&f->path, doc_label(w, f->path));
		/* the dates of each job say when a career began */
		set(&f->merged, g_strdup(""));
		set(&f->merged_relevant, g_strdup(""));
		set(&f->degree, mask(b, w, f->degree));
		set(&f->field, mask(b, w, f->field));
		set(&f->certifications, mask(b, w, f->certifications));
		set(&f->spelling, mask(b, w, f->spelling));
	}
}

void blind_decisions(struct blind *b, const char *key, GPtrArray *rows)
{
	if (!b || !rows)
		return;
	for (guint i = 0; i < rows->len; i++) {
		struct store_decision_row *d = rows->pdata[i];

		set(&d->note, mask_note(b, key, d->note));
	}
}

void blind_errors(struct blind *b, GPtrArray *rows)
{
	if (!b || !rows)
		return;
	for (guint i = 0; i < rows->len; i++) {
		struct store_error_row *e = rows->pdata[i];
		struct who *w = who_of(b, e->key);
		g_autofree char *dlabel = doc_label(w, e->file);

		set(&e->reason, mask(b, w, e->reason));
		set(&e->file, w ? g_strdup_printf("%s, %s", w->label, dlabel) :
				  g_strdup(BLIND_MARK));
		set(&e->key, g_strdup(w ? w->label : BLIND_MARK));
	}
}
