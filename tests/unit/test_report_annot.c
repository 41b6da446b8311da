/* test_report_annot.c - annotated PDFs: a real run over sample PDFs,
 * then every copy reopened with poppler: each evidence passage has a
 * highlight on its page whose boxes hold the evidence's words and whose
 * note names the criterion and rule, a colour per criterion, the
 * original untouched, private modes; a changed original is reported and
 * its copy dropped; the annotation child's faults and bad specs give
 * errors and the parent goes on.
 *
 * Runs the screener binary built next to this test (BUILD/screener). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <poppler.h>

#include "annot_pdf.h"
#include "error.h"
#include "sandbox.h"
#include "store.h"
#include "built.h"
#include "rm_rf.h"

static char *screener;
static char *root;

/* Every sample PDF with a text layer; two have evidence on page 2. */
static const char *const pdfs[] = {
	"amara-johnson.pdf", "ben-carter.pdf", "daniel-okafor.pdf",
	"divya-raghavan.pdf", "esther-wanjiru.pdf", "grace-mensah.pdf",
	"lena-fischer.pdf", "marek-kowalski.pdf", "sofia-marchetti.pdf",
	"tariq-hassan.pdf", "tomas-novak.pdf", "tomasz-wojcik.pdf", NULL,
};
static const char *const few[] = { "ben-carter.pdf", "daniel-okafor.pdf",
				   NULL };

/* Run screener with args in dir; returns the exit status, stderr in
 * *errout (may be NULL). */
static int run_in(const char *dir, const char *const *args, char **errout)
{
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_autoptr(GError) err = NULL;
	int status = -1;

	g_ptr_array_add(argv, screener);
	for (guint i = 0; args[i]; i++)
		g_ptr_array_add(argv, (char *)args[i]);
	g_ptr_array_add(argv, NULL);
	g_assert_true(g_spawn_sync(dir, (char **)argv->pdata, NULL, 0, NULL,
				   NULL, NULL, errout, &status, &err));
	g_assert_no_error(err);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static char *make_inbox(const char *const *names)
{
	g_autoptr(GError) err = NULL;
	char *dir = g_dir_make_tmp("annot-XXXXXX", &err);
	g_autofree char *inbox = g_build_filename(dir, "inbox", NULL);

	g_assert_no_error(err);
	g_assert_cmpint(mkdir(inbox, 0700), ==, 0);
	for (guint i = 0; names[i]; i++) {
		g_autofree char *from = g_build_filename(root, "samples",
							 names[i], NULL);
		g_autofree char *to = g_build_filename(inbox, names[i], NULL);
		g_autofree char *data = NULL;
		gsize len;

		g_assert_true(g_file_get_contents(from, &data, &len, NULL));
		g_assert_true(g_file_set_contents(to, data, len, NULL));
	}
	return dir;
}

static int screen(const char *dir)
{
	g_autofree char *criteria = g_build_filename(root, "criteria",
		"integration-engineer", NULL);
	const char *args[] = { "run", "--settle", "0", "--inbox", "inbox",
			       "--criteria", criteria, "--as-of", "2026-11-28",
			       "--quiet", NULL };

	return run_in(dir, args, NULL);
}

/* Letters and digits only: poppler's text for an area and our
 * normalised snippet differ in spaces, line breaks, dashes, quotes and
 * ligatures. */
static char *squeeze(const char *text)
{
	g_autofree char *s = g_utf8_normalize(text, -1, G_NORMALIZE_ALL);
	GString *out = g_string_new(NULL);

	for (const char *p = s; p && *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_isalnum(c))
			g_string_append_unichar(out, c);
	}
	return g_string_free(out, FALSE);
}

/* A point of PDF space on a page turned rot degrees (its /Rotate) as
 * the page shows it: top-left origin, w x h as displayed. */
static void shown_at(int rot, double w, double h, double x, double y,
		     double *sx, double *sy)
{
	switch (rot) {
	case 90:
		*sx = y;
		*sy = x;
		break;
	case 180:
		*sx = w - x;
		*sy = y;
		break;
	case 270:
		*sx = w - y;
		*sy = h - x;
		break;
	default:
		*sx = x;
		*sy = h - y;
	}
}

/* The text under a highlight's quadrilaterals, squeezed.  poppler gives
 * them in PDF space, on a turned page not turned. */
