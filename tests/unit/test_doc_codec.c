/* test_doc_codec.c - doc_encode/doc_decode: round trip, every invariant
 * doc_decode checks, and damaged encodings that must fail cleanly. */
#include <math.h>
#include <string.h>

#include "doc.h"
#include "error.h"

/* A document with every field set, as text_normalise() leaves one:
 * "Ｋafka" normalised to "Kafka" (the fullwidth K is 3 raw bytes). */
static struct doc *sample(void)
{
	struct doc *d = doc_new(DOC_FORMAT_PDF, 1000);
	struct doc_block b = { .start = 0, .end = 5, .page = 1, .para = 1,
			       .kind = DOC_BLOCK_TABLE, .heading = 2 };
	struct doc_glyph g = { .off = 3, .page = 2, .x1 = 1.5f, .y1 = 2,
			       .x2 = 3, .y2 = 4.25f };
	guint32 map[] = { 0, 3, 4, 5, 6, 7, 8 };

	d->pages = 2;
	d->date = g_strdup("2024-05-01");
	g_string_assign(d->raw, "\xef\xbc\xab" "afka\n");
	d->text = g_string_new("Kafka\n");
	d->map = g_array_new(FALSE, FALSE, sizeof(guint32));
	g_array_append_vals(d->map, map, G_N_ELEMENTS(map));
	g_array_append_val(d->blocks, b);
	g_array_append_val(d->glyphs, g);
	g.off = 4;
	g_array_append_val(d->glyphs, g);
	doc_warn(d, "text truncated at %d bytes", 1000);
	doc_warn(d, "caf\xc3\xa9");
	d->truncated = true;
	return d;
}

static void test_round_trip(void)
{
	g_autoptr(doc) d = sample();
	g_autoptr(GByteArray) enc = doc_encode(d);
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) back = doc_decode(enc->data, enc->len, &err);
	g_autoptr(GByteArray) again = NULL;

	g_assert_no_error(err);
	g_assert_nonnull(back);
	g_assert_cmpint(back->format, ==, DOC_FORMAT_PDF);
	g_assert_cmpuint(back->pages, ==, 2);
	g_assert_cmpstr(back->date, ==, "2024-05-01");
	g_assert_cmpstr(back->raw->str, ==, d->raw->str);
	g_assert_cmpstr(back->text->str, ==, "Kafka\n");
	g_assert_cmpuint(back->map->len, ==, 7);
	g_assert_cmpuint(doc_raw_offset(back, 1), ==, 3);
	g_assert_cmpuint(back->blocks->len, ==, 1);
	g_assert_cmpuint(doc_block_at(back, 2)->kind, ==, DOC_BLOCK_TABLE);
	g_assert_cmpuint(doc_block_at(back, 2)->heading, ==, 2);
	g_assert_cmpuint(back->glyphs->len, ==, 2);
	g_assert_cmpfloat(g_array_index(back->glyphs, struct doc_glyph, 0).y2,
			  ==, 4.25f);
	g_assert_cmpuint(back->warnings->len, ==, 2);
	g_assert_cmpstr(g_ptr_array_index(back->warnings, 1), ==,
			"caf\xc3\xa9");
	g_assert_true(back->truncated);
	g_assert_cmpuint(back->text_cap, ==, 1000);

	/* Encoding is a function of the document: same bytes again. */
	again = doc_encode(back);
	g_assert_cmpmem(again->data, again->len, enc->data, enc->len);
}

/* Before text_normalise(): no text, no map, blocks in raw offsets; raw
 * may still hold bytes that are not UTF-8. */
