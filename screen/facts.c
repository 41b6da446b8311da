/*
 * facts.c - the table of named facts, their computation from the finders
 * (sections, dates, contacts, credentials, spell, cover) and their report.
 *
 * The one list of fact names is fact_names[] below, indexed by enum fact;
 * facts_number(), facts_spans() and facts_names() all read it.  Must not
 * know rules, scores or the store.
 */
#include <string.h>

#include "contacts.h"
#include "cover.h"
#include "credentials.h"
#include "dates.h"
#include "facts.h"
#include "scan.h"
#include "sections.h"
#include "spell.h"

/* Resume length bounds (words) for too_short and too_long. */
#define WORDS_SHORT 150
#define WORDS_LONG 2000

enum fact {
	F_SECTIONS_PRESENT,
	F_HAS_SUMMARY_SECTION,
	F_HAS_EXPERIENCE_SECTION,
	F_HAS_EDUCATION_SECTION,
	F_HAS_SKILLS_SECTION,
	F_HAS_CERTIFICATIONS_SECTION,
	F_MISSING_SECTIONS,
	F_HAS_HEADINGS,
	F_HAS_NAME,
	F_HAS_EMAIL,
	F_HAS_PHONE,
	F_HAS_LINKEDIN,
	F_HAS_GITHUB,
	F_HAS_URL,
	F_HAS_LOCATION,
	F_NO_CONTACT,
	F_YEARS_TOTAL,
	F_YEARS_RELEVANT,
	F_N_ROLES,
	F_DATE_PROBLEMS,
	F_GAP_MONTHS_MAX,
	F_MIXED_DATE_STYLES,
	F_DEGREE_LEVEL,
	F_CERTIFICATIONS,
	F_TRAININGS,
	F_WORDS,
	F_SPELLING_ERRORS,
	F_SPELLING_ERRORS_PER_100,
	F_SPELLING_ERRORS_PER_PAGE,
	F_SPELLING_SKIPPED,
	F_REPEATED_WORDS,
	F_INCONSISTENT_BULLETS,
	F_TEMPLATE_LEFTOVERS,
	F_BROKEN_CHARACTERS,
	F_TOO_SHORT,
	F_TOO_LONG,
	F_IS_COVER_LETTER,
	F_COVER_LETTER_RELEVANCE,
	F_STATEMENT_RELEVANCE,
	F_N
};

/* The names rules use; documented in facts.h.  NULL-terminated. */
static const char *const fact_names[F_N + 1] = {
	[F_SECTIONS_PRESENT] = "sections_present",
	[F_HAS_SUMMARY_SECTION] = "has_summary_section",
	[F_HAS_EXPERIENCE_SECTION] = "has_experience_section",
	[F_HAS_EDUCATION_SECTION] = "has_education_section",
	[F_HAS_SKILLS_SECTION] = "has_skills_section",
	[F_HAS_CERTIFICATIONS_SECTION] = "has_certifications_section",
	[F_MISSING_SECTIONS] = "missing_sections",
	[F_HAS_HEADINGS] = "has_headings",
	[F_HAS_NAME] = "has_name",
	[F_HAS_EMAIL] = "has_email",
	[F_HAS_PHONE] = "has_phone",
	[F_HAS_LINKEDIN] = "has_linkedin",
	[F_HAS_GITHUB] = "has_github",
	[F_HAS_URL] = "has_url",
	[F_HAS_LOCATION] = "has_location",
	[F_NO_CONTACT] = "no_contact",
	[F_YEARS_TOTAL] = "years_total",
	[F_YEARS_RELEVANT] = "years_relevant",
	[F_N_ROLES] = "n_roles",
	[F_DATE_PROBLEMS] = "date_problems",
	[F_GAP_MONTHS_MAX] = "gap_months_max",
	[F_MIXED_DATE_STYLES] = "mixed_date_styles",
	[F_DEGREE_LEVEL] = "degree_level",
	[F_CERTIFICATIONS] = "certifications",
	[F_TRAININGS] = "trainings",
	[F_WORDS] = "words",
	[F_SPELLING_ERRORS] = "spelling_errors",
	[F_SPELLING_ERRORS_PER_100] = "spelling_errors_per_100",
	[F_SPELLING_ERRORS_PER_PAGE] = "spelling_errors_per_page",
	[F_SPELLING_SKIPPED] = "spelling_skipped",
	[F_REPEATED_WORDS] = "repeated_words",
	[F_INCONSISTENT_BULLETS] = "inconsistent_bullets",
	[F_TEMPLATE_LEFTOVERS] = "template_leftovers",
	[F_BROKEN_CHARACTERS] = "broken_characters",
	[F_TOO_SHORT] = "too_short",
	[F_TOO_LONG] = "too_long",
	[F_IS_COVER_LETTER] = "is_cover_letter",
	[F_COVER_LETTER_RELEVANCE] = "cover_letter_relevance",
	[F_STATEMENT_RELEVANCE] = "statement_relevance",
	[F_N] = NULL,
};

