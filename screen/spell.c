/*
 * spell.c - hunspell behind a process-wide cache (see spell.h).
 *
 * A dictionary is one or more hunspell bases ("en_US:en_GB": a word is
 * right when any of them knows it, so British spellings are not
 * mistakes).  Each is made on first use and kept for the life of the
 * process (loading costs tens of milliseconds; a batch checks thousands
 * of documents).  Hunspell is not documented as
 * thread-safe, so every call into it holds one mutex; a cache of words
 * already decided (capped) keeps the lock short.  Must not touch
 * anything but words: the fact finders decide what a finding means.
 */
#include <string.h>
#include <unistd.h>
#include <hunspell.h>

#include "facts.h"
#include "scan.h"
#include "spell.h"

/* en_GB is optional: used when installed. */
#define DEFAULT_DICT "/usr/share/hunspell/en_US:/usr/share/hunspell/en_GB"
#define DICT_BASES 4
/* Words remembered per dictionary before the cache starts over. */
#define CACHE_MAX 65536
/* Longer "words" are not words. */
#define WORD_MAX 64

struct dict {
	Hunhandle *h[DICT_BASES];	/* those whose files were there */
	unsigned n;
	GHashTable *seen;	/* word -> GINT_TO_POINTER(1 ok, 2 wrong) */
};

/* Common words of the trade no general dictionary holds; the rule set's
 * allow-list adds its own. */
static const char *const trade_words[] = {
	"middleware", "runbook", "runbooks", "plc", "backend", "frontend",
	"devops", "microservice", "microservices", "kubernetes", "webhook",
	"webhooks", "json", "xml", "yaml", "repo", "repos", "config",
	"configs", "onboarding", "offboarding", "upskilling", "failover",
	"uptime", "hotfix", "hotfixes", "kanban", "serverless", "idempotent",
	"idempotency", "async", "realtime", "toolchain", "toolset",
	"codebase", "changelog", "rollout", "rollouts", "namespace",
	"namespaces", "schemas", "cybersecurity", "fintech", "ecommerce",
	"saas", "paas", "iaas", "cron", "cronjob", "multithreaded",
	"multithreading", "hackathon", "hackathons", "dataset", "datasets",
	"dev", "devs", "signup", "login", "logins", "scalability",
	"interoperability", "dockerized", "containerized", "orchestrator",
	"linux", "github", "gitlab", "jira", "postgres", "mysql", "nosql",
	"oauth", "saml", "jwt", "ldap", "sftp", "ftp", "http", "https",
	"api", "apis", "sdk", "sdks", "url", "urls", "ui", "ux", "etl",
	"elt", "esb", "soa", "crm", "erp", "sso", "mfa", "subdomain",
	"whitelisting", "allowlist", "denylist", "geo", "analytics",
	"ipaas", "mulesoft", "boomi", "integrations", "tooling",
};

static GMutex lock;
static GHashTable *dicts;	/* base path -> struct dict * */
static double load_ms;

/* The dictionary for bases ("a:b"), loading it on first use.  Call
 * with lock held. */
static struct dict *dict_get(const char *bases)
{
	struct dict *d;
	g_auto(GStrv) parts = NULL;
	gint64 t0;
	guint i;

	if (!bases)
		bases = DEFAULT_DICT;
	if (!dicts)
		dicts = g_hash_table_new(g_str_hash, g_str_equal);
	d = g_hash_table_lookup(dicts, bases);
	if (d)
		return d;
	d = g_new0(struct dict, 1);
	parts = g_strsplit(bases, ":", DICT_BASES + 1);
	t0 = g_get_monotonic_time();
	for (i = 0; parts[i] && d->n < DICT_BASES; i++) {
		g_autofree char *aff = g_strconcat(parts[i], ".aff", NULL);
		g_autofree char *dic = g_strconcat(parts[i], ".dic", NULL);

		if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0)
			d->h[d->n++] = Hunspell_create(aff, dic);
	}
	if (load_ms == 0)
		load_ms = (g_get_monotonic_time() - t0) / 1000.0;
	d->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					NULL);
	g_hash_table_insert(dicts, g_strdup(bases), d);
	return d;
}

bool spell_load(const char *bases)
{
	bool ok;

	g_mutex_lock(&lock);
	ok = dict_get(bases)->n > 0;
	g_mutex_unlock(&lock);
	return ok;
}