static void test_round_trip_raw(void)
{
	g_autoptr(doc) d = doc_new(DOC_FORMAT_TEXT, 0);
	g_autoptr(GByteArray) enc = NULL;
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) back = NULL;

	doc_block_open(d, 0, DOC_BLOCK_BODY, 0);
	doc_append(d, "a\xff\0b", 4);
	doc_block_close(d);
	enc = doc_encode(d);
	back = doc_decode(enc->data, enc->len, &err);
	g_assert_no_error(err);
	g_assert_null(back->text);
	g_assert_null(back->map);
	g_assert_null(back->date);
	g_assert_cmpmem(back->raw->str, back->raw->len, "a\xff\0b\n", 5);
	g_assert_cmpuint(back->blocks->len, ==, 1);
	g_assert_false(back->truncated);
}

static void expect_protocol(struct doc *d, const char *why)
{
	g_autoptr(GByteArray) enc = doc_encode(d);
	g_autoptr(GError) err = NULL;
	struct doc *back = doc_decode(enc->data, enc->len, &err);

	g_assert_null(back);
	g_assert_error(err, SCREENER_ERROR, SE_PROTOCOL);
	if (!strstr(err->message, why))
		g_error("\"%s\" does not say \"%s\"", err->message, why);
	doc_free(d);
}

/* Each invariant on its own, each reported with its reason. */
static void test_invariants(void)
{
	struct doc *d;

	d = sample();
	g_array_index(d->blocks, struct doc_block, 0).end = 7;
	expect_protocol(d, "block offsets");

	d = sample();
	g_array_index(d->blocks, struct doc_block, 0).kind = 9;
	expect_protocol(d, "block kind");

	d = sample();
	g_array_index(d->blocks, struct doc_block, 0).page = 3;
	expect_protocol(d, "block page");

	d = sample();
	g_array_index(d->map, guint32, 2) = 1;	/* goes backwards */
	expect_protocol(d, "map not monotonic");

	d = sample();
	g_array_index(d->map, guint32, 6) = 99;	/* past raw */
	expect_protocol(d, "map not monotonic or out of range");

	d = sample();
	g_array_index(d->glyphs, struct doc_glyph, 1).off = 2;
	expect_protocol(d, "glyph offsets");

	d = sample();
	g_array_index(d->glyphs, struct doc_glyph, 0).off = 8;
	g_array_index(d->glyphs, struct doc_glyph, 1).off = 8;
	expect_protocol(d, "glyph offsets");

	d = sample();
	g_array_index(d->glyphs, struct doc_glyph, 0).y1 = NAN;
	expect_protocol(d, "not finite");

	d = sample();
	g_array_index(d->glyphs, struct doc_glyph, 0).page = 0;
	expect_protocol(d, "glyph page");

	d = sample();
	g_string_assign(d->text, "Kaf\xff" "a\n");	/* invalid UTF-8 */
	expect_protocol(d, "invalid UTF-8");

	d = sample();
	g_string_assign(d->text, "Ka\0ka\n");	/* "Ka": block past it */
	expect_protocol(d, "block offsets");

	d = sample();
	g_string_overwrite_len(d->text, 2, "\0", 1);	/* NUL in text */
	expect_protocol(d, "invalid UTF-8");

	d = sample();
	g_ptr_array_add(d->warnings, g_strdup("bad \xc3"));
	expect_protocol(d, "invalid UTF-8");

	d = sample();
	d->format = 42;
	expect_protocol(d, "bad format");
}

static void test_trailing_and_magic(void)
{
	g_autoptr(doc) d = sample();
	g_autoptr(GByteArray) enc = doc_encode(d);
	g_autoptr(GError) err = NULL;

	g_byte_array_append(enc, (const guint8 *)"x", 1);
	g_assert_null(doc_decode(enc->data, enc->len, &err));
	g_assert_error(err, SCREENER_ERROR, SE_PROTOCOL);
	g_assert_nonnull(strstr(err->message, "trailing"));
	g_clear_error(&err);

	g_byte_array_set_size(enc, enc->len - 1);
	enc->data[4] = 9;	/* a version we do not know */
	g_assert_null(doc_decode(enc->data, enc->len, &err));
	g_assert_nonnull(strstr(err->message, "version"));
	g_clear_error(&err);

	g_assert_null(doc_decode(NULL, 0, &err));
	g_assert_error(err, SCREENER_ERROR, SE_PROTOCOL);
}

