/* test_extract_rtf.c - the RTF reader: text, blocks, date, hostile input. */
#include <string.h>

#include "error.h"
#include "extract.h"

/* extract_rtf() on a string; fails the test on error. */
static struct doc *rtf(const char *s)
{
	struct caps caps = caps_default();
	struct doc *d = doc_new(DOC_FORMAT_RTF, caps.text_bytes);
	g_autoptr(GError) err = NULL;

	g_assert_true(extract_rtf((const guint8 *)s, strlen(s), &caps, d,
				  &err));
	g_assert_no_error(err);
	g_assert_true(g_utf8_validate(d->raw->str, d->raw->len, NULL));
	g_assert_cmpuint(strlen(d->raw->str), ==, d->raw->len);
	return d;
}

#define RTF(in, want) do { \
	g_autoptr(doc) d_ = rtf(in); \
	g_assert_cmpstr(d_->raw->str, ==, want); \
} while (0)

static const struct doc_block *block(const struct doc *d, guint i)
{
	g_assert_cmpuint(i, <, d->blocks->len);
	return &g_array_index(d->blocks, struct doc_block, i);
}

static void test_text(void)
{
	RTF("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}"
	    "{\\colortbl;\\red0\\green0\\blue0;}"
	    "{\\stylesheet{\\s0 Normal;}{\\s1 heading 1;}}"
	    "\\pard\\plain Hello \\b world\\b0\\par "
	    "Second line\\line wrapped\\tab x\\par}",
	    "Hello world\nSecond line\nwrapped\tx\n");
	/* Line breaks in the source are not text; "\<newline>" is \par. */
	RTF("{\\rtf1 one\r\ntwo\\\nthree}", "onetwo\nthree\n");
	/* An empty paragraph is a blank line. */
	RTF("{\\rtf1 a\\par\\par b\\par}", "a\n\nb\n");
	RTF("{\\rtf1 \\\\ \\{ \\} a\\~b c\\-d e\\_f}",
	    "\\ { } a\xC2\xA0" "b cd e\xE2\x80\x91" "f\n");
	RTF("{\\rtf1 \\emdash\\endash\\bullet\\lquote\\rquote\\ldblquote"
	    "\\rdblquote}", "\xE2\x80\x94\xE2\x80\x93\xE2\x80\xA2\xE2\x80\x98"
	    "\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D\n");
	/* Text after the outermost group is not the document's. */
	RTF("{\\rtf1 in}out", "in\n");
}

static void test_codepage(void)
{
	RTF("{\\rtf1\\ansi R\\'e9sum\\'e9 \\'96 \\'93q\\'94 \\'80}",
	    "R\xC3\xA9sum\xC3\xA9 \xE2\x80\x93 \xE2\x80\x9Cq\xE2\x80\x9D "
	    "\xE2\x82\xAC\n");
	RTF("{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2}",
	    "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\n");
	/* Raw upper bytes are in the code page too; bad hex is dropped. */
	RTF("{\\rtf1 caf\xE9 \\'zz\\'4}", "caf\xC3\xA9 zz4\n");
}

static void test_unicode(void)
{
	RTF("{\\rtf1\\uc1\\u8364? \\uc0\\u8364 \\uc2\\u8364\\'80\\'80x}",
	    "\xE2\x82\xAC \xE2\x82\xAC\xE2\x82\xAC" "x\n");
	/* Negative values, and a surrogate pair. */
	RTF("{\\rtf1 \\u-3913?\\u-10179?\\u-8704?}",
	    "\xEF\x82\xB7\xF0\x9F\x98\x80\n");
	/* The skip count is per group and the fallback ends with it. */
	RTF("{\\rtf1\\uc2 {\\uc1\\u233?}ok\\u233 ab}", "\xC3\xA9ok\xC3\xA9\n");
	/* The fallback may be a control word or a hex byte. */
	RTF("{\\rtf1 \\u233\\'e9!}", "\xC3\xA9!\n");
	/* A lone surrogate. */
	RTF("{\\rtf1 \\u-10179?x}", "\xEF\xBF\xBDx\n");
}

static void test_destinations(void)
{
	RTF("{\\rtf1{\\*\\generator Writer;}{\\*\\unknown hidden {\\b x}}"
	    "{\\pict\\pngblip 89504e47}{\\info{\\title T}{\\author A}}"
	    "{\\field{\\*\\fldinst HYPERLINK \"https://x\"}{\\fldrslt site}}"
	    " shown}", "site shown\n");
	/* \bin skips its bytes, braces included. */
	RTF("{\\rtf1{\\pict\\bin6 {}}{\\}}after}", "after\n");
	RTF("{\\rtf1 a\\bin99999 zz", "a\n");
}

