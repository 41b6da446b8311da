/*
 * extract_docx.c - DOCX (OOXML WordprocessingML) to struct doc.
 *
 * Follows _rels/.rels to the main document part (it is not always
 * word/document.xml), then reads in the order a person reads a page:
 * headers (each distinct text once), body, footnotes, endnotes, footers.
 * Paragraphs become blocks: table cells, text boxes, headers and notes
 * each keep their own kind; headings come from the paragraph style
 * resolved through styles.xml.  Tracked deletions, field codes and the
 * fallback copy of each text box are left out.  Reads parts only through
 * zipread and xmlread; must not include libzip or libxml2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "error.h"
#include "parastack.h"
#include "xmlread.h"
#include "zipread.h"

#define DX_FIELDS 64		/* nested fields tracked */
#define DX_ALTS 32		/* nested mc:AlternateContent tracked */
#define DX_STYLE_CHAIN 16	/* basedOn hops followed */
#define DX_DIAGRAMS 64		/* SmartArt parts read per document */

struct rel {
	char *id;
	char *type;		/* last segment of the Type URI */
	char *target;		/* resolved part name; NULL if external */
};

struct dx {
	struct doc *d;
	const struct caps *caps;
	struct zipread *z;
	struct parastack ps;
	GHashTable *levels;	/* style id -> heading level (GINT) */
	GPtrArray *rels;	/* struct rel *, of the main part */
	GError *err;		/* from a part read inside a callback */
	enum doc_block_kind base; /* BODY, HEADER or NOTE */
	unsigned skip;		/* depth inside a subtree left out */
	unsigned ppr, ppr_rpr;	/* inside w:pPr, and its w:rPr */
	unsigned in_t;		/* inside w:t (or a:t) */
	unsigned cells, boxes;	/* depth of table cells, text boxes */
	uint8_t fld[DX_FIELDS];	/* 1 = field code, 0 = field result */
	unsigned nfld, fld_over, ncode;
	uint8_t alt[DX_ALTS];	/* a Choice was taken at this level */
	unsigned nalt, alt_over;
	unsigned diagrams;
};

/* Subtrees whose text a reader never sees (or sees twice). */
static const char *const skipped[] = {
	"del", "delText", "moveFrom", "instrText", "delInstrText",
	"Fallback", "sdtPr", "sdtEndPr", "rPr", "tabs", "sectPr",
	"commentReference", "annotationRef", "fldData",
};

static bool is_skipped(const char *name)
{
	for (gsize i = 0; i < G_N_ELEMENTS(skipped); i++)
		if (strcmp(name, skipped[i]) == 0)
			return true;
	return false;
}

static void rel_free(gpointer p)
{
	struct rel *r = p;

	g_free(r->id);
	g_free(r->type);
	g_free(r->target);
	g_free(r);
}

/* Part name of target relative to the part `source` (OPC rules), or NULL
 * when it climbs above the root.  Only ever a key into the zip. */
static char *resolve(const char *source, const char *target)
{
	g_autoptr(GPtrArray) segs = g_ptr_array_new_with_free_func(g_free);
	g_auto(GStrv) parts = NULL;
	const char *slash;

	if (target[0] != '/' && (slash = strrchr(source, '/'))) {
		g_auto(GStrv) base = NULL;
		g_autofree char *dir = g_strndup(source, slash - source);

		base = g_strsplit(dir, "/", -1);
		for (char **b = base; *b; b++)
			if (**b)
				g_ptr_array_add(segs, g_strdup(*b));
	}
	parts = g_strsplit(target, "/", -1);
	for (char **p = parts; *p; p++) {
		if (!**p || strcmp(*p, ".") == 0)
			continue;
		if (strcmp(*p, "..") == 0) {
			if (!segs->len)
				return NULL;
			g_ptr_array_remove_index(segs, segs->len - 1);
			continue;
		}
		g_ptr_array_add(segs, g_strdup(*p));
	}
	g_ptr_array_add(segs, NULL);
	return g_strjoinv("/", (char **)segs->pdata);
}

/* ---- relationships ---- */

struct rels_ctx {
	const char *source;
	GPtrArray *out;
};

