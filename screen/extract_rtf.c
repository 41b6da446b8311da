/*
 * extract_rtf.c - a small RTF reader: the text, its paragraphs and the
 * document date.
 *
 * Owns RTF tokenising and the table of control words it acts on; every
 * other control word is ignored.  Group nesting is capped (caps->xml_depth)
 * and kept in an array, never on the C stack.  Text in the document's ANSI
 * code page (\ansicpg) is decoded here; fonts' own charsets are not
 * followed.  Must not normalise: d->raw is the document's text as written.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "error.h"

/* What a control word does. */
enum rtf_act {
	ACT_SKIP,	/* a destination whose text is not document text */
	ACT_PAR,	/* ends a paragraph */
	ACT_CELL,	/* ends a table cell or row: no blank line */
	ACT_LINE,
	ACT_TAB,
	ACT_CHAR,	/* a character: the table's ch */
	ACT_U,		/* \uN */
	ACT_UC,		/* \ucN */
	ACT_BIN,	/* \binN: N bytes of binary data follow */
	ACT_ANSICPG,
	ACT_KIND,	/* header, footer, footnote: the table's kind */
	ACT_INTBL,
	ACT_PARD,
	ACT_CREATIM,
	ACT_REVTIM,
	ACT_YR,
	ACT_MO,
	ACT_DY,
};

/* Sorted by name for bsearch(). */
static const struct rtf_word {
	const char *name;
	enum rtf_act act;
	gunichar ch;		/* ACT_CHAR: the character; ACT_KIND: kind */
} words[] = {
	{ "ansicpg", ACT_ANSICPG, 0 },
	{ "author", ACT_SKIP, 0 },
	{ "bin", ACT_BIN, 0 },
	{ "bkmkend", ACT_SKIP, 0 },
	{ "bkmkstart", ACT_SKIP, 0 },
	{ "bullet", ACT_CHAR, 0x2022 },
	{ "cell", ACT_CELL, 0 },
	{ "colortbl", ACT_SKIP, 0 },
	{ "comment", ACT_SKIP, 0 },
	{ "company", ACT_SKIP, 0 },
	{ "creatim", ACT_CREATIM, 0 },
	{ "datastore", ACT_SKIP, 0 },
	{ "dy", ACT_DY, 0 },
	{ "emdash", ACT_CHAR, 0x2014 },
	{ "emspace", ACT_CHAR, 0x2003 },
	{ "endash", ACT_CHAR, 0x2013 },
	{ "enspace", ACT_CHAR, 0x2002 },
	{ "fldinst", ACT_SKIP, 0 },
	{ "fonttbl", ACT_SKIP, 0 },
	{ "footer", ACT_KIND, DOC_BLOCK_HEADER },
	{ "footerf", ACT_KIND, DOC_BLOCK_HEADER },
	{ "footerl", ACT_KIND, DOC_BLOCK_HEADER },
	{ "footerr", ACT_KIND, DOC_BLOCK_HEADER },
	{ "footnote", ACT_KIND, DOC_BLOCK_NOTE },
	{ "ftncn", ACT_SKIP, 0 },
	{ "ftnsep", ACT_SKIP, 0 },
	{ "ftnsepc", ACT_SKIP, 0 },
	{ "generator", ACT_SKIP, 0 },
	{ "header", ACT_KIND, DOC_BLOCK_HEADER },
	{ "headerf", ACT_KIND, DOC_BLOCK_HEADER },
	{ "headerl", ACT_KIND, DOC_BLOCK_HEADER },
	{ "headerr", ACT_KIND, DOC_BLOCK_HEADER },
	{ "info", ACT_SKIP, 0 },
	{ "intbl", ACT_INTBL, 0 },
	{ "keywords", ACT_SKIP, 0 },
	{ "ldblquote", ACT_CHAR, 0x201C },
	{ "line", ACT_LINE, 0 },
	{ "listoverridetable", ACT_SKIP, 0 },
	{ "listtable", ACT_SKIP, 0 },
	{ "lquote", ACT_CHAR, 0x2018 },
	{ "mo", ACT_MO, 0 },
	{ "objdata", ACT_SKIP, 0 },
	{ "object", ACT_SKIP, 0 },
	{ "operator", ACT_SKIP, 0 },
	{ "page", ACT_PAR, 0 },
	{ "par", ACT_PAR, 0 },
	{ "pard", ACT_PARD, 0 },
	{ "pict", ACT_SKIP, 0 },
	{ "printim", ACT_SKIP, 0 },
	{ "qmspace", ACT_CHAR, 0x2005 },
	{ "rdblquote", ACT_CHAR, 0x201D },
	{ "revtbl", ACT_SKIP, 0 },
	{ "revtim", ACT_REVTIM, 0 },
	{ "row", ACT_CELL, 0 },
	{ "rquote", ACT_CHAR, 0x2019 },
	{ "rsidtbl", ACT_SKIP, 0 },
	{ "sect", ACT_PAR, 0 },
	{ "stylesheet", ACT_SKIP, 0 },
	{ "subject", ACT_SKIP, 0 },
	{ "tab", ACT_TAB, 0 },
	{ "title", ACT_SKIP, 0 },
	{ "u", ACT_U, 0 },
	{ "uc", ACT_UC, 0 },
	{ "xmlnstbl", ACT_SKIP, 0 },
	{ "yr", ACT_YR, 0 },
};

