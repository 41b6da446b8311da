/*
 * ocr.h - the words of a page image, with Tesseract.
 *
 * Format-neutral: a grey bitmap in, words with their pixel boxes and
 * confidences out.  Runs in the extraction child (sandbox.c), which
 * cannot open files once it is confined: ocr_prepare() opens the
 * language data before that, and the engine is started from those bytes
 * on the first page that needs it, so a child that never meets a scan
 * pays nothing.  Only ocr.c includes Tesseract's and Leptonica's headers.
 */
#ifndef SCREENER_OCR_H
#define SCREENER_OCR_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

/* One recognised word; boxes in pixels of the image, origin top-left. */
struct ocr_word {
	char *text;		/* UTF-8, owned by the array (ocr_words_new) */
	int x1, y1, x2, y2;
	float conf;		/* 0-100 */
	bool line_start;	/* first word of a text line */
	bool para_start;	/* first word of a paragraph */
};

/* An array of struct ocr_word that frees each word's text. */
GArray *ocr_words_new(void);

/* Open the language data while files can still be opened (before
 * confinement).  Quietly does nothing when none is installed.  Idempotent. */
void ocr_prepare(void);

/* Whether language data was found (opening it now if ocr_prepare() was
 * not called, as outside the sandbox).  The language read is English
 * when installed, else the first one installed. */
bool ocr_available(void);

/* The language ocr_page() reads ("eng"), or NULL when none. */
const char *ocr_language(void);

/* Recognise the 8-bit grey image grey[h][stride] (w pixels a row) at dpi,
 * giving up after cpu_ms milliseconds of the process's CPU time (CPU,
 * not wall clock: a loaded machine reads as much as an idle one), or at
 * g_get_monotonic_time() wall_until, whichever comes first.  Appends its
 * words to words, in reading order.  Fails with SE_TIMEOUT when the time
 * ran out (nothing appended), SE_FAILED when no language data could be
 * loaded or Tesseract failed. */
bool ocr_page(const guint8 *grey, int w, int h, int stride, int dpi,
	      guint cpu_ms, gint64 wall_until, GArray *words, GError **err);

/* CPU time this process has used, in milliseconds. */
gint64 ocr_cpu_ms(void);

/* Release the engine (the child's end; tests). */
void ocr_shutdown(void);

#endif
