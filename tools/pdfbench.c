/*
 * pdfbench.c - time extract_pdf() against poppler's own text extraction,
 * in-process, and print what extract_pdf() gives (-v).  A measuring tool,
 * not part of the program or the tests.
 *
 *   make pdfbench && build/pdfbench [-v] [-n ROUNDS] FILE.pdf...
 */
#include <poppler.h>
#include <stdio.h>
#include <string.h>

#include "caps.h"
#include "doc.h"
#include "error.h"
#include "extract.h"

static double poppler_only(const char *data, gsize len)
{
	g_autoptr(GBytes) b = g_bytes_new_static(data, len);
	gint64 t0 = g_get_monotonic_time();
	PopplerDocument *pdf = poppler_document_new_from_bytes(b, "", NULL);

	if (!pdf)
		return 0;
	for (int i = 0; i < poppler_document_get_n_pages(pdf); i++) {
		PopplerPage *p = poppler_document_get_page(pdf, i);

		g_free(poppler_page_get_text(p));
		g_object_unref(p);
	}
	g_object_unref(pdf);
	return (g_get_monotonic_time() - t0) / 1000.0;
}

static double ours(const char *data, gsize len, bool verbose)
{
	struct caps caps = caps_default();
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, caps.text_bytes);
	g_autoptr(GError) err = NULL;
	gint64 t0 = g_get_monotonic_time();
	bool ok = extract_pdf((const guint8 *)data, len, &caps, d, &err);
	double ms = (g_get_monotonic_time() - t0) / 1000.0;

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

int main(int argc, char **argv)
{
	bool verbose = false;
	int rounds = 50, i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = true;
		else if (!strcmp(argv[i], "-n") && i + 1 < argc)
			rounds = atoi(argv[++i]);
	}
	for (; i < argc; i++) {
		g_autofree char *data = NULL;
		gsize len;
		double a = 0, b = 0;

		if (!g_file_get_contents(argv[i], &data, &len, NULL))
			continue;
		if (verbose) {
			ours(data, len, true);
			continue;
		}
		for (int r = 0; r < rounds; r++) {
			a += poppler_only(data, len);
			b += ours(data, len, false);
		}
		printf("%-40s poppler %.3f ms  extract_pdf %.3f ms  (+%.0f%%)\n",
		       argv[i], a / rounds, b / rounds,
		       a > 0 ? 100.0 * (b - a) / a : 0.0);
	}
	return 0;
}
