/*
 * sections.h - a resume's headings found and labelled, and the body each
 * one governs.
 *
 * Works on lines of d->text and the heading level the source gave its
 * blocks; knows nothing of dates, contacts or rules.
 */
#ifndef SCREENER_SECTIONS_H
#define SCREENER_SECTIONS_H

#include "doc.h"
#include "facts.h"

/* Keep in step with the names in sections.c. */
enum section_kind {
	SECTION_UNKNOWN = 0,	/* text before any heading, or no headings */
	SECTION_OTHER,		/* a heading we could not label */
	SECTION_SUMMARY,
	SECTION_EXPERIENCE,
	SECTION_EDUCATION,
	SECTION_SKILLS,
	SECTION_CERTIFICATIONS,
	SECTION_PROJECTS,
	SECTION_PUBLICATIONS,
	SECTION_REFERENCES,
	SECTION_LANGUAGES,
	SECTION_INTERESTS,
	SECTION_AWARDS,
	SECTION_VOLUNTEERING,
	SECTION_CONTACT,
	SECTION_N
};

struct section {
	enum section_kind kind;
	struct span heading;	/* the heading's words; empty for UNKNOWN */
	struct span body;	/* from after the heading to the next one */
	uint8_t level;		/* the source's heading level, 0 if none */
	bool inline_body;	/* "Skills: Java, Kafka" on one line */
};

/* Every section of d in document order; the first one is UNKNOWN when
 * text precedes the first heading, and the only one when there is no
 * heading at all.  Bodies tile the text.  Caller frees with
 * g_array_unref(). */
GArray *sections_find(const struct doc *d);

/* "experience", "education", ... ("unknown", "other"). */
const char *section_kind_name(enum section_kind kind);

/* The kind named name, or SECTION_N when there is none. */
enum section_kind section_kind_from_name(const char *name);

/* The kind a heading line [s, e) of t names, or SECTION_N when the line is
 * not a heading we know.  *label_end (may be NULL) is set to where the
 * heading words end, which is before e for "Skills: Java, Kafka". */
enum section_kind sections_label(const char *t, uint32_t s, uint32_t e,
				 uint32_t *label_end);

/* True for the kinds counted as a resume's standard sections. */
bool section_is_standard(enum section_kind kind);

#endif