static char *highlight_text(PopplerPage *page, PopplerAnnot *a, int rot)
{
	g_autoptr(GArray) quads = poppler_annot_text_markup_get_quadrilaterals(
		POPPLER_ANNOT_TEXT_MARKUP(a));
	GString *all = g_string_new(NULL);
	double w, h;

	poppler_page_get_size(page, &w, &h);
	for (guint i = 0; i < quads->len; i++) {
		PopplerQuadrilateral *q =
			&g_array_index(quads, PopplerQuadrilateral, i);
		/* The text area wants the page as shown; a turned quad's
		 * corners come in another order. */
		double ax, ay, bx, by;
		PopplerRectangle r;
		g_autofree char *t = NULL;

		shown_at(rot, w, h, q->p1.x, q->p1.y, &ax, &ay);
		shown_at(rot, w, h, q->p4.x, q->p4.y, &bx, &by);
		r = (PopplerRectangle){ MIN(ax, bx), MIN(ay, by), MAX(ax, bx),
					MAX(ay, by) };
		g_assert_cmpfloat(r.x1, <, r.x2);
		g_assert_cmpfloat(r.y1, <, r.y2);
		g_assert_cmpfloat(r.x1, >=, 0);
		g_assert_cmpfloat(r.x2, <=, w);
		g_assert_cmpfloat(r.y1, >=, 0);
		g_assert_cmpfloat(r.y2, <=, h);
		t = poppler_page_get_text_for_area(page, &r);
		g_string_append(all, t);
	}
	{
		g_autofree char *s = g_string_free(all, FALSE);

		return squeeze(s);
	}
}

struct found {
	guint page;
	char *note, *text;
	guint16 rgb[3];
};

static void found_free(gpointer p)
{
	struct found *f = p;

	g_free(f->note);
	g_free(f->text);
	g_free(f);
}

/* Every highlight of the annotated copy at path. */
static GPtrArray *highlights(const char *path, int *pages)
{
	g_autofree char *uri = g_filename_to_uri(path, NULL, NULL);
	g_autoptr(GError) err = NULL;
	PopplerDocument *pdf = poppler_document_new_from_file(uri, NULL, &err);
	GPtrArray *out = g_ptr_array_new_with_free_func(found_free);
	g_autofree char *bytes = NULL;
	const char *turn;
	int rot = 0;

	g_assert_no_error(err);
	/* The one /Rotate of the test's one-page turned PDFs (poppler-glib
	 * does not tell a page's rotation). */
	g_assert_true(g_file_get_contents(path, &bytes, NULL, NULL));
	turn = strstr(bytes, "/Rotate ");
	if (turn)
		rot = atoi(turn + 8);
	*pages = poppler_document_get_n_pages(pdf);
	for (int i = 0; i < *pages; i++) {
		PopplerPage *page = poppler_document_get_page(pdf, i);
		GList *map = poppler_page_get_annot_mapping(page);

		for (GList *l = map; l; l = l->next) {
			PopplerAnnotMapping *m = l->data;
			struct found *f;
			PopplerColor *c;

			if (poppler_annot_get_annot_type(m->annot) !=
			    POPPLER_ANNOT_HIGHLIGHT)
				continue;
			f = g_new0(struct found, 1);
			f->page = i + 1;
			f->note = poppler_annot_get_contents(m->annot);
			f->text = highlight_text(page, m->annot, rot);
			c = poppler_annot_get_color(m->annot);
			g_assert_nonnull(c);
			f->rgb[0] = c->red;
			f->rgb[1] = c->green;
			f->rgb[2] = c->blue;
			poppler_color_free(c);
			g_ptr_array_add(out, f);
		}
		poppler_page_free_annot_mapping(map);
		g_object_unref(page);
	}
	g_object_unref(pdf);
	return out;
}

struct check {
	GPtrArray *found;
	gint64 doc_id;
	guint checked;
	GHashTable *colour;	/* criterion -> "r,g,b" */
};

/* A highlight on the evidence's page, noting its criterion and rule,
 * whose boxes hold the matched words. */
static bool check_evidence(const struct store_evidence_row *r, void *data,
			   GError **err)
{
	struct check *c = data;
	g_autofree char *rule = g_strdup_printf(": rule %s", r->rule);
	g_autofree char *words = squeeze(r->match);

	/* Evidence of a whole-document fact has no passage to mark. */
	if (r->document_id != c->doc_id || r->end <= r->start)
		return true;
	for (guint i = 0; i < c->found->len; i++) {
		struct found *f = g_ptr_array_index(c->found, i);
		g_autofree char *rgb = NULL;
		const char *seen;

		if (f->page != r->page || !g_str_has_prefix(f->note,
							    r->criterion) ||
		    !g_str_has_suffix(f->note, rule) ||
		    !strstr(f->text, words))
			continue;
		rgb = g_strdup_printf("%u,%u,%u", f->rgb[0], f->rgb[1],
				      f->rgb[2]);
		seen = g_hash_table_lookup(c->colour, r->criterion);
		if (seen)
			g_assert_cmpstr(seen, ==, rgb);
		else
			g_hash_table_insert(c->colour, g_strdup(r->criterion),
					    g_strdup(rgb));
		c->checked++;
		return true;
	}
	g_test_message("no highlight for %s %s on page %u: '%s'",
		       r->criterion, r->rule, r->page, r->match);
	g_assert_not_reached();
	return false;
}

