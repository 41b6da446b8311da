/*
 * text.c - normalisation of extracted text, with the map back to raw.
 *
 * Owns d->text, d->map and the rewrite of d->blocks into text offsets.
 * Reads d->raw as hostile bytes (invalid UTF-8 and NUL are possible even
 * though extractors try not to produce them).  Must not touch d->raw,
 * d->glyphs or anything format-specific: every extractor's text comes
 * through here the same way.
 *
 * One pass, character by character, with a fast path for runs of
 * printable ASCII.  White space is never written when seen: a space is
 * remembered and written before the next visible character on the same
 * line, a newline before the next visible character on a later line.
 * That one rule gives trimming, folding and end-of-line hyphenation: a
 * line ending in letter + '-' joins the next one when it starts in
 * lowercase; a soft hyphen ending a line joins whatever follows, since
 * the writer marked the break.  Whether the joined word keeps its hyphen
 * is settled once the whole text is known: most hyphens at a resume's
 * line ends are the writer's own ("long-\nterm", "e-\ncommerce"), so
 * the hyphen stays unless the document spells the word without it
 * elsewhere ("integration ... integra-\ntion" was a word broken by
 * hyphenation).
 */
#include <string.h>

#include "text.h"

#define BULLET 0x2022
#define DROP 0xFFFFFFFFu
#define SOFT 0xFFFFFFFEu	/* soft hyphen: dropped, but joins lines */

/* Characters replaced before (and again after) NFKC, by code point
 * range.  Sorted; 'to' is the replacement or DROP. */
static const struct {
	gunichar lo, hi, to;
} replace[] = {
	{ 0x0085, 0x0085, '\n' },	/* NEL */
	{ 0x00A0, 0x00A0, ' ' },
	{ 0x00AD, 0x00AD, SOFT },
	{ 0x00B4, 0x00B4, '\'' },	/* acute accent used as apostrophe */
	{ 0x1680, 0x1680, ' ' },
	{ 0x180E, 0x180E, DROP },
	{ 0x2000, 0x200A, ' ' },
	{ 0x200B, 0x200F, DROP },	/* zero-width, LRM, RLM */
	{ 0x2010, 0x2015, '-' },
	{ 0x2018, 0x201B, '\'' },
	{ 0x201C, 0x201F, '"' },
	{ 0x2023, 0x2023, BULLET },
	{ 0x2028, 0x2029, '\n' },
	{ 0x202A, 0x202E, DROP },	/* bidi embeddings */
	{ 0x202F, 0x202F, ' ' },
	{ 0x2032, 0x2032, '\'' },
	{ 0x2033, 0x2033, '"' },
	{ 0x2043, 0x2043, BULLET },
	{ 0x205F, 0x205F, ' ' },
	{ 0x2060, 0x2064, DROP },
	{ 0x2066, 0x2069, DROP },	/* bidi isolates */
	{ 0x2212, 0x2212, '-' },
	{ 0x2219, 0x2219, BULLET },
	{ 0x25A0, 0x25A1, BULLET },
	{ 0x25AA, 0x25AB, BULLET },
	{ 0x25B8, 0x25B8, BULLET },
	{ 0x25BA, 0x25BA, BULLET },
	{ 0x25C6, 0x25C6, BULLET },
	{ 0x25CF, 0x25CF, BULLET },
	{ 0x25E6, 0x25E6, BULLET },
	{ 0x2713, 0x2714, BULLET },
	{ 0x2756, 0x2756, BULLET },
	{ 0x27A2, 0x27A2, BULLET },
	{ 0x27A4, 0x27A4, BULLET },
	{ 0x3000, 0x3000, ' ' },
	/* Glyphs of symbol fonts (Symbol, Wingdings, OpenSymbol) land in the
	 * private-use page U+F0xx when a PDF or Word export keeps the font's own
	 * codes; in a resume they are bullets and icons, never words. */
	{ 0xF020, 0xF0FF, BULLET },
	{ 0xFE58, 0xFE58, '-' },
	{ 0xFE63, 0xFE63, '-' },
	{ 0xFEFF, 0xFEFF, DROP },	/* BOM, zero-width no-break space */
	{ 0xFF0D, 0xFF0D, '-' },
};