/* The dates \info may carry. */
enum { TIM_NONE, TIM_CREATED, TIM_REVISED, TIM_N };

/* State that a group inherits from its parent and drops at '}'. */
struct rtf_group {
	bool skip;		/* inside a destination we do not read */
	bool table;		/* paragraph is in a table (\intbl) */
	guint8 kind;		/* enum doc_block_kind */
	guint8 tim;		/* which date \yr \mo \dy set */
	guint8 uc;		/* bytes to skip after \uN */
};

struct rtf {
	const guint8 *p;
	gsize len, i;
	struct doc *d;
	struct rtf_group *stack;	/* [0..depth] */
	guint depth, max_depth;
	gunichar cp[128];	/* code page bytes 0x80-0xFF */
	unsigned skip_after_u;	/* fallback characters still to skip */
	gunichar high;		/* a \u high surrogate waiting for its pair */
	bool in_block;
	guint8 block_kind;
	int date[TIM_N][3];	/* year, month, day */
};

static int word_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct rtf_word *)elem)->name);
}

static struct rtf_group *top(struct rtf *r)
{
	return &r->stack[r->depth];
}

/* The 128 upper bytes of a Windows code page; 1252 by default and
 * whenever the code page is unknown. */
static void set_codepage(struct rtf *r, long cp)
{
	unsigned c;

	for (c = 0x80; c < 0x100; c++) {
		char in = (char)c, name[24];
		g_autofree char *out = NULL;
		gsize n = 0;

		r->cp[c - 0x80] = extract_cp1252((guint8)c);
		if (cp == 1252 || cp <= 0 || cp > 65535)
			continue;
		g_snprintf(name, sizeof(name), "CP%ld", cp);
		out = g_convert(&in, 1, "UTF-8", name, NULL, &n, NULL);
		r->cp[c - 0x80] = out && n > 0 && g_utf8_validate(out, n, NULL) ?
			g_utf8_get_char(out) : 0xFFFD;
	}
}

static void block_end(struct rtf *r)
{
	if (r->in_block)
		doc_block_close(r->d);
	r->in_block = false;
}

/* Text goes to a block of the current group's kind. */
static void put_text(struct rtf *r, const char *s, gsize n)
{
	const struct rtf_group *g = top(r);
	guint8 kind = g->kind;

	if (g->skip)
		return;
	if (kind == DOC_BLOCK_BODY && g->table)
		kind = DOC_BLOCK_TABLE;
	if (r->in_block && r->block_kind != kind)
		block_end(r);
	if (!r->in_block) {
		doc_block_open(r->d, 0, kind, 0);
		r->in_block = true;
		r->block_kind = kind;
	}
	doc_append(r->d, s, (gssize)n);
}

