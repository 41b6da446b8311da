/*
 * annot_pdf.c - the highlight spec and applying it with poppler.
 *
 * Spec layout, native byte order (both ends are the same binary):
 *   per highlight: page u32, rgb u32, n u32, n x 4 f32 (x1 y1 x2 y2,
 *   top-left origin), note length u32, note bytes (UTF-8)
 * annot_pdf_apply() runs in the jailed child: it trusts neither the PDF
 * nor the spec.  Boxes become PDF quadrilaterals (bottom-left origin, so
 * y flips against the page height), one highlight annotation per passage
 * page, saved as an incremental update: the original bytes are kept
 * whole at the start of the copy.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>
#include <poppler.h>

#include "annot_pdf.h"
#include "error.h"

#define NOTE_MAX 4096u
#define BOXES_MAX 4096u

static void put_u32(GByteArray *b, guint32 v)
{
	g_byte_array_append(b, (const guint8 *)&v, sizeof(v));
}

void annot_spec_add(GByteArray *spec, const struct annot_mark *m)
{
	gsize note = MIN(strlen(m->note ? m->note : ""), NOTE_MAX);

	put_u32(spec, m->page);
	put_u32(spec, m->rgb);
	put_u32(spec, m->n_boxes);
	g_byte_array_append(spec, (const guint8 *)m->boxes,
			    m->n_boxes * sizeof(struct annot_box));
	put_u32(spec, note);
	g_byte_array_append(spec, (const guint8 *)(m->note ? m->note : ""),
			    note);
}

struct reader {
	const guint8 *p, *end;
};

static bool take(struct reader *r, void *out, gsize n)
{
	if ((gsize)(r->end - r->p) < n)
		return false;
	memcpy(out, r->p, n);
	r->p += n;
	return true;
}

/* One highlight from the spec, checked; boxes and note are fresh
 * copies (the caller frees them). */
static bool read_mark(struct reader *r, struct annot_mark *m,
		      struct annot_box **boxes, char **note)
{
	guint32 n, len;

	if (!take(r, &m->page, 4) || !take(r, &m->rgb, 4) ||
	    !take(r, &n, 4) || n == 0 || n > BOXES_MAX ||
	    (gsize)(r->end - r->p) < n * sizeof(struct annot_box))
		return false;
	*boxes = g_new(struct annot_box, n);
	if (!take(r, *boxes, n * sizeof(struct annot_box)) ||
	    !take(r, &len, 4) || len > NOTE_MAX ||
	    (gsize)(r->end - r->p) < len)
		return false;
	*note = g_strndup((const char *)r->p, len);
	r->p += len;
	m->boxes = *boxes;
	m->n_boxes = n;
	m->note = *note;
	return g_utf8_validate(*note, -1, NULL) && strlen(*note) == len;
}

/* The part of box b on the page (w x h, as displayed); false when none
 * is.  A glyph box may cross the page's edge: poppler keeps a character
 * drawn partly off the visible box (the last cells of a table wider than
 * the page), and its highlight is the part a reader sees.  A box wholly
 * off the page is no glyph of it. */
static bool box_clip(const struct annot_box *b, double w, double h,
		     struct annot_box *out)
{
	if (!(b->x1 < b->x2 && b->y1 < b->y2))
		return false;
	out->x1 = MAX(b->x1, 0);
	out->y1 = MAX(b->y1, 0);
	out->x2 = MIN(b->x2, w);
	out->y2 = MIN(b->y2, h);
	return out->x1 < out->x2 && out->y1 < out->y2;
}

/* Add m to page.  False (with err) when a box is off the page. */
static bool add_to_page(PopplerDocument *pdf, PopplerPage *page,
			const struct annot_mark *m, GError **err)
{
	g_autoptr(GArray) quads = NULL;
	PopplerRectangle rect = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE,
				  -G_MAXDOUBLE };
	PopplerColor colour = {
		(guint16)(((m->rgb >> 16) & 0xff) * 257),
		(guint16)(((m->rgb >> 8) & 0xff) * 257),
		(guint16)((m->rgb & 0xff) * 257),
	};
	PopplerAnnot *annot;
	double w, h;

	poppler_page_get_size(page, &w, &h);
	quads = g_array_sized_new(FALSE, FALSE, sizeof(PopplerQuadrilateral),
				  m->n_boxes);
	for (guint i = 0; i < m->n_boxes; i++) {
		struct annot_box c;
		PopplerQuadrilateral q;

		if (!box_clip(&m->boxes[i], w, h, &c)) {
			g_set_error(err, SCREENER_ERROR, SE_PROTOCOL,
				    "highlight box off page %u", m->page);
			return false;
		}
		q = (PopplerQuadrilateral){
			{ c.x1, h - c.y1 }, { c.x2, h - c.y1 },
			{ c.x1, h - c.y2 }, { c.x2, h - c.y2 },
		};
		g_array_append_val(quads, q);
		rect.x1 = MIN(rect.x1, c.x1);
		rect.x2 = MAX(rect.x2, c.x2);
		rect.y1 = MIN(rect.y1, h - c.y2);
		rect.y2 = MAX(rect.y2, h - c.y1);
	}
	annot = poppler_annot_text_markup_new_highlight(pdf, &rect, quads);
	poppler_annot_set_color(annot, &colour);
	poppler_annot_set_contents(annot, m->note);
	poppler_annot_markup_set_label(POPPLER_ANNOT_MARKUP(annot),
				       "screener");
	poppler_page_add_annot(page, annot);
	g_object_unref(annot);
	return true;
}

