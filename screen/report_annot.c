/*
 * report_annot.c - the annotated copies of PDF documents.
 *
 * Owns turning evidence offsets into highlight boxes and the annotated/
 * folder.  Reads the store and the originals in the inbox; writes only
 * under annotated/ through atomic.h; the PDF is touched only by the
 * annotation child.  Never prints: problems go back to the caller.
 *
 * Why the boxes come from the store: the documents table keeps each
 * document as doc_encode() wrote it, glyph boxes included, and evidence
 * offsets point into exactly that text.  Re-extracting the original at
 * report time would depend on the extractor still producing the same
 * text (a newer version might not), and would parse the file twice.
 */
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "caps.h"
#include "doc.h"
#include "error.h"
#include "escape.h"
#include "annot_pdf.h"
#include "input.h"
#include "report_annot.h"
#include "sandbox.h"
#include "store.h"

/* Highlighter colours, one per criterion index (a rule set has eight
 * scored criteria and the knock-out), light enough that the words stay
 * readable under a multiply blend. */
static const guint32 palette[] = {
	0xffe14d, 0x8ee68e, 0x8ccfff, 0xffa6d5, 0xffb54d,
	0xc9b0ff, 0x6fe3d9, 0xd9d96a, 0xff8a80, 0xbdbdbd,
};
G_STATIC_ASSERT(G_N_ELEMENTS(palette) == REPORT_ANNOT_COLOURS);

guint32 report_annot_colour(guint crit)
{
	return palette[crit % REPORT_ANNOT_COLOURS];
}

/* One piece of evidence, kept while its applicant is annotated. */
struct ev {
	gint64 doc_id;
	guint crit;
	guint32 start, end;
	char *note;
};

struct ev_ctx {
	GPtrArray *crits;	/* struct store_crit_row * */
	GArray *evs;		/* struct ev */
};

static void ev_clear(gpointer p)
{
	g_free(((struct ev *)p)->note);
}

static bool keep_evidence(const struct store_evidence_row *r, void *data,
			  GError **err)
{
	struct ev_ctx *c = data;
	struct ev e = { r->document_id, 0, r->start, r->end, NULL };
	const char *title = "";

	for (guint i = 0; i < c->crits->len; i++) {
		const struct store_crit_row *cr =
			g_ptr_array_index(c->crits, i);

		if (strcmp(cr->id, r->criterion) == 0) {
			e.crit = i;
			title = cr->title;
			break;
		}
	}
	e.note = g_strdup_printf("%s %s: rule %s", r->criterion, title,
				 r->rule);
	g_array_append_val(c->evs, e);
	return true;
}

char *report_annot_name(guint n, guint k)
{
	return g_strdup_printf("%u-%u.pdf", n, k);
}

