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

/* A box of a passage (one line of it) and its page; seq keeps the
 * passages' order within a page. */
struct page_box {
	guint32 page;
	guint seq;
	struct annot_box box;
};

/* Boxes per highlight, well under what annot_pdf.c accepts. */
#define MARK_BOXES 1024u

/* Add the boxes of e's passage to boxes, one per line and page.  A
 * passage never extends the box of another. */
static void passage_boxes(GArray *boxes, const struct doc *d,
			  const struct ev *e)
{
	guint first = boxes->len;
	guint32 rs, re;

	if (e->end <= e->start || e->end > d->text->len)
		return;
	rs = doc_raw_offset(d, e->start);
	re = doc_raw_offset(d, e->end);
	for (guint i = first_glyph(d, rs); i < d->glyphs->len; i++) {
		const struct doc_glyph *g =
			&g_array_index(d->glyphs, struct doc_glyph, i);
		struct page_box *b = boxes->len > first ? &g_array_index(
			boxes, struct page_box, boxes->len - 1) : NULL;

		if (g->off >= re)
			break;
		if (g->x2 <= g->x1 || g->y2 <= g->y1)
			continue;
		if (b && b->page == g->page && same_line(&b->box, g)) {
			b->box.x1 = MIN(b->box.x1, g->x1);
			b->box.x2 = MAX(b->box.x2, g->x2);
			b->box.y1 = MIN(b->box.y1, g->y1);
			b->box.y2 = MAX(b->box.y2, g->y2);
		} else {
			struct page_box nb = { g->page, boxes->len,
					       { g->x1, g->y1, g->x2, g->y2 } };

			g_array_append_val(boxes, nb);
		}
	}
}

