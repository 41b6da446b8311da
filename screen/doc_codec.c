/*
 * doc_codec.c - the flat byte encoding of a struct doc (doc_encode,
 * doc_decode), used on the socket from the extraction child and as the
 * stored form of a document in the database.
 *
 * Owns the wire format only; never touches a file, a process or SQLite.
 * doc_decode() reads bytes written by a process that parsed hostile input,
 * so it trusts nothing: every length is checked against the bytes left,
 * every count is bounded, every offset is checked against the text it
 * points into, and every string must be valid UTF-8 without NUL.
 *
 * Layout, all integers little-endian, no padding:
 *
 *   magic    "SDOC"          4 bytes
 *   version  u8 (1)
 *   format   u8              enum doc_format
 *   flags    u8              bit 0 truncated, 1 has date, 2 has text
 *   reserved u8 (0)
 *   pages    u32
 *   text_cap u64
 *   date     str             only with flag 1
 *   raw      str
 *   text     str             only with flag 2
 *   map      u32 n, n x u32  n = text length + 1 with flag 2, else 0
 *   blocks   u32 n, n x (start u32, end u32, page u32, para u32,
 *                          kind u8, heading u8)
 *   glyphs   u32 n, n x glyph (below)
 *   warnings u32 n, n x str
 *
 * A glyph is a few bytes, not 24: layout is kept for every character, so
 * its size is the text's times a small factor (HARDENING 30).
 *
 *   off      varint          the offset minus the previous glyph's (0 first)
 *   tag      u8              bit 0: page follows, bit 1: y1 and y2 follow
 *   page     varint          only with bit 0: set on the first glyph and
 *                            whenever the page changes, never else
 *   y1, y2   f32, f32        only with bit 1: likewise for the line's box
 *   dx       svarint         x1 minus the previous glyph's x2 (0 first)
 *   width    varint          x2 minus x1
 *
 * x is kept in sixteenths of a point, within +-2^20 points (exact in a
 * float): ample for a highlight, and what decodes encodes to the same
 * bytes.  varint: 7 bits a byte, low first, at most 5 bytes, no needless
 * trailing zero byte; svarint: the varint of the zigzag of the value.
 *
 * where str is a u32 byte length and the bytes (no terminator).  Nothing
 * may follow the last warning.  Bump the version on any change: stored
 * documents of another version fail to decode and are extracted again.
 */
#include <math.h>
#include <string.h>

#include "doc.h"
#include "error.h"

#define CODEC_MAGIC "SDOC"
#define CODEC_VERSION 2

enum {
	FLAG_TRUNCATED = 1 << 0,
	FLAG_DATE = 1 << 1,
	FLAG_TEXT = 1 << 2,
	FLAG_ALL = FLAG_TRUNCATED | FLAG_DATE | FLAG_TEXT,
};

/* Sizes of one encoded record, for bounding counts by the bytes left. */
#define BLOCK_BYTES 18u
/* The fewest bytes a glyph takes: off, tag, dx and width, one each. */
#define GLYPH_MIN_BYTES 4u
/* x in sixteenths of a point, bounded so a float holds it exactly. */
#define X_UNITS 16.0f
#define X_MAX (1 << 24)
#define MAX_WARNINGS 4096u
#define MAX_WARNING_BYTES 4096u
#define MAX_DATE_BYTES 64u

static void put_u8(GByteArray *b, guint8 v)
{
	g_byte_array_append(b, &v, 1);
}

static void put_u32(GByteArray *b, guint32 v)
{
	guint8 x[4] = { v, v >> 8, v >> 16, v >> 24 };

	g_byte_array_append(b, x, sizeof(x));
}

static void put_u64(GByteArray *b, guint64 v)
{
	put_u32(b, (guint32)v);
	put_u32(b, (guint32)(v >> 32));
}

static void put_f32(GByteArray *b, float f)
{
	guint32 v;

	memcpy(&v, &f, sizeof(v));
	put_u32(b, v);
}

static void put_varint(GByteArray *b, guint32 v)
{
	while (v >= 0x80) {
		put_u8(b, (guint8)(v | 0x80));
		v >>= 7;
	}
	put_u8(b, (guint8)v);
}

static guint32 zigzag(gint32 v)
{
	return ((guint32)v << 1) ^ (guint32)(v >> 31);
}

/* x in sixteenths of a point, clamped to the range the format keeps. */
static gint32 x_units(float x)
{
	float u = isfinite(x) ? x * X_UNITS : 0;

	if (u > X_MAX)
		return X_MAX;
	if (u < -X_MAX)
		return -X_MAX;
	return (gint32)lrintf(u);
}