/* Add m to its page.  False (with err) when the spec does not fit the
 * document. */
static bool add_highlight(PopplerDocument *pdf, const struct annot_mark *m,
			  GError **err)
{
	PopplerPage *page = NULL;
	bool ok;

	if (m->page == 0 ||
	    m->page > (guint32)poppler_document_get_n_pages(pdf) ||
	    !(page = poppler_document_get_page(pdf, m->page - 1))) {
		g_set_error(err, SCREENER_ERROR, SE_PROTOCOL,
			    "highlight on page %u, which the PDF lacks",
			    m->page);
		return false;
	}
	ok = add_to_page(pdf, page, m, err);
	g_object_unref(page);
	return ok;
}

static bool apply_spec(PopplerDocument *pdf, const guint8 *spec,
		       gsize spec_len, GError **err)
{
	struct reader r = { spec, spec + spec_len };

	while (r.p < r.end) {
		g_autofree struct annot_box *boxes = NULL;
		g_autofree char *note = NULL;
		struct annot_mark m;

		if (!read_mark(&r, &m, &boxes, &note)) {
			g_set_error_literal(err, SCREENER_ERROR, SE_PROTOCOL,
					    "malformed highlight list");
			return false;
		}
		if (!add_highlight(pdf, &m, err))
			return false;
	}
	return true;
}

/* Save pdf with its changes and read the copy back.  The child's
 * working folder is its private tmpfs root, or an empty folder of its
 * own (sandbox.c), so the file never outlives it.  Not
 * poppler_document_save_to_fd(): poppler 22.12 neither flushes nor
 * closes the FILE it opens there, so the copy comes out cut short. */
static GBytes *save_copy(PopplerDocument *pdf, GError **err)
{
	g_autofree char *cwd = g_get_current_dir();
	g_autofree char *path = g_build_filename(cwd, ANNOT_PDF_COPY_NAME,
						 NULL);
	g_autofree char *uri = g_filename_to_uri(path, NULL, NULL);
	g_autoptr(GError) perr = NULL;
	char *data = NULL;
	gsize len = 0;

	if (!uri || !poppler_document_save(pdf, uri, &perr) ||
	    !g_file_get_contents(path, &data, &len, &perr)) {
		g_set_error(err, SCREENER_ERROR, SE_FAILED,
			    "cannot save the annotated copy: %s",
			    perr ? perr->message : "no working folder");
		unlink(path);
		return NULL;
	}
	unlink(path);
	return g_bytes_new_take(data, len);
}

GBytes *annot_pdf_apply(const guint8 *pdf, gsize len, const guint8 *spec,
			gsize spec_len, const struct caps *caps, GError **err)
{
	g_autoptr(GBytes) bytes = g_bytes_new_static(pdf, len);
	PopplerDocument *doc;
	GBytes *out = NULL;
	int pages;

	doc = poppler_document_new_from_bytes(bytes, NULL, NULL);
	if (!doc) {
		g_set_error_literal(err, SCREENER_ERROR, SE_PDF_UNREADABLE,
				    "not a readable PDF");
		return NULL;
	}
	pages = poppler_document_get_n_pages(doc);
	if (pages <= 0 || (guint)pages > caps->pdf_pages)
		g_set_error(err, SCREENER_ERROR, SE_TOO_MANY_PAGES,
			    "too many pages (%d, limit %u)", pages,
			    caps->pdf_pages);
	else if (apply_spec(doc, spec, spec_len, err))
		out = save_copy(doc, err);
	g_object_unref(doc);
	return out;
}
