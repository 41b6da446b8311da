/*
 * fuzz_text.c - libFuzzer target: sniffing, the text reader with every
 * encoding, and normalisation of arbitrary (also invalid) UTF-8.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 \
 *     -D_GNU_SOURCE -iquote screen tests/fuzz/fuzz_text.c screen/doc.c \
 *     screen/error.c screen/text.c screen/extract_text.c \
 *     $(pkg-config --cflags --libs glib-2.0)
 *   ./a.out tests/fuzz/corpus/text           (campaign)
 *   ./a.out -runs=0 tests/fuzz/corpus/text   (replay)
 */
#include "error.h"
#include "extract.h"
#include "fuzz_text.h"

int LLVMFuzzerTestOneInput(const guint8 *data, size_t len);

int LLVMFuzzerTestOneInput(const guint8 *data, size_t len)
{
	struct caps caps = caps_default();
	GError *err = NULL;
	struct doc *d;
	char *valid;

	/* The text reader, with a small cap so truncation is exercised. */
	caps.text_bytes = 4096;
	d = doc_new(DOC_FORMAT_TEXT, caps.text_bytes);
	FUZZ_CHECK(extract_text(data, len, &caps, d, &err));
	FUZZ_CHECK(d->raw->len <= caps.text_bytes);
	FUZZ_CHECK(g_utf8_validate(d->raw->str, d->raw->len, NULL));
	fuzz_check_normalised(d);
	doc_free(d);

	/* The bytes as they are, as raw text in blocks of 37 bytes. */
	d = doc_new(DOC_FORMAT_TEXT, 0);
	while (d->raw->len < len) {
		gsize n = MIN(len - d->raw->len, 37);

		doc_block_open(d, 0, DOC_BLOCK_BODY, 0);
		g_string_append_len(d->raw, (const char *)data + d->raw->len,
				    (gssize)n);
		doc_block_close(d);
	}
	fuzz_check_normalised(d);
	doc_free(d);

	valid = text_make_valid((const char *)data, (gssize)len);
	FUZZ_CHECK(g_utf8_validate(valid, -1, NULL));
	g_free(valid);
	return 0;
}
