/* test_extract_text.c - text files: encodings, lines as blocks, the cap. */
#include <string.h>

#include "error.h"
#include "extract.h"
#include "text.h"

/* extract_text() on len bytes with the given cap (0: default). */
static struct doc *read_text(const char *data, gsize len, guint64 cap)
{
	struct caps caps = caps_default();
	struct doc *d;
	g_autoptr(GError) err = NULL;

	if (cap)
		caps.text_bytes = cap;
	d = doc_new(DOC_FORMAT_TEXT, caps.text_bytes);
	g_assert_true(extract_text((const guint8 *)data, len, &caps, d, &err));
	g_assert_no_error(err);
	g_assert_true(g_utf8_validate(d->raw->str, d->raw->len, NULL));
	g_assert_cmpuint(strlen(d->raw->str), ==, d->raw->len);
	return d;
}

/* in is a string literal, NULs and all. */
#define RAW(in, want) do { \
	g_autoptr(doc) d_ = read_text(in, sizeof(in) - 1, 0); \
	g_assert_cmpstr(d_->raw->str, ==, want); \
} while (0)

static void test_encoding(void)
{
	static const struct {
		const char *s;
		gsize len;
		enum text_enc want;
	} cases[] = {
		{ "plain ascii\n", 12, TEXT_ENC_UTF8 },
		{ "\xEF\xBB\xBF" "bom", 6, TEXT_ENC_UTF8_BOM },
		{ "caf\xC3\xA9", 5, TEXT_ENC_UTF8 },
		{ "caf\xE9 cr\xE8me", 10, TEXT_ENC_CP1252 },
		{ "\xFF\xFEh\0", 4, TEXT_ENC_UTF16LE },
		{ "\xFE\xFF\0h", 4, TEXT_ENC_UTF16BE },
		{ "J\0a\0n\0e\0", 8, TEXT_ENC_UTF16LE },
		{ "\0J\0a\0n\0e", 8, TEXT_ENC_UTF16BE },
		/* Damaged UTF-8 stays UTF-8 rather than turning to 1252. */
		{ "\xC3\xA9t\xC3\xA9 \xC3\xA0 \xFF", 10, TEXT_ENC_UTF8 },
		{ "\x01\x02\x03\x04 binary", 11, TEXT_ENC_BINARY },
		{ "\x89\x90\x8D\x9D\x81\x8F", 6, TEXT_ENC_BINARY },
	};
	guint i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_test_message("case %u", i);
		g_assert_cmpint(extract_text_encoding(
			(const guint8 *)cases[i].s, cases[i].len), ==,
			cases[i].want);
	}
}

static void test_utf8(void)
{
	RAW("\xEF\xBB\xBFR\xC3\xA9sum\xC3\xA9\n", "R\xC3\xA9sum\xC3\xA9\n");
	RAW("a\r\nb\rc\n", "a\nb\nc\n");
	RAW("no newline", "no newline\n");
	RAW("\xC3\xA9t\xC3\xA9 \xC3\xA0 \xFF",
	    "\xC3\xA9t\xC3\xA9 \xC3\xA0 \xEF\xBF\xBD\n");
	RAW("nul\0here", "nul\xEF\xBF\xBDhere\n");
}

static void test_utf16(void)
{
	/* "Zoë 😀\n" with and without BOM, both byte orders */
	RAW("\xFF\xFEZ\0o\0\xEB\0 \0=\xD8\0\xDE\n\0",
	    "Zo\xC3\xAB \xF0\x9F\x98\x80\n");
	RAW("\xFE\xFF\0Z\0o\0\xEB\0 \xD8=\xDE\0\0\n",
	    "Zo\xC3\xAB \xF0\x9F\x98\x80\n");
	RAW("Z\0o\0\xEB\0 \0=\xD8\0\xDE\n\0",
	    "Zo\xC3\xAB \xF0\x9F\x98\x80\n");
	/* unpaired surrogates, NUL and an odd last byte */
	RAW("\xFF\xFE" "a\0\0\xD8" "b\0\0\xDC\0\0c\0x",
	    "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD\n");
}

