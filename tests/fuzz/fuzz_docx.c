/*
 * fuzz_docx.c - libFuzzer target for the DOCX and ODT readers (zipread,
 * xmlread, parastack, extract_docx, extract_odt).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 \
 *     -D_GNU_SOURCE -iquote screen tests/fuzz/fuzz_docx.c \
 *     screen/{zipread,xmlread,parastack,extract_docx,extract_odt,doc,error}.c \
 *     $(pkg-config --cflags --libs libxml-2.0 libzip glib-2.0) -lz -o fuzz_docx
 *   ./fuzz_docx -max_total_time=60 corpus/ tests/fuzz/seeds-docx/ samples/
 *
 * Each input goes to both readers with the default caps; any crash, leak
 * or sanitizer report is a bug.  The doc must stay valid UTF-8 with its
 * blocks in order.  An input that starts with '<' is XML: it is stored
 * (with a right CRC) as word/document.xml and as content.xml of small
 * packages, so mutations reach the XML handlers instead of dying on a
 * checksum.
 */
#include <string.h>
#include <zlib.h>

#include "extract.h"

static void put16(GByteArray *b, unsigned v)
{
	guint8 x[2] = { v & 0xFF, (v >> 8) & 0xFF };

	g_byte_array_append(b, x, 2);
}

static void put32(GByteArray *b, uint32_t v)
{
	put16(b, v & 0xFFFF);
	put16(b, v >> 16);
}

/* A stored zip of n (name, bytes) pairs. */
static GByteArray *stored_zip(const char *const *names,
			      const guint8 *const *datas, const size_t *lens,
			      unsigned n)
{
	GByteArray *z = g_byte_array_new();
	GByteArray *cd = g_byte_array_new();
	uint32_t offs[8];

	for (unsigned i = 0; i < n; i++) {
		uint32_t crc = (uint32_t)crc32(0, datas[i], (uInt)lens[i]);
		size_t nl = strlen(names[i]);

		offs[i] = z->len;
		put32(z, 0x04034b50);
		put16(z, 20); put16(z, 0); put16(z, 0); put16(z, 0);
		put16(z, 0x21); put32(z, crc); put32(z, (uint32_t)lens[i]);
		put32(z, (uint32_t)lens[i]); put16(z, (unsigned)nl);
		put16(z, 0);
		g_byte_array_append(z, (const guint8 *)names[i], (guint)nl);
		g_byte_array_append(z, datas[i], (guint)lens[i]);
		put32(cd, 0x02014b50);
		put16(cd, 20); put16(cd, 20); put16(cd, 0); put16(cd, 0);
		put16(cd, 0); put16(cd, 0x21); put32(cd, crc);
		put32(cd, (uint32_t)lens[i]); put32(cd, (uint32_t)lens[i]);
		put16(cd, (unsigned)nl); put16(cd, 0); put16(cd, 0);
		put16(cd, 0); put16(cd, 0); put32(cd, 0); put32(cd, offs[i]);
		g_byte_array_append(cd, (const guint8 *)names[i], (guint)nl);
	}
	{
		uint32_t at = z->len;

		g_byte_array_append(z, cd->data, cd->len);
		put32(z, 0x06054b50);
		put16(z, 0); put16(z, 0); put16(z, n); put16(z, n);
		put32(z, cd->len); put32(z, at); put16(z, 0);
	}
	g_byte_array_unref(cd);
	return z;
}

static const char rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	"2006/relationships\"><Relationship Id=\"r1\" Type=\"x/"
	"officeDocument\" Target=\"word/document.xml\"/><Relationship "
	"Id=\"r2\" Type=\"x/core-properties\" Target=\"word/document.xml\"/>"
	"</Relationships>";
static const char doc_rels[] =
	"<Relationships><Relationship Id=\"rS\" Type=\"x/styles\" "
	"Target=\"document.xml\"/><Relationship Id=\"rH\" Type=\"x/header\" "
	"Target=\"document.xml\"/><Relationship Id=\"rN\" Type=\"x/"
	"footnotes\" Target=\"document.xml\"/><Relationship Id=\"rD\" "
	"Type=\"x/diagramData\" Target=\"document.xml\"/></Relationships>";
static const char mime[] = "application/vnd.oasis.opendocument.text";

static void check(const struct doc *d)
{
	uint32_t last = 0;

	if (!g_utf8_validate_len(d->raw->str, d->raw->len, NULL))
		__builtin_trap();
	for (guint i = 0; i < d->blocks->len; i++) {
		const struct doc_block *b =
			&g_array_index(d->blocks, struct doc_block, i);

		if (b->start < last || b->end < b->start ||
		    b->end > d->raw->len)
			__builtin_trap();
		last = b->end;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct caps c = caps_default();
	struct doc *d;
	GError *e = NULL;

	if (len && data[0] == '<') {
		/* The one XML as every part: document, styles, header,
		 * notes, diagram, core properties; and content, styles and
		 * meta of an ODT. */
		const char *dn[] = { "_rels/.rels",
				     "word/_rels/document.xml.rels",
				     "word/document.xml" };
		const guint8 *dd[] = { (const guint8 *)rels,
				       (const guint8 *)doc_rels, data };
		size_t dl[] = { sizeof(rels) - 1, sizeof(doc_rels) - 1, len };
		const char *on[] = { "mimetype", "content.xml", "styles.xml",
				     "meta.xml" };
		const guint8 *od[] = { (const guint8 *)mime, data, data,
				       data };
		size_t ol[] = { sizeof(mime) - 1, len, len, len };
		GByteArray *z = stored_zip(dn, dd, dl, 3);

		d = doc_new(DOC_FORMAT_DOCX, c.text_bytes);
		extract_docx(z->data, z->len, &c, d, &e);
		doc_block_close(d);
		check(d);
		g_clear_error(&e);
		doc_free(d);
		g_byte_array_unref(z);
		z = stored_zip(on, od, ol, 4);
		d = doc_new(DOC_FORMAT_ODT, c.text_bytes);
		extract_odt(z->data, z->len, &c, d, &e);
		doc_block_close(d);
		check(d);
		g_clear_error(&e);
		doc_free(d);
		g_byte_array_unref(z);
		return 0;
	}
	d = doc_new(DOC_FORMAT_DOCX, c.text_bytes);
	extract_docx(data, len, &c, d, &e);
	doc_block_close(d);
	check(d);
	g_clear_error(&e);
	doc_free(d);
	d = doc_new(DOC_FORMAT_ODT, c.text_bytes);
	extract_odt(data, len, &c, d, &e);
	doc_block_close(d);
	check(d);
	g_clear_error(&e);
	doc_free(d);
	return 0;
}
