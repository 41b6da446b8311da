/*
 * doc.c - the extracted document: its memory, the text cap, blocks and
 * the lookups from a text offset to its block and raw offset.  The byte
 * encoding lives in doc_codec.c.  Knows nothing of any file format.
 */
#include <stdarg.h>
#include <string.h>

#include "doc.h"
#include "error.h"

struct doc *doc_new(enum doc_format format, uint64_t text_cap)
{
	struct doc *d = g_new0(struct doc, 1);

	d->format = format;
	d->raw = g_string_new(NULL);
	d->blocks = g_array_new(FALSE, FALSE, sizeof(struct doc_block));
	d->glyphs = g_array_new(FALSE, FALSE, sizeof(struct doc_glyph));
	d->warnings = g_ptr_array_new_with_free_func(g_free);
	d->text_cap = text_cap ? text_cap : G_MAXUINT32 - 1;
	return d;
}

void doc_free(struct doc *d)
{
	if (!d)
		return;
	g_free(d->date);
	g_string_free(d->raw, TRUE);
	if (d->text)
		g_string_free(d->text, TRUE);
	if (d->map)
		g_array_unref(d->map);
	g_array_unref(d->blocks);
	g_array_unref(d->glyphs);
	g_ptr_array_unref(d->warnings);
	g_free(d);
}

static const char *const format_names[] = {
	[DOC_FORMAT_UNKNOWN] = "unknown",
	[DOC_FORMAT_PDF] = "pdf",
	[DOC_FORMAT_DOCX] = "docx",
	[DOC_FORMAT_ODT] = "odt",
	[DOC_FORMAT_TEXT] = "text",
	[DOC_FORMAT_RTF] = "rtf",
};

const char *doc_format_name(enum doc_format format)
{
	if ((unsigned)format >= G_N_ELEMENTS(format_names))
		return "unknown";
	return format_names[format];
}

void doc_warn(struct doc *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g_ptr_array_add(d->warnings, g_strdup_vprintf(fmt, ap));
	va_end(ap);
}

void doc_clear_text(struct doc *d)
{
	g_string_truncate(d->raw, 0);
	g_array_set_size(d->blocks, 0);
	g_array_set_size(d->glyphs, 0);
	g_ptr_array_set_size(d->warnings, 0);
	d->truncated = false;
}

bool doc_full(const struct doc *d)
{
	return d->truncated;
}

bool doc_append(struct doc *d, const char *s, gssize len)
{
	gsize n, room;

	if (d->truncated)
		return false;
	n = len < 0 ? strlen(s) : (gsize)len;
	room = d->raw->len < d->text_cap ? d->text_cap - d->raw->len : 0;
	if (n <= room) {
		g_string_append_len(d->raw, s, n);
		return true;
	}
	/* Cut on a character boundary: back up over continuation bytes. */
	while (room > 0 && ((guchar)s[room] & 0xC0) == 0x80)
		room--;
	g_string_append_len(d->raw, s, room);
	d->truncated = true;
	doc_warn(d, "text truncated at %" G_GUINT64_FORMAT " bytes",
		 d->text_cap);
	return false;
}

void doc_block_open(struct doc *d, uint32_t page, enum doc_block_kind kind,
		    unsigned heading)
{
	struct doc_block b = {
		.start = d->raw->len,
		.end = G_MAXUINT32,	/* open */
		.page = page,
		.kind = kind,
		.heading = heading > 9 ? 9 : heading,
	};

	if (d->truncated)
		return;
	g_array_append_val(d->blocks, b);
}

void doc_block_close(struct doc *d)
{
	struct doc_block *b;

	if (d->blocks->len == 0)
		return;
	b = &g_array_index(d->blocks, struct doc_block, d->blocks->len - 1);
	if (b->end != G_MAXUINT32)
		return;
	b->end = d->raw->len;
	if (b->end == b->start) {
		g_array_set_size(d->blocks, d->blocks->len - 1);
		return;
	}
	b->para = d->blocks->len;
	doc_append(d, "\n", 1);
}

const struct doc_block *doc_block_at(const struct doc *d, uint32_t off)
{
	guint lo = 0, hi = d->blocks->len;

	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		const struct doc_block *b =
			&g_array_index(d->blocks, struct doc_block, mid);

		if (off < b->start)
			hi = mid;
		else if (off >= b->end)
			lo = mid + 1;
		else
			return b;
	}
	return NULL;
}

uint32_t doc_raw_offset(const struct doc *d, uint32_t off)
{
	if (!d->map || d->map->len == 0)
		return off;
	if (off >= d->map->len)
		off = d->map->len - 1;
	return g_array_index(d->map, guint32, off);
}
