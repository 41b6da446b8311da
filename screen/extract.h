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

/* The format of data from its content alone: "%PDF-" in the first
 * KiB; a zip whose entry names say DOCX or ODT; "{\rtf"; text (see
 * extract_text_encoding()).  DOC_FORMAT_UNKNOWN for anything else,
 * including OLE containers (legacy .doc, password-protected Office). */
enum doc_format extract_sniff(const guint8 *data, gsize len);

/* Sniff, extract with the extractor of the format (the table in
 * extract.c: one line per format), normalise (unless raw).  Fails with
 * SE_UNKNOWN_FORMAT and a reason for the user ("unknown file format",
 * "legacy Word document (.doc), not supported: ..."), the extractor's
 * error, SE_NO_TEXT ("empty file", "no text in document"), or for text
 * files SE_TEXT_UNREADABLE.  Caller frees the doc with doc_free(). */
struct doc *extract_buffer(const guint8 *data, gsize len,
			   const struct caps *caps, bool raw, GError **err);

bool extract_pdf(const guint8 *data, gsize len, const struct caps *caps,
		 struct doc *d, GError **err);
/* Keep poppler's global tables for the life of the process (a child
 * serving many PDFs, extraction or annotation), instead of building
 * them again for each document.  False when poppler refused the empty
 * document it holds (then each PDF pays for them, as before). */
bool extract_pdf_keep_ready(void);
bool extract_docx(const guint8 *data, gsize len, const struct caps *caps,
		  struct doc *d, GError **err);
bool extract_odt(const guint8 *data, gsize len, const struct caps *caps,
		 struct doc *d, GError **err);

/* How extract_text() reads a text file's bytes, decided from content:
 * a BOM, valid UTF-8, UTF-16 without BOM (many NULs in alternate bytes),
 * else Windows-1252 when the bytes look like text at all. */
enum text_enc {
	TEXT_ENC_BINARY = 0,	/* not text */
	TEXT_ENC_UTF8,
	TEXT_ENC_UTF8_BOM,
	TEXT_ENC_UTF16LE,	/* with or without BOM */
	TEXT_ENC_UTF16BE,
	TEXT_ENC_CP1252,
};
enum text_enc extract_text_encoding(const guint8 *data, gsize len);

/* A Windows-1252 byte as Unicode (U+FFFD for NUL and the unassigned
 * bytes); for other extractors that meet 1252 text, such as RTF. */
gunichar extract_cp1252(guint8 c);

/* A text file decoded to UTF-8, one block per non-empty line (blank lines
 * stay in d->raw between blocks).  Never fails. */
bool extract_text(const guint8 *data, gsize len, const struct caps *caps,
		  struct doc *d, GError **err);

/* RTF: body, table cells (DOC_BLOCK_TABLE), headers and footers, notes;
 * heading levels from outline levels and heading styles; d->date from
 * \revtim, else \creatim.  Fails with SE_XML_DEPTH past caps->xml_depth
 * nested groups. */
bool extract_rtf(const guint8 *data, gsize len, const struct caps *caps,
		 struct doc *d, GError **err);

#endif
