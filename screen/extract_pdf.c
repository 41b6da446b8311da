/*
 * extract_pdf.c - PDF bytes to a struct doc, with poppler-glib.
 *
 * Owns the PDF reading order and the glyph boxes; the only file of the
 * extraction side that includes poppler.h.  It must not normalise text
 * (text.c does: ligatures, hyphens, dashes, bullets), nor touch anything
 * outside the doc it is given.  Runs in the extraction child on hostile
 * bytes.
 *
 * Reading order.  poppler_page_get_text() follows poppler's own flow
 * analysis, which keeps two text columns apart but can interleave a narrow
 * sidebar with the main column, and may put right-aligned dates after the
 * paragraph they belong to.  So the order is rebuilt from the character
 * boxes (poppler_page_get_text_layout(), one box per character of
 * poppler_page_get_text()):
 *  1. poppler's lines are cut into fragments at gaps wider than the text
 *     height (a word space is a third of it);
 *  2. column gutters are vertical strips, at least one text height wide,
 *     crossed by fragments over at most a quarter of the page's text
 *     height (narrowed to where the fewest cross: gutter_core(), unless
 *     only lines in large type cross it), with
 *     columns of text (not table cells: lines at least six text heights
 *     wide) on both sides, side by side over a fifth of it, and neither
 *     side a sparse column of labels (see side_is_labels());
 *  3. fragments that cross a gutter (a name, a title spanning the page)
 *     cut the page into bands; inside a band, columns are read left to
 *     right, each top to bottom; fragments of one column at the same
 *     height form one line, left to right.
 * Running headers and footers (the same small line at the same edge of
 * two pages or more, page numbers aside) are read once, as header
 * blocks, before and after the page text (see mark_running()), so they do
 * not cut what runs on over a page break.
 * Characters of icon fonts that come out as ASCII letters (no Unicode
 * map) and text no reader sees (tiny, off the page, of the colour
 * under it) are blanked before step 1 (see blank_unseen()), and
 * characters that
 * poppler gives for what a glyph is rather than what it looks like (a
 * soft hyphen drawn as a hyphen, a space glyph mapped to tab and CR) are
 * read as drawn (see page_glyph_text()).
 * Each output line is one block (kind body, with its page); a line whose
 * text is clearly larger than the page's body text, or a short all-capital
 * line, is marked as a heading (level 1 for a much larger size, else 2).
 * Fragments of one line are joined by one space, unless the first ends
 * in a zero-width character whose box runs over the second: poppler ends
 * its line there (Google Docs puts U+200B after a hyphen, "408-\u200B" +
 * "766"), and a space would split a word that has no gap.
 *
 * Glyphs: every character appended gets its box (points, top-left origin,
 * the rotated page as displayed); the space joining two fragments gets the
 * gap between them.  When poppler's box count does not match its text (it
 * should not happen), that page keeps poppler's order and gets no boxes
 * rather than wrong ones.
 */
#include <math.h>
#include <string.h>

#include <poppler.h>

#include "error.h"
#include "extract.h"
#include "extract_ocr.h"
#include "garble.h"
#include "pdf_streams.h"

/* A page with fewer non-space characters than this and an image on it
 * counts as scanned. */
#define SCANNED_CHARS	20
/* Gutter tests, as fractions of the page's text height (see above). */
#define GUTTER_CROSS	0.25
#define GUTTER_SIDE	0.2
/* The widest line on each side of a gutter, in text heights, at least. */
#define GUTTER_WIDTH	6
/* A side of a strip is labels when its lines are narrower than
 * LABEL_WIDTH text heights (median) and gaps over LABEL_GAP text heights
 * take more than LABEL_SPARSE of the height both sides share. */
#define LABEL_WIDTH	12
#define LABEL_GAP	2.5f
#define LABEL_SPARSE	0.35f
/* Bins of the column profile: at most this many per page. */
#define MAX_BINS	2048

struct pchar {
	guint32 b0, b1;		/* bytes [b0, b1) in the page text */
	gunichar c;
	float x1, y1, x2, y2;	/* in the frame its text reads in */
	float dx1, dy1, dx2, dy2;	/* on the page as displayed */
	guint8 rot;		/* quarter turns of its line (see line_rot()) */
	bool hidden;		/* drawn where no reader sees it */
};

struct frag {
	guint c0, c1;		/* characters [c0, c1) of the page */
	float x1, y1, x2, y2;
	guint band;		/* spanning rows above it */
	int col;		/* column; ncols for a spanning fragment */
	guint line;		/* output line, once grouped */
	bool running;		/* a running header or footer line */
};

struct page_ctx {
	struct doc *d;
	guint32 pageno;
	char *text;		/* poppler's page text */
	GArray *chars;		/* struct pchar */
	GArray *frags;		/* struct frag, in reading order */
	float body;		/* body text height, points */
	bool plain;		/* boxes did not match: poppler's own lines */
	guint rot;		/* the quarter turn all its lines read in */
	float w, h;		/* the page as displayed, points */
	struct page_ctx *turned;	/* the page's lines of another
					   direction, read after these */
};

static float finite_or_zero(double v)
{
	return isfinite(v) && fabs(v) < 1e6 ? (float)v : 0.0f;
}

/* Most page text is ASCII: test it without a table lookup. */
static bool is_space(gunichar c)
{
	return c < 0x80 ? c == ' ' || (c >= '\t' && c <= '\r') :
		g_unichar_isspace(c);
}

static float fheight(const struct frag *f)
{
	return f->y2 - f->y1;
}

static float fmid(const struct frag *f)
{
	return (f->y1 + f->y2) / 2;
}

/* Split the page text into characters with their boxes.  False when the
 * counts disagree. */
static bool page_chars(struct page_ctx *pc, const PopplerRectangle *rects,
		       guint nrects)
{
	const char *p = pc->text;
	guint i = 0;

	while (*p) {
		struct pchar ch;
		const char *next = (guchar)*p < 0x80 ? p + 1 :
			g_utf8_next_char(p);

		if (i >= nrects)
			return false;
		ch.b0 = p - pc->text;
		ch.b1 = next - pc->text;
		ch.c = (guchar)*p < 0x80 ? (guchar)*p : g_utf8_get_char(p);
		ch.x1 = finite_or_zero(MIN(rects[i].x1, rects[i].x2));
		ch.x2 = finite_or_zero(MAX(rects[i].x1, rects[i].x2));
		ch.y1 = finite_or_zero(MIN(rects[i].y1, rects[i].y2));
		ch.y2 = finite_or_zero(MAX(rects[i].y1, rects[i].y2));
		ch.dx1 = ch.x1;
		ch.dy1 = ch.y1;
		ch.dx2 = ch.x2;
		ch.dy2 = ch.y2;
		ch.rot = 0;
		ch.hidden = false;
		g_array_append_val(pc->chars, ch);
		p = next;
		i++;
	}
	return i == nrects;
}

/* Icon fonts (contact-line envelopes and phones, skill stars).  Without
 * a Unicode map their glyphs come out as the letters of their codes:
 * marvosym's envelope is "B", its phone "H". */
static bool icon_font(const char *name)
{
	static const char *const icons[] = {
		"marvosym", "fontawesome", "wingdings", "webdings",
		"dingbat", "academicons", "materialicons", "material icons",
		"octicons", "ionicons", "entypo",
	};
	g_autofree char *low = name ? g_ascii_strdown(name, -1) : NULL;

	for (gsize i = 0; low && i < G_N_ELEMENTS(icons); i++)
		if (strstr(low, icons[i]))
			return true;
	return false;
}

