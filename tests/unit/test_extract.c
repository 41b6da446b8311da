/* test_extract.c - sniffing every format from its bytes, and dispatch. */
#include <string.h>

#include "error.h"
#include "extract.h"

/* A zip of stored entries, enough for the sniffer (CRCs are left 0):
 * local headers, the central directory and its end record. */
static GByteArray *zip_build(const char *const *names,
			     const char *const *datas, guint n)
{
	GByteArray *z = g_byte_array_new();
	GByteArray *cd = g_byte_array_new();
	guint32 *offs = g_new0(guint32, n);
	guint8 h[46];
	guint i;

#define PUT16(p, v) do { (p)[0] = (guint8)(v); (p)[1] = (guint8)((v) >> 8); } while (0)
#define PUT32(p, v) do { PUT16(p, v); PUT16((p) + 2, (v) >> 16); } while (0)
	for (i = 0; i < n; i++) {
		guint32 nl = (guint32)strlen(names[i]);
		guint32 dl = (guint32)strlen(datas[i]);

		offs[i] = z->len;
		memset(h, 0, sizeof(h));
		memcpy(h, "PK\3\4", 4);
		PUT32(h + 18, dl);
		PUT32(h + 22, dl);
		PUT16(h + 26, nl);
		g_byte_array_append(z, h, 30);
		g_byte_array_append(z, (const guint8 *)names[i], nl);
		g_byte_array_append(z, (const guint8 *)datas[i], dl);
		memset(h, 0, sizeof(h));
		memcpy(h, "PK\1\2", 4);
		PUT32(h + 20, dl);
		PUT32(h + 24, dl);
		PUT16(h + 28, nl);
		PUT32(h + 42, offs[i]);
		g_byte_array_append(cd, h, 46);
		g_byte_array_append(cd, (const guint8 *)names[i], nl);
	}
	memset(h, 0, sizeof(h));
	memcpy(h, "PK\5\6", 4);
	PUT16(h + 8, n);
	PUT16(h + 10, n);
	PUT32(h + 12, cd->len);
	PUT32(h + 16, z->len);
	g_byte_array_append(z, cd->data, cd->len);
	g_byte_array_append(z, h, 22);
	g_byte_array_unref(cd);
	g_free(offs);
	return z;
}

static enum doc_format sniff_str(const char *s)
{
	return extract_sniff((const guint8 *)s, strlen(s));
}

/* extract_buffer() on bytes that must fail: the error's code and
 * message. */
static void want_error(const void *data, gsize len, int code,
		       const char *message)
{
	struct caps caps = caps_default();
	g_autoptr(GError) err = NULL;
	struct doc *d = extract_buffer(data, len, &caps, false, &err);

	g_assert_null(d);
	g_assert_error(err, SCREENER_ERROR, code);
	g_assert_cmpstr(err->message, ==, message);
}

static void test_pdf(void)
{
	char buf[1200];

	g_assert_cmpint(sniff_str("%PDF-1.7\n%\xE2\xE3\n1 0 obj"), ==,
			DOC_FORMAT_PDF);
	/* Junk before the header is allowed within the first 1024 bytes. */
	memset(buf, 'x', sizeof(buf));
	memcpy(buf + 1000, "%PDF-1.4", 8);
	g_assert_cmpint(extract_sniff((guint8 *)buf, sizeof(buf)), ==,
			DOC_FORMAT_PDF);
	memset(buf, 'x', sizeof(buf));
	memcpy(buf + 1020, "%PDF-1.4", 8);
	g_assert_cmpint(extract_sniff((guint8 *)buf, sizeof(buf)), ==,
			DOC_FORMAT_TEXT);
	g_assert_cmpint(sniff_str("%PDF"), ==, DOC_FORMAT_TEXT);
}

