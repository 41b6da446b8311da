/* test_extract_docx.c - DOCX to struct doc: the samples, hostile files. */
#include <string.h>

#include "extract.h"
#include "error.h"
#include "hostile.h"

static struct doc *extract_file(const char *path, uint64_t cap, GError **err)
{
	g_autoptr(GBytes) b = hostile_load(path);
	struct caps c = caps_default();
	struct doc *d = doc_new(DOC_FORMAT_DOCX, cap ? cap : c.text_bytes);
	gsize len;
	const guint8 *p = g_bytes_get_data(b, &len);

	if (!extract_docx(p, len, &c, d, err)) {
		doc_free(d);
		return NULL;
	}
	return d;
}

static struct doc *sample(const char *name)
{
	g_autofree char *path = g_build_filename(hostile_root(), "samples",
						 name, NULL);
	g_autoptr(GError) err = NULL;
	struct doc *d = extract_file(path, 0, &err);

	g_assert_no_error(err);
	return d;
}

/* The block whose text contains s (the first one), or NULL. */
static const struct doc_block *block_with(const struct doc *d, const char *s)
{
	const char *hit = strstr(d->raw->str, s);

	return hit ? doc_block_at(d, (uint32_t)(hit - d->raw->str)) : NULL;
}

static gsize offset_of(const struct doc *d, const char *s)
{
	const char *hit = strstr(d->raw->str, s);

	g_assert_nonnull(hit);
	return (gsize)(hit - d->raw->str);
}

static unsigned count(const char *hay, const char *s)
{
	unsigned n = 0;

	for (const char *p = hay; (p = strstr(p, s)); p += strlen(s))
		n++;
	return n;
}

static void assert_kind(const struct doc *d, const char *s, unsigned kind,
			unsigned heading)
{
	const struct doc_block *b = block_with(d, s);

	g_assert_nonnull(b);
	g_assert_cmpuint(b->kind, ==, kind);
	g_assert_cmpuint(b->heading, ==, heading);
}

static void test_kitchen_sink(void)
{
	g_autoptr(doc) d = sample("ingrid-halvorsen.docx");
	const char *t;

	t = d->raw->str;
	g_assert_cmpstr(d->date, ==, "2026-10-01");
	/* Two header parts with the same text: read once, and first. */
	g_assert_cmpuint(count(t, "ingrid.halvorsen@example.org"), ==, 1);
	g_assert_true(g_str_has_prefix(t, "Ingrid Halvorsen\n"));
	assert_kind(d, "+47 912 34 567", DOC_BLOCK_HEADER, 0);
	g_assert_nonnull(strstr(t, "example.org\t+47 912 34 567\tBergen"));
	/* Reading order: header, sidebar, main cell, body, note, footer. */
	g_assert_cmpuint(offset_of(d, "Bergen, Norway"), <,
			 offset_of(d, "Skills"));
	g_assert_cmpuint(offset_of(d, "4 January 2027"), <,
			 offset_of(d, "Senior Integration Engineer"));
	g_assert_cmpuint(offset_of(d, "References available"), <,
			 offset_of(d, "Including three years"));
	g_assert_cmpuint(offset_of(d, "Including three years"), <,
			 offset_of(d, "page 1"));
	/* Kinds and headings (a localised style found by outline level,
	 * through basedOn). */
	assert_kind(d, "Skills", DOC_BLOCK_TABLE, 2);
	assert_kind(d, "Senior Integration Engineer", DOC_BLOCK_TABLE, 1);
	assert_kind(d, "Nordvik Logistics AS", DOC_BLOCK_TABLE, 2);
	assert_kind(d, "Confluent Developer", DOC_BLOCK_TEXTBOX, 0);
	assert_kind(d, "Including three years", DOC_BLOCK_NOTE, 0);
	assert_kind(d, "References available", DOC_BLOCK_BODY, 0);
	assert_kind(d, "page 1", DOC_BLOCK_HEADER, 0);
	/* Cells never run into each other. */
	g_assert_null(strstr(t, "2027Senior"));
	/* Text box once (Choice, not Fallback). */
	g_assert_cmpuint(count(t, "Confluent Developer"), ==, 1);
	/* Tracked changes: insertion kept, deletion and moved-from gone. */
	g_assert_nonnull(strstr(t, "Designed event-driven integrations"));
	g_assert_null(strstr(t, "Tibco"));
	g_assert_nonnull(strstr(t, "Apache Camel and Kafka.\n"));
	g_assert_cmpuint(count(t, "payroll exports"), ==, 1);
	/* Fields: codes dropped, results kept. */
	g_assert_null(strstr(t, "HYPERLINK"));
	g_assert_null(strstr(t, "PAGE"));
	g_assert_nonnull(strstr(t, "Ran the ESB migration for 12"));
	/* Content controls: content kept, properties dropped. */
	g_assert_null(strstr(t, "Placeholder"));
	g_assert_null(strstr(t, "PLACEHOLDER"));
	g_assert_nonnull(strstr(t, "MSc Computer Science"));
	/* Run-level characters. */
	g_assert_nonnull(strstr(t, "\u2022\tApache Camel"));
	g_assert_nonnull(strstr(t, "\u2713\tJava 17"));
	g_assert_nonnull(strstr(t, "Norwegian (native)\nEnglish (fluent)"));
	g_assert_nonnull(strstr(t, "an end-to-end test harness"));
	g_assert_nonnull(strstr(t, "inter\u00ADoperability"));
	g_assert_nonnull(strstr(t, "guide on github.com/ihalvorsen."));
	g_assert_nonnull(strstr(t, "logistics systems."));
	g_assert_true(g_utf8_validate(t, -1, NULL));
}