/* Text no reader sees is no part of the applicant's resume: a note
 * "to automated analysis software" or a line of keywords put where a
 * screener reads it and a person does not.  It is blanked (it neither
 * scores nor shows) and counted, and the document says so: "hidden
 * text: N words on page P".  The ways it is hidden:
 *  - type under 2 pt whose glyphs are as small;
 *  - drawn outside the page's visible box (its CropBox): poppler drops
 *    what lies wholly outside before we see it, so what is left is a
 *    character whose middle is off the page;
 *  - drawn in the colour of what lies under it: white text on a white
 *    page ("white fonting").  poppler-glib gives each run's colour
 *    (poppler_page_get_text_attributes()) but neither what is drawn
 *    under it nor the text render mode, so light-coloured runs are
 *    checked on a rendering of the page: a word is hidden when nearly
 *    all of its box shows its own colour.  White type on a dark band
 *    or over a photo shows, and so does the white or invisible text
 *    layer an OCR tool lays over a scan (the scan is under it).
 *    Rendering costs twice what reading the text does, so it is done
 *    only for pages with light text, and only over that text;
 *  - drawn in an invisible render mode (3: neither filled nor
 *    stroked), which poppler-glib does not tell either: when the file's
 *    content streams set that mode (pdf_streams.c), every word is
 *    checked on the rendering for ink, any contrast in its box; a word
 *    without is hidden, unless it lies on an image (a scan's text
 *    layer) or its font draws no ink anywhere on the page (a font the
 *    jail cannot load draws nothing: that says nothing of the text). */
#define HIDDEN_PT 2.0
/* Light: each colour channel at least this (of 65535). */
#define LIGHT_MIN 58000
/* Rendering: pixels a point, and the most pixels rendered for a page. */
#define SEEN_SCALE 2.0
#define SEEN_MAX_PX (4u << 20)
/* A pixel is of the text's colour within this per channel (of 255);
 * a word is hidden when this share of its box is. */
#define SEEN_NEAR 24
#define SEEN_SHARE 0.97
/* A word shows ink when its box holds pixels this far apart in
 * brightness (of 3 x 255). */
#define INK_MIN 120

static void blank_char(struct page_ctx *pc, struct pchar *ch)
{
	for (guint32 b = ch->b0; b < ch->b1; b++)
		pc->text[b] = ' ';
	ch->c = ' ';
}

/* A word to check on the rendering: characters [a, z) of the page, its
 * box, the colour and font it is drawn in, and what to check: its
 * colour against what lies under it (light), its ink (ink). */
struct light_word {
	guint a, z;
	float x1, y1, x2, y2;
	guint8 r, g, b;
	bool light, ink;
	bool inked;		/* the rendering shows ink in its box */
	const char *font;	/* interned */
};

/* What the pixels of a word's box (in pixels of the surface) show:
 * *inked, brightness far enough apart to draw a glyph; *of_colour,
 * nearly all of them of the word's colour. */
static void box_look(const guint8 *px, int stride, int pw, int ph, int x1,
		     int y1, int x2, int y2, const struct light_word *w,
		     bool *inked, bool *of_colour)
{
	guint64 all = 0, near = 0;
	int lo = 3 * 255, hi = 0;

	x1 = CLAMP(x1, 0, pw);
	x2 = CLAMP(x2, 0, pw);
	y1 = CLAMP(y1, 0, ph);
	y2 = CLAMP(y2, 0, ph);
	for (int y = y1; y < y2; y++) {
		const guint32 *row = (const guint32 *)(px + (gsize)y * stride);

		for (int x = x1; x < x2; x++) {
			guint32 v = row[x];
			int r = (int)((v >> 16) & 0xff), g = (int)((v >> 8) & 0xff);
			int b = (int)(v & 0xff);

			lo = MIN(lo, r + g + b);
			hi = MAX(hi, r + g + b);
			all++;
			if (ABS(r - w->r) <= SEEN_NEAR &&
			    ABS(g - w->g) <= SEEN_NEAR &&
			    ABS(b - w->b) <= SEEN_NEAR)
				near++;
		}
	}
	*inked = hi - lo >= INK_MIN;
	*of_colour = all > 0 && near >= SEEN_SHARE * all;
}

/* Whether the middle of the box lies on one of the page's images: a
 * scan under its OCR text, whose words are sized and placed as the scan
 * shows them, and may be white or invisible. */
static bool over_image(GList *images, float x1, float y1, float x2,
		       float y2)
{
	float mx = (x1 + x2) / 2, my = (y1 + y2) / 2;

	for (GList *l = images; l; l = l->next) {
		const PopplerImageMapping *m = l->data;

		if (mx >= m->area.x1 && mx <= m->area.x2 &&
		    my >= m->area.y1 && my <= m->area.y2)
			return true;
	}
	return false;
}

/* Render the part of page under words (white paper first, as a viewer
 * shows it) and mark hidden the characters of each light word whose box
 * shows its own colour, and of each word checked for ink that shows
 * none (see above). */
static void hide_unseen_words(struct page_ctx *pc, PopplerPage *page,
			      GArray *words, GList *images)
{
	float x1 = G_MAXFLOAT, y1 = G_MAXFLOAT, x2 = 0, y2 = 0;
	double scale = SEEN_SCALE;
	g_autoptr(GHashTable) inking = g_hash_table_new(NULL, NULL);
	cairo_surface_t *surf;
	cairo_t *cr;
	int pw, ph, stride;
	const guint8 *px;

	for (guint i = 0; i < words->len; i++) {
		const struct light_word *w =
			&g_array_index(words, struct light_word, i);

		x1 = MIN(x1, w->x1);
		y1 = MIN(y1, w->y1);
		x2 = MAX(x2, w->x2);
		y2 = MAX(y2, w->y2);
	}
	x1 = MAX(x1, 0);
	y1 = MAX(y1, 0);
	x2 = MIN(x2, pc->w);
	y2 = MIN(y2, pc->h);
	if (x2 - x1 < 1 || y2 - y1 < 1)
		return;
	while (scale > 0.25 &&
	       (x2 - x1) * scale * (y2 - y1) * scale > SEEN_MAX_PX)
		scale /= 2;
	pw = (int)ceil((x2 - x1) * scale);
	ph = (int)ceil((y2 - y1) * scale);
	surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surf);
		return;
	}
	cr = cairo_create(surf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	cairo_translate(cr, -x1, -y1);
	cairo_rectangle(cr, x1, y1, x2 - x1, y2 - y1);
	cairo_clip(cr);
	poppler_page_render(page, cr);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		cairo_destroy(cr);
		cairo_surface_destroy(surf);
		return;
	}
	cairo_destroy(cr);
	cairo_surface_flush(surf);
	px = cairo_image_surface_get_data(surf);
	stride = cairo_image_surface_get_stride(surf);
	for (guint i = 0; px && i < words->len; i++) {
		struct light_word *w =
			&g_array_index(words, struct light_word, i);
		int bx1 = (int)floor((w->x1 - x1) * scale);
		int by1 = (int)floor((w->y1 - y1) * scale);
		int bx2 = (int)ceil((w->x2 - x1) * scale);
		int by2 = (int)ceil((w->y2 - y1) * scale);
		bool inked, hide;

		if (over_image(images, w->x1, w->y1, w->x2, w->y2)) {
			w->ink = false;
			continue;
		}
		box_look(px, stride, pw, ph, bx1, by1, bx2, by2, w, &inked,
			 &hide);
		w->inked = w->ink && inked;
		if (w->inked)
			g_hash_table_add(inking, (gpointer)w->font);
		hide = hide && w->light;
		for (guint c = w->a; hide && c < w->z; c++)
			g_array_index(pc->chars, struct pchar, c).hidden =
				true;
	}
	/* No ink where a font that inks elsewhere on the page drew. */
	for (guint i = 0; px && i < words->len; i++) {
		const struct light_word *w =
			&g_array_index(words, struct light_word, i);

		if (!w->ink || w->inked ||
		    !g_hash_table_contains(inking, w->font))
			continue;
		for (guint c = w->a; c < w->z; c++)
			g_array_index(pc->chars, struct pchar, c).hidden =
				true;
	}
	cairo_surface_destroy(surf);
}

/* Add the run [a, z] of a to words, a word at a time, to be checked as
 * light text, for ink, or both. */