static void test_zip(void)
{
	static const char *const docx[] = {
		"[Content_Types].xml", "_rels/.rels", "word/document.xml",
	};
	static const char *const docx_late[] = {
		"docProps/app.xml", "_rels/.rels", "word/document.xml",
	};
	static const char *const odt[] = { "mimetype", "content.xml" };
	static const char *const data[] = { "x", "y", "z" };
	static const char *const odt_data[] = {
		"application/vnd.oasis.opendocument.text", "<x/>",
	};
	static const char *const ods_data[] = {
		"application/vnd.oasis.opendocument.spreadsheet", "<x/>",
	};
	static const char *const other[] = { "a.txt", "b/c.png" };
	GByteArray *z;

	z = zip_build(docx, data, 3);
	g_assert_cmpint(extract_sniff(z->data, z->len), ==, DOC_FORMAT_DOCX);
	g_byte_array_unref(z);
	z = zip_build(docx_late, data, 3);
	g_assert_cmpint(extract_sniff(z->data, z->len), ==, DOC_FORMAT_DOCX);
	/* Cut the central directory off: the first entry says nothing. */
	g_assert_cmpint(extract_sniff(z->data, 60), ==, DOC_FORMAT_UNKNOWN);
	g_byte_array_unref(z);
	z = zip_build(odt, odt_data, 2);
	g_assert_cmpint(extract_sniff(z->data, z->len), ==, DOC_FORMAT_ODT);
	g_byte_array_unref(z);
	z = zip_build(odt, ods_data, 2);
	g_assert_cmpint(extract_sniff(z->data, z->len), ==,
			DOC_FORMAT_UNKNOWN);
	want_error(z->data, z->len, SE_UNKNOWN_FORMAT,
		   "zip archive that is not a DOCX or ODT document");
	g_byte_array_unref(z);
	z = zip_build(other, data, 2);
	g_assert_cmpint(extract_sniff(z->data, z->len), ==,
			DOC_FORMAT_UNKNOWN);
	g_byte_array_unref(z);
	/* A truncated local header. */
	g_assert_cmpint(extract_sniff((const guint8 *)"PK\3\4\0\0", 6), ==,
			DOC_FORMAT_UNKNOWN);
}

/* An end record whose central directory points outside the file. */
static void test_zip_hostile(void)
{
	static const char *const names[] = { "a", "word/document.xml" };
	static const char *const data[] = { "1", "2" };
	GByteArray *z = zip_build(names, data, 2);
	guint8 *eocd = z->data + z->len - 22;
	guint32 bad[] = { 0xFFFFFFF0u, z->len - 22, z->len - 30, 0 };
	guint i;

	for (i = 0; i < G_N_ELEMENTS(bad); i++) {
		PUT32(eocd + 16, bad[i]);
		g_assert_cmpint(extract_sniff(z->data, z->len), ==,
				DOC_FORMAT_UNKNOWN);
	}
	/* A name length running past the end. */
	PUT32(eocd + 16, z->len - 22 - (46 + 1) - (46 + 17));
	g_assert_cmpint(extract_sniff(z->data, z->len), ==, DOC_FORMAT_DOCX);
	z->data[z->len - 22 - 17 - 46 + 28] = 0xFF;
	g_assert_cmpint(extract_sniff(z->data, z->len), ==,
			DOC_FORMAT_UNKNOWN);
	g_byte_array_unref(z);
}

static void test_rtf(void)
{
	g_assert_cmpint(sniff_str("{\\rtf1\\ansi hello}"), ==, DOC_FORMAT_RTF);
	g_assert_cmpint(sniff_str("\xEF\xBB\xBF  \r\n{\\rtf1 x}"), ==,
			DOC_FORMAT_RTF);
	g_assert_cmpint(sniff_str("{\\rt"), ==, DOC_FORMAT_TEXT);
}