struct facts {
	double num[F_N];
	bool has[F_N];
	GArray *ev[F_N];		/* struct span, never NULL */
	GArray *sec_ev[SECTION_N];	/* bodies per section kind */
	GArray *sections;		/* struct section */
	struct experience exp;
	struct contacts contacts;
	struct credentials cred;
	struct spell_result spell;
	struct cover cover;
};

static void set(struct facts *f, enum fact k, double v)
{
	f->num[k] = v;
	f->has[k] = true;
}

/* Evidence kept per fact: enough to show, bounded for hostile text. */
#define EVIDENCE_MAX 500

static void evidence(struct facts *f, enum fact k, struct span sp)
{
	if (f->ev[k]->len < EVIDENCE_MAX)
		g_array_append_val(f->ev[k], sp);
}

static void compute_sections(struct facts *f)
{
	static const struct {
		enum section_kind kind;
		enum fact fact;
	} has_tab[] = {
		{ SECTION_SUMMARY, F_HAS_SUMMARY_SECTION },
		{ SECTION_EXPERIENCE, F_HAS_EXPERIENCE_SECTION },
		{ SECTION_EDUCATION, F_HAS_EDUCATION_SECTION },
		{ SECTION_SKILLS, F_HAS_SKILLS_SECTION },
		{ SECTION_CERTIFICATIONS, F_HAS_CERTIFICATIONS_SECTION },
	};
	static const enum section_kind core[] = {
		SECTION_EXPERIENCE, SECTION_EDUCATION, SECTION_SKILLS,
	};
	bool seen[SECTION_N] = { 0 };
	unsigned present = 0, missing = 0;
	guint i;

	for (i = 0; i < f->sections->len; i++) {
		const struct section *s =
			&g_array_index(f->sections, struct section, i);

		g_array_append_val(f->sec_ev[s->kind], s->body);
		if (!section_is_standard(s->kind))
			continue;
		if (!seen[s->kind]) {
			present++;
			evidence(f, F_SECTIONS_PRESENT, s->heading);
		}
		seen[s->kind] = true;
	}
	set(f, F_SECTIONS_PRESENT, present);
	set(f, F_HAS_HEADINGS, present > 0);
	for (i = 0; i < G_N_ELEMENTS(has_tab); i++) {
		set(f, has_tab[i].fact, seen[has_tab[i].kind]);
	}
	for (i = 0; i < f->sections->len; i++) {
		const struct section *s =
			&g_array_index(f->sections, struct section, i);
		guint k;

		for (k = 0; k < G_N_ELEMENTS(has_tab); k++)
			if (has_tab[k].kind == s->kind)
				evidence(f, has_tab[k].fact, s->heading);
	}
	for (i = 0; i < G_N_ELEMENTS(core); i++)
		missing += !seen[core[i]];
	set(f, F_MISSING_SECTIONS, missing);
}

static void compute_experience(struct facts *f, const struct doc *d,
			       const struct facts_config *cfg)
{
	struct experience *x = &f->exp;
	int32_t gap_max = 0;
	unsigned counted = 0, styles;
	guint i;

	dates_experience(d, f->sections, cfg, x);
	for (i = 0; i < x->roles->len; i++) {
		const struct role *r = &g_array_index(x->roles, struct role, i);

		if (r->education)
			continue;
		if (r->range.problem) {
			evidence(f, F_DATE_PROBLEMS, r->range.span);
			continue;
		}
		counted++;
		evidence(f, F_YEARS_TOTAL, r->range.span);
		evidence(f, F_N_ROLES, r->title.end ? r->title : r->range.span);
		if (r->relevant)
			evidence(f, F_YEARS_RELEVANT, r->range.span);
	}
	set(f, F_N_ROLES, counted);
	set(f, F_DATE_PROBLEMS, x->problems);
	/* A resume whose roles carry no usable date has no counted years
	 * (undated claims count nothing); other documents have none to
	 * tell. */
	if (counted || f->num[F_HAS_EXPERIENCE_SECTION] ||
	    f->num[F_SECTIONS_PRESENT] >= 2) {
		set(f, F_YEARS_TOTAL, x->months_total / 12.0);
		set(f, F_YEARS_RELEVANT, x->months_relevant / 12.0);
	}
	for (i = 0; i < x->gaps->len; i++) {
		const struct date_interval *g =
			&g_array_index(x->gaps, struct date_interval, i);

		if (g->end - g->start > gap_max)
			gap_max = g->end - g->start;
	}
	set(f, F_GAP_MONTHS_MAX, gap_max);
	/* Ignore "present" and neutral forms; two real styles are mixed. */
	styles = x->styles & ~((1u << DATE_STYLE_PRESENT) |
			       (1u << DATE_STYLE_NONE) |
			       (1u << DATE_STYLE_SEASON));
	set(f, F_MIXED_DATE_STYLES, styles && (styles & (styles - 1)));
	if (f->num[F_MIXED_DATE_STYLES])
		for (i = 0; i < x->roles->len; i++) {
			const struct role *r =
				&g_array_index(x->roles, struct role, i);

			if (!r->education)
				evidence(f, F_MIXED_DATE_STYLES,
					 r->range.span);
		}
}

