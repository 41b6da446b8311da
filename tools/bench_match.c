/*
 * bench_match.c - how long matching a rule set over one document takes
 * (no extraction, no facts): a figure, not a test.
 *
 *   make && cc -std=c11 -D_GNU_SOURCE -O2 -iquote screen \
 *      $(pkg-config --cflags glib-2.0) tools/bench_match.c \
 *      build/libscreener.a $(pkg-config --libs poppler-glib libxml-2.0 \
 *      libpcre2-8 sqlite3 libzip hunspell glib-2.0) -lm -o build/bench_match
 *   build/bench_match criteria/integration-engineer FILE.txt [COPIES [facts]]
 *
 * COPIES repeats the text (two copies of a one-page text ~ two pages);
 * "facts" computes the document's facts first (not timed) so that scopes
 * and fact rules run as in a real screening.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "facts.h"
#include "match.h"
#include "rules.h"

/* CPU time of this process: on a shared machine wall time mostly
 * measures the neighbours. */
static gint64 cpu_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (gint64)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int main(int argc, char **argv)
{
	g_autoptr(GError) err = NULL;
	g_autofree char *buf = NULL;
	struct ruleset *rs;
	struct doc *d;
	const struct doc *docs[1];
	const struct facts *facts[1] = { NULL };
	struct facts *f = NULL;
	enum doc_role roles[1] = { DOC_ROLE_RESUME };
	struct match_result *res;
	gsize len;
	gint64 t0, t1;
	int i, copies = argc > 3 ? atoi(argv[3]) : 1, n = getenv("BENCH_N") ? atoi(getenv("BENCH_N")) : 2000;
	guint nev = 0;

	if (argc < 3)
		return 2;
	rs = ruleset_load(argv[1], &err);
	if (!rs || !g_file_get_contents(argv[2], &buf, &len, &err)) {
		fprintf(stderr, "%s\n", err->message);
		return 1;
	}
	d = doc_new(DOC_FORMAT_TEXT, 0);
	d->text = g_string_new(NULL);
	for (i = 0; i < copies; i++)
		g_string_append_len(d->text, buf, len);
	docs[0] = d;
	/* with the facts (sections for scopes), as a run has them */
	if (argc > 4 && strcmp(argv[4], "facts") == 0) {
		struct facts_config cfg = *ruleset_facts_config(rs);

		cfg.as_of = "2024-06-01";
		f = facts_compute(d, &cfg);
		facts[0] = f;
	}
	t0 = cpu_us();
	for (i = 0; i < n; i++) {
		res = match_applicant(rs, docs, facts, roles, 1);
		nev = res->evidence->len;
		match_result_free(res);
	}
	t1 = cpu_us();
	printf("%u rules, %zu bytes, %u evidence: %.1f us CPU per document\n",
	       ruleset_n_rules(rs), (size_t)d->text->len, nev,
	       (double)(t1 - t0) / n);
	if (f)
		facts_free(f);
	doc_free(d);
	ruleset_free(rs);
	return 0;
}
