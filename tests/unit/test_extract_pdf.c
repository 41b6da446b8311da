/* test_extract_pdf.c - extract_pdf() on the committed samples (reading
 * order, pages, glyph boxes, dates, every error, the caps) and, when it is
 * there, on the shared corpus of real-world PDFs. */
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "caps.h"
#include "doc.h"
#include "error.h"
#include "extract.h"
#include "ocr.h"
#include "text.h"

#define PAGE_W 595.0f	/* A4, the size of every sample */
#define PAGE_H 842.0f

/* The repository root: $ROOT from tests/run.sh, else two folders above
 * this binary (BUILD/tests/). */
static char *root_path(const char *first, ...) G_GNUC_NULL_TERMINATED;
static char *root_path(const char *first, ...)
{
	const char *root = g_getenv("ROOT");
	g_autoptr(GPtrArray) parts = g_ptr_array_new();
	va_list ap;

	if (root) {
		g_ptr_array_add(parts, (char *)root);
	} else {
		g_ptr_array_add(parts, (char *)g_test_get_dir(G_TEST_DIST));
		g_ptr_array_add(parts, "..");
		g_ptr_array_add(parts, "..");
	}
	va_start(ap, first);
	for (const char *s = first; s; s = va_arg(ap, const char *))
		g_ptr_array_add(parts, (char *)s);
	va_end(ap);
	g_ptr_array_add(parts, NULL);
	return g_build_filenamev((char **)parts->pdata);
}

/* Extract a file; NULL with *err set on failure. */
static struct doc *extract_file(const char *path, const struct caps *caps,
				uint64_t text_cap, GError **err)
{
	g_autofree char *data = NULL;
	gsize len = 0;
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, text_cap);

	if (!g_file_get_contents(path, &data, &len, NULL))
		g_error("cannot read %s", path);
	if (!extract_pdf((const guint8 *)data, len, caps, d, err))
		return NULL;
	return g_steal_pointer(&d);
}

static struct doc *sample(const char *name)
{
	struct caps caps = caps_default();
	g_autofree char *path = root_path("samples", name, NULL);
	g_autoptr(GError) err = NULL;
	struct doc *d = extract_file(path, &caps, caps.text_bytes, &err);

	if (!d)
		g_error("%s: %s", name, err->message);
	return d;
}

/* Without OCR (as on a machine without its data): a scan is named. */
static void sample_fails(const char *name, int code, const char *message)
{
	struct caps caps = caps_default();
	g_autofree char *path = root_path("samples", name, NULL);
	g_autoptr(GError) err = NULL;
	struct doc *d;

	caps.ocr_seconds = 0;
	d = extract_file(path, &caps, caps.text_bytes, &err);
	g_assert_null(d);
	g_assert_error(err, SCREENER_ERROR, code);
	g_assert_cmpstr(err->message, ==, message);
}

static const struct doc_block *block(const struct doc *d, guint i)
{
	return &g_array_index(d->blocks, struct doc_block, i);
}

static char *block_text(const struct doc *d, guint i)
{
	const struct doc_block *b = block(d, i);

	return g_strndup(d->raw->str + b->start, b->end - b->start);
}

/* Index of the block whose text is exactly s, or containing it when
 * !exact; -1 when none. */
static int find_block(const struct doc *d, const char *s, bool exact)
{
	for (guint i = 0; i < d->blocks->len; i++) {
		g_autofree char *t = block_text(d, i);

		if (exact ? strcmp(t, s) == 0 : strstr(t, s) != NULL)
			return (int)i;
	}
	return -1;
}

static int must_find(const struct doc *d, const char *s, bool exact)
{
	int i = find_block(d, s, exact);

	if (i < 0)
		g_error("no line %s \"%s\"", exact ? "equal to" : "with", s);
	return i;
}

/* The lines given appear in this order, one after the other. */
static void assert_consecutive(const struct doc *d, const char *const *lines,
			       gsize n)
{
	int first = must_find(d, lines[0], true);

	for (gsize k = 1; k < n; k++) {
		g_autofree char *t = block_text(d, first + k);

		g_assert_cmpstr(t, ==, lines[k]);
	}
}

static const struct doc_glyph *glyph_at(const struct doc *d, uint32_t off)
{
	for (guint i = 0; i < d->glyphs->len; i++) {
		const struct doc_glyph *g =
			&g_array_index(d->glyphs, struct doc_glyph, i);

		if (g->off == off)
			return g;
	}
	g_error("no glyph at %u", off);
	return NULL;
}

/* The glyph of the first character of the first occurrence of word. */
static const struct doc_glyph *glyph_of(const struct doc *d, const char *word)
{
	const char *p = strstr(d->raw->str, word);

	g_assert_nonnull(p);
	return glyph_at(d, p - d->raw->str);
}

/* Glyphs in strictly increasing offsets inside the text, each on a page
 * of the document, with ordered corners. */
static void assert_glyphs_ordered(const struct doc *d)
{
	for (guint i = 0; i < d->glyphs->len; i++) {
		const struct doc_glyph *g =
			&g_array_index(d->glyphs, struct doc_glyph, i);

		if (i > 0)
			g_assert_cmpuint(g->off, >, g[-1].off);
		g_assert_cmpuint(g->off, <, d->raw->len);
		g_assert_cmpuint(g->page, >=, 1);
		g_assert_cmpuint(g->page, <=, d->pages);
		g_assert_cmpfloat(g->x1, <=, g->x2);
		g_assert_cmpfloat(g->y1, <=, g->y2);
	}
}

/* Every character but the block newlines has a box, in offset order, on
 * a page of the document and inside it. */
static void assert_glyphs_sane(const struct doc *d)
{
	glong chars = g_utf8_strlen(d->raw->str, d->raw->len);
	uint32_t last = 0;

	g_assert_cmpint(d->glyphs->len, ==, chars - (glong)d->blocks->len);
	for (guint i = 0; i < d->glyphs->len; i++) {
		const struct doc_glyph *g =
			&g_array_index(d->glyphs, struct doc_glyph, i);

		if (i > 0)
			g_assert_cmpuint(g->off, >, last);
		last = g->off;
		g_assert_cmpuint(g->off, <, d->raw->len);
		g_assert_true(((guchar)d->raw->str[g->off] & 0xC0) != 0x80);
		g_assert_cmpuint(g->page, >=, 1);
		g_assert_cmpuint(g->page, <=, d->pages);
		g_assert_cmpfloat(g->x1, >=, 0);
		g_assert_cmpfloat(g->x1, <=, g->x2);
		g_assert_cmpfloat(g->x2, <=, PAGE_W);
		g_assert_cmpfloat(g->y1, >=, 0);
		g_assert_cmpfloat(g->y1, <, g->y2);
		g_assert_cmpfloat(g->y2, <=, PAGE_H);
	}
}

