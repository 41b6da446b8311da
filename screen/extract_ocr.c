/*
 * extract_ocr.c - PDF pages without a usable text layer, read by OCR.
 *
 * Owns rendering a page for OCR (poppler + cairo, 8-bit grey), the time
 * caps, and turning Tesseract's words (ocr.h) into the document model:
 * each text line a body block, each character a glyph box in points,
 * top-left origin, the page as displayed (the same frame as poppler's
 * text boxes, so annot_pdf.c highlights a scan as it does text).  A
 * word's box is shared out evenly among its characters; the space
 * between two words gets the gap between them.  Part of the PDF
 * extractor: runs in the extraction child on hostile bytes.
 *
 * Caps.  A page is rendered at EXTRACT_OCR_DPI unless that would pass
 * MAX_PIXELS (a page of a square metre is legal PDF): then at the
 * resolution that fits.  Each page gets caps->ocr_page_seconds, the
 * document caps->ocr_seconds in all: both CPU time, rendering included
 * (a loaded machine reads as much as an idle one), and both inside the
 * child's own CPU and wall-clock limits.  A page over its cap is left
 * out and named, and the pages after the document's cap are named as
 * not read.
 */
#include <math.h>
#include <string.h>

#include <cairo.h>
#ifdef SCREENER_ASAN
#include <sanitizer/lsan_interface.h>
#endif

#include "error.h"
#include "extract_ocr.h"
#include "ocr.h"

/* 16 Mpx: A4 and Letter at 300 dpi (8.7 Mpx) fit, A3 is read at 255.
 * The RGB surface, the grey copy and Tesseract's own images stay well
 * under 200 MB. */
#define MAX_PIXELS (16u << 20)
/* A page's render and recognition need at least this much time. */
#define MIN_PAGE_MS 200
/* On a loaded machine CPU seconds take longer: OCR also stops at this
 * share of the file's wall-clock limit (from the start of the PDF's
 * extraction), so that the pages read come back instead of the parent
 * killing the child at the limit. */
#define WALL_SHARE 0.8

struct extract_ocr {
	PopplerDocument *pdf;
	guint32 pages;
	guint8 *want;		/* per page: 1 marked */
	guint8 *late;		/* per page: 1 over its own cap, 2 past
				   the document's, 3 past the file's wall
				   clock (WALL_SHARE) */
	guint8 *empty;		/* per page: read, no word found */
	gint64 deadline;	/* ocr_cpu_ms() the document must stop at;
				   0 until the first page is read */
	gint64 wall_until;	/* g_get_monotonic_time() OCR stops at */
	guint wall_cap;		/* the file's wall clock, seconds */
	guint page_ms;
	guint64 words;
	double conf_sum;
	guint page_cap, doc_cap;	/* seconds, for messages */
};

struct extract_ocr *extract_ocr_new(PopplerDocument *pdf,
				    const struct caps *caps)
{
	struct extract_ocr *o;
	int n = poppler_document_get_n_pages(pdf);

	if (!caps->ocr_seconds || n <= 0 || !ocr_available())
		return NULL;
	o = g_new0(struct extract_ocr, 1);
	o->pdf = pdf;
	o->pages = n;
	o->want = g_new0(guint8, n + 1);
	o->late = g_new0(guint8, n + 1);
	o->empty = g_new0(guint8, n + 1);
	o->doc_cap = caps->ocr_seconds;
	o->wall_cap = caps->wall_seconds;
	o->wall_until = g_get_monotonic_time() +
			(gint64)(caps->wall_seconds * WALL_SHARE * G_USEC_PER_SEC);
	o->page_cap = MAX(caps->ocr_page_seconds, 1u);
	o->page_ms = o->page_cap * 1000u;
	return o;
}

void extract_ocr_free(struct extract_ocr *o)
{
	if (!o)
		return;
	g_free(o->want);
	g_free(o->late);
	g_free(o->empty);
	g_free(o);
}

void extract_ocr_want(struct extract_ocr *o, guint32 p)
{
	if (o && p >= 1 && p <= o->pages)
		o->want[p] = 1;
}

void extract_ocr_all(struct extract_ocr *o)
{
	for (guint32 p = 1; o && p <= o->pages; p++)
		o->want[p] = 1;
}

bool extract_ocr_wanted(const struct extract_ocr *o, guint32 p)
{
	return o && p >= 1 && p <= o->pages && o->want[p];
}

guint extract_ocr_n_wanted(const struct extract_ocr *o)
{
	guint n = 0;

	for (guint32 p = 1; o && p <= o->pages; p++)
		n += o->want[p];
	return n;
}

/* Page p as 8-bit grey at about dpi; NULL when cairo cannot make it.
 * *scale gets pixels per point.  Caller frees. */