static void put_char(struct rtf *r, gunichar ch)
{
	char buf[8];

	if (ch >= 0xD800 && ch < 0xDC00) {
		r->high = ch;
		return;
	}
	if (ch >= 0xDC00 && ch < 0xE000) {
		ch = r->high ? 0x10000 + ((r->high - 0xD800) << 10) +
			       (ch - 0xDC00) : 0xFFFD;
	} else if (r->high) {
		put_text(r, "\xEF\xBF\xBD", 3);
	}
	r->high = 0;
	if (ch == 0 || ch > 0x10FFFF)
		ch = 0xFFFD;
	put_text(r, buf, (gsize)g_unichar_to_utf8(ch, buf));
}

static void put_byte(struct rtf *r, guint8 c)
{
	if (r->skip_after_u) {
		r->skip_after_u--;
		return;
	}
	if (c < 0x80)
		put_char(r, c);
	else
		put_char(r, r->cp[c - 0x80]);
}

/* A paragraph ends; an empty one stays as a blank line. */
static void paragraph(struct rtf *r)
{
	if (top(r)->skip)
		return;
	if (r->in_block)
		block_end(r);
	else
		doc_append(r->d, "\n", 1);
}

static void date_part(struct rtf *r, int part, long v)
{
	guint8 t = top(r)->tim;

	if (t != TIM_NONE)
		r->date[t][part] = (int)CLAMP(v, 0, 9999);
}

static void control_word(struct rtf *r, const char *name, bool has_arg,
			 long arg)
{
	const struct rtf_word *w;
	struct rtf_group *g = top(r);

	w = bsearch(name, words, G_N_ELEMENTS(words), sizeof(*w), word_cmp);
	if (!w)
		return;
	switch (w->act) {
	case ACT_SKIP:
		g->skip = true;
		break;
	case ACT_PAR:
		paragraph(r);
		break;
	case ACT_CELL:
		if (!g->skip)
			block_end(r);
		break;
	case ACT_LINE:
		put_text(r, "\n", 1);
		break;
	case ACT_TAB:
		put_text(r, "\t", 1);
		break;
	case ACT_CHAR:
		put_char(r, w->ch);
		break;
	case ACT_U:
		put_char(r, (gunichar)(arg < 0 ? arg + 65536 : arg) & 0xFFFF);
		r->skip_after_u = g->uc;
		break;
	case ACT_UC:
		g->uc = (guint8)CLAMP(arg, 0, 8);
		break;
	case ACT_BIN:
		r->i += MIN((gsize)MAX(arg, 0), r->len - r->i);
		break;
	case ACT_ANSICPG:
		set_codepage(r, arg);
		break;
	case ACT_KIND:
		block_end(r);
		g->kind = (guint8)w->ch;
		break;
	case ACT_INTBL:
		g->table = true;
		break;
	case ACT_PARD:
		g->table = false;
		break;
	case ACT_CREATIM:
	case ACT_REVTIM:
		g->skip = true;
		g->tim = w->act == ACT_CREATIM ? TIM_CREATED : TIM_REVISED;
		break;
	case ACT_YR:
	case ACT_MO:
	case ACT_DY:
		date_part(r, w->act - ACT_YR, has_arg ? arg : 0);
		break;
	}
}

static int hexval(guint8 c)
{
	return g_ascii_isxdigit(c) ? g_ascii_xdigit_value(c) : -1;
}