static void test_ole(void)
{
	guint8 buf[512] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
	static const char word[] = "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
	static const char enc[] =
		"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";

	g_assert_cmpint(extract_sniff(buf, sizeof(buf)), ==,
			DOC_FORMAT_UNKNOWN);
	want_error(buf, sizeof(buf), SE_UNKNOWN_FORMAT,
		   "password-protected or legacy Office document "
		   "(not supported)");
	memcpy(buf + 300, word, sizeof(word) - 1);
	want_error(buf, sizeof(buf), SE_UNKNOWN_FORMAT,
		   "legacy Word document (.doc), not supported: "
		   "save it as DOCX or PDF");
	memcpy(buf + 300, enc, sizeof(enc) - 1);
	want_error(buf, sizeof(buf), SE_UNKNOWN_FORMAT,
		   "password-protected Office document");
}

static void test_text(void)
{
	g_assert_cmpint(sniff_str("Jane Doe\nIntegration Engineer\n"), ==,
			DOC_FORMAT_TEXT);
	g_assert_cmpint(sniff_str("R\xC3\xA9sum\xC3\xA9"), ==,
			DOC_FORMAT_TEXT);
	g_assert_cmpint(sniff_str("R\xE9sum\xE9 \x96 2021"), ==,
			DOC_FORMAT_TEXT);
	g_assert_cmpint(extract_sniff((const guint8 *)"\xFF\xFEh\0i\0", 6),
			==, DOC_FORMAT_TEXT);
	g_assert_cmpint(extract_sniff((const guint8 *)"\xFE\xFF\0h\0i", 6),
			==, DOC_FORMAT_TEXT);
	g_assert_cmpint(extract_sniff((const guint8 *)"h\0e\0l\0l\0o\0", 10),
			==, DOC_FORMAT_TEXT);
}

static void test_unknown(void)
{
	guint8 buf[4096];
	GRand *rnd = g_rand_new_with_seed(7);
	guint i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (guint8)g_rand_int_range(rnd, 0, 256);
	g_rand_free(rnd);
	buf[0] = 0x7F;	/* not accidentally a magic number */
	g_assert_cmpint(extract_sniff(buf, sizeof(buf)), ==,
			DOC_FORMAT_UNKNOWN);
	want_error(buf, sizeof(buf), SE_UNKNOWN_FORMAT, "unknown file format");
	/* PNG, gzip, ELF */
	want_error("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20,
		   SE_UNKNOWN_FORMAT, "unknown file format");
	want_error("\x1F\x8B\x08\0\0\0\0\0\0\x03\x01\x02\x03\x04\x05\x06", 16,
		   SE_UNKNOWN_FORMAT, "unknown file format");
	want_error("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3E\0", 20,
		   SE_UNKNOWN_FORMAT, "unknown file format");
	want_error("", 0, SE_UNKNOWN_FORMAT, "empty file");
}

static void test_dispatch(void)
{
	static const char text[] = "  Jane   Doe \r\n\r\n\r\nKafka\xE2\x80\x94" "Camel\n";
	struct caps caps = caps_default();
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = NULL;
	g_autoptr(doc) r = NULL;
	struct doc *bad;

	d = extract_buffer((const guint8 *)text, sizeof(text) - 1, &caps,
			   false, &err);
	g_assert_no_error(err);
	g_assert_cmpint(d->format, ==, DOC_FORMAT_TEXT);
	g_assert_cmpstr(d->text->str, ==, "Jane Doe\n\nKafka-Camel\n");
	g_assert_cmpuint(d->blocks->len, ==, 2);
	g_assert_cmpuint(d->map->len, ==, d->text->len + 1);
	r = extract_buffer((const guint8 *)text, sizeof(text) - 1, &caps,
			   true, &err);
	g_assert_no_error(err);
	g_assert_cmpstr(r->text->str, ==, r->raw->str);
	g_assert_cmpstr(r->text->str, ==,
			"  Jane   Doe \n\n\nKafka\xE2\x80\x94" "Camel\n");
	/* Only white space and invisible characters: no text. */
	want_error(" \n\t\xE2\x80\x8B\n", 7, SE_NO_TEXT, "no text in document");
	/* A PDF that is not readable fails clearly, whether or not a PDF
	 * extractor is in the table yet. */
	bad = extract_buffer((const guint8 *)"%PDF-1.7 garbage", 16, &caps,
			     false, &err);
	g_assert_null(bad);
	g_assert_nonnull(err);
	g_assert_true(err->domain == SCREENER_ERROR);
	g_assert_true(err->code == SE_UNKNOWN_FORMAT ||
		      err->code == SE_PDF_UNREADABLE);
	g_assert_true(g_str_has_suffix(err->message, "pdf") ||
		      g_str_has_suffix(err->message, "PDF"));
}

