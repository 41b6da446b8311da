/*
 * contacts.h - who wrote a resume and how to reach them: name, e-mail,
 * phone, LinkedIn, GitHub, other web site, location.
 *
 * Reads d->text and the sections; values are copies (normalised where
 * said), with the span they came from.  Knows nothing of rules.
 */
#ifndef SCREENER_CONTACTS_H
#define SCREENER_CONTACTS_H

#include "doc.h"
#include "facts.h"

enum contact_kind {
	CONTACT_NAME,
	CONTACT_EMAIL,		/* lowercased */
	CONTACT_PHONE,		/* as written */
	CONTACT_LINKEDIN,
	CONTACT_GITHUB,
	CONTACT_URL,		/* any other web address */
	CONTACT_LOCATION,
	CONTACT_N
};

struct contacts {
	char *value[CONTACT_N];		/* NULL when not found */
	struct span at[CONTACT_N];
	char *phone_digits;		/* digits of value[CONTACT_PHONE] */
};

/* Find d's contact details; sections from sections_find() (the header
 * before the first heading and any contact section are where a name and
 * a location are looked for).  Release with contacts_release(). */
void contacts_find(const struct doc *d, const GArray *sections,
		   struct contacts *c);
void contacts_release(struct contacts *c);

/* "email", "phone", ... for each kind; NULL past the end. */
const char *contact_kind_name(enum contact_kind kind);

/* A template's or fiction's placeholder, nobody's own: the e-mail
 * "name@example.com", "you@yourdomain.com"; the phone's digits
 * "1234567890", "0000000", "5550142" (555-01xx).  contacts_find() takes
 * one only when nothing better is written, and never gives a placeholder
 * phone its digits: such values must not link two applicants as one. */
bool contacts_placeholder_email(const char *email);
bool contacts_placeholder_phone(const char *digits);

/* The digits of a phone number ("+44 20 7946 0958" -> "442079460958"),
 * for comparing applicants.  Caller frees. */
char *contacts_phone_digits(const char *phone);

#endif