static void compute_contacts(struct facts *f, const struct doc *d)
{
	static const struct {
		enum contact_kind kind;
		enum fact fact;
	} tab[] = {
		{ CONTACT_NAME, F_HAS_NAME },
		{ CONTACT_EMAIL, F_HAS_EMAIL },
		{ CONTACT_PHONE, F_HAS_PHONE },
		{ CONTACT_LINKEDIN, F_HAS_LINKEDIN },
		{ CONTACT_GITHUB, F_HAS_GITHUB },
		{ CONTACT_URL, F_HAS_URL },
		{ CONTACT_LOCATION, F_HAS_LOCATION },
	};
	struct contacts *c = &f->contacts;
	size_t i;

	contacts_find(d, f->sections, c);
	for (i = 0; i < G_N_ELEMENTS(tab); i++) {
		set(f, tab[i].fact, c->value[tab[i].kind] != NULL);
		if (c->value[tab[i].kind])
			evidence(f, tab[i].fact, c->at[tab[i].kind]);
	}
	set(f, F_NO_CONTACT,
	    !c->value[CONTACT_EMAIL] && !c->value[CONTACT_PHONE]);
}

static void spans_to(struct facts *f, enum fact k, const GArray *spans)
{
	guint i;

	for (i = 0; i < spans->len; i++)
		evidence(f, k, g_array_index(spans, struct span, i));
}

static void compute_credentials(struct facts *f, const struct doc *d,
				const struct facts_config *cfg)
{
	struct credentials *c = &f->cred;

	credentials_find(d, f->sections, cfg, c);
	set(f, F_DEGREE_LEVEL, c->level);
	if (c->level)
		evidence(f, F_DEGREE_LEVEL, c->degree);
	set(f, F_CERTIFICATIONS, c->certs->len);
	spans_to(f, F_CERTIFICATIONS, c->certs);
	set(f, F_TRAININGS, c->trainings->len);
	spans_to(f, F_TRAININGS, c->trainings);
}

/* Words that may rightly be written twice in a row. */
static const char *const double_ok[] = { "had", "that", "is", "bye" };

static void repeated_words(struct facts *f, const char *t, uint32_t len)
{
	uint32_t p = 0, ps = 0, pe = 0, ws, we;
	unsigned n = 0;
	size_t i;

	while (p < len) {
		while (p < len && !g_ascii_isalpha(t[p]) &&
		       (unsigned char)t[p] < 0x80) {
			if (t[p] == '\n' || !(t[p] == ' ' || t[p] == '\t'))
				pe = 0;	/* only "word word" on one line */
			p++;
		}
		ws = p;
		while (p < len && (g_ascii_isalpha(t[p]) ||
				   (unsigned char)t[p] >= 0x80))
			p++;
		we = p;
		if (we == ws)
			continue;
		/* One letter twice is letter-spacing ("S K I L L S"). */
		if (pe && pe - ps == we - ws && we - ws > 1 &&
		    g_ascii_strncasecmp(t + ps, t + ws, we - ws) == 0) {
			for (i = 0; i < G_N_ELEMENTS(double_ok); i++)
				if (strlen(double_ok[i]) == we - ws &&
				    !g_ascii_strncasecmp(double_ok[i], t + ws,
							 we - ws))
					break;
			if (i == G_N_ELEMENTS(double_ok)) {
				evidence(f, F_REPEATED_WORDS,
					 (struct span){ ps, we });
				n++;
			}
		}
		ps = ws;
		pe = we;
	}
	set(f, F_REPEATED_WORDS, n);
}

/* Marks that start list lines.  Normalised text has U+2022 for every
 * bullet glyph, so a mix means "-" or "*" beside real bullets. */
static const char *const bullet_marks[] = {
	"\xe2\x80\xa2", "- ", "* ", "> ", "o ", "\xef\x82\xb7",
};

