/* test_pdf_streams.c - finding the invisible text render mode in a PDF's
 * content streams: plain and FlateDecode streams, the operator and not
 * its look-alikes, images and encrypted files left alone. */
#include <string.h>
#include <zlib.h>

#include "pdf_streams.h"

/* A PDF-like file: one object per stream, each body deflated when
 * flate, its dictionary extra. */
static GString *file_of(const char *body, bool flate, const char *extra)
{
	GString *f = g_string_new("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n"
				  "endobj\n2 0 obj\n<< ");
	guint8 packed[4096];
	uLongf n = sizeof(packed);

	g_string_append(f, extra);
	if (flate) {
		g_assert_cmpint(compress(packed, &n, (const Bytef *)body,
					 strlen(body)), ==, Z_OK);
		g_string_append_printf(f, " /Filter /FlateDecode /Length %lu "
				       ">>\nstream\n", (unsigned long)n);
		g_string_append_len(f, (const char *)packed, (gssize)n);
	} else {
		g_string_append_printf(f, " /Length %zu >>\nstream\n",
				       strlen(body));
		g_string_append(f, body);
	}
	g_string_append(f, "\nendstream\nendobj\n%%EOF\n");
	return f;
}

static bool finds(const char *body, bool flate, const char *extra)
{
	g_autoptr(GString) f = file_of(body, flate, extra);

	return pdf_streams_invisible_text((const guint8 *)f->str, f->len);
}

static void test_modes(void)
{
	static const char hidden[] = "BT /F1 10 Tf 3 Tr 20 20 Td (x) Tj ET";

	for (int flate = 0; flate < 2; flate++) {
		g_assert_true(finds(hidden, flate, ""));
		g_assert_true(finds("BT 7 Tr\n(x) Tj ET", flate, ""));
		g_assert_true(finds("q BT 3\nTr (x)Tj ET Q", flate, ""));
		/* Visible modes and other operators. */
		g_assert_false(finds("BT 0 Tr (x) Tj ET", flate, ""));
		g_assert_false(finds("BT 13 Tr 2.3 Tr (x) Tj ET", flate, ""));
		g_assert_false(finds("BT 3 Tz 3 TL (Tr) Tj ET", flate, ""));
		g_assert_false(finds("BT 3 Trx ET", flate, ""));
		/* An image's bytes are no operators. */
		g_assert_false(finds(hidden, flate,
				     "/Type /XObject /Subtype /Image"));
	}
	/* Another filter, and an encrypted file, are not read. */
	g_assert_false(finds(hidden, false, "/Filter /LZWDecode"));
	{
		g_autoptr(GString) f = file_of(hidden, false, "");

		g_string_append(f, "trailer << /Encrypt 5 0 R >>\n");
		g_assert_false(pdf_streams_invisible_text(
			(const guint8 *)f->str, f->len));
	}
	/* Damaged: a stream cut short still says what it said. */
	{
		g_autoptr(GString) f = file_of(hidden, true, "");

		g_string_truncate(f, f->len - 30);
		g_assert_true(pdf_streams_invisible_text(
			(const guint8 *)f->str, f->len));
	}
	g_assert_false(pdf_streams_invisible_text((const guint8 *)"", 0));
	g_assert_false(pdf_streams_invisible_text((const guint8 *)"stream",
						  6));
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/pdf_streams/modes", test_modes);
	return g_test_run();
}