static void test_kinds(void)
{
	g_autoptr(doc) d = rtf(
		"{\\rtf1{\\header\\pard Jane Doe, CV\\par}"
		"\\pard Body one\\par "
		"Body{\\footnote\\pard note text} two\\par"
		"\\trowd\\pard\\intbl Kafka\\cell Java\\cell\\row"
		"\\pard After\\par"
		"{\\footerr\\pard Page 1\\par}}");

	g_assert_cmpstr(d->raw->str, ==, "Jane Doe, CV\nBody one\nBody\n"
			"note text\n two\nKafka\nJava\nAfter\nPage 1\n");
	g_assert_cmpuint(d->blocks->len, ==, 9);
	g_assert_cmpuint(block(d, 0)->kind, ==, DOC_BLOCK_HEADER);
	g_assert_cmpuint(block(d, 1)->kind, ==, DOC_BLOCK_BODY);
	g_assert_cmpuint(block(d, 3)->kind, ==, DOC_BLOCK_NOTE);
	g_assert_cmpuint(block(d, 4)->kind, ==, DOC_BLOCK_BODY);
	g_assert_cmpuint(block(d, 5)->kind, ==, DOC_BLOCK_TABLE);
	g_assert_cmpuint(block(d, 6)->kind, ==, DOC_BLOCK_TABLE);
	g_assert_cmpuint(block(d, 7)->kind, ==, DOC_BLOCK_BODY);
	g_assert_cmpuint(block(d, 8)->kind, ==, DOC_BLOCK_HEADER);
	g_assert_cmpuint(block(d, 8)->para, ==, 9);
}

static void test_date(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "{\\rtf1{\\info{\\creatim\\yr2024\\mo3\\dy5\\hr10}"
		  "{\\revtim\\yr2025\\mo1\\dy2}}x}", "2025-01-02" },
		{ "{\\rtf1{\\info{\\creatim\\yr2024\\mo3\\dy5}"
		  "{\\revtim\\yr0\\mo0\\dy0}}x}", "2024-03-05" },
		{ "{\\rtf1{\\info{\\creatim\\yr1601\\mo1\\dy1}}x}", NULL },
		{ "{\\rtf1{\\info{\\creatim\\yr2024\\mo13\\dy1}}x}", NULL },
		/* \yr outside \info's dates means nothing */
		{ "{\\rtf1\\yr2024\\mo3\\dy5 x}", NULL },
		{ "{\\rtf1{\\info{\\creatim\\yr99999999999999\\mo1\\dy1}}x}",
		  NULL },
	};
	guint i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(doc) d = rtf(cases[i].in);

		g_assert_cmpstr(d->date, ==, cases[i].want);
		g_assert_cmpstr(d->raw->str, ==, "x\n");
	}
}

static void test_depth(void)
{
	struct caps caps = caps_default();
	GString *s = g_string_new("{\\rtf1 ");
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) ok = NULL;
	g_autoptr(doc) d = NULL;
	guint i;

	/* 256 groups deep is allowed, 257 is not. */
	for (i = 1; i < caps.xml_depth; i++)
		g_string_append_c(s, '{');
	g_string_append(s, "deep");
	ok = rtf(s->str);
	g_assert_cmpstr(ok->raw->str, ==, "deep\n");
	g_string_truncate(s, 7);
	for (i = 0; i < 100000; i++)
		g_string_append_c(s, '{');
	d = doc_new(DOC_FORMAT_RTF, 0);
	g_assert_false(extract_rtf((guint8 *)s->str, s->len, &caps, d, &err));
	g_assert_error(err, SCREENER_ERROR, SE_XML_DEPTH);
	g_assert_cmpstr(err->message, ==, "RTF nesting too deep (over 256)");
	g_string_free(s, TRUE);
}

static void test_cap(void)
{
	struct caps caps = caps_default();
	GString *s = g_string_new("{\\rtf1 ");
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = NULL;
	guint i;

	for (i = 0; i < 5000; i++)
		g_string_append(s, "Kafka \\'e9\\par ");
	caps.text_bytes = 100;
	d = doc_new(DOC_FORMAT_RTF, caps.text_bytes);
	g_assert_true(extract_rtf((guint8 *)s->str, s->len, &caps, d, &err));
	g_assert_true(d->truncated);
	g_assert_cmpuint(d->raw->len, <=, 100);
	g_string_free(s, TRUE);
}

