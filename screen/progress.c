/*
 * progress.c - the progress display (see progress.h).  Owns nothing but
 * its own line on the terminal.
 */
#include <unistd.h>

#include "progress.h"

#define TTY_INTERVAL (G_USEC_PER_SEC / 4)
#define PLAIN_INTERVAL (5 * G_USEC_PER_SEC)
#define BAR 24

struct progress {
	FILE *out;
	bool quiet, tty, drawn;
	guint total;
	gint64 start, last;
};

struct progress *progress_new(FILE *out, bool quiet, guint total)
{
	struct progress *p = g_new0(struct progress, 1);

	p->out = out;
	p->quiet = quiet;
	p->tty = isatty(fileno(out));
	p->total = total;
	p->start = p->last = g_get_monotonic_time();
	return p;
}

void progress_total(struct progress *p, guint total)
{
	p->total = total;
}

static void eta_text(char *buf, gsize n, double seconds)
{
	guint s = seconds > 359999 ? 359999 : (guint)seconds;

	g_snprintf(buf, n, "%u:%02u:%02u", s / 3600, s / 60 % 60, s % 60);
}

void progress_update(struct progress *p, guint done, guint failed)
{
	gint64 now = g_get_monotonic_time();
	double secs = (now - p->start) / (double)G_USEC_PER_SEC;
	double rate = secs > 0 ? done / secs : 0;
	char eta[32] = "-";
	guint i, fill;

	if (p->quiet || now - p->last < (p->tty ? TTY_INTERVAL : PLAIN_INTERVAL))
		return;
	p->last = now;
	if (rate > 0 && p->total >= done)
		eta_text(eta, sizeof(eta), (p->total - done) / rate);
	if (!p->tty) {
		fprintf(p->out, "screener run: %u/%u documents, %.1f/s, "
			"eta %s, %u failed\n", done, p->total, rate, eta,
			failed);
		fflush(p->out);
		return;
	}
	fill = p->total ? (guint)((guint64)BAR * MIN(done, p->total) /
				  p->total) : 0;
	fputs("\r[", p->out);
	for (i = 0; i < BAR; i++)
		fputc(i < fill ? '#' : '.', p->out);
	fprintf(p->out, "] %u/%u  %.1f docs/s  eta %s  %u failed\033[K",
		done, p->total, rate, eta, failed);
	fflush(p->out);
	p->drawn = true;
}

void progress_clear(struct progress *p)
{
	if (p && p->tty && p->drawn) {
		fputs("\r\033[K", p->out);
		fflush(p->out);
		p->drawn = false;
	}
}

void progress_free(struct progress *p)
{
	if (!p)
		return;
	progress_clear(p);
	g_free(p);
}
