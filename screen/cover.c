/*
 * cover.c - cover letters and personal statements (see cover.h).
 *
 * A cover letter is told from a resume by signals that add up: a
 * salutation ("Dear ..."), a closing ("Kind regards"), first-person prose,
 * no date ranges, the caller's file-name hint; labelled resume sections
 * and many date ranges count against.  Relevance is the role named and
 * the spread of domain terms, so a letter that says "integration" once
 * scores lower than one that talks about endpoints, mapping and brokers.
 * Must not decide anything about the resume beside it.
 */
#include <string.h>

#include "cover.h"
#include "dates.h"
#include "scan.h"
#include "sections.h"

/* Signals needed to call a document a cover letter. */
#define COVER_THRESHOLD 3
/* Distinct domain terms that make full relevance. */
#define TERMS_FULL 3
/* Words a line needs to be prose, the start of an untitled statement. */
#define PROSE_WORDS 8
/* Words a statement needs to describe work rather than name a title. */
#define STATEMENT_WORDS 8
/* Words at a statement's start that say who its author is. */
#define WHO_WORDS 6

static const char *const salutations[] = {
	"dear", "to whom it may concern", "hello hiring", "hi hiring",
	"greetings",
};

static const char *const closings[] = {
	"sincerely", "yours sincerely", "yours faithfully", "kind regards",
	"best regards", "warm regards", "regards", "best wishes",
	"respectfully", "yours truly", "many thanks", "with thanks",
	"thank you for your", "i look forward",
};

static const char *const first_person[] = {
	"i", "my", "me", "i'm", "i've", "i am", "myself",
};

static const char *const role_terms[] = {
	"integration engineer", "integration engineering",
	"integration lead", "integration", "integrations",
};

static const char *const default_terms[] = {
	"api", "apis", "rest", "soap", "endpoint", "endpoints",
	"middleware", "mapping", "payload", "payloads", "message broker",
	"kafka", "rabbitmq", "api gateway", "authentication", "oauth",
	"monitoring", "runbook", "runbooks", "data integrity", "esb",
	"mulesoft", "webhook", "etl", "synchronisation", "synchronization",
	"alerting", "health checks", "schema", "transformation",
};

static bool line_starts_with(const char *t, uint32_t len,
			     const char *const *words, size_t n,
			     bool first_only, struct span *at)
{
	uint32_t ls, le, s, e;
	size_t i;

	for (ls = 0; ls < len; ls = le + 1) {
		le = scan_line_end(t, len, ls);
		s = ls;
		e = le;
		scan_trim(t, &s, &e);
		if (s == e)
			continue;
		for (i = 0; i < n; i++)
			if (scan_word_at(t, e, s, words[i])) {
				*at = (struct span){ s, e };
				return true;
			}
		if (first_only && ls > 2000)
			break;
	}
	return false;
}

double cover_relevance(const char *t, uint32_t s, uint32_t e,
		       const struct facts_config *cfg, GArray *mentions)
{
	const GPtrArray *terms = cfg ? cfg->domain_terms : NULL;
	const char *const *words = default_terms;
	size_t n = G_N_ELEMENTS(default_terms), i, found;
	uint32_t role_at[G_N_ELEMENTS(role_terms)], *first;
	bool role = false;

	if (terms && terms->len) {
		words = (const char *const *)terms->pdata;
		n = terms->len;
	}
	scan_find_each(t, s, e, role_terms, G_N_ELEMENTS(role_terms), role_at);
	for (i = 0; i < G_N_ELEMENTS(role_terms) && !role; i++)
		if (role_at[i] != G_MAXUINT32) {
			role = true;
			if (mentions)
				g_array_append_val(mentions, ((struct span){
					role_at[i], role_at[i] +
					(uint32_t)strlen(role_terms[i]) }));
		}
	first = g_new(uint32_t, n);
	found = scan_find_each(t, s, e, words, n, first);
	for (i = 0; mentions && i < n; i++)
		if (first[i] != G_MAXUINT32)
			g_array_append_val(mentions, ((struct span){
				first[i], first[i] + (uint32_t)strlen(words[i]) }));
	g_free(first);
	return (role ? 0.4 : 0.0) +
	       0.6 * (found >= TERMS_FULL ? 1.0 : (double)found / TERMS_FULL);
}

