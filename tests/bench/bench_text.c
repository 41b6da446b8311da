/*
 * bench_text.c - what normalisation and the text and RTF readers cost.
 *
 * Usage: bench_text FILE...
 * For each FILE: extract_buffer() per document, then text_normalise() on
 * 10 KB of its extracted text (repeated to size), normalised and identity,
 * against a bare loop writing one map entry per byte (the floor).  Times
 * are CPU time of this process.  A benchmark, not a test.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "extract.h"
#include "text.h"

#define SIZE 10240

/* CPU time, not wall time: the figures hold on a busy machine. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Enough rounds for about a quarter of a second. */
static guint rounds(double once)
{
	return once > 0.25 ? 1 : (guint)(0.25 / MAX(once, 1e-7)) + 1;
}

static double time_normalise(struct doc *d, bool identity)
{
	double t0 = now(), once;
	guint i, n;

	text_normalise(d, identity);
	once = now() - t0;
	n = rounds(once);
	t0 = now();
	for (i = 0; i < n; i++)
		text_normalise(d, identity);
	return (now() - t0) / n;
}

static double time_floor(const GString *raw)
{
	g_autoptr(GArray) map = g_array_sized_new(FALSE, FALSE,
						  sizeof(guint32), raw->len);
	volatile guint32 sink = 0;
	double t0 = now();
	guint i, r, n = 20000;

	g_array_set_size(map, raw->len);
	for (r = 0; r < n; r++) {
		guint32 cur = 0;

		for (i = 0; i < raw->len; i++) {
			if (((guchar)raw->str[i] & 0xC0) != 0x80)
				cur = i;
			g_array_index(map, guint32, i) = cur;
		}
		sink += g_array_index(map, guint32, r % raw->len);
	}
	return (now() - t0) / n;
}

int main(int argc, char **argv)
{
	struct caps caps = caps_default();
	int f;

	for (f = 1; f < argc; f++) {
		g_autofree char *buf = NULL;
		g_autoptr(GError) err = NULL;
		g_autoptr(doc) d = NULL;
		g_autoptr(doc) big = NULL;
		gsize len;
		double t0, t;
		guint i, n;

		if (!g_file_get_contents(argv[f], &buf, &len, &err)) {
			fprintf(stderr, "%s\n", err->message);
			return 1;
		}
		d = extract_buffer((guint8 *)buf, len, &caps, false, &err);
		if (!d) {
			fprintf(stderr, "%s: %s\n", argv[f], err->message);
			return 1;
		}
		n = rounds(0.001);
		t0 = now();
		for (i = 0; i < n && i < 2000; i++)
			doc_free(extract_buffer((guint8 *)buf, len, &caps,
						false, NULL));
		t = (now() - t0) / MIN(n, 2000);
		printf("%s (%s, %zu bytes)\n  extract_buffer  %8.1f us/doc\n",
		       argv[f], doc_format_name(d->format), len, t * 1e6);
		big = doc_new(DOC_FORMAT_TEXT, 0);
		while (big->raw->len < SIZE)
			g_string_append_len(big->raw, d->raw->str,
					    (gssize)d->raw->len);
		g_string_truncate(big->raw, SIZE);
		t = time_normalise(big, false);
		printf("  normalise 10 KB %8.1f us  %6.0f MB/s\n", t * 1e6,
		       SIZE / t / 1e6);
		t = time_normalise(big, true);
		printf("  identity 10 KB  %8.1f us  %6.0f MB/s\n", t * 1e6,
		       SIZE / t / 1e6);
		t = time_floor(big->raw);
		printf("  floor 10 KB     %8.1f us  (one map entry per byte)\n",
		       t * 1e6);
	}
	return 0;
}
