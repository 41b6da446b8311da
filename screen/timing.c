/*
 * timing.c - per-stage time of a run (see timing.h).
 *
 * Plain atomic counters: no locks, nothing allocated, so timing a stage
 * never changes how the threads interleave.
 */
#include <stdatomic.h>
#include <sys/resource.h>

#include "timing.h"

static _Atomic gint64 total_us[TIMING_N];

static const char *const names[TIMING_N] = {
	[TIMING_READ] = "read", [TIMING_EXTRACT] = "extract",
	[TIMING_ANALYSE] = "analyse", [TIMING_MATCH] = "match",
	[TIMING_STORE] = "store", [TIMING_RANK] = "rank",
	[TIMING_REPORT] = "report", [TIMING_WAIT] = "wait",
};

gint64 timing_now(void)
{
	return g_get_monotonic_time();
}

gint64 timing_add(enum timing_stage s, gint64 start)
{
	gint64 now = g_get_monotonic_time();

	atomic_fetch_add_explicit(&total_us[s], now - start,
				  memory_order_relaxed);
	return now;
}

static double tv_seconds(const struct timeval *tv)
{
	return tv->tv_sec + tv->tv_usec / 1e6;
}

void timing_print(FILE *out)
{
	struct rusage self = { 0 }, kids = { 0 };
	guint i;

	for (i = 0; i < TIMING_N; i++)
		fprintf(out, "stage %s: %.3f s\n", names[i],
			atomic_load(&total_us[i]) / (double)G_USEC_PER_SEC);
	/* ru_maxrss is in KiB; for RUSAGE_CHILDREN it is the largest
	 * reaped child, which is what a per-child figure wants. */
	if (getrusage(RUSAGE_SELF, &self) != 0 ||
	    getrusage(RUSAGE_CHILDREN, &kids) != 0)
		return;
	fprintf(out, "peak RSS: parent %.1f MB, child %.1f MB\n",
		self.ru_maxrss / 1024.0, kids.ru_maxrss / 1024.0);
	/* CPU, not wall: on a shared machine the figure others disturb
	 * least.  Children count once reaped (all are, by now). */
	fprintf(out, "cpu: parent %.3f s, children %.3f s\n",
		tv_seconds(&self.ru_utime) + tv_seconds(&self.ru_stime),
		tv_seconds(&kids.ru_utime) + tv_seconds(&kids.ru_stime));
}