static void light_words(const struct page_ctx *pc, guint a, guint z,
			const PopplerTextAttributes *at, bool light, bool ink,
			GArray *words)
{
	const PopplerColor *col = &at->color;
	struct light_word w = { .a = G_MAXUINT, .light = light, .ink = ink,
				.font = g_intern_string(at->font_name ?
							at->font_name : "") };

	for (guint i = a; i <= z + 1; i++) {
		const struct pchar *ch = i <= z && i < pc->chars->len ?
			&g_array_index(pc->chars, struct pchar, i) : NULL;

		if (ch && !is_space(ch->c)) {
			if (w.a == G_MAXUINT) {
				w.a = i;
				w.x1 = w.y1 = G_MAXFLOAT;
				w.x2 = w.y2 = -G_MAXFLOAT;
			}
			w.z = i + 1;
			w.x1 = MIN(w.x1, ch->dx1);
			w.y1 = MIN(w.y1, ch->dy1);
			w.x2 = MAX(w.x2, ch->dx2);
			w.y2 = MAX(w.y2, ch->dy2);
			continue;
		}
		if (w.a != G_MAXUINT) {
			w.r = col->red >> 8;
			w.g = col->green >> 8;
			w.b = col->blue >> 8;
			g_array_append_val(words, w);
		}
		w.a = G_MAXUINT;
		if (!ch)
			break;
	}
}

/* Blank the hidden characters of the page and say how many words they
 * made. */
static void blank_hidden(struct page_ctx *pc)
{
	guint words = 0;
	bool in = false;

	for (guint i = 0; i < pc->chars->len; i++) {
		struct pchar *ch = &g_array_index(pc->chars, struct pchar, i);

		if (is_space(ch->c)) {
			in = false;
			continue;
		}
		if (!ch->hidden) {
			in = false;
			continue;
		}
		if (!in)
			words++;
		in = true;
		blank_char(pc, ch);
	}
	if (words)
		doc_warn(pc->d, "hidden text: %u word%s on page %u", words,
			 words == 1 ? "" : "s", pc->pageno);
}

/* Blank what a page does not show of its text: the icon-font characters
 * that came out as ASCII (stray letters, not words; an icon with a real
 * code point such as U+2709 is kept), and hidden text (above).  poppler
 * keeps the page's text layout, so asking for the fonts costs a few per
 * cent, less than a scan of the document's font list would. */
static void blank_unseen(struct page_ctx *pc, PopplerPage *page, bool ink)
{
	GList *attrs = poppler_page_get_text_attributes(page);
	g_autoptr(GArray) light = g_array_new(FALSE, FALSE,
					      sizeof(struct light_word));
	bool tiny_any = false;

	for (GList *l = attrs; l; l = l->next) {
		const PopplerTextAttributes *a = l->data;
		bool icon = icon_font(a->font_name);
		bool tiny = a->font_size > 0 && a->font_size < HIDDEN_PT;
		bool pale;

		if (a->start_index < 0 || a->end_index < a->start_index)
			continue;
		pale = a->color.red >= LIGHT_MIN &&
		       a->color.green >= LIGHT_MIN &&
		       a->color.blue >= LIGHT_MIN;

		if ((pale || ink) && !icon && !tiny)
			light_words(pc, a->start_index, a->end_index, a, pale,
				    ink, light);
		if (!icon && !tiny)
			continue;
		for (guint i = a->start_index;
		     i <= (guint)a->end_index && i < pc->chars->len; i++) {
			struct pchar *ch =
				&g_array_index(pc->chars, struct pchar, i);

			if (is_space(ch->c))
				continue;
			if (icon && ch->c < 0x80)
				blank_char(pc, ch);
			else if (tiny && ch->dy2 - ch->dy1 < HIDDEN_PT + 1 &&
				 ch->dx2 - ch->dx1 < HIDDEN_PT + 1)
				ch->hidden = tiny_any = true;
		}
	}
	poppler_page_free_text_attributes(attrs);
	/* Tiny or light text on a scan is the scan's text layer. */
	if (tiny_any || light->len) {
		GList *images = poppler_page_get_image_mapping(page);

		for (guint i = 0; images && i < pc->chars->len; i++) {
			struct pchar *ch =
				&g_array_index(pc->chars, struct pchar, i);

			if (ch->hidden && over_image(images, ch->dx1, ch->dy1,
						     ch->dx2, ch->dy2))
				ch->hidden = false;
		}
		if (light->len)
			hide_unseen_words(pc, page, light, images);
		poppler_page_free_image_mapping(images);
	}
	for (guint i = 0; pc->w > 0 && pc->h > 0 && i < pc->chars->len; i++) {
		struct pchar *ch = &g_array_index(pc->chars, struct pchar, i);
		float mx = (ch->dx1 + ch->dx2) / 2, my = (ch->dy1 + ch->dy2) / 2;

		if (!is_space(ch->c) &&
		    (mx < 0 || mx > pc->w || my < 0 || my > pc->h))
			ch->hidden = true;
	}
	blank_hidden(pc);
}

/* Turned text.  poppler gives each character's box on the page as
 * displayed, and keeps the characters of one line together in reading
 * order whatever way the line runs: down the page (a /Rotate 90 page,
 * a table turned on its side), up it (a sidebar label read bottom to
 * top) or upside down.  The layout below reads lines left to right and
 * stacks them top to bottom, so each character's box is turned into the
 * frame its line reads in (rot quarter turns, clockwise), and a page
 * whose lines run several ways is read one direction at a time (see
 * page_split()).  Glyphs keep the displayed boxes. */
static void turn_point(guint rot, float w, float h, float x, float y,
		       float *tx, float *ty)
{
	switch (rot & 3) {
	case 1:		/* runs down: lines follow each other leftwards */
		*tx = y;
		*ty = w - x;
		break;
	case 2:
		*tx = w - x;
		*ty = h - y;
		break;
	case 3:		/* runs up: lines follow each other rightwards */
		*tx = h - y;
		*ty = x;
		break;
	default:
		*tx = x;
		*ty = y;
	}
}

/* The box (x1, y1, x2, y2) turned rot quarter turns, or back to the page
 * with back. */
static void turn_box(guint rot, bool back, float w, float h, float *b)
{
	float ax, ay, bx, by;

	if (back) {
		/* The inverse turn: three more quarter turns, with the
		 * page's sides swapped for odd turns. */
		rot = (4 - (rot & 3)) & 3;
		if (rot & 1) {
			float t = w;

			w = h;
			h = t;
		}
	}
	turn_point(rot, w, h, b[0], b[1], &ax, &ay);
	turn_point(rot, w, h, b[2], b[3], &bx, &by);
	b[0] = MIN(ax, bx);
	b[1] = MIN(ay, by);
	b[2] = MAX(ax, bx);
	b[3] = MAX(ay, by);
}

/* The quarter turns of the line [a, z) from the way its first and last
 * characters follow each other; -1 when it has one character only. */
static int line_rot(const struct page_ctx *pc, guint a, guint z)
{
	const struct pchar *f = NULL, *l = NULL;
	float dx, dy;

	for (guint i = a; i < z; i++) {
		const struct pchar *ch =
			&g_array_index(pc->chars, struct pchar, i);

		if (is_space(ch->c))
			continue;
		if (!f)
			f = ch;
		l = ch;
	}
	if (!f || f == l)
		return -1;
	dx = (l->dx1 + l->dx2) / 2 - (f->dx1 + f->dx2) / 2;
	dy = (l->dy1 + l->dy2) / 2 - (f->dy1 + f->dy2) / 2;
	if (fabsf(dx) >= fabsf(dy))
		return dx >= 0 ? 0 : 2;
	return dy > 0 ? 1 : 3;
}

/* Give every character its line's direction and its box in that frame.
 * Returns the direction most characters read in. */
static guint page_turn(struct page_ctx *pc)
{
	guint count[4] = { 0 }, best = 0;
	int prev = 0;

	for (guint a = 0, z; a < pc->chars->len; a = z) {
		int rot;

		for (z = a; z < pc->chars->len &&
		     g_array_index(pc->chars, struct pchar, z).c != '\n'; z++)
			;
		if (z < pc->chars->len)
			z++;	/* the newline goes with its line */
		/* A line of one character follows the one before it: the
		 * letters of a short turned word share its direction. */
		rot = line_rot(pc, a, z);
		if (rot < 0)
			rot = prev;
		prev = rot;
		for (guint i = a; i < z; i++) {
			struct pchar *ch =
				&g_array_index(pc->chars, struct pchar, i);
			float b[4] = { ch->dx1, ch->dy1, ch->dx2, ch->dy2 };

			ch->rot = (guint8)rot;
			turn_box(rot, false, pc->w, pc->h, b);
			ch->x1 = b[0];
			ch->y1 = b[1];
			ch->x2 = b[2];
			ch->y2 = b[3];
			if (!is_space(ch->c))
				count[rot]++;
		}
	}
	for (guint r = 1; r < 4; r++)
		if (count[r] > count[best])
			best = r;
	return best;
}

