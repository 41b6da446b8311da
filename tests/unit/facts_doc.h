/*
 * facts_doc.h - building small documents by hand for the fact finders'
 * unit tests: one block per line, and d->text set to d->raw with an
 * identity map (the text is written already normalised).
 */
#ifndef SCREENER_TEST_FACTS_DOC_H
#define SCREENER_TEST_FACTS_DOC_H

#include <string.h>
#include "doc.h"

/* A document whose blocks are the lines of text; a line starting with
 * "#N " is a block of heading level N (the marker is not kept). */
static inline struct doc *test_doc(const char *text, const char *date)
{
	struct doc *d = doc_new(DOC_FORMAT_TEXT, 0);
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	guint32 i;

	for (i = 0; lines[i]; i++) {
		const char *l = lines[i];
		unsigned level = 0;

		if (l[0] == '#' && g_ascii_isdigit(l[1]) && l[2] == ' ') {
			level = l[1] - '0';
			l += 3;
		}
		if (!l[0]) {
			/* A blank line: kept as in normalised text. */
			doc_append(d, "\n", 1);
			continue;
		}
		doc_block_open(d, 1, DOC_BLOCK_BODY, level);
		doc_append(d, l, -1);
		doc_block_close(d);
	}
	d->text = g_string_new_len(d->raw->str, d->raw->len);
	d->map = g_array_sized_new(FALSE, FALSE, sizeof(guint32),
				   d->raw->len + 1);
	for (i = 0; i <= d->raw->len; i++)
		g_array_append_val(d->map, i);
	d->date = date ? g_strdup(date) : NULL;
	return d;
}

/* The text of a span, for assertions.  Caller frees. */
static inline char *test_span_text(const struct doc *d, uint32_t s,
				   uint32_t e)
{
	return g_strndup(d->text->str + s, e - s);
}

#endif
