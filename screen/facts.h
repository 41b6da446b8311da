/*
 * facts.h - what a resume says about its writer, computed from the text:
 * sections, contacts, roles with dates and years of experience,
 * credentials, writing quality, cover-letter relevance.
 *
 * Reads only a normalised struct doc and a facts_config (word lists the
 * rule set supplies); knows nothing of rules, scoring or storage.  Every
 * fact carries its evidence as spans into doc->text.
 *
 * Rules read facts by name through facts_number() and facts_spans(), so a
 * rule file can say "years_relevant >= 3" without knowing this struct.
 */
#ifndef SCREENER_FACTS_H
#define SCREENER_FACTS_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include "doc.h"

struct span {
	uint32_t start, end;	/* [start, end) in doc->text */
};

/* Lists supplied by the rule set; every pointer may be NULL. */
struct facts_config {
	const char *as_of;		/* "YYYY-MM-DD": what "present" means
					   when the document has no date */
	GPtrArray *allow_words;		/* spelling allow-list (char *) */
	GPtrArray *certifications;	/* certification names */
	GPtrArray *relevant_titles;	/* words that make a role relevant */
	GPtrArray *domain_terms;	/* cover-letter relevance */
	const char *dictionary;		/* hunspell base paths joined by ':'
					   (any may know a word); NULL:
					   en_US, and en_GB if installed */
	bool cover_name_hint;		/* the file's name says it is a cover
					   letter ("cover", "letter",
					   "motivation"): set per document */
};

struct facts;

/* Load what facts_compute() needs once per process (the spelling
 * dictionaries: 100-300 ms) before the first document, so the first
 * one is not slow.  Optional; thread-safe. */
void facts_prepare(const struct facts_config *cfg);

/* Compute all facts of one document.  Never fails on odd text: what is
 * not found is absent.  Thread-safe: workers may compute the facts of
 * different documents at once.  Caller frees with facts_free(). */
struct facts *facts_compute(const struct doc *d, const struct facts_config *cfg);
void facts_free(struct facts *f);

/* A numeric fact by name ("years_total", "years_relevant",
 * "degree_level", "certifications", "spelling_errors_per_100",
 * "sections_present", "cover_letter_relevance", ...).  False when the
 * name is unknown or the fact was not found. */
bool facts_number(const struct facts *f, const char *name, double *out);

/* The evidence behind a named fact: spans into doc->text (may be empty).
 * Owned by f. */
const GArray *facts_spans(const struct facts *f, const char *name);

/* Every fact name facts_number() knows, NULL-terminated, for lint. */
const char *const *facts_names(void);