static void bullets(struct facts *f, const char *t, uint32_t len)
{
	unsigned count[G_N_ELEMENTS(bullet_marks)] = { 0 }, kinds = 0;
	struct span first[G_N_ELEMENTS(bullet_marks)] = { { 0, 0 } };
	size_t i, top = 0;
	uint32_t ls, le, s, e;

	for (ls = 0; ls < len; ls = le + 1) {
		le = scan_line_end(t, len, ls);
		s = ls;
		e = le;
		scan_trim(t, &s, &e);
		for (i = 0; i < G_N_ELEMENTS(bullet_marks); i++) {
			size_t n = strlen(bullet_marks[i]);

			if (e - s > n && memcmp(t + s, bullet_marks[i], n) == 0) {
				if (!count[i]++)
					first[i] = (struct span){ s, e };
				break;
			}
		}
	}
	for (i = 0; i < G_N_ELEMENTS(bullet_marks); i++) {
		/* One "o " line is a word, not a bullet style. */
		if (count[i] >= (i == 4 ? 2u : 1u))
			kinds++;
		if (count[i] > count[top])
			top = i;
	}
	set(f, F_INCONSISTENT_BULLETS, kinds > 1);
	if (kinds > 1)
		for (i = 0; i < G_N_ELEMENTS(bullet_marks); i++)
			if (count[i] && i != top)
				evidence(f, F_INCONSISTENT_BULLETS, first[i]);
}

/* Text a resume template ships with and its user was meant to replace:
 * placeholder employers and places, dummy numbers and addresses, filler
 * and the template's own instructions.  exact: case must match too
 * ("Company Name" is a placeholder, "the company name" is prose). */
static const struct {
	const char *text;
	bool exact;
} template_marks[] = {
	{ "lorem ipsum", false },
	{ "dolor sit amet", false },
	{ "blah blah", false },
	{ "000-00-0000", false },
	{ "XXX-XX-XXXX", false },
	{ "Company Name", true },
	{ "Company name", true },
	{ "City, State", true },
	{ "City , State", true },
	{ "City, Country", true },
	{ "Address Line 1", true },
	{ "Your Name", true },
	{ "Job Title Here", true },
	{ "[Company", true },
	{ "[company", true },
	{ "[Your", true },
	{ "[your", true },
	{ "[Job", true },
	{ "[Date", true },
	{ "Click here to", true },
	{ "Replace this text", false },
	{ "Type your", true },
	{ "Insert your", true },
	{ "Company 1", true },
	{ "Employer 1", true },
	{ "Firma 1", true },
	{ "Empresa 1", true },
};

/* Units a dummy number ("X+ users", "under Y ms") is followed by. */
static const char *const dummy_units[] = {
	"ms", "years", "months", "weeks", "days", "hours", "users",
	"requests", "customers", "clients", "people", "times", "percent",
	"million", "projects", "servers", "transactions",
};

/* "X+", "XX%", "Y ms": a letter standing for a number not filled in. */
static bool dummy_number(const char *t, uint32_t len, uint32_t p,
			 uint32_t *end)
{
	uint32_t e = p;
	size_t i;

	while (e < len && e - p < 3 && (t[e] == 'X' || t[e] == 'Y' ||
					t[e] == 'N'))
		e++;
	if (e == p || (e - p > 1 && t[p] != t[e - 1]))
		return false;
	if (p > 0 && (scan_is_word(t[p - 1]) || strchr("-./", t[p - 1])))
		return false;
	if (e < len && (t[e] == '+' || t[e] == '%')) {
		*end = e + 1;
		/* "X+" before a word, not "N+1" or a formula */
		return e + 2 < len && (t[e + 1] == ' ' || t[e + 1] == ',') &&
		       !g_ascii_isdigit(t[e + 2]);
	}
	if (e >= len || (t[e] != ' ' && t[e] != '\n'))
		return false;
	for (i = 0; i < G_N_ELEMENTS(dummy_units); i++)
		if (scan_word_at(t, len, e + 1, dummy_units[i])) {
			*end = e + 1 + strlen(dummy_units[i]);
			return true;
		}
	return false;
}

static void template_leftovers(struct facts *f, const char *t, uint32_t len)
{
	unsigned n = 0;
	uint32_t p, at, e;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(template_marks); i++) {
		const char *m = template_marks[i].text;
		size_t ml = strlen(m);

		for (p = 0; p < len && scan_find(t, p, len, m, &at);
		     p = at + ml) {
			if (template_marks[i].exact && memcmp(t + at, m, ml))
				continue;
			evidence(f, F_TEMPLATE_LEFTOVERS,
				 (struct span){ at, at + (uint32_t)ml });
			n++;
		}
	}
	for (p = 0; p < len; p++) {
		if ((t[p] != 'X' && t[p] != 'Y' && t[p] != 'N') ||
		    !dummy_number(t, len, p, &e))
			continue;
		evidence(f, F_TEMPLATE_LEFTOVERS, (struct span){ p, e });
		n++;
		p = e - 1;
	}
	set(f, F_TEMPLATE_LEFTOVERS, n);
}

/* Characters that show text decoded with the wrong encoding ("Ã©" for
 * "é", "â€™" for "'", "Â" before a space) or a character lost on the
 * way (U+FFFD).  A PDF's U+FFFD is a glyph its text layer has no
 * letter for, which the reader of the page never sees: not counted. */