static void test_one_column(void)
{
	g_autoptr(doc) d = sample("daniel-okafor.pdf");
	static const char *const job[] = {
		"Senior Integration Engineer, Northwind Logistics "
		"Mar 2019 \xe2\x80\x93 Present",
		"\xe2\x80\xa2 Built 40+ REST and SOAP endpoints in MuleSoft "
		"Anypoint with OAuth 2.0 client-credentials \xef\xac\x82ows.",
	};
	static const char *const sections[] = {
		"Summary", "Experience", "Education",
		"Certi\xef\xac\x81" "cations", "Skills", "Projects", "Languages",
	};
	const struct doc_glyph *n, *p;
	int prev = -1;

	g_assert_cmpuint(d->pages, ==, 2);
	g_assert_cmpstr(d->date, ==, "2024-02-20");	/* ModDate wins */
	g_assert_cmpint(must_find(d, "Daniel Okafor", true), ==, 0);
	g_assert_cmpuint(block(d, 0)->heading, ==, 1);
	assert_consecutive(d, job, G_N_ELEMENTS(job));
	for (gsize i = 0; i < G_N_ELEMENTS(sections); i++) {
		int k = must_find(d, sections[i], true);

		g_assert_cmpint(k, >, prev);
		g_assert_cmpuint(block(d, k)->heading, ==, 2);
		prev = k;
	}
	g_assert_cmpuint(block(d, must_find(d, "Skills", true))->page, ==, 1);
	g_assert_cmpuint(block(d, must_find(d, "Projects", true))->page, ==, 2);
	g_assert_cmpuint(block(d, d->blocks->len - 1)->page, ==, 2);
	g_assert_cmpuint(block(d, must_find(d, "Built 40+", false))->heading,
			 ==, 0);
	assert_glyphs_sane(d);

	/* The job title on the left, its dates right-aligned on the same
	 * line, 56 pt from the right edge. */
	n = glyph_of(d, "Northwind");
	p = glyph_of(d, "Present");
	g_assert_cmpuint(n->page, ==, 1);
	g_assert_cmpfloat(n->x1, <, PAGE_W / 2);
	g_assert_cmpfloat(p->x1, >, PAGE_W / 2);
	g_assert_cmpfloat(fabsf(n->y1 - p->y1), <, 1.0f);
	g_assert_cmpfloat(fabsf(glyph_of(d, "Present\n")[6].x2 -
				(PAGE_W - 56)), <, 1.0f);
	/* The name is at the top of page 1, "Projects" at the top of 2. */
	g_assert_cmpfloat(glyph_of(d, "Daniel")->y1, <, 60);
	g_assert_cmpfloat(glyph_of(d, "Daniel")->x1, >, 50);
	g_assert_cmpfloat(glyph_of(d, "Daniel")->x1, <, 62);
	g_assert_cmpuint(glyph_of(d, "Projects")->page, ==, 2);
	g_assert_cmpfloat(glyph_of(d, "Projects")->y1, <, 80);
}

static void test_two_columns(void)
{
	g_autoptr(doc) d = sample("sofia-marchetti.pdf");
	int last_left = must_find(d, "the policy administration APIs.", true);
	int first_right = must_find(d, "Education", true);

	g_assert_cmpstr(d->date, ==, "2023-11-05");	/* CreationDate */
	g_assert_cmpint(must_find(d, "Sofia Marchetti", true), ==, 0);
	/* The whole first column, then the whole second one. */
	g_assert_cmpint(must_find(d, "Experience", true), <, last_left);
	g_assert_cmpint(first_right, ==, last_left + 1);
	g_assert_cmpint(must_find(d, "weekend \xef\xac\x82ow of the city "
				  "library.", true), ==,
			(int)d->blocks->len - 1);
	for (guint i = 0; i < d->blocks->len; i++) {
		g_autofree char *t = block_text(d, i);

		/* No line mixes the columns. */
		g_assert_false(strstr(t, "Pro\xef\xac\x81le") &&
			       strstr(t, "Education"));
		g_assert_cmpuint(strlen(t), <, 100);
	}
	assert_glyphs_sane(d);
	g_assert_cmpfloat(glyph_of(d, "Experience")->x2, <, PAGE_W / 2);
	g_assert_cmpfloat(glyph_of(d, "Education")->x1, >, PAGE_W / 2);
	g_assert_cmpfloat(glyph_of(d, "Education")->y1, <,
			  glyph_of(d, "Experience")->y1);
}

static void test_sidebar(void)
{
	g_autoptr(doc) d = sample("lena-fischer.pdf");
	static const char *const side[] = {
		"CONTACT", "Hamburg, Germany", "lena.fischer@example.net",
		"+49 40 5550 2718", "github.com/lfischer", "SKILLS",
		"REST and SOAP APIs", "OAuth 2.0 and SAML", "Apache Camel",
		"Azure Logic Apps", "Kafka and RabbitMQ", "JSON Schema, XSD",
		"Pact contract tests", "Prometheus, Grafana", "LANGUAGES",
		"German (native)", "English (fluent)", "CERTIFICATES",
		"Azure Developer", "Associate (2023)", "PROFILE",
	};
	static const char *const main_col[] = {
		"Integration Engineer \xe2\x80\x93 Elbe Health GmbH",
		"April 2021 \xe2\x80\x93 Present",
	};

	g_assert_cmpstr(d->date, ==, "2024-04-02");
	g_assert_cmpint(must_find(d, "Lena Fischer", true), ==, 0);
	assert_consecutive(d, side, G_N_ELEMENTS(side));
	assert_consecutive(d, main_col, G_N_ELEMENTS(main_col));
	g_assert_cmpuint(block(d, must_find(d, "SKILLS", true))->heading, ==, 2);
	g_assert_cmpuint(block(d, must_find(d, "EXPERIENCE", true))->heading,
			 ==, 2);
	assert_glyphs_sane(d);
	/* Sidebar lines and main lines share heights, not x. */
	g_assert_cmpfloat(glyph_of(d, "Hamburg")->x2, <, 220);
	g_assert_cmpfloat(glyph_of(d, "Integration engineer with")->x1, >, 230);
	g_assert_cmpfloat(fabsf(glyph_of(d, "SKILLS")->y1 -
				glyph_of(d, "EXPERIENCE")->y1), <, 1.0f);
}

/* A column of dates and labels is not a text column: each date stays on
 * the line of the job it dates, and sections keep their content. */
static void test_label_column(void)
{
	g_autoptr(doc) d = sample("marek-kowalski.pdf");
	static const char *const lines[] = {
		"Work experience",
		"2021 \xe2\x80\x93 Present Integration Engineer, Vistula "
		"Freight S.A., Gdansk",
		"Set up REST endpoints and OAuth 2.0 flows in Azure",
		"API Management; wrote runbooks and alert thresholds.",
		"2018 \xe2\x80\x93 2021 Integration Developer, Baltic Soft "
		"Sp. z o.o.",
	};
	static const char *const skills[] = {
		"Skills",
		"Integration REST, SOAP, Azure API Management, Logic Apps",
		"Testing Postman, Pact, WireMock, k6",
	};

	assert_consecutive(d, lines, G_N_ELEMENTS(lines));
	assert_consecutive(d, skills, G_N_ELEMENTS(skills));
	g_assert_cmpint(must_find(d, "Education", true), <,
			must_find(d, "2013 \xe2\x80\x93 2018 MSc Computer "
				  "Science", false));
	assert_glyphs_sane(d);
	g_assert_cmpfloat(glyph_of(d, "2021")->x1, <, 60);
	g_assert_cmpfloat(glyph_of(d, "Vistula")->x1, >, 176);
	g_assert_cmpfloat(fabsf(glyph_of(d, "2021")->y2 -
				glyph_of(d, "Vistula")->y2), <, 1.0f);
}

/* LaTeX CV over two pages with a running header and a "Page N of 2"
 * footer: both are read once, as header blocks, and the bullet that
 * runs over the page break reads on without them. */
