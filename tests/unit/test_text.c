/* test_text.c - normalisation: every rule, the offset map, blocks. */
#include <string.h>

#include "doc.h"
#include "text.h"

/* A document whose raw text is s[0..len), normalised. */
static struct doc *norm_len(const char *s, gsize len, bool identity)
{
	struct doc *d = doc_new(DOC_FORMAT_TEXT, 0);

	g_string_append_len(d->raw, s, (gssize)len);
	text_normalise(d, identity);
	return d;
}

/* The invariants every normalised document keeps: valid UTF-8 with no
 * NUL, one map entry per byte plus one, monotonic, in range, each entry
 * the first byte of a raw character, the last one the raw length. */
static void check_map(const struct doc *d)
{
	const guint32 *m = (const guint32 *)d->map->data;
	guint i;

	g_assert_true(g_utf8_validate(d->text->str, d->text->len, NULL));
	g_assert_cmpuint(strlen(d->text->str), ==, d->text->len);
	g_assert_cmpuint(d->map->len, ==, d->text->len + 1);
	g_assert_cmpuint(m[d->text->len], ==, d->raw->len);
	for (i = 0; i < d->text->len; i++) {
		guchar c = (guchar)d->raw->str[m[i]];

		g_assert_cmpuint(m[i], <, d->raw->len);
		if (i)
			g_assert_cmpuint(m[i - 1], <=, m[i]);
		/* not a continuation byte of a valid sequence */
		if ((c & 0xC0) == 0x80 && m[i] > 0) {
			const char *start = d->raw->str + m[i];

			while (start > d->raw->str &&
			       ((guchar)*start & 0xC0) == 0x80)
				start--;
			if (g_utf8_get_char_validated(start,
					d->raw->str + d->raw->len - start) <
			    0xFFFFFFFEu)
				g_assert_cmpuint(
					(guint)(start - d->raw->str) +
					g_utf8_skip[(guchar)*start], <=, m[i]);
		}
	}
}

static char *norm_str(const char *s)
{
	struct doc *d = norm_len(s, strlen(s), false);
	char *out;

	check_map(d);
	out = g_strdup(d->text->str);
	doc_free(d);
	return out;
}

#define NORM(in, want) do { \
	g_autofree char *got_ = norm_str(in); \
	g_assert_cmpstr(got_, ==, want); \
} while (0)

static void test_spaces(void)
{
	NORM("  Hello   world  ", "Hello world");
	NORM("a\tb\t\tc", "a b c");
	NORM("a\xC2\xA0" "b", "a b");			/* NBSP */
	NORM("a\xE2\x80\x83" "b\xE3\x80\x80" "c", "a b c"); /* em, ideographic */
	NORM("a\xE2\x80\xAF\xE2\x80\x89 b", "a b");	/* narrow, thin, space */
	NORM(" \t \n  \n", "");
	NORM("", "");
}

static void test_lines(void)
{
	NORM("one\ntwo\n", "one\ntwo\n");
	NORM("one\r\ntwo\rthree", "one\ntwo\nthree");
	NORM("  one  \n   two   \n", "one\ntwo\n");
	NORM("one\n\n\n\n\ntwo", "one\n\ntwo");
	NORM("one\n  \t \n \n two", "one\n\ntwo");
	NORM("\n\n\none", "one");			/* leading blank lines */
	NORM("one\n\n\n", "one\n");			/* trailing */
	NORM("a\fb\vc", "a\nb\nc");
	NORM("a\xE2\x80\xA8" "b", "a\nb");		/* line separator */
}

static void test_hyphenation(void)
{
	/* A hyphen at the line end joins the lines and stays: the writer's
	 * own hyphen ("long-term" is not "longterm")... */
	NORM("long-\nterm", "long-term");
	NORM("card-  \n   payment done", "card-payment done");
	NORM("e-\ncommerce", "e-commerce");
	NORM("r\xC3\xA9sum\xC3\xA9-\n\xC3\xA9t\xC3\xA9", "r\xC3\xA9sum\xC3\xA9-\xC3\xA9t\xC3\xA9");
	/* ...unless the text spells the word whole elsewhere: then it was
	 * broken by hyphenation */
	NORM("Integration. integra-\ntion", "Integration. integration");
	NORM("integra-\r\ntion and integration",
	     "integration and integration");
	NORM("integration\nintegra\xE2\x80\x90\ntion", "integration\nintegration");	/* U+2010 */
	NORM("longterm, long-\nterm", "longterm, longterm");
	/* Kept: uppercase or digit after, no letter before, blank line
	 * between, hyphen not at the line end. */
	NORM("Java-\nScript", "Java-\nScript");
	NORM("2019-\n2021", "2019-\n2021");
	NORM("pre -\ntion", "pre -\ntion");
	NORM("a-\n\nb", "a-\n\nb");
	NORM("self-made\nman", "self-made\nman");
	NORM("ends-\n", "ends-\n");
	NORM("x-\n- item", "x-\n- item");
}

