/*
 * fuzz_rtf.c - libFuzzer target: the RTF reader, then normalisation.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 \
 *     -D_GNU_SOURCE -iquote screen tests/fuzz/fuzz_rtf.c screen/doc.c \
 *     screen/error.c screen/text.c screen/extract_text.c \
 *     screen/extract_rtf.c $(pkg-config --cflags --libs glib-2.0)
 *   ./a.out tests/fuzz/corpus/rtf            (campaign)
 *   ./a.out -runs=0 tests/fuzz/corpus/rtf    (replay)
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

	caps.text_bytes = 1u << 16;
	caps.xml_depth = 64;
	d = doc_new(DOC_FORMAT_RTF, caps.text_bytes);
	if (extract_rtf(data, len, &caps, d, &err)) {
		doc_block_close(d);
		FUZZ_CHECK(g_utf8_validate(d->raw->str, d->raw->len, NULL));
		FUZZ_CHECK(!d->date || strlen(d->date) == 10);
		fuzz_check_normalised(d);
	} else {
		FUZZ_CHECK(err && err->domain == SCREENER_ERROR);
		g_error_free(err);
	}
	doc_free(d);
	return 0;
}
