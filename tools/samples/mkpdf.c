/*
 * mkpdf.c - writes the cairo-made sample resumes in samples/ (make
 * samples-pdf).  Not part of the program or the tests: the PDFs it makes
 * are committed, and tests read those.
 *
 * Three layouts a PDF extractor must read in order: one column with dates
 * right-aligned on the job line, two text columns under a full-width
 * header, and a narrow sidebar whose lines sit at the same heights as the
 * main column's.  The text carries ligature characters (U+FB01, U+FB02),
 * en and em dashes and two kinds of bullets on purpose.
 *
 *   cc -o mkpdf mkpdf.c $(pkg-config --cflags --libs cairo) && ./mkpdf DIR
 */
#include <cairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <string.h>

#define PAGE_W	595.0	/* A4 */
#define PAGE_H	842.0

struct pen {
	cairo_t *cr;
	double x, y, w;		/* left edge, baseline, column width */
	double size, lead;	/* font size, line advance */
	int bold;
};

static void font(struct pen *p, int bold, double size)
{
	p->bold = bold;
	p->size = size;
	p->lead = size * 1.35;
	cairo_select_font_face(p->cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
			       bold ? CAIRO_FONT_WEIGHT_BOLD :
			       CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(p->cr, size);
}

static double width_of(struct pen *p, const char *s)
{
	cairo_text_extents_t e;

	cairo_text_extents(p->cr, s, &e);
	return e.x_advance;
}

static void show_at(struct pen *p, double x, const char *s)
{
	cairo_move_to(p->cr, x, p->y);
	cairo_show_text(p->cr, s);
}

/* One paragraph, word-wrapped to the pen's column, indented by indent. */
static void para(struct pen *p, double indent, const char *text)
{
	char line[512] = "", word[128];
	const char *s = text;

	p->y += p->lead;
	while (*s) {
		size_t n = strcspn(s, " ");
		char trial[640];

		snprintf(word, sizeof(word), "%.*s", (int)n, s);
		s += n;
		while (*s == ' ')
			s++;
		snprintf(trial, sizeof(trial), "%s%s%s", line,
			 *line ? " " : "", word);
		if (*line && width_of(p, trial) > p->w - indent) {
			show_at(p, p->x + indent, line);
			p->y += p->lead;
			snprintf(line, sizeof(line), "%s", word);
		} else {
			snprintf(line, sizeof(line), "%.500s", trial);
		}
	}
	if (*line)
		show_at(p, p->x + indent, line);
}

/* A line with text on the left and right-aligned text on the right. */
static void two_ends(struct pen *p, const char *left, const char *right)
{
	p->y += p->lead;
	show_at(p, p->x, left);
	show_at(p, p->x + p->w - width_of(p, right), right);
}

static void heading(struct pen *p, const char *s)
{
	font(p, 1, 12.5);
	p->y += 6;
	para(p, 0, s);
	font(p, 0, 9.5);
}

static void bullet(struct pen *p, const char *mark, const char *s)
{
	double first = p->y + p->lead;

	para(p, 12, s);
	cairo_move_to(p->cr, p->x + 2, first);
	cairo_show_text(p->cr, mark);
}

static cairo_surface_t *surface(const char *dir, const char *name,
				const char *title, const char *created,
				const char *modified)
{
	char path[512];
	cairo_surface_t *s;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	s = cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
				       "mkpdf (cairo)");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
				       created);
	if (modified)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE,
					       modified);
	return s;
}

static void finish(cairo_surface_t *s, cairo_t *cr)
{
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
}

static cairo_t *start(cairo_surface_t *s, struct pen *p, double x, double w)
{
	cairo_t *cr = cairo_create(s);

	cairo_set_source_rgb(cr, 0, 0, 0);
	*p = (struct pen){ .cr = cr, .x = x, .y = 40, .w = w };
	return cr;
}