static void test_ordinary(void)
{
	g_autoptr(doc) d = sample("tomas-okafor.docx");

	g_assert_cmpstr(d->date, ==, "2026-08-30");
	assert_kind(d, "Tom\u00e1s Okafor", DOC_BLOCK_BODY, 1);
	assert_kind(d, "Profile", DOC_BLOCK_BODY, 1);
	assert_kind(d, "HL7 FHIR", DOC_BLOCK_BODY, 0);
	g_assert_cmpuint(d->blocks->len, ==, 12);
}

/* Written by LibreOffice from HTML. */
static void test_libreoffice(void)
{
	g_autoptr(doc) d = sample("mateo-silva.docx");

	assert_kind(d, "Mateo Silva", DOC_BLOCK_BODY, 1);
	assert_kind(d, "Summary", DOC_BLOCK_BODY, 2);
	assert_kind(d, "Levante Energ\u00eda", DOC_BLOCK_TABLE, 0);
	assert_kind(d, "2017\u20132020", DOC_BLOCK_TABLE, 0);
	g_assert_nonnull(strstr(d->raw->str, "Polit\u00e8cnica"));
}

static void test_text_cap(void)
{
	g_autofree char *path = g_build_filename(hostile_root(), "samples",
						 "ingrid-halvorsen.docx", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = extract_file(path, 100, &err);

	g_assert_no_error(err);
	g_assert_true(d->truncated);
	g_assert_cmpuint(d->raw->len, <=, 100);
	g_assert_cmpuint(d->warnings->len, ==, 1);
}

static void expect_error(const char *path, int code, const char *msg)
{
	g_autoptr(GError) err = NULL;
	struct doc *d = extract_file(path, 0, &err);

	g_assert_null(d);
	g_assert_error(err, SCREENER_ERROR, code);
	g_assert_cmpstr(err->message, ==, msg);
}

static void test_hostile(void)
{
	g_autofree char *bomb = g_build_filename(hostile_root(), "samples",
						 "broken-zipbomb.docx", NULL);
	g_autofree char *xxe = g_build_filename(hostile_root(), "samples",
						"broken-xxe.docx", NULL);

	expect_error(bomb, SE_ZIP_BOMB,
		     "suspected zip bomb: a part inflates past 16 MiB");
	expect_error(xxe, SE_DTD, "DTD not allowed");
	expect_error("header-lies.docx", SE_ZIP_BOMB,
		     "suspected zip bomb: a part inflates past 16 MiB");
	expect_error("ratio-bomb.docx", SE_ZIP_BOMB, "suspected zip bomb");
	expect_error("many-entries.docx", SE_MALFORMED,
		     "malformed DOCX: 1004 zip entries, over the limit of 1000");
	expect_error("duplicate.docx", SE_MALFORMED,
		     "malformed DOCX: duplicate part name");
	expect_error("encrypted.docx", SE_MALFORMED,
		     "malformed DOCX: encrypted zip entry");
	expect_error("unknown-method.docx", SE_MALFORMED,
		     "malformed DOCX: unsupported zip compression method 7");
	expect_error("billion-laughs.docx", SE_DTD, "DTD not allowed");
	expect_error("xxe.docx", SE_DTD, "DTD not allowed");
	expect_error("deep.docx", SE_XML_DEPTH, "XML nesting too deep");
	expect_error("overlap-bomb.zip", SE_MALFORMED,
		     "malformed DOCX: missing part word/document.xml");
}

static void test_password_protected(void)
{
	static const guint8 cfb[512] = {
		0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1,
	};
	struct caps c = caps_default();
	g_autoptr(doc) d = doc_new(DOC_FORMAT_DOCX, 0);
	g_autoptr(GError) err = NULL;

	g_assert_false(extract_docx(cfb, sizeof(cfb), &c, d, &err));
	g_assert_error(err, SCREENER_ERROR, SE_MALFORMED);
	g_assert_cmpstr(err->message, ==, "password-protected DOCX");
}

static void test_odd_names_and_bytes(void)
{
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) t = extract_file("traversal.docx", 0, &err);
	g_autoptr(doc) u = NULL;

	g_assert_no_error(err);
	g_assert_cmpstr(t->raw->str, ==, "Safe text\n");
	u = extract_file("bad-utf8.docx", 0, &err);
	g_assert_no_error(err);
	g_assert_cmpstr(u->raw->str, ==,
			"Caf\u00e9 ok\nBAD[\uFFFD\uFFFD]NUL[\uFFFD]\n");
}

int main(int argc, char **argv)
{
	int rc;

	g_test_init(&argc, &argv, NULL);
	hostile_make();
	g_test_add_func("/extract_docx/kitchen-sink", test_kitchen_sink);
	g_test_add_func("/extract_docx/ordinary", test_ordinary);
	g_test_add_func("/extract_docx/libreoffice", test_libreoffice);
	g_test_add_func("/extract_docx/text-cap", test_text_cap);
	g_test_add_func("/extract_docx/hostile", test_hostile);
	g_test_add_func("/extract_docx/password", test_password_protected);
	g_test_add_func("/extract_docx/odd", test_odd_names_and_bytes);
	rc = g_test_run();
	hostile_clean();
	return rc;
}