double spell_load_ms(void)
{
	double ms;

	g_mutex_lock(&lock);
	ms = load_ms;
	g_mutex_unlock(&lock);
	return ms;
}

static bool allowed(const char *w, size_t len, const GPtrArray *allow)
{
	guint i;

	for (i = 0; i < G_N_ELEMENTS(trade_words); i++)
		if (strlen(trade_words[i]) == len &&
		    g_ascii_strncasecmp(trade_words[i], w, len) == 0)
			return true;
	for (i = 0; allow && i < allow->len; i++) {
		const char *a = g_ptr_array_index(allow, i);

		if (a && strlen(a) == len && g_ascii_strncasecmp(a, w, len) == 0)
			return true;
	}
	return false;
}

/* In the dictionary?  Call with lock held. */
static bool dict_ok(struct dict *d, const char *w)
{
	gpointer v = g_hash_table_lookup(d->seen, w);
	unsigned i;
	bool ok;

	if (v)
		return GPOINTER_TO_INT(v) == 1;
	for (i = 0, ok = false; i < d->n && !ok; i++)
		ok = Hunspell_spell(d->h[i], w) != 0;
	if (g_hash_table_size(d->seen) >= CACHE_MAX)
		g_hash_table_remove_all(d->seen);
	g_hash_table_insert(d->seen, g_strdup(w), GINT_TO_POINTER(ok ? 1 : 2));
	return ok;
}

bool spell_word_ok(const char *base, const char *word, size_t len,
		   const GPtrArray *allow)
{
	char buf[WORD_MAX + 1];
	struct dict *d;
	bool ok;

	if (len == 0 || len > WORD_MAX)
		return true;
	memcpy(buf, word, len);
	buf[len] = 0;
	g_mutex_lock(&lock);
	d = dict_get(base);
	ok = !d->n || dict_ok(d, buf);
	g_mutex_unlock(&lock);
	return ok || allowed(word, len, allow);
}

/* Prefixes written with a hyphen ("pre-shift", "co-located") that no
 * dictionary holds as words of their own. */
static const char *const hyphen_prefixes[] = {
	"pre", "post", "re", "co", "non", "multi", "sub", "cross", "self",
	"inter", "intra", "semi", "anti", "de", "un", "ex", "mid", "bi",
	"tri", "micro", "macro", "auto", "meta", "hyper", "e",
};

static bool hyphen_prefix(const char *t, uint32_t ws, uint32_t we,
			  uint32_t end)
{
	size_t i;

	if (we >= end || t[we] != '-')
		return false;
	for (i = 0; i < G_N_ELEMENTS(hyphen_prefixes); i++)
		if (strlen(hyphen_prefixes[i]) == we - ws &&
		    g_ascii_strncasecmp(t + ws, hyphen_prefixes[i],
					we - ws) == 0)
			return true;
	return false;
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* A token (between spaces) that is an address, not words. */
static bool is_address(const char *t, uint32_t s, uint32_t e)
{
	uint32_t i;

	for (i = s; i < e; i++) {
		if (t[i] == '@' || t[i] == '/' || t[i] == '\\')
			return true;
		/* "example.com", "node.js": a dot between letters */
		if (t[i] == '.' && i > s && i + 1 < e &&
		    g_ascii_isalpha(t[i - 1]) && g_ascii_isalpha(t[i + 1]))
			return true;
	}
	return false;
}

/* The length of the word character at p (a letter, a digit, an
 * apostrophe, "’"), 0 for anything else: bullets, dashes, emoji and
 * quotes glued to a word ("•Python", "“cloud”") are not part of it. */
static uint32_t word_char(const char *t, uint32_t p, uint32_t end)
{
	gunichar u;
	const char *n;

	if ((unsigned char)t[p] < 0x80)
		return g_ascii_isalnum(t[p]) || t[p] == '\'';
	u = g_utf8_get_char_validated(t + p, end - p);
	if (u == (gunichar)-1 || u == (gunichar)-2)
		return 0;
	if (!g_unichar_isalnum(u) && u != 0x2019 && !g_unichar_ismark(u))
		return 0;
	n = g_utf8_next_char(t + p);
	return (uint32_t)(n - (t + p));
}

/* A line of prose, not an item of a list ("Canva and Figma"): it ends
 * a sentence or runs long. */
static bool prose_line(const char *t, uint32_t end, uint32_t s)
{
	uint32_t e = s, n = 0;

	while (e < end && t[e] != '\n' && n < 80) {
		e++;
		n++;
	}
	if (n >= 60)
		return true;
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '"'))
		e--;
	return e > s && strchr(".!?", t[e - 1]) != NULL;
}

