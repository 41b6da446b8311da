/*
 * fuzz_dates.c - libFuzzer target for the date parser (dates.c): every
 * date range in arbitrary text, and the roles and years of experience
 * of the same text read as a resume.
 *
 *   sh tests/fuzz/run.sh 60       (with the other targets; ONLY=fuzz_dates)
 *   corpus: tests/fuzz/corpus/dates
 *
 * Ranges must lie in the text and move forward; resolved ranges and
 * merged intervals must be ordered; month counts never negative.
 */
#include <stdint.h>
#include <string.h>

#include "dates.h"
#include "extract.h"
#include "fuzz_text.h"
#include "sections.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

static void check_ranges(const char *t, uint32_t n)
{
	struct date_range r;
	uint32_t off = 0;

	while (off < n && dates_next(t, off, n, 2026, &r)) {
		FUZZ_CHECK(r.span.start >= off && r.span.start < r.span.end);
		FUZZ_CHECK(r.span.end <= n);
		dates_resolve(&r, 2026 * 12 + 10, 2026);
		FUZZ_CHECK(r.problem != DATE_OK || r.start < r.end);
		off = r.span.end;
	}
}

static void check_merged(const GArray *a)
{
	guint i;

	for (i = 0; i < a->len; i++) {
		const struct date_interval *v =
			&g_array_index(a, struct date_interval, i);

		FUZZ_CHECK(v->start < v->end);
		FUZZ_CHECK(i == 0 || v[-1].end < v->start);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const struct facts_config cfg = { .as_of = "2026-11-28" };
	struct caps caps = caps_default();
	g_autofree char *t = g_strndup((const char *)data, len);
	struct experience x;
	GArray *secs;
	struct doc *d;
	guint i;

	/* The raw bytes up to the first NUL, as the parser's own text. */
	check_ranges(t, (uint32_t)strlen(t));
	(void)dates_month(t);
	(void)dates_present(t, "2026-11-28");

	/* The same bytes read and normalised as a text resume. */
	caps.text_bytes = 8192;
	d = doc_new(DOC_FORMAT_TEXT, caps.text_bytes);
	FUZZ_CHECK(extract_text(data, len, &caps, d, NULL));
	text_normalise(d, false);
	check_ranges(d->text->str, (uint32_t)d->text->len);
	secs = sections_find(d);
	dates_experience(d, secs, &cfg, &x);
	FUZZ_CHECK(x.months_total >= 0 && x.months_relevant >= 0);
	FUZZ_CHECK(x.months_relevant <= x.months_total);
	check_merged(x.merged);
	check_merged(x.merged_relevant);
	for (i = 0; i < x.roles->len; i++) {
		const struct role *ro = &g_array_index(x.roles, struct role, i);

		FUZZ_CHECK(ro->range.span.end <= d->text->len);
		FUZZ_CHECK(ro->text.start <= ro->text.end &&
			   ro->text.end <= d->text->len);
	}
	dates_experience_release(&x);
	g_array_unref(secs);
	doc_free(d);
	return 0;
}
