/* test_extract_docx.c - DOCX to struct doc: the samples, hostile files. */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "error.h"
#include "hostile.h"

static struct doc *extract_file(const char *path, uint64_t cap, GError **err)
{
	return hostile_extract(path, DOC_FORMAT_DOCX, extract_docx, cap, err);
}

static struct doc *sample(const char *name)
{
	g_autofree char *path = g_build_filename(hostile_root(), "samples",
						 name, NULL);
	g_autoptr(GError) err = NULL;
	struct doc *d = extract_file(path, 0, &err);

	g_assert_no_error(err);
	return d;
}

/* The block whose text contains s (the first one), or NULL. */
static const struct doc_block *block_with(const struct doc *d, const char *s)
{
	const char *hit = strstr(d->raw->str, s);

	return hit ? doc_block_at(d, (uint32_t)(hit - d->raw->str)) : NULL;
}

static gsize offset_of(const struct doc *d, const char *s)
{
	const char *hit = strstr(d->raw->str, s);

	g_assert_nonnull(hit);
	return (gsize)(hit - d->raw->str);
}

static unsigned count(const char *hay, const char *s)
{
	unsigned n = 0;

	for (const char *p = hay; (p = strstr(p, s)); p += strlen(s))
		n++;
	return n;
}

static void assert_kind(const struct doc *d, const char *s, unsigned kind,
			unsigned heading)
{
	const struct doc_block *b = block_with(d, s);

	g_assert_nonnull(b);
	g_assert_cmpuint(b->kind, ==, kind);
	g_assert_cmpuint(b->heading, ==, heading);
}

static void test_kitchen_sink(void)
{
	g_autoptr(doc) d = sample("ingrid-halvorsen.docx");
	const char *t;

	t = d->raw->str;
	g_assert_cmpstr(d->date, ==, "2026-10-01");
	/* Two header parts with the same text: read once, and first. */
	g_assert_cmpuint(count(t, "ingrid.halvorsen@example.org"), ==, 1);
	g_assert_true(g_str_has_prefix(t, "Ingrid Halvorsen\n"));
	assert_kind(d, "+47 912 34 567", DOC_BLOCK_HEADER, 0);
	g_assert_nonnull(strstr(t, "example.org\t+47 912 34 567\tBergen"));
	/* Reading order: header, sidebar, main cell, body, note, footer. */
	g_assert_cmpuint(offset_of(d, "Bergen, Norway"), <,
			 offset_of(d, "Skills"));
	g_assert_cmpuint(offset_of(d, "4 January 2027"), <,
			 offset_of(d, "Senior Integration Engineer"));
	g_assert_cmpuint(offset_of(d, "References available"), <,
			 offset_of(d, "Including three years"));
	g_assert_cmpuint(offset_of(d, "Including three years"), <,
			 offset_of(d, "page 1"));
	/* Kinds and headings (a localised style found by outline level,
	 * through basedOn). */
	assert_kind(d, "Skills", DOC_BLOCK_TABLE, 2);
	assert_kind(d, "Senior Integration Engineer", DOC_BLOCK_TABLE, 1);
	assert_kind(d, "Nordvik Logistics AS", DOC_BLOCK_TABLE, 2);
	assert_kind(d, "Confluent Developer", DOC_BLOCK_TEXTBOX, 0);
	assert_kind(d, "Including three years", DOC_BLOCK_NOTE, 0);
	assert_kind(d, "References available", DOC_BLOCK_BODY, 0);
	assert_kind(d, "page 1", DOC_BLOCK_HEADER, 0);
	/* Cells never run into each other. */
	g_assert_null(strstr(t, "2027Senior"));
	/* Text box once (Choice, not Fallback). */
	g_assert_cmpuint(count(t, "Confluent Developer"), ==, 1);
	/* Tracked changes: insertion kept, deletion and moved-from gone. */
	g_assert_nonnull(strstr(t, "Designed event-driven integrations"));
	g_assert_null(strstr(t, "Tibco"));
	g_assert_nonnull(strstr(t, "Apache Camel and Kafka.\n"));
	g_assert_cmpuint(count(t, "payroll exports"), ==, 1);
	/* Fields: codes dropped, results kept. */
	g_assert_null(strstr(t, "HYPERLINK"));
	g_assert_null(strstr(t, "PAGE"));
	g_assert_nonnull(strstr(t, "Ran the ESB migration for 12"));
	/* Content controls: content kept, properties dropped. */
	g_assert_null(strstr(t, "Placeholder"));
	g_assert_null(strstr(t, "PLACEHOLDER"));
	g_assert_nonnull(strstr(t, "MSc Computer Science"));
	/* Run-level characters. */
	g_assert_nonnull(strstr(t, "\u2022\tApache Camel"));
	g_assert_nonnull(strstr(t, "\u2713\tJava 17"));
	g_assert_nonnull(strstr(t, "Norwegian (native)\nEnglish (fluent)"));
	g_assert_nonnull(strstr(t, "an end-to-end test harness"));
	g_assert_nonnull(strstr(t, "inter\u00ADoperability"));
	g_assert_nonnull(strstr(t, "guide on github.com/ihalvorsen."));
	g_assert_nonnull(strstr(t, "logistics systems."));
	g_assert_true(g_utf8_validate(t, -1, NULL));
}