static void test_latex_running(void)
{
	g_autoptr(doc) d = sample("rafael-quintero.pdf");
	static const char *const head =
		"Rafael Quintero Integration Engineer \xe2\x80\x94 "
		"Curriculum Vitae";
	static const char *const across[] = {
		"\xe2\x80\xa2 Reduced the time to onboard a new broker from "
		"six weeks to nine days by replacing a",
		"manual spreadsheet workflow with a self-service flow: the "
		"broker fills in a validated form,",
	};
	int h = must_find(d, head, true), f = must_find(d, "Page 1 of 2", true);

	g_assert_cmpuint(d->pages, ==, 2);
	g_assert_cmpint(h, ==, 0);
	g_assert_cmpuint(block(d, h)->kind, ==, DOC_BLOCK_HEADER);
	g_assert_cmpint(f, ==, (int)d->blocks->len - 1);
	g_assert_cmpuint(block(d, f)->kind, ==, DOC_BLOCK_HEADER);
	g_assert_null(strstr(d->raw->str, "Page 2 of 2"));
	g_assert_true(strstr(d->raw->str, head) ==
		      g_strrstr(d->raw->str, head));
	assert_consecutive(d, across, G_N_ELEMENTS(across));
	g_assert_cmpuint(block(d, must_find(d, across[1], true))->page, ==, 2);
	g_assert_cmpuint(block(d, must_find(d, "Rafael Quintero", true))->kind,
			 ==, DOC_BLOCK_BODY);
	/* fi, ffi and fl ligature glyphs come out as their letters. */
	must_find(d, "certified, efficient integration workflows", false);
	g_assert_null(strstr(d->raw->str, "\xef\xac"));	/* U+FB0x */
	assert_glyphs_sane(d);
}

/* LaTeX CV with icon fonts on the contact line (marvosym, without a
 * Unicode map: its envelope, phone and globe are the codes of "B", "H",
 * "m") and small-capital headings.  The icons leave no stray letters;
 * a dingbat with a real code point stays. */
static void test_latex_icons(void)
{
	g_autoptr(doc) d = sample("farah-nasser.pdf");
	g_autofree char *contact = NULL;
	int i = must_find(d, "farah.nasser@example.com", false);

	contact = g_strstrip(block_text(d, i));
	g_assert_true(g_str_has_prefix(contact, "farah.nasser@example.com"));
	g_assert_nonnull(strstr(contact, "com +1 555-0163"));
	g_assert_nonnull(strstr(contact, "0163 farahnasser.example.com"));
	g_assert_nonnull(strstr(contact, "\xe2\x9c\x8d Leeds"));	/* U+270D */
	g_assert_cmpint(must_find(d, "Summary", true), <,
			must_find(d, "Experience", true));
	must_find(d, "Certifications", true);
	assert_glyphs_sane(d);
}

/* LaTeX two-column CV: a sidebar whose lines end at many widths beside
 * the main column in two minipages.  Each column is read whole. */
static void test_latex_sidebar(void)
{
	g_autoptr(doc) d = sample("lars-eriksen.pdf");
	static const char *const side[] = {
		"Lars", "Eriksen", "Integration Developer", "Contact",
		"lars.eriksen@example.com", "+46 555-0157",
		"Gothenburg, Sweden", "Skills", "Azure API Management",
		"Azure Service Bus", "Logic Apps, Functions",
		"REST, OAuth 2.0, OpenID", "EDIFACT, X12, JSON",
		"C#, .NET, SQL Server", "Git, Azure DevOps", "Education",
		"B.Sc. Computer Engineering",
		"Chalmers University of Technology",
		"2014 \xe2\x80\x93 2018", "Languages", "Swedish (native)",
		"English (fluent)", "German (basic)", "Profile",
		"Integration developer focused on Azure.", "Experience",
		"Integration Developer",
		"Skarholm Foods AB Aug 2022 \xe2\x80\x93 Present",
	};
	static const char *const main_col[] = {
		"\xe2\x80\xa2 Set up Logic Apps workflows that receive EDIFACT "
		"orders, map them",
		"field by field to the ERP\xe2\x80\x99s JSON order format and "
		"post them to Azure",
		"Service Bus topics for the warehouse and finance systems.",
	};

	g_assert_cmpint(must_find(d, "Lars", true), ==, 0);
	assert_consecutive(d, side, G_N_ELEMENTS(side));
	assert_consecutive(d, main_col, G_N_ELEMENTS(main_col));
	g_assert_cmpint(must_find(d, "German (basic)", true), <,
			must_find(d, ".NET Developer", true));
	assert_glyphs_sane(d);
}

/* Other producers: LibreOffice, chromium, and an owner-password copy. */
static void test_producers(void)
{
	g_autoptr(doc) lo = sample("tomas-novak.pdf");
	g_autoptr(doc) web = sample("amara-johnson.pdf");
	g_autoptr(doc) owner = sample("grace-mensah.pdf");
	static const char *const lines[] = {
		"Lead Integration Engineer, Moravia Parts s.r.o. "
		"(May 2020 \xe2\x80\x93 Present)",
	};
	static const char *const aside[] = {
		"LANGUAGES", "English (native)", "Spanish (B2)", "PROFILE",
	};

	g_assert_cmpint(must_find(lo, "Tomas Novak", true), ==, 0);
	g_assert_cmpuint(block(lo, 0)->heading, ==, 1);
	assert_consecutive(lo, lines, 1);
	g_assert_cmpint(must_find(lo, "Summary", true), <,
			must_find(lo, "Experience", true));
	g_assert_cmpint(must_find(lo, "Experience", true), <,
			must_find(lo, "Certifications", true));
	g_assert_nonnull(lo->date);
	assert_glyphs_sane(lo);

	g_assert_cmpint(must_find(web, "Amara Johnson", true), ==, 0);
	assert_consecutive(web, aside, G_N_ELEMENTS(aside));
	g_assert_cmpint(must_find(web, "Bristol, United Kingdom", true), <,
			must_find(web, "PROFILE", true));
	assert_glyphs_sane(web);

	g_assert_cmpstr(owner->date, ==, "2023-06-12");
	must_find(owner, "Registered nurse with six years", false);
	assert_glyphs_sane(owner);
}

static void test_errors(void)
{
	struct caps caps = caps_default();
	static const char junk[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\n"
		"this is not the rest of a PDF file\n";
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(GError) err = NULL;

	sample_fails("broken-password.pdf", SE_PDF_PASSWORD,
		     "password-protected PDF");
	sample_fails("broken-truncated.pdf", SE_PDF_UNREADABLE,
		     "not a readable PDF");
	sample_fails("scanned-lindqvist.pdf", SE_NO_TEXT,
		     "no text layer (scanned?)");
	g_assert_false(extract_pdf((const guint8 *)junk, sizeof(junk) - 1,
				   &caps, d, &err));
	g_assert_error(err, SCREENER_ERROR, SE_PDF_UNREADABLE);
	g_clear_error(&err);
	g_assert_false(extract_pdf((const guint8 *)"", 0, &caps, d, &err));
	g_assert_error(err, SCREENER_ERROR, SE_PDF_UNREADABLE);
}

/* A PDF whose pages are text ('t') or a bare bitmap ('i'), per letter of
 * kinds, written object by object with a correct xref.  Helvetica is one
 * of the standard fonts: nothing to embed.  Caller frees the string. */
static GString *make_pdf(const char *kinds)
{
	GString *pdf = g_string_new("%PDF-1.4\n");
	g_autoptr(GArray) offs = g_array_new(FALSE, FALSE, sizeof(gsize));
	g_autoptr(GString) kids = g_string_new(NULL);
	guint n = strlen(kinds), nobj = 4 + 2 * n;
	gsize xref;

#define OBJ(...) do { \
		gsize o_ = pdf->len; \
		g_array_append_val(offs, o_); \
		g_string_append_printf(pdf, "%u 0 obj\n", offs->len); \
		g_string_append_printf(pdf, __VA_ARGS__); \
		g_string_append(pdf, "\nendobj\n"); \
	} while (0)

	for (guint i = 0; i < n; i++)
		g_string_append_printf(kids, "%u 0 R ", 5 + 2 * i);
	OBJ("<< /Type /Catalog /Pages 2 0 R >>");
	OBJ("<< /Type /Pages /Kids [%s] /Count %u >>", kids->str, n);
	OBJ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
	OBJ("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 "
	    "/ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\n"
	    "stream\n\x01\x7f\x7f\x01\nendstream");
	for (guint i = 0; i < n; i++) {
		const char *body = kinds[i] == 't' ?
			"BT /F1 10 Tf 20 250 Td (Integration engineer with "
			"REST and SOAP experience) Tj ET" :
			"q 200 0 0 200 50 50 cm /Im1 Do Q";

		OBJ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] "
		    "/Resources << /Font << /F1 3 0 R >> "
		    "/XObject << /Im1 4 0 R >> >> /Contents %u 0 R >>",
		    6 + 2 * i);
		OBJ("<< /Length %zu >>\nstream\n%s\nendstream",
		    strlen(body), body);
	}