/* Does a sentence start at s?  After ". ", "! ", "? ", or as the first
 * word of a line of prose (after any bullet). */
static bool sentence_start(const char *t, uint32_t start, uint32_t end,
			   uint32_t s)
{
	uint32_t p = s;

	while (p > start && (t[p - 1] == ' ' || t[p - 1] == '\t'))
		p--;
	if (p == start || t[p - 1] == '\n' ||
	    (p >= start + 3 && memcmp(t + p - 3, "\xe2\x80\xa2", 3) == 0))
		return prose_line(t, end, s);
	return strchr(".!?:-", t[p - 1]) != NULL;
}

/* The next word after e starts with a small letter. */
static bool next_is_small(const char *t, uint32_t e, uint32_t end)
{
	while (e < end && t[e] == ' ')
		e++;
	return e < end && g_ascii_islower(t[e]);
}

/* Short words that are frequent in one language and rare in the
 * others: enough to tell which language a resume is written in. */
static const struct {
	const char *lang;
	const char *words[12];
} lang_words[] = {
	{ "en", { "the", "and", "of", "to", "in", "with", "for", "on",
		  "as", "at", "by", "from" } },
	{ "de", { "und", "der", "die", "das", "mit", "f\xc3\xbcr", "von",
		  "bei", "ich", "ein", "eine", "im" } },
	{ "es", { "y", "de", "la", "el", "en", "con", "para", "los",
		  "las", "del", "una", "por" } },
	{ "fr", { "et", "le", "la", "les", "des", "du", "pour", "avec",
		  "une", "dans", "sur", "au" } },
	{ "pt", { "e", "de", "da", "do", "em", "com", "para", "os", "das",
		  "dos", "uma", "na" } },
	{ "it", { "e", "di", "il", "la", "per", "con", "che", "del",
		  "della", "una", "nel", "gli" } },
	{ "nl", { "en", "van", "de", "het", "een", "met", "voor", "op",
		  "bij", "ik", "aan", "te" } },
};

const char *spell_language(const char *t, uint32_t start, uint32_t end)
{
	unsigned hits[G_N_ELEMENTS(lang_words)] = { 0 }, best = 0;
	uint32_t p = start, ws;
	size_t i, k;

	while (p < end) {
		while (p < end && !g_ascii_isalpha(t[p]) &&
		       (unsigned char)t[p] < 0x80)
			p++;
		ws = p;
		while (p < end && (g_ascii_isalpha(t[p]) ||
				   (unsigned char)t[p] >= 0x80))
			p++;
		if (p - ws > 7 || p == ws)
			continue;
		for (i = 0; i < G_N_ELEMENTS(lang_words); i++)
			for (k = 0; k < G_N_ELEMENTS(lang_words[i].words) &&
				    lang_words[i].words[k]; k++)
				if (strlen(lang_words[i].words[k]) == p - ws &&
				    !g_ascii_strncasecmp(t + ws,
							 lang_words[i].words[k],
							 p - ws))
					hits[i]++;
	}
	for (i = 1; i < G_N_ELEMENTS(lang_words); i++)
		if (hits[i] > hits[best])
			best = i;
	/* Too few to tell, or English not clearly beaten: English (a
	 * list of skills has no function words at all). */
	if (hits[best] < 6 || hits[best] < 2 * hits[0])
		return "en";
	return lang_words[best].lang;
}

/* "integ-" at the end of a line and "ration" starting the next: the
 * word the line break split, or 0.  *next_end gets the end of the
 * second half. */
static bool hyphen_split(const char *t, uint32_t end, uint32_t ws,
			 uint32_t we, char *buf, uint32_t *next_end)
{
	uint32_t p = we, s, e;
	size_t n1;

	if (p + 2 >= end || t[p] != '-' || t[p + 1] != '\n' ||
	    !g_ascii_islower(t[p + 2]))
		return false;
	s = p + 2;
	for (e = s; e < end && g_ascii_isalpha(t[e]); e++)
		;
	n1 = we - ws;
	if (n1 + (e - s) > WORD_MAX)
		return false;
	memcpy(buf, t + ws, n1);
	memcpy(buf + n1, t + s, e - s);
	buf[n1 + (e - s)] = 0;
	*next_end = e;
	return true;
}