static void test_ordinary(void)
{
	g_autoptr(doc) d = sample("tomas-okafor.docx");

	g_assert_cmpstr(d->date, ==, "2026-08-30");
	assert_kind(d, "Tom\u00e1s Okafor", DOC_BLOCK_BODY, 1);
	assert_kind(d, "Profile", DOC_BLOCK_BODY, 1);
	assert_kind(d, "HL7 FHIR", DOC_BLOCK_BODY, 0);
	g_assert_cmpuint(d->blocks->len, ==, 12);
}

/* Written by LibreOffice from HTML. */
static void test_libreoffice(void)
{
	g_autoptr(doc) d = sample("mateo-silva.docx");

	assert_kind(d, "Mateo Silva", DOC_BLOCK_BODY, 1);
	assert_kind(d, "Summary", DOC_BLOCK_BODY, 2);
	assert_kind(d, "Levante Energ\u00eda", DOC_BLOCK_TABLE, 0);
	assert_kind(d, "2017\u20132020", DOC_BLOCK_TABLE, 0);
	g_assert_nonnull(strstr(d->raw->str, "Polit\u00e8cnica"));
}

static void test_text_cap(void)
{
	g_autofree char *path = g_build_filename(hostile_root(), "samples",
						 "ingrid-halvorsen.docx", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = extract_file(path, 100, &err);

	g_assert_no_error(err);
	g_assert_true(d->truncated);
	g_assert_cmpuint(d->raw->len, <=, 100);
	g_assert_cmpuint(d->warnings->len, ==, 1);
}

static void expect_error(const char *path, int code, const char *msg)
{
	g_autoptr(GError) err = NULL;
	struct doc *d = extract_file(path, 0, &err);

	g_assert_null(d);
	g_assert_error(err, SCREENER_ERROR, code);
	g_assert_cmpstr(err->message, ==, msg);
}

static void test_hostile(void)
{
	g_autofree char *bomb = g_build_filename(hostile_root(), "samples",
						 "broken-zipbomb.docx", NULL);
	g_autofree char *xxe = g_build_filename(hostile_root(), "samples",
						"broken-xxe.docx", NULL);

	expect_error(bomb, SE_ZIP_BOMB,
		     "suspected zip bomb: a part inflates past 16 MiB");
	expect_error(xxe, SE_DTD, "DTD not allowed");
	expect_error("header-lies.docx", SE_ZIP_BOMB,
		     "suspected zip bomb: a part inflates past 16 MiB");
	expect_error("ratio-bomb.docx", SE_ZIP_BOMB, "suspected zip bomb");
	expect_error("many-entries.docx", SE_MALFORMED,
		     "malformed DOCX: 1004 zip entries, over the limit of 1000");
	expect_error("duplicate.docx", SE_MALFORMED,
		     "malformed DOCX: duplicate part word/Document.xml");
	expect_error("encrypted.docx", SE_MALFORMED,
		     "malformed DOCX: encrypted zip entry");
	expect_error("unknown-method.docx", SE_MALFORMED,
		     "malformed DOCX: unsupported zip compression method 7");
	expect_error("billion-laughs.docx", SE_DTD, "DTD not allowed");
	expect_error("xxe.docx", SE_DTD, "DTD not allowed");
	expect_error("deep.docx", SE_XML_DEPTH, "XML nesting too deep");
	expect_error("overlap-bomb.zip", SE_MALFORMED,
		     "malformed DOCX: missing part word/document.xml");
}

static void test_password_protected(void)
{
	static const guint8 cfb[512] = {
		0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1,
	};
	struct caps c = caps_default();
	g_autoptr(doc) d = doc_new(DOC_FORMAT_DOCX, 0);
	g_autoptr(GError) err = NULL;

	g_assert_false(extract_docx(cfb, sizeof(cfb), &c, d, &err));
	g_assert_error(err, SCREENER_ERROR, SE_MALFORMED);
	g_assert_cmpstr(err->message, ==, "password-protected DOCX");
}

static void test_odd_names_and_bytes(void)
{
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) t = extract_file("traversal.docx", 0, &err);
	g_autoptr(doc) u = NULL;

	g_assert_no_error(err);
	g_assert_cmpstr(t->raw->str, ==, "Safe text\n");
	u = extract_file("bad-utf8.docx", 0, &err);
	g_assert_no_error(err);
	g_assert_cmpstr(u->raw->str, ==,
			"Caf\u00e9 ok\nBAD[\uFFFD\uFFFD]NUL[\uFFFD]\n");
}