static bool latin1_tail(gunichar u)
{
	return (u >= 0x80 && u <= 0xBF) || u == 0x20AC || u == 0x2122 ||
	       (u >= 0x2018 && u <= 0x201E) || u == 0x2044;
}

static void broken_characters(struct facts *f, const struct doc *d,
			      const char *t, uint32_t len)
{
	unsigned n = 0;
	const char *p = t, *end = t + len, *q;

	while (p < end) {
		gunichar u = g_utf8_get_char_validated(p, end - p), v;
		bool bad = false;

		if (u == (gunichar)-1 || u == (gunichar)-2) {
			p++;
			continue;
		}
		q = g_utf8_next_char(p);
		v = q < end ? g_utf8_get_char_validated(q, end - q) : 0;
		if (u == 0xFFFD)
			bad = d->format != DOC_FORMAT_PDF;
		else if (u == 0xC2)	/* "Â" before no letter */
			bad = v == (gunichar)-1 || v == (gunichar)-2 ||
			      !g_unichar_isalpha(v);
		else if (u == 0xC3 || u == 0xE2 || u == 0xEF)
			/* "ï1⁄4": NFKC has taken "¼" apart */
			bad = latin1_tail(v) ||
			      (g_ascii_isdigit(v) && q + 1 < end &&
			       g_str_has_prefix(q + 1, "\xe2\x81\x84"));
		if (bad) {
			evidence(f, F_BROKEN_CHARACTERS,
				 (struct span){ p - t, q - t });
			n++;
		}
		p = q;
	}
	set(f, F_BROKEN_CHARACTERS, n);
}

static void compute_quality(struct facts *f, const struct doc *d,
			    const struct facts_config *cfg)
{
	struct spell_result *r = &f->spell;
	const char *t = d->text ? d->text->str : "";
	uint32_t len = d->text ? d->text->len : 0;

	g_autoptr(GHashTable) known = g_hash_table_new_full(
		g_str_hash, g_str_equal, g_free, NULL);
	double pages;
	guint i;
	int k;

	/* The words of the document's own skills lists, and of its
	 * writer's name and addresses, are its vocabulary, not mistakes
	 * ("pyspark", "kubectl", a handle). */
	for (i = 0; i < f->sections->len; i++) {
		const struct section *s =
			&g_array_index(f->sections, struct section, i);

		if (s->kind == SECTION_SKILLS)
			spell_known_add(known, t, s->body.start, s->body.end);
	}
	spell_known_add_name(known, f->contacts.value[CONTACT_NAME]);
	for (k = 0; k < CONTACT_N; k++)
		if (f->contacts.value[k])
			spell_known_add(known, f->contacts.value[k], 0,
					strlen(f->contacts.value[k]));
	spell_check(t, 0, len, cfg ? cfg->dictionary : NULL,
		    cfg ? cfg->allow_words : NULL, known, r);
	set(f, F_WORDS, r->words);
	set(f, F_SPELLING_SKIPPED, r->skipped);
	/* A page holds about 500 words; a PDF says how many it has. */
	pages = d->pages ? d->pages : (r->words + 499) / 500;
	if (pages < 1)
		pages = 1;
	if (r->available) {
		set(f, F_SPELLING_ERRORS, r->misspelt);
		spans_to(f, F_SPELLING_ERRORS, r->errors);
		set(f, F_SPELLING_ERRORS_PER_PAGE, r->misspelt / pages);
		spans_to(f, F_SPELLING_ERRORS_PER_PAGE, r->errors);
		if (r->checked) {
			set(f, F_SPELLING_ERRORS_PER_100,
			    100.0 * r->misspelt / r->checked);
			spans_to(f, F_SPELLING_ERRORS_PER_100, r->errors);
		}
	}
	set(f, F_TOO_SHORT, r->words < WORDS_SHORT);
	set(f, F_TOO_LONG, r->words > WORDS_LONG);
	repeated_words(f, t, len);
	bullets(f, t, len);
	template_leftovers(f, t, len);
	broken_characters(f, d, t, len);
}

static void compute_cover(struct facts *f, const struct doc *d,
			  const struct facts_config *cfg)
{
	struct cover *c = &f->cover;

	cover_analyse(d, f->sections, cfg, c);
	set(f, F_IS_COVER_LETTER, c->is_cover);
	if (c->salutation.end)
		evidence(f, F_IS_COVER_LETTER, c->salutation);
	if (c->closing.end)
		evidence(f, F_IS_COVER_LETTER, c->closing);
	if (c->is_cover) {
		set(f, F_COVER_LETTER_RELEVANCE, c->relevance);
		spans_to(f, F_COVER_LETTER_RELEVANCE, c->mentions);
	}
	if (c->has_statement) {
		set(f, F_STATEMENT_RELEVANCE, c->statement_relevance);
		spans_to(f, F_STATEMENT_RELEVANCE, c->statement_mentions);
	}
}