/* Keep in pc the characters that read in direction pc->rot and move each
 * other direction's into a page_ctx of its own, chained on pc->turned.
 * Their byte ranges still point into a copy of the same page text. */
static void page_split(struct page_ctx *pc)
{
	struct page_ctx **tail = &pc->turned;
	guint kept = 0;

	for (guint r = 0; r < 4; r++) {
		g_autoptr(GArray) mine = g_array_new(FALSE, FALSE,
						     sizeof(struct pchar));
		bool any = false;
		struct page_ctx *t;

		if (r == pc->rot)
			continue;
		for (guint i = 0; i < pc->chars->len; i++) {
			const struct pchar *ch =
				&g_array_index(pc->chars, struct pchar, i);

			if (ch->rot != r)
				continue;
			g_array_append_vals(mine, ch, 1);
			any = any || !is_space(ch->c);
		}
		if (!any)
			continue;
		t = g_new0(struct page_ctx, 1);
		t->d = pc->d;
		t->pageno = pc->pageno;
		t->text = g_strdup(pc->text);
		t->chars = g_steal_pointer(&mine);
		t->frags = g_array_new(FALSE, FALSE, sizeof(struct frag));
		t->rot = r;
		t->w = pc->w;
		t->h = pc->h;
		*tail = t;
		tail = &t->turned;
	}
	if (!pc->turned)
		return;
	/* What stays: pc's own direction. */
	for (guint i = 0; i < pc->chars->len; i++) {
		const struct pchar ch =
			g_array_index(pc->chars, struct pchar, i);

		if (ch.rot == pc->rot)
			g_array_index(pc->chars, struct pchar, kept++) = ch;
	}
	g_array_set_size(pc->chars, kept);
}

/* The hyphens a font may list together for its one hyphen glyph. */
static bool is_hyphen(gunichar c)
{
	return c == '-' || c == 0x00AD || c == 0x2010 || c == 0x2011;
}

/* What the page's characters stand for as drawn.  Every character of a
 * PDF page is a glyph the reader sees, so:
 *  - a soft hyphen (U+00AD) is a visible hyphen, not a hint: LaTeX's T1
 *    fonts and some Word and Quartz exports map their hyphen glyph to
 *    it, for a date range's dash ("2019 - 2024") and a compound's hyphen
 *    alike.  Left as it is, text.c would drop it as an invisible break
 *    hint and glue the two sides together.  At a line end, text.c
 *    decides whether it broke a word, as it does for any hyphen;
 *  - tab, CR, VT and FF inside a line are spacing: poppler ends its
 *    lines with '\n' itself, and a font that maps its space glyph to
 *    every white-space code point ("\t\r \u00A0") would otherwise put
 *    each word on a line of its own;
 *  - a glyph mapped to several hyphens (hyphen-minus, soft hyphen and
 *    U+2010: every code point the font draws with that glyph) comes out
 *    as that many characters sharing its box, so a hyphen right after a
 *    hyphen of another code point, with no gap, is the same glyph: it
 *    is dropped and its box joins the first one's.
 * Rebuilds pc->text and the byte ranges of pc->chars. */
static void page_glyph_text(struct page_ctx *pc)
{
	GString *t = g_string_sized_new(strlen(pc->text) + 1);
	guint w = 0;
	gunichar prev = 0;	/* the last kept character, as poppler gave it */

	for (guint i = 0; i < pc->chars->len; i++) {
		struct pchar ch = g_array_index(pc->chars, struct pchar, i);
		gunichar orig = ch.c;
		guint32 at;

		if (w > 0 && is_hyphen(orig) && is_hyphen(prev) &&
		    orig != prev) {
			struct pchar *p =
				&g_array_index(pc->chars, struct pchar, w - 1);

			if (ch.x1 <= p->x2 + 0.1f * (p->y2 - p->y1)) {
				p->x2 = MAX(p->x2, ch.x2);
				p->dx1 = MIN(p->dx1, ch.dx1);
				p->dy1 = MIN(p->dy1, ch.dy1);
				p->dx2 = MAX(p->dx2, ch.dx2);
				p->dy2 = MAX(p->dy2, ch.dy2);
				continue;
			}
		}
		if (orig == '\t' || orig == '\r' || orig == '\v' || orig == '\f')
			ch.c = ' ';
		else if (orig == 0x00AD)
			ch.c = '-';
		at = (guint32)t->len;
		if (ch.c == orig)
			g_string_append_len(t, pc->text + ch.b0,
					    ch.b1 - ch.b0);
		else
			g_string_append_unichar(t, ch.c);
		ch.b0 = at;
		ch.b1 = (guint32)t->len;
		g_array_index(pc->chars, struct pchar, w++) = ch;
		prev = orig;
	}
	g_array_set_size(pc->chars, w);
	g_free(pc->text);
	pc->text = g_string_free(t, FALSE);
}

static void frag_close(struct page_ctx *pc, struct frag *f, guint c1)
{
	if (f->c0 == G_MAXUINT)
		return;
	f->c1 = c1;
	g_array_append_val(pc->frags, *f);
	f->c0 = G_MAXUINT;
}

/* Cut poppler's lines into fragments at wide gaps (step 1).  Returns the
 * number of non-space characters. */
static guint page_frags(struct page_ctx *pc)
{
	guint nonspace = 0;
	struct frag f = { .c0 = G_MAXUINT };
	const struct pchar *prev = NULL;
	guint last = 0;		/* one past the last non-space character */

	for (guint i = 0; i < pc->chars->len; i++) {
		const struct pchar *ch =
			&g_array_index(pc->chars, struct pchar, i);
		float h, ph;

		if (ch->c == '\n') {
			frag_close(pc, &f, last);
			prev = NULL;
			continue;
		}
		if (is_space(ch->c))
			continue;
		nonspace++;
		if (prev) {
			h = ch->y2 - ch->y1;
			ph = prev->y2 - prev->y1;
			h = MAX(h, ph);
			if (ch->x1 - prev->x2 > h || ch->x2 < prev->x1 ||
			    MIN(ch->y2, prev->y2) - MAX(ch->y1, prev->y1) <
			    0.3f * MIN(ch->y2 - ch->y1, ph))
				frag_close(pc, &f, last);
		}
		if (f.c0 == G_MAXUINT) {
			f.c0 = i;
			f.x1 = ch->x1;
			f.y1 = ch->y1;
			f.x2 = ch->x2;
			f.y2 = ch->y2;
		} else {
			f.x1 = MIN(f.x1, ch->x1);
			f.y1 = MIN(f.y1, ch->y1);
			f.x2 = MAX(f.x2, ch->x2);
			f.y2 = MAX(f.y2, ch->y2);
		}
		last = i + 1;
		prev = ch;
	}
	frag_close(pc, &f, last);
	return nonspace;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return (x > y) - (x < y);
}

/* The body text height: the median fragment height, weighted by
 * characters, so a big name or small footer does not move it. */
static float page_body_height(struct page_ctx *pc)
{
	g_autofree float *h = g_new(float, pc->frags->len * 2);
	guint n = pc->frags->len, total = 0, acc = 0;

	for (guint i = 0; i < n; i++) {
		const struct frag *f =
			&g_array_index(pc->frags, struct frag, i);

		h[2 * i] = fheight(f);
		h[2 * i + 1] = f->c1 - f->c0;
		total += f->c1 - f->c0;
	}
	qsort(h, n, 2 * sizeof(float), cmp_float);
	for (guint i = 0; i < n; i++) {
		acc += (guint)h[2 * i + 1];
		if (2 * acc >= total)
			return h[2 * i];
	}
	return n ? h[2 * (n - 1)] : 0;
}

struct gutter {
	float x1, x2;
};

