/*
 * fuzz_text.h - the invariants every normalised document keeps, checked
 * by the fuzz targets of the readers whose output goes through
 * text_normalise().  Traps (a crash libFuzzer reports) on a violation.
 */
#ifndef SCREENER_FUZZ_TEXT_H
#define SCREENER_FUZZ_TEXT_H

#include <string.h>

#include "doc.h"
#include "text.h"

#define FUZZ_CHECK(x) do { if (!(x)) __builtin_trap(); } while (0)

/* Normalise d both ways and check text, map and blocks. */
static inline void fuzz_check_normalised(struct doc *d)
{
	int identity;

	for (identity = 1; identity >= 0; identity--) {
		const guint32 *m;
		guint i;

		text_normalise(d, identity);
		m = (const guint32 *)d->map->data;
		FUZZ_CHECK(g_utf8_validate(d->text->str, d->text->len, NULL));
		FUZZ_CHECK(strlen(d->text->str) == d->text->len);
		FUZZ_CHECK(d->map->len == d->text->len + 1);
		FUZZ_CHECK(m[d->text->len] == d->raw->len);
		for (i = 0; i < d->text->len; i++) {
			FUZZ_CHECK(m[i] < d->raw->len);
			FUZZ_CHECK(i == 0 || m[i - 1] <= m[i]);
		}
		for (i = 0; i < d->blocks->len; i++) {
			const struct doc_block *b = &g_array_index(
				d->blocks, struct doc_block, i);

			FUZZ_CHECK(b->start < b->end);
			FUZZ_CHECK(b->end <= d->text->len);
			FUZZ_CHECK(doc_block_at(d, b->start) == b);
			FUZZ_CHECK(i == 0 || b[-1].end <= b->start);
		}
	}
}

#endif