static void test_cp1252(void)
{
	RAW("R\xE9sum\xE9 \x96 \x93" "Kafka\x94 \x80" "5 \x85 na\xEFve\n",
	    "R\xC3\xA9sum\xC3\xA9 \xE2\x80\x93 \xE2\x80\x9CKafka\xE2\x80\x9D "
	    "\xE2\x82\xAC" "5 \xE2\x80\xA6 na\xC3\xAFve\n");
	/* The bytes 1252 leaves unassigned. */
	RAW("\xE9\x81\x8D\x8F\x90\x9D", "\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD"
	    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n");
}

static void test_blocks(void)
{
	static const char in[] = "Jane Doe\n\n\n   \nSkills\r\nKafka\n";
	g_autoptr(doc) d = read_text(in, sizeof(in) - 1, 0);
	const struct doc_block *b;

	g_assert_cmpstr(d->raw->str, ==, "Jane Doe\n\n\n   \nSkills\nKafka\n");
	g_assert_cmpuint(d->blocks->len, ==, 4);
	b = &g_array_index(d->blocks, struct doc_block, 2);
	g_assert_cmpuint(b->start, ==, 15);
	g_assert_cmpuint(b->end, ==, 21);
	g_assert_cmpuint(b->para, ==, 3);
	g_assert_cmpuint(b->page, ==, 0);
	text_normalise(d, false);
	g_assert_cmpstr(d->text->str, ==, "Jane Doe\n\nSkills\nKafka\n");
	g_assert_cmpuint(d->blocks->len, ==, 3);	/* spaces-only dropped */
	b = doc_block_at(d, 10);
	g_assert_nonnull(b);
	g_assert_cmpuint(b->para, ==, 3);
	g_assert_null(doc_block_at(d, 8));
}

static void test_cap(void)
{
	GString *big = g_string_new(NULL);
	g_autoptr(doc) d = NULL;
	g_autoptr(doc) w = NULL;
	guint i;

	for (i = 0; i < 1000; i++)
		g_string_append(big, "Integration engineer \xC3\xA9\n");
	d = read_text(big->str, big->len, 1000);
	g_assert_cmpuint(d->raw->len, <=, 1000);
	g_assert_cmpuint(d->raw->len, >=, 998);
	g_assert_true(d->truncated);
	g_assert_cmpuint(d->warnings->len, ==, 1);
	/* The same through UTF-16 and 1252. */
	g_string_free(big, TRUE);
	big = g_string_new("\xFF\xFE");
	for (i = 0; i < 2000; i++)
		g_string_append_len(big, "a\0\xE9\0", 4);
	w = read_text(big->str, big->len, 999);
	g_assert_cmpuint(w->raw->len, <=, 999);
	g_assert_true(w->truncated);
	g_string_free(big, TRUE);
}

/* The committed samples, decoded to what their authors wrote. */
static void test_samples(void)
{
	static const struct {
		const char *file, *phrase;
	} samples[] = {
		{ "samples/maria-keller.txt", "R\xC3\xA9sum\xC3\xA9" },
		{ "samples/maria-keller.txt", "2019 \xE2\x80\x93 present" },
		{ "samples/jonas-weber.txt", "Z\xC3\xBCrich" },
		{ "samples/jonas-weber.txt", "\xE2\x80\x9C" "API-first\xE2\x80\x9D" },
		{ "samples/aiko-tanaka.txt", "\xE6\x9D\xB1\xE4\xBA\xAC" },
		{ "samples/aiko-tanaka.txt", "MuleSoft" },
	};
	const char *root = g_getenv("ROOT") ? g_getenv("ROOT") : ".";
	guint i;

	for (i = 0; i < G_N_ELEMENTS(samples); i++) {
		g_autofree char *path =
			g_build_filename(root, samples[i].file, NULL);
		g_autofree char *buf = NULL;
		g_autoptr(GError) err = NULL;
		g_autoptr(doc) d = NULL;
		struct caps caps = caps_default();
		gsize len;

		g_assert_true(g_file_get_contents(path, &buf, &len, &err));
		d = extract_buffer((guint8 *)buf, len, &caps, false, &err);
		g_assert_no_error(err);
		g_assert_cmpint(d->format, ==, DOC_FORMAT_TEXT);
		if (!strstr(d->raw->str, samples[i].phrase))
			g_error("%s: no \"%s\"", samples[i].file,
				samples[i].phrase);
	}
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/extract_text/encoding", test_encoding);
	g_test_add_func("/extract_text/utf8", test_utf8);
	g_test_add_func("/extract_text/utf16", test_utf16);
	g_test_add_func("/extract_text/cp1252", test_cp1252);
	g_test_add_func("/extract_text/blocks", test_blocks);
	g_test_add_func("/extract_text/cap", test_cap);
	g_test_add_func("/extract_text/samples", test_samples);
	return g_test_run();
}