/* Relationship targets resolved as OPC says: relative to the source
 * part, "..", absolute; one that climbs out of the package is ignored. */
static void test_alt_path(void)
{
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = extract_file("alt-path.docx", 0, &err);

	g_assert_no_error(err);
	g_assert_cmpstr(d->raw->str, ==, "Head\nMoved\nBody\n");
	assert_kind(d, "Head", DOC_BLOCK_HEADER, 0);
	assert_kind(d, "Moved", DOC_BLOCK_BODY, 2);
}

/* A drop cap (the first letter in a frame paragraph of its own, in the
 * text or in the margin) begins its paragraph's first word; a frame
 * that is no drop cap is a paragraph of its own. */
static void test_drop_cap(void)
{
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = extract_file("drop-cap.docx", 0, &err);

	g_assert_no_error(err);
	g_assert_cmpstr(d->raw->str, ==,
			"Drop caps open this paragraph about Kafka brokers.\n"
			"Integration work with REST APIs.\n"
			"Framed note\nNext paragraph.\n");
}

/* ---- the public corpus, when present: pandoc's expected text ---- */

struct word {
	char *s;
	bool note;		/* in a Note, Caption or Meta: any order */
};

static void word_free(gpointer p)
{
	struct word *w = p;

	g_free(w->s);
	g_free(w);
}