/*
 * The facts by name.  Counts are numbers of things found; flags are 0/1;
 * "ev" is what facts_spans() returns for the same name (at most 500
 * spans a fact; the counts go on).  A fact marked "absent" makes
 * facts_number() return false (a rule on it has nothing to compare).
 *
 * sections
 *   sections_present        labelled standard sections (summary,
 *                           experience, education, skills, certifications,
 *                           projects, ...), each kind once; ev: headings
 *   has_summary_section, has_experience_section, has_education_section,
 *   has_skills_section, has_certifications_section   0/1; ev: heading
 *   missing_sections        of experience, education, skills: how many
 *                           have no heading (3 for a resume without
 *                           headings)
 *   has_headings            0/1: any labelled heading
 * contacts
 *   has_name, has_email, has_phone, has_linkedin, has_github, has_url,
 *   has_location            0/1; ev: where
 *   no_contact              1 when neither e-mail nor phone is given
 * experience (dates.h; "present" = min(document date, as-of))
 *   years_total             merged years of all dated roles; 0 for a
 *                           resume (an experience section, or two
 *                           standard sections) without a usable date,
 *                           absent for other documents; ev: ranges
 *   years_relevant          the same over roles whose header (title,
 *                           employer, the line of its dates) has a
 *                           relevant word (facts_config.relevant_titles;
 *                           built-in integration words without one);
 *                           absent with years_total; ev: those ranges
 *   n_roles                 dated roles counted (not studies, not bad)
 *   date_problems           ranges ending before they start, starting
 *                           in the future, years < 1950 or > as-of + 1
 *   gap_months_max          the longest gap between merged intervals
 *   mixed_date_styles       0/1: experience dates written two ways
 *                           (Jan 2019 / January 2019 / 01/2019 / 2019)
 * credentials
 *   degree_level            0 none, 1 associate, 2 bachelor, 3 master,
 *                           4 doctorate; ev: the degree's words
 *   certifications          items of a certifications section, and the
 *                           rule set's names or "X Certified Y" phrases
 *                           elsewhere, each certification once; ev: each
 *   trainings               items of a training/courses section, course
 *                           lines in education; ev: each
 * writing quality
 *   words                   words in the text
 *   spelling_errors         misspelt words (hunspell en_US and en_GB, the
 *                           trade's words, the allow-list, the words of
 *                           the document's skills sections and contact
 *                           details; addresses, acronyms, CamelCase,
 *                           words with digits and capitalised words
 *                           inside sentences are not checked); absent
 *                           without a dictionary; ev: each
 *   spelling_errors_per_100 the same per 100 checked words; absent when
 *                           none were checked
 *   spelling_errors_per_page the same per page (a PDF's pages, else 500
 *                           words a page); absent without a dictionary
 *   spelling_skipped        0/1: the text is not English and no
 *                           dictionary for its language is installed,
 *                           so the spelling facts above are absent
 *   repeated_words          "the the"; ev: each pair
 *   inconsistent_bullets    0/1: lines bulleted with different marks
 *   template_leftovers      text a template ships with, left in:
 *                           "Company Name", "City, State", lorem ipsum,
 *                           "000-00-0000", "[Your Name]", "X+ users";
 *                           ev: each
 *   broken_characters       characters decoded with the wrong encoding
 *                           ("Ã©", "â€™", "Â") or lost (U+FFFD, not in
 *                           PDFs: a glyph without a letter); ev: each
 *   too_short, too_long     0/1: under 150, over 2000 words
 * cover letter and statement
 *   is_cover_letter         0/1: salutation, closing, first person,
 *                           no date ranges, facts_config.cover_name_hint;
 *                           ev: salutation and closing
 *   cover_letter_relevance  0..1, only for a cover letter (absent
 *                           otherwise): 0.4 when the role is named, plus
 *                           0.6 x (distinct domain terms / 5, at most 1);
 *                           ev: the mentions
 *   statement_relevance     0..1 the same, for the summary/objective
 *                           section of a resume; absent without one
 * sections as spans only (facts_spans, not facts_number)
 *   section:NAME            the body of every section labelled NAME
 *                           (summary, experience, education, skills,
 *                           certifications, projects, publications,
 *                           references, languages, interests, awards,
 *                           volunteering, contact, other, unknown)
 */

struct section;		/* sections.h */
struct role;		/* dates.h */

/* The document's sections in order (struct section, see sections.h).
 * Owned by f. */
const GArray *facts_sections(const struct facts *f);

/* The dated roles (struct role, see dates.h).  Owned by f. */
const GArray *facts_roles(const struct facts *f);

/* A contact detail as a string owned by f, or NULL when not found:
 * "name", "email" (lowercased), "phone" (as written), "phone_digits"
 * (digits only, for duplicate detection), "linkedin", "github", "url",
 * "location".  *where (may be NULL) gets its span. */
const char *facts_contact(const struct facts *f, const char *what,
			  struct span *where);

/* A readable report of every fact with its evidence quoted from d (the
 * document f was computed from), or one JSON object when json.  Appends
 * to out. */
void facts_print(const struct facts *f, const struct doc *d, GString *out,
		 bool json);

#endif
