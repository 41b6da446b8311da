/*
 * escape.h - making untrusted strings safe for the place they are shown:
 * a terminal or log line, JSON, a CSV cell, HTML text or attribute.
 *
 * Every function appends to a GString the caller owns and takes the input
 * as bytes (len < 0: up to the NUL), so file names with invalid UTF-8 and
 * document text with NUL bytes are handled the same way.
 */
#ifndef SCREENER_ESCAPE_H
#define SCREENER_ESCAPE_H

#include <glib.h>

/* A file name for a terminal or log line: printable UTF-8 is kept (long
 * names too), backslash becomes \\, control characters \n \t \r and
 * \xNN (ESC is \x1b), C1 controls and invalid UTF-8 bytes \xNN, and
 * bidirectional overrides \u{NNNN}.  The result is valid UTF-8 with no
 * control character, and different names give different results. */
void escape_name_append(GString *out, const char *s, gssize len);
/* The same as a new string; caller frees with g_free(). */
char *escape_name(const char *s);

/* Document text for a terminal: lines and tabs kept, every other
 * control character (C0, DEL, C1: ESC sequences) and invalid UTF-8
 * byte replaced by U+FFFD, so printed text cannot drive the terminal. */
void escape_text(GString *out, const char *s, gssize len);

/* A JSON string with its quotes.  Invalid UTF-8 bytes become U+FFFD. */
void escape_json(GString *out, const char *s, gssize len);

/* One RFC 4180 CSV cell: quoted when it holds a comma, quote, CR or LF,
 * quotes doubled.  Wherever a spreadsheet could start reading a cell (the
 * start, and after , ; TAB CR or LF, spaces and quotes skipped), a
 * = + - @ or ' there gets a ' before it, and so does a TAB, CR, LF or
 * NUL that begins the cell; such a cell is quoted.  Reading it back:
 * drop the one ' at each of those places. */
void escape_csv(GString *out, const char *s, gssize len);

/* HTML text or a quoted attribute value: & < > " ' as entities. */
void escape_html(GString *out, const char *s, gssize len);

#endif
