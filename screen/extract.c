/*
 * extract.c - which format a document is, and who reads it.
 *
 * Owns format sniffing (from content only, never the file name) and the
 * one table that sends a format to its extractor, then normalises the
 * result.  Knows no format's internals beyond its magic bytes: the zip
 * look here reads entry names, never inflates anything.
 */
#include <string.h>

#include "extract.h"
#include "error.h"
#include "text.h"

typedef bool (*extract_fn)(const guint8 *data, gsize len,
			   const struct caps *caps, struct doc *d,
			   GError **err);

/* One line per format we read.  A format missing here is reported as
 * "unsupported format" until its extractor is added. */
static const struct {
	enum doc_format format;
	extract_fn fn;
} extractors[] = {
	{ DOC_FORMAT_TEXT, extract_text },
	{ DOC_FORMAT_RTF, extract_rtf },
};

static const guint8 ole_magic[8] = {
	0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
};

static guint16 le16(const guint8 *p)
{
	return (guint16)(p[0] | p[1] << 8);
}

static guint32 le32(const guint8 *p)
{
	return (guint32)p[0] | (guint32)p[1] << 8 | (guint32)p[2] << 16 |
	       (guint32)p[3] << 24;
}

static bool name_is(const guint8 *name, gsize n, const char *want)
{
	return n == strlen(want) && memcmp(name, want, n) == 0;
}

static bool name_starts(const guint8 *name, gsize n, const char *want)
{
	gsize w = strlen(want);

	return n >= w && memcmp(name, want, w) == 0;
}

#define ODT_MIME "application/vnd.oasis.opendocument.text"

/* What one zip entry name says about the package. */
static enum doc_format zip_name_format(const guint8 *name, gsize n)
{
	if (name_is(name, n, "[Content_Types].xml") ||
	    name_starts(name, n, "word/"))
		return DOC_FORMAT_DOCX;
	if (name_is(name, n, "content.xml"))
		return DOC_FORMAT_ODT;
	return DOC_FORMAT_UNKNOWN;
}

/* The names in the central directory, when the archive ends with one.
 * Every offset is checked against the buffer; at most 4096 entries are
 * looked at. */
static enum doc_format zip_central_format(const guint8 *p, gsize len)
{
	gsize i, lo, off, end;
	guint32 count, n;

	if (len < 22)
		return DOC_FORMAT_UNKNOWN;
	lo = len > 22 + 65535 ? len - 22 - 65535 : 0;
	for (i = len - 22; memcmp(p + i, "PK\5\6", 4) != 0; i--)
		if (i == lo)
			return DOC_FORMAT_UNKNOWN;
	count = le16(p + i + 10);
	off = le32(p + i + 16);
	end = i;
	for (n = 0; n < count && n < 4096; n++) {
		gsize nlen;
		enum doc_format f;

		if (off > end || end - off < 46 ||
		    memcmp(p + off, "PK\1\2", 4) != 0)
			break;
		nlen = le16(p + off + 28);
		if (end - off - 46 < nlen)
			break;
		f = zip_name_format(p + off + 46, nlen);
		if (f != DOC_FORMAT_UNKNOWN)
			return f;
		off += 46 + nlen + le16(p + off + 30) + le16(p + off + 32);
	}
	return DOC_FORMAT_UNKNOWN;
}

/* A zip: ODT when its first entry is the stored "mimetype" naming an
 * OpenDocument text; DOCX when its first entry or any name in the central
 * directory is an OOXML word-processing part. */
static enum doc_format sniff_zip(const guint8 *p, gsize len)
{
	gsize nlen, elen, data;
	enum doc_format f;