static bool rels_start(void *ctx, const char *ns, const char *name,
		       const struct xmlread_attr *a, unsigned n)
{
	struct rels_ctx *c = ctx;
	const char *id, *type, *target, *mode, *slash;
	struct rel *r;

	if (strcmp(name, "Relationship") != 0)
		return true;
	id = xmlread_attr(a, n, "Id");
	type = xmlread_attr(a, n, "Type");
	target = xmlread_attr(a, n, "Target");
	mode = xmlread_attr(a, n, "TargetMode");
	if (!id || !type || !target || c->out->len >= 10000)
		return true;
	slash = strrchr(type, '/');
	r = g_new0(struct rel, 1);
	r->id = g_strdup(id);
	r->type = g_strdup(slash ? slash + 1 : type);
	if (!mode || g_ascii_strcasecmp(mode, "External") != 0)
		r->target = resolve(c->source, target);
	g_ptr_array_add(c->out, r);
	return true;
}

/* Relationships of part `source` ("" for the package).  A missing rels
 * part is an empty list; a broken one is an error. */
static GPtrArray *rels_read(struct zipread *z, const struct caps *caps,
			    const char *source, GError **err)
{
	static const struct xmlread_ops ops = { .start = rels_start };
	g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func(rel_free);
	g_autoptr(GByteArray) bytes = NULL;
	g_autofree char *name = NULL;
	const char *slash = strrchr(source, '/');
	struct rels_ctx c = { source, out };

	if (slash)
		name = g_strdup_printf("%.*s/_rels/%s.rels",
				       (int)(slash - source), source,
				       slash + 1);
	else
		name = g_strdup_printf("_rels/%s.rels", source);
	if (!zipread_has(z, name))
		return g_steal_pointer(&out);
	bytes = zipread_read(z, name, err);
	if (!bytes ||
	    !xmlread_parse(bytes->data, bytes->len, caps, "DOCX", &ops, &c,
			   err))
		return NULL;
	return g_steal_pointer(&out);
}

static const struct rel *rel_by_type(GPtrArray *rels, const char *type)
{
	for (guint i = 0; i < rels->len; i++) {
		const struct rel *r = rels->pdata[i];

		if (r->target && strcmp(r->type, type) == 0)
			return r;
	}
	return NULL;
}

static const struct rel *rel_by_id(GPtrArray *rels, const char *id)
{
	for (guint i = 0; i < rels->len; i++) {
		const struct rel *r = rels->pdata[i];

		if (r->target && strcmp(r->id, id) == 0)
			return r;
	}
	return NULL;
}

/* ---- styles: which paragraph styles are headings ---- */

struct style {
	char *based_on;
	int level;		/* 1-9 heading, 0 body text, -1 not said */
};

struct styles_ctx {
	GHashTable *styles;	/* id -> struct style */
	struct style *cur;
	bool in_name;
};

static void style_free(gpointer p)
{
	struct style *s = p;

	g_free(s->based_on);
	g_free(s);
}

/* "heading 3" -> 3, "Title" -> 1, else -1. */
static int level_of_name(const char *name)
{
	if (g_ascii_strcasecmp(name, "title") == 0)
		return 1;
	if (g_ascii_strncasecmp(name, "heading ", 8) == 0 &&
	    name[8] >= '1' && name[8] <= '9' && !name[9])
		return name[8] - '0';
	return -1;
}

/* w:outlineLvl: 0-8 are levels 1-9, 9 is body text. */
static int level_of_outline(const char *val)
{
	if (val && val[0] >= '0' && val[0] <= '8' && !val[1])
		return val[0] - '0' + 1;
	return val && val[0] == '9' ? 0 : -1;
}

