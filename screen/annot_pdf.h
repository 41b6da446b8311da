/*
 * annot_pdf.h - highlight annotations on a copy of a PDF.
 *
 * Two halves.  The trusted side (the report writer) describes the
 * highlights as a flat "spec": per highlight a page, a colour, boxes in
 * points with the origin at the top left (as struct doc_glyph has them)
 * and a note.  The untrusted side, annot_pdf_apply(), runs only in the
 * jailed annotation child (sandbox_annotate()): it parses the candidate's
 * PDF with poppler, adds one text-markup highlight per entry and returns
 * the saved copy.  The spec crosses a process boundary, so the reader
 * checks every count and length.
 */
#ifndef SCREENER_ANNOT_PDF_H
#define SCREENER_ANNOT_PDF_H

#include <stdint.h>
#include <glib.h>
#include "caps.h"

struct annot_box {
	float x1, y1, x2, y2;	/* points, origin top-left */
};

struct annot_mark {
	uint32_t page;		/* 1-based */
	uint32_t rgb;		/* 0xRRGGBB */
	const struct annot_box *boxes;	/* one per line of the passage */
	guint n_boxes;
	const char *note;	/* UTF-8: criterion and rule */
};

/* The file the annotation child saves its copy to, in its working
 * folder (poppler saves only to a file). */
#define ANNOT_PDF_COPY_NAME "annotated.pdf"

/* Append one highlight to spec (start with an empty GByteArray). */
void annot_spec_add(GByteArray *spec, const struct annot_mark *m);

/* In the annotation child only: the PDF with spec's highlights added,
 * or NULL with SE_PDF_UNREADABLE, SE_TOO_MANY_PAGES, SE_PROTOCOL (a bad
 * spec) or SE_FAILED (poppler could not save). */
GBytes *annot_pdf_apply(const guint8 *pdf, gsize len, const guint8 *spec,
			gsize spec_len, const struct caps *caps,
			GError **err);

#endif