static bool same_float(float a, float b)
{
	return memcmp(&a, &b, sizeof(a)) == 0;
}

static void put_glyphs(GByteArray *b, const GArray *glyphs)
{
	guint32 prev_off = 0, prev_page = 0;
	gint32 prev_x2 = 0;
	float prev_y1 = 0, prev_y2 = 0;
	guint i;

	put_u32(b, glyphs->len);
	for (i = 0; i < glyphs->len; i++) {
		const struct doc_glyph *g =
			&g_array_index(glyphs, struct doc_glyph, i);
		gint32 x1 = x_units(g->x1), x2 = MAX(x_units(g->x2), x1);
		bool new_page = i == 0 || g->page != prev_page;
		bool new_line = i == 0 || !same_float(g->y1, prev_y1) ||
				!same_float(g->y2, prev_y2);

		put_varint(b, g->off - prev_off);
		put_u8(b, (guint8)(new_page | new_line << 1));
		if (new_page)
			put_varint(b, g->page);
		if (new_line) {
			put_f32(b, g->y1);
			put_f32(b, g->y2);
		}
		put_varint(b, zigzag(x1 - prev_x2));
		put_varint(b, (guint32)(x2 - x1));
		prev_off = g->off;
		prev_page = g->page;
		prev_y1 = g->y1;
		prev_y2 = g->y2;
		prev_x2 = x2;
	}
}

static void put_str(GByteArray *b, const char *s, gsize len)
{
	put_u32(b, (guint32)len);
	g_byte_array_append(b, (const guint8 *)s, len);
}

GByteArray *doc_encode(const struct doc *d)
{
	GByteArray *b = g_byte_array_sized_new(64 + d->raw->len * 2);
	guint8 flags = 0;
	guint i;

	if (d->truncated)
		flags |= FLAG_TRUNCATED;
	if (d->date)
		flags |= FLAG_DATE;
	if (d->text)
		flags |= FLAG_TEXT;
	g_byte_array_append(b, (const guint8 *)CODEC_MAGIC, 4);
	put_u8(b, CODEC_VERSION);
	put_u8(b, (guint8)d->format);
	put_u8(b, flags);
	put_u8(b, 0);
	put_u32(b, d->pages);
	put_u64(b, d->text_cap);
	if (d->date)
		put_str(b, d->date, strlen(d->date));
	put_str(b, d->raw->str, d->raw->len);
	if (d->text) {
		put_str(b, d->text->str, d->text->len);
		/* The map has one entry per text byte plus the end; a doc
		 * without one (never normalised) maps byte to byte. */
		put_u32(b, d->text->len + 1);
		for (i = 0; i <= d->text->len; i++)
			put_u32(b, d->map && i < d->map->len ?
				   g_array_index(d->map, guint32, i) :
				   MIN(i, d->raw->len));
	} else {
		put_u32(b, 0);
	}
	put_u32(b, d->blocks->len);
	for (i = 0; i < d->blocks->len; i++) {
		const struct doc_block *k =
			&g_array_index(d->blocks, struct doc_block, i);

		put_u32(b, k->start);
		put_u32(b, k->end);
		put_u32(b, k->page);
		put_u32(b, k->para);
		put_u8(b, k->kind);
		put_u8(b, k->heading);
	}
	put_glyphs(b, d->glyphs);
	put_u32(b, d->warnings->len);
	for (i = 0; i < d->warnings->len; i++) {
		const char *w = g_ptr_array_index(d->warnings, i);

		put_str(b, w, strlen(w));
	}
	return b;
}

/* A cursor over the bytes being decoded; every read checks what is left
 * and latches the first failure, so the decoder reads straight through
 * and tests ok once per section. */
struct reader {
	const guint8 *p;
	gsize left;
	const char *why;	/* first problem, or NULL */
};

static bool fail(struct reader *r, const char *why)
{
	if (!r->why)
		r->why = why;
	r->left = 0;
	return false;
}

static const guint8 *take(struct reader *r, gsize n)
{
	const guint8 *p;

	if (r->why)
		return NULL;
	if (n > r->left) {
		fail(r, "truncated");
		return NULL;
	}
	p = r->p;
	r->p += n;
	r->left -= n;
	return p;
}

static guint8 get_u8(struct reader *r)
{
	const guint8 *p = take(r, 1);

	return p ? p[0] : 0;
}

