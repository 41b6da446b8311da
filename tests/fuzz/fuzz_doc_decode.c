/*
 * fuzz_doc_decode.c - libFuzzer target for doc_decode(): the bytes a
 * compromised extraction child (or a damaged database row) could send.
 * Whatever decodes must encode and decode again to the same bytes.
 */
#include <string.h>

#include "doc.h"

int LLVMFuzzerTestOneInput(const guint8 *data, size_t len)
{
	struct doc *d = doc_decode(data, len, NULL);
	GByteArray *enc;
	struct doc *again;

	if (!d)
		return 0;
	enc = doc_encode(d);
	again = doc_decode(enc->data, enc->len, NULL);
	if (!again || enc->len != len || memcmp(enc->data, data, len) != 0)
		__builtin_trap();
	doc_free(again);
	g_byte_array_unref(enc);
	doc_free(d);
	return 0;
}
