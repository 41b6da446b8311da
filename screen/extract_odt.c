/*
 * extract_odt.c - ODT (OpenDocument text) to struct doc.
 *
 * Checks the mimetype entry, then reads in a reader's order: page headers
 * from styles.xml master pages (each distinct text once), the body of
 * content.xml, its notes, and the footers.  text:p and text:h become
 * blocks (text:h keeps its outline level); table cells, frames' text boxes
 * and notes keep their own kind.  Tracked changes (where deleted text
 * lives), annotations and note citations are left out.  White space
 * follows ODF: runs collapse, text:s says how many spaces.  Reads parts
 * only through zipread and xmlread.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "error.h"
#include "parastack.h"
#include "xmlread.h"
#include "zipread.h"

#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"
#define ODT_MAX_SPACES 64	/* text:s c="1000000" is still one gap */

enum ox_region { OX_NONE, OX_HEADER, OX_FOOTER };

struct ox {
	struct doc *d;
	const struct caps *caps;
	struct zipread *z;
	struct parastack ps;
	GPtrArray *notes;	/* struct para *, emitted after the body */
	GPtrArray *headers;	/* GPtrArray * of struct para *, per header */
	GPtrArray *footers;
	bool styles;		/* parsing styles.xml: only master pages */
	enum ox_region region;
	unsigned skip, cells, boxes, in_note;
};

static const char *const skipped[] = {
	"tracked-changes", "annotation", "note-citation", "title", "desc",
	"sequence-decls", "bookmark-ref", "variable-decls",
};

static bool is_skipped(const char *name)
{
	for (gsize i = 0; i < G_N_ELEMENTS(skipped); i++)
		if (strcmp(name, skipped[i]) == 0)
			return true;
	return false;
}

/* header, header-left, header-first (footer alike) in a master page. */
static enum ox_region region_of(const char *name)
{
	if (g_str_has_prefix(name, "header") &&
	    strcmp(name, "header-style") != 0)
		return OX_HEADER;
	if (g_str_has_prefix(name, "footer") &&
	    strcmp(name, "footer-style") != 0)
		return OX_FOOTER;
	return OX_NONE;
}

static enum doc_block_kind para_kind(const struct ox *x)
{
	if (x->region != OX_NONE)
		return DOC_BLOCK_HEADER;
	if (x->in_note)
		return DOC_BLOCK_NOTE;
	if (x->boxes)
		return DOC_BLOCK_TEXTBOX;
	return x->cells ? DOC_BLOCK_TABLE : DOC_BLOCK_BODY;
}

static bool ox_start(void *ctx, const char *ns, const char *name,
		     const struct xmlread_attr *a, unsigned n)
{
	struct ox *x = ctx;
	const char *v;

	if (x->skip) {
		x->skip++;
		return true;
	}
	if (is_skipped(name)) {
		x->skip = 1;
		return true;
	}
	if (x->styles && x->region == OX_NONE) {
		x->region = region_of(name);
		if (x->region != OX_NONE)
			x->ps.out = parastack_list_new();
		return true;
	}
	if (strcmp(name, "p") == 0) {
		parastack_open(&x->ps, para_kind(x), 0);
	} else if (strcmp(name, "h") == 0) {
		unsigned level = 1;

		v = xmlread_attr(a, n, "outline-level");
		if (v && v[0] >= '1' && v[0] <= '9' && !v[1])
			level = (unsigned)(v[0] - '0');
		parastack_open(&x->ps, para_kind(x), level);
	} else if (strcmp(name, "s") == 0) {
		unsigned long c = 1;

		v = xmlread_attr(a, n, "c");
		if (v)
			c = strtoul(v, NULL, 10);
		c = CLAMP(c, 1, ODT_MAX_SPACES);
		for (unsigned long i = 0; i < c; i++)
			parastack_text(&x->ps, " ", 1, false);
	} else if (strcmp(name, "tab") == 0) {
		parastack_text(&x->ps, "\t", 1, false);
	} else if (strcmp(name, "line-break") == 0) {
		parastack_text(&x->ps, "\n", 1, false);
	} else if (strcmp(name, "table-cell") == 0) {
		x->cells++;
	} else if (strcmp(name, "text-box") == 0) {
		x->boxes++;
	} else if (strcmp(name, "note") == 0) {
		x->in_note++;
	}
	return true;
}

static bool ox_end(void *ctx, const char *ns, const char *name)
{
	struct ox *x = ctx;

	if (x->skip) {
		x->skip--;
		return true;
	}
	if (strcmp(name, "p") == 0 || strcmp(name, "h") == 0) {
		struct para *top = parastack_top(&x->ps);

		return parastack_close(&x->ps, top &&
				       top->kind == DOC_BLOCK_NOTE ?
				       x->notes : NULL);
	}
	if (strcmp(name, "table-cell") == 0 && x->cells)
		x->cells--;
	else if (strcmp(name, "text-box") == 0 && x->boxes)
		x->boxes--;
	else if (strcmp(name, "note") == 0 && x->in_note)
		x->in_note--;
	else if (x->styles && x->region != OX_NONE &&
		 region_of(name) == x->region) {
		g_ptr_array_add(x->region == OX_HEADER ? x->headers :
				x->footers, x->ps.out);
		x->ps.out = NULL;
		x->region = OX_NONE;
	}
	return true;
}

static bool ox_text(void *ctx, const char *s, gsize len)
{
	struct ox *x = ctx;

	if (!x->skip)
		parastack_text(&x->ps, s, len, true);
	return true;
}