/* Is one side of gutter g a column of labels (dates, field names, each on
 * the line of what it labels, as Europass-style CVs have) rather than a
 * column of text?  Labels are short and sparse: long stretches of the
 * other side's lines pass with nothing beside them.  Such a page is read
 * line by line across the strip, so a date stays on its job's line. */
static bool side_is_labels(struct page_ctx *pc, const struct gutter *g,
			   bool left, float oy0, float oy1)
{
	g_autoptr(GArray) y = g_array_new(FALSE, FALSE, sizeof(float) * 2);
	g_autoptr(GArray) w = g_array_new(FALSE, FALSE, sizeof(float));
	float gap = 0, cur;

	if (oy1 <= oy0)
		return false;
	for (guint i = 0; i < pc->frags->len; i++) {
		const struct frag *f =
			&g_array_index(pc->frags, struct frag, i);
		float yy[2] = { f->y1, f->y2 }, fw = f->x2 - f->x1;

		if ((left ? f->x2 > g->x1 : f->x1 < g->x2) ||
		    f->y2 < oy0 || f->y1 > oy1)
			continue;
		g_array_append_val(y, yy);
		g_array_append_val(w, fw);
	}
	if (y->len < 2)
		return false;
	qsort(y->data, y->len, sizeof(float) * 2, cmp_float);
	qsort(w->data, w->len, sizeof(float), cmp_float);
	if (g_array_index(w, float, w->len / 2) >= LABEL_WIDTH * pc->body)
		return false;
	cur = ((float *)y->data)[1];
	for (guint i = 1; i < y->len; i++) {
		const float *yy = (const float *)y->data + 2 * i;

		if (yy[0] - cur > LABEL_GAP * pc->body)
			gap += yy[0] - cur;
		cur = MAX(cur, yy[1]);
	}
	return gap > LABEL_SPARSE * (oy1 - oy0);
}

/* The core of the low-coverage run [*a, *z): its widest stretch within
 * one text height of the run's least coverage.  A sidebar's lines end at
 * many places, so coverage falls under the crossing limit well before
 * the gap between the columns; the gap is where it is least. */
static void gutter_core(const float *cov, guint *a, guint *z, float tol)
{
	float least = G_MAXFLOAT;
	guint best_a = *a, best_z = *a;

	for (guint k = *a; k < *z; k++)
		least = MIN(least, cov[k]);
	for (guint k = *a; k < *z;) {
		guint s = k;

		while (k < *z && cov[k] <= least + tol)
			k++;
		if (k - s > best_z - best_a) {
			best_a = s;
			best_z = k;
		}
		if (k == s)
			k++;
	}
	*a = best_a;
	*z = best_z;
}

/* Find the column gutters (step 2); returns them left to right. */
static GArray *page_gutters(struct page_ctx *pc)
{
	GArray *gut = g_array_new(FALSE, FALSE, sizeof(struct gutter));
	float x0 = G_MAXFLOAT, x1 = -G_MAXFLOAT;
	float y0 = G_MAXFLOAT, y1 = -G_MAXFLOAT, height, bin;
	g_autofree float *cov = NULL;
	g_autofree float *body_cov = NULL;	/* cov without large type */
	guint nbins, b = 0;

	for (guint i = 0; i < pc->frags->len; i++) {
		const struct frag *f =
			&g_array_index(pc->frags, struct frag, i);

		x0 = MIN(x0, f->x1);
		x1 = MAX(x1, f->x2);
		y0 = MIN(y0, f->y1);
		y1 = MAX(y1, f->y2);
	}
	height = y1 - y0;
	if (pc->frags->len < 4 || height <= 0 || x1 - x0 < 4 * pc->body)
		return gut;
	bin = MAX(1.0f, (x1 - x0) / MAX_BINS);
	nbins = (guint)((x1 - x0) / bin) + 1;
	cov = g_new0(float, nbins);
	body_cov = g_new0(float, nbins);
	for (guint i = 0; i < pc->frags->len; i++) {
		const struct frag *f =
			&g_array_index(pc->frags, struct frag, i);
		guint a = (guint)((f->x1 - x0) / bin);
		guint z = MIN(nbins - 1, (guint)((f->x2 - x0) / bin));
		bool large = fheight(f) >= 1.5f * pc->body;

		for (guint k = a; k <= z; k++) {
			cov[k] += fheight(f);
			if (!large)
				body_cov[k] += fheight(f);
		}
	}
	while (b < nbins) {
		guint a, z, run_a, run_z;
		float left = 0, right = 0, lw = 0, rw = 0;
		float ly0 = G_MAXFLOAT, ly1 = -G_MAXFLOAT;
		float ry0 = G_MAXFLOAT, ry1 = -G_MAXFLOAT;
		struct gutter g;

		if (cov[b] > GUTTER_CROSS * height) {
			b++;
			continue;
		}
		for (a = b; b < nbins && cov[b] <= GUTTER_CROSS * height; b++)
			;
		z = b;	/* the run is [a, z) */
		if (a == 0 || z >= nbins)
			continue;	/* a margin, not a gutter */
		run_a = a;
		run_z = z;
		gutter_core(cov, &a, &z, pc->body);
		/* A name or title in large type that starts inside the gap
		 * adds more than a text height over part of it and leaves
		 * too narrow a core.  When only large type crosses the run,
		 * the gap is the run: such lines span the columns and are
		 * read across them. */
		if ((z - a) * bin < pc->body) {
			guint k = run_a;

			while (k < run_z && body_cov[k] == 0)
				k++;
			if (k == run_z) {
				a = run_a;
				z = run_z;
			}
		}
		/* Fragments starting in bin z start at x0 + z * bin or
		 * after, but not always in float: half a bin of slack keeps
		 * on its side a column whose lines all start at one x. */
		g.x1 = x0 + a * bin;
		g.x2 = x0 + z * bin - bin / 2;
		if (g.x2 - g.x1 < pc->body)
			continue;
		for (guint i = 0; i < pc->frags->len; i++) {
			const struct frag *f =
				&g_array_index(pc->frags, struct frag, i);

			if (f->x2 <= g.x1) {
				left += fheight(f);
				lw = MAX(lw, f->x2 - f->x1);
				ly0 = MIN(ly0, f->y1);
				ly1 = MAX(ly1, f->y2);
			} else if (f->x1 >= g.x2) {
				right += fheight(f);
				rw = MAX(rw, f->x2 - f->x1);
				ry0 = MIN(ry0, f->y1);
				ry1 = MAX(ry1, f->y2);
			}
		}
		/* Columns of text, not of numbers, table cells or labels. */
		if (lw < GUTTER_WIDTH * pc->body ||
		    rw < GUTTER_WIDTH * pc->body ||
		    left < GUTTER_SIDE * height ||
		    right < GUTTER_SIDE * height ||
		    MIN(ly1, ry1) - MAX(ly0, ry0) < GUTTER_SIDE * height)
			continue;
		if (side_is_labels(pc, &g, true, MAX(ly0, ry0), MIN(ly1, ry1)) ||
		    side_is_labels(pc, &g, false, MAX(ly0, ry0), MIN(ly1, ry1)))
			continue;
		g_array_append_val(gut, g);
	}
	return gut;
}

static int cmp_frag_mid(const void *a, const void *b)
{
	float x = fmid(a), y = fmid(b);

	return (x > y) - (x < y);
}

static int cmp_frag_order(const void *a, const void *b)
{
	const struct frag *f = a, *g = b;

	if (f->band != g->band)
		return f->band < g->band ? -1 : 1;
	if (f->col != g->col)
		return f->col < g->col ? -1 : 1;
	return cmp_frag_mid(a, b);
}

static int cmp_frag_line(const void *a, const void *b)
{
	const struct frag *f = a, *g = b;

	if (f->line != g->line)
		return f->line < g->line ? -1 : 1;
	return (f->x1 > g->x1) - (f->x1 < g->x1);
}

/* Steps 2 and 3: give every fragment its band, column and line, and sort
 * the fragments into reading order. */
