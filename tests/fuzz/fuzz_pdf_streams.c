/*
 * fuzz_pdf_streams.c - libFuzzer target: the scan of a PDF's content
 * streams for the invisible text render mode (pdf_streams.c), which
 * reads the file's bytes itself, inflating its FlateDecode streams.
 *
 *   ONLY=fuzz_pdf_streams sh tests/fuzz/run.sh 60   (campaign)
 *   corpus: tests/fuzz/corpus/pdf_streams
 */
#include <glib.h>

#include "pdf_streams.h"

int LLVMFuzzerTestOneInput(const guint8 *data, size_t len);

int LLVMFuzzerTestOneInput(const guint8 *data, size_t len)
{
	/* A copy of its own size: any read past the input is caught. */
	g_autofree guint8 *copy = g_memdup2(data, len);

	(void)pdf_streams_invisible_text(copy, len);
	return 0;
}