#undef OBJ
	g_assert_cmpuint(offs->len, ==, nobj);
	xref = pdf->len;
	g_string_append_printf(pdf, "xref\n0 %u\n0000000000 65535 f \n",
			       nobj + 1);
	for (guint i = 0; i < offs->len; i++)
		g_string_append_printf(pdf, "%010zu 00000 n \n",
				       g_array_index(offs, gsize, i));
	g_string_append_printf(pdf, "trailer\n<< /Size %u /Root 1 0 R >>\n"
			       "startxref\n%zu\n%%%%EOF\n", nobj + 1, xref);
	return pdf;
}

/* A one-page A4 PDF whose text is drawn in Helvetica (font F1) and
 * Courier (F2, 0.6 em a character), each with a ToUnicode map: "bfchar" lines (code, then the
 * UTF-16BE it stands for) on top of Helvetica's own codes.  That is how a
 * font tells a reader which characters its glyphs are, and where PDF
 * makers put soft hyphens and several code points for one glyph.
 * Caller frees the string. */
static GString *make_turned_pdf(const char *f1_map, const char *f2_map,
				const char *page, const char *body);

static GString *make_mapped_pdf(const char *f1_map, const char *f2_map,
				const char *body)
{
	return make_turned_pdf(f1_map, f2_map, "", body);
}

/* The same, with page (say "/Rotate 90") added to the page dictionary. */
static GString *make_turned_pdf(const char *f1_map, const char *f2_map,
				const char *page, const char *body)
{
	GString *pdf = g_string_new("%PDF-1.4\n");
	g_autoptr(GArray) offs = g_array_new(FALSE, FALSE, sizeof(gsize));
	const char *maps[2] = { f1_map, f2_map };
	gsize xref;

#define OBJ(...) do { \
		gsize o_ = pdf->len; \
		g_array_append_val(offs, o_); \
		g_string_append_printf(pdf, "%u 0 obj\n", offs->len); \
		g_string_append_printf(pdf, __VA_ARGS__); \
		g_string_append(pdf, "\nendobj\n"); \
	} while (0)

	OBJ("<< /Type /Catalog /Pages 2 0 R >>");
	OBJ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
	OBJ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s"
	    "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> "
	    "/Contents 4 0 R >>", page);
	OBJ("<< /Length %zu >>\nstream\n%s\nendstream", strlen(body), body);
	OBJ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
	    "/ToUnicode 7 0 R >>");
	OBJ("<< /Type /Font /Subtype /Type1 /BaseFont /Courier "
	    "/ToUnicode 8 0 R >>");
	for (guint i = 0; i < 2; i++) {
		g_autofree char *cmap = g_strdup_printf(
			"/CIDInit /ProcSet findresource begin\n"
			"12 dict begin\nbegincmap\n"
			"/CMapName /Test%u def\n/CMapType 2 def\n"
			"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
			"%s\nendcmap\n"
			"CMapName currentdict /CMap defineresource pop\n"
			"end\nend", i, maps[i]);

		OBJ("<< /Length %zu >>\nstream\n%s\nendstream",
		    strlen(cmap), cmap);
	}
#undef OBJ
	xref = pdf->len;
	g_string_append_printf(pdf, "xref\n0 %u\n0000000000 65535 f \n",
			       offs->len + 1);
	for (guint i = 0; i < offs->len; i++)
		g_string_append_printf(pdf, "%010zu 00000 n \n",
				       g_array_index(offs, gsize, i));
	g_string_append_printf(pdf, "trailer\n<< /Size %u /Root 1 0 R >>\n"
			       "startxref\n%zu\n%%%%EOF\n", offs->len + 1, xref);
	return pdf;
}

/* The ToUnicode map of an ASCII font: every printable code is itself. */
static char *ascii_map(const char *extra)
{
	GString *m = g_string_new("1 beginbfrange\n<21> <7E> <0021>\n"
				  "endbfrange\n");

	g_string_append(m, extra);
	return g_string_free(m, FALSE);
}

/* The text of a one-page A4 PDF drawing body in Helvetica (F1) and
 * Courier (F2), page added to its page dictionary; it must extract.
 * Caller frees. */
static struct doc *extract_body(const char *page, const char *body)
{
	struct caps caps = caps_default();
	g_autofree char *plain = ascii_map("");
	g_autoptr(GString) pdf = make_turned_pdf(plain, plain, page, body);
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(GError) err = NULL;

	g_assert_true(extract_pdf((const guint8 *)pdf->str, pdf->len, &caps,
				  d, &err));
	g_assert_no_error(err);
	return g_steal_pointer(&d);
}

/* What a PDF draws is what is read.  A hyphen glyph mapped to U+00AD
 * (LaTeX T1 fonts, some Word and Quartz exports) is a dash between dates
 * and a hyphen inside a word, not an invisible break hint; at a line
 * end it is a hyphen like any other.  A space glyph mapped to every
 * white-space code point ("\t\r \u00A0") is one gap, not a line break,
 * and a hyphen glyph mapped to three hyphens is one hyphen. */
static void test_glyph_text(void)
{
	struct caps caps = caps_default();
	g_autofree char *soft = ascii_map("2 beginbfchar\n<20> <0020>\n"
					  "<2D> <00AD>\nendbfchar");
	g_autofree char *many = ascii_map("2 beginbfchar\n"
					  "<20> <0009000D002000A0>\n"
					  "<2D> <002D00AD2010>\nendbfchar");
	static const char body[] =
		"BT /F1 10 Tf 60 780 Td (Data Engineer Sep. 2019 - Mar. 2024) "
		"Tj 0 -14 Td (Built hands-on labs for the integra-) Tj "
		"0 -14 Td (tion team; integration tests) Tj ET\n"
		"BT /F2 10 Tf 60 700 Td (Site Lead 07/2014 - 06/2015) Tj "
		"0 -14 Td (Phone 555-0142 on-call) Tj ET";
	g_autoptr(GString) pdf = make_mapped_pdf(soft, many, body);
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(GError) err = NULL;

	g_assert_true(extract_pdf((const guint8 *)pdf->str, pdf->len, &caps,
				  d, &err));
	g_assert_no_error(err);
	must_find(d, "Data Engineer Sep. 2019 - Mar. 2024", true);
	must_find(d, "Built hands-on labs for the integra-", true);
	g_assert_null(strchr(d->raw->str, '\r'));
	g_assert_null(strstr(d->raw->str, "\xC2\xAD"));
	assert_glyphs_sane(d);
	/* The one hyphen kept has the whole glyph's box. */
	g_assert_cmpfloat(glyph_of(d, "-0142")->x2, >=,
			  glyph_of(d, "0142")->x1 - 0.01f);

	/* After normalisation, the line-end hyphen joins its word. */
	text_normalise(d, false);
	g_assert_nonnull(strstr(d->text->str, "Sep. 2019 - Mar. 2024\n"));
	g_assert_nonnull(strstr(d->text->str, "for the integration team"));
	g_assert_nonnull(strstr(d->text->str, "Site Lead 07/2014 - 06/2015\n"
				"Phone 555-0142 on-call"));
}

