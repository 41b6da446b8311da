/*
 * pdfbench.c - time extract_pdf() against poppler's own text extraction,
 * in-process, and print what extract_pdf() gives (-v).  A measuring tool,
 * not part of the program or the tests.
 *
 *   make && cc -std=c11 -D_GNU_SOURCE -O2 -iquote screen \
 *	$(pkg-config --cflags poppler-glib) -o build/pdfbench \
 *	tools/pdfbench.c build/libscreener.a \
 *	$(pkg-config --libs poppler-glib libxml-2.0 libpcre2-8 sqlite3 \
 *	libzip hunspell) -lm
 *   build/pdfbench [-v] [-n ROUNDS] FILE.pdf...
 *
 * Each round runs poppler alone (open, poppler_page_get_text() on every
 * page) and extract_pdf() on the same bytes; it prints the medians of
 * thread CPU time.
 */
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "caps.h"
#include "doc.h"
#include "error.h"
#include "extract.h"

/* Thread CPU time: other processes on the machine do not count. */
static gint64 cpu_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (gint64)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static double poppler_only(const char *data, gsize len)
{
	g_autoptr(GBytes) b = g_bytes_new_static(data, len);
	gint64 t0 = cpu_us();
	PopplerDocument *pdf = poppler_document_new_from_bytes(b, "", NULL);

	if (!pdf)
		return 0;
	for (int i = 0; i < poppler_document_get_n_pages(pdf); i++) {
		PopplerPage *p = poppler_document_get_page(pdf, i);

		g_free(poppler_page_get_text(p));
		g_object_unref(p);
	}
	g_object_unref(pdf);
	return (cpu_us() - t0) / 1000.0;
}

static double ours(const char *data, gsize len, bool verbose)
{
	struct caps caps = caps_default();
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, caps.text_bytes);
	g_autoptr(GError) err = NULL;
	gint64 t0 = cpu_us();
	bool ok = extract_pdf((const guint8 *)data, len, &caps, d, &err);
	double ms = (cpu_us() - t0) / 1000.0;

	if (!verbose)
		return ms;
	if (!ok)
		printf("error: %s\n", err->message);
	printf("pages %u date %s glyphs %u\n", d->pages,
	       d->date ? d->date : "-", d->glyphs->len);
	for (guint i = 0; i < d->blocks->len; i++) {
		const struct doc_block *b =
			&g_array_index(d->blocks, struct doc_block, i);

		printf("%u%s|%.*s\n", b->page, b->heading ?
		       (b->heading == 1 ? "#" : "##") : "",
		       (int)(b->end - b->start), d->raw->str + b->start);
	}
	return ms;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

int main(int argc, char **argv)
{
	bool verbose = false;
	int rounds = 51, i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = true;
		else if (!strcmp(argv[i], "-n") && i + 1 < argc)
			rounds = atoi(argv[++i]);
	}
	if (rounds < 1)
		rounds = 1;
	for (; i < argc; i++) {
		g_autofree char *data = NULL;
		gsize len;
		g_autofree double *a = g_new0(double, rounds);
		g_autofree double *b = g_new0(double, rounds);
		double ma, mb;

		if (!g_file_get_contents(argv[i], &data, &len, NULL))
			continue;
		if (verbose) {
			ours(data, len, true);
			continue;
		}
		/* Interleaved, CPU time, medians: the machine is shared. */
		for (int r = 0; r < rounds; r++) {
			a[r] = poppler_only(data, len);
			b[r] = ours(data, len, false);
		}
		qsort(a, rounds, sizeof(double), cmp_double);
		qsort(b, rounds, sizeof(double), cmp_double);
		ma = a[rounds / 2];
		mb = b[rounds / 2];
		printf("%-40s poppler %.3f ms  extract_pdf %.3f ms  (%+.1f%%)\n",
		       argv[i], ma, mb, ma > 0 ? 100.0 * (mb - ma) / ma : 0.0);
	}
	return 0;
}
