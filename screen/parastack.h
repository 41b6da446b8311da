/*
 * parastack.h - paragraphs under construction, for the DOCX and ODT
 * extractors.
 *
 * Word-processing XML nests paragraphs (a text box or a note inside a
 * paragraph), but struct doc blocks must not overlap.  So each paragraph
 * gathers its text here and becomes a block when it closes, inner ones
 * first.  Finished paragraphs go to the doc, or to a list when the caller
 * wants to look at them first (headers to dedupe, notes to put last).
 * Knows no XML and no file format.
 */
#ifndef SCREENER_PARASTACK_H
#define SCREENER_PARASTACK_H

#include <stdbool.h>
#include <glib.h>
#include "doc.h"

struct para {
	GString *text;
	uint8_t kind;		/* enum doc_block_kind */
	uint8_t heading;
	bool space;		/* collapse mode: last byte was white space */
	bool merge;		/* its end was deleted: joins the next one */
	bool tight;		/* with merge: joins it without a space (a
				   drop cap, the first letter of its word) */
};

struct parastack {
	struct doc *d;
	GPtrArray *open;	/* struct para *, innermost last */
	GPtrArray *out;		/* when set, finished paras go here, not d */
	GString *carry;		/* text of merged paras, for the next one */
};

/* A stack writing to d (not owned).  Release with parastack_release(). */
void parastack_init(struct parastack *ps, struct doc *d);
void parastack_release(struct parastack *ps);

void parastack_open(struct parastack *ps, enum doc_block_kind kind,
		    unsigned heading);
/* The innermost open paragraph, or NULL. */
struct para *parastack_top(struct parastack *ps);
/* Append to the innermost paragraph (dropped when none is open).  With
 * collapse, runs of white space become one space, none at the start. */
void parastack_text(struct parastack *ps, const char *s, gsize len,
		    bool collapse);
/* Close the innermost paragraph.  Into `to` when not NULL (it takes the
 * paragraph), else into ps->out when set, else into the doc.  Returns
 * false once the doc's text cap is hit. */
bool parastack_close(struct parastack *ps, GPtrArray *to);

/* Close every open paragraph and let go of carried text: the end of a
 * part.  Returns false once the doc's text cap is hit. */
bool parastack_finish(struct parastack *ps);

/* A list that owns its paras (free with g_ptr_array_unref()). */
GPtrArray *parastack_list_new(void);
/* All paras of the list joined by newlines, as a key to find repeats. */
char *parastack_list_key(GPtrArray *list);
/* Write paras to the doc as blocks; false once the text cap is hit. */
bool parastack_emit(struct doc *d, GPtrArray *list);

#endif