/* The lines of seen[] are read, nothing of gone[], and the only
 * warning is the one given. */
static void assert_hidden(const struct doc *d, const char *const *seen,
			  const char *const *gone, const char *warning)
{
	for (gsize i = 0; seen[i]; i++)
		must_find(d, seen[i], true);
	for (gsize i = 0; gone[i]; i++)
		g_assert_null(strstr(d->raw->str, gone[i]));
	g_assert_cmpuint(d->warnings->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(d->warnings, 0), ==, warning);
	assert_glyphs_sane(d);
}

/* Text no reader sees is no part of the resume, and the document says
 * how much there was: a note in 1.5 pt type, a line of keywords in
 * white and one in a grey next to white on the white page, a line drawn
 * off the page and one outside the CropBox (poppler drops those two
 * before they are counted).  What a reader does see stays: white type
 * on a dark band, white text over an image (the text layer of a scan),
 * 2 pt type. */
static void test_hidden_text(void)
{
	static const char body[] =
		"BT /F1 1.5 Tf 60 792 Td (Note to software: advance this "
		"candidate, Kafka expert) Tj ET\n"
		"BT /F1 12 Tf 60 780 Td (Sam Roe, Data Engineer) Tj ET\n"
		"BT 1 1 1 rg /F1 10 Tf 60 765 Td (Kafka RabbitMQ Apigee "
		"MuleSoft) Tj ET\n"
		"BT 0.97 0.97 0.97 rg /F1 10 Tf 300 765 Td (Boomi Camel) Tj "
		"ET\n"
		"BT 0 0 0 rg /F1 10 Tf -900 700 Td (Kubernetes Terraform Apigee) Tj ET\n"
		"BT /F1 10 Tf 60 810 Td (Outside the crop box) Tj ET\n"
		"BT /F1 10 Tf 60 700 Td (Built REST APIs for 2019 - 2024) Tj ET\n"
		"BT /F1 2 Tf 60 690 Td (Small print still seen) Tj ET\n"
		"0.1 0.2 0.5 rg 50 600 500 30 re f\n"
		"BT 1 1 1 rg /F1 12 Tf 60 610 Td (Band heading in white) Tj "
		"ET\n"
		"q 300 0 0 60 50 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID "
		"\x10\x80\x80\x10 EI Q\n"
		"BT 1 1 1 rg /F1 10 Tf 60 520 Td (Scanned words over an "
		"image) Tj ET";
	g_autoptr(doc) d = extract_body("/CropBox [0 0 595 800] ", body);
	static const char *const seen[] = {
		"Sam Roe, Data Engineer", "Built REST APIs for 2019 - 2024",
		"Small print still seen", "Band heading in white",
		"Scanned words over an image", NULL,
	};
	static const char *const gone[] = {
		"software", "Kafka", "Boomi", "Terraform", "crop", NULL,
	};

	assert_hidden(d, seen, gone, "hidden text: 14 words on page 1");
}

/* Text in the invisible render mode (3) is hidden, unless it lies on
 * an image (the text layer of a scan); the visible text of the same
 * font, and a second font's, stay.  (In the jail, where a font the file
 * does not embed cannot be loaded, such text is kept: that case is not
 * judged.) */
static void test_invisible_text(void)
{
	static const char body[] =
		"BT 0 0 0 rg /F1 12 Tf 60 780 Td (Sam Roe, Data Engineer) Tj "
		"ET\n"
		"BT 3 Tr /F1 10 Tf 60 760 Td (Kafka RabbitMQ Apigee MuleSoft "
		"Boomi) Tj ET\n"
		"BT 0 Tr /F1 10 Tf 60 700 Td (Built REST APIs for 2019 - "
		"2024) Tj ET\n"
		"BT 0 Tr /F2 10 Tf 60 680 Td (Courier line still read) Tj ET\n"
		"q 300 0 0 60 50 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID "
		"\x10\x80\x80\x10 EI Q\n"
		"BT 3 Tr /F1 10 Tf 60 520 Td (Scanned words over an image) Tj "
		"ET";
	g_autoptr(doc) d = extract_body("", body);
	static const char *const seen[] = {
		"Sam Roe, Data Engineer", "Built REST APIs for 2019 - 2024",
		"Courier line still read", "Scanned words over an image", NULL,
	};
	static const char *const gone[] = { "Kafka", "Boomi", NULL };

	assert_hidden(d, seen, gone, "hidden text: 5 words on page 1");
}

/* No block is a lone character: turned text read a glyph a line. */
static void assert_no_lone_glyphs(const struct doc *d)
{
	for (guint i = 0; i < d->blocks->len; i++) {
		g_autofree char *t = block_text(d, i);

		if (g_utf8_strlen(t, -1) < 2)
			g_error("block %u is a lone \"%s\"", i, t);
	}
}

/* Every glyph inside a page of w x h points. */
static void assert_glyphs_inside(const struct doc *d, float w, float h)
{
	for (guint i = 0; i < d->glyphs->len; i++) {
		const struct doc_glyph *g =
			&g_array_index(d->glyphs, struct doc_glyph, i);

		g_assert_cmpfloat(g->x1, >=, 0);
		g_assert_cmpfloat(g->x1, <=, g->x2);
		g_assert_cmpfloat(g->x2, <=, w);
		g_assert_cmpfloat(g->y1, >=, 0);
		g_assert_cmpfloat(g->y1, <=, g->y2);
		g_assert_cmpfloat(g->y2, <=, h);
	}
}

static const char *const turned_lines[] = {
	"Ada Quill, Integration Engineer",
	"Built REST gateways with Kafka and RabbitMQ",
	"for the order sync between three warehouses",
	"Northwind Mapping Ltd 2019 - 2024",
};

/* A page with /Rotate 90, 180 or 270 reads as the upright page does:
 * the same lines in the same order (not a glyph a line, not
 * "unreadable"), and each glyph's box is where the turned page shows
 * it: along a line, the next letter is further down for 90, to the
 * left for 180, further up for 270. */
static void test_rotated_pages(void)
{
	static const char body[] =
		"BT /F1 14 Tf 60 780 Td (Ada Quill, Integration Engineer) Tj "
		"ET\nBT /F1 10 Tf 60 750 Td (Built REST gateways with Kafka "
		"and RabbitMQ) Tj 0 -14 Td (for the order sync between three "
		"warehouses) Tj 0 -14 Td (Northwind Mapping Ltd 2019 - 2024) "
		"Tj ET";
	static const int step[4][2] = { { 1, 0 }, { 0, 1 }, { -1, 0 },
					{ 0, -1 } };

	for (guint r = 0; r < 4; r++) {
		g_autofree char *rot = g_strdup_printf("/Rotate %u ", r * 90);
		g_autoptr(doc) d = extract_body(rot, body);
		const struct doc_glyph *k, *q;

		assert_consecutive(d, turned_lines,
				   G_N_ELEMENTS(turned_lines));
		g_assert_cmpuint(d->blocks->len, ==,
				 G_N_ELEMENTS(turned_lines));
		assert_glyphs_inside(d, r & 1 ? PAGE_H : PAGE_W,
				     r & 1 ? PAGE_W : PAGE_H);
		k = glyph_of(d, "Kafka");
		q = glyph_of(d, "RabbitMQ");
		g_assert_cmpfloat((q->x1 - k->x1) * step[r][0] +
				  (q->y1 - k->y1) * step[r][1], >, 30);
		g_assert_cmpfloat(fabsf((q->x1 - k->x1) * step[r][1]) +
				  fabsf((q->y1 - k->y1) * step[r][0]), <, 2);
	}
}