/* Is the word [ws, we) one the document itself vouches for (its skills
 * lists, its writer's addresses), or a handle made of the writer's
 * name ("janeroe82")? */
static bool known_word(GHashTable *known, const char *w, size_t len)
{
	char buf[WORD_MAX + 1];
	GHashTableIter it;
	gpointer key;
	size_t i;

	if (!known || len > WORD_MAX)
		return false;
	for (i = 0; i < len; i++)
		buf[i] = scan_lower(w[i]);
	buf[len] = 0;
	if (g_hash_table_contains(known, buf))
		return true;
	g_hash_table_iter_init(&it, known);
	while (g_hash_table_iter_next(&it, &key, NULL)) {
		const char *k = key;

		if (k[0] == '@' && strstr(buf, k + 1))
			return true;
	}
	return false;
}

void spell_known_add_name(GHashTable *known, const char *name)
{
	uint32_t p = 0, ws, len = name ? strlen(name) : 0;

	while (p < len) {
		while (p < len && !g_ascii_isalpha(name[p]))
			p++;
		ws = p;
		while (p < len && g_ascii_isalpha(name[p]))
			p++;
		if (p - ws >= 4) {
			g_autofree char *w = g_ascii_strdown(name + ws, p - ws);

			g_hash_table_add(known, g_strconcat("@", w, NULL));
		}
	}
}

/* Two words run together: a closed compound of the trade
 * ("autoscaling", "datacenter") or a hyphen the text lost
 * ("multiaccount"), not a misspelling.  Each part has four letters
 * or more, or the first is a prefix ("alot" stays a mistake).  Call
 * with lock held. */
static bool compound(struct dict *d, const char *w, size_t len,
		     const GPtrArray *allow)
{
	char a[WORD_MAX + 1], b[WORD_MAX + 1];
	size_t i;

	if (len < 6 || len > WORD_MAX)
		return false;
	for (i = 2; i + 4 <= len; i++) {
		size_t k;

		/* Parts of four letters or more, or a prefix first
		 * ("reindexing"): "exist" + "ant" is no compound. */
		if (i < 4) {
			for (k = 0; k < G_N_ELEMENTS(hyphen_prefixes); k++)
				if (strlen(hyphen_prefixes[k]) == i &&
				    !g_ascii_strncasecmp(w, hyphen_prefixes[k],
							 i))
					break;
			if (k == G_N_ELEMENTS(hyphen_prefixes))
				continue;
		}
		memcpy(a, w, i);
		a[i] = 0;
		memcpy(b, w + i, len - i);
		b[len - i] = 0;
		if ((dict_ok(d, a) || allowed(a, i, allow)) &&
		    (dict_ok(d, b) || allowed(b, len - i, allow)))
			return true;
	}
	return false;
}

void spell_known_add(GHashTable *known, const char *t, uint32_t start,
		     uint32_t end)
{
	uint32_t p = start, ws, n;

	while (p < end) {
		while (p < end && !word_char(t, p, end))
			p++;
		ws = p;
		while (p < end && t[p] != '\'' && (n = word_char(t, p, end)))
			p += n;
		if (p - ws >= 2 && p - ws <= WORD_MAX) {
			char *w = g_ascii_strdown(t + ws, p - ws);

			g_hash_table_add(known, w);
		}
		if (p == ws)
			p++;
	}
}

/* The installed dictionary for a language other than English
 * ("/usr/share/hunspell/de_DE"), or NULL. */
static char *dict_for(const char *lang)
{
	static const char *const regions[] = {
		"DE", "ES", "FR", "PT", "BR", "IT", "NL", "AT", "CH", "MX",
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(regions); i++) {
		g_autofree char *b = g_strdup_printf(
			"/usr/share/hunspell/%s_%s", lang, regions[i]);
		g_autofree char *aff = g_strconcat(b, ".aff", NULL);

		if (access(aff, R_OK) == 0)
			return g_steal_pointer(&b);
	}
	return NULL;
}