/* Layout is kept at a few bytes a character, x to a sixteenth of a
 * point; bytes that decode (a varint written long, a page or a line said
 * again) but would not encode the same are refused. */
static void test_glyphs_compact(void)
{
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(GByteArray) enc = NULL;
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) back = NULL;
	const struct doc_glyph *g;
	gsize before;
	guint i;

	d->pages = 2;
	for (i = 0; i < 4000; i++)
		g_string_append_c(d->raw, 'a' + i % 26);
	for (i = 0; i < 4000; i++) {
		struct doc_glyph n = {
			.off = i, .page = 1 + i / 2000,
			.x1 = 72.3f + (i % 80) * 5.52f,
			.y1 = 100 + (i / 80) * 14.0f,
		};

		n.x2 = n.x1 + 5.52f;
		n.y2 = n.y1 + 10.5f;
		g_array_append_val(d->glyphs, n);
	}
	enc = doc_encode(d);
	before = 24 + 4000 + 4;	/* header, raw, its length */
	g_assert_cmpuint(enc->len - before, <=, 4000 * 6);
	back = doc_decode(enc->data, enc->len, &err);
	g_assert_no_error(err);
	for (i = 0; i < 4000; i++) {
		const struct doc_glyph *a =
			&g_array_index(d->glyphs, struct doc_glyph, i);

		g = &g_array_index(back->glyphs, struct doc_glyph, i);
		g_assert_cmpuint(g->off, ==, a->off);
		g_assert_cmpuint(g->page, ==, a->page);
		g_assert_cmpfloat(fabsf(g->x1 - a->x1), <=, 1.0f / 32);
		g_assert_cmpfloat(fabsf(g->x2 - a->x2), <=, 1.0f / 32);
		g_assert_cmpfloat(g->y1, ==, a->y1);
		g_assert_cmpfloat(g->y2, ==, a->y2);
	}
	{
		g_autoptr(GByteArray) again = doc_encode(back);

		g_assert_cmpmem(again->data, again->len, enc->data,
				enc->len);
	}
}

/* The glyph records of a one-glyph document, after the warnings count,
 * decoded as written by hand. */
static void expect_glyph_bytes(const guint8 *rec, gsize n, const char *why)
{
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(GByteArray) enc = NULL;
	g_autoptr(GError) err = NULL;
	guint8 count[4] = { 1, 0, 0, 0 }, none[4] = { 0 };
	gsize at;

	d->pages = 1;
	g_string_assign(d->raw, "ab");
	enc = doc_encode(d);
	/* Empty glyphs and warnings: the last 8 bytes are their counts. */
	at = enc->len - 8;
	g_byte_array_set_size(enc, at);
	g_byte_array_append(enc, count, 4);
	g_byte_array_append(enc, rec, n);
	g_byte_array_append(enc, none, 4);
	g_assert_null(doc_decode(enc->data, enc->len, &err));
	g_assert_error(err, SCREENER_ERROR, SE_PROTOCOL);
	if (!strstr(err->message, why))
		g_error("\"%s\", want \"%s\"", err->message, why);
}

static void test_glyphs_canonical(void)
{
	/* off 0, tag page+line, page 1, y1 y2 = 0.0, dx 0, width 16 */
	static const guint8 ok[] = { 0, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16 };
	static const guint8 long_off[] = { 0x80, 0, 3, 1, 0, 0, 0, 0, 0, 0,
					   0, 0, 0, 16 };
	static const guint8 no_page[] = { 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					  16 };
	static const guint8 bad_tag[] = { 0, 7, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					  16 };
	static const guint8 off_out[] = { 5, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					  16 };
	guint8 far[sizeof(ok) + 4];

	expect_glyph_bytes(long_off, sizeof(long_off), "varint not minimal");
	expect_glyph_bytes(no_page, sizeof(no_page), "glyph page");
	expect_glyph_bytes(bad_tag, sizeof(bad_tag), "bad glyph tag");
	expect_glyph_bytes(off_out, sizeof(off_out), "glyph offsets");
	/* dx of 2^31 sixteenths: far off any page */
	memcpy(far, ok, 11);
	far[11] = 0x80; far[12] = 0x80; far[13] = 0x80; far[14] = 0x80;
	far[15] = 0x08; far[16] = 16;
	expect_glyph_bytes(far, 17, "out of range");
	(void)ok;
}