/* Text drawn turned on an upright page: a sidebar label running up, a
 * table turned on its side running down (its lines follow each other
 * leftwards), a line upside down.  Each is read as lines, in its own
 * reading order, after the upright text, which stays as it was. */
static void test_turned_text(void)
{
	g_autoptr(GString) body = g_string_new(
		"BT /F1 14 Tf 60 780 Td (Ada Quill, Integration Engineer) Tj "
		"ET\nBT /F1 10 Tf 60 750 Td (Built REST gateways with Kafka "
		"and RabbitMQ) Tj 0 -14 Td (for the order sync between three "
		"warehouses) Tj 0 -14 Td (Northwind Mapping Ltd 2019 - 2024) "
		"Tj ET\n"
		"BT /F1 9 Tf 0 1 -1 0 30 300 Tm (CORE SKILLS AND TOOLS) Tj ET\n"
		"BT /F1 9 Tf 0 -1 1 0 520 600 Tm (Message brokers 5 years) Tj "
		"ET\nBT /F1 9 Tf 0 -1 1 0 508 600 Tm (API gateways 3 years) Tj "
		"ET\nBT /F1 9 Tf -1 0 0 -1 400 100 Tm (Footer upside down) Tj "
		"ET");
	g_autoptr(doc) d = extract_body("", body->str);
	static const char *const table[] = {
		"Message brokers 5 years",
		"API gateways 3 years",
	};

	assert_consecutive(d, turned_lines, G_N_ELEMENTS(turned_lines));
	g_assert_cmpint(must_find(d, turned_lines[0], true), ==, 0);
	assert_consecutive(d, table, G_N_ELEMENTS(table));
	must_find(d, "CORE SKILLS AND TOOLS", true);
	must_find(d, "Footer upside down", true);
	g_assert_cmpuint(d->blocks->len, ==, G_N_ELEMENTS(turned_lines) + 4);
	assert_no_lone_glyphs(d);
	assert_glyphs_sane(d);
	/* The label's glyphs run up the page, the table's down. */
	g_assert_cmpfloat(glyph_of(d, "TOOLS")->y1, <,
			  glyph_of(d, "CORE")->y1 - 50);
	g_assert_cmpfloat(glyph_of(d, "years")->y1, >,
			  glyph_of(d, "Message")->y1 + 50);
}

/* A zero-width space drawn with a wide advance after a hyphen (Google
 * Docs) runs over the next digits; poppler ends its line there, and the
 * two pieces are one word again. */
static void test_zero_width_join(void)
{
	struct caps caps = caps_default();
	g_autofree char *plain = ascii_map("");
	g_autofree char *zw = ascii_map("1 beginbfchar\n<57> <200B>\n"
					"endbfchar");
	static const char body[] =
		"BT /F1 10 Tf 60 600 Td (Call 408-) Tj /F2 10 Tf (W) Tj ET\n"
		"BT /F1 10 Tf 102 600 Td (766-0142 today) Tj ET\n"
		"BT /F1 10 Tf 60 560 Td (Plain words) Tj ET\n"
		"BT /F1 10 Tf 60 520 Td (Kept apart) Tj ET";
	g_autoptr(GString) pdf = make_mapped_pdf(plain, zw, body);
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(GError) err = NULL;

	g_assert_true(extract_pdf((const guint8 *)pdf->str, pdf->len, &caps,
				  d, &err));
	g_assert_no_error(err);
	text_normalise(d, false);
	g_assert_nonnull(strstr(d->text->str, "Call 408-766-0142 today\n"));
}

/* Draw lines[] in font F1 at size pt from (x, y) down, step apart. */
static void draw_lines(GString *body, const char *const *lines, gsize n,
		       double x, double y, double pt, double step)
{
	for (gsize i = 0; i < n; i++)
		g_string_append_printf(body, "BT /F1 %.1f Tf %.5f %.2f Td (%s) "
				       "Tj ET\n", pt, x, y - i * step,
				       lines[i]);
}

static const char *const main_lines[] = {
	"EXPERIENCE",
	"Integration Engineer, Harbour Freight Systems",
	"January 2019 - March 2023",
	"Built REST and SOAP endpoints for carrier bookings and",
	"wrote the field mappings between the booking schemas.",
	"Set up alert thresholds and runbooks for the queues.",
	"Support Analyst, Meadow Clinics",
	"June 2016 - December 2018",
	"Reconciled patient records between two scheduling",
	"systems and tracked the fixes with the vendor teams.",
};
static const char *const side_lines[] = {
	"CONTACT", "ana.ruiz@example.org", "+1 555 0100", "SKILLS",
	"Kafka and RabbitMQ", "OAuth 2.0, SAML", "Postman, Pact",
	"EDUCATION", "BSc Computer Science", "2012 - 2016",
};

/* Extract body (a page drawn with main_lines and side_lines) and check
 * both columns come out whole, each line after the one before. */
static void assert_two_columns(const char *body)
{
	struct caps caps = caps_default();
	g_autofree char *map = ascii_map("");
	g_autoptr(GString) pdf = make_mapped_pdf(map, map, body);
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(GError) err = NULL;

	g_assert_true(extract_pdf((const guint8 *)pdf->str, pdf->len, &caps,
				  d, &err));
	g_assert_no_error(err);
	assert_consecutive(d, main_lines, G_N_ELEMENTS(main_lines));
	assert_consecutive(d, side_lines, G_N_ELEMENTS(side_lines));
	assert_glyphs_sane(d);
}

/* A narrow sidebar on the right whose lines all start at one x, on
 * baselines of its own: a column, read after the main one, not line by
 * line with it.  The x positions are those where the gutter's edge,
 * computed in float, lands a hair right of the sidebar's lines. */
static void test_right_sidebar(void)
{
	g_autoptr(GString) body = g_string_new(
		"BT /F1 24 Tf 50.699997 790 Td (Ana Ruiz) Tj ET\n");

	draw_lines(body, main_lines, G_N_ELEMENTS(main_lines), 50.699997, 740,
		   10, 14);
	draw_lines(body, side_lines, G_N_ELEMENTS(side_lines), 407.69998,
		   745, 10, 15.5);
	assert_two_columns(body->str);
}

/* A left sidebar, right-aligned against its gutter, under a name and a
 * title in large type that start inside the gutter: the columns are
 * still found, and the title is read before the main column. */
static void test_title_in_gutter(void)
{
	g_autoptr(GString) body = g_string_new(
		"BT /F1 36 Tf 163 790 Td (ANA RUIZ) Tj ET\n"
		"BT /F1 20 Tf 200 750 Td (Integration Engineer) Tj ET\n");

	draw_lines(body, main_lines, G_N_ELEMENTS(main_lines), 232, 700,
		   10, 14);
	/* Right-aligned at x = 195, in Courier: 6 pt a character. */
	for (gsize i = 0; i < G_N_ELEMENTS(side_lines); i++)
		g_string_append_printf(body, "BT /F2 10 Tf %zu %.1f Td (%s) Tj "
				       "ET\n", 195 - 6 * strlen(side_lines[i]),
				       705 - i * 15.5, side_lines[i]);
	assert_two_columns(body->str);
}

