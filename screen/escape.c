/*
 * escape.c - escapers for terminal and log lines, JSON, CSV and HTML.
 *
 * Owns only the byte-level rules of each output syntax; knows nothing of
 * documents, reports or files.  Inputs are hostile bytes (file names,
 * extracted text): every function reads exactly len bytes, never assumes
 * valid UTF-8 and never stops at an embedded NUL.
 */
#include <stdbool.h>
#include <string.h>

#include "escape.h"

/* Next character of s[0..left): its code point and byte length; an
 * invalid or cut byte is returned as -1 with length 1. */
static gunichar next_char(const char *s, gsize left, gsize *n)
{
	gunichar c = g_utf8_get_char_validated(s, left);
	gsize len;

	/* GLib answers -2 for a NUL byte too: shown like a bad byte. */
	if (c == (gunichar)-1 || c == (gunichar)-2) {
		*n = 1;
		return (gunichar)-1;
	}
	len = g_utf8_skip[*(const guchar *)s];
	*n = len > left ? 1 : len;
	return c;
}

static gsize length(const char *s, gssize len)
{
	if (!s)
		return 0;
	return len < 0 ? strlen(s) : (gsize)len;
}

/* Characters a terminal reorders text for: shown as code points so a
 * name cannot disguise its extension ("cv\u{202e}fdp.exe"). */
static bool is_bidi(gunichar c)
{
	return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029 ||
	       c == 0x061C || c == 0xFEFF;
}

void escape_name_append(GString *out, const char *s, gssize len)
{
	static const char short_forms[][2] = {
		['\n'] = "n", ['\t'] = "t", ['\r'] = "r",
	};
	gsize left = length(s, len), n, i;

	while (left > 0) {
		gunichar c = next_char(s, left, &n);

		if (c == (gunichar)-1 || (c >= 0x80 && c <= 0x9F) ||
		    c < 0x20 || c == 0x7F) {
			for (i = 0; i < n; i++) {
				guchar b = s[i];

				if (b < G_N_ELEMENTS(short_forms) &&
				    short_forms[b][0])
					g_string_append_printf(out, "\\%c",
							       short_forms[b][0]);
				else
					g_string_append_printf(out, "\\x%02x",
							       b);
			}
		} else if (c == '\\') {
			g_string_append(out, "\\\\");
		} else if (is_bidi(c)) {
			g_string_append_printf(out, "\\u{%04x}", c);
		} else {
			g_string_append_len(out, s, n);
		}
		s += n;
		left -= n;
	}
}

char *escape_name(const char *s)
{
	GString *out = g_string_new(NULL);

	escape_name_append(out, s, -1);
	return g_string_free(out, FALSE);
}

void escape_text(GString *out, const char *s, gssize len)
{
	gsize left = length(s, len), n;

	while (left > 0) {
		gunichar c = next_char(s, left, &n);

		if (c == (gunichar)-1 || (c < 0x20 && c != '\n' && c != '\t') ||
		    (c >= 0x7F && c <= 0x9F))
			g_string_append(out, "\xef\xbf\xbd");
		else
			g_string_append_len(out, s, n);
		s += n;
		left -= n;
	}
}

void escape_json(GString *out, const char *s, gssize len)
{
	static const char short_forms[][2] = {
		['\b'] = "b", ['\f'] = "f", ['\n'] = "n", ['\r'] = "r",
		['\t'] = "t", ['"'] = "\"", ['\\'] = "\\",
	};
	gsize left = length(s, len), n;

	g_string_append_c(out, '"');
	while (left > 0) {
		gunichar c = next_char(s, left, &n);

		if (c == (gunichar)-1)
			g_string_append(out, "\\ufffd");
		else if (c < G_N_ELEMENTS(short_forms) && short_forms[c][0])
			g_string_append_printf(out, "\\%c", short_forms[c][0]);
		else if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029)
			g_string_append_printf(out, "\\u%04x", c);
		else
			g_string_append_len(out, s, n);
		s += n;
		left -= n;
	}
	g_string_append_c(out, '"');
}

/* Whether s[i] gets a ' before it.  *start says whether a spreadsheet
 * could be starting a cell at i: at the cell's start, and after every
 * separator a locale uses (, ; TAB) or a line break, because a reader
 * splitting on ";" takes "x;=1+1" as two cells whatever quotes we put
 * around them.  Spaces and quotes there keep the start: readers trim
 * the one and open fields with the other.  A ' that is already there
 * gets one more, so that a reader strips exactly one at each start. */
static bool csv_mark(const char *s, gsize i, bool *start)
{
	char c = s[i];
	bool mark;

	if (!*start)
		mark = false;
	else if (c == ' ' || c == '"')
		return false;
	else
		mark = memchr("=+-@'", c, 5) ||
		       (i == 0 && memchr("\t\r\n", c, 4));	/* NUL too */
	*start = memchr(",;\t\r\n", c, 5) != NULL;
	return mark;
}

void escape_csv(GString *out, const char *s, gssize len)
{
	gsize n = length(s, len), i;
	bool quote = false, start = true;

	for (i = 0; i < n && !quote; i++)
		quote = csv_mark(s, i, &start) || s[i] == ',' ||
			s[i] == '"' || s[i] == '\r' || s[i] == '\n' ||
			s[i] == '\0';
	if (!quote) {
		g_string_append_len(out, s, n);
		return;
	}
	g_string_append_c(out, '"');
	for (i = 0, start = true; i < n; i++) {
		if (csv_mark(s, i, &start))
			g_string_append_c(out, '\'');
		if (s[i] == '"')
			g_string_append_c(out, '"');
		g_string_append_c(out, s[i]);
	}
	g_string_append_c(out, '"');
}

void escape_html(GString *out, const char *s, gssize len)
{
	static const char *const entities[128] = {
		['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;",
		['"'] = "&quot;", ['\''] = "&#39;",
	};
	gsize n = length(s, len), i, run = 0;

	for (i = 0; i < n; i++) {
		guchar b = s[i];

		if (b < 128 && entities[b]) {
			g_string_append_len(out, s + run, i - run);
			g_string_append(out, entities[b]);
			run = i + 1;
		}
	}
	g_string_append_len(out, s + run, n - run);
}
