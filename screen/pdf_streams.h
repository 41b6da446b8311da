/*
 * pdf_streams.h - what a PDF's content streams say that poppler-glib
 * does not tell: whether any of them draws text in an invisible render
 * mode.
 *
 * Reads the file's bytes itself (runs in the extraction child on hostile
 * bytes); knows nothing of pages or of poppler.
 */
#ifndef SCREENER_PDF_STREAMS_H
#define SCREENER_PDF_STREAMS_H

#include <stdbool.h>
#include <glib.h>

/* True when a stream of the PDF in data[0, len) sets text render mode 3
 * or 7 ("3 Tr": text drawn with neither fill nor stroke), read through
 * FlateDecode where a stream is so encoded.  Streams of other filters
 * and of an encrypted file are not read: false for them. */
bool pdf_streams_invisible_text(const guint8 *data, gsize len);

#endif
