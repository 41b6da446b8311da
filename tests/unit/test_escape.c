/* test_escape.c - the escapers, case by case and as round-trip
 * properties through small readers of each syntax written here. */
#include <stdbool.h>
#include <string.h>

#include "escape.h"

static char *name(const char *s, gssize len)
{
	GString *out = g_string_new(NULL);

	escape_name_append(out, s, len);
	return g_string_free(out, FALSE);
}

static void test_name(void)
{
	static const struct {
		const char *in;
		const char *out;
	} cases[] = {
		{ "cv.pdf", "cv.pdf" },
		{ "Ren\xc3\xa9" "e M\xc3\xbc" "ller.docx",
		  "Ren\xc3\xa9" "e M\xc3\xbc" "ller.docx" },
		{ "a\nb\tc\rd", "a\\nb\\tc\\rd" },
		{ "\x1b[31mred\x1b[0m.pdf", "\\x1b[31mred\\x1b[0m.pdf" },
		{ "bad\xff\xfe.pdf", "bad\\xff\\xfe.pdf" },
		{ "cut\xc3", "cut\\xc3" },
		{ "back\\slash", "back\\\\slash" },
		{ "del\x7f", "del\\x7f" },
		/* C1 CSI: some terminals take it as ESC [ */
		{ "c1\xc2\x9b" "2J", "c1\\xc2\\x9b2J" },
		/* right-to-left override hiding ".exe" */
		{ "cv\xe2\x80\xae" "fdp.exe", "cv\\u{202e}fdp.exe" },
		{ "x'); DROP TABLE applicants;--.pdf",
		  "x'); DROP TABLE applicants;--.pdf" },
	};
	g_autofree char *long_name = g_strnfill(255, 'n');
	g_autofree char *shown = NULL;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *got = escape_name(cases[i].in);

		g_assert_cmpstr(got, ==, cases[i].out);
		g_assert_true(g_utf8_validate(got, -1, NULL));
	}
	shown = escape_name(long_name);
	g_assert_cmpstr(shown, ==, long_name);
	g_clear_pointer(&shown, g_free);
	shown = name("a\0b", 3);
	g_assert_cmpstr(shown, ==, "a\\x00b");
}

/* Distinct names stay distinct, and nothing a terminal acts on gets
 * through: random bytes, escaped, hold no control character. */
static void test_name_property(void)
{
	GRand *rng = g_rand_new_with_seed(7);
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash,
							    g_str_equal,
							    g_free, g_free);
	int i;

	for (i = 0; i < 5000; i++) {
		char buf[8];
		gsize n = g_rand_int_range(rng, 1, sizeof(buf)), k;
		char *got, *key, *prev;

		for (k = 0; k < n; k++)
			buf[k] = g_rand_int_range(rng, 0, 4) ?
				 g_rand_int_range(rng, 0, 256) :
				 "\\nx\x1b\xc3\xa9"[g_rand_int_range(rng, 0, 6)];
		got = name(buf, n);
		g_assert_true(g_utf8_validate(got, -1, NULL));
		for (k = 0; got[k]; k++)
			g_assert_true((guchar)got[k] >= 0x20 &&
				      got[k] != 0x7f);
		key = g_base64_encode((const guchar *)buf, n);
		prev = g_hash_table_lookup(seen, got);
		if (prev)
			g_assert_cmpstr(prev, ==, key);	/* same input */
		g_hash_table_replace(seen, got, key);
	}
	g_rand_free(rng);
}

static void test_text(void)
{
	g_autoptr(GString) out = g_string_new(NULL);

	escape_text(out, "line\n\tcaf\xc3\xa9 \x1b[2J\x07\x7f\xc2\x9b" "bad\xff\n",
		    -1);
	g_assert_cmpstr(out->str, ==,
			"line\n\tcaf\xc3\xa9 \xef\xbf\xbd[2J\xef\xbf\xbd"
			"\xef\xbf\xbd\xef\xbf\xbd" "bad\xef\xbf\xbd\n");
	g_string_truncate(out, 0);
	escape_text(out, "a\0b", 3);
	g_assert_cmpstr(out->str, ==, "a\xef\xbf\xbd" "b");
}