/* The Str words of a pandoc .native file, with Note content marked. */
static GPtrArray *native_words(const char *t)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(word_free);
	GArray *notes = g_array_new(FALSE, FALSE, sizeof(int));
	char ident[16] = "";
	bool pending_note = false;
	int depth = 0;

	for (const char *p = t; *p; p++) {
		if (g_ascii_isalpha(*p)) {
			gsize n = 0;

			while (g_ascii_isalnum(p[n]) && n < sizeof(ident) - 1) {
				ident[n] = p[n];
				n++;
			}
			ident[n] = '\0';
			while (g_ascii_isalnum(p[n]))
				n++;
			p += n - 1;
			/* Pandoc moves notes inline, table captions
			 * before their table and sorts metadata by key:
			 * those words are checked for presence only. */
			if (strcmp(ident, "Note") == 0 ||
			    strcmp(ident, "Caption") == 0 ||
			    strcmp(ident, "Meta") == 0)
				pending_note = true;
		} else if (*p == '[') {
			depth++;
			if (pending_note)
				g_array_append_val(notes, depth);
			pending_note = false;
			ident[0] = '\0';
		} else if (*p == ']') {
			if (notes->len &&
			    g_array_index(notes, int, notes->len - 1) == depth)
				g_array_set_size(notes, notes->len - 1);
			depth--;
		} else if (*p == '"') {
			GString *w = g_string_new(NULL);
			struct word *wd;

			for (p++; *p && *p != '"'; p++) {
				if (*p != '\\') {
					g_string_append_c(w, *p);
					continue;
				}
				p++;
				if (g_ascii_isdigit(*p)) {
					gunichar c = (gunichar)strtoul(p, NULL, 10);

					while (g_ascii_isdigit(p[1]))
						p++;
					g_string_append_unichar(w, c);
				} else if (*p == 'n') {
					g_string_append_c(w, '\n');
				} else if (*p && *p != '&') {
					g_string_append_c(w, *p);
				}
				if (!*p)
					break;
			}
			if (!*p)
				p--;
			if (strcmp(ident, "Str") != 0 || !w->len) {
				g_string_free(w, TRUE);
				continue;
			}
			wd = g_new0(struct word, 1);
			wd->s = g_string_free(w, FALSE);
			wd->note = notes->len > 0;
			g_ptr_array_add(out, wd);
		} else if (*p == ',' || *p == '(') {
			ident[0] = '\0';
		}
	}
	g_array_unref(notes);
	return out;
}

/* Words of a pandoc command test (.md): the HTML after "^D". */
static GPtrArray *md_words(const char *t)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(word_free);
	const char *p = strstr(t, "^D\n");
	GString *w = g_string_new(NULL);
	bool tag = false;

	for (p = p ? p + 3 : t; *p && !g_str_has_prefix(p, "```"); p++) {
		if (*p == '<' || *p == '>') {
			tag = *p == '<';
		} else if (!tag && !g_ascii_isspace(*p)) {
			g_string_append_c(w, *p);
			continue;
		}
		if (w->len) {
			struct word *wd = g_new0(struct word, 1);

			wd->s = g_strdup(w->str);
			g_ptr_array_add(out, wd);
			g_string_truncate(w, 0);
		}
	}
	g_string_free(w, TRUE);
	return out;
}

static char *corpus_dir(void)
{
	g_autofree char *rel = g_build_filename(hostile_root(), "..", "shared",
						"corpus", "docx", NULL);

	if (g_file_test(rel, G_FILE_TEST_IS_DIR))
		return g_steal_pointer(&rel);
	if (g_file_test("/work/shared/corpus/docx", G_FILE_TEST_IS_DIR))
		return g_strdup("/work/shared/corpus/docx");
	return NULL;
}

static char *read_text(const char *path)
{
	char *t = NULL;

	return g_file_get_contents(path, &t, NULL, NULL) ? t : NULL;
}

/* Every word pandoc finds is found, body words in pandoc's order; words
 * only a "reject all changes" reading has are absent. */