/* The first glyph at raw offset off or after it. */
static guint first_glyph(const struct doc *d, guint32 off)
{
	guint lo = 0, hi = d->glyphs->len;

	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;

		if (g_array_index(d->glyphs, struct doc_glyph, mid).off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Does glyph g continue box b on the same line?  A line runs across
 * the page, or up or down it (turned text: its glyphs share their
 * left and right edges). */
static bool same_line(const struct annot_box *b, const struct doc_glyph *g)
{
	float overlap = MIN(b->y2, g->y2) - MAX(b->y1, g->y1);
	float h = MIN(b->y2 - b->y1, g->y2 - g->y1);
	float across = MIN(b->x2, g->x2) - MAX(b->x1, g->x1);
	float w = MIN(b->x2 - b->x1, g->x2 - g->x1);

	if (overlap >= 0.5f * h && g->x1 >= b->x1 - 1)
		return true;
	/* Turned: the same column, and g below or above b, no further
	 * than a word space (a third of the text height, which is the
	 * column's width). */
	return overlap <= 0.5f * h && across >= 0.8f * w &&
	       MAX(b->x2 - b->x1, g->x2 - g->x1) <
	       1.25f * MIN(b->x2 - b->x1, g->x2 - g->x1) &&
	       ((g->y1 >= b->y2 - 1 && g->y1 - b->y2 <= w) ||
		(g->y2 <= b->y1 + 1 && b->y1 - g->y2 <= w));
}

static void flush_page(GByteArray *spec, guint32 page, GArray *boxes,
		       const struct ev *e)
{
	struct annot_mark m = {
		.page = page,
		.rgb = report_annot_colour(e->crit),
		.boxes = (const struct annot_box *)boxes->data,
		.n_boxes = boxes->len,
		.note = e->note,
	};

	if (boxes->len)
		annot_spec_add(spec, &m);
	g_array_set_size(boxes, 0);
}

/* Add e's passage to spec: one highlight per page it touches, one box
 * per line.  Returns the number of highlights added. */
static guint add_passage(GByteArray *spec, const struct doc *d,
			 const struct ev *e)
{
	g_autoptr(GArray) boxes = g_array_new(FALSE, FALSE,
					      sizeof(struct annot_box));
	guint32 rs, re, page = 0;
	guint i, marks = 0;

	if (e->end <= e->start || e->end > d->text->len)
		return 0;
	rs = doc_raw_offset(d, e->start);
	re = doc_raw_offset(d, e->end);
	for (i = first_glyph(d, rs); i < d->glyphs->len; i++) {
		const struct doc_glyph *g =
			&g_array_index(d->glyphs, struct doc_glyph, i);
		struct annot_box *b = boxes->len ? &g_array_index(boxes,
			struct annot_box, boxes->len - 1) : NULL;

		if (g->off >= re)
			break;
		if (g->x2 <= g->x1 || g->y2 <= g->y1)
			continue;
		if (g->page != page) {
			marks += boxes->len > 0;
			flush_page(spec, page, boxes, e);
			page = g->page;
			b = NULL;
		}
		if (b && same_line(b, g)) {
			b->x1 = MIN(b->x1, g->x1);
			b->x2 = MAX(b->x2, g->x2);
			b->y1 = MIN(b->y1, g->y1);
			b->y2 = MAX(b->y2, g->y2);
		} else {
			struct annot_box nb = { g->x1, g->y1, g->x2, g->y2 };

			g_array_append_val(boxes, nb);
		}
	}
	marks += boxes->len > 0;
	flush_page(spec, page, boxes, e);
	return marks;
}

static void problem(GPtrArray *problems, const char *path, const char *why)
{
	g_autofree char *name = escape_name(path);

	g_ptr_array_add(problems, g_strdup_printf("%s: %s", name, why));
}

/* The original as it was screened, or NULL with a problem noted. */
static struct input *read_original(const char *inbox,
				   const struct store_document_row *row,
				   GPtrArray *problems)
{
	g_autofree char *path = g_build_filename(inbox, row->path, NULL);
	struct caps caps = caps_default();
	g_autoptr(GError) e = NULL;
	struct input *in = input_read(path, &caps, &e);

	if (!in) {
		problem(problems, row->path, e->message);
		return NULL;
	}
	if (strcmp(in->sha256, row->sha256) != 0) {
		problem(problems, row->path,
			"changed since it was screened, not annotated");
		input_free(in);
		return NULL;
	}
	return in;
}

struct annot_pass {
	struct store *st;
	struct sandbox *sb;
	const char *inbox, *out_dir;
	GPtrArray *crits;
	GPtrArray *problems;
	GHashTable *written;	/* names written in this pass */
};

/* What a copy is made from: the original's content and the highlights
 * (pages, boxes, colours, notes).  Caller frees. */
static char *copy_version(const struct store_document_row *row,
			  const GByteArray *spec)
{
	g_autoptr(GChecksum) c = g_checksum_new(G_CHECKSUM_SHA256);

	g_checksum_update(c, (const guchar *)row->sha256, -1);
	g_checksum_update(c, spec->data, spec->len);
	return g_strdup(g_checksum_get_string(c));
}

/* Annotate one document; false only on a report write error. */
static bool annotate_doc(struct annot_pass *p, const struct store_document_row *row,
			 GArray *evs, const char *name, GError **err)
{
	g_autoptr(GByteArray) spec = g_byte_array_new();
	g_autoptr(GError) e = NULL;
	g_autoptr(doc) d = NULL;
	g_autoptr(GBytes) out = NULL;
	g_autofree char *path = NULL;
	g_autofree char *canon = NULL;
	g_autofree char *version = NULL;
	g_autofree char *had = NULL;
	struct input *in;
	guint marks = 0;

	d = doc_decode(g_bytes_get_data(row->doc, NULL),
		       g_bytes_get_size(row->doc), &e);
	if (!d) {
		problem(p->problems, row->path, e->message);
		return true;
	}
	for (guint i = 0; i < evs->len; i++) {
		const struct ev *ev = &g_array_index(evs, struct ev, i);

		if (ev->doc_id == row->id)
			marks += add_passage(spec, d, ev);
	}
	if (!marks)
		return true;	/* no evidence here, or no glyph boxes */
	in = read_original(p->inbox, row, p->problems);
	if (!in)
		return true;
	path = g_build_filename(p->out_dir, name, NULL);
	canon = g_canonicalize_filename(path, NULL);
	version = copy_version(row, spec);
	had = store_output_version(p->st, canon);
	if (had && strcmp(had, version) == 0 &&
	    g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		/* The same original and highlights as the copy there: no
		 * parse in the child, nothing written. */
		input_free(in);
		g_hash_table_add(p->written, g_strdup(name));
		return true;
	}
	out = sandbox_annotate(p->sb, g_bytes_get_data(in->data, NULL),
			       g_bytes_get_size(in->data), spec->data,
			       spec->len, &e);
	input_free(in);
	if (!out) {
		problem(p->problems, row->path, e->message);
		return true;
	}
	atomic_clean(path);
	if (!atomic_write(path, g_bytes_get_data(out, NULL),
			  g_bytes_get_size(out), err)) {
		g_prefix_error(err, "annotated/%s: ", name);
		return false;
	}
	g_hash_table_add(p->written, g_strdup(name));
	/* Recorded once the copy is in place: a crash in between costs a
	 * rewrite, never a stale copy. */
	return store_set_output_version(p->st, canon, version, err);
}

static bool annotate_applicant(struct annot_pass *p, guint n,
			       const struct store_ranked *r, GError **err)
{
	g_autoptr(GArray) evs = g_array_new(FALSE, FALSE, sizeof(struct ev));
	g_autoptr(GPtrArray) docs = NULL;
	struct ev_ctx c = { p->crits, evs };

	g_array_set_clear_func(evs, ev_clear);
	if (!store_each_evidence(p->st, r->key, keep_evidence, &c, err))
		return false;
	if (!evs->len)
		return true;
	docs = store_documents(p->st, r->key, err);
	if (!docs)
		return false;
	for (guint k = 0; k < docs->len; k++) {
		const struct store_document_row *row =
			g_ptr_array_index(docs, k);
		g_autofree char *name = report_annot_name(n, k + 1);

		if (row->format != DOC_FORMAT_PDF || !row->doc ||
		    strcmp(row->status, "ok") != 0)
			continue;
		if (!annotate_doc(p, row, evs, name, err))
			return false;
	}
	return true;
}

/* Is name one of ours: digits, '-', digits, ".pdf"? */
static bool is_annot_name(const char *name)
{
	const char *p = name;
	guint parts = 0;

	for (; parts < 2; parts++) {
		const char *digits = p;

		while (g_ascii_isdigit(*p))
			p++;
		if (p == digits || *p != (parts ? '.' : '-'))
			return false;
		p++;
	}
	return strcmp(p, "pdf") == 0;
}

/* Remove "<n>-<k>.pdf" files this pass did not write. */
static void remove_stale(const char *dir, GHashTable *written)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	const char *name;

	while (d && (name = g_dir_read_name(d))) {
		g_autofree char *path = NULL;

		if (!is_annot_name(name) ||
		    g_hash_table_contains(written, name))
			continue;
		path = g_build_filename(dir, name, NULL);
		unlink(path);
	}
}

bool report_annot_write(struct store *st, const struct store_view *v,
			const char *dir, struct sandbox *sb,
			GPtrArray *problems, GError **err)
{
	g_autofree char *out_dir = g_build_filename(dir, "annotated", NULL);
	g_autoptr(GHashTable) written = g_hash_table_new_full(g_str_hash,
		g_str_equal, g_free, NULL);
	struct annot_pass p = { st, sb, v->inbox, out_dir, v->crits, problems,
				written };

	if (!atomic_mkdir(out_dir, err))
		return false;
	for (guint i = 0; i < v->rows->len; i++)
		if (!annotate_applicant(&p, i + 1,
					g_ptr_array_index(v->rows, i), err))
			return false;
	remove_stale(out_dir, written);
	return true;
}
