/*
 * scan.h - small byte-level helpers the fact finders share: lines, word
 * boundaries, case-insensitive whole-word phrases over d->text.
 *
 * ASCII case folding only: the words looked for (headings, month names,
 * degree names) are ASCII; other bytes are compared as they are.  These
 * run in the fact finders' inner loops, so they are inline where small
 * and never allocate.  Knows nothing of what the words mean.
 */
#ifndef SCREENER_SCAN_H
#define SCREENER_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

/* A letter or digit, or any byte of a non-ASCII character (so "José"
 * is one word). */
static inline bool scan_is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

static inline unsigned char scan_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* The offset of the '\n' ending the line at off, or len. */
uint32_t scan_line_end(const char *t, uint32_t len, uint32_t off);

/* Where the line holding off starts, looking back at most max bytes (a
 * hostile one-line text must not make every lookup walk megabytes). */
static inline uint32_t scan_line_start(const char *t, uint32_t off,
				       uint32_t max)
{
	uint32_t stop = off > max ? off - max : 0;

	while (off > stop && t[off - 1] != '\n')
		off--;
	return off;
}

/* The end of the line at off, looking ahead at most max bytes. */
static inline uint32_t scan_line_end_near(const char *t, uint32_t len,
					  uint32_t off, uint32_t max)
{
	return scan_line_end(t, len - off > max ? off + max : len, off);
}

/* True when [off, off + strlen(p)) equals p ignoring ASCII case, with no
 * word byte just before off or just after the match (when p starts or
 * ends with a word byte).  end bounds the match. */
bool scan_word_at(const char *t, uint32_t end, uint32_t off, const char *p);

/* The first whole-word, case-insensitive occurrence of p in [start, end);
 * sets *at and returns true, or returns false. */
bool scan_find(const char *t, uint32_t start, uint32_t end, const char *p,
	       uint32_t *at);

/* One pass over [start, end) for n phrases at once: first[i] gets the
 * offset of the first whole-word occurrence of words[i], or G_MAXUINT32.
 * Returns how many were found.  NULL or empty words are never found. */
size_t scan_find_each(const char *t, uint32_t start, uint32_t end,
		      const char *const *words, size_t n, uint32_t *first);

/* True when any of words occurs in [start, end). */
bool scan_has_any(const char *t, uint32_t start, uint32_t end,
		  const char *const *words, size_t n);

/* [*s, *e) with white space trimmed from both ends. */
void scan_trim(const char *t, uint32_t *s, uint32_t *e);

#endif
