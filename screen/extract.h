/*
 * extract.h - turning a document's bytes into a struct doc.
 *
 * Runs only inside the extraction child (sandbox.c): every function here
 * parses hostile bytes.  The format is sniffed from content, never the
 * file name.  Each extractor appends to a doc made by extract_buffer()
 * and returns false with a GError in SCREENER_ERROR on failure.
 */
#ifndef SCREENER_EXTRACT_H
#define SCREENER_EXTRACT_H

#include <stdbool.h>
#include "doc.h"
#include "caps.h"

enum doc_format extract_sniff(const guint8 *data, gsize len);

/* Sniff, extract, normalise (unless raw).  Caller frees the doc. */
struct doc *extract_buffer(const guint8 *data, gsize len,
			   const struct caps *caps, bool raw, GError **err);

bool extract_pdf(const guint8 *data, gsize len, const struct caps *caps,
		 struct doc *d, GError **err);
bool extract_docx(const guint8 *data, gsize len, const struct caps *caps,
		  struct doc *d, GError **err);
bool extract_odt(const guint8 *data, gsize len, const struct caps *caps,
		 struct doc *d, GError **err);
bool extract_text(const guint8 *data, gsize len, const struct caps *caps,
		  struct doc *d, GError **err);
bool extract_rtf(const guint8 *data, gsize len, const struct caps *caps,
		 struct doc *d, GError **err);

#endif
