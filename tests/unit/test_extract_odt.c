/* test_extract_odt.c - ODT to struct doc: the sample, hostile files. */
#include <string.h>

#include "extract.h"
#include "error.h"
#include "hostile.h"

static struct doc *extract_file(const char *path, GError **err)
{
	return hostile_extract(path, DOC_FORMAT_ODT, extract_odt, 0, err);
}

static const struct doc_block *block_with(const struct doc *d, const char *s)
{
	const char *hit = strstr(d->raw->str, s);

	return hit ? doc_block_at(d, (uint32_t)(hit - d->raw->str)) : NULL;
}

static void assert_kind(const struct doc *d, const char *s, unsigned kind,
			unsigned heading)
{
	const struct doc_block *b = block_with(d, s);

	g_assert_nonnull(b);
	g_assert_cmpuint(b->kind, ==, kind);
	g_assert_cmpuint(b->heading, ==, heading);
}

static gsize offset_of(const struct doc *d, const char *s)
{
	const char *hit = strstr(d->raw->str, s);

	g_assert_nonnull(hit);
	return (gsize)(hit - d->raw->str);
}

/* Made by LibreOffice from a flat ODT written by hand. */
static void test_sample(void)
{
	g_autofree char *path = g_build_filename(hostile_root(), "samples",
						 "priya-raman.odt", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = extract_file(path, &err);
	const char *t;

	g_assert_no_error(err);
	t = d->raw->str;
	g_assert_cmpstr(d->date, ==, "2026-10-02");
	g_assert_true(g_str_has_prefix(t, "Priya Raman\tpriya.raman@"));
	assert_kind(d, "+91 98450 12345", DOC_BLOCK_HEADER, 0);
	assert_kind(d, "Integration Architect", DOC_BLOCK_BODY, 1);
	assert_kind(d, "Skills", DOC_BLOCK_BODY, 2);
	assert_kind(d, "Open to relocation", DOC_BLOCK_TEXTBOX, 0);
	assert_kind(d, "Kaveri Freight", DOC_BLOCK_TABLE, 0);
	assert_kind(d, "Figures as of October 2026", DOC_BLOCK_NOTE, 0);
	assert_kind(d, "curriculum vitae", DOC_BLOCK_HEADER, 0);
	/* Collapsed white space, text:s counted, breaks and links kept. */
	g_assert_nonnull(strstr(t, "of enterprise integration:   APIs"));
	g_assert_nonnull(strstr(t, "X12 and EDIFACT\nAS2 gateways"));
	g_assert_nonnull(strstr(t, "Profile: linkedin.com/in/priyaraman"));
	/* Tracked deletion and the note citation are left out. */
	g_assert_null(strstr(t, "Webmethods"));
	g_assert_nonnull(strstr(t, "B2B/EDI.\n"));
	/* Order: header, body, notes, footer. */
	g_assert_cmpuint(offset_of(d, "Coromandel Bank"), <,
			 offset_of(d, "Figures as of"));
	g_assert_cmpuint(offset_of(d, "Figures as of"), <,
			 offset_of(d, "Chennai"));
}

static void test_minimal(void)
{
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = extract_file("minimal.odt", &err);

	g_assert_no_error(err);
	g_assert_cmpstr(d->raw->str, ==, "Only content\n");
	g_assert_cmpstr(d->date, ==, "2025-02-03");
}

static void expect_error(const char *name, int code, const char *msg)
{
	g_autoptr(GError) err = NULL;

	g_assert_null(extract_file(name, &err));
	g_assert_error(err, SCREENER_ERROR, code);
	g_assert_cmpstr(err->message, ==, msg);
}

static void test_hostile(void)
{
	expect_error("wrong-mimetype.odt", SE_MALFORMED,
		     "malformed ODT: mimetype is not "
		     "application/vnd.oasis.opendocument.text");
	expect_error("xxe.odt", SE_DTD, "DTD not allowed");
	expect_error("deep.odt", SE_XML_DEPTH, "XML nesting too deep");
	/* A DOCX is a zip too, but has no mimetype entry. */
	expect_error("duplicate.docx", SE_MALFORMED,
		     "malformed ODT: duplicate part word/Document.xml");
	expect_error("traversal.docx", SE_MALFORMED,
		     "malformed ODT: missing part mimetype");
}

int main(int argc, char **argv)
{
	int rc;

	g_test_init(&argc, &argv, NULL);
	hostile_make();
	g_test_add_func("/extract_odt/sample", test_sample);
	g_test_add_func("/extract_odt/minimal", test_minimal);
	g_test_add_func("/extract_odt/hostile", test_hostile);
	rc = g_test_run();
	hostile_clean();
	return rc;
}