/* One column; dates right-aligned on each job line. */
static void one_column(const char *dir)
{
	cairo_surface_t *s = surface(dir, "daniel-okafor.pdf",
				     "Daniel Okafor - Integration Engineer",
				     "2024-01-10T09:30:00Z",
				     "2024-02-20T16:05:00Z");
	struct pen p;
	cairo_t *cr = start(s, &p, 56, PAGE_W - 112);

	font(&p, 1, 22);
	para(&p, 0, "Daniel Okafor");
	font(&p, 0, 9.5);
	para(&p, 0, "Integration Engineer \xe2\x80\x94 Leeds, United Kingdom");
	para(&p, 0, "daniel.okafor@example.org \xc2\xb7 +44 7700 900418 \xc2\xb7 "
	     "linkedin.com/in/danielokafor");
	heading(&p, "Summary");
	para(&p, 0, "Integration engineer with seven years of experience "
	     "connecting ERP, CRM and logistics platforms through REST and "
	     "SOAP APIs. Designs \xef\xac\x81" "eld mappings, OAuth 2.0 "
	     "authentication \xef\xac\x82" "ows and monitoring that keeps "
	     "data moving between systems.");
	heading(&p, "Experience");
	font(&p, 1, 9.5);
	two_ends(&p, "Senior Integration Engineer, Northwind Logistics",
		 "Mar 2019 \xe2\x80\x93 Present");
	font(&p, 0, 9.5);
	bullet(&p, "\xe2\x80\xa2", "Built 40+ REST and SOAP endpoints in MuleSoft "
	       "Anypoint with OAuth 2.0 client-credentials \xef\xac\x82" "ows.");
	bullet(&p, "\xe2\x80\xa2", "Wrote runbooks, health checks and alert "
	       "thresholds in Datadog; owned the escalation matrix for "
	       "carrier handoffs.");
	bullet(&p, "\xe2\x80\xa2", "Mapped and validated EDI 214 and JSON payloads "
	       "between SAP and the warehouse system with no data loss.");
	font(&p, 1, 9.5);
	two_ends(&p, "Integration Developer, Bramley Retail Group",
		 "Jun 2016 \xe2\x80\x93 Feb 2019");
	font(&p, 0, 9.5);
	bullet(&p, "\xe2\x80\xa2", "Ran alignment sessions with product owners and "
	       "tracked dependencies across six teams in Jira.");
	bullet(&p, "\xe2\x80\xa2", "Built mock endpoints in WireMock and automated "
	       "Postman test suites for every integration release.");
	heading(&p, "Education");
	two_ends(&p, "BSc Computer Science, University of Leeds",
		 "2012 \xe2\x80\x93 2016");
	heading(&p, "Certi\xef\xac\x81" "cations");
	bullet(&p, "\xe2\x80\xa2", "MuleSoft Certi\xef\xac\x81" "ed Developer "
	       "\xe2\x80\x93 Level 1 (2020)");
	bullet(&p, "\xe2\x80\xa2", "AWS Certi\xef\xac\x81" "ed Solutions Architect "
	       "\xe2\x80\x93 Associate (2022)");
	heading(&p, "Skills");
	para(&p, 0, "REST, SOAP, OpenAPI, MuleSoft, Dell Boomi, Kafka, SQL, "
	     "Python, Java, Postman, WireMock, Datadog, Jira");

	/* A second page, so page numbers and the page cap can be seen. */
	cairo_show_page(cr);
	p.y = 40;
	heading(&p, "Projects");
	bullet(&p, "\xe2\x96\xaa", "Carrier onboarding kit: a reusable Anypoint "
	       "template with OpenAPI specs, mock endpoints and a Postman "
	       "collection; new carriers go live in two weeks instead of six.");
	bullet(&p, "\xe2\x96\xaa", "Payload validation library: JSON Schema and "
	       "XSD checks shared by twelve integrations, with reconciliation "
	       "reports sent to the data owners every morning.");
	heading(&p, "Languages");
	para(&p, 0, "English (native), Yoruba (native), French (B1)");
	finish(s, cr);
}