static void assert_mode(const char *path, mode_t want)
{
	struct stat st;

	g_assert_cmpint(stat(path, &st), ==, 0);
	g_assert_cmpint(st.st_mode & 0777, ==, want);
}

static guint check_copies(const char *dir, const char *from, guint n,
			  GHashTable *colour, guint *pages_seen)
{
	g_autofree char *db = g_build_filename(dir, "reports", "screen.db",
					       NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = store_open(db, &err);
	g_autoptr(GPtrArray) rows = NULL;
	guint checked = 0;

	g_assert_no_error(err);
	rows = store_ranking(st, 8, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(rows->len, ==, n);
	for (guint i = 0; i < rows->len; i++) {
		const struct store_ranked *r = g_ptr_array_index(rows, i);
		g_autoptr(GPtrArray) docs = store_documents(st, r->key, &err);
		const struct store_document_row *d;
		g_autofree char *name = g_strdup_printf("%u-1.pdf", i + 1);
		g_autofree char *copy = g_build_filename(dir, "reports",
			"annotated", name, NULL);
		g_autofree char *orig = NULL;
		g_autofree char *want = NULL;
		g_autofree char *got = NULL;
		g_autoptr(GPtrArray) found = NULL;
		struct check c = { .colour = colour };
		gsize want_len, got_len;
		int pages;

		g_assert_no_error(err);
		g_assert_cmpuint(docs->len, ==, 1);
		d = g_ptr_array_index(docs, 0);
		/* The original is untouched, and is the copy's first bytes
		 * (an incremental update). */
		orig = g_build_filename(from, d->path, NULL);
		g_assert_true(g_file_get_contents(orig, &want, &want_len,
						  NULL));
		g_free(orig);
		orig = g_build_filename(dir, "inbox", d->path, NULL);
		g_assert_true(g_file_get_contents(orig, &got, &got_len, NULL));
		g_assert_cmpmem(want, want_len, got, got_len);
		g_free(got);
		g_assert_true(g_file_get_contents(copy, &got, &got_len, NULL));
		g_assert_cmpuint(got_len, >, want_len);
		g_assert_cmpint(memcmp(got, want, want_len), ==, 0);
		assert_mode(copy, 0600);

		found = highlights(copy, &pages);
		g_assert_cmpuint(found->len, >, 0);
		c.found = found;
		c.doc_id = d->id;
		g_assert_true(store_each_evidence(st, r->key, check_evidence,
						  &c, &err));
		g_assert_no_error(err);
		g_assert_cmpuint(c.checked, >, 0);
		/* No highlight without evidence behind it. */
		g_assert_cmpuint(found->len, <=, c.checked);
		for (guint k = 0; k < found->len; k++)
			*pages_seen |= 1u << ((struct found *)
				g_ptr_array_index(found, k))->page;
		checked += c.checked;
	}
	return checked;
}

/* screener report again: every copy still current is kept (same
 * inode, not rewritten); a deleted one is made again. */
static void assert_kept_when_current(const char *dir, const char *annot)
{
	g_autofree char *one = g_build_filename(annot, "1-1.pdf", NULL);
	g_autoptr(GHashTable) ino = g_hash_table_new_full(g_str_hash,
		g_str_equal, g_free, NULL);
	const char *args[] = { "report", NULL };
	g_autofree char *errout = NULL;
	g_autoptr(GDir) d = g_dir_open(annot, 0, NULL);
	const char *name;
	guint n = 0;

	g_assert_nonnull(d);
	while ((name = g_dir_read_name(d))) {
		g_autofree char *p = g_build_filename(annot, name, NULL);
		struct stat st;

		g_assert_cmpint(stat(p, &st), ==, 0);
		g_hash_table_insert(ino, g_strdup(name),
				    GSIZE_TO_POINTER(st.st_ino));
	}
	g_assert_true(g_hash_table_contains(ino, "1-1.pdf"));
	g_assert_cmpint(unlink(one), ==, 0);
	/* poppler stamps each annotation to the second: a copy made again
	 * would differ in bytes, so atomic_write() could not keep it. */
	g_usleep(1100 * 1000);
	g_assert_cmpint(run_in(dir, args, &errout), ==, 0);
	g_dir_rewind(d);
	while ((name = g_dir_read_name(d))) {
		g_autofree char *p = g_build_filename(annot, name, NULL);
		struct stat st;

		g_assert_cmpint(stat(p, &st), ==, 0);
		g_assert_true(g_hash_table_contains(ino, name));
		if (strcmp(name, "1-1.pdf") != 0)
			g_assert_cmpuint(st.st_ino, ==, GPOINTER_TO_SIZE(
				g_hash_table_lookup(ino, name)));
		n++;
	}
	g_assert_cmpuint(n, ==, g_hash_table_size(ino));
}

/* Pages a highlight must fit: a skills table running past the page's
 * right edge (a glyph box crossing it once gave "highlight box off page
 * 1" and no copy), the same resume on a /Rotate 90 page, and a cook's
 * resume turned the same way (tests/fixtures/mklayout.py).  Every copy
 * is made and every highlight holds its evidence's words. */
static void test_edges(void)
{
	g_autoptr(GError) err = NULL;
	g_autofree char *dir = g_dir_make_tmp("annot-XXXXXX", &err);
	g_autofree char *inbox = g_build_filename(dir, "inbox", NULL);
	g_autofree char *script = g_build_filename(root, "tests", "fixtures",
						   "mklayout.py", NULL);
	g_autofree char *criteria = g_build_filename(root, "criteria",
		"integration-engineer", NULL);
	const char *make[] = { "python3", script, inbox, "wide.pdf",
			       "wide-turned.pdf", "turned.pdf", NULL };
	const char *args[] = { "run", "--settle", "0", "--inbox", "inbox",
			       "--criteria", criteria, "--as-of", "2026-11-28",
			       "--quiet", NULL };
	g_autoptr(GHashTable) colour = g_hash_table_new_full(g_str_hash,
		g_str_equal, g_free, g_free);
	g_autofree char *errout = NULL;
	guint pages_seen = 0;
	int status;

	g_assert_no_error(err);
	g_assert_true(g_spawn_sync(NULL, (char **)make, NULL,
				   G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
				   &status, &err));
	g_assert_no_error(err);
	g_assert_true(g_spawn_check_wait_status(status, NULL));
	g_assert_cmpint(run_in(dir, args, &errout), ==, 0);
	g_assert_cmpstr(errout, ==, "");
	g_assert_cmpuint(check_copies(dir, inbox, 3, colour, &pages_seen),
			 >=, 10);
	rm_rf(dir);
}

static void test_run(void)
{
	g_autofree char *dir = make_inbox(pdfs);
	g_autofree char *annot = g_build_filename(dir, "reports", "annotated",
						  NULL);
	g_autoptr(GHashTable) colour = g_hash_table_new_full(g_str_hash,
		g_str_equal, g_free, g_free);
	g_autoptr(GHashTable) distinct = g_hash_table_new(g_str_hash,
							  g_str_equal);
	GHashTableIter it;
	gpointer k, v;
	guint pages_seen = 0, checked;
	g_autofree char *samples = g_build_filename(root, "samples", NULL);

	g_assert_cmpint(screen(dir), ==, 0);
	assert_mode(annot, 0700);
	checked = check_copies(dir, samples, g_strv_length((char **)pdfs),
			       colour, &pages_seen);
	g_test_message("%u evidence passages found highlighted", checked);
	g_assert_cmpuint(checked, >=, 100);
	/* Evidence on a second page is highlighted there. */
	g_assert_true(pages_seen & (1u << 2));
	/* A colour per criterion. */
	g_assert_cmpuint(g_hash_table_size(colour), >=, 4);
	g_hash_table_iter_init(&it, colour);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		g_assert_false(g_hash_table_contains(distinct, v));
		g_hash_table_add(distinct, v);
	}
	assert_kept_when_current(dir, annot);
	rm_rf(dir);
}

/* screener report: a changed original is named and its copy dropped
 * (it would no longer be the document screened); the others stay. */
static void test_changed_original(void)
{
	g_autofree char *dir = make_inbox(few);
	g_autofree char *victim = g_build_filename(dir, "inbox", few[0],
						   NULL);
	g_autofree char *errout = NULL;
	const char *args[] = { "report", NULL };
	g_autoptr(GDir) d = NULL;
	FILE *f;
	guint n = 0;

	g_assert_cmpint(screen(dir), ==, 0);
	f = fopen(victim, "ab");
	g_assert_nonnull(f);
	fputs("%% changed\n", f);
	g_assert_cmpint(fclose(f), ==, 0);
	g_assert_cmpint(run_in(dir, args, &errout), ==, 0);
	g_assert_nonnull(strstr(errout, "screener report: annotated copy of "
				"ben-carter.pdf: changed since it was "
				"screened, not annotated\n"));
	{
		g_autofree char *annot = g_build_filename(dir, "reports",
							  "annotated", NULL);

		d = g_dir_open(annot, 0, NULL);
		g_assert_nonnull(d);
		while (g_dir_read_name(d))
			n++;
		g_assert_cmpuint(n, ==, g_strv_length((char **)few) - 1);
	}
	rm_rf(dir);
}

static GBytes *sample(const char *name)
{
	g_autofree char *path = g_build_filename(root, "samples", name, NULL);
	char *data;
	gsize len;

	g_assert_true(g_file_get_contents(path, &data, &len, NULL));
	return g_bytes_new_take(data, len);
}

static GBytes *annotate(struct sandbox *sb, GBytes *pdf, GByteArray *spec,
			GError **err)
{
	return sandbox_annotate(sb, g_bytes_get_data(pdf, NULL),
				g_bytes_get_size(pdf), spec->data, spec->len,
				err);
}

/* The child crashing or hanging, a bad spec, a box off the page, a PDF
 * that is not one: errors, and the next request is served. */
static void test_child_faults(void)
{
	struct caps caps = caps_default();
	struct sandbox *sb;
	g_autoptr(GBytes) pdf = sample("ben-carter.pdf");
	g_autoptr(GByteArray) spec = g_byte_array_new();
	g_autoptr(GByteArray) junk = g_byte_array_new();
	g_autoptr(GByteArray) off = g_byte_array_new();
	static const struct annot_box box = { 72, 72, 200, 90 };
	static const struct annot_box far = { 72, 5000, 200, 5010 };
	struct annot_mark m = { 1, 0xffe14d, &box, 1, "c1 test: rule r" };
	static const char crash[] = "SCREENER-FAULT:crash";
	static const char hang[] = "SCREENER-FAULT:hang";
	GError *err = NULL;
	GBytes *out;

	caps.wall_seconds = 1;
	sb = sandbox_new_annotator(screener, &caps);
	annot_spec_add(spec, &m);
	m.boxes = &far;
	annot_spec_add(off, &m);
	g_byte_array_append(junk, (const guint8 *)"\7\0\0\0\1", 5);

	out = sandbox_annotate(sb, (const guint8 *)crash, strlen(crash),
			       spec->data, spec->len, &err);
	g_assert_null(out);
	g_assert_error(err, SCREENER_ERROR, SE_CRASH);
	g_clear_error(&err);
	out = sandbox_annotate(sb, (const guint8 *)hang, strlen(hang),
			       spec->data, spec->len, &err);
	g_assert_null(out);
	g_assert_error(err, SCREENER_ERROR, SE_TIMEOUT);
	g_clear_error(&err);
	g_assert_null(annotate(sb, pdf, junk, &err));
	g_assert_error(err, SCREENER_ERROR, SE_PROTOCOL);
	g_clear_error(&err);
	g_assert_null(annotate(sb, pdf, off, &err));
	g_assert_error(err, SCREENER_ERROR, SE_PROTOCOL);
	g_clear_error(&err);
	out = sandbox_annotate(sb, (const guint8 *)"%PDF-1.4 no", 11,
			       spec->data, spec->len, &err);
	g_assert_null(out);
	g_assert_error(err, SCREENER_ERROR, SE_PDF_UNREADABLE);
	g_clear_error(&err);
	out = annotate(sb, pdf, spec, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(g_bytes_get_size(out), >, g_bytes_get_size(pdf));
	g_bytes_unref(out);
	sandbox_free(sb);
}

int main(int argc, char **argv)
{
	g_autofree char *build = built_dir();

	g_test_init(&argc, &argv, NULL);
	screener = built_screener();
	root = g_strdup(g_getenv("ROOT"));
	if (!root)
		root = g_path_get_dirname(build);
	g_test_add_func("/annot/run", test_run);
	g_test_add_func("/annot/changed_original", test_changed_original);
	g_test_add_func("/annot/child_faults", test_child_faults);
	g_test_add_func("/annot/edges", test_edges);
	return g_test_run();
}