/* Truncated and random input: no crash, valid UTF-8 out. */
static void test_hostile(void)
{
	static const char *const cases[] = {
		"{\\rtf1 \\'", "{\\rtf1 \\'e", "{\\rtf1 \\u", "{\\rtf1 \\u-",
		"{\\rtf1 \\", "{\\rtf1 }}}}}} x", "{\\rtf1 \\uc255\\u65 abc",
		"{\\rtf1 \\aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1",
		"{\\rtf1 \\u99999999999999999999?", "{\\rtf1 \\ansicpg99999 \\'e9",
		"{\\rtf1 \\ansicpg-5 \\'e9", "{\\rtf1 \\bin-5 x",
		"{\\rtf1 \\u-99999?\\u55357",
	};
	GRand *rnd = g_rand_new_with_seed(42);
	static const char alphabet[] = "{}\\'*uc0123456789-abinpar \xE9\n";
	guint i, k;

	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(doc) d = rtf(cases[i]);
	}
	for (i = 0; i < 2000; i++) {
		struct caps caps = caps_default();
		GString *s = g_string_new("{\\rtf1 ");
		g_autoptr(GError) err = NULL;
		struct doc *d = doc_new(DOC_FORMAT_RTF, 0);
		guint n = (guint)g_rand_int_range(rnd, 0, 300);

		for (k = 0; k < n; k++)
			g_string_append_c(s, alphabet[g_rand_int_range(
					     rnd, 0, sizeof(alphabet) - 1)]);
		caps.xml_depth = 16;
		if (extract_rtf((guint8 *)s->str, s->len, &caps, d, &err))
			g_assert_true(g_utf8_validate(d->raw->str,
						      d->raw->len, NULL));
		else
			g_assert_error(err, SCREENER_ERROR, SE_XML_DEPTH);
		doc_free(d);
		g_string_free(s, TRUE);
	}
	g_rand_free(rnd);
}

/* The committed sample, written by a word processor. */
static void test_sample(void)
{
	const char *root = g_getenv("ROOT") ? g_getenv("ROOT") : ".";
	g_autofree char *path =
		g_build_filename(root, "samples", "daniel-okafor.rtf", NULL);
	g_autofree char *buf = NULL;
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = NULL;
	struct caps caps = caps_default();
	const struct doc_block *b;
	const char *p;
	gsize len;

	g_assert_true(g_file_get_contents(path, &buf, &len, &err));
	g_assert_cmpint(extract_sniff((guint8 *)buf, len), ==, DOC_FORMAT_RTF);
	d = extract_buffer((guint8 *)buf, len, &caps, false, &err);
	g_assert_no_error(err);
	g_assert_cmpstr(d->date, ==, "2025-10-14");
	g_assert_true(g_str_has_prefix(d->text->str,
		"Daniel Okafor\nIntegration Engineer \xC2\xB7 Lagos / Remote"));
	g_assert_nonnull(strstr(d->text->str,
		"\nIntegration Engineer - Paystream Ltd., Lagos "
		"(2021 - present)\n\xE2\x80\xA2 Set up REST and SOAP endpoints"));
	g_assert_nonnull(strstr(d->text->str,
		"knows what \"degraded\" means"));
	g_assert_nonnull(strstr(d->text->str,
		"Obafemi Awolowo University, Il\xC3\xA9-If\xE1\xBA\xB9\xCC\x80, "
		"2019\n"));
	g_assert_null(strstr(d->text->str, "Liberation"));	/* fonttbl */
	g_assert_null(strstr(d->text->str, "Heading"));	/* stylesheet */
	g_assert_null(strstr(d->text->str, "LibreOffice"));	/* generator */
	p = strstr(d->text->str, "Kubernetes, Prometheus");
	g_assert_nonnull(p);
	b = doc_block_at(d, (guint32)(p - d->text->str));
	g_assert_nonnull(b);
	g_assert_cmpuint(b->kind, ==, DOC_BLOCK_TABLE);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/extract_rtf/text", test_text);
	g_test_add_func("/extract_rtf/codepage", test_codepage);
	g_test_add_func("/extract_rtf/unicode", test_unicode);
	g_test_add_func("/extract_rtf/destinations", test_destinations);
	g_test_add_func("/extract_rtf/kinds", test_kinds);
	g_test_add_func("/extract_rtf/date", test_date);
	g_test_add_func("/extract_rtf/depth", test_depth);
	g_test_add_func("/extract_rtf/cap", test_cap);
	g_test_add_func("/extract_rtf/hostile", test_hostile);
	g_test_add_func("/extract_rtf/sample", test_sample);
	return g_test_run();
}
