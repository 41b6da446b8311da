/*
 * bench_sandbox.c - what the process boundary costs per document.
 *
 * Usage: bench_sandbox SCREENER FILE...
 * Extracts every FILE three ways and prints documents per second:
 *   in process    extract_buffer() here (no isolation: the floor)
 *   one child     one sandbox reused for every document (screener's way)
 *   child per doc a new sandbox (posix_spawn, exec, limits) per document
 * The differences with the first line are the round trip (socket, encode,
 * decode) and the start-up cost of a child.  A benchmark, not a test.
 */
#include <stdio.h>

#include "extract.h"
#include "input.h"
#include "sandbox.h"

static double now(void)
{
	return g_get_monotonic_time() / 1e6;
}

static void report(const char *what, double secs, guint n, guint ok,
		   double base)
{
	printf("%-14s %8.0f docs/s  %8.1f us/doc", what, n / secs,
	       secs / n * 1e6);
	if (base > 0)
		printf("  (+%.1f us/doc)", (secs - base) / n * 1e6);
	printf("  %u/%u ok\n", ok, n);
}

int main(int argc, char **argv)
{
	struct caps caps = caps_default();
	g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func(
		(GDestroyNotify)input_free);
	struct sandbox *sb;
	double t, base;
	guint i, ok;

	if (argc < 3) {
		fprintf(stderr, "usage: bench_sandbox SCREENER FILE...\n");
		return 2;
	}
	for (i = 2; i < (guint)argc; i++) {
		g_autoptr(GError) err = NULL;
		struct input *in = input_read(argv[i], &caps, &err);

		if (in)
			g_ptr_array_add(inputs, in);
	}

	t = now();
	for (i = ok = 0; i < inputs->len; i++) {
		struct input *in = inputs->pdata[i];
		gsize len;
		const guint8 *p = g_bytes_get_data(in->data, &len);
		struct doc *d = extract_buffer(p, len, &caps, false, NULL);

		ok += d != NULL;
		doc_free(d);
	}
	base = now() - t;
	report("in process", base, inputs->len, ok, 0);

	sb = sandbox_new(argv[1], &caps);
	t = now();
	for (i = ok = 0; i < inputs->len; i++) {
		struct input *in = inputs->pdata[i];
		gsize len;
		const guint8 *p = g_bytes_get_data(in->data, &len);
		struct doc *d = sandbox_extract(sb, p, len, false, NULL);

		ok += d != NULL;
		doc_free(d);
	}
	report("one child", now() - t, inputs->len, ok, base);
	sandbox_free(sb);

	t = now();
	for (i = ok = 0; i < inputs->len; i++) {
		struct input *in = inputs->pdata[i];
		gsize len;
		const guint8 *p = g_bytes_get_data(in->data, &len);
		struct doc *d;

		sb = sandbox_new(argv[1], &caps);
		d = sandbox_extract(sb, p, len, false, NULL);
		sandbox_free(sb);
		ok += d != NULL;
		doc_free(d);
	}
	report("child per doc", now() - t, inputs->len, ok, base);
	return 0;
}