/* A count that claims more records than the buffer holds is refused
 * before anything is allocated for them. */
static void test_huge_count(void)
{
	g_autoptr(doc) d = doc_new(DOC_FORMAT_TEXT, 0);
	g_autoptr(GByteArray) enc = doc_encode(d);
	g_autoptr(GError) err = NULL;
	/* header 20, raw length 4, map count 4, then the blocks count */
	gsize at = 20 + 4 + 4;

	g_assert_cmpuint(enc->len, ==, at + 4 + 4 + 4);
	memset(enc->data + at, 0xff, 4);
	g_assert_null(doc_decode(enc->data, enc->len, &err));
	g_assert_nonnull(strstr(err->message, "count beyond"));
}

/* Damaged encodings: every prefix, and random bit flips and byte
 * stores.  None may crash or leak (ASan); whatever decodes must satisfy
 * the invariants, which a second encode/decode checks. */
static void test_damage(void)
{
	g_autoptr(doc) d = sample();
	g_autoptr(GByteArray) enc = doc_encode(d);
	GRand *rng = g_rand_new_with_seed(20240501);
	gsize cut;
	int i, decoded = 0;

	for (cut = 0; cut < enc->len; cut++) {
		g_autoptr(GError) err = NULL;

		g_assert_null(doc_decode(enc->data, cut, &err));
		g_assert_error(err, SCREENER_ERROR, SE_PROTOCOL);
	}
	for (i = 0; i < 20000; i++) {
		g_autoptr(GByteArray) bad = g_byte_array_new();
		g_autoptr(GError) err = NULL;
		g_autoptr(doc) back = NULL;
		int k, flips = g_rand_int_range(rng, 1, 4);

		g_byte_array_append(bad, enc->data, enc->len);
		for (k = 0; k < flips; k++) {
			guint at = g_rand_int_range(rng, 0, bad->len);

			if (g_rand_boolean(rng))
				bad->data[at] ^= 1u << g_rand_int_range(rng, 0,
									8);
			else
				bad->data[at] = g_rand_int(rng);
		}
		back = doc_decode(bad->data, bad->len, &err);
		if (back) {
			g_autoptr(GByteArray) re = doc_encode(back);
			g_autoptr(doc) again = doc_decode(re->data, re->len,
							  &err);

			g_assert_no_error(err);
			g_assert_nonnull(again);
			decoded++;
		} else {
			g_assert_error(err, SCREENER_ERROR, SE_PROTOCOL);
		}
	}
	/* Flips in floats, page numbers and text letters are harmless:
	 * some damaged encodings must still decode. */
	g_assert_cmpint(decoded, >, 0);
	g_rand_free(rng);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/doc_codec/glyphs-compact", test_glyphs_compact);
	g_test_add_func("/doc_codec/glyphs-canonical", test_glyphs_canonical);
	g_test_add_func("/doc_codec/round_trip", test_round_trip);
	g_test_add_func("/doc_codec/round_trip_raw", test_round_trip_raw);
	g_test_add_func("/doc_codec/invariants", test_invariants);
	g_test_add_func("/doc_codec/trailing_and_magic",
			test_trailing_and_magic);
	g_test_add_func("/doc_codec/huge_count", test_huge_count);
	g_test_add_func("/doc_codec/damage", test_damage);
	return g_test_run();
}
