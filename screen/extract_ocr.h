/*
 * extract_ocr.h - OCR of PDF pages, for the PDF extractor only.
 *
 * Private to extract_pdf.c (the one other file of the PDF extractor that
 * sees poppler's types): it says which pages have no usable text layer,
 * and extract_ocr.c renders them, reads them with ocr.h and appends
 * their lines to the document as blocks with a glyph box per character,
 * so evidence, snippets and highlights work on a scan as on text.
 */
#ifndef SCREENER_EXTRACT_OCR_H
#define SCREENER_EXTRACT_OCR_H

#include <stdbool.h>
#include <poppler.h>

#include "caps.h"
#include "doc.h"

/* Pages are read at this resolution (lower only for pages too large to
 * render at it: see extract_ocr.c). */
#define EXTRACT_OCR_DPI 300
/* Under this mean word confidence (percent), OCR text does not stand in
 * for a document's missing text layer. */
#define EXTRACT_OCR_FLOOR 60

struct extract_ocr;

/* OCR for the pages of pdf (borrowed, must outlive it), NULL when caps
 * turn OCR off or no language data is installed.  Its clock starts with
 * the first page read: caps->ocr_seconds for the document,
 * caps->ocr_page_seconds a page.
 * Free with extract_ocr_free(). */
struct extract_ocr *extract_ocr_new(PopplerDocument *pdf,
				    const struct caps *caps);
void extract_ocr_free(struct extract_ocr *o);

/* Mark 1-based page p to be read by OCR (extract_ocr_all: every page). */
void extract_ocr_want(struct extract_ocr *o, guint32 p);
void extract_ocr_all(struct extract_ocr *o);
/* Whether page p is marked; false for a NULL o. */
bool extract_ocr_wanted(const struct extract_ocr *o, guint32 p);
/* How many pages are marked. */
guint extract_ocr_n_wanted(const struct extract_ocr *o);

/* Read page p and append its lines to d (one body block a line, one
 * glyph a character, in points as poppler's text boxes are).  A page
 * over its time cap, or past the document's, is left out and named by
 * extract_ocr_finish().  False once d's text cap is hit. */
bool extract_ocr_page(struct extract_ocr *o, struct doc *d, guint32 p);

/* After the marked pages were read: the flag "text from OCR, mean word
 * confidence N%" and the pages over a time cap go to d's warnings.
 * why: the document has no other text ("no text layer (scanned?)",
 * code SE_NO_TEXT, or "text layer unreadable"): then OCR that found no
 * words, or under EXTRACT_OCR_FLOOR, fails with code and "why; OCR ..."
 * giving the reason.  NULL: OCR read some pages of a text document; pages
 * it found nothing on keep the warning that they have no text layer. */
bool extract_ocr_finish(struct extract_ocr *o, struct doc *d,
			const char *why, int code, GError **err);

#endif