static bool styles_start(void *ctx, const char *ns, const char *name,
			 const struct xmlread_attr *a, unsigned n)
{
	struct styles_ctx *c = ctx;
	const char *v;

	if (strcmp(name, "style") == 0) {
		const char *type = xmlread_attr(a, n, "type");
		const char *id = xmlread_attr(a, n, "styleId");

		c->cur = NULL;
		if (!id || (type && strcmp(type, "paragraph") != 0) ||
		    g_hash_table_size(c->styles) >= 10000)
			return true;
		c->cur = g_new0(struct style, 1);
		c->cur->level = -1;
		g_hash_table_replace(c->styles, g_strdup(id), c->cur);
		return true;
	}
	if (!c->cur)
		return true;
	v = xmlread_attr(a, n, "val");
	if (!v)
		return true;
	if (strcmp(name, "name") == 0 && level_of_name(v) > 0)
		c->cur->level = level_of_name(v);
	else if (strcmp(name, "outlineLvl") == 0 && c->cur->level < 0)
		c->cur->level = level_of_outline(v);
	else if (strcmp(name, "basedOn") == 0 && !c->cur->based_on)
		c->cur->based_on = g_strdup(v);
	return true;
}

static bool styles_end(void *ctx, const char *ns, const char *name)
{
	struct styles_ctx *c = ctx;

	if (strcmp(name, "style") == 0)
		c->cur = NULL;
	return true;
}

/* style id -> heading level, for the styles that are headings. */
static GHashTable *styles_read(struct zipread *z, const struct caps *caps,
			       const char *part, GError **err)
{
	static const struct xmlread_ops ops = {
		.start = styles_start, .end = styles_end,
	};
	g_autoptr(GHashTable) styles = g_hash_table_new_full(
		g_str_hash, g_str_equal, g_free, style_free);
	GHashTable *levels = g_hash_table_new_full(g_str_hash, g_str_equal,
						   g_free, NULL);
	g_autoptr(GByteArray) bytes = NULL;
	struct styles_ctx c = { styles, NULL, false };
	GHashTableIter it;
	gpointer k, v;

	if (!part || !zipread_has(z, part))
		return levels;
	bytes = zipread_read(z, part, err);
	if (!bytes ||
	    !xmlread_parse(bytes->data, bytes->len, caps, "DOCX", &ops, &c,
			   err)) {
		g_hash_table_unref(levels);
		return NULL;
	}
	g_hash_table_iter_init(&it, styles);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		const struct style *s = v;

		for (int hop = 0; s && s->level < 0 && hop < DX_STYLE_CHAIN;
		     hop++)
			s = s->based_on ?
				g_hash_table_lookup(styles, s->based_on) :
				NULL;
		if (s && s->level > 0)
			g_hash_table_insert(levels, g_strdup(k),
					    GINT_TO_POINTER(s->level));
	}
	return levels;
}

/* ---- document, header, footer and note parts ---- */

/* Symbol and Wingdings code points (after the F000 private-use offset)
 * that resumes use as bullets and ticks. */
static const struct {
	unsigned code;
	const char *text;
} symbols[] = {
	{ 0xB7, "\u2022" }, { 0xA7, "\u25AA" }, { 0x6C, "\u25CF" },
	{ 0x6E, "\u25A0" }, { 0x71, "\u2751" }, { 0x76, "\u2756" },
	{ 0xD8, "\u27A2" }, { 0xFC, "\u2713" }, { 0xFB, "\u2717" },
	{ 0x9F, "\u2022" }, { 0xA8, "\u25FB" }, { 0x2D, "-" },
};