/* The replacement of ch, or ch itself. */
static gunichar replacement(gunichar ch)
{
	guint lo = 0, hi = G_N_ELEMENTS(replace);

	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;

		if (ch < replace[mid].lo)
			hi = mid;
		else if (ch > replace[mid].hi)
			lo = mid + 1;
		else
			return replace[mid].to;
	}
	switch (g_unichar_type(ch)) {
	case G_UNICODE_CONTROL:
	case G_UNICODE_FORMAT:
		return DROP;
	default:
		return ch;
	}
}

/* Whether NFKC leaves ch alone when no combining mark follows it: it has
 * no compatibility mapping and, if it decomposes canonically, it is the
 * primary composite of its decomposition.  Saves calling
 * g_utf8_normalize() (which allocates) for most accented letters. */
static bool nfkc_stable(gunichar ch)
{
	gunichar k[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
	gunichar c[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
	gunichar a, b, x;
	gsize nk, nc;

	if (ch < 0xA0 || (ch >= 0xC0 && ch <= 0xFF))
		return true;
	nk = g_unichar_fully_decompose(ch, TRUE, k, G_N_ELEMENTS(k));
	if (nk == 1 && k[0] == ch)
		return true;
	nc = g_unichar_fully_decompose(ch, FALSE, c, G_N_ELEMENTS(c));
	if (nk != nc || memcmp(k, c, nk * sizeof(*k)) != 0)
		return false;
	return g_unichar_decompose(ch, &a, &b) && b != 0 &&
	       g_unichar_compose(a, b, &x) && x == ch;
}

/* The code point at p, or (gunichar)-1 when the bytes there are not
 * valid UTF-8 or are NUL; *n is its length (1 when invalid). */
static gunichar decode(const char *p, gsize left, gsize *n)
{
	gunichar ch;

	if ((guchar)*p < 0x80) {
		*n = 1;
		return *p ? (gunichar)(guchar)*p : (gunichar)-1;
	}
	ch = g_utf8_get_char_validated(p, (gssize)MIN(left, 8));
	if (ch >= 0xFFFFFFFEu) {
		*n = 1;
		return (gunichar)-1;
	}
	*n = (gsize)g_utf8_skip[(guchar)*p];
	return ch;
}

/* A character NFKC changes, and what it becomes. */
struct nfkc_cached {
	gunichar ch;		/* 0: empty */
	char nf[28];		/* NUL-terminated */
};

/* The normaliser's output and the white space it has not written yet. */
struct norm {
	GString *out;
	GArray *map;		/* guint32 per byte of out */
	bool content;		/* the current line has a visible character */
	bool sp;		/* a space is pending, from raw sp_off */
	guint32 sp_off;
	unsigned nl;		/* newlines pending (0, 1, or 2 for a blank
				   line), from raw nl_off[] */
	guint32 nl_off[2];
	enum { HY_NONE, HY_HARD, HY_SOFT } hy;	/* how the last line
				   ended: letter + '-', or a soft hyphen */
	bool soft;		/* a soft hyphen since the last visible
				   character */
	enum { LAST_OTHER, LAST_WORD, LAST_BULLET } last;	/* what the
				   last visible character written was */
	GArray *joins;		/* guint32: out offsets of the hyphens of
				   lines joined at a hard hyphen */
	/* NFKC of single characters seen before, by code point modulo 64:
	 * documents repeat the few that change (ligatures, "½", "™"). */
	struct nfkc_cached cache[64];
};

static void put(struct norm *n, const char *s, gsize len, guint32 off)
{
	gsize at = n->map->len, i;

	g_string_append_len(n->out, s, (gssize)len);
	g_array_set_size(n->map, at + len);
	for (i = 0; i < len; i++)
		g_array_index(n->map, guint32, at + i) = off;
}

/* Before a visible character: write the pending newlines (or join a
 * hyphenated word) and the pending space.  A bullet glued to a word
 * ("\u2022Python", "REST\u2022SOAP") gets a space from off, the raw
 * offset of the character after the gap: a bullet is never part of a
 * word, and a word glued to it would not be read. */
static void before_visible(struct norm *n, gunichar first, guint32 off,
			   bool bullet)
{
	if (n->nl) {
		if (n->hy == HY_HARD && n->nl == 1 &&
		    g_unichar_islower(first)) {
			guint32 at = (guint32)n->out->len - 1;

			g_array_append_val(n->joins, at);
		} else if (n->hy == HY_SOFT && n->nl == 1 &&
			   g_unichar_isalnum(first)) {
			/* nothing to take back */
		} else if (n->out->len) {
			put(n, "\n", 1, n->nl_off[0]);
			if (n->nl > 1)
				put(n, "\n", 1, n->nl_off[1]);
		}
		n->nl = 0;
		n->hy = HY_NONE;
	}
	n->soft = false;
	if (n->sp && n->content)
		put(n, " ", 1, n->sp_off);
	else if (n->content &&
		 ((n->last == LAST_BULLET && g_unichar_isalnum(first)) ||
		  (bullet && n->last == LAST_WORD)))
		put(n, " ", 1, off);
	n->sp = false;
	n->content = true;
}

static bool is_bullet(const char *s, gsize len)
{
	return len == 3 && memcmp(s, "\xE2\x80\xA2", 3) == 0;
}

/* A visible character (or a run of them): s[0..len), all from raw
 * offset off, or from off, off+1... when run is set. */
static void visible(struct norm *n, const char *s, gsize len, guint32 off,
		    bool run)
{
	gsize at, i;
	gunichar first = run ? (gunichar)(guchar)*s : g_utf8_get_char(s);
	bool bullet = !run && is_bullet(s, len);

	before_visible(n, first, off, bullet);
	if (!run) {
		put(n, s, len, off);
		n->last = bullet ? LAST_BULLET : g_unichar_isalnum(first) ?
			LAST_WORD : LAST_OTHER;
		return;
	}
	n->last = g_ascii_isalnum(s[len - 1]) ? LAST_WORD : LAST_OTHER;
	at = n->map->len;
	g_string_append_len(n->out, s, (gssize)len);
	g_array_set_size(n->map, at + len);
	for (i = 0; i < len; i++)
		g_array_index(n->map, guint32, at + i) = off + (guint32)i;
}

static void space(struct norm *n, guint32 off)
{
	if (n->content && !n->sp) {
		n->sp = true;
		n->sp_off = off;
	}
}

/* Whether out ends in a letter and '-': a word broken at the line end. */
static bool ends_hyphenated(const GString *out)
{
	const char *p;

	if (out->len < 2 || out->str[out->len - 1] != '-')
		return false;
	p = g_utf8_find_prev_char(out->str, out->str + out->len - 1);
	return p && g_unichar_isalpha(g_utf8_get_char(p));
}

static void newline(struct norm *n, guint32 off)
{
	if (n->content) {
		n->hy = ends_hyphenated(n->out) ? HY_HARD :
			n->soft ? HY_SOFT : HY_NONE;
		n->content = false;
		n->sp = false;
		n->nl = 1;
		n->nl_off[0] = off;
	} else if (n->nl == 1) {
		n->nl = 2;
		n->nl_off[1] = off;
	}
}

/* One character after NFKC: replaced, then written as what it is. */
static void emit(struct norm *n, gunichar ch, guint32 off)
{
	char buf[8];
	gint len;

	ch = replacement(ch);
	if (ch == DROP)
		return;
	if (ch == SOFT) {
		n->soft = n->content;
		return;
	}
	if (ch == ' ') {
		space(n, off);
		return;
	}
	if (ch == '\n') {
		newline(n, off);
		return;
	}
	len = g_unichar_to_utf8(ch, buf);
	visible(n, buf, (gsize)len, off, false);
}

/* Whether c joins the character before it under NFKC: combining marks,
 * and the Hangul vowel and final jamo that compose into a syllable. */
static bool combines(gunichar c)
{
	return g_unichar_ismark(c) || (c >= 0x1160 && c <= 0x11FF);
}

/* The character ch at raw[i] (k bytes, one replacement() leaves alone)
 * with the combining marks that follow it, normalised as one cluster.
 * Returns the bytes consumed. */
static gsize cluster(struct norm *n, const char *raw, gsize len, gsize i,
		     gunichar ch, gsize k)
{
	gsize j = i + k, m, marks = 0;
	g_autofree char *nf = NULL;
	const char *p;
	struct nfkc_cached *c;

	/* A run of marks is capped so hostile text cannot make one
	 * normalisation call quadratic. */
	while (j < len && marks < 32) {
		gunichar mc = decode(raw + j, len - j, &m);

		if (mc == (gunichar)-1 || !combines(mc))
			break;
		j += m;
		marks++;
	}
	if (marks == 0 && nfkc_stable(ch)) {
		visible(n, raw + i, k, (guint32)i, false);
		return k;
	}
	c = &n->cache[ch % G_N_ELEMENTS(n->cache)];
	if (marks == 0 && c->ch == ch) {
		p = c->nf;
	} else {
		nf = g_utf8_normalize(raw + i, (gssize)(j - i),
				      G_NORMALIZE_NFKC);
		if (!nf) {
			emit(n, ch, (guint32)i);
			return k;
		}
		if (marks == 0 && strlen(nf) < sizeof(c->nf)) {
			c->ch = ch;
			memcpy(c->nf, nf, strlen(nf) + 1);
		}
		p = nf;
	}
	for (; *p; p = g_utf8_next_char(p))
		emit(n, g_utf8_get_char(p), (guint32)i);
	return j - i;
}

static bool printable_ascii(guchar c)
{
	return c > 0x20 && c < 0x7F;
}

/* White space inside a line: what a gap between words is made of. */
static bool blank(gunichar c)
{
	return c == ' ' || c == '\t' ||
	       (c < 0xFFFFFFFEu && g_unichar_type(c) ==
		G_UNICODE_SPACE_SEPARATOR);
}

/* Whether the character before raw[i] is white space on the line. */
static bool blank_before(const char *raw, gsize i)
{
	const char *p = i ? g_utf8_find_prev_char(raw, raw + i) : NULL;

	return p && blank(g_utf8_get_char_validated(p, (gssize)(raw + i - p)));
}

/* A U+FFFD run starting at raw[i], after white space and a word on the
 * same line, and followed by white space: a spacing glyph with no
 * Unicode value in a gap between words (some Word and online-converter
 * PDFs draw their gaps so), not a letter lost from a word.  Returns the
 * offset past the run, or 0 when raw[i] starts no such run. */
static gsize spacer_end(const struct norm *n, const char *raw, gsize len,
			gsize i)
{
	gsize j = i, k;

	if (!n->content || !blank_before(raw, i))
		return 0;
	while (j + 3 <= len && memcmp(raw + j, "\xEF\xBF\xBD", 3) == 0)
		j += 3;
	return j > i && j < len && blank(decode(raw + j, len - j, &k)) ?
		j : 0;
}

static void normalise(struct norm *n, const char *raw, gsize len)
{
	gsize i = 0, j, k;

	while (i < len) {
		guchar c = (guchar)raw[i];
		gunichar ch;

		if (printable_ascii(c)) {
			/* A run of printable ASCII and single spaces between
			 * words goes out as it is.  Its last character is
			 * left to the slow path when a combining mark may
			 * follow it. */
			for (j = i + 1; j < len; j++) {
				if (printable_ascii(raw[j]))
					continue;
				if (raw[j] != ' ' || j + 1 >= len ||
				    !printable_ascii(raw[j + 1]))
					break;
				j++;
			}
			if (j < len && (guchar)raw[j] >= 0x80) {
				j--;
				if (j > i && raw[j - 1] == ' ')
					j--;
			}
			if (j > i) {
				visible(n, raw + i, j - i, (guint32)i, true);
				i = j;
				continue;
			}
		}
		switch (c) {
		case ' ':
		case '\t':
			space(n, (guint32)i);
			i++;
			continue;
		case '\r':
			if (i + 1 < len && raw[i + 1] == '\n') {
				i++;
				continue;
			}
			/* fall through */
		case '\n':
		case '\f':
		case '\v':
			newline(n, (guint32)i);
			i++;
			continue;
		}
		ch = decode(raw + i, len - i, &k);
		if (ch == 0xFFFD && (j = spacer_end(n, raw, len, i)) > 0) {
			space(n, (guint32)i);
			i = j;
			continue;
		}
		if (ch == (gunichar)-1) {
			emit(n, 0xFFFD, (guint32)i);
			i += k;
			continue;
		}
		if (replacement(ch) != ch) {
			emit(n, ch, (guint32)i);
			i += k;
			continue;
		}
		i += cluster(n, raw, len, i, ch, k);
	}
	if (n->nl && n->out->len)
		put(n, "\n", 1, n->nl_off[0]);
}

static bool word_byte(guchar c)
{
	return g_ascii_isalnum(c) || c >= 0x80;
}

/* Every word of the text, folded to lowercase, as a set. */
static GHashTable *word_set(const GString *t)
{
	GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal,
						g_free, NULL);
	gsize i = 0, s;

	while (i < t->len) {
		while (i < t->len && !word_byte((guchar)t->str[i]))
			i++;
		for (s = i; i < t->len && word_byte((guchar)t->str[i]); i++)
			;
		if (i > s)
			g_hash_table_add(set, g_utf8_strdown(t->str + s,
							     (gssize)(i - s)));
	}
	return set;
}

/* Whether the word around the hyphen at h, without it, is a word the
 * text uses elsewhere. */
static bool spelt_whole(const GString *t, guint32 h, GHashTable *words)
{
	gsize s = h, e = h + 1;
	g_autofree char *whole = NULL, *low = NULL;

	while (s > 0 && word_byte((guchar)t->str[s - 1]))
		s--;
	while (e < t->len && word_byte((guchar)t->str[e]))
		e++;
	whole = g_strdup_printf("%.*s%.*s", (int)(h - s), t->str + s,
				(int)(e - h - 1), t->str + h + 1);
	low = g_utf8_strdown(whole, -1);
	return g_hash_table_contains(words, low);
}

/* Drop the hyphens of joined lines whose word the text spells whole
 * elsewhere; keep the rest (see the top of the file).  Decided on the
 * text as it stands, then removed in one pass. */
static void settle_joins(struct norm *n)
{
	g_autoptr(GHashTable) words = NULL;
	g_autoptr(GArray) drop = NULL;
	gsize r, w = 0;
	guint k;

	if (!n->joins->len)
		return;
	words = word_set(n->out);
	drop = g_array_new(FALSE, FALSE, sizeof(guint32));
	for (k = 0; k < n->joins->len; k++) {
		guint32 h = g_array_index(n->joins, guint32, k);

		if (spelt_whole(n->out, h, words))
			g_array_append_val(drop, h);
	}
	for (r = 0, k = 0; r < n->out->len; r++) {
		if (k < drop->len && g_array_index(drop, guint32, k) == r) {
			k++;
			continue;
		}
		n->out->str[w] = n->out->str[r];
		g_array_index(n->map, guint32, w) =
			g_array_index(n->map, guint32, r);
		w++;
	}
	g_string_truncate(n->out, w);
	g_array_set_size(n->map, w);
}

/* Valid UTF-8 with no NUL: bad bytes and NUL become U+FFFD. */
static void make_valid(GString *out, const char *s, gsize len)
{
	gsize i = 0, start = 0, k;

	while (i < len) {
		if ((guchar)s[i] - 1u < 0x7Fu) {	/* ASCII but NUL */
			i++;
			continue;
		}
		if (decode(s + i, len - i, &k) != (gunichar)-1) {
			i += k;
			continue;
		}
		g_string_append_len(out, s + start, (gssize)(i - start));
		g_string_append(out, "\xEF\xBF\xBD");
		start = ++i;
	}
	g_string_append_len(out, s + start, (gssize)(len - start));
}

/* The same, with the map: every byte of a character maps to the
 * character's first raw byte, as in normalised text. */
static void make_valid_map(GString *out, GArray *map, const char *s,
			   gsize len)
{
	gsize i = 0, start = 0, k, at, b;
	guint32 cur = 0;

	while (i <= len) {
		if (i < len && (guchar)s[i] - 1u < 0x7Fu) {
			i++;
			continue;
		}
		if (i < len && decode(s + i, len - i, &k) != (gunichar)-1) {
			i += k;
			continue;
		}
		/* The valid stretch [start, i), then U+FFFD for s[i]. */
		at = out->len;
		g_string_append_len(out, s + start, (gssize)(i - start));
		g_array_set_size(map, out->len);
		for (b = start; b < i; b++) {
			if (((guchar)s[b] & 0xC0) != 0x80)
				cur = (guint32)b;
			g_array_index(map, guint32, at + b - start) = cur;
		}
		if (i == len)
			break;
		g_string_append(out, "\xEF\xBF\xBD");
		for (b = 0; b < 3; b++)
			g_array_append_val(map, (guint32){ (guint32)i });
		start = ++i;
	}
}

char *text_make_valid(const char *s, gssize len)
{
	GString *out;
	gsize n = len < 0 ? strlen(s) : (gsize)len;

	out = g_string_sized_new(n + 1);
	make_valid(out, s, n);
	return g_string_free(out, FALSE);
}

/* The first text offset whose raw offset is at least off. */
static guint32 text_offset(const GArray *map, guint32 off)
{
	guint lo = 0, hi = map->len - 1;

	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;

		if (g_array_index(map, guint32, mid) < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Blocks from raw to text offsets, trimmed of white space; a block left
 * empty by normalisation is dropped. */
static void remap_blocks(struct doc *d)
{
	guint i, w = 0;
	guint32 rawlen = (guint32)d->raw->len;

	for (i = 0; i < d->blocks->len; i++) {
		struct doc_block b =
			g_array_index(d->blocks, struct doc_block, i);
		guint32 s = text_offset(d->map, MIN(b.start, rawlen));
		guint32 e = text_offset(d->map, MIN(b.end, rawlen));

		while (s < e && g_ascii_isspace(d->text->str[s]))
			s++;
		while (e > s && g_ascii_isspace(d->text->str[e - 1]))
			e--;
		if (s == e)
			continue;
		b.start = s;
		b.end = e;
		g_array_index(d->blocks, struct doc_block, w++) = b;
	}
	g_array_set_size(d->blocks, w);
}

void text_normalise(struct doc *d, bool identity)
{
	struct norm n = { 0 };
	guint32 rawlen = (guint32)d->raw->len;

	if (d->text)
		g_string_free(d->text, TRUE);
	if (d->map)
		g_array_unref(d->map);
	d->text = g_string_sized_new(d->raw->len + 16);
	d->map = g_array_sized_new(FALSE, FALSE, sizeof(guint32),
				   d->raw->len + 17);
	if (identity) {
		make_valid_map(d->text, d->map, d->raw->str, d->raw->len);
	} else {
		n.out = d->text;
		n.map = d->map;
		n.joins = g_array_new(FALSE, FALSE, sizeof(guint32));
		normalise(&n, d->raw->str, d->raw->len);
		settle_joins(&n);
		g_array_unref(n.joins);
	}
	g_array_append_val(d->map, rawlen);
	remap_blocks(d);
}