static void page_order(struct page_ctx *pc)
{
	g_autoptr(GArray) gut = page_gutters(pc);
	g_autoptr(GArray) rows = g_array_new(FALSE, FALSE, sizeof(float));
	GArray *fr = pc->frags;
	int ncols = (int)gut->len + 1;
	guint line = 0;

	/* Spanning fragments, top to bottom, grouped into rows. */
	qsort(fr->data, fr->len, sizeof(struct frag), cmp_frag_mid);
	for (guint i = 0; i < fr->len; i++) {
		struct frag *f = &g_array_index(fr, struct frag, i);
		float slack = MAX(pc->body, fheight(f) / 2);

		f->col = 0;
		for (guint k = 0; k < gut->len; k++) {
			const struct gutter *g =
				&g_array_index(gut, struct gutter, k);

			if (f->x1 < g->x1 - slack && f->x2 > g->x2 + slack) {
				f->col = ncols;
				break;
			}
			if ((f->x1 + f->x2) / 2 > (g->x1 + g->x2) / 2)
				f->col = k + 1;
		}
		if (f->col == ncols) {
			float m = fmid(f);
			float last = rows->len ?
				g_array_index(rows, float, rows->len - 1) : 0;

			if (!rows->len || m - last > fheight(f) / 2)
				g_array_append_val(rows, m);
			f->band = rows->len - 1;
		}
	}
	for (guint i = 0; i < fr->len; i++) {
		struct frag *f = &g_array_index(fr, struct frag, i);
		guint lo = 0, hi = rows->len;

		if (f->col == ncols)
			continue;
		/* The number of rows above: rows are in ascending order. */
		while (lo < hi) {
			guint mid = lo + (hi - lo) / 2;

			if (g_array_index(rows, float, mid) < fmid(f))
				lo = mid + 1;
			else
				hi = mid;
		}
		f->band = lo;
	}
	qsort(fr->data, fr->len, sizeof(struct frag), cmp_frag_order);

	/* Lines: fragments of one band and column that overlap vertically
	 * by half the smaller height. */
	for (guint i = 0; i < fr->len; i++) {
		struct frag *f = &g_array_index(fr, struct frag, i);
		static const struct frag none;
		const struct frag *p = i ? f - 1 : &none;

		if (i > 0 && (p->band != f->band || p->col != f->col ||
			      MIN(p->y2, f->y2) - MAX(p->y1, f->y1) <
			      0.5f * MIN(fheight(p), fheight(f))))
			line++;
		f->line = line;
	}
	qsort(fr->data, fr->len, sizeof(struct frag), cmp_frag_line);
}

/* Heading level of the fragments [a, z): clearly larger than the body
 * text, or a short all-capital line without digits or commas. */
static unsigned line_heading(struct page_ctx *pc, guint a, guint z)
{
	const struct frag *fr = &g_array_index(pc->frags, struct frag, 0);
	float h = 0, fh = 0;
	guint chars = 0, upper = 0, lower = 0, words = 1;
	bool other = false;

	/* The size of its letters and digits: a bullet or an icon from a
	 * font with a taller box does not make a line a heading. */
	for (guint i = a; i < z; i++) {
		fh = MAX(fh, fheight(&fr[i]));
		for (guint c = fr[i].c0; c < fr[i].c1; c++) {
			const struct pchar *ch =
				&g_array_index(pc->chars, struct pchar, c);
			gunichar u = ch->c;

			if (g_unichar_isalnum(u))
				h = MAX(h, ch->y2 - ch->y1);
			chars++;
			if (g_unichar_isupper(u))
				upper++;
			else if (g_unichar_islower(u))
				lower++;
			else if (u == ' ')
				words++;
			else if (g_unichar_isdigit(u) || u == ',' || u == '@')
				other = true;
		}
	}
	if (chars > 80 || pc->body <= 0)
		return 0;
	if (h == 0)
		h = fh;
	if (h >= 1.5f * pc->body)
		return 1;
	if (h >= 1.15f * pc->body)
		return 2;
	if (upper >= 3 && lower == 0 && !other && words <= 4)
		return 2;
	return 0;
}

static void add_glyph(struct doc *d, guint32 off, guint32 page, float x1,
		      float y1, float x2, float y2)
{
	struct doc_glyph g = { off, page, x1, y1, x2, y2 };

	g_array_append_val(d->glyphs, g);
}

/* Append fragment f's text and a glyph per character.  False once the
 * text cap is hit. */
static bool emit_frag(struct page_ctx *pc, const struct frag *f)
{
	const struct pchar *c0 =
		&g_array_index(pc->chars, struct pchar, f->c0);
	const struct pchar *cl =
		&g_array_index(pc->chars, struct pchar, f->c1 - 1);
	guint32 base = pc->d->raw->len;
	bool ok = doc_append(pc->d, pc->text + c0->b0, cl->b1 - c0->b0);
	guint n = pc->d->glyphs->len;
	struct doc_glyph *g;

	g_array_set_size(pc->d->glyphs, n + (f->c1 - f->c0));
	g = &g_array_index(pc->d->glyphs, struct doc_glyph, n);
	for (guint i = f->c0; i < f->c1; i++) {
		const struct pchar *ch =
			&g_array_index(pc->chars, struct pchar, i);
		guint32 off = base + (ch->b0 - c0->b0);

		if (off + (ch->b1 - ch->b0) > pc->d->raw->len)
			break;
		*g++ = (struct doc_glyph){ off, pc->pageno, ch->dx1, ch->dy1,
					   ch->dx2, ch->dy2 };
		n++;
	}
	g_array_set_size(pc->d->glyphs, n);
	return ok;
}

/* One past the last fragment of the line that starts at fragment a. */
static guint line_end(const struct page_ctx *pc, guint a)
{
	const struct frag *fr = &g_array_index(pc->frags, struct frag, 0);
	guint z = a + 1;

	while (z < pc->frags->len && fr[z].line == fr[a].line)
		z++;
	return z;
}

/* Zero-width characters: Google Docs draws U+200B after a hyphen a
 * line may break at, with the advance of a wide glyph. */