static guint8 *render_grey(PopplerPage *page, int *w, int *h, double *scale)
{
	double pw = 0, ph = 0, s = EXTRACT_OCR_DPI / 72.0;
	cairo_surface_t *surf;
	cairo_t *cr;
	guint8 *grey, *rgb;
	int stride;

	poppler_page_get_size(page, &pw, &ph);
	if (!isfinite(pw) || !isfinite(ph) || pw < 1 || ph < 1)
		return NULL;
	if (pw * ph * s * s > MAX_PIXELS)
		s = sqrt(MAX_PIXELS / (pw * ph));
	*w = (int)ceil(pw * s);
	*h = (int)ceil(ph * s);
	if (*w < 16 || *h < 16 || (guint64)*w * *h > MAX_PIXELS + (1u << 16))
		return NULL;
	surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, *w, *h);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surf);
		return NULL;
	}
	cr = cairo_create(surf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, s, s);
#ifdef SCREENER_ASAN
	/* fontconfig, which cairo asks for a font the PDF does not embed,
	 * keeps a pattern it never frees: not ours to report. */
	__lsan_disable();
#endif
	poppler_page_render(page, cr);
#ifdef SCREENER_ASAN
	__lsan_enable();
#endif
	cairo_destroy(cr);
	cairo_surface_flush(surf);
	rgb = cairo_image_surface_get_data(surf);
	stride = cairo_image_surface_get_stride(surf);
	grey = rgb ? g_malloc((gsize)*w * *h) : NULL;
	for (int y = 0; grey && y < *h; y++) {
		const guint32 *row = (const guint32 *)(rgb + (gsize)y * stride);
		guint8 *out = grey + (gsize)y * *w;

		for (int x = 0; x < *w; x++) {
			guint32 px = row[x];

			out[x] = (guint8)((((px >> 16) & 0xff) * 77 +
					   ((px >> 8) & 0xff) * 150 +
					   (px & 0xff) * 29) >> 8);
		}
	}
	cairo_surface_destroy(surf);
	*scale = s;
	return grey;
}

static void add_glyph(struct doc *d, guint32 off, guint32 page, float x1,
		      float y1, float x2, float y2)
{
	struct doc_glyph g = { off, page, x1, y1, x2, y2 };

	g_array_append_val(d->glyphs, g);
}

/* Append word w (box in points: x1..x2, y1..y2) with a glyph per
 * character, the box shared out evenly. */
static bool emit_word(struct doc *d, guint32 p, const char *text, float x1,
		      float y1, float x2, float y2)
{
	glong n = g_utf8_strlen(text, -1);
	guint32 base = d->raw->len;
	float step = n > 0 ? (x2 - x1) / n : 0;
	bool ok = doc_append(d, text, -1);
	glong i = 0;

	for (const char *c = text;
	     *c && base + (gsize)(c - text) < d->raw->len;
	     c = g_utf8_next_char(c), i++)
		add_glyph(d, base + (guint32)(c - text), p, x1 + step * i, y1,
			  x1 + step * (i + 1), y2);
	return ok;
}

/* The words of page p, in Tesseract's order, as lines of blocks. */
static bool emit_words(struct extract_ocr *o, struct doc *d, guint32 p,
		       GArray *words, double scale)
{
	float px2 = 0, py1 = 0, py2 = 0;

	for (guint i = 0; i < words->len; i++) {
		const struct ocr_word *w =
			&g_array_index(words, struct ocr_word, i);
		float x1 = w->x1 / scale, y1 = w->y1 / scale;
		float x2 = w->x2 / scale, y2 = w->y2 / scale;

		o->words++;
		o->conf_sum += CLAMP(w->conf, 0, 100);
		if (i == 0 || w->line_start || w->para_start) {
			doc_block_close(d);
			doc_block_open(d, p, DOC_BLOCK_BODY, 0);
		} else {
			guint32 off = d->raw->len;

			if (!doc_append(d, " ", 1))
				return false;
			add_glyph(d, off, p, px2, MIN(py1, y1),
				  MAX(px2, x1), MAX(py2, y2));
		}
		if (!emit_word(d, p, w->text, x1, y1, x2, y2))
			return false;
		px2 = x2;
		py1 = y1;
		py2 = y2;
	}
	doc_block_close(d);
	return !doc_full(d);
}