/* Words in [s, e). */
static unsigned count_words(const char *t, uint32_t s, uint32_t e)
{
	unsigned n = 0;

	while (s < e) {
		while (s < e && !scan_is_word((unsigned char)t[s]))
			s++;
		if (s >= e)
			break;
		n++;
		while (s < e && (scan_is_word((unsigned char)t[s]) ||
				 t[s] == '\'' || t[s] == '-'))
			s++;
	}
	return n;
}

/* A line of contact details or links, not prose. */
static bool contact_line(const char *t, uint32_t s, uint32_t e)
{
	static const char *const marks[] = { "@", "http", "www.", "|" };
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(marks); i++)
		if (g_strstr_len(t + s, e - s, marks[i]))
			return true;
	return false;
}

/* The statement of a resume without a summary heading: the first prose
 * paragraph of the text before the first heading, after the name and
 * the contact lines and before the first date range ("Staff engineer
 * with eight years of ...").  Lines that follow it with a few words each
 * continue it. */
static bool lead_paragraph(const char *t, uint32_t end, struct span *out)
{
	struct date_range r;
	uint32_t ls, le, s, e;
	bool in = false;

	/* A statement comes before the work it sums up: nothing after the
	 * first date range is one. */
	if (dates_next(t, 0, end, 2100, &r))
		end = scan_line_start(t, r.span.start, 4096);
	for (ls = 0; ls < end; ls = le + 1) {
		unsigned words;

		le = scan_line_end(t, end, ls);
		s = ls;
		e = le;
		scan_trim(t, &s, &e);
		words = count_words(t, s, e);
		if (!in) {
			if (words >= PROSE_WORDS && !contact_line(t, s, e)) {
				in = true;
				out->start = s;
				out->end = e;
			}
			continue;
		}
		if (words < 3 || contact_line(t, s, e))
			break;
		out->end = e;
	}
	return in;
}

/* An objective or a student's profile speaks of what its author wants or
 * studies, not of work done: it is no statement, however many terms it
 * names ("Computer science student with knowledge of Java", "Seeking a
 * full-time position").  A student, or another trade ("sales leader in
 * enterprise software"), is known from the first sentence; an objective
 * is forgiven when the statement counts years of work ("seeking new
 * challenges after 15 years of backend work").  A headline of a few words
 * ("Integration developer focused on Azure") is a title, not a
 * statement. */
static bool generic_statement(const char *t, uint32_t s, uint32_t e)
{
	static const char *const student[] = {
		"student", "students", "undergraduate", "pupil",
	};
	static const char *const objective[] = {
		"seeking", "looking for", "to obtain", "to secure", "to gain",
		"objective", "aspiring",
	};
	static const char *const trade[] = {
		"sales", "selling", "marketing", "recruiter", "recruiting",
		"accountant", "accounting", "bookkeeper", "teacher", "nurse",
	};
	static const char *const worked[] = { "years", "yrs", "decade" };
	uint32_t p, q;
	unsigned n;

	if (count_words(t, s, e) < STATEMENT_WORDS)
		return true;
	/* The first sentence: from the first word (past an underline of
	 * "=" or "-") to a full stop or a blank line; lines wrap inside. */
	while (s < e && !scan_is_word((unsigned char)t[s]))
		s++;
	for (p = s; p < e && t[p] != '.' && t[p] != '!' && t[p] != '?' &&
		    !(t[p] == '\n' && p + 1 < e && t[p + 1] == '\n'); p++)
		;
	/* Who the author is stands in the sentence's first words ("Sales
	 * leader in ..."); "... integrations for the sales team" further on
	 * is work. */
	q = s;
	for (n = 0; q < p && n < WHO_WORDS; n++) {
		while (q < p && !scan_is_word((unsigned char)t[q]))
			q++;
		while (q < p && scan_is_word((unsigned char)t[q]))
			q++;
	}
	if (scan_has_any(t, s, q, student, G_N_ELEMENTS(student)) ||
	    scan_has_any(t, s, q, trade, G_N_ELEMENTS(trade)))
		return true;
	return scan_has_any(t, s, p, objective, G_N_ELEMENTS(objective)) &&
	       !scan_has_any(t, s, e, worked, G_N_ELEMENTS(worked));
}

