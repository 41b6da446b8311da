/*
 * garble.h - is a text layer words, or the garbage that fonts without a
 * usable Unicode map produce ("*?M/`b?2F")?
 *
 * Format-neutral: any extractor may ask it about the text it produced.
 */
#ifndef SCREENER_GARBLE_H
#define SCREENER_GARBLE_H

#include <stdbool.h>
#include <glib.h>

/* True when utf8[0, len) looks like an unreadable text layer: too many
 * private-use, replacement or control characters, or too few tokens that
 * look like words of any language.  Too little text to judge is never
 * unreadable.  Invalid UTF-8 bytes count as odd characters. */
bool garble_text_unreadable(const char *utf8, gsize len);

#endif