static void on_sym(struct dx *x, const struct xmlread_attr *a, unsigned n)
{
	const char *font = xmlread_attr(a, n, "font");
	const char *hex = xmlread_attr(a, n, "char");
	unsigned long c;
	char buf[8];
	gint len;

	if (!hex)
		return;
	c = strtoul(hex, NULL, 16);
	if (c >= 0xF000 && c <= 0xF0FF)
		c -= 0xF000;
	if (font && (g_ascii_strncasecmp(font, "Symbol", 6) == 0 ||
		     g_ascii_strncasecmp(font, "Wingdings", 9) == 0)) {
		for (gsize i = 0; i < G_N_ELEMENTS(symbols); i++)
			if (symbols[i].code == c) {
				parastack_text(&x->ps, symbols[i].text,
					       strlen(symbols[i].text), false);
				return;
			}
		/* Some other pictograph: a bullet reads best. */
		parastack_text(&x->ps, "\u2022", 3, false);
		return;
	}
	if (c < 0x20 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return;
	len = g_unichar_to_utf8((gunichar)c, buf);
	parastack_text(&x->ps, buf, (gsize)len, false);
}

static void on_field(struct dx *x, const char *type)
{
	if (!type)
		return;
	if (strcmp(type, "begin") == 0) {
		if (x->nfld >= DX_FIELDS) {
			x->fld_over++;
			return;
		}
		x->fld[x->nfld++] = 1;
		x->ncode++;
	} else if (strcmp(type, "separate") == 0) {
		if (x->fld_over || !x->nfld || !x->fld[x->nfld - 1])
			return;
		x->fld[x->nfld - 1] = 0;
		x->ncode--;
	} else if (strcmp(type, "end") == 0) {
		if (x->fld_over) {
			x->fld_over--;
			return;
		}
		if (!x->nfld)
			return;
		if (x->fld[--x->nfld])
			x->ncode--;
	}
}

static bool part_parse(struct dx *x, const char *part);

/* SmartArt keeps its text in a data part of its own: read it in place. */
static bool on_diagram(struct dx *x, const char *id)
{
	const struct rel *r = id && x->rels ? rel_by_id(x->rels, id) : NULL;
	struct dx saved;
	bool ok;

	if (!r || x->diagrams >= DX_DIAGRAMS || !zipread_has(x->z, r->target))
		return true;
	x->diagrams++;
	/* The data part's state starts fresh; its paragraphs are blocks of
	 * their own, emitted before the anchoring paragraph closes. */
	saved = *x;
	x->skip = x->in_t = x->nfld = x->fld_over = x->ncode = 0;
	x->nalt = x->alt_over = 0;
	x->ps.open = parastack_list_new();
	ok = part_parse(x, r->target);
	g_ptr_array_unref(x->ps.open);
	x->ps.open = saved.ps.open;
	x->skip = saved.skip;
	x->in_t = saved.in_t;
	x->nfld = saved.nfld;
	x->fld_over = saved.fld_over;
	x->ncode = saved.ncode;
	memcpy(x->fld, saved.fld, sizeof(x->fld));
	x->nalt = saved.nalt;
	x->alt_over = saved.alt_over;
	memcpy(x->alt, saved.alt, sizeof(x->alt));
	return ok;
}

static enum doc_block_kind para_kind(const struct dx *x)
{
	if (x->base != DOC_BLOCK_BODY)
		return x->base;
	if (x->boxes)
		return DOC_BLOCK_TEXTBOX;
	return x->cells ? DOC_BLOCK_TABLE : DOC_BLOCK_BODY;
}

static bool alt_choice(struct dx *x)
{
	/* Take the first mc:Choice only; the others say the same. */
	if (x->alt_over || !x->nalt)
		return true;
	if (x->alt[x->nalt - 1])
		return false;
	x->alt[x->nalt - 1] = 1;
	return true;
}

static bool body_start(void *ctx, const char *ns, const char *name,
		       const struct xmlread_attr *a, unsigned n)
{
	struct dx *x = ctx;
	struct para *top;
	const char *v;

	if (x->skip) {
		x->skip++;
		return true;
	}
	/* A deleted paragraph mark joins the paragraph to the next. */
	if (x->ppr && strcmp(name, "rPr") == 0) {
		x->ppr_rpr++;
		return true;
	}
	if (x->ppr_rpr) {
		if (strcmp(name, "del") == 0 && parastack_top(&x->ps))
			parastack_top(&x->ps)->merge = true;
		x->skip = 1;
		return true;
	}
	if (is_skipped(name) ||
	    ((strcmp(name, "footnote") == 0 || strcmp(name, "endnote") == 0) &&
	     (v = xmlread_attr(a, n, "type")) && strcmp(v, "normal") != 0) ||
	    (strcmp(name, "Choice") == 0 && !alt_choice(x))) {
		x->skip = 1;
		return true;
	}
	switch (name[0]) {
	case 'A':
		if (strcmp(name, "AlternateContent") == 0) {
			if (x->nalt < DX_ALTS)
				x->alt[x->nalt++] = 0;
			else
				x->alt_over++;
		}
		break;
	case 'b':
		if (strcmp(name, "br") == 0)
			parastack_text(&x->ps, "\n", 1, false);
		break;
	case 'c':
		if (strcmp(name, "cr") == 0)
			parastack_text(&x->ps, "\n", 1, false);
		break;
	case 'f':
		top = parastack_top(&x->ps);
		if (strcmp(name, "fldChar") == 0)
			on_field(x, xmlread_attr(a, n, "fldCharType"));
		/* A drop cap: the paragraph's first letter in a frame of
		 * its own, a paragraph before it ("D" + "rop cap"). */
		else if (strcmp(name, "framePr") == 0 && x->ppr && top &&
			 (v = xmlread_attr(a, n, "dropCap")) &&
			 (strcmp(v, "drop") == 0 || strcmp(v, "margin") == 0))
			top->merge = top->tight = true;
		break;
	case 'n':
		if (strcmp(name, "noBreakHyphen") == 0 && !x->ncode)
			parastack_text(&x->ps, "-", 1, false);
		break;
	case 'o':
		top = parastack_top(&x->ps);
		if (strcmp(name, "outlineLvl") == 0 && top &&
		    level_of_outline(xmlread_attr(a, n, "val")) >= 0)
			top->heading = (uint8_t)level_of_outline(
				xmlread_attr(a, n, "val"));
		break;
	case 'p':
		top = parastack_top(&x->ps);
		if (strcmp(name, "p") == 0)
			parastack_open(&x->ps, para_kind(x), 0);
		else if (strcmp(name, "pPr") == 0)
			x->ppr++;
		else if (strcmp(name, "pStyle") == 0 && top &&
			 (v = xmlread_attr(a, n, "val")))
			top->heading = (uint8_t)GPOINTER_TO_INT(
				g_hash_table_lookup(x->levels, v));
		else if (strcmp(name, "ptab") == 0)
			parastack_text(&x->ps, "\t", 1, false);
		break;
	case 'r':
		if (strcmp(name, "relIds") == 0 &&
		    !on_diagram(x, xmlread_attr(a, n, "dm")))
			return false;
		break;
	case 's':
		if (strcmp(name, "sym") == 0 && !x->ncode)
			on_sym(x, a, n);
		else if (strcmp(name, "softHyphen") == 0 && !x->ncode)
			parastack_text(&x->ps, "\xC2\xAD", 2, false);
		break;
	case 't':
		if (strcmp(name, "t") == 0)
			x->in_t++;
		else if (strcmp(name, "tab") == 0 && !x->ncode)
			parastack_text(&x->ps, "\t", 1, false);
		else if (strcmp(name, "tc") == 0)
			x->cells++;
		else if (strcmp(name, "txbxContent") == 0)
			x->boxes++;
		break;
	}
	return true;
}

static bool body_end(void *ctx, const char *ns, const char *name)
{
	struct dx *x = ctx;

	if (x->skip) {
		x->skip--;
		return true;
	}
	if (strcmp(name, "p") == 0)
		return parastack_close(&x->ps, NULL);
	if (strcmp(name, "rPr") == 0 && x->ppr_rpr)
		x->ppr_rpr--;
	else if (strcmp(name, "pPr") == 0 && x->ppr)
		x->ppr--;
	if (strcmp(name, "t") == 0 && x->in_t)
		x->in_t--;
	else if (strcmp(name, "tc") == 0 && x->cells)
		x->cells--;
	else if (strcmp(name, "txbxContent") == 0 && x->boxes)
		x->boxes--;
	else if (strcmp(name, "AlternateContent") == 0) {
		if (x->alt_over)
			x->alt_over--;
		else if (x->nalt)
			x->nalt--;
	}
	return true;
}

static bool body_text(void *ctx, const char *s, gsize len)
{
	struct dx *x = ctx;

	if (!x->skip && x->in_t && !x->ncode)
		parastack_text(&x->ps, s, len, false);
	return true;
}

static bool part_parse(struct dx *x, const char *part)
{
	static const struct xmlread_ops ops = {
		.start = body_start, .end = body_end, .text = body_text,
	};
	g_autoptr(GByteArray) bytes = NULL;
	bool ok;

	if (x->err)
		return false;
	bytes = zipread_read(x->z, part, &x->err);
	if (!bytes)
		return false;
	ok = xmlread_parse(bytes->data, bytes->len, x->caps, "DOCX", &ops, x,
			   x->err ? NULL : &x->err);
	/* Paragraphs left open by a stop or a truncated part still count. */
	parastack_finish(&x->ps);
	return ok && !x->err;
}

/* Parse a part into a list of paragraphs instead of the doc. */
static GPtrArray *part_collect(struct dx *x, const char *part)
{
	g_autoptr(GPtrArray) list = parastack_list_new();

	x->ps.out = list;
	x->skip = x->in_t = x->cells = x->boxes = x->ppr = x->ppr_rpr = 0;
	x->nfld = x->fld_over = x->ncode = x->nalt = x->alt_over = 0;
	if (!part_parse(x, part)) {
		x->ps.out = NULL;
		return NULL;
	}
	x->ps.out = NULL;
	return g_steal_pointer(&list);
}

static gint by_target(gconstpointer a, gconstpointer b)
{
	const struct rel *ra = *(const struct rel *const *)a;
	const struct rel *rb = *(const struct rel *const *)b;
	g_autofree char *ka = g_utf8_collate_key_for_filename(ra->target, -1);
	g_autofree char *kb = g_utf8_collate_key_for_filename(rb->target, -1);

	return strcmp(ka, kb);
}

/* Headers (or footers) in part-name order, each distinct text once. */
static bool page_parts(struct dx *x, const char *type, GHashTable *seen)
{
	g_autoptr(GPtrArray) parts = g_ptr_array_new();

	for (guint i = 0; i < x->rels->len; i++) {
		struct rel *r = x->rels->pdata[i];

		if (r->target && strcmp(r->type, type) == 0 &&
		    zipread_has(x->z, r->target))
			g_ptr_array_add(parts, r);
	}
	g_ptr_array_sort(parts, by_target);
	x->base = DOC_BLOCK_HEADER;
	for (guint i = 0; i < parts->len; i++) {
		const struct rel *r = parts->pdata[i];
		g_autoptr(GPtrArray) list = NULL;
		char *key;

		if (i && strcmp(r->target,
				((struct rel *)parts->pdata[i - 1])->target) == 0)
			continue;
		list = part_collect(x, r->target);
		if (!list)
			return false;
		key = parastack_list_key(list);
		if (!*key || g_hash_table_contains(seen, key)) {
			g_free(key);
			continue;
		}
		g_hash_table_add(seen, key);
		if (!parastack_emit(x->d, list))
			break;
	}
	return true;
}

/* ---- metadata ---- */

struct core_ctx {
	GString *modified, *created, *cur;
};

static bool core_start(void *ctx, const char *ns, const char *name,
		       const struct xmlread_attr *a, unsigned n)
{
	struct core_ctx *c = ctx;

	c->cur = strcmp(name, "modified") == 0 ? c->modified :
		 strcmp(name, "created") == 0 ? c->created : NULL;
	return true;
}

static bool core_end(void *ctx, const char *ns, const char *name)
{
	((struct core_ctx *)ctx)->cur = NULL;
	return true;
}

static bool core_text(void *ctx, const char *s, gsize len)
{
	struct core_ctx *c = ctx;

	if (c->cur && c->cur->len < 64)
		g_string_append_len(c->cur, s, (gssize)MIN(len, 64));
	return true;
}

/* "YYYY-MM-DD" from the start of an ISO 8601 stamp, or NULL. */
static char *iso_date(const char *s)
{
	unsigned y, m, dd;
	char tail;

	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	if (strlen(s) < 10 || sscanf(s, "%4u-%2u-%2u", &y, &m, &dd) != 3 ||
	    s[4] != '-' || s[7] != '-')
		return NULL;
	tail = s[10];
	if ((tail && tail != 'T' && tail != ' ' && tail != 'Z' &&
	     tail != '\n') || !g_date_valid_dmy((GDateDay)dd, (GDateMonth)m,
						 (GDateYear)y) || y < 1900)
		return NULL;
	return g_strdup_printf("%04u-%02u-%02u", y, m, dd);
}

/* Metadata is a nicety: a broken core part costs the date, not the
 * document; a bomb still fails the whole file. */
static bool core_read(struct dx *x, const char *part)
{
	static const struct xmlread_ops ops = {
		.start = core_start, .end = core_end, .text = core_text,
	};
	g_autoptr(GByteArray) bytes = NULL;
	g_autoptr(GString) mod = g_string_new(NULL);
	g_autoptr(GString) cre = g_string_new(NULL);
	struct core_ctx c = { mod, cre, NULL };
	GError *e = NULL;

	if (!part || !zipread_has(x->z, part))
		return true;
	bytes = zipread_read(x->z, part, &x->err);
	if (!bytes)
		return false;
	if (!xmlread_parse(bytes->data, bytes->len, x->caps, "DOCX", &ops, &c,
			   &e)) {
		if (e->code == SE_DTD || e->code == SE_XML_DEPTH) {
			g_propagate_error(&x->err, e);
			return false;
		}
		g_clear_error(&e);
		return true;
	}
	x->d->date = iso_date(mod->str);
	if (!x->d->date)
		x->d->date = iso_date(cre->str);
	return true;
}

/* ---- the whole document ---- */

static bool dx_run(struct dx *x)
{
	g_autoptr(GPtrArray) pkg = NULL;
	g_autoptr(GHashTable) seen = g_hash_table_new_full(
		g_str_hash, g_str_equal, g_free, NULL);
	const struct rel *r;
	g_autofree char *main_part = NULL;
	static const char *const notes[] = { "footnotes", "endnotes" };

	pkg = rels_read(x->z, x->caps, "", &x->err);
	if (!pkg)
		return false;
	r = rel_by_type(pkg, "officeDocument");
	main_part = g_strdup(r ? r->target : "word/document.xml");
	x->rels = rels_read(x->z, x->caps, main_part, &x->err);
	if (!x->rels)
		return false;
	r = rel_by_type(x->rels, "styles");
	x->levels = styles_read(x->z, x->caps, r ? r->target : NULL, &x->err);
	if (!x->levels)
		return false;
	r = rel_by_type(pkg, "core-properties");
	if (!core_read(x, r ? r->target : "docProps/core.xml"))
		return false;

	if (!page_parts(x, "header", seen))
		return false;
	x->base = DOC_BLOCK_BODY;
	x->skip = x->in_t = x->cells = x->boxes = x->ppr = x->ppr_rpr = 0;
	if (doc_full(x->d) || !part_parse(x, main_part))
		return !x->err;
	x->base = DOC_BLOCK_NOTE;
	for (gsize i = 0; i < G_N_ELEMENTS(notes); i++) {
		r = rel_by_type(x->rels, notes[i]);
		x->skip = x->in_t = x->cells = x->boxes = x->ppr = x->ppr_rpr = 0;
		if (r && zipread_has(x->z, r->target) &&
		    (doc_full(x->d) || !part_parse(x, r->target)))
			return !x->err;
	}
	if (doc_full(x->d))
		return true;
	return page_parts(x, "footer", seen);
}

/* An OLE compound file is how Word stores a password-protected DOCX. */
static const guint8 cfb_magic[] = {
	0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1,
};

bool extract_docx(const guint8 *data, gsize len, const struct caps *caps,
		  struct doc *d, GError **err)
{
	struct dx x = { .d = d, .caps = caps };
	bool ok;

	if (len >= sizeof(cfb_magic) &&
	    memcmp(data, cfb_magic, sizeof(cfb_magic)) == 0) {
		g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
			    "password-protected DOCX");
		return false;
	}
	x.z = zipread_open(data, len, caps, "DOCX", err);
	if (!x.z)
		return false;
	parastack_init(&x.ps, d);
	ok = dx_run(&x);
	if (!ok && x.err)
		g_propagate_error(err, g_steal_pointer(&x.err));
	else if (!ok)
		g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
			    "malformed DOCX");
	g_clear_error(&x.err);
	parastack_release(&x.ps);
	if (x.rels)
		g_ptr_array_unref(x.rels);
	if (x.levels)
		g_hash_table_unref(x.levels);
	zipread_free(x.z);
	return ok;
}