struct facts *facts_compute(const struct doc *d,
			    const struct facts_config *cfg)
{
	struct facts *f = g_new0(struct facts, 1);
	int k;

	for (k = 0; k < F_N; k++)
		f->ev[k] = g_array_new(FALSE, FALSE, sizeof(struct span));
	for (k = 0; k < SECTION_N; k++)
		f->sec_ev[k] = g_array_new(FALSE, FALSE, sizeof(struct span));
	f->sections = sections_find(d);
	compute_sections(f);
	compute_experience(f, d, cfg);
	compute_contacts(f, d);
	compute_credentials(f, d, cfg);
	compute_quality(f, d, cfg);
	compute_cover(f, d, cfg);
	return f;
}

void facts_prepare(const struct facts_config *cfg)
{
	spell_load(cfg ? cfg->dictionary : NULL);
}

void facts_free(struct facts *f)
{
	int k;

	if (!f)
		return;
	for (k = 0; k < F_N; k++)
		g_array_unref(f->ev[k]);
	for (k = 0; k < SECTION_N; k++)
		g_array_unref(f->sec_ev[k]);
	g_array_unref(f->sections);
	dates_experience_release(&f->exp);
	contacts_release(&f->contacts);
	credentials_release(&f->cred);
	spell_result_release(&f->spell);
	cover_release(&f->cover);
	g_free(f);
}

static int fact_index(const char *name)
{
	int k;

	if (!name)
		return -1;
	for (k = 0; k < F_N; k++)
		if (strcmp(fact_names[k], name) == 0)
			return k;
	return -1;
}

bool facts_number(const struct facts *f, const char *name, double *out)
{
	int k = fact_index(name);

	if (!f || k < 0 || !f->has[k])
		return false;
	*out = f->num[k];
	return true;
}

const GArray *facts_spans(const struct facts *f, const char *name)
{
	enum section_kind sk;
	int k;

	if (!f || !name)
		return NULL;
	if (g_str_has_prefix(name, "section:")) {
		sk = section_kind_from_name(name + strlen("section:"));
		return sk < SECTION_N ? f->sec_ev[sk] : NULL;
	}
	k = fact_index(name);
	return k < 0 ? NULL : f->ev[k];
}

const char *const *facts_names(void)
{
	return fact_names;
}

const GArray *facts_sections(const struct facts *f)
{
	return f->sections;
}

const GArray *facts_roles(const struct facts *f)
{
	return f->exp.roles;
}

const char *facts_contact(const struct facts *f, const char *what,
			  struct span *where)
{
	int k;

	if (!f || !what)
		return NULL;
	if (strcmp(what, "phone_digits") == 0) {
		if (where)
			*where = f->contacts.at[CONTACT_PHONE];
		return f->contacts.phone_digits;
	}
	for (k = 0; k < CONTACT_N; k++)
		if (strcmp(contact_kind_name(k), what) == 0) {
			if (where)
				*where = f->contacts.at[k];
			return f->contacts.value[k];
		}
	return NULL;
}

/* --- the report ----------------------------------------------------- */

/* [s, e) of t (len bytes) as a quoted string, clipped to the text and
 * to a readable length. */
static void quote_raw(GString *out, const char *t, uint32_t len, uint32_t s,
		      uint32_t e, bool json)
{
	const char *p;

	if (s > len)
		s = len;
	if (e > len)
		e = len;
	if (e < s)
		e = s;
	if (e - s > 200) {
		e = s + 200;
		while (e > s && ((unsigned char)t[e] & 0xC0) == 0x80)
			e--;
	}
	g_string_append_c(out, '"');
	for (p = t + s; p < t + e; p++) {
		unsigned char c = *p;

		if (c == '"' || c == '\\')
			g_string_append_printf(out, "\\%c", c);
		else if (c == '\n')
			g_string_append(out, "\\n");
		else if (c < 0x20)
			g_string_append_printf(out, json ? "\\u%04x" : "\\x%02x",
					       c);
		else
			g_string_append_c(out, c);
	}
	g_string_append_c(out, '"');
}

static void quote(GString *out, const struct doc *d, struct span sp,
		  bool json)
{
	if (!d->text)
		quote_raw(out, "", 0, 0, 0, json);
	else
		quote_raw(out, d->text->str, d->text->len, sp.start, sp.end,
			  json);
}

static void json_str(GString *out, const char *s)
{
	if (!s)
		g_string_append(out, "null");
	else
		quote_raw(out, s, strlen(s), 0, strlen(s), true);
}

static void month_str(GString *out, int32_t m)
{
	g_string_append_printf(out, "%04d-%02d", m / 12, m % 12 + 1);
}

static void json_span(GString *out, const struct doc *d, struct span sp)
{
	g_string_append_printf(out, "{\"start\":%u,\"end\":%u,\"text\":",
			       sp.start, sp.end);
	quote(out, d, sp, true);
	g_string_append_c(out, '}');
}