/* A strict reader of the JSON strings escape_json writes. */
static GString *json_read(const char *s)
{
	GString *out = g_string_new(NULL);

	g_assert_cmpint(*s++, ==, '"');
	while (*s != '"') {
		g_assert_cmpint((guchar)*s, >=, 0x20);
		if (*s != '\\') {
			g_string_append_c(out, *s++);
			continue;
		}
		s++;
		switch (*s++) {
		case 'n': g_string_append_c(out, '\n'); break;
		case 't': g_string_append_c(out, '\t'); break;
		case 'r': g_string_append_c(out, '\r'); break;
		case 'b': g_string_append_c(out, '\b'); break;
		case 'f': g_string_append_c(out, '\f'); break;
		case '"': g_string_append_c(out, '"'); break;
		case '\\': g_string_append_c(out, '\\'); break;
		case '/': g_string_append_c(out, '/'); break;
		case 'u': {
			char hex[5] = { 0 };

			memcpy(hex, s, 4);
			s += 4;
			g_string_append_unichar(out,
						g_ascii_strtoull(hex, NULL, 16));
			break;
		}
		default:
			g_assert_not_reached();
		}
	}
	g_assert_cmpint(s[1], ==, '\0');
	return out;
}

static void test_json(void)
{
	g_autoptr(GString) out = g_string_new(NULL);
	g_autoptr(GString) back = NULL;
	const char in[] = "say \"hi\"\\\n\t\x01\x1f\x7f caf\xc3\xa9 \xe2\x80\xa8";

	escape_json(out, in, -1);
	g_assert_cmpstr(out->str, ==,
			"\"say \\\"hi\\\"\\\\\\n\\t\\u0001\\u001f\\u007f "
			"caf\xc3\xa9 \\u2028\"");
	back = json_read(out->str);
	g_assert_cmpstr(back->str, ==, in);

	g_string_truncate(out, 0);
	escape_json(out, "a\xff" "b\0c", 5);
	g_assert_cmpstr(out->str, ==, "\"a\\ufffdb\\ufffdc\"");
}

/* Random valid UTF-8 with every ASCII control comes back unchanged. */
static void test_json_property(void)
{
	GRand *rng = g_rand_new_with_seed(11);
	int i;

	for (i = 0; i < 3000; i++) {
		g_autoptr(GString) in = g_string_new(NULL);
		g_autoptr(GString) out = g_string_new(NULL);
		g_autoptr(GString) back = NULL;
		int k, n = g_rand_int_range(rng, 0, 12);

		for (k = 0; k < n; k++) {
			gunichar c = g_rand_int_range(rng, 1, 4) == 1 ?
				     g_rand_int_range(rng, 1, 0x80) :
				     g_rand_int_range(rng, 0x80, 0xD800);

			g_string_append_unichar(in, c);
		}
		escape_json(out, in->str, in->len);
		back = json_read(out->str);
		g_assert_cmpstr(back->str, ==, in->str);
	}
	g_rand_free(rng);
}

/* An RFC 4180 reader of one line of cells: the test's "real parser". */
static GPtrArray *csv_read(const char *s, gsize len)
{
	GPtrArray *cells = g_ptr_array_new_with_free_func(
		(GDestroyNotify)g_bytes_unref);
	const char *end = s + len;

	for (;;) {
		GByteArray *cell = g_byte_array_new();

		if (s < end && *s == '"') {
			for (s++;; s++) {
				g_assert_true(s < end);
				if (*s == '"') {
					if (s + 1 < end && s[1] == '"')
						s++;
					else
						break;
				}
				g_byte_array_append(cell, (const guint8 *)s, 1);
			}
			s++;
		} else {
			for (; s < end && *s != ','; s++) {
				g_assert_true(*s != '"' && *s != '\n' &&
					      *s != '\r');
				g_byte_array_append(cell, (const guint8 *)s, 1);
			}
		}
		g_ptr_array_add(cells, g_byte_array_free_to_bytes(cell));
		if (s == end)
			return cells;
		g_assert_cmpint(*s, ==, ',');
		s++;
	}
}