static int by_page(gconstpointer a, gconstpointer b)
{
	const struct page_box *x = a, *y = b;

	if (x->page != y->page)
		return x->page < y->page ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* One highlight per page for the boxes of a rule's passages (every
 * passage one criterion's rule found), noted as e is; boxes is
 * emptied.  Returns the number of highlights added. */
static guint flush_rule(GByteArray *spec, GArray *boxes, const struct ev *e)
{
	g_autoptr(GArray) page = g_array_new(FALSE, FALSE,
					     sizeof(struct annot_box));
	guint marks = 0, i = 0;

	g_array_sort(boxes, by_page);
	while (i < boxes->len) {
		guint32 p = g_array_index(boxes, struct page_box, i).page;
		struct annot_mark m = {
			.page = p,
			.rgb = report_annot_colour(e->crit),
			.note = e->note,
		};

		g_array_set_size(page, 0);
		for (; i < boxes->len && page->len < MARK_BOXES &&
		       g_array_index(boxes, struct page_box, i).page == p; i++)
			g_array_append_val(page, g_array_index(
				boxes, struct page_box, i).box);
		m.boxes = (const struct annot_box *)page->data;
		m.n_boxes = page->len;
		annot_spec_add(spec, &m);
		marks++;
	}
	g_array_set_size(boxes, 0);
	return marks;
}

static int by_note(gconstpointer a, gconstpointer b)
{
	const struct ev *x = a, *y = b;
	int c = strcmp(x->note, y->note);

	if (c)
		return c;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* The highlights of a document's evidence: one per rule and page (a
 * highlight with one box per line of each passage the rule found
 * there), so a copy carries a few dozen annotations, not one per
 * passage: poppler's time to save a copy grows with them.  evs is
 * sorted.  Returns the number of highlights. */
static guint add_highlights(GByteArray *spec, const struct doc *d, GArray *evs)
{
	g_autoptr(GArray) boxes = g_array_new(FALSE, FALSE,
					      sizeof(struct page_box));
	guint marks = 0;

	g_array_sort(evs, by_note);
	for (guint i = 0; i < evs->len; i++) {
		const struct ev *e = &g_array_index(evs, struct ev, i);

		passage_boxes(boxes, d, e);
		if (i + 1 == evs->len || strcmp(e->note, g_array_index(
			evs, struct ev, i + 1).note) != 0)
			marks += flush_rule(spec, boxes, e);
	}
	return marks;
}

/* What a copy is made from: the original's content and the highlights
 * (pages, boxes, colours, notes).  Caller frees. */
static char *copy_version(const char *sha256, const GByteArray *spec)
{
	g_autoptr(GChecksum) c = g_checksum_new(G_CHECKSUM_SHA256);

	g_checksum_update(c, (const guchar *)sha256, -1);
	g_checksum_update(c, spec->data, spec->len);
	return g_strdup(g_checksum_get_string(c));
}

enum copy_outcome {
	COPY_NONE,		/* no evidence with glyph boxes: no copy */
	COPY_KEPT,		/* the copy there was made from the same */
	COPY_WRITTEN,
	COPY_PROBLEM,		/* left out, problem says why */
	COPY_FAILED,		/* a report write error */
};

/* One PDF document to annotate: everything a copier needs, so it never
 * touches the store.  The main thread makes it, a copier fills in the
 * outcome. */
struct copy_task {
	guint seq;		/* order of the serial pass */
	char *name;		/* "<n>-<k>.pdf" */
	char *out, *canon;	/* its path in annotated/, canonical */
	char *orig;		/* the original, in the inbox */
	char *path, *sha256;	/* as stored */
	GBytes *doc;		/* the stored encoding */
	GArray *evs;		/* struct ev of this document */
	char *had;		/* version recorded for canon, or NULL */
	GHashTable *made;	/* version -> canonical path of the copies
				   there, read-only while copiers run */

	enum copy_outcome outcome;
	char *version;		/* COPY_WRITTEN */
	char *problem;		/* COPY_PROBLEM */
	GError *error;		/* COPY_FAILED */
};

static void copy_task_free(struct copy_task *t)
{
	g_free(t->name);
	g_free(t->out);
	g_free(t->canon);
	g_free(t->orig);
	g_free(t->path);
	g_free(t->sha256);
	if (t->doc)
		g_bytes_unref(t->doc);
	if (t->evs)
		g_array_unref(t->evs);
	g_free(t->had);
	g_free(t->version);
	g_free(t->problem);
	g_clear_error(&t->error);
	g_free(t);
}

static void task_problem(struct copy_task *t, const char *why)
{
	g_autofree char *name = escape_name(t->path);

	t->outcome = COPY_PROBLEM;
	t->problem = g_strdup_printf("%s: %s", name, why);
}

/* The original as it was screened, or NULL with a problem noted. */
static struct input *read_original(struct copy_task *t)
{
	struct caps caps = caps_default();
	g_autoptr(GError) e = NULL;
	struct input *in = input_read(t->orig, &caps, &e);

	if (!in) {
		task_problem(t, e->message);
		return NULL;
	}
	if (strcmp(in->sha256, t->sha256) != 0) {
		task_problem(t, "changed since it was screened, not annotated");
		input_free(in);
		return NULL;
	}
	return in;
}

/* The bytes of a copy made from the same original and highlights under
 * another name (the applicant moved in the ranking), or NULL.  Read
 * before any copy of this pass is renamed into place (one batch), so
 * the file still holds what its recorded version says. */
static GBytes *made_before(const struct copy_task *t)
{
	const char *path = g_hash_table_lookup(t->made, t->version);
	char *data = NULL;
	gsize len = 0;

	if (!path || strcmp(path, t->canon) == 0 ||
	    !g_file_get_contents(path, &data, &len, NULL))
		return NULL;
	return g_bytes_new_take(data, len);
}

/* Make one copy in a copier thread with its annotation child. */
static void copy_run(struct copy_task *t, struct sandbox *sb)
{
	g_autoptr(GByteArray) spec = g_byte_array_new();
	g_autoptr(GError) e = NULL;
	g_autoptr(doc) d = NULL;
	g_autoptr(GBytes) out = NULL;
	struct input *in;
	guint marks = 0;

	d = doc_decode(g_bytes_get_data(t->doc, NULL),
		       g_bytes_get_size(t->doc), &e);
	if (!d) {
		task_problem(t, e->message);
		return;
	}
	marks = add_highlights(spec, d, t->evs);
	if (!marks)
		return;		/* no glyph boxes under the evidence */
	in = read_original(t);
	if (!in)
		return;
	t->version = copy_version(t->sha256, spec);
	if (t->had && strcmp(t->had, t->version) == 0 &&
	    g_file_test(t->out, G_FILE_TEST_IS_REGULAR)) {
		/* The same original and highlights as the copy there: no
		 * parse in the child, nothing written. */
		input_free(in);
		t->outcome = COPY_KEPT;
		return;
	}
	out = made_before(t);
	if (!out)
		out = sandbox_annotate(sb, g_bytes_get_data(in->data, NULL),
				       g_bytes_get_size(in->data), spec->data,
				       spec->len, &e);
	input_free(in);
	if (!out) {
		task_problem(t, e->message);
		return;
	}
	atomic_clean(t->out);
	if (!atomic_write(t->out, g_bytes_get_data(out, NULL),
			  g_bytes_get_size(out), &t->error)) {
		g_prefix_error(&t->error, "annotated/%s: ", t->name);
		t->outcome = COPY_FAILED;
		return;
	}
	t->outcome = COPY_WRITTEN;
}

/* The copiers: one thread per job, each with its own annotation child
 * (a child dies with the thread that started it, so each thread starts
 * and ends its own). */
struct copiers {
	GAsyncQueue *in, *out;
	GPtrArray *threads;
};

/* Pushed once per copier to stop it. */
static struct copy_task stop_task;

static gpointer copier(gpointer data)
{
	struct copiers *c = data;
	struct caps caps = caps_default();
	struct sandbox *sb = sandbox_new_annotator(sandbox_self_exe(), &caps);

	for (;;) {
		struct copy_task *t = g_async_queue_pop(c->in);

		if (t == &stop_task)
			break;
		copy_run(t, sb);
		g_async_queue_push(c->out, t);
	}
	sandbox_free(sb);
	return NULL;
}

static struct copiers *copiers_new(guint jobs)
{
	struct copiers *c = g_new0(struct copiers, 1);

	c->in = g_async_queue_new();
	c->out = g_async_queue_new();
	c->threads = g_ptr_array_new();
	for (guint i = 0; i < MAX(jobs, 1u); i++)
		g_ptr_array_add(c->threads,
				g_thread_new("screener-copier", copier, c));
	return c;
}

static void copiers_free(struct copiers *c)
{
	for (guint i = 0; i < c->threads->len; i++)
		g_async_queue_push(c->in, &stop_task);
	for (guint i = 0; i < c->threads->len; i++)
		g_thread_join(g_ptr_array_index(c->threads, i));
	g_ptr_array_unref(c->threads);
	g_async_queue_unref(c->in);
	g_async_queue_unref(c->out);
	g_free(c);
}

struct annot_pass {
	struct store *st;
	const char *inbox, *out_dir;
	GPtrArray *crits;
	struct copiers *copiers;
	guint window, in_flight, seq;
	GHashTable *written;	/* names kept or written in this pass */
	GHashTable *made;	/* see struct copy_task */
	GPtrArray *done;	/* struct copy_task *, outcomes to record */
};

/* Wait for the next finished copy and keep what its outcome says. */
static void collect_one(struct annot_pass *p)
{
	struct copy_task *t = g_async_queue_pop(p->copiers->out);

	p->in_flight--;
	if (t->outcome == COPY_KEPT || t->outcome == COPY_WRITTEN)
		g_hash_table_add(p->written, g_strdup(t->name));
	if (t->outcome == COPY_NONE || t->outcome == COPY_KEPT) {
		copy_task_free(t);
		return;
	}
	/* Only what the rest needs: the names, versions, messages. */
	g_clear_pointer(&t->doc, g_bytes_unref);
	g_clear_pointer(&t->evs, g_array_unref);
	g_ptr_array_add(p->done, t);
}

/* Hand one document to the copiers, keeping at most window in flight
 * so that memory does not grow with the ranking. */
static void submit(struct annot_pass *p, const struct store_document_row *row,
		   GArray *evs, const char *name)
{
	struct copy_task *t = g_new0(struct copy_task, 1);

	t->seq = p->seq++;
	t->name = g_strdup(name);
	t->out = g_build_filename(p->out_dir, name, NULL);
	t->canon = g_canonicalize_filename(t->out, NULL);
	t->orig = g_build_filename(p->inbox, row->path, NULL);
	t->path = g_strdup(row->path);
	t->sha256 = g_strdup(row->sha256);
	t->doc = g_bytes_ref(row->doc);
	t->evs = g_array_new(FALSE, FALSE, sizeof(struct ev));
	g_array_set_clear_func(t->evs, ev_clear);
	for (guint i = 0; i < evs->len; i++) {
		struct ev e = g_array_index(evs, struct ev, i);

		if (e.doc_id != row->id)
			continue;
		e.note = g_strdup(e.note);
		g_array_append_val(t->evs, e);
	}
	t->had = store_output_version(p->st, t->canon);
	t->made = p->made;
	g_async_queue_push(p->copiers->in, t);
	p->in_flight++;
	while (p->in_flight >= p->window)
		collect_one(p);
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
		submit(p, row, evs, name);
	}
	return true;
}