/* The shared corpus folder, or NULL: $SCREENER_CORPUS, else
 * ../shared/corpus beside the repository or its worktree. */
static char *corpus_dir(void)
{
	const char *root = g_getenv("ROOT") ? g_getenv("ROOT") : ".";
	char *c[3] = {
		g_strdup(g_getenv("SCREENER_CORPUS")),
		g_build_filename(root, "..", "shared", "corpus", NULL),
		g_build_filename(root, "..", "..", "shared", "corpus", NULL),
	};
	char *found = NULL;
	guint i;

	for (i = 0; i < G_N_ELEMENTS(c); i++) {
		if (!found && c[i] && g_file_test(c[i], G_FILE_TEST_IS_DIR))
			found = g_strdup(c[i]);
		g_free(c[i]);
	}
	return found;
}

/* Every DOCX sniffs as DOCX, every PDF as PDF, but for two that are not:
 * a 5-byte "oops" (text) and an encrypted OOXML package (a CFB, told
 * apart by its reason). */
static void test_corpus(void)
{
	static const struct {
		const char *dir, *ext;
		enum doc_format want;
	} dirs[] = {
		{ "docx", ".docx", DOC_FORMAT_DOCX },
		{ "docx", ".docm", DOC_FORMAT_DOCX },
		{ "pdf", ".pdf", DOC_FORMAT_PDF },
	};
	g_autofree char *corpus = corpus_dir();
	g_autofree char *enc = NULL;
	g_autofree char *buf = NULL;
	gsize len;
	guint i, seen = 0;

	if (!corpus) {
		g_test_skip("no shared corpus");
		return;
	}
	for (i = 0; i < G_N_ELEMENTS(dirs); i++) {
		g_autofree char *path = g_build_filename(corpus, dirs[i].dir,
							 NULL);
		g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
		const char *name;

		while (dir && (name = g_dir_read_name(dir))) {
			g_autofree char *file = NULL;
			g_autofree char *data = NULL;
			enum doc_format want = dirs[i].want, got;

			if (!g_str_has_suffix(name, dirs[i].ext))
				continue;
			file = g_build_filename(path, name, NULL);
			if (!g_file_get_contents(file, &data, &len, NULL))
				continue;
			if (strcmp(name, "qpdf_bad1.pdf") == 0)
				want = DOC_FORMAT_TEXT;
			if (strcmp(name, "poi_bug53475-password-is-pass.docx") == 0)
				want = DOC_FORMAT_UNKNOWN;
			got = extract_sniff((guint8 *)data, len);
			if (got != want)
				g_error("%s: sniffed %s", name,
					doc_format_name(got));
			seen++;
		}
	}
	g_assert_cmpuint(seen, >, 100);
	enc = g_build_filename(corpus, "docx",
			       "poi_bug53475-password-is-pass.docx", NULL);
	g_assert_true(g_file_get_contents(enc, &buf, &len, NULL));
	want_error(buf, len, SE_UNKNOWN_FORMAT,
		   "password-protected Office document");
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/extract/pdf", test_pdf);
	g_test_add_func("/extract/zip", test_zip);
	g_test_add_func("/extract/zip-hostile", test_zip_hostile);
	g_test_add_func("/extract/rtf", test_rtf);
	g_test_add_func("/extract/ole", test_ole);
	g_test_add_func("/extract/text", test_text);
	g_test_add_func("/extract/unknown", test_unknown);
	g_test_add_func("/extract/dispatch", test_dispatch);
	g_test_add_func("/extract/corpus", test_corpus);
	return g_test_run();
}