static void csv(GString *out, const char *s)
{
	g_string_truncate(out, 0);
	escape_csv(out, s, -1);
}

static void test_csv(void)
{
	g_autoptr(GString) out = g_string_new(NULL);

	csv(out, "plain text");
	g_assert_cmpstr(out->str, ==, "plain text");
	csv(out, "");
	g_assert_cmpstr(out->str, ==, "");
	csv(out, "a,b");
	g_assert_cmpstr(out->str, ==, "\"a,b\"");
	csv(out, "say \"hi\"\nbye");
	g_assert_cmpstr(out->str, ==, "\"say \"\"hi\"\"\nbye\"");
	csv(out, "=HYPERLINK(\"http://x\")");
	g_assert_cmpstr(out->str, ==, "\"'=HYPERLINK(\"\"http://x\"\")\"");
	csv(out, "+1");
	g_assert_cmpstr(out->str, ==, "\"'+1\"");
	csv(out, "-2+3");
	g_assert_cmpstr(out->str, ==, "\"'-2+3\"");
	csv(out, "@SUM(A1)");
	g_assert_cmpstr(out->str, ==, "\"'@SUM(A1)\"");
	csv(out, "\tx");
	g_assert_cmpstr(out->str, ==, "\"'\tx\"");
	csv(out, "\rx");
	g_assert_cmpstr(out->str, ==, "\"'\rx\"");
	csv(out, "\nx");
	g_assert_cmpstr(out->str, ==, "\"'\nx\"");
	csv(out, "a=b");	/* not where a cell starts */
	g_assert_cmpstr(out->str, ==, "a=b");
	/* where a cell starts after any separator (HARDENING 32) */
	csv(out, "x;=1+1;");
	g_assert_cmpstr(out->str, ==, "\"x;'=1+1;\"");
	csv(out, "a, -1+2\tb\t@x");
	g_assert_cmpstr(out->str, ==, "\"a, '-1+2\tb\t'@x\"");
	csv(out, "x;\"=1");
	g_assert_cmpstr(out->str, ==, "\"x;\"\"'=1\"");
	csv(out, "one\n+two");
	g_assert_cmpstr(out->str, ==, "\"one\n'+two\"");
	csv(out, "'=1");	/* an apostrophe there is doubled */
	g_assert_cmpstr(out->str, ==, "\"''=1\"");
	csv(out, "x;'a");
	g_assert_cmpstr(out->str, ==, "\"x;''a\"");
	csv(out, "it's, yes");
	g_assert_cmpstr(out->str, ==, "\"it's, yes\"");
	g_string_truncate(out, 0);
	escape_csv(out, "\0x", 2);
	g_assert_cmpmem(out->str, out->len, "\"'\0x\"", 5);
}

/* A cell as escape_csv() wrote it, less the ' it put where a
 * spreadsheet could start a cell: after a separator (, ; TAB CR LF) and
 * any spaces and quotes, one ' is dropped. */
static GBytes *csv_unmark(const char *s, gsize len)
{
	GByteArray *out = g_byte_array_new();
	bool start = true, dropped = false;
	gsize i;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (start && !dropped && c == '\'') {
			dropped = true;
			continue;
		}
		g_byte_array_append(out, (const guint8 *)&c, 1);
		if (start && !dropped && (c == ' ' || c == '"'))
			continue;
		start = memchr(",;\t\r\n", c, 5) != NULL;
		dropped = false;
	}
	return g_byte_array_free_to_bytes(out);
}

/* Whether a reader that splits the line on sep, quotes or not, finds a
 * cell that starts with = + - or @ (spaces and quotes before it
 * skipped). */
static bool csv_formula_cell(const char *line, gsize len, char sep)
{
	gsize i;
	bool start = true;

	for (i = 0; i < len; i++) {
		char c = line[i];

		if (start && (c == ' ' || c == '"'))
			continue;
		if (start && memchr("=+-@", c, 4))
			return true;
		start = c == sep || c == '\n' || c == '\r';
	}
	return false;
}