static void check_corpus_file(const char *dir, const char *docx,
			      const char *expected, const char *rejected)
{
	g_autofree char *path = g_build_filename(dir, docx, NULL);
	g_autofree char *epath = g_build_filename(dir, expected, NULL);
	g_autofree char *et = read_text(epath);
	g_autoptr(GPtrArray) words = NULL;
	g_autoptr(GError) err = NULL;
	g_autoptr(doc) d = NULL;
	const char *raw;
	gsize pos = 0;
	unsigned missing = 0;

	g_assert_nonnull(et);
	words = g_str_has_suffix(expected, ".md") ? md_words(et) :
						    native_words(et);
	d = extract_file(path, 0, &err);
	g_assert_no_error(err);
	raw = d->raw->str;
	g_assert_cmpuint(words->len, >, 0);
	for (guint i = 0; i < words->len; i++) {
		const struct word *w = words->pdata[i];
		const char *hit = strstr(w->note ? raw : raw + pos, w->s);

		/* "[DIAGRAM]": pandoc's stand-in where we read the text. */
		if (w->s[0] == '[' && g_str_has_suffix(w->s, "]"))
			continue;
		if (!hit) {
			g_test_message("%s: \"%s\" missing or out of order",
				       docx, w->s);
			missing++;
			continue;
		}
		if (!w->note)
			pos = (gsize)(hit - raw) + strlen(w->s);
	}
	g_assert_cmpuint(missing, ==, 0);
	if (rejected) {
		g_autofree char *rpath = g_build_filename(dir, rejected, NULL);
		g_autofree char *rt = read_text(rpath);
		g_autoptr(GPtrArray) gone = native_words(rt);
		g_autoptr(GHashTable) kept = g_hash_table_new(g_str_hash,
							      g_str_equal);

		for (guint i = 0; i < words->len; i++)
			g_hash_table_add(kept,
					 ((struct word *)words->pdata[i])->s);
		for (guint i = 0; i < gone->len; i++) {
			const char *s = ((struct word *)gone->pdata[i])->s;

			if (strlen(s) >= 4 && !g_hash_table_contains(kept, s))
				g_assert_null(strstr(raw, s));
		}
	}
}

static void test_corpus(void)
{
	g_autofree char *dir = corpus_dir();
	g_autoptr(GDir) gd = NULL;
	const char *name;
	unsigned checked = 0;

	if (!dir) {
		g_test_skip("no shared corpus");
		return;
	}
	gd = g_dir_open(dir, 0, NULL);
	g_assert_nonnull(gd);
	while ((name = g_dir_read_name(gd))) {
		g_autofree char *stem = NULL;
		g_autofree char *native = NULL, *accept = NULL, *reject = NULL;
		g_autofree char *md = NULL, *p = NULL;

		if (!g_str_has_prefix(name, "pandoc_") ||
		    !g_str_has_suffix(name, ".docx"))
			continue;
		stem = g_strndup(name, strlen(name) - 5);
		native = g_strconcat(stem, ".native", NULL);
		accept = g_strconcat(stem, "_accept.native", NULL);
		reject = g_strconcat(stem, "_reject.native", NULL);
		md = g_strconcat(stem, ".md", NULL);
#define EXISTS(f) (g_free(p), p = g_build_filename(dir, f, NULL), \
		   g_file_test(p, G_FILE_TEST_EXISTS))
		if (EXISTS(accept))
			check_corpus_file(dir, name, accept, reject);
		else if (EXISTS(native))
			check_corpus_file(dir, name, native, NULL);
		else if (EXISTS(md))
			check_corpus_file(dir, name, md, NULL);
		else
			continue;
#undef EXISTS
		checked++;
	}
	g_assert_cmpuint(checked, >, 20);
}

int main(int argc, char **argv)
{
	int rc;

	g_test_init(&argc, &argv, NULL);
	hostile_make();
	g_test_add_func("/extract_docx/kitchen-sink", test_kitchen_sink);
	g_test_add_func("/extract_docx/ordinary", test_ordinary);
	g_test_add_func("/extract_docx/libreoffice", test_libreoffice);
	g_test_add_func("/extract_docx/text-cap", test_text_cap);
	g_test_add_func("/extract_docx/hostile", test_hostile);
	g_test_add_func("/extract_docx/password", test_password_protected);
	g_test_add_func("/extract_docx/odd", test_odd_names_and_bytes);
	g_test_add_func("/extract_docx/alt-path", test_alt_path);
	g_test_add_func("/extract_docx/drop-cap", test_drop_cap);
	g_test_add_func("/extract_docx/corpus", test_corpus);
	rc = g_test_run();
	hostile_clean();
	return rc;
}