/* First-person words per hundred words of [0, len). */
static double first_person_rate(const char *t, uint32_t len)
{
	unsigned words = 0, fp = 0;
	unsigned char c;
	uint32_t p = 0;
	size_t i;

	while (p < len) {
		while (p < len && !scan_is_word((unsigned char)t[p]))
			p++;
		if (p >= len)
			break;
		words++;
		/* Every first-person word starts with 'i' or 'm'. */
		c = scan_lower(t[p]);
		for (i = 0; (c == 'i' || c == 'm') &&
			    i < G_N_ELEMENTS(first_person); i++)
			if (scan_word_at(t, len, p, first_person[i])) {
				fp++;
				break;
			}
		while (p < len && (scan_is_word((unsigned char)t[p]) ||
				   t[p] == '\''))
			p++;
	}
	return words ? 100.0 * fp / words : 0;
}

void cover_analyse(const struct doc *d, const GArray *sections,
		   const struct facts_config *cfg, struct cover *c)
{
	struct date_range r;
	const char *t;
	uint32_t len, p;
	unsigned ranges = 0, labelled = 0, lines = 0;
	guint i;

	memset(c, 0, sizeof(*c));
	c->mentions = g_array_new(FALSE, FALSE, sizeof(struct span));
	c->statement_mentions = g_array_new(FALSE, FALSE,
					    sizeof(struct span));
	if (!d->text || !d->text->len)
		return;
	t = d->text->str;
	len = d->text->len;
	if (line_starts_with(t, len, salutations, G_N_ELEMENTS(salutations),
			     true, &c->salutation))
		c->signals += 2;
	if (line_starts_with(t, len, closings, G_N_ELEMENTS(closings), false,
			     &c->closing))
		c->signals += 2;
	if (first_person_rate(t, len) >= 3.0)
		c->signals += 1;
	for (p = 0; ranges < 3 && dates_next(t, p, len, 2100, &r);
	     p = r.span.end)
		ranges++;
	if (ranges == 0)
		c->signals += 1;
	else if (ranges >= 3)
		c->signals -= 2;
	for (i = 0; i < sections->len; i++) {
		const struct section *s =
			&g_array_index(sections, struct section, i);

		if (section_is_standard(s->kind) && s->kind != SECTION_SUMMARY)
			labelled++;
	}
	if (labelled >= 2)
		c->signals -= 2;
	for (p = 0; p < len; p = scan_line_end(t, len, p) + 1)
		lines++;
	if (lines && len / lines > 80)
		c->signals += 1;	/* paragraphs, not lists */
	if (cfg && cfg->cover_name_hint)
		c->signals += 3;
	c->is_cover = c->signals >= COVER_THRESHOLD;
	if (c->is_cover) {
		/* The letter's own words, between the salutation and the
		 * closing: the letterhead (the sender's title, the subject
		 * line) says nothing of what the letter knows. */
		uint32_t bs = c->salutation.end > c->salutation.start ?
			      c->salutation.end : 0;
		uint32_t be = c->closing.start > bs ? c->closing.start : len;

		c->relevance = cover_relevance(t, bs, be, cfg, c->mentions);
	}
	for (i = 0; i < sections->len && !c->has_statement; i++) {
		const struct section *s =
			&g_array_index(sections, struct section, i);

		if (s->kind != SECTION_SUMMARY)
			continue;
		c->has_statement = true;
		c->statement = s->body;
	}
	if (!c->has_statement && !c->is_cover) {
		const struct section *s0 = sections->len ?
			&g_array_index(sections, struct section, 0) : NULL;
		uint32_t end = s0 && s0->kind == SECTION_UNKNOWN &&
			       sections->len > 1 ? s0->body.end : len;

		c->has_statement = lead_paragraph(t, end, &c->statement);
	}
	if (c->has_statement && !generic_statement(t, c->statement.start,
						   c->statement.end))
		c->statement_relevance = cover_relevance(
			t, c->statement.start, c->statement.end, cfg,
			c->statement_mentions);
}

void cover_release(struct cover *c)
{
	if (c->mentions)
		g_array_unref(c->mentions);
	if (c->statement_mentions)
		g_array_unref(c->statement_mentions);
	memset(c, 0, sizeof(*c));
}
