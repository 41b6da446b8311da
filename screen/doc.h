/*
 * doc.h - one extracted document: its text, and the maps that lead from a
 * byte of that text back to the page, paragraph and glyph it came from.
 *
 * Extractors (in the child) append to d->raw and record blocks and glyphs
 * in raw offsets.  text_normalise() then builds d->text, the text every
 * later stage reads, with d->map from each byte of d->text back to d->raw,
 * and rewrites the blocks into d->text offsets.  Glyphs stay in raw
 * offsets: go through doc_raw_offset() to find them.
 *
 * Offsets are byte offsets into UTF-8.  Evidence is (start, end) into
 * d->text, never a copy.
 */
#ifndef SCREENER_DOC_H
#define SCREENER_DOC_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

enum doc_format {
	DOC_FORMAT_UNKNOWN = 0,
	DOC_FORMAT_PDF,
	DOC_FORMAT_DOCX,
	DOC_FORMAT_ODT,
	DOC_FORMAT_TEXT,
	DOC_FORMAT_RTF,
};

/* Where a block's words live in the source document. */
enum doc_block_kind {
	DOC_BLOCK_BODY = 0,
	DOC_BLOCK_TABLE,	/* one table cell (or row) */
	DOC_BLOCK_TEXTBOX,
	DOC_BLOCK_HEADER,	/* page header or footer */
	DOC_BLOCK_NOTE,		/* footnote, endnote */
};

/* A paragraph (PDF: a line or paragraph of a page).  Blocks are in
 * document order, do not overlap, and are separated by a newline. */
struct doc_block {
	uint32_t start, end;	/* [start, end) in raw, then in text */
	uint32_t page;		/* 1-based page; 0 when not paginated */
	uint32_t para;		/* 1-based paragraph number in the document */
	uint8_t kind;		/* enum doc_block_kind */
	uint8_t heading;	/* outline level 1-9 when the source says it is
				   a heading (style, font size); else 0 */
};

/* The box of one character on a PDF page, in points, origin top-left
 * (poppler's convention). */
struct doc_glyph {
	uint32_t off;		/* raw byte offset of the character */
	uint32_t page;		/* 1-based */
	float x1, y1, x2, y2;
};

struct doc {
	enum doc_format format;
	uint32_t pages;		/* PDF pages; 0 otherwise */
	char *date;		/* "YYYY-MM-DD" from metadata, or NULL */
	GString *raw;		/* extracted text, valid UTF-8 */
	GString *text;		/* normalised text; NULL before text_normalise() */
	GArray *map;		/* guint32 per byte of text, plus one: raw offset */
	GArray *blocks;		/* struct doc_block */
	GArray *glyphs;		/* struct doc_glyph, sorted by off; PDF only */
	GPtrArray *warnings;	/* char *, e.g. "text truncated at 2 MiB" */
	uint64_t text_cap;	/* extractors stop appending past this */
	bool truncated;		/* text_cap was hit */
};

/* A new empty document; caller frees with doc_free(). */
struct doc *doc_new(enum doc_format format, uint64_t text_cap);
void doc_free(struct doc *d);
typedef struct doc doc;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(doc, doc_free)

const char *doc_format_name(enum doc_format format);

/* Start a block at the current end of d->raw; the extractor appends its
 * text to d->raw, then closes the block, which appends the newline that
 * separates blocks.  Empty blocks are dropped.  Both are no-ops once the
 * text cap is hit (doc_full() then says true). */
void doc_block_open(struct doc *d, uint32_t page, enum doc_block_kind kind,
		    unsigned heading);
void doc_block_close(struct doc *d);

/* Append UTF-8 to d->raw, honouring the text cap (truncates at a
 * character boundary and records the warning once).  Returns false once
 * the cap is hit, so an extractor can stop early. */
bool doc_append(struct doc *d, const char *s, gssize len);
bool doc_full(const struct doc *d);

void doc_warn(struct doc *d, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* The start of the warning a document whose text came from OCR carries:
 * "text from OCR, mean word confidence 91%" (extract_ocr.c); the
 * pipeline shows it in the applicant's reason. */
#define DOC_WARN_OCR "text from OCR"

/* Back to no text, blocks, glyphs or warnings: an extractor starting
 * over (a text layer replaced by OCR). */
void doc_clear_text(struct doc *d);

/* The block holding text offset off (after normalisation), or NULL. */
const struct doc_block *doc_block_at(const struct doc *d, uint32_t off);

/* The raw offset that text offset off came from. */
uint32_t doc_raw_offset(const struct doc *d, uint32_t off);

/* Flat byte encoding of a whole document, for the pipe from the child and
 * for the store.  doc_decode() checks every length and offset against the
 * buffer (the bytes come from a process that parsed hostile input) and
 * fails with SE_PROTOCOL.  Caller owns both results. */
GByteArray *doc_encode(const struct doc *d);
struct doc *doc_decode(const guint8 *buf, gsize len, GError **err);

#endif
