/*
 * fuzz_escape.c - libFuzzer target for the escapers: on any bytes, a
 * name escapes to printable UTF-8, a CSV cell reads back (RFC 4180) as
 * the same bytes less one ' wherever a spreadsheet could start a cell,
 * with no formula left at any of those places, and HTML text holds no
 * markup character.
 */
#include <stdbool.h>
#include <string.h>

#include "escape.h"

static void check_csv(const char *s, size_t len)
{
	GString *out = g_string_new(NULL);
	GByteArray *back = g_byte_array_new();
	const char *p, *end;
	bool quoted;

	escape_csv(out, s, len);
	p = out->str;
	end = out->str + out->len;
	quoted = p < end && *p == '"';
	if (quoted) {
		for (p++; p < end - 1; p++) {
			if (*p == '"') {
				if (p[1] != '"')
					__builtin_trap();
				p++;
			}
			g_byte_array_append(back, (const guint8 *)p, 1);
		}
		if (p != end - 1 || *p != '"')
			__builtin_trap();
	} else {
		if (memchr(s, ',', len) || memchr(s, '\n', len) ||
		    memchr(s, '\r', len) || memchr(s, '"', len))
			__builtin_trap();
		g_byte_array_append(back, (const guint8 *)s, len);
	}
	/* one ' dropped wherever a spreadsheet could start a cell: after a
	 * separator (, ; TAB CR LF) and any spaces and quotes */
	{
		bool start = true, dropped = false;
		guint i, j;

		for (i = 0, j = 0; i < back->len; i++) {
			char c = back->data[i];

			if (start && !dropped && c == '\'') {
				dropped = true;
				continue;
			}
			back->data[j++] = c;
			if (start && !dropped && (c == ' ' || c == '"'))
				continue;
			if (start && !dropped && memchr("=+-@", c, 4))
				__builtin_trap();	/* a formula left */
			start = memchr(",;\t\r\n", c, 5) != NULL;
			dropped = false;
		}
		g_byte_array_set_size(back, j);
	}
	if (back->len != len || (len && memcmp(back->data, s, len) != 0))
		__builtin_trap();
	g_byte_array_unref(back);
	g_string_free(out, TRUE);
}

int LLVMFuzzerTestOneInput(const guint8 *data, size_t len)
{
	const char *s = (const char *)data;
	GString *out = g_string_new(NULL);
	gsize i;

	escape_name_append(out, s, len);
	if (!g_utf8_validate(out->str, out->len, NULL))
		__builtin_trap();
	for (i = 0; i < out->len; i++)
		if ((guchar)out->str[i] < 0x20 || out->str[i] == 0x7f)
			__builtin_trap();

	g_string_truncate(out, 0);
	escape_html(out, s, len);
	for (i = 0; i < out->len; i++)
		if (strchr("<>\"'", out->str[i]) && out->str[i])
			__builtin_trap();

	g_string_truncate(out, 0);
	escape_json(out, s, len);
	if (!g_utf8_validate(out->str, out->len, NULL))
		__builtin_trap();

	g_string_truncate(out, 0);
	escape_text(out, s, len);
	if (!g_utf8_validate(out->str, out->len, NULL))
		__builtin_trap();

	g_string_free(out, TRUE);
	check_csv(s, len);
	return 0;
}