bool extract_ocr_page(struct extract_ocr *o, struct doc *d, guint32 p)
{
	g_autoptr(GArray) words = ocr_words_new();
	g_autoptr(GError) err = NULL;
	g_autofree guint8 *grey = NULL;
	gint64 t0 = ocr_cpu_ms(), left;
	PopplerPage *page;
	double scale = 1;
	int w = 0, h = 0;

	if (!o->deadline)
		o->deadline = t0 + (gint64)o->doc_cap * 1000;
	left = o->deadline - t0;

	if (g_get_monotonic_time() + MIN_PAGE_MS * 1000 >= o->wall_until) {
		o->late[p] = 3;
		return true;
	}
	if (left < MIN_PAGE_MS) {
		o->late[p] = 2;
		return true;
	}
	page = poppler_document_get_page(o->pdf, p - 1);
	if (!page)
		return true;
	grey = render_grey(page, &w, &h, &scale);
	g_object_unref(page);
	left -= ocr_cpu_ms() - t0;
	if (!grey) {
		o->empty[p] = 1;
		return true;
	}
	if (left < MIN_PAGE_MS) {
		o->late[p] = 2;
		return true;
	}
	if (!ocr_page(grey, w, h, w, (int)lround(scale * 72),
		      (guint)MIN(left, (gint64)o->page_ms), o->wall_until,
		      words, &err)) {
		if (g_error_matches(err, SCREENER_ERROR, SE_TIMEOUT))
			o->late[p] = g_get_monotonic_time() >= o->wall_until ?
				     3 : left <= (gint64)o->page_ms ? 2 : 1;
		else
			o->empty[p] = 1;
		return true;
	}
	if (!words->len) {
		o->empty[p] = 1;
		return true;
	}
	return emit_words(o, d, p, words, scale);
}

/* "3, 5-7": the pages whose flag in v is want. */
static void page_list(GString *out, const guint8 *v, guint32 n, guint8 want)
{
	bool first = true;

	for (guint32 p = 1; p <= n; p++) {
		guint32 q = p;

		if (v[p] != want)
			continue;
		while (q < n && v[q + 1] == want)
			q++;
		g_string_append_printf(out, "%s%u", first ? "" : ", ", p);
		if (q > p)
			g_string_append_printf(out, "-%u", q);
		first = false;
		p = q;
	}
}

static bool any(const guint8 *v, guint32 n, guint8 want)
{
	for (guint32 p = 1; p <= n; p++)
		if (v[p] == want)
			return true;
	return false;
}

/* What the caps left out, one clause per cap: "OCR time cap: page 3
 * over 10 s, not read; OCR stopped at the document's time cap (15 s):
 * pages 5-9 not read". */
static void caps_note(const struct extract_ocr *o, GString *out)
{
	for (guint8 why = 1; why <= 3; why++) {
		guint n = 0;

		for (guint32 p = 1; p <= o->pages; p++)
			n += o->late[p] == why;
		if (!n)
			continue;
		if (out->len)
			g_string_append(out, "; ");
		if (why == 2)
			g_string_append_printf(out, "OCR stopped at the "
					       "document's time cap (%u s): ",
					       o->doc_cap);
		else if (why == 3)
			g_string_append_printf(out, "OCR stopped near the "
					       "file's time limit (%u s): ",
					       o->wall_cap);
		else
			g_string_append(out, "OCR time cap: ");
		g_string_append(out, n > 1 ? "pages " : "page ");
		page_list(out, o->late, o->pages, why);
		if (why == 1)
			g_string_append_printf(out, " over %u s, not read",
					       o->page_cap);
		else
			g_string_append(out, " not read");
	}
}

bool extract_ocr_finish(struct extract_ocr *o, struct doc *d,
			const char *why, int code, GError **err)
{
	g_autoptr(GString) caps = g_string_new(NULL);
	guint mean = o->words ? (guint)lround(o->conf_sum / o->words) : 0;

	caps_note(o, caps);
	if (why && (o->words == 0 || mean < EXTRACT_OCR_FLOOR)) {
		g_autoptr(GString) msg = g_string_new(why);

		/* No word at all: the reason as it is without OCR. */
		if (o->words)
			g_string_append_printf(msg, "; " DOC_WARN_OCR ", mean "
					       "word confidence %u%%, under "
					       "%u%%", mean,
					       EXTRACT_OCR_FLOOR);
		if (caps->len)
			g_string_append_printf(msg, "; %s", caps->str);
		g_set_error_literal(err, SCREENER_ERROR, code, msg->str);
		return false;
	}
	if (o->words) {
		g_autoptr(GString) pages = g_string_new(NULL);
		g_autofree guint8 *read = g_new0(guint8, o->pages + 1);
		guint n = 0;

		/* The pages read, words found, when not the whole
		 * document. */
		for (guint32 p = 1; p <= o->pages; p++) {
			read[p] = o->want[p] && !o->late[p] && !o->empty[p];
			n += read[p];
		}
		if (any(read, o->pages, 0)) {
			g_string_append(pages, n > 1 ? " (pages" : " (page");
			g_string_append_c(pages, ' ');
			page_list(pages, read, o->pages, 1);
			g_string_append_c(pages, ')');
		}
		doc_warn(d, DOC_WARN_OCR "%s, mean word confidence %u%%",
			 pages->str, mean);
	}
	if (caps->len)
		doc_warn(d, "%s", caps->str);
	if (!why) {
		guint n = 0;

		for (guint32 p = 1; p <= o->pages; p++)
			n += o->empty[p] || o->late[p];
		if (n)
			doc_warn(d, "%u of %u pages have no text layer "
				 "(scanned?)", n, o->pages);
	}
	return true;
}