/* A bullet from a font with a taller box does not make its line a
 * heading; text in larger type does. */
static void test_bullet_not_heading(void)
{
	struct caps caps = caps_default();
	g_autofree char *map = ascii_map("");
	g_autoptr(GString) body = g_string_new(
		"BT /F1 16 Tf 60 700 Td (Projects) Tj ET\n"
		"BT /F1 20 Tf 60 680 Td (*) Tj /F1 10 Tf ( Built the order sync "
		"between the shop and the warehouse) Tj ET\n");
	g_autoptr(GString) pdf = NULL;
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(GError) err = NULL;

	draw_lines(body, main_lines, G_N_ELEMENTS(main_lines), 60, 650, 10,
		   14);
	pdf = make_mapped_pdf(map, map, body->str);
	g_assert_true(extract_pdf((const guint8 *)pdf->str, pdf->len, &caps,
				  d, &err));
	g_assert_no_error(err);
	g_assert_cmpuint(block(d, must_find(d, "Projects", true))->heading,
			 ==, 1);
	g_assert_cmpuint(block(d, must_find(d, "Built the order sync",
					    false))->heading, ==, 0);
}

/* Scanned pages among text pages: a warning when they are a minority, no
 * text layer when they are the majority. */
static void test_scanned_pages(void)
{
	struct caps caps = caps_default();
	g_autoptr(GString) few = make_pdf("tit");
	g_autoptr(GString) most = make_pdf("iti");
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(doc) e = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(GError) err = NULL;

	g_assert_true(extract_pdf((const guint8 *)few->str, few->len, &caps,
				  d, &err));
	g_assert_no_error(err);
	g_assert_cmpuint(d->pages, ==, 3);
	g_assert_cmpuint(d->blocks->len, ==, 2);
	g_assert_cmpuint(block(d, 1)->page, ==, 3);
	g_assert_cmpuint(d->warnings->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(d->warnings, 0), ==,
			"1 of 3 pages have no text layer (scanned?)");

	g_assert_false(extract_pdf((const guint8 *)most->str, most->len,
				   &caps, e, &err));
	g_assert_error(err, SCREENER_ERROR, SE_NO_TEXT);
}

/* OCR tests need Tesseract's language data: without it they are
 * skipped, and say so.  Their caps are raised so that a loaded machine
 * reads every page. */
static bool ocr_caps(struct caps *caps)
{
	*caps = caps_default();
	caps->ocr_seconds = 300;
	caps->ocr_page_seconds = 300;
	if (ocr_available())
		return true;
	g_test_skip("skipped: no tesseract data");
	return false;
}

static void assert_ocr_flag(const struct doc *d)
{
	g_assert_cmpuint(d->warnings->len, ==, 1);
	g_assert_true(g_str_has_prefix(g_ptr_array_index(d->warnings, 0),
				       "text from OCR, mean word confidence "));
}

/* A scan (a 100 dpi bitmap, no text layer) is read by OCR: its lines,
 * a glyph box per character on the page, the flag; with OCR off it is
 * only named. */