/* After a backslash. */
static void control(struct rtf *r)
{
	const guint8 *p = r->p;
	char name[33];
	gsize n = 0;
	long arg = 0;
	bool neg = false, has_arg = false;
	int digits = 0;

	if (r->i >= r->len)
		return;
	if (!g_ascii_isalpha(p[r->i])) {
		guint8 c = p[r->i++];

		switch (c) {
		case '\'':
			if (r->len - r->i >= 2 && hexval(p[r->i]) >= 0 &&
			    hexval(p[r->i + 1]) >= 0) {
				put_byte(r, (guint8)(hexval(p[r->i]) << 4 |
						     hexval(p[r->i + 1])));
				r->i += 2;
			}
			return;
		case '*':
			top(r)->skip = true;
			return;
		case '\n':
		case '\r':
			if (r->skip_after_u)
				r->skip_after_u--;
			else
				paragraph(r);
			return;
		}
		if (r->skip_after_u) {
			r->skip_after_u--;
			return;
		}
		if (c == '~')
			put_char(r, 0x00A0);
		else if (c == '_')
			put_char(r, 0x2011);
		else if (c == '\\' || c == '{' || c == '}')
			put_char(r, c);
		/* "\-" (optional hyphen) and unknown symbols: nothing */
		return;
	}
	while (r->i < r->len && g_ascii_isalpha(p[r->i])) {
		if (n < sizeof(name) - 1)
			name[n++] = (char)p[r->i];
		r->i++;
	}
	name[n] = 0;
	if (r->i < r->len && p[r->i] == '-' && r->i + 1 < r->len &&
	    g_ascii_isdigit(p[r->i + 1])) {
		neg = true;
		r->i++;
	}
	while (r->i < r->len && g_ascii_isdigit(p[r->i])) {
		if (digits++ < 9)
			arg = arg * 10 + (p[r->i] - '0');
		has_arg = true;
		r->i++;
	}
	if (neg)
		arg = -arg;
	if (r->i < r->len && p[r->i] == ' ')
		r->i++;
	/* The fallback after \uN counts control words as characters. */
	if (r->skip_after_u && strcmp(name, "u") != 0 &&
	    strcmp(name, "bin") != 0) {
		r->skip_after_u--;
		return;
	}
	control_word(r, name, has_arg, arg);
}

static bool valid_date(const int *t)
{
	return t[0] >= 1900 && t[0] <= 2100 && t[1] >= 1 && t[1] <= 12 &&
	       t[2] >= 1 && t[2] <= 31;
}

bool extract_rtf(const guint8 *data, gsize len, const struct caps *caps,
		 struct doc *d, GError **err)
{
	struct rtf r = {
		.p = data,
		.len = len,
		.d = d,
		.max_depth = caps->xml_depth ? caps->xml_depth : 1,
	};
	g_autofree struct rtf_group *stack =
		g_new0(struct rtf_group, r.max_depth + 1);
	int t;

	r.stack = stack;
	r.stack[0].uc = 1;
	set_codepage(&r, 1252);
	while (r.i < r.len && !doc_full(d)) {
		guint8 c = data[r.i++];

		switch (c) {
		case '{':
			if (r.depth >= r.max_depth) {
				g_set_error(err, SCREENER_ERROR, SE_XML_DEPTH,
					    "RTF nesting too deep (over %u)",
					    r.max_depth);
				return false;
			}
			r.depth++;
			r.stack[r.depth] = r.stack[r.depth - 1];
			r.skip_after_u = 0;
			break;
		case '}':
			r.skip_after_u = 0;
			if (r.depth == 0)
				break;
			if (r.stack[r.depth].kind != r.stack[r.depth - 1].kind)
				block_end(&r);
			r.depth--;
			/* The outermost group closed: the document ends. */
			if (r.depth == 0)
				r.i = r.len;
			break;
		case '\\':
			control(&r);
			break;
		case '\r':
		case '\n':
		case 0:
			break;
		default:
			put_byte(&r, c);
		}
	}
	block_end(&r);
	for (t = TIM_REVISED; t > TIM_NONE; t--) {
		if (valid_date(r.date[t])) {
			d->date = g_strdup_printf("%04d-%02d-%02d",
						  r.date[t][0], r.date[t][1],
						  r.date[t][2]);
			break;
		}
	}
	return true;
}
