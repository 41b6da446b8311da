/* test_zipread.c - zip parts under caps: bombs, bad archives, odd names. */
#include <string.h>

#include "zipread.h"
#include "error.h"
#include "hostile.h"

static struct zipread *open_fixture(const char *name, GBytes **keep,
				    const struct caps *caps, GError **err)
{
	gsize len;
	const guint8 *p;

	*keep = hostile_load(name);
	p = g_bytes_get_data(*keep, &len);
	return zipread_open(p, len, caps, "DOCX", err);
}

static void expect_open_error(const char *name, const char *msg)
{
	g_autoptr(GBytes) b = NULL;
	g_autoptr(GError) err = NULL;
	struct caps c = caps_default();
	struct zipread *z = open_fixture(name, &b, &c, &err);

	g_assert_null(z);
	g_assert_error(err, SCREENER_ERROR, SE_MALFORMED);
	g_assert_cmpstr(err->message, ==, msg);
}

static void test_rejected_archives(void)
{
	expect_open_error("many-entries.docx",
		"malformed DOCX: 1004 zip entries, over the limit of 1000");
	expect_open_error("duplicate.docx",
		"malformed DOCX: duplicate part word/Document.xml");
	/* One name from the header, the other from an entry's Unicode
	 * Path extra field: the same part to some reader. */
	expect_open_error("duplicate-unicode.docx",
		"malformed DOCX: duplicate part word/document.xml");
	expect_open_error("encrypted.docx",
		"malformed DOCX: encrypted zip entry");
	expect_open_error("unknown-method.docx",
		"malformed DOCX: unsupported zip compression method 7");
}

static void test_not_a_zip(void)
{
	static const guint8 junk[] = "PK\x03\x04 but nothing else";
	struct caps c = caps_default();
	g_autoptr(GError) err = NULL;

	g_assert_null(zipread_open(junk, sizeof(junk), &c, "ODT", &err));
	g_assert_error(err, SCREENER_ERROR, SE_MALFORMED);
	g_assert_true(g_str_has_prefix(err->message,
		"malformed ODT: not a readable zip archive"));
}

/* Names that only make sense as paths can never be read; the archive
 * itself stays usable. */
static void test_traversal_names_ignored(void)
{
	g_autoptr(GBytes) b = NULL;
	g_autoptr(GError) err = NULL;
	struct caps c = caps_default();
	g_autoptr(zipread) z = open_fixture("traversal.docx", &b, &c, &err);
	g_autoptr(GByteArray) part = NULL;

	g_assert_no_error(err);
	g_assert_false(zipread_has(z, "../evil.xml"));
	g_assert_false(zipread_has(z, "/abs.xml"));
	g_assert_false(zipread_has(z, "abs.xml"));
	g_assert_false(zipread_has(z, "word\\..\\..\\back.xml"));
	g_assert_false(zipread_has(z, "word/../../up.xml"));
	g_assert_false(zipread_has(z, "up.xml"));
	g_assert_null(zipread_read(z, "../evil.xml", &err));
	g_assert_error(err, SCREENER_ERROR, SE_MALFORMED);
	g_clear_error(&err);
	/* Part names are case-insensitive in OOXML. */
	g_assert_true(zipread_has(z, "WORD/Document.xml"));
	part = zipread_read(z, "word/document.xml", &err);
	g_assert_no_error(err);
	g_assert_nonnull(g_strstr_len((char *)part->data, part->len,
				      "Safe text"));
}

/* The headers say 1 KiB; inflating stops one byte past the part cap. */
static void test_header_lies(void)
{
	g_autoptr(GBytes) b = NULL;
	g_autoptr(GError) err = NULL;
	struct caps c = caps_default();
	g_autoptr(zipread) z = NULL;

	c.zip_ratio = 0;	/* only the part cap may stop it */
	z = open_fixture("header-lies.docx", &b, &c, &err);
	g_assert_no_error(err);
	g_assert_null(zipread_read(z, "word/document.xml", &err));
	g_assert_error(err, SCREENER_ERROR, SE_ZIP_BOMB);
	g_assert_cmpstr(err->message, ==,
			"suspected zip bomb: a part inflates past 16 MiB");
	g_assert_cmpuint(zipread_total(z), ==, (16u << 20) + 1);
}

static void test_ratio_bomb(void)
{
	g_autoptr(GBytes) b = NULL;
	g_autoptr(GError) err = NULL;
	struct caps c = caps_default();
	g_autoptr(zipread) z = open_fixture("ratio-bomb.docx", &b, &c, &err);

	g_assert_no_error(err);
	g_assert_null(zipread_read(z, "word/document.xml", &err));
	g_assert_error(err, SCREENER_ERROR, SE_ZIP_BOMB);
	g_assert_cmpstr(err->message, ==, "suspected zip bomb");
	/* Judged as soon as the part passed 1 MiB. */
	g_assert_cmpuint(zipread_total(z), <=, (1u << 20) + (64u << 10));
}

/* Fifield's overlapping entries: every name inflates the same 10 MiB
 * kernel; the total cap stops the fourth. */
static void test_overlap_bomb(void)
{
	g_autoptr(GBytes) b = NULL;
	g_autoptr(GError) err = NULL;
	struct caps c = caps_default();
	g_autoptr(zipread) z = NULL;

	c.zip_ratio = 0;
	z = open_fixture("overlap-bomb.zip", &b, &c, &err);
	g_assert_no_error(err);
	for (int i = 0; i < 3; i++) {
		char name[16];
		g_autoptr(GByteArray) part = NULL;

		g_snprintf(name, sizeof(name), "part%d", i);
		part = zipread_read(z, name, &err);
		g_assert_no_error(err);
		g_assert_cmpuint(part->len, ==, 10u << 20);
	}
	g_assert_null(zipread_read(z, "part3", &err));
	g_assert_error(err, SCREENER_ERROR, SE_ZIP_BOMB);
	g_assert_cmpstr(err->message, ==,
			"suspected zip bomb: parts inflate past 32 MiB in all");
	g_assert_cmpuint(zipread_total(z), ==, (32u << 20) + 1);
}

/* Under the default caps the ratio rule stops it at the first part. */
static void test_overlap_bomb_default_caps(void)
{
	g_autoptr(GBytes) b = NULL;
	g_autoptr(GError) err = NULL;
	struct caps c = caps_default();
	g_autoptr(zipread) z = open_fixture("overlap-bomb.zip", &b, &c, &err);

	g_assert_no_error(err);
	g_assert_null(zipread_read(z, "part0", &err));
	g_assert_error(err, SCREENER_ERROR, SE_ZIP_BOMB);
	g_assert_cmpstr(err->message, ==, "suspected zip bomb");
	g_assert_cmpuint(zipread_total(z), <, 2u << 20);
}

int main(int argc, char **argv)
{
	int rc;

	g_test_init(&argc, &argv, NULL);
	hostile_make();
	g_test_add_func("/zipread/rejected", test_rejected_archives);
	g_test_add_func("/zipread/not-a-zip", test_not_a_zip);
	g_test_add_func("/zipread/traversal", test_traversal_names_ignored);
	g_test_add_func("/zipread/header-lies", test_header_lies);
	g_test_add_func("/zipread/ratio", test_ratio_bomb);
	g_test_add_func("/zipread/overlap", test_overlap_bomb);
	g_test_add_func("/zipread/overlap-default",
			test_overlap_bomb_default_caps);
	rc = g_test_run();
	hostile_clean();
	return rc;
}