static bool ox_part(struct ox *x, const char *part, bool required,
		    GError **err)
{
	static const struct xmlread_ops ops = {
		.start = ox_start, .end = ox_end, .text = ox_text,
	};
	g_autoptr(GByteArray) bytes = NULL;
	bool ok;

	if (!required && !zipread_has(x->z, part))
		return true;
	bytes = zipread_read(x->z, part, err);
	if (!bytes)
		return false;
	x->skip = x->cells = x->boxes = x->in_note = 0;
	x->region = OX_NONE;
	ok = xmlread_parse(bytes->data, bytes->len, x->caps, "ODT", &ops, x,
			   err);
	while (x->ps.open->len)
		parastack_close(&x->ps, NULL);
	if (x->ps.out) {	/* a header cut short */
		g_ptr_array_unref(x->ps.out);
		x->ps.out = NULL;
	}
	return ok;
}

/* Each distinct header or footer text once, across both. */
static bool emit_distinct(struct doc *d, GPtrArray *lists, GHashTable *seen)
{
	for (guint i = 0; i < lists->len; i++) {
		char *key = parastack_list_key(lists->pdata[i]);

		if (!*key || g_hash_table_contains(seen, key)) {
			g_free(key);
			continue;
		}
		g_hash_table_add(seen, key);
		if (!parastack_emit(d, lists->pdata[i]))
			return false;
	}
	return true;
}

/* ---- meta.xml ---- */

struct meta_ctx {
	GString *date, *created, *cur;
};

static bool meta_start(void *ctx, const char *ns, const char *name,
		       const struct xmlread_attr *a, unsigned n)
{
	struct meta_ctx *c = ctx;

	c->cur = strcmp(name, "date") == 0 ? c->date :
		 strcmp(name, "creation-date") == 0 ? c->created : NULL;
	return true;
}

static bool meta_end(void *ctx, const char *ns, const char *name)
{
	((struct meta_ctx *)ctx)->cur = NULL;
	return true;
}

static bool meta_text(void *ctx, const char *s, gsize len)
{
	struct meta_ctx *c = ctx;

	if (c->cur && c->cur->len < 64)
		g_string_append_len(c->cur, s, (gssize)MIN(len, 64));
	return true;
}

static char *iso_date(const char *s)
{
	unsigned y, m, dd;

	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-' ||
	    !g_ascii_isdigit(s[0]) || !g_ascii_isdigit(s[5]) ||
	    !g_ascii_isdigit(s[8]))
		return NULL;
	y = (unsigned)atoi(s);
	m = (unsigned)atoi(s + 5);
	dd = (unsigned)atoi(s + 8);
	if (y < 1900 || !g_date_valid_dmy((GDateDay)dd, (GDateMonth)m,
					  (GDateYear)y))
		return NULL;
	return g_strdup_printf("%04u-%02u-%02u", y, m, dd);
}

static bool meta_read(struct ox *x, GError **err)
{
	static const struct xmlread_ops ops = {
		.start = meta_start, .end = meta_end, .text = meta_text,
	};
	g_autoptr(GByteArray) bytes = NULL;
	g_autoptr(GString) date = g_string_new(NULL);
	g_autoptr(GString) created = g_string_new(NULL);
	struct meta_ctx c = { date, created, NULL };
	GError *e = NULL;

	if (!zipread_has(x->z, "meta.xml"))
		return true;
	bytes = zipread_read(x->z, "meta.xml", err);
	if (!bytes)
		return false;
	if (!xmlread_parse(bytes->data, bytes->len, x->caps, "ODT", &ops, &c,
			   &e)) {
		/* A broken meta part costs the date, a hostile one the file. */
		if (e->code == SE_DTD || e->code == SE_XML_DEPTH) {
			g_propagate_error(err, e);
			return false;
		}
		g_clear_error(&e);
		return true;
	}
	x->d->date = iso_date(date->str);
	if (!x->d->date)
		x->d->date = iso_date(created->str);
	return true;
}

static bool mimetype_ok(struct ox *x, GError **err)
{
	g_autoptr(GByteArray) m = zipread_read(x->z, "mimetype", err);

	if (!m)
		return false;
	while (m->len && g_ascii_isspace(m->data[m->len - 1]))
		m->len--;
	if (m->len != strlen(ODT_MIMETYPE) ||
	    memcmp(m->data, ODT_MIMETYPE, m->len) != 0) {
		g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
			    "malformed ODT: mimetype is not " ODT_MIMETYPE);
		return false;
	}
	return true;
}

static bool ox_run(struct ox *x, GError **err)
{
	g_autoptr(GHashTable) seen = g_hash_table_new_full(
		g_str_hash, g_str_equal, g_free, NULL);

	if (!mimetype_ok(x, err) || !meta_read(x, err))
		return false;
	x->styles = true;
	if (!ox_part(x, "styles.xml", false, err))
		return false;
	x->styles = false;
	if (!emit_distinct(x->d, x->headers, seen))
		return true;
	if (!ox_part(x, "content.xml", true, err))
		return false;
	if (!parastack_emit(x->d, x->notes))
		return true;
	emit_distinct(x->d, x->footers, seen);
	return true;
}

bool extract_odt(const guint8 *data, gsize len, const struct caps *caps,
		 struct doc *d, GError **err)
{
	struct ox x = { .d = d, .caps = caps };
	bool ok;

	x.z = zipread_open(data, len, caps, "ODT", err);
	if (!x.z)
		return false;
	parastack_init(&x.ps, d);
	x.notes = parastack_list_new();
	x.headers = g_ptr_array_new_with_free_func(
		(GDestroyNotify)g_ptr_array_unref);
	x.footers = g_ptr_array_new_with_free_func(
		(GDestroyNotify)g_ptr_array_unref);
	ok = ox_run(&x, err);
	parastack_release(&x.ps);
	g_ptr_array_unref(x.notes);
	g_ptr_array_unref(x.headers);
	g_ptr_array_unref(x.footers);
	zipread_free(x.z);
	return ok;
}
