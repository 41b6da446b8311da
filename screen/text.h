/*
 * text.h - normalisation of extracted text, with an offset map back.
 *
 * NFKC, ligatures, soft hyphens and end-of-line hyphenation joined,
 * dashes and bullets unified, zero-width and control characters removed,
 * invalid UTF-8 replaced by U+FFFD, white space folded.  Every byte of the
 * result maps to the raw byte it came from (doc->map), so evidence found
 * in the normalised text can be shown and highlighted in the original.
 */
#ifndef SCREENER_TEXT_H
#define SCREENER_TEXT_H

#include "doc.h"

/* Build d->text and d->map from d->raw and rewrite d->blocks into
 * d->text offsets.  With identity, d->text is d->raw made valid UTF-8
 * and nothing else (screener extract --raw).
 *
 * The rules, in order of application to each character:
 * - invalid UTF-8 and NUL become U+FFFD (one per bad byte);
 * - dashes (U+2010-2015, U+2212, U+FE58, U+FE63, U+FF0D) become '-',
 *   bullets (U+2022 and its look-alikes, Symbol/Wingdings private-use
 *   bullets) U+2022, curly quotes and primes straight quotes, Unicode
 *   spaces ' ', U+2028/2029 and NEL '\n'; zero-width, bidi, format and
 *   control characters are dropped (tab is a space; CR, CRLF, FF, VT end
 *   a line);
 * - everything else is NFKC, per character with its combining marks
 *   (ligatures become letters, full-width forms ASCII);
 * - spaces are folded to one and trimmed at line ends; blank lines are
 *   folded to one and dropped at the start and end; lines stay lines;
 * - a run of U+FFFD between white space, after a word on the line, is
 *   white space (a gap glyph without a Unicode value);
 * - a bullet glued to a word gets a space between them ("\u2022Java");
 * - a line ending in letter + '-' is joined to the next when that starts
 *   with a lowercase letter ("integra-\ntion" -> "integration"); a line
 *   ending in a soft hyphen is joined whatever follows.
 *
 * d->map has one guint32 per byte of d->text, the raw offset of the first
 * byte of the character (or character + marks) it came from, plus a last
 * entry, d->raw->len; it never decreases.  A block's new [start, end) is
 * the text its raw range became, trimmed of white space; blocks left
 * empty are dropped, so doc_block_at() finds a block for every visible
 * byte that came from one. */
void text_normalise(struct doc *d, bool identity);

/* Make s valid UTF-8 with no NUL, replacing bad bytes by U+FFFD.
 * len < 0: s is NUL-terminated.  Returns a new string the caller frees
 * with g_free(). */
char *text_make_valid(const char *s, gssize len);

#endif