/* Two text columns under a full-width header, like a LaTeX article. */
static void two_columns(const char *dir)
{
	cairo_surface_t *s = surface(dir, "sofia-marchetti.pdf",
				     "Sofia Marchetti - Curriculum Vitae",
				     "2023-11-05T08:00:00+01:00", NULL);
	const double colw = (PAGE_W - 112 - 24) / 2;
	struct pen p;
	cairo_t *cr = start(s, &p, 56, PAGE_W - 112);
	double top;

	font(&p, 1, 20);
	para(&p, 0, "Sofia Marchetti");
	font(&p, 0, 9.5);
	para(&p, 0, "Systems Integration Engineer \xc2\xb7 Turin, Italy \xc2\xb7 "
	     "sofia.marchetti@example.com \xc2\xb7 +39 011 555 0192");
	top = p.y + 8;
	p.w = colw;
	heading(&p, "Pro\xef\xac\x81le");
	para(&p, 0, "Systems integration engineer who joins payment, "
	     "banking and insurance platforms. I design interface "
	     "contracts, transform and validate payloads, and make "
	     "handoffs between systems observable with health checks "
	     "and clear runbooks. Comfortable leading alignment "
	     "sessions between business analysts and developers.");
	heading(&p, "Experience");
	font(&p, 1, 9.5);
	para(&p, 0, "Integration Engineer, Banca Sabauda");
	font(&p, 0, 9.5);
	para(&p, 0, "January 2020 \xe2\x80\x94 present");
	bullet(&p, "\xe2\x96\xaa", "Set up SOAP and REST endpoints on IBM App Connect "
	       "with mutual TLS and OAuth authentication.");
	bullet(&p, "\xe2\x96\xaa", "De\xef\xac\x81ned XSLT and JSONata transformations "
	       "for SEPA payment messages; added schema validation and "
	       "reconciliation reports to protect data integrity.");
	bullet(&p, "\xe2\x96\xaa", "Wrote escalation matrices and on-call runbooks "
	       "for twelve interfaces.");
	font(&p, 1, 9.5);
	para(&p, 0, "Software Developer, Assicura Digitale");
	font(&p, 0, 9.5);
	para(&p, 0, "September 2016 \xe2\x80\x94 December 2019");
	bullet(&p, "\xe2\x96\xaa", "Built mock endpoints and contract tests for the "
	       "policy administration APIs.");

	/* Second column, from the top again. */
	p.x = 56 + colw + 24;
	p.y = top;
	heading(&p, "Education");
	para(&p, 0, "MSc Computer Engineering, Politecnico di Torino, "
	     "2014 \xe2\x80\x93 2016.");
	para(&p, 0, "BSc Computer Engineering, Politecnico di Torino, "
	     "2011 \xe2\x80\x93 2014.");
	heading(&p, "Certi\xef\xac\x81" "cations");
	para(&p, 0, "IBM Certi\xef\xac\x81" "ed Developer \xe2\x80\x94 App Connect "
	     "Enterprise (2021). ISTQB Foundation Level (2018).");
	heading(&p, "Skills");
	para(&p, 0, "REST, SOAP, WSDL, XSLT, JSONata, Kafka, IBM MQ, "
	     "PostgreSQL, Java, Python, Postman, Grafana, Prometheus.");
	heading(&p, "Languages");
	para(&p, 0, "Italian (native), English (C1), French (B2).");
	heading(&p, "Interests");
	para(&p, 0, "Mountain running, open data projects, and teaching "
	     "coding workshops for teenagers in the weekend \xef\xac\x82" "ow "
	     "of the city library.");
	finish(s, cr);
}

/* A narrow sidebar, lines at the same heights as the main column's. */
static void sidebar(const char *dir)
{
	cairo_surface_t *s = surface(dir, "lena-fischer.pdf",
				     "Lena Fischer - Resume",
				     "2024-04-02T11:20:00+02:00", NULL);
	struct pen side, p;
	cairo_t *cr = start(s, &p, 56, PAGE_W - 112);

	font(&p, 1, 22);
	para(&p, 0, "Lena Fischer");
	font(&p, 0, 11);
	para(&p, 0, "Integration Engineer");
	p.y += 10;
	side = p;
	side.w = 150;
	p.x = 56 + 150 + 30;
	p.w = PAGE_W - 56 - p.x;

	heading(&side, "CONTACT");
	para(&side, 0, "Hamburg, Germany");
	para(&side, 0, "lena.fischer@example.net");
	para(&side, 0, "+49 40 5550 2718");
	para(&side, 0, "github.com/lfischer");
	heading(&side, "SKILLS");
	para(&side, 0, "REST and SOAP APIs");
	para(&side, 0, "OAuth 2.0 and SAML");
	para(&side, 0, "Apache Camel");
	para(&side, 0, "Azure Logic Apps");
	para(&side, 0, "Kafka and RabbitMQ");
	para(&side, 0, "JSON Schema, XSD");
	para(&side, 0, "Pact contract tests");
	para(&side, 0, "Prometheus, Grafana");
	heading(&side, "LANGUAGES");
	para(&side, 0, "German (native)");
	para(&side, 0, "English (fluent)");
	heading(&side, "CERTIFICATES");
	para(&side, 0, "Azure Developer");
	para(&side, 0, "Associate (2023)");

	heading(&p, "PROFILE");
	para(&p, 0, "Integration engineer with \xef\xac\x81ve years of "
	     "hands-on work on healthcare and e-commerce interfaces: "
	     "endpoint setup, \xef\xac\x81" "eld mapping, authentication "
	     "\xef\xac\x82" "ows and monitoring of every handoff.");
	heading(&p, "EXPERIENCE");
	font(&p, 1, 9.5);
	para(&p, 0, "Integration Engineer \xe2\x80\x93 Elbe Health GmbH");
	font(&p, 0, 9.5);
	para(&p, 0, "April 2021 \xe2\x80\x93 Present");
	bullet(&p, "\xe2\x80\xa2", "Connected the patient portal to three hospital "
	       "systems via HL7 FHIR REST endpoints with OAuth 2.0.");
	bullet(&p, "\xe2\x80\xa2", "Added health checks and alert thresholds; "
	       "wrote the runbook used by the on-call team.");
	bullet(&p, "\xe2\x80\xa2", "Validated payloads against JSON Schema and "
	       "reconciled records nightly.");
	font(&p, 1, 9.5);
	para(&p, 0, "Junior Developer \xe2\x80\x93 Hafen Commerce AG");
	font(&p, 0, 9.5);
	para(&p, 0, "August 2019 \xe2\x80\x93 March 2021");
	bullet(&p, "\xe2\x80\xa2", "Built Apache Camel routes between the shop "
	       "and the ERP; ran weekly alignment sessions.");
	heading(&p, "EDUCATION");
	para(&p, 0, "BSc Business Informatics, HAW Hamburg, 2016 \xe2\x80\x93 2019");
	finish(s, cr);
}