/* Record the version of each copy written (or, !now, forget what its
 * file held), all in one transaction. */
static bool record_versions(struct store *st, GPtrArray *done, bool now,
			    GError **err)
{
	bool ok = store_batch_begin(st, err);

	for (guint i = 0; i < done->len && ok; i++) {
		const struct copy_task *t = g_ptr_array_index(done, i);

		if (t->outcome == COPY_WRITTEN)
			ok = store_set_output_version(st, t->canon, now ?
						      t->version : NULL, err);
	}
	if (!store_batch_end(st, ok ? err : NULL))
		ok = false;
	return ok;
}

static int by_seq(gconstpointer a, gconstpointer b)
{
	const struct copy_task *x = *(struct copy_task *const *)a;
	const struct copy_task *y = *(struct copy_task *const *)b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
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
			const char *dir, guint jobs, GPtrArray *problems,
			GError **err)
{
	g_autofree char *out_dir = g_build_filename(dir, "annotated", NULL);
	g_autoptr(GHashTable) written = g_hash_table_new_full(g_str_hash,
		g_str_equal, g_free, NULL);
	g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func(
		(GDestroyNotify)copy_task_free);
	struct annot_pass p = {
		.st = st, .inbox = v->inbox, .out_dir = out_dir,
		.crits = v->crits, .window = 2 * MAX(jobs, 1u),
		.written = written, .done = done,
	};
	const GError *failed = NULL;
	bool ok = true;
	guint i;

	g_autoptr(GHashTable) made = NULL;
	g_autofree char *canon_dir = NULL;

	if (!atomic_mkdir(out_dir, err))
		return false;
	canon_dir = g_canonicalize_filename(out_dir, NULL);
	made = store_output_versions_in(st, canon_dir, err);
	if (!made)
		return false;
	p.made = made;
	p.copiers = copiers_new(jobs);
	/* One batch: the copies are synced together, then renamed. */
	atomic_batch_begin();
	for (i = 0; i < v->rows->len && ok; i++)
		ok = annotate_applicant(&p, i + 1,
					g_ptr_array_index(v->rows, i), err);
	while (p.in_flight)
		collect_one(&p);
	copiers_free(p.copiers);
	/* Problems and the first write error in the order of the ranking,
	 * whichever copier finished first. */
	g_ptr_array_sort(done, by_seq);
	for (i = 0; i < done->len; i++) {
		const struct copy_task *t = g_ptr_array_index(done, i);

		if (t->outcome == COPY_PROBLEM)
			g_ptr_array_add(problems, g_strdup(t->problem));
		if (t->outcome == COPY_FAILED && !failed)
			failed = t->error;
	}
	if (ok && failed) {
		g_propagate_error(err, g_error_copy(failed));
		ok = false;
	}
	/* What a file is about to be replaced with is recorded only once
	 * it is in place, and what it held is forgotten before: a crash in
	 * between costs a rewrite, never a copy taken for another. */
	if (ok)
		ok = record_versions(st, done, false, err);
	if (!atomic_batch_end(ok ? err : NULL))
		ok = false;
	if (!ok || !record_versions(st, done, true, err))
		return false;
	remove_stale(out_dir, written);
	return true;
}