	if (len < 30)
		return DOC_FORMAT_UNKNOWN;
	nlen = le16(p + 26);
	elen = le16(p + 28);
	if (30 + nlen <= len) {
		if (name_is(p + 30, nlen, "mimetype")) {
			data = 30 + nlen + elen;
			return data <= len && len - data >= strlen(ODT_MIME) &&
			       memcmp(p + data, ODT_MIME,
				      strlen(ODT_MIME)) == 0 ?
				DOC_FORMAT_ODT : DOC_FORMAT_UNKNOWN;
		}
		f = zip_name_format(p + 30, nlen);
		if (f == DOC_FORMAT_DOCX)
			return f;
	}
	return zip_central_format(p, len);
}

/* A UTF-16LE name inside an OLE compound file's directory. */
static bool ole_has(const guint8 *p, gsize len, const char *name)
{
	guint8 wide[64];
	gsize i, n = strlen(name);

	g_assert(n * 2 <= sizeof(wide));
	for (i = 0; i < n; i++) {
		wide[2 * i] = (guint8)name[i];
		wide[2 * i + 1] = 0;
	}
	return memmem(p, len, wide, 2 * n) != NULL;
}

/* Sniff, with the reason for the user when the answer is "unknown". */
static enum doc_format sniff(const guint8 *p, gsize len, const char **why)
{
	gsize i;

	*why = "unknown file format";
	if (len == 0) {
		*why = "empty file";
		return DOC_FORMAT_UNKNOWN;
	}
	if (memmem(p, MIN(len, 1024), "%PDF-", 5))
		return DOC_FORMAT_PDF;
	if (len >= 4 && memcmp(p, "PK\3\4", 4) == 0) {
		enum doc_format f = sniff_zip(p, len);

		if (f == DOC_FORMAT_UNKNOWN)
			*why = "zip archive that is not a DOCX or ODT document";
		return f;
	}
	if (len >= 8 && memcmp(p, ole_magic, 8) == 0) {
		if (ole_has(p, len, "EncryptedPackage"))
			*why = "password-protected Office document";
		else if (ole_has(p, len, "WordDocument"))
			*why = "legacy Word document (.doc), not supported: "
			       "save it as DOCX or PDF";
		else
			*why = "password-protected or legacy Office document "
			       "(not supported)";
		return DOC_FORMAT_UNKNOWN;
	}
	/* RTF may follow a BOM or white space. */
	i = len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (i < len && i < 64 && g_ascii_isspace(p[i]))
		i++;
	if (len - i >= 5 && memcmp(p + i, "{\\rtf", 5) == 0)
		return DOC_FORMAT_RTF;
	if (extract_text_encoding(p, len) != TEXT_ENC_BINARY)
		return DOC_FORMAT_TEXT;
	return DOC_FORMAT_UNKNOWN;
}

enum doc_format extract_sniff(const guint8 *data, gsize len)
{
	const char *why;

	return sniff(data, len, &why);
}

struct doc *extract_buffer(const guint8 *data, gsize len,
			   const struct caps *caps, bool raw, GError **err)
{
	const char *why;
	enum doc_format format = sniff(data, len, &why);
	extract_fn fn = NULL;
	struct doc *d;
	gsize i;

	if (format == DOC_FORMAT_UNKNOWN) {
		g_set_error_literal(err, SCREENER_ERROR, SE_UNKNOWN_FORMAT,
				    why);
		return NULL;
	}
	for (i = 0; i < G_N_ELEMENTS(extractors); i++)
		if (extractors[i].format == format)
			fn = extractors[i].fn;
	if (!fn) {
		g_set_error(err, SCREENER_ERROR, SE_UNKNOWN_FORMAT,
			    "unsupported format: %s", doc_format_name(format));
		return NULL;
	}
	d = doc_new(format, caps->text_bytes);
	if (!fn(data, len, caps, d, err)) {
		doc_free(d);
		return NULL;
	}
	doc_block_close(d);	/* an extractor that stopped early */
	text_normalise(d, raw);
	if (d->text->len == 0) {
		g_set_error_literal(err, SCREENER_ERROR, SE_NO_TEXT,
				    "no text in document");
		doc_free(d);
		return NULL;
	}
	return d;
}