static void json_spans(GString *out, const struct doc *d, const GArray *a)
{
	guint i;

	g_string_append_c(out, '[');
	for (i = 0; a && i < a->len; i++) {
		if (i)
			g_string_append_c(out, ',');
		json_span(out, d, g_array_index(a, struct span, i));
	}
	g_string_append_c(out, ']');
}

static void json_intervals(GString *out, const GArray *a)
{
	guint i;

	g_string_append_c(out, '[');
	for (i = 0; i < a->len; i++) {
		const struct date_interval *iv =
			&g_array_index(a, struct date_interval, i);

		g_string_append_printf(out, "%s{\"from\":\"", i ? "," : "");
		month_str(out, iv->start);
		g_string_append(out, "\",\"to\":\"");
		month_str(out, iv->end - 1);
		g_string_append_printf(out, "\",\"months\":%d}",
				       iv->end - iv->start);
	}
	g_string_append_c(out, ']');
}

static const char *const problem_names[] = {
	[DATE_OK] = "ok",
	[DATE_END_BEFORE_START] = "ends before it starts",
	[DATE_FUTURE] = "starts in the future",
	[DATE_BAD_YEAR] = "impossible year",
};

static void print_json(const struct facts *f, const struct doc *d,
		       GString *out)
{
	const struct experience *x = &f->exp;
	guint i;
	int k;

	g_string_append(out, "{\"facts\":{");
	for (k = 0; k < F_N; k++) {
		g_string_append_printf(out, "%s\"%s\":", k ? "," : "",
				       fact_names[k]);
		if (f->has[k])
			g_string_append_printf(out, "%.4g", f->num[k]);
		else
			g_string_append(out, "null");
	}
	g_string_append(out, "},\"evidence\":{");
	for (k = 0; k < F_N; k++) {
		g_string_append_printf(out, "%s\"%s\":", k ? "," : "",
				       fact_names[k]);
		json_spans(out, d, f->ev[k]);
	}
	g_string_append(out, "},\"sections\":[");
	for (i = 0; i < f->sections->len; i++) {
		const struct section *sec =
			&g_array_index(f->sections, struct section, i);

		g_string_append_printf(out, "%s{\"kind\":\"%s\",\"heading\":",
				       i ? "," : "", section_kind_name(sec->kind));
		json_span(out, d, sec->heading);
		g_string_append_printf(out,
				       ",\"body\":{\"start\":%u,\"end\":%u}}",
				       sec->body.start, sec->body.end);
	}
	g_string_append(out, "],\"contacts\":{");
	for (k = 0; k < CONTACT_N; k++) {
		g_string_append_printf(out, "%s\"%s\":", k ? "," : "",
				       contact_kind_name(k));
		json_str(out, f->contacts.value[k]);
	}
	g_string_append(out, ",\"phone_digits\":");
	json_str(out, f->contacts.phone_digits);
	g_string_append(out, "},\"present\":\"");
	month_str(out, x->present);
	g_string_append_printf(out, "\",\"present_from\":\"%s\",\"roles\":[",
			       x->doc_date_used ? "document date" : "as-of");
	for (i = 0; i < x->roles->len; i++) {
		const struct role *r = &g_array_index(x->roles, struct role, i);

		g_string_append_printf(out, "%s{\"range\":", i ? "," : "");
		json_span(out, d, r->range.span);
		g_string_append(out, ",\"from\":\"");
		month_str(out, r->range.start);
		g_string_append(out, "\",\"to\":\"");
		month_str(out, r->range.end - 1);
		g_string_append_printf(out, "\",\"open\":%s,\"title\":",
				       r->range.open ? "true" : "false");
		quote(out, d, r->title, true);
		g_string_append(out, ",\"employer\":");
		quote(out, d, r->employer, true);
		g_string_append_printf(out,
				       ",\"relevant\":%s,\"education\":%s,"
				       "\"problem\":\"%s\"}",
				       r->relevant ? "true" : "false",
				       r->education ? "true" : "false",
				       problem_names[r->range.problem]);
	}
	g_string_append(out, "],\"merged\":");
	json_intervals(out, x->merged);
	g_string_append(out, ",\"merged_relevant\":");
	json_intervals(out, x->merged_relevant);
	g_string_append(out, ",\"gaps\":");
	json_intervals(out, x->gaps);
	g_string_append_printf(out, ",\"degree\":\"%s\",\"field\":",
			       credentials_level_name(f->cred.level));
	quote(out, d, f->cred.field, true);
	g_string_append_printf(out, ",\"spell_checked\":%u}\n",
			       f->spell.checked);
}

static void text_spans(GString *out, const struct doc *d, const GArray *a,
		       guint max)
{
	guint i;

	for (i = 0; i < a->len && i < max; i++) {
		g_string_append(out, i ? ", " : "");
		quote(out, d, g_array_index(a, struct span, i), false);
	}
	if (a->len > max)
		g_string_append_printf(out, ", ... (%u more)", a->len - max);
}