static bool is_invisible(gunichar c)
{
	return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

/* Whether fragment f ends in a zero-width character whose box runs
 * over the start of g, the next fragment of its line. */
static bool runs_into(const struct page_ctx *pc, const struct frag *f,
		      const struct frag *g)
{
	const struct pchar *last =
		&g_array_index(pc->chars, struct pchar, f->c1 - 1);

	return is_invisible(last->c) && g->x1 < last->x2 && g->x2 > last->x1;
}

/* Emit the line of fragments [a, z) as one block of kind.  False once
 * the text cap is hit. */
static bool emit_line(struct page_ctx *pc, guint a, guint z,
		      enum doc_block_kind kind)
{
	const struct frag *fr = &g_array_index(pc->frags, struct frag, 0);
	bool ok = true;

	doc_block_open(pc->d, pc->pageno, kind,
		       kind == DOC_BLOCK_BODY ? line_heading(pc, a, z) : 0);
	for (guint i = a; i < z && ok; i++) {
		if (i > a && !runs_into(pc, &fr[i - 1], &fr[i])) {
			guint32 off = pc->d->raw->len;

			float b[4] = { fr[i - 1].x2,
				       MIN(fr[i - 1].y1, fr[i].y1),
				       MAX(fr[i - 1].x2, fr[i].x1),
				       MAX(fr[i - 1].y2, fr[i].y2) };

			ok = doc_append(pc->d, " ", 1);
			if (!ok)
				break;
			turn_box(pc->rot, true, pc->w, pc->h, b);
			add_glyph(pc->d, off, pc->pageno, b[0], b[1], b[2],
				  b[3]);
		}
		ok = emit_frag(pc, &fr[i]);
	}
	doc_block_close(pc->d);
	return ok && !doc_full(pc->d);
}

/* The page's lines but its running headers and footers, then those of
 * its turned text. */
static bool page_emit(struct page_ctx *pc)
{
	for (; pc; pc = pc->turned) {
		const struct frag *fr =
			&g_array_index(pc->frags, struct frag, 0);

		for (guint a = 0, z; a < pc->frags->len; a = z) {
			z = line_end(pc, a);
			if (!fr[a].running &&
			    !emit_line(pc, a, z, DOC_BLOCK_BODY))
				return false;
		}
	}
	return true;
}

/* The boxes did not match the text: poppler's own lines, no glyphs. */
static bool page_emit_plain(struct page_ctx *pc)
{
	g_auto(GStrv) lines = g_strsplit(pc->text, "\n", -1);

	for (guint i = 0; lines[i]; i++) {
		doc_block_open(pc->d, pc->pageno, DOC_BLOCK_BODY, 0);
		doc_append(pc->d, g_strstrip(lines[i]), -1);
		doc_block_close(pc->d);
		if (doc_full(pc->d))
			return false;
	}
	return !doc_full(pc->d);
}

static bool page_has_image(PopplerPage *page)
{
	GList *images = poppler_page_get_image_mapping(page);
	bool any = images != NULL;

	poppler_page_free_image_mapping(images);
	return any;
}

static void page_ctx_free(struct page_ctx *pc)
{
	if (!pc)
		return;
	page_ctx_free(pc->turned);
	g_free(pc->text);
	if (pc->chars)
		g_array_unref(pc->chars);
	if (pc->frags)
		g_array_unref(pc->frags);
	g_free(pc);
}

/* Lay one page out in reading order; NULL when it has no text.  *chars
 * gets its count of non-space characters.  ink: check every word for
 * ink (the file draws invisible text somewhere, see blank_unseen()). */
static struct page_ctx *page_layout(struct doc *d, PopplerPage *page,
				    guint32 pageno, bool ink, guint *chars)
{
	g_autofree PopplerRectangle *rects = NULL;
	guint nrects = 0;
	double w = 0, h = 0;
	struct page_ctx *pc;
	char *text = poppler_page_get_text(page);

	*chars = 0;
	/* poppler promises UTF-8; never trust */
	if (!text || !*text || !g_utf8_validate(text, -1, NULL)) {
		g_free(text);
		return NULL;
	}
	if (!poppler_page_get_text_layout(page, &rects, &nrects))
		nrects = 0;
	pc = g_new0(struct page_ctx, 1);
	pc->d = d;
	pc->pageno = pageno;
	pc->text = text;
	poppler_page_get_size(page, &w, &h);
	pc->w = finite_or_zero(w);
	pc->h = finite_or_zero(h);
	pc->chars = g_array_sized_new(FALSE, FALSE, sizeof(struct pchar),
				      nrects);
	pc->frags = g_array_new(FALSE, FALSE, sizeof(struct frag));
	if (!page_chars(pc, rects, nrects)) {
		pc->plain = true;
		for (const char *p = text; *p; p = g_utf8_next_char(p))
			if (!is_space(g_utf8_get_char(p)))
				(*chars)++;
		return pc;
	}
	blank_unseen(pc, page, ink);
	pc->rot = page_turn(pc);
	page_glyph_text(pc);
	page_split(pc);
	for (struct page_ctx *t = pc; t; t = t->turned) {
		*chars += page_frags(t);
		t->body = page_body_height(t);
		page_order(t);
	}
	return pc;
}

/* Running headers and footers.  A page's topmost and bottommost lines,
 * when nothing else on the page shares their height, are its edge
 * lines; an edge line whose text (digits aside: "Page 2 of 3") is an
 * edge line at the same edge of another page is running.  In the page
 * flow they would cut the sentence and the section that go on over the
 * page break, so each distinct one is read once, as a header block:
 * headers before the first page's text, footers after the last page's. */
struct edge {
	guint page;		/* index into the page array */
	guint a, z;		/* its fragments */
	bool top;
	char *key;		/* "t:" or "b:", then the text without digits */
};

/* The line [*a, *z) of pc at the top (or bottom) edge; false when the
 * page has no such line. */
static bool edge_line(const struct page_ctx *pc, bool top, guint *a,
		      guint *z)
{
	const struct frag *fr = &g_array_index(pc->frags, struct frag, 0);
	guint n = pc->frags->len, best = G_MAXUINT, lines = 0;
	float y1, y2;

	for (guint i = 0; i < n; i++) {
		if (i && fr[i].line == fr[i - 1].line)
			continue;
		lines++;
		if (best == G_MAXUINT ||
		    (top ? fr[i].y1 < fr[best].y1 : fr[i].y2 > fr[best].y2))
			best = i;
	}
	/* Three lines at least: a header, a footer and some text. */
	if (lines < 3)
		return false;
	*a = best;
	*z = line_end(pc, best);
	y1 = fr[*a].y1;
	y2 = fr[*a].y2;
	for (guint i = *a; i < *z; i++) {
		y1 = MIN(y1, fr[i].y1);
		y2 = MAX(y2, fr[i].y2);
	}
	/* Running heads are body size or smaller: a name in large type
	 * atop a letter and atop a resume is each document's title. */
	if (y2 - y1 >= 1.15f * pc->body)
		return false;
	for (guint i = 0; i < n; i++)
		if ((i < *a || i >= *z) &&
		    (top ? fr[i].y1 < y2 : fr[i].y2 > y1))
			return false;
	return true;
}

static char *edge_key(const struct page_ctx *pc, guint a, guint z,
		      bool top)
{
	const struct frag *fr = &g_array_index(pc->frags, struct frag, 0);
	GString *k = g_string_new(top ? "t:" : "b:");

	for (guint i = a; i < z; i++) {
		for (guint c = fr[i].c0; c < fr[i].c1; c++) {
			gunichar u = g_array_index(pc->chars, struct pchar,
						   c).c;

			if (!g_unichar_isdigit(u) && !is_space(u))
				g_string_append_unichar(k, u);
		}
	}
	return g_string_free(k, FALSE);
}

static void edge_clear(gpointer p)
{
	g_free(((struct edge *)p)->key);
}

/* Find the running lines of pages and mark their fragments; returns the
 * first occurrence of each distinct one, pages in order. */
static GArray *mark_running(GPtrArray *pages)
{
	g_autoptr(GArray) edges = g_array_new(FALSE, FALSE,
					      sizeof(struct edge));
	g_autoptr(GHashTable) count = g_hash_table_new(g_str_hash,
						       g_str_equal);
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash,
						      g_str_equal);
	GArray *first = g_array_new(FALSE, FALSE, sizeof(struct edge));

	g_array_set_clear_func(edges, edge_clear);
	for (guint p = 0; p < pages->len; p++) {
		const struct page_ctx *pc = pages->pdata[p];

		if (!pc || pc->plain)
			continue;
		for (int top = 1; top >= 0; top--) {
			struct edge e = { .page = p, .top = top };
			guint n;

			if (!edge_line(pc, top, &e.a, &e.z))
				continue;
			e.key = edge_key(pc, e.a, e.z, top);
			n = GPOINTER_TO_UINT(g_hash_table_lookup(count, e.key));
			g_hash_table_insert(count, e.key,
					    GUINT_TO_POINTER(n + 1));
			g_array_append_val(edges, e);
		}
	}
	for (guint i = 0; i < edges->len; i++) {
		struct edge *e = &g_array_index(edges, struct edge, i);
		struct page_ctx *pc = pages->pdata[e->page];

		if (GPOINTER_TO_UINT(g_hash_table_lookup(count, e->key)) < 2)
			continue;
		for (guint k = e->a; k < e->z; k++)
			g_array_index(pc->frags, struct frag, k).running = true;
		if (!g_hash_table_contains(seen, e->key)) {
			struct edge f = *e;

			g_hash_table_add(seen, e->key);
			f.key = NULL;
			g_array_append_val(first, f);
		}
	}
	return first;
}

/* Emit every page's text in order, with the running lines once: headers
 * first, footers last; the pages ocr marked are read by OCR in their
 * place.  False once the text cap is hit. */
static bool pages_emit(GPtrArray *pages, struct extract_ocr *ocr,
		       struct doc *d)
{
	g_autoptr(GArray) run = mark_running(pages);