/* A nurse's one-page resume: another profession for the ranking. */
static void nurse(const char *dir, const char *name)
{
	cairo_surface_t *s = surface(dir, name, "Grace Mensah - Resume",
				     "2023-06-12T14:00:00Z", NULL);
	struct pen p;
	cairo_t *cr = start(s, &p, 56, PAGE_W - 112);

	font(&p, 1, 22);
	para(&p, 0, "Grace Mensah");
	font(&p, 0, 9.5);
	para(&p, 0, "Registered Nurse \xc2\xb7 Manchester \xc2\xb7 "
	     "grace.mensah@example.com \xc2\xb7 +44 7700 900233");
	heading(&p, "Summary");
	para(&p, 0, "Registered nurse with six years on acute medical "
	     "wards, calm under pressure and trusted with mentoring "
	     "newly quali\xef\xac\x81" "ed staff.");
	heading(&p, "Experience");
	two_ends(&p, "Staff Nurse, Manchester Royal In\xef\xac\x81rmary",
		 "2019 \xe2\x80\x93 Present");
	bullet(&p, "\xe2\x80\xa2", "Cared for up to eight patients per shift on "
	       "an acute medical unit.");
	two_ends(&p, "Healthcare Assistant, Salford Care Home",
		 "2015 \xe2\x80\x93 2017");
	heading(&p, "Education");
	para(&p, 0, "BSc Adult Nursing, University of Salford, 2017 \xe2\x80\x93 2019");
	finish(s, cr);
}

/* A scanned page: the text is drawn into a bitmap at 100 dpi, slightly
 * skewed like paper on a scanner glass, and only the bitmap goes into the
 * PDF, so the page has no text layer at all. */
static void scanned(const char *dir)
{
	static const char *const lines[] = {
		"Peter Lindqvist", "Accountant - Uppsala, Sweden",
		"peter.lindqvist@example.se", "", "Experience",
		"Senior Accountant, Nordvik AB, 2018 - Present",
		"Month-end close, VAT returns, audit support.", "",
		"Education", "BSc Business Administration, Uppsala University",
	};
	const double scale = 100.0 / 72.0;
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		(int)(PAGE_W * scale), (int)(PAGE_H * scale));
	cairo_surface_t *s = surface(dir, "scanned-lindqvist.pdf",
				     "Scan", "2021-03-01T12:00:00Z", NULL);
	cairo_t *ic = cairo_create(img), *cr = cairo_create(s);

	cairo_set_source_rgb(ic, 1, 1, 1);
	cairo_paint(ic);
	cairo_scale(ic, scale, scale);
	cairo_rotate(ic, 0.008);
	cairo_set_source_rgb(ic, 0.1, 0.1, 0.1);
	cairo_select_font_face(ic, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL,
			       CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(ic, 12);
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		cairo_move_to(ic, 60, 80 + 18 * i);
		cairo_show_text(ic, lines[i]);
	}
	cairo_destroy(ic);
	cairo_scale(cr, 1 / scale, 1 / scale);
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_paint(cr);
	finish(s, cr);
	cairo_surface_destroy(img);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "samples";

	one_column(dir);
	two_columns(dir);
	sidebar(dir);
	nurse(dir, "grace-mensah-plain.pdf");
	scanned(dir);
	return 0;
}
