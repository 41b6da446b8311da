/*
 * extract_text.c - plain text files: encoding detection and decoding.
 *
 * Owns the choice of encoding (BOM, UTF-8, UTF-16, Windows-1252) and the
 * split into blocks: one block per non-empty line, so a block's paragraph
 * number is its line's number among the non-empty lines, and blank lines
 * stay in d->raw (between blocks) for the normaliser to fold.  Must not
 * normalise anything: d->raw is the file's text, only decoded.
 */
#include <string.h>

#include "extract.h"
#include "text.h"

/* Windows-1252 0x80-0x9F; the five unassigned bytes become U+FFFD. */
static const guint16 cp1252_c1[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* UTF-16 without a BOM: most code units of Latin text have one zero
 * byte, nearly always on the same side (at least 40% of the code units,
 * and five times as many as on the other side). */
static enum text_enc sniff_utf16(const guint8 *p, gsize len)
{
	gsize n = MIN(len, 4096) & ~(gsize)1, i, even = 0, odd = 0;

	if (n < 4)
		return TEXT_ENC_BINARY;
	for (i = 0; i < n; i += 2) {
		even += p[i] == 0;
		odd += p[i + 1] == 0;
	}
	if (odd * 10 >= n / 2 * 4 && even * 5 <= odd)
		return TEXT_ENC_UTF16LE;
	if (even * 10 >= n / 2 * 4 && odd * 5 <= even)
		return TEXT_ENC_UTF16BE;
	return TEXT_ENC_BINARY;
}

static bool is_control(guint8 c)
{
	return (c < 0x20 && !(c >= '\t' && c <= '\r')) || c == 0x7F;
}

enum text_enc extract_text_encoding(const guint8 *p, gsize len)
{
	gsize i = 0, ctrl = 0, bad = 0, multi = 0, high = 0, unassigned = 0;
	enum text_enc e;

	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		return TEXT_ENC_UTF8_BOM;
	if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		return TEXT_ENC_UTF16LE;
	if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		return TEXT_ENC_UTF16BE;
	e = sniff_utf16(p, len);
	if (e != TEXT_ENC_BINARY)
		return e;
	while (i < len) {
		guint8 c = p[i];
		gunichar ch;

		if (c < 0x80) {
			ctrl += is_control(c);
			i++;
			continue;
		}
		ch = g_utf8_get_char_validated((const char *)p + i,
					       (gssize)MIN(len - i, 4));
		if (ch < 0xFFFFFFFEu) {
			multi++;
			high += (gsize)g_utf8_skip[c];
			i += (gsize)g_utf8_skip[c];
			continue;
		}
		bad++;
		high++;
		unassigned += c <= 0x9F && cp1252_c1[c - 0x80] == 0xFFFD;
		i++;
	}
	/* Text has few control bytes; binary data has many (and NUL in
	 * about one byte of ten). */
	if (ctrl * 50 > len)
		return TEXT_ENC_BINARY;
	/* A few bad bytes in otherwise good UTF-8 is damage, not 1252. */
	if (bad == 0 || multi > bad)
		return TEXT_ENC_UTF8;
	if (unassigned * 50 > len || high * 2 > len)
		return TEXT_ENC_BINARY;
	return TEXT_ENC_CP1252;
}

static guint32 unit16(const guint8 *p, bool be)
{
	return be ? (guint32)p[0] << 8 | p[1] : (guint32)p[1] << 8 | p[0];
}

/* Decode UTF-16 into out until it holds more than cap bytes.  Unpaired
 * surrogates, NUL and an odd last byte become U+FFFD. */
static void from_utf16(GString *out, const guint8 *p, gsize len, bool be,
		       gsize cap)
{
	gsize i;

	for (i = 0; i + 1 < len && out->len <= cap; i += 2) {
		gunichar u = unit16(p + i, be);

		if (u >= 0xD800 && u < 0xDC00 && i + 3 < len &&
		    unit16(p + i + 2, be) >= 0xDC00 &&
		    unit16(p + i + 2, be) < 0xE000) {
			u = 0x10000 + ((u - 0xD800) << 10) +
			    (unit16(p + i + 2, be) - 0xDC00);
			i += 2;
		} else if ((u >= 0xD800 && u < 0xE000) || u == 0) {
			u = 0xFFFD;
		}
		g_string_append_unichar(out, u);
	}
	if (i < len && out->len <= cap)
		g_string_append_unichar(out, 0xFFFD);
}

gunichar extract_cp1252(guint8 c)
{
	if (c == 0)
		return 0xFFFD;
	return c >= 0x80 && c < 0xA0 ? cp1252_c1[c - 0x80] : c;
}

static void from_cp1252(GString *out, const guint8 *p, gsize len, gsize cap)
{
	gsize i;

	for (i = 0; i < len && out->len <= cap; i++) {
		guint8 c = p[i];

		if (c && c < 0x80)
			g_string_append_c(out, (char)c);
		else
			g_string_append_unichar(out, extract_cp1252(c));
	}
}

/* One block per non-empty line; "\r\n" and a lone "\r" end lines too. */
static void add_lines(struct doc *d, const char *s, gsize len)
{
	gsize i = 0;

	while (i < len && !doc_full(d)) {
		gsize e = i;

		while (e < len && s[e] != '\n' && s[e] != '\r')
			e++;
		if (e == i) {
			doc_append(d, "\n", 1);
		} else {
			doc_block_open(d, 0, DOC_BLOCK_BODY, 0);
			doc_append(d, s + i, (gssize)(e - i));
			doc_block_close(d);
		}
		if (e + 1 < len && s[e] == '\r' && s[e + 1] == '\n')
			e++;
		i = e + 1;
	}
}

bool extract_text(const guint8 *data, gsize len, const struct caps *caps,
		  struct doc *d, GError **err)
{
	/* Decoding stops a little past the cap: doc_append() cuts there
	 * on a character boundary and records the warning. */
	gsize cap = MIN(d->text_cap, (guint64)G_MAXSIZE - 8) + 4;
	g_autoptr(GString) out = g_string_sized_new(MIN(len, cap) + 16);
	g_autofree char *valid = NULL;

	enum text_enc enc = extract_text_encoding(data, len);

	switch (enc) {
	case TEXT_ENC_UTF8_BOM:
		data += 3;
		len -= 3;
		/* fall through */
	case TEXT_ENC_UTF8:
		valid = text_make_valid((const char *)data,
					(gssize)MIN(len, cap));
		add_lines(d, valid, strlen(valid));
		return true;
	case TEXT_ENC_UTF16LE:
	case TEXT_ENC_UTF16BE: {
		bool be = enc == TEXT_ENC_UTF16BE;
		gsize bom = len >= 2 && unit16(data, be) == 0xFEFF ? 2 : 0;

		from_utf16(out, data + bom, len - bom, be, cap);
		break;
	}
	case TEXT_ENC_CP1252:
	case TEXT_ENC_BINARY:
		from_cp1252(out, data, len, cap);
		break;
	}
	add_lines(d, out->str, out->len);
	return true;
}