static void print_text(const struct facts *f, const struct doc *d,
		       GString *out)
{
	const struct experience *x = &f->exp;
	guint i;
	int k;

	g_string_append(out, "sections:\n");
	for (i = 0; i < f->sections->len; i++) {
		const struct section *sec =
			&g_array_index(f->sections, struct section, i);

		g_string_append_printf(out, "  %-14s ",
				       section_kind_name(sec->kind));
		quote(out, d, sec->heading, false);
		g_string_append_printf(out, " body %u-%u\n", sec->body.start,
				       sec->body.end);
	}
	g_string_append(out, "contacts:\n");
	for (k = 0; k < CONTACT_N; k++)
		if (f->contacts.value[k])
			g_string_append_printf(out, "  %-14s %s\n",
					       contact_kind_name(k),
					       f->contacts.value[k]);
	g_string_append(out, "roles (present = ");
	month_str(out, x->present);
	g_string_append_printf(out, ", from the %s):\n",
			       x->doc_date_used ? "document date" :
						  "as-of date");
	for (i = 0; i < x->roles->len; i++) {
		const struct role *r = &g_array_index(x->roles, struct role, i);

		g_string_append(out, "  ");
		month_str(out, r->range.start);
		g_string_append(out, "..");
		month_str(out, r->range.end - 1);
		g_string_append(out, " ");
		quote(out, d, r->range.span, false);
		g_string_append(out, " title ");
		quote(out, d, r->title, false);
		g_string_append(out, " employer ");
		quote(out, d, r->employer, false);
		if (r->relevant)
			g_string_append(out, " [relevant]");
		if (r->education)
			g_string_append(out, " [not work: not counted]");
		if (r->range.problem)
			g_string_append_printf(out, " [%s: not counted]",
					       problem_names[r->range.problem]);
		g_string_append_c(out, '\n');
	}
	g_string_append(out, "merged:");
	for (i = 0; i < x->merged->len; i++) {
		const struct date_interval *iv =
			&g_array_index(x->merged, struct date_interval, i);

		g_string_append_c(out, ' ');
		month_str(out, iv->start);
		g_string_append(out, "..");
		month_str(out, iv->end - 1);
	}
	g_string_append_printf(out, "\nyears: total %.2f, relevant %.2f",
			       x->months_total / 12.0,
			       x->months_relevant / 12.0);
	for (i = 0; i < x->gaps->len; i++) {
		const struct date_interval *iv =
			&g_array_index(x->gaps, struct date_interval, i);

		g_string_append(out, i ? ", " : "; gaps ");
		month_str(out, iv->start);
		g_string_append(out, "..");
		month_str(out, iv->end - 1);
	}
	g_string_append_printf(out, "\ncredentials: degree %s ",
			       credentials_level_name(f->cred.level));
	quote(out, d, f->cred.degree, false);
	g_string_append(out, " field ");
	quote(out, d, f->cred.field, false);
	g_string_append(out, "\n  certifications: ");
	text_spans(out, d, f->cred.certs, 10);
	g_string_append(out, "\n  trainings: ");
	text_spans(out, d, f->cred.trainings, 10);
	if (f->spell.available)
		g_string_append_printf(out,
				       "\nspelling: %u errors in %u checked "
				       "words (%u words): ",
				       f->spell.misspelt, f->spell.checked,
				       f->spell.words);
	else if (f->spell.skipped)
		g_string_append_printf(out, "\nspelling: not checked, the "
				       "text is in \"%s\" and no dictionary "
				       "for it is installed: ",
				       f->spell.language);
	else
		g_string_append(out, "\nspelling: no dictionary: ");
	text_spans(out, d, f->spell.errors, 20);
	g_string_append_printf(out, "\ncover letter: %s (signals %d)",
			       f->cover.is_cover ? "yes" : "no",
			       f->cover.signals);
	if (f->cover.is_cover)
		g_string_append_printf(out, ", relevance %.2f",
				       f->cover.relevance);
	if (f->cover.has_statement)
		g_string_append_printf(out, "; statement relevance %.2f",
				       f->cover.statement_relevance);
	g_string_append(out, "\nfacts:\n");
	for (k = 0; k < F_N; k++) {
		g_string_append_printf(out, "  %-26s ", fact_names[k]);
		if (f->has[k])
			g_string_append_printf(out, "%g", f->num[k]);
		else
			g_string_append(out, "-");
		if (f->ev[k]->len) {
			g_string_append(out, "  ");
			text_spans(out, d, f->ev[k], 3);
		}
		g_string_append_c(out, '\n');
	}
}

void facts_print(const struct facts *f, const struct doc *d, GString *out,
		 bool json)
{
	if (json)
		print_json(f, d, out);
	else
		print_text(f, d, out);
}