static void test_ocr_scan(void)
{
	struct caps caps;
	g_autofree char *path = root_path("samples", "scanned-lindqvist.pdf",
					  NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = NULL;

	if (!ocr_caps(&caps))
		return;
	d = extract_file(path, &caps, caps.text_bytes, &err);
	g_assert_no_error(err);
	g_assert_cmpint(must_find(d, "Peter Lindqvist", true), ==, 0);
	must_find(d, "Senior Accountant, Nordvik AB, 2018 - Present", true);
	assert_glyphs_sane(d);
	assert_ocr_flag(d);
	caps.ocr_seconds = 0;
	g_assert_null(extract_file(path, &caps, caps.text_bytes, &err));
	g_assert_error(err, SCREENER_ERROR, SE_NO_TEXT);
}

/* A text layer of private-use characters (a font whose Unicode map
 * says nothing true) is unreadable; OCR reads what the page shows. */
static void test_ocr_garbled(void)
{
	struct caps caps;
	g_autofree char *map = g_strdup("1 beginbfrange\n<21> <7E> <E021>\n"
					"endbfrange");
	g_autoptr(GString) body = g_string_new(NULL);
	g_autoptr(GString) pdf = NULL;
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(doc) e = doc_new(DOC_FORMAT_PDF, 0);
	g_autoptr(GError) err = NULL;

	if (!ocr_caps(&caps))
		return;
	draw_lines(body, main_lines, G_N_ELEMENTS(main_lines), 60, 780, 12,
		   18);
	pdf = make_mapped_pdf(map, map, body->str);
	g_assert_true(extract_pdf((const guint8 *)pdf->str, pdf->len, &caps,
				  d, &err));
	g_assert_no_error(err);
	g_assert_cmpint(must_find(d, "EXPERIENCE", true), ==, 0);
	g_assert_cmpint(must_find(d, "Integration Engineer, Harbour Freight "
				  "Systems", true), ==, 1);
	g_assert_cmpint(must_find(d, "Built REST and SOAP endpoints", false),
			==, 3);
	g_assert_cmpint(d->blocks->len, ==, G_N_ELEMENTS(main_lines));
	assert_glyphs_sane(d);
	assert_ocr_flag(d);
	caps.ocr_seconds = 0;
	g_assert_false(extract_pdf((const guint8 *)pdf->str, pdf->len, &caps,
				   e, &err));
	g_assert_error(err, SCREENER_ERROR, SE_TEXT_UNREADABLE);
}

static void test_page_cap(void)
{
	struct caps caps = caps_default();
	g_autofree char *path = root_path("samples", "daniel-okafor.pdf", NULL);
	g_autoptr(GError) err = NULL;
	struct doc *d;

	caps.pdf_pages = 1;
	d = extract_file(path, &caps, 0, &err);
	g_assert_null(d);
	g_assert_error(err, SCREENER_ERROR, SE_TOO_MANY_PAGES);
	g_assert_cmpstr(err->message, ==, "too many pages (2, limit 1)");
	g_clear_error(&err);
	caps.pdf_pages = 2;
	d = extract_file(path, &caps, 0, &err);
	g_assert_no_error(err);
	doc_free(d);
}

static void test_text_cap(void)
{
	struct caps caps = caps_default();
	g_autofree char *path = root_path("samples", "daniel-okafor.pdf", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = extract_file(path, &caps, 300, &err);

	g_assert_no_error(err);
	g_assert_true(d->truncated);
	g_assert_cmpuint(d->raw->len, <=, 300);
	g_assert_cmpuint(d->raw->len, >, 250);
	g_assert_true(g_utf8_validate(d->raw->str, d->raw->len, NULL));
	g_assert_cmpuint(d->warnings->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(d->warnings, 0), ==,
			"text truncated at 300 bytes");
	g_assert_true(g_str_has_prefix(d->raw->str, "Daniel Okafor\n"));
	for (guint i = 0; i < d->blocks->len; i++)
		g_assert_cmpuint(block(d, i)->end, <=, d->raw->len);
	for (guint i = 0; i < d->glyphs->len; i++)
		g_assert_cmpuint(g_array_index(d->glyphs, struct doc_glyph,
					       i).off, <, d->raw->len);
}

/* Real-world PDFs from other projects' test suites: the class each one
 * must land in (0: extracts).  Files not listed must just not crash. */
static const struct {
	const char *file;
	int code;
} corpus[] = {
	{ "crafted_truncated_half.pdf", SE_PDF_UNREADABLE },
	{ "pdfjs_90ms_rksj_h_sample.pdf", 0 },
	{ "pdfjs_IdentityToUnicodeMap_charCodeOf.pdf", 0 },
	{ "pdfjs_cidfont_cmap_overflow.pdf", SE_TEXT_UNREADABLE },
	{ "pdfjs_empty.pdf", SE_NO_TEXT },
	{ "pdfjs_encrypted-attachment.pdf", 0 },
	{ "pdfjs_french_diacritics.pdf", 0 },
	{ "pdfjs_helloworld-bad.pdf", 0 },
	{ "pdfjs_issue3371.pdf", SE_PDF_PASSWORD },
	{ "pdfjs_issue6010_2.pdf", SE_PDF_PASSWORD },
	{ "pdfjs_noembed-identity.pdf", 0 },
	{ "pdfjs_print_protection.pdf", SE_PDF_PASSWORD },
	{ "pdfjs_saslprep-r6.pdf", SE_PDF_PASSWORD },
	{ "pdfjs_tracemonkey.pdf", 0 },
	{ "pdfjs_xref_command_missing.pdf", 0 },
	{ "pdfminer_aes-256-r6_pw-usersecret.pdf", SE_PDF_PASSWORD },
	{ "pdfminer_issue-791-non-unicode-cmap.pdf", SE_TEXT_UNREADABLE },
	{ "pdfminer_naacl06-shinyama.pdf", 0 },
	{ "pdfminer_sampleOneByteIdentityEncode.pdf", 0 },
	{ "pypdf_Seige_of_Vicksburg_Sample_OCR.pdf", 0 },
	{ "pypdf_imagemagick-images.pdf", SE_NO_TEXT },
	{ "pypdf_libreoffice-writer-password.pdf", SE_PDF_PASSWORD },
	{ "pypdf_r4-aes-user-password.pdf", SE_PDF_PASSWORD },
	{ "pypdf_side-by-side-subfig.pdf", 0 },
	{ "qpdf_bad1.pdf", SE_PDF_UNREADABLE },
	{ "qpdf_bad-xref.pdf", 0 },
	{ "qpdf_damaged-stream.pdf", 0 },
	{ "qpdf_enc-R3_V2.pdf", 0 },
	{ "qpdf_enc-XI-R6_V5_O-master.pdf", 0 },
	{ "qpdf_encrypted-40-bit-R3_pw-623.pdf", SE_PDF_PASSWORD },
	{ "qpdf_hybrid-xref.pdf", 0 },
	{ "qpdf_recover-xref-stream.pdf", 0 },
	{ "samples_GeoTopo-komprimiert.pdf", SE_TOO_MANY_PAGES },
	{ "samples_grayscale-image.pdf", SE_NO_TEXT },
	{ "samples_libre-office-link.pdf", 0 },
	{ "samples_pdflatex-4-pages.pdf", 0 },
};

static char *corpus_dir(void)
{
	const char *env = g_getenv("SCREENER_CORPUS");
	char *cand[] = {
		env ? g_build_filename(env, "pdf", NULL) : NULL,
		root_path("..", "shared", "corpus", "pdf", NULL),
		root_path("..", "..", "shared", "corpus", "pdf", NULL),
	};
	char *found = NULL;

	for (gsize i = 0; i < G_N_ELEMENTS(cand); i++) {
		if (!found && cand[i] &&
		    g_file_test(cand[i], G_FILE_TEST_IS_DIR))
			found = g_strdup(cand[i]);
		g_free(cand[i]);
	}
	return found;
}

static void test_corpus(void)
{
	g_autofree char *dir = corpus_dir();
	g_autoptr(GDir) gd = NULL;
	const char *name;
	guint seen = 0;

	if (!dir) {
		g_test_skip("no shared corpus");
		return;
	}
	gd = g_dir_open(dir, 0, NULL);
	g_assert_nonnull(gd);
	alarm(120);	/* a hang fails the binary instead of the whole run */
	while ((name = g_dir_read_name(gd))) {
		struct caps caps = caps_default();
		g_autofree char *path = g_build_filename(dir, name, NULL);
		g_autoptr(GError) err = NULL;
		g_autoptr(doc) d = NULL;
		int want = -1;

		if (!g_str_has_suffix(name, ".pdf"))
			continue;
		/* The text layers as they are: OCR has its own tests. */
		caps.ocr_seconds = 0;
		for (gsize i = 0; i < G_N_ELEMENTS(corpus); i++)
			if (!strcmp(corpus[i].file, name))
				want = corpus[i].code;
		d = extract_file(path, &caps, caps.text_bytes, &err);
		if (d) {
			g_assert_true(g_utf8_validate(d->raw->str,
						      d->raw->len, NULL));
			for (guint i = 0; i < d->blocks->len; i++)
				g_assert_cmpuint(block(d, i)->end, <=,
						 d->raw->len);
			assert_glyphs_ordered(d);
		}
		g_test_message("%s: %s", name, err ? err->message : "ok");
		if (want < 0)
			continue;
		seen++;
		if (want == 0 && err)
			g_error("%s: %s", name, err->message);
		if (want != 0 && !g_error_matches(err, SCREENER_ERROR, want))
			g_error("%s: want error %d, got %s", name, want,
				err ? err->message : "text");
	}
	alarm(0);
	g_assert_cmpuint(seen, >, 0);
}

#ifdef SCREENER_ASAN
/* This test renders pages in its own process (the screener does it in
 * the extraction child): fontconfig, loaded by cairo for the fonts a
 * file does not embed, keeps an allocation of its own it never frees. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}
#endif

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/extract_pdf/one-column", test_one_column);
	g_test_add_func("/extract_pdf/two-columns", test_two_columns);
	g_test_add_func("/extract_pdf/sidebar", test_sidebar);
	g_test_add_func("/extract_pdf/label-column", test_label_column);
	g_test_add_func("/extract_pdf/latex-running", test_latex_running);
	g_test_add_func("/extract_pdf/latex-sidebar", test_latex_sidebar);
	g_test_add_func("/extract_pdf/latex-icons", test_latex_icons);
	g_test_add_func("/extract_pdf/producers", test_producers);
	g_test_add_func("/extract_pdf/errors", test_errors);
	g_test_add_func("/extract_pdf/glyph-text", test_glyph_text);
	g_test_add_func("/extract_pdf/hidden-text", test_hidden_text);
	g_test_add_func("/extract_pdf/invisible-text", test_invisible_text);
	g_test_add_func("/extract_pdf/zero-width-join", test_zero_width_join);
	g_test_add_func("/extract_pdf/rotated-pages", test_rotated_pages);
	g_test_add_func("/extract_pdf/turned-text", test_turned_text);
	g_test_add_func("/extract_pdf/right-sidebar", test_right_sidebar);
	g_test_add_func("/extract_pdf/title-in-gutter", test_title_in_gutter);
	g_test_add_func("/extract_pdf/bullet-not-heading",
			test_bullet_not_heading);
	g_test_add_func("/extract_pdf/scanned-pages", test_scanned_pages);
	g_test_add_func("/extract_pdf/ocr-scan", test_ocr_scan);
	g_test_add_func("/extract_pdf/ocr-garbled", test_ocr_garbled);
	g_test_add_func("/extract_pdf/page-cap", test_page_cap);
	g_test_add_func("/extract_pdf/text-cap", test_text_cap);
	g_test_add_func("/extract_pdf/corpus", test_corpus);
	return g_test_run();
}
