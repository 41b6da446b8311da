/*
 * facts.c - the table of named facts, their computation from the finders
 * (sections, dates, contacts, credentials, spell, cover) and their report.
 *
 * The one list of fact names is fact_names[] below, indexed by enum fact;
 * facts_number(), facts_spans() and facts_names() all read it.  Must not
 * know rules, scores or the store.
 */
#include <string.h>

#include "dates.h"
#include "facts.h"
#include "sections.h"

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
	F_REPEATED_WORDS,
	F_INCONSISTENT_BULLETS,
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
	[F_REPEATED_WORDS] = "repeated_words",
	[F_INCONSISTENT_BULLETS] = "inconsistent_bullets",
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
};

static void set(struct facts *f, enum fact k, double v)
{
	f->num[k] = v;
	f->has[k] = true;
}

static void evidence(struct facts *f, enum fact k, struct span sp)
{
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
	if (counted) {
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
	return f;
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
	return NULL;
}

void facts_print(const struct facts *f, const struct doc *d, GString *out,
		 bool json)
{
}
