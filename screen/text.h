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
 * and nothing else (screener extract --raw). */
void text_normalise(struct doc *d, bool identity);

/* Make s valid UTF-8 with no NUL, replacing bad bytes by U+FFFD.
 * Returns a new string the caller frees. */
char *text_make_valid(const char *s, gssize len);

#endif
