/*
 * bench_docx.c - in-process DOCX/ODT extraction time per document.
 *
 * Usage: bench_docx FILE...
 * Runs extract_docx() (extract_odt() for .odt) on each file for about a
 * second of CPU time and prints CPU milliseconds per document: the cost of
 * zipread + xmlread + the extractor, without the sandbox round trip or
 * normalisation.  CPU time, not wall time, so a busy machine skews it
 * less.  A benchmark, not a test.
 */
#include <stdio.h>
#include <time.h>

#include "extract.h"

static double cpu_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct caps c = caps_default();

	for (int i = 1; i < argc; i++) {
		g_autofree char *buf = NULL;
		g_autofree char *base = g_path_get_basename(argv[i]);
		gsize len = 0, text = 0;
		bool odt = g_str_has_suffix(argv[i], ".odt");
		double t0;
		unsigned n = 0;
		const char *failed = NULL;

		if (!g_file_get_contents(argv[i], &buf, &len, NULL))
			continue;
		t0 = cpu_now();
		do {
			struct doc *d = doc_new(odt ? DOC_FORMAT_ODT :
						DOC_FORMAT_DOCX, c.text_bytes);
			GError *e = NULL;
			bool ok = odt ?
				extract_odt((guint8 *)buf, len, &c, d, &e) :
				extract_docx((guint8 *)buf, len, &c, d, &e);

			failed = ok ? NULL : "failed";
			text = d->raw->len;
			g_clear_error(&e);
			doc_free(d);
			n++;
		} while (cpu_now() - t0 < 1.0);
		printf("%-40s %8zu B -> %7zu B text  %8.3f ms/doc%s%s\n",
		       base, len, text,
		       (cpu_now() - t0) * 1e3 / n, failed ? "  " : "",
		       failed ? failed : "");
	}
	return 0;
}