void spell_check(const char *t, uint32_t start, uint32_t end,
		 const char *base, const GPtrArray *allow, GHashTable *known,
		 struct spell_result *r)
{
	g_autofree char *lang_base = NULL;
	struct dict *dict;
	uint32_t p = start, ts, te, ws, we, i, n;

	memset(r, 0, sizeof(*r));
	r->errors = g_array_new(FALSE, FALSE, sizeof(struct span));
	/* The default dictionary is English; a resume in another language
	 * is checked in it when its dictionary is installed, else not at
	 * all (every word would be a mistake). */
	r->language = base ? NULL : spell_language(t, start, end);
	if (r->language && strcmp(r->language, "en") != 0) {
		lang_base = dict_for(r->language);
		r->skipped = !lang_base;
		base = lang_base;
	}
	g_mutex_lock(&lock);
	dict = dict_get(base);
	g_mutex_unlock(&lock);
	r->available = dict->n > 0 && !r->skipped;
	while (p < end) {
		while (p < end && is_space(t[p]))
			p++;
		ts = p;
		while (p < end && !is_space(t[p]))
			p++;
		te = p;
		if (ts == te)
			continue;
		if (is_address(t, ts, te))
			continue;
		for (ws = ts; ws < te; ws = we) {
			bool digit = false, upper = false, lower = false;
			bool camel = false, first_upper;
			char buf[WORD_MAX + 1];
			bool ok;

			while (ws < te && !word_char(t, ws, te))
				ws++;
			we = ws;
			while (we < te && (n = word_char(t, we, te)))
				we += n;
			/* Quotes around a word are not part of it. */
			while (ws < we && t[ws] == '\'')
				ws++;
			while (we > ws && t[we - 1] == '\'')
				we--;
			if (we - ws >= 2 && t[we - 2] == '\'' &&
			    (t[we - 1] == 's' || t[we - 1] == 'S'))
				we -= 2;
			if (we - ws >= 4 &&
			    memcmp(t + we - 4, "\xe2\x80\x99s", 4) == 0)
				we -= 4;
			if (ws >= we) {
				we = ws + 1;
				continue;
			}
			for (i = ws; i < we; i++) {
				unsigned char c = t[i];

				if (g_ascii_isdigit(c))
					digit = true;
				else if (g_ascii_isupper(c)) {
					if (lower)
						camel = true;
					upper = true;
				} else if (g_ascii_islower(c))
					lower = true;
			}
			if (!upper && !lower && !digit)
				continue;	/* not a word of letters */
			r->words++;
			first_upper = g_ascii_isupper(t[ws]);
			if (digit || camel || we - ws < 2 ||
			    we - ws > WORD_MAX || (upper && !lower) ||
			    hyphen_prefix(t, ws, we, te))
				continue;
			if (first_upper &&
			    !(sentence_start(t, start, end, ws) &&
			      next_is_small(t, we, te < end ? end : te)))
				continue;
			/* The second half of a word split at a line's end
			 * was read with its first. */
			if (ws >= 2 && t[ws - 1] == '\n' && t[ws - 2] == '-' &&
			    lower && !upper)
				continue;
			r->checked++;
			if (!r->available)
				continue;
			if (known_word(known, t + ws, we - ws))
				continue;
			/* "integ-" + "ration" across a line break: the
			 * whole word is checked, once. */
			if (hyphen_split(t, end, ws, we, buf, &n)) {
				g_mutex_lock(&lock);
				ok = dict_ok(dict, buf);
				g_mutex_unlock(&lock);
				if (ok || allowed(buf, strlen(buf), allow)) {
					p = we = n;
					te = n;
					while (p < end && !is_space(t[p]))
						p++;
					te = p;
					continue;
				}
			}
			memcpy(buf, t + ws, we - ws);
			buf[we - ws] = 0;
			g_mutex_lock(&lock);
			ok = dict_ok(dict, buf) ||
			     (lower && !upper &&
			      compound(dict, buf, we - ws, allow));
			g_mutex_unlock(&lock);
			if (ok || allowed(buf, we - ws, allow))
				continue;
			r->misspelt++;
			if (r->errors->len < SPELL_SPANS_MAX)
				g_array_append_val(r->errors,
						   ((struct span){ ws, we }));
		}
	}
	if (!r->available)
		r->checked = 0;
}

void spell_result_release(struct spell_result *r)
{
	if (r->errors)
		g_array_unref(r->errors);
	memset(r, 0, sizeof(*r));
}