static guint32 get_u32(struct reader *r)
{
	const guint8 *p = take(r, 4);

	if (!p)
		return 0;
	return (guint32)p[0] | (guint32)p[1] << 8 | (guint32)p[2] << 16 |
	       (guint32)p[3] << 24;
}

static guint64 get_u64(struct reader *r)
{
	guint64 lo = get_u32(r);

	return lo | (guint64)get_u32(r) << 32;
}

static float get_f32(struct reader *r)
{
	guint32 v = get_u32(r);
	float f;

	memcpy(&f, &v, sizeof(f));
	return f;
}

/* A string of at most max bytes; with utf8, it must be valid UTF-8
 * without NUL.  Returns a pointer into the buffer and its length. */
static const char *get_str(struct reader *r, gsize max, bool utf8,
			   gsize *len)
{
	guint32 n = get_u32(r);
	const guint8 *p;

	*len = 0;
	if (r->why)
		return NULL;
	if (n > max)
		return fail(r, "string too long"), NULL;
	p = take(r, n);
	if (!p)
		return NULL;
	if (utf8 && !g_utf8_validate_len((const char *)p, n, NULL))
		return fail(r, "invalid UTF-8"), NULL;
	*len = n;
	return (const char *)p;
}

/* A varint as put_varint() writes it: no more than 5 bytes, no needless
 * trailing zero byte, nothing past 32 bits, so that what decodes encodes
 * to the same bytes. */
static guint32 get_varint(struct reader *r)
{
	guint32 v = 0;
	guint i;

	for (i = 0; i < 5; i++) {
		guint8 c = get_u8(r);

		if (r->why)
			return 0;
		if (i == 4 && c > 0x0f)
			return fail(r, "varint past 32 bits"), 0;
		v |= (guint32)(c & 0x7f) << (7 * i);
		if (!(c & 0x80)) {
			if (c == 0 && i > 0)
				return fail(r, "varint not minimal"), 0;
			return v;
		}
	}
	return fail(r, "varint too long"), 0;
}

/* A count of records of size each, which must fit in what is left. */
static guint32 get_count(struct reader *r, gsize each)
{
	guint32 n = get_u32(r);

	if (!r->why && (gsize)n > r->left / each)
		fail(r, "count beyond the buffer");
	return r->why ? 0 : n;
}

static void decode_blocks(struct reader *r, struct doc *d, guint32 limit)
{
	guint32 n = get_count(r, BLOCK_BYTES), i, prev_end = 0;

	g_array_set_size(d->blocks, n);
	for (i = 0; i < n && !r->why; i++) {
		struct doc_block *k =
			&g_array_index(d->blocks, struct doc_block, i);

		k->start = get_u32(r);
		k->end = get_u32(r);
		k->page = get_u32(r);
		k->para = get_u32(r);
		k->kind = get_u8(r);
		k->heading = get_u8(r);
		if (k->start < prev_end || k->end < k->start || k->end > limit)
			fail(r, "block offsets out of order or range");
		else if (k->kind > DOC_BLOCK_NOTE || k->heading > 9)
			fail(r, "bad block kind or heading");
		else if (d->pages && k->page > d->pages)
			fail(r, "block page out of range");
		prev_end = k->end;
	}
}

static void decode_glyphs(struct reader *r, struct doc *d)
{
	guint32 n = get_count(r, GLYPH_MIN_BYTES), i, prev_off = 0;
	guint32 prev_page = 0;
	gint64 prev_x2 = 0;
	float prev_y1 = 0, prev_y2 = 0;

	g_array_set_size(d->glyphs, n);
	for (i = 0; i < n && !r->why; i++) {
		struct doc_glyph *g =
			&g_array_index(d->glyphs, struct doc_glyph, i);
		guint32 delta = get_varint(r), z, w;
		guint8 tag = get_u8(r);
		gint64 x1, x2;

		/* prev_off < raw->len: the sum cannot wrap. */
		g->off = delta < d->raw->len - prev_off ? prev_off + delta :
			 d->raw->len;
		g->page = tag & 1 ? get_varint(r) : prev_page;
		if (tag & 2) {
			g->y1 = get_f32(r);
			g->y2 = get_f32(r);
		} else {
			g->y1 = prev_y1;
			g->y2 = prev_y2;
		}
		z = get_varint(r);
		w = get_varint(r);
		x1 = prev_x2 + (gint64)(z >> 1) * ((z & 1) ? -1 : 1) -
		     (z & 1);
		x2 = x1 + w;
		if (r->why)
			break;
		if (tag & ~3u)
			fail(r, "bad glyph tag");
		else if (g->off >= d->raw->len)
			fail(r, "glyph offsets out of order or range");
		else if (g->page == 0 || (d->pages && g->page > d->pages))
			fail(r, "glyph page out of range");
		else if ((i == 0 && !(tag & 1)) ||
			 (i > 0 && (tag & 1) && g->page == prev_page))
			fail(r, "glyph page not as written");
		else if (!isfinite(g->y1) || !isfinite(g->y2))
			fail(r, "glyph box not finite");
		else if ((i == 0 && !(tag & 2)) ||
			 (i > 0 && (tag & 2) && same_float(g->y1, prev_y1) &&
			  same_float(g->y2, prev_y2)))
			fail(r, "glyph line not as written");
		else if (x1 < -X_MAX || x1 > X_MAX || x2 > X_MAX)
			fail(r, "glyph box out of range");
		g->x1 = (float)x1 / X_UNITS;
		g->x2 = (float)x2 / X_UNITS;
		prev_off = g->off;
		prev_page = g->page;
		prev_y1 = g->y1;
		prev_y2 = g->y2;
		prev_x2 = x2;
	}
}