static void test_soft_hyphen_ligatures(void)
{
	NORM("inte\xC2\xADgration", "integration");
	/* A soft hyphen at the line end joins whatever follows. */
	NORM("Inte\xC2\xAD\nGration", "InteGration");
	NORM("inte\xC2\xAD  \n  gration 2019\xC2\xAD\n2020", "integration 20192020");
	NORM("inte\xC2\xAD\n\ngration", "inte\n\ngration");
	NORM("\xC2\xAD\nword", "word");
	NORM("a\xC2\xAD b\nc", "a b\nc");
	NORM("\xEF\xAC\x81nance \xEF\xAC\x82ow \xEF\xAC\x80 \xEF\xAC\x83 "
	     "\xEF\xAC\x84 \xEF\xAC\x85 \xEF\xAC\x86",
	     "finance flow ff ffi ffl st st");
}

static void test_nfkc(void)
{
	NORM("e\xCC\x81", "\xC3\xA9");			/* e + acute -> é */
	NORM("\xC3\xA9", "\xC3\xA9");
	NORM("\xEF\xBC\xA1\xEF\xBC\xB0\xEF\xBC\xA9", "API"); /* fullwidth */
	NORM("x\xC2\xB2", "x2");			/* superscript two */
	NORM("\xE2\x84\xAB", "\xC3\x85");		/* angstrom sign */
	NORM("\xE2\x85\xA2", "III");			/* roman numeral */
	NORM("\xEA\xB0\x80", "\xEA\xB0\x80");		/* hangul stays */
	NORM("\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80"); /* jamo compose */
	NORM("\xC2\xB4s", "'s");			/* acute as apostrophe */
}

/* A character alone normalises exactly as g_utf8_normalize(NFKC) would,
 * unless it is one of the rules' own replacements or NFKC gives white
 * space (which is folded): checks the shortcut that skips
 * g_utf8_normalize() for most characters. */
static bool ours(const char *got)
{
	const char *p;

	for (p = got; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (!strchr("-'\"\n", (int)c) && c != 0x2022 && c != 0xFFFD)
			return false;
	}
	return true;
}

static void test_nfkc_agrees(void)
{
	gunichar ch;

	for (ch = 0x80; ch < 0x30000; ch++) {
		char buf[8] = { 0 };
		g_autofree char *want = NULL, *got = NULL;
		const char *p;
		bool spacy = false;

		if (ch == 0xD800)
			ch = 0xE000;
		if (g_unichar_type(ch) == G_UNICODE_UNASSIGNED)
			continue;
		g_unichar_to_utf8(ch, buf);
		want = g_utf8_normalize(buf, -1, G_NORMALIZE_NFKC);
		for (p = want; *p; p = g_utf8_next_char(p))
			spacy |= g_unichar_isspace(g_utf8_get_char(p));
		got = norm_str(buf);
		if (strcmp(got, want) == 0 || spacy || ours(got))
			continue;
		g_error("U+%04X: got \"%s\", NFKC \"%s\"", ch, got, want);
	}
}

static void test_dashes(void)
{
	NORM("a\xE2\x80\x93" "b\xE2\x80\x94" "c\xE2\x80\x95" "d", "a-b-c-d");
	NORM("\xE2\x88\x92" "5 \xEF\xB9\x98 \xEF\xB9\xA3 \xEF\xBC\x8D "
	     "\xE2\x80\x91 \xE2\x80\x92", "-5 - - - - -");
}

static void test_bullets(void)
{
	static const char *const bullets[] = {
		"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x96\xAB",
		"\xE2\x97\x8F", "\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x80\xA3",
		"\xE2\x81\x83", "\xE2\x88\x99", "\xE2\x9E\xA2", "\xE2\x9C\x93",
		"\xE2\x9C\x94", "\xE2\x9E\xA4", "\xE2\x96\xBA",
		"\xEF\x82\xA7", "\xEF\x82\xB7", "\xEF\x81\xB6", "\xEF\x83\x98",
		"\xEF\x83\xBC",
	};
	guint i;

	for (i = 0; i < G_N_ELEMENTS(bullets); i++) {
		g_autofree char *in = g_strdup_printf("%s Kafka", bullets[i]);

		NORM(in, "\xE2\x80\xA2 Kafka");
	}
}