	for (guint i = 0; i < run->len; i++) {
		const struct edge *e = &g_array_index(run, struct edge, i);

		if (e->top && !emit_line(pages->pdata[e->page], e->a, e->z,
					 DOC_BLOCK_HEADER))
			return false;
	}
	for (guint p = 0; p < pages->len; p++) {
		struct page_ctx *pc = pages->pdata[p];

		if (extract_ocr_wanted(ocr, p + 1)) {
			if (!extract_ocr_page(ocr, d, p + 1))
				return false;
			continue;
		}
		if (pc && !(pc->plain ? page_emit_plain(pc) : page_emit(pc)))
			return false;
	}
	for (guint i = 0; i < run->len; i++) {
		const struct edge *e = &g_array_index(run, struct edge, i);

		if (!e->top && !emit_line(pages->pdata[e->page], e->a, e->z,
					  DOC_BLOCK_HEADER))
			return false;
	}
	return true;
}

static char *pdf_date(PopplerDocument *pdf)
{
	GDateTime *dt = poppler_document_get_modification_date_time(pdf);
	char *s;

	if (!dt)
		dt = poppler_document_get_creation_date_time(pdf);
	if (!dt)
		return NULL;
	s = g_date_time_format(dt, "%Y-%m-%d");
	g_date_time_unref(dt);
	return s;
}

static PopplerDocument *pdf_open(const guint8 *data, gsize len,
				 GError **err)
{
	g_autoptr(GBytes) bytes = g_bytes_new_static(data, len);
	g_autoptr(GError) perr = NULL;
	PopplerDocument *pdf;

	/* No password means the empty one: poppler tries it itself.  An
	 * explicit "" crashes poppler 22.12 on files that have a user
	 * password. */
	pdf = poppler_document_new_from_bytes(bytes, NULL, &perr);
	if (pdf)
		return pdf;
	if (g_error_matches(perr, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
		g_set_error(err, SCREENER_ERROR, SE_PDF_PASSWORD,
			    "password-protected PDF");
	else
		g_set_error(err, SCREENER_ERROR, SE_PDF_UNREADABLE,
			    "not a readable PDF");
	return NULL;
}

/* Everything after opening: page cap, metadata, pages, then the checks
 * that need the whole text. */
static bool pdf_extract(PopplerDocument *pdf, const struct caps *caps,
			bool ink, struct doc *d, GError **err)
{
	guint chars = 0, scanned = 0, loaded = 0;
	uint64_t laid = 0;	/* bytes of page text laid out */
	int n = poppler_document_get_n_pages(pdf);
	g_autoptr(GPtrArray) pages =
		g_ptr_array_new_with_free_func((GDestroyNotify)page_ctx_free);
	struct extract_ocr *ocr;
	const char *why = NULL;
	int code = 0;
	bool ok;

	if (n <= 0) {
		g_set_error(err, SCREENER_ERROR, SE_PDF_UNREADABLE,
			    "not a readable PDF");
		return false;
	}
	if ((guint)n > caps->pdf_pages) {
		g_set_error(err, SCREENER_ERROR, SE_TOO_MANY_PAGES,
			    "too many pages (%d, limit %u)", n,
			    caps->pdf_pages);
		return false;
	}
	d->pages = n;
	g_free(d->date);
	d->date = pdf_date(pdf);
	ocr = extract_ocr_new(pdf, caps);
	/* Pages past the text cap would not be read: they are not laid out
	 * either, so a flood of text costs no more memory than it did. */
	for (int i = 0; i < n && laid <= d->text_cap; i++) {
		PopplerPage *page = poppler_document_get_page(pdf, i);
		struct page_ctx *pc;
		guint c = 0;

		if (!page) {
			g_ptr_array_add(pages, NULL);
			continue;
		}
		loaded++;
		pc = page_layout(d, page, i + 1, ink, &c);
		g_ptr_array_add(pages, pc);
		if (pc)
			laid += strlen(pc->text);
		/* Rendering for images costs: only pages with next to no
		 * text, and only while the verdict is open. */
		if (c < SCANNED_CHARS && (ocr || 2 * scanned <= (guint)n) &&
		    page_has_image(page)) {
			scanned++;
			/* OCR reads it instead of its few characters. */
			extract_ocr_want(ocr, i + 1);
			if (ocr) {
				g_ptr_array_index(pages, i) = NULL;
				page_ctx_free(pc);
			}
		}
		chars += c;
		g_object_unref(page);
	}
	/* A page count with no page behind it (a page tree that loops or
	 * points nowhere) is a broken file, not a scan. */
	if (!loaded) {
		extract_ocr_free(ocr);
		g_set_error(err, SCREENER_ERROR, SE_PDF_UNREADABLE,
			    "not a readable PDF");
		return false;
	}
	/* No text at all (a scan, or text drawn as outlines): OCR reads
	 * every page. */
	if (chars == 0)
		extract_ocr_all(ocr);
	pages_emit(pages, ocr, d);
	if (chars == 0 || 2 * scanned > (guint)n) {
		why = "no text layer (scanned?)";
		code = SE_NO_TEXT;
	} else if (garble_text_unreadable(d->raw->str, d->raw->len)) {
		why = "text layer unreadable";
		code = SE_TEXT_UNREADABLE;
		/* Fonts without a usable Unicode map: OCR reads what the
		 * pages show instead. */
		if (ocr) {
			doc_clear_text(d);
			for (guint i = 0; i < pages->len; i++)
				g_clear_pointer(&g_ptr_array_index(pages, i),
						page_ctx_free);
			extract_ocr_all(ocr);
			pages_emit(pages, ocr, d);
		}
	}
	ok = !why;
	if (extract_ocr_n_wanted(ocr))
		ok = extract_ocr_finish(ocr, d, why, code, err);
	else if (why)
		g_set_error_literal(err, SCREENER_ERROR, code, why);
	else if (scanned)
		/* A scanned page among text pages: the words on it are not
		 * read, and the reviewer should know. */
		doc_warn(d, "%u of %d pages have no text layer (scanned?)",
			 scanned, n);
	extract_ocr_free(ocr);
	return ok;
}

bool extract_pdf(const guint8 *data, gsize len, const struct caps *caps,
		 struct doc *d, GError **err)
{
	PopplerDocument *pdf;
	bool ok;

	if (len < 8 || len > G_MAXSSIZE) {
		g_set_error(err, SCREENER_ERROR, SE_PDF_UNREADABLE,
			    "not a readable PDF");
		return false;
	}
	pdf = pdf_open(data, len, err);
	if (!pdf)
		return false;
	ok = pdf_extract(pdf, caps, pdf_streams_invisible_text(data, len), d,
			 err);
	g_object_unref(pdf);
	return ok;
}

/* poppler-glib builds its global tables (GlobalParams: glyph names,
 * encodings, Unicode maps) with the first PopplerDocument alive and
 * frees them with the last, so a process opening one PDF after another
 * built them again for every document: about 1.7 ms each, a sixth of a
 * short resume's extraction and of its annotated copy.  One empty page,
 * opened here and never freed, keeps them for the process's life.  The
 * PDF is written with its exact cross-reference table, so poppler reads
 * it without a word on stderr. */
bool extract_pdf_keep_ready(void)
{
	static const char *const objs[] = {
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1>>",
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 1 1]>>",
	};
	static PopplerDocument *held;
	g_autoptr(GString) pdf = g_string_new("%PDF-1.4\n");
	g_autoptr(GBytes) bytes = NULL;
	gsize off[G_N_ELEMENTS(objs)], xref;

	if (held)
		return true;
	for (guint i = 0; i < G_N_ELEMENTS(objs); i++) {
		off[i] = pdf->len;
		g_string_append_printf(pdf, "%u 0 obj\n%s\nendobj\n", i + 1,
				       objs[i]);
	}
	xref = pdf->len;
	g_string_append_printf(pdf, "xref\n0 %u\n0000000000 65535 f \n",
			       (guint)G_N_ELEMENTS(objs) + 1);
	for (guint i = 0; i < G_N_ELEMENTS(objs); i++)
		g_string_append_printf(pdf, "%010" G_GSIZE_FORMAT
				       " 00000 n \n", off[i]);
	g_string_append_printf(pdf, "trailer\n<</Size %u/Root 1 0 R>>\n"
			       "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
			       (guint)G_N_ELEMENTS(objs) + 1, xref);
	/* poppler may read from the bytes while the document lives: they
	 * live as long. */
	bytes = g_bytes_new(pdf->str, pdf->len);
	held = poppler_document_new_from_bytes(bytes, NULL, NULL);
	return held != NULL;
}