static void decode_map(struct reader *r, struct doc *d)
{
	guint32 n = get_count(r, 4), i, prev = 0;

	if (r->why)
		return;
	if (!d->text) {
		if (n != 0)
			fail(r, "map without text");
		return;
	}
	if ((gsize)n != (gsize)d->text->len + 1) {
		fail(r, "map length differs from text");
		return;
	}
	d->map = g_array_sized_new(FALSE, FALSE, sizeof(guint32), n);
	g_array_set_size(d->map, n);
	for (i = 0; i < n && !r->why; i++) {
		guint32 v = get_u32(r);

		if (v < prev || v > d->raw->len)
			fail(r, "map not monotonic or out of range");
		g_array_index(d->map, guint32, i) = v;
		prev = v;
	}
}

struct doc *doc_decode(const guint8 *buf, gsize len, GError **err)
{
	struct reader r = { .p = buf, .left = len };
	g_autoptr(doc) d = NULL;
	const guint8 *magic;
	const char *s;
	guint8 version, format, flags;
	guint32 pages, nwarn, i;
	guint64 text_cap;
	gsize n;

	magic = take(&r, 4);
	if (magic && memcmp(magic, CODEC_MAGIC, 4) != 0)
		fail(&r, "bad magic");
	version = get_u8(&r);
	format = get_u8(&r);
	flags = get_u8(&r);
	if (get_u8(&r) != 0 || (!r.why && version != CODEC_VERSION))
		fail(&r, "unknown version");
	if (format > DOC_FORMAT_RTF || (flags & ~FLAG_ALL))
		fail(&r, "bad format or flags");
	pages = get_u32(&r);
	text_cap = get_u64(&r);
	if (r.why)
		goto bad;

	d = doc_new(format, text_cap);
	d->text_cap = text_cap;	/* as stored, even 0: decoding is exact */
	d->pages = pages;
	d->truncated = flags & FLAG_TRUNCATED;
	if (flags & FLAG_DATE) {
		s = get_str(&r, MAX_DATE_BYTES, true, &n);
		if (s)
			d->date = g_strndup(s, n);
	}
	/* raw and text are bounded by the buffer itself; the parent caps
	 * the buffer.  raw is what an extractor appended and may still
	 * hold bad bytes (text_normalise() replaces them); text is what
	 * every later stage reads, so it must be clean. */
	s = get_str(&r, G_MAXUINT32 - 1, false, &n);
	if (s)
		g_string_append_len(d->raw, s, n);
	if (flags & FLAG_TEXT) {
		s = get_str(&r, G_MAXUINT32 - 1, true, &n);
		if (s)
			d->text = g_string_new_len(s, n);
	}
	decode_map(&r, d);
	decode_blocks(&r, d, d->text ? d->text->len : d->raw->len);
	decode_glyphs(&r, d);
	nwarn = get_count(&r, 4);
	if (nwarn > MAX_WARNINGS)
		fail(&r, "too many warnings");
	for (i = 0; i < nwarn && !r.why; i++) {
		s = get_str(&r, MAX_WARNING_BYTES, true, &n);
		if (s)
			g_ptr_array_add(d->warnings, g_strndup(s, n));
	}
	if (!r.why && r.left != 0)
		fail(&r, "trailing bytes");
	if (r.why)
		goto bad;
	return g_steal_pointer(&d);
bad:
	g_set_error(err, SCREENER_ERROR, SE_PROTOCOL,
		    "malformed document encoding (%s)", r.why);
	return NULL;
}
