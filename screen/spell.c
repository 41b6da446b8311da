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

static bool word_byte(unsigned char c)
{
	return g_ascii_isalnum(c) || c >= 0x80 || c == '\'';
}

/* Does a sentence start at s?  First word of a line (after a bullet) or
 * after ". ", "! ", "? ". */
static bool sentence_start(const char *t, uint32_t start, uint32_t s)
{
	uint32_t p = s;

	while (p > start && (t[p - 1] == ' ' || t[p - 1] == '\t'))
		p--;
	if (p == start || t[p - 1] == '\n')
		return true;
	if (p >= start + 3 && memcmp(t + p - 3, "\xe2\x80\xa2", 3) == 0)
		return true;
	return strchr(".!?:-", t[p - 1]) != NULL;
}

/* The next word after e starts with a small letter. */
static bool next_is_small(const char *t, uint32_t e, uint32_t end)
{
	while (e < end && t[e] == ' ')
		e++;
	return e < end && g_ascii_islower(t[e]);
}

void spell_check(const char *t, uint32_t start, uint32_t end,
		 const char *base, const GPtrArray *allow,
		 struct spell_result *r)
{
	struct dict *dict;
	uint32_t p = start, ts, te, ws, we, i;

	memset(r, 0, sizeof(*r));
	r->errors = g_array_new(FALSE, FALSE, sizeof(struct span));
	g_mutex_lock(&lock);
	dict = dict_get(base);
	g_mutex_unlock(&lock);
	r->available = dict->n > 0;
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

			while (ws < te && !word_byte(t[ws]))
				ws++;
			we = ws;
			while (we < te && word_byte(t[we]))
				we++;
			/* Quotes around a word are not part of it. */
			while (ws < we && t[ws] == '\'')
				ws++;
			while (we > ws && t[we - 1] == '\'')
				we--;
			if (we - ws >= 2 && t[we - 2] == '\'' &&
			    (t[we - 1] == 's' || t[we - 1] == 'S'))
				we -= 2;
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
			    !(sentence_start(t, start, ws) &&
			      next_is_small(t, we, te < end ? end : te)))
				continue;
			r->checked++;
			if (!dict->n)
				continue;
			memcpy(buf, t + ws, we - ws);
			buf[we - ws] = 0;
			g_mutex_lock(&lock);
			ok = dict_ok(dict, buf);
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