/* Random cells of hostile bytes, joined in a row, read back cell by
 * cell: the same bytes, with a ' only where a cell could start; and no
 * reader splitting the row on , ; or TAB finds a formula. */
static void test_csv_property(void)
{
	static const char alphabet[] = "a,;\"\n\r\t=+-@ 'x\0\xc3\xa9";
	GRand *rng = g_rand_new_with_seed(13);
	int i;

	for (i = 0; i < 3000; i++) {
		g_autoptr(GString) row = g_string_new(NULL);
		g_autoptr(GPtrArray) want = g_ptr_array_new_with_free_func(
			(GDestroyNotify)g_bytes_unref);
		g_autoptr(GPtrArray) got = NULL;
		int c, ncells = g_rand_int_range(rng, 1, 5);
		guint k;

		for (c = 0; c < ncells; c++) {
			char cell[8];
			int j, n = g_rand_int_range(rng, 0, sizeof(cell));

			for (j = 0; j < n; j++)
				cell[j] = alphabet[g_rand_int_range(
					rng, 0, sizeof(alphabet) - 1)];
			if (c)
				g_string_append_c(row, ',');
			escape_csv(row, cell, n);
			g_ptr_array_add(want, g_bytes_new(cell, n));
		}
		got = csv_read(row->str, row->len);
		g_assert_cmpuint(got->len, ==, want->len);
		for (k = 0; k < got->len; k++) {
			gsize glen, wlen;
			const char *g = g_bytes_get_data(got->pdata[k], &glen);
			const char *w = g_bytes_get_data(want->pdata[k], &wlen);
			g_autoptr(GBytes) back = csv_unmark(g, glen);
			gsize blen;
			const char *b = g_bytes_get_data(back, &blen);

			if (wlen && memchr("=+-@'\t\r\n", w[0], 9))
				g_assert_cmpint(g[0], ==, '\'');
			g_assert_cmpmem(b, blen, w, wlen);
		}
		g_assert_false(csv_formula_cell(row->str, row->len, ','));
		g_assert_false(csv_formula_cell(row->str, row->len, ';'));
		g_assert_false(csv_formula_cell(row->str, row->len, '\t'));
	}
	g_rand_free(rng);
}

static GString *html_unescape(const char *s)
{
	static const struct {
		const char *entity;
		char c;
	} table[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&#39;", '\'' },
	};
	GString *out = g_string_new(NULL);
	size_t i;

	while (*s) {
		if (*s != '&') {
			g_assert_true(*s != '<' && *s != '>' && *s != '"' &&
				      *s != '\'');
			g_string_append_c(out, *s++);
			continue;
		}
		for (i = 0; i < G_N_ELEMENTS(table); i++)
			if (g_str_has_prefix(s, table[i].entity))
				break;
		g_assert_cmpuint(i, <, G_N_ELEMENTS(table));
		g_string_append_c(out, table[i].c);
		s += strlen(table[i].entity);
	}
	return out;
}

static void test_html(void)
{
	static const char *const evil[] = {
		"<script>alert(1)</script>",
		"\"><img src=x onerror=alert(1)>",
		"</td></tr></table>",
		"it's & \"that\"",
		"&amp; already",
		"plain",
		"",
	};
	g_autoptr(GString) out = g_string_new(NULL);
	size_t i;

	escape_html(out, evil[1], -1);
	g_assert_cmpstr(out->str, ==,
			"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
	for (i = 0; i < G_N_ELEMENTS(evil); i++) {
		g_autoptr(GString) back = NULL;

		g_string_truncate(out, 0);
		escape_html(out, evil[i], -1);
		back = html_unescape(out->str);
		g_assert_cmpstr(back->str, ==, evil[i]);
	}
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/escape/name", test_name);
	g_test_add_func("/escape/name_property", test_name_property);
	g_test_add_func("/escape/text", test_text);
	g_test_add_func("/escape/json", test_json);
	g_test_add_func("/escape/json_property", test_json_property);
	g_test_add_func("/escape/csv", test_csv);
	g_test_add_func("/escape/csv_property", test_csv_property);
	g_test_add_func("/escape/html", test_html);
	return g_test_run();
}
