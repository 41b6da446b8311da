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

/* Count and check the words of [start, end) of t.  Skipped: e-mail
 * addresses, web addresses, words with digits, all-capital acronyms,
 * CamelCase, one-letter words, allow-listed terms, and capitalised words
 * that are not the first of a sentence followed by a small word (they are
 * names of people, firms and products more often than mistakes).
 * r->errors is created here; release with spell_result_release(). */
void spell_check(const char *t, uint32_t start, uint32_t end,
		 const char *base, const GPtrArray *allow,
		 struct spell_result *r);
void spell_result_release(struct spell_result *r);

#endif
