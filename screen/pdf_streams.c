/*
 * pdf_streams.c - the text render modes a PDF's content streams set (see
 * pdf_streams.h).
 *
 * poppler-glib gives each run of text its font, size and colour
 * (poppler_page_get_text_attributes()) but not its render mode, so text
 * drawn in mode 3 (neither filled nor stroked: no reader sees it) reads
 * like any other.  Finding out on a rendering of every page would cost
 * twice the extraction; scanning the streams for the operator costs a
 * pass of inflate over the file, and the rendering is done only where
 * the file does set the mode (extract_pdf.c).  Every stream is read
 * under caps: at most STREAM_MAX bytes inflated from one, TOTAL_MAX
 * from all, so a stream that inflates without end costs no more.
 */
#include <string.h>
#include <zlib.h>

#include "pdf_streams.h"

#define STREAM_MAX (8u << 20)
#define TOTAL_MAX (64u << 20)
/* How far before "stream" its dictionary may start. */
#define DICT_MAX 1024

/* "3 Tr" or "7 Tr" as an operator with its operand: the digit alone,
 * after white space or a delimiter, then white space, then Tr ending
 * there. */
static bool sets_invisible(const guint8 *s, gsize n)
{
	for (const guint8 *p = s; (p = memchr(p, 'T', n - (p - s)));
	     p++) {
		const guint8 *q = p;

		if ((gsize)(p - s) + 2 > n || p[1] != 'r')
			continue;
		if ((gsize)(p - s) + 2 < n && g_ascii_isalnum(p[2]))
			continue;
		while (q > s && g_ascii_isspace(q[-1]))
			q--;
		if (q == p || q == s || (q[-1] != '3' && q[-1] != '7'))
			continue;
		if (q - 1 > s && (g_ascii_isdigit(q[-2]) || q[-2] == '.' ||
				  q[-2] == '-' || q[-2] == '+'))
			continue;
		return true;
	}
	return false;
}

/* Inflate src into a buffer of at most cap bytes; how many came out
 * (what inflated before an error counts: a damaged stream still says
 * what it said). */
static gsize inflate_capped(const guint8 *src, gsize len, guint8 *out,
			    gsize cap)
{
	z_stream z = { 0 };
	gsize got;

	if (inflateInit(&z) != Z_OK)
		return 0;
	z.next_in = (Bytef *)src;
	z.avail_in = (uInt)MIN(len, (gsize)G_MAXUINT32);
	z.next_out = out;
	z.avail_out = (uInt)cap;
	(void)inflate(&z, Z_FINISH);
	got = cap - z.avail_out;
	inflateEnd(&z);
	return got;
}

/* Whether the dictionary before a stream names s. */
static bool dict_has(const guint8 *dict, gsize n, const char *s)
{
	return memmem(dict, n, s, strlen(s)) != NULL;
}

/* The stream's dictionary: from its object's "obj" to "stream" at p,
 * at most DICT_MAX bytes back. */
static const guint8 *dict_start(const guint8 *data, const guint8 *p)
{
	const guint8 *lo = p - MIN((gsize)(p - data), DICT_MAX);

	for (const guint8 *q = p; q - 3 >= lo; q--)
		if (memcmp(q - 3, "obj", 3) == 0)
			return q;
	return lo;
}

bool pdf_streams_invisible_text(const guint8 *data, gsize len)
{
	g_autofree guint8 *buf = NULL;
	gsize total = 0;
	const guint8 *p, *end;

	/* Encrypted streams read as noise; nothing to find there. */
	if (!data || !len || memmem(data, len, "/Encrypt", 8))
		return false;
	p = data;
	end = data + len;
	while (p < end && (p = memmem(p, end - p, "stream", 6))) {
		const guint8 *body = p + 6, *stop, *dict;
		gsize dn;

		/* "endstream" is no start; "stream" then an end of line. */
		if (p - data >= 3 && memcmp(p - 3, "end", 3) == 0) {
			p += 6;
			continue;
		}
		if (body < end && *body == '\r')
			body++;
		if (body >= end || *body != '\n') {
			p += 6;
			continue;
		}
		body++;
		stop = memmem(body, end - body, "endstream", 9);
		if (!stop)
			stop = end;
		dict = dict_start(data, p);
		dn = p - dict;
		p = stop;
		if (dict_has(dict, dn, "/Image"))
			continue;
		if (!dict_has(dict, dn, "Decode")) {
			if (sets_invisible(body, stop - body))
				return true;
			continue;
		}
		if (!dict_has(dict, dn, "/FlateDecode") || total >= TOTAL_MAX)
			continue;
		if (!buf)
			buf = g_malloc(STREAM_MAX);
		{
			gsize got = inflate_capped(body, stop - body, buf,
						   MIN(STREAM_MAX,
						       TOTAL_MAX - total));

			total += got;
			if (sets_invisible(buf, got))
				return true;
		}
	}
	return false;
}