/* A bullet glued to a word, on either side, is set apart from it; the
 * space maps to the character after the gap. */
static void test_bullet_glued(void)
{
	g_autoptr(doc) d = NULL;

	NORM("\xE2\x80\xA2MSc in Chemistry", "\xE2\x80\xA2 MSc in Chemistry");
	NORM("\xE2\x97\x8F" "Deployed queues", "\xE2\x80\xA2 Deployed queues");
	NORM("\xE2\x96\xAA" "2017 - 2020", "\xE2\x80\xA2 2017 - 2020");
	NORM("Go\xE2\x80\xA2Rust\xE2\x80\xA2" "C", "Go \xE2\x80\xA2 Rust \xE2\x80\xA2 C");
	NORM("\xC3\xA9t\xC3\xA9\xE2\x80\xA2\xC3\xA9t\xC3\xA9",
	     "\xC3\xA9t\xC3\xA9 \xE2\x80\xA2 \xC3\xA9t\xC3\xA9");
	/* Left alone: a bullet already spaced, one before punctuation, and
	 * bullets in a row. */
	NORM("\xE2\x80\xA2 Kafka", "\xE2\x80\xA2 Kafka");
	NORM("\xE2\x80\xA2(optional)", "\xE2\x80\xA2(optional)");
	NORM("\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2",
	     "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2");
	d = norm_len("\xE2\x80\xA2" "Ada", 6, false);
	check_map(d);
	g_assert_cmpstr(d->text->str, ==, "\xE2\x80\xA2 Ada");
	g_assert_cmpuint(g_array_index(d->map, guint32, 3), ==, 3);
}

/* Gaps between words drawn with a glyph that has no Unicode value come
 * out as U+FFFD between white space: a space.  Elsewhere U+FFFD is a
 * lost letter and stays, for the garble checks to see. */
static void test_spacer_replacement(void)
{
	NORM("Senior\t\xEF\xBF\xBD\xC2\xA0" "Engineer\t\xEF\xBF\xBD\xC2\xA0" "2019",
	     "Senior Engineer 2019");
	NORM("Mar 2019 \xEF\xBF\xBD\xEF\xBF\xBD Jun 2021", "Mar 2019 Jun 2021");
	NORM("Ops\xE2\x80\x83\xEF\xBF\xBD Lead", "Ops Lead");
	NORM("Q\xEF\xBF\xBD\xEF\xBF\xBDry", "Q\xEF\xBF\xBD\xEF\xBF\xBDry");
	NORM("\xEF\xBF\xBD Managed", "\xEF\xBF\xBD Managed");
	NORM("word \xEF\xBF\xBD", "word \xEF\xBF\xBD");
	NORM("word \xEF\xBF\xBDx", "word \xEF\xBF\xBDx");
	NORM("a \xFF b", "a \xEF\xBF\xBD b");	/* a bad byte is not a glyph */
}

static void test_quotes(void)
{
	NORM("\xE2\x80\x9CHi\xE2\x80\x9D, it\xE2\x80\x99s \xE2\x80\x98ok\xE2\x80\x99",
	     "\"Hi\", it's 'ok'");
	NORM("\xE2\x80\x9E" "a\xE2\x80\x9F \xE2\x80\x9A" "b\xE2\x80\x9B",
	     "\"a\" 'b'");
}

static void test_invisible(void)
{
	NORM("a\xE2\x80\x8B" "b\xE2\x80\x8C" "c\xE2\x80\x8D" "d\xE2\x81\xA0"
	     "e\xEF\xBB\xBF" "f", "abcdef");
	NORM("\xEF\xBB\xBFstart", "start");
	NORM("a\x01" "b\x1B" "c\x7F" "d\xC2\x80" "e\xC2\x9F" "f", "abcdef");
	NORM("a\xC2\x85" "b", "a\nb");			/* NEL */
	NORM("a\xE2\x80\x8E" "b\xE2\x80\xAE" "c", "abc");	/* bidi */
}

