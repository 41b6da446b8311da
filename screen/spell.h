/*
 * spell.h - spelling mistakes in a document's words, with hunspell.
 *
 * The dictionary is loaded once per process (it takes tens of
 * milliseconds) and shared by every thread; spell.c is the only file that
 * includes hunspell.h.
 */
#ifndef SCREENER_SPELL_H
#define SCREENER_SPELL_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

/* Misspellings kept as evidence; the count goes on. */
#define SPELL_SPANS_MAX 500

struct spell_result {
	unsigned words;		/* every word of the text */
	unsigned checked;	/* words given to the dictionary */
	unsigned misspelt;	/* misspelt words */
	GArray *errors;		/* struct span: the first SPELL_SPANS_MAX */
	bool available;		/* false: no dictionary, nothing checked */
	const char *language;	/* "en", "de", ... (static); NULL when the
				   caller chose the dictionary */
	bool skipped;		/* not English and no dictionary for its
				   language installed: nothing checked */
};

/* The dictionary of bases: hunspell base paths joined by ':' (a word is
 * right when any knows it); NULL for "/usr/share/hunspell/en_US" and
 * en_GB beside it when installed.  Loaded on first use; false when no
 * base's files are there.  Thread-safe. */
bool spell_load(const char *bases);

/* Milliseconds the first dictionary load took (0 before). */
double spell_load_ms(void);

/* True when word (UTF-8, len bytes) is in the dictionary, a built-in
 * list of the trade's words ("middleware", "runbook") or allow (the
 * rule set's technical terms), compared ignoring case. */
bool spell_word_ok(const char *base, const char *word, size_t len,
		   const GPtrArray *allow);

/* The language [start, end) of t is written in, from its function
 * words: "en", "de", "es", "fr", "pt", "it", "nl"; "en" when unsure.
 * Static string. */
const char *spell_language(const char *t, uint32_t start, uint32_t end);

/* Add the words of [start, end) of t, lowercased, to known (a set of
 * strings, g_free'd keys): words a document vouches for itself. */
void spell_known_add(GHashTable *known, const char *t, uint32_t start,
		     uint32_t end);

/* Add the writer's name to known: a word holding a part of it (four
 * letters or more) is a handle ("janeroe82"), not a mistake. */
void spell_known_add_name(GHashTable *known, const char *name);

/* Count and check the words of [start, end) of t.  Skipped: e-mail
 * addresses, web addresses, words with digits, all-capital acronyms,
 * CamelCase, one-letter words, allow-listed terms, and capitalised words
 * that are not the first of a sentence followed by a small word (they are
 * names of people, firms and products more often than mistakes), words
 * in known (may be NULL; see spell_known_add()), and lowercase words
 * made of two dictionary words ("autoscaling", or "multiaccount" whose
 * hyphen was lost).  A word split by a
 * hyphen at a line's end is checked whole.  With base NULL the language
 * is detected first: English is checked with en_US/en_GB, another
 * language with its installed dictionary, or not at all (r->skipped).
 * r->errors is created here; release with spell_result_release(). */
void spell_check(const char *t, uint32_t start, uint32_t end,
		 const char *base, const GPtrArray *allow, GHashTable *known,
		 struct spell_result *r);
void spell_result_release(struct spell_result *r);

#endif