static void test_invalid(void)
{
	g_autoptr(doc) d = norm_len("a\0b\xFF" "c\xC3(\xE2\x82", 9, false);

	check_map(d);
	g_assert_cmpstr(d->text->str, ==, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD"
			"c\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD");
	/* each U+FFFD maps to its bad byte */
	g_assert_cmpuint(g_array_index(d->map, guint32, 1), ==, 1);
	g_assert_cmpuint(g_array_index(d->map, guint32, 3), ==, 1);
	g_assert_cmpuint(g_array_index(d->map, guint32, 5), ==, 3);
	/* overlong, surrogate, beyond U+10FFFF */
	NORM("\xC0\xAF|\xED\xA0\x80|\xF4\x90\x80\x80",
	     "\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|"
	     "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

static void test_make_valid(void)
{
	g_autofree char *a = text_make_valid("ok \xC3\xA9", -1);
	g_autofree char *b = text_make_valid("x\0y\xFE", 4);

	g_assert_cmpstr(a, ==, "ok \xC3\xA9");
	g_assert_cmpstr(b, ==, "x\xEF\xBF\xBDy\xEF\xBF\xBD");
}

static void test_map(void)
{
	/* raw:  0 1 2 3 4 5 6 7 8 9 ...
	 *       " " " " "ﬁ"(3 bytes) "n" " " " " "e" U+0301 "\n" */
	static const char raw[] = "  \xEF\xAC\x81n  e\xCC\x81\n";
	static const guint32 want[] = { 2, 2, 5, 6, 8, 8, 11, 12 };
	g_autoptr(doc) d = norm_len(raw, sizeof(raw) - 1, false);

	check_map(d);
	g_assert_cmpstr(d->text->str, ==, "fin \xC3\xA9\n");
	g_assert_cmpuint(d->map->len, ==, G_N_ELEMENTS(want));
	g_assert_cmpmem(d->map->data, d->map->len * 4, want, sizeof(want));
	g_assert_cmpuint(doc_raw_offset(d, 3), ==, 6);
}

static void test_identity(void)
{
	static const char raw[] = "  a\xE2\x80\x94\xFF  \n\n\nb\0";
	g_autoptr(doc) d = norm_len(raw, sizeof(raw) - 1, true);
	guint i;

	check_map(d);
	g_assert_cmpstr(d->text->str, ==,
			"  a\xE2\x80\x94\xEF\xBF\xBD  \n\n\nb\xEF\xBF\xBD");
	for (i = 0; i < 3; i++)
		g_assert_cmpuint(g_array_index(d->map, guint32, i), ==, i);
	/* the em dash's three bytes, then U+FFFD for 0xFF */
	for (i = 3; i < 6; i++)
		g_assert_cmpuint(g_array_index(d->map, guint32, i), ==, 3);
	for (i = 6; i < 9; i++)
		g_assert_cmpuint(g_array_index(d->map, guint32, i), ==, 6);
	g_assert_cmpuint(g_array_index(d->map, guint32, 9), ==, 7);
}

static void add_block(struct doc *d, const char *s, enum doc_block_kind k)
{
	doc_block_open(d, 1, k, 0);
	doc_append(d, s, -1);
	doc_block_close(d);
}

static void test_blocks(void)
{
	g_autoptr(doc) d = doc_new(DOC_FORMAT_TEXT, 0);
	const struct doc_block *b;
	guint i;

	add_block(d, "  Skills  ", DOC_BLOCK_BODY);
	add_block(d, "\xE2\x80\x8B", DOC_BLOCK_BODY);	/* empties out */
	doc_append(d, "\n\n", 2);
	add_block(d, "\xEF\x82\xB7 Kafka,   integra-", DOC_BLOCK_TABLE);
	add_block(d, "tion", DOC_BLOCK_TABLE);
	add_block(d, "Footer", DOC_BLOCK_HEADER);
	text_normalise(d, false);
	check_map(d);
	g_assert_cmpstr(d->text->str, ==,
			"Skills\n\n\xE2\x80\xA2 Kafka, integra-tion\nFooter\n");
	g_assert_cmpuint(d->blocks->len, ==, 4);
	b = &g_array_index(d->blocks, struct doc_block, 0);
	g_assert_cmpuint(b->start, ==, 0);
	g_assert_cmpuint(b->end, ==, 6);
	b = &g_array_index(d->blocks, struct doc_block, 1);
	g_assert_cmpuint(b->start, ==, 8);
	g_assert_cmpstr(d->text->str + b->end, ==, "tion\nFooter\n");
	b = &g_array_index(d->blocks, struct doc_block, 2);
	g_assert_cmpstr(d->text->str + b->start, ==, "tion\nFooter\n");
	g_assert_cmpuint(b->end - b->start, ==, 4);
	/* Every visible byte is found in the block it came from. */
	for (i = 0; i < d->text->len; i++) {
		guint32 r = doc_raw_offset(d, i);
		guint k;

		if (d->text->str[i] == '\n' || d->text->str[i] == ' ')
			continue;
		b = doc_block_at(d, i);
		g_assert_nonnull(b);
		for (k = 0; k < d->blocks->len; k++)
			if (b == &g_array_index(d->blocks, struct doc_block, k))
				break;
		g_assert_cmpuint(k, <, d->blocks->len);
		(void)r;
	}
	b = doc_block_at(d, (guint32)(strstr(d->text->str, "Footer") -
				      d->text->str));
	g_assert_cmpuint(b->kind, ==, DOC_BLOCK_HEADER);
	b = doc_block_at(d, (guint32)(strstr(d->text->str, "Kafka") -
				      d->text->str));
	g_assert_cmpuint(b->kind, ==, DOC_BLOCK_TABLE);
	g_assert_cmpuint(b->para, ==, 3);
}

/* Random bytes, biased toward the characters the rules care about. */
static void test_random(void)
{
	static const char *const pieces[] = {
		" ", "\n", "\r", "\t", "-", "a", "Z", "\0", "\xFF", "\xC3",
		"\xC3\xA9", "\xCC\x81", "\xC2\xAD", "\xEF\xAC\x81",
		"\xE2\x80\x94", "\xE2\x80\x8B", "\xEF\x82\xB7", "\xF0\x9F\x98\x80",
		"\xE2\x80\x99", "\xEF\xB7\xBA", "\xC2\xA0", "x-\n",
	};
	GRand *rnd = g_rand_new_with_seed(20261128);
	guint iter;

	for (iter = 0; iter < 3000; iter++) {
		GString *s = g_string_new(NULL);
		guint n = (guint)g_rand_int_range(rnd, 0, 200), k;
		struct doc *d;

		for (k = 0; k < n; k++) {
			if (g_rand_boolean(rnd)) {
				g_string_append_c(s, (char)g_rand_int_range(
							     rnd, 0, 256));
			} else {
				const char *p = pieces[g_rand_int_range(
					rnd, 0, G_N_ELEMENTS(pieces))];

				g_string_append_len(s, p, *p ? (gssize)strlen(p)
							     : 1);
			}
		}
		d = doc_new(DOC_FORMAT_TEXT, 0);
		for (k = 0; k < s->len;) {
			guint m = (guint)g_rand_int_range(rnd, 1, 40);

			m = MIN(m, s->len - k);

			doc_block_open(d, 0, DOC_BLOCK_BODY, 0);
			g_string_append_len(d->raw, s->str + k, m);
			doc_block_close(d);
			k += m;
		}
		text_normalise(d, iter & 1);
		check_map(d);
		for (k = 0; k < d->blocks->len; k++) {
			const struct doc_block *b =
				&g_array_index(d->blocks, struct doc_block, k);

			g_assert_cmpuint(b->start, <, b->end);
			g_assert_cmpuint(b->end, <=, d->text->len);
			g_assert_true(doc_block_at(d, b->start) == b);
			g_assert_true(doc_block_at(d, b->end - 1) == b);
			if (k)
				g_assert_cmpuint(b[-1].end, <=, b->start);
		}
		doc_free(d);
		g_string_free(s, TRUE);
	}
	g_rand_free(rnd);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/text/spaces", test_spaces);
	g_test_add_func("/text/lines", test_lines);
	g_test_add_func("/text/hyphenation", test_hyphenation);
	g_test_add_func("/text/soft-hyphen-ligatures", test_soft_hyphen_ligatures);
	g_test_add_func("/text/nfkc", test_nfkc);
	g_test_add_func("/text/nfkc-agrees", test_nfkc_agrees);
	g_test_add_func("/text/dashes", test_dashes);
	g_test_add_func("/text/bullets", test_bullets);
	g_test_add_func("/text/bullet-glued", test_bullet_glued);
	g_test_add_func("/text/spacer-replacement", test_spacer_replacement);
	g_test_add_func("/text/quotes", test_quotes);
	g_test_add_func("/text/invisible", test_invisible);
	g_test_add_func("/text/invalid", test_invalid);
	g_test_add_func("/text/make-valid", test_make_valid);
	g_test_add_func("/text/map", test_map);
	g_test_add_func("/text/identity", test_identity);
	g_test_add_func("/text/blocks", test_blocks);
	g_test_add_func("/text/random", test_random);
	return g_test_run();
}
