/*
 * parastack.c - paragraphs under construction (see parastack.h).
 *
 * Owns only struct para memory; writes to a doc solely through
 * doc_block_open/doc_append/doc_block_close.
 */
#include <string.h>

#include "parastack.h"

/* A paragraph longer than this is cut: the part cap bounds the input,
 * this bounds one buffer before the text cap is even consulted. */
#define PARA_MAX (4u << 20)

static void para_free(gpointer p)
{
	struct para *a = p;

	g_string_free(a->text, TRUE);
	g_free(a);
}

GPtrArray *parastack_list_new(void)
{
	return g_ptr_array_new_with_free_func(para_free);
}

void parastack_init(struct parastack *ps, struct doc *d)
{
	ps->d = d;
	ps->open = parastack_list_new();
	ps->out = NULL;
	ps->carry = g_string_new(NULL);
}

void parastack_release(struct parastack *ps)
{
	g_ptr_array_unref(ps->open);
	ps->open = NULL;
	g_string_free(ps->carry, TRUE);
	ps->carry = NULL;
}

void parastack_open(struct parastack *ps, enum doc_block_kind kind,
		    unsigned heading)
{
	struct para *a = g_new0(struct para, 1);

	a->text = g_string_new(NULL);
	a->kind = kind;
	a->heading = heading > 9 ? 9 : heading;
	a->space = true;
	if (ps->carry->len) {
		g_string_append_len(a->text, ps->carry->str,
				    (gssize)ps->carry->len);
		g_string_truncate(ps->carry, 0);
	}
	g_ptr_array_add(ps->open, a);
}

struct para *parastack_top(struct parastack *ps)
{
	if (!ps->open->len)
		return NULL;
	return ps->open->pdata[ps->open->len - 1];
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void parastack_text(struct parastack *ps, const char *s, gsize len,
		    bool collapse)
{
	struct para *a = parastack_top(ps);

	if (!a || a->text->len + len > PARA_MAX)
		return;
	if (!collapse) {
		g_string_append_len(a->text, s, len);
		a->space = len ? is_space(s[len - 1]) : a->space;
		return;
	}
	for (gsize i = 0; i < len; i++) {
		if (is_space(s[i])) {
			if (!a->space)
				g_string_append_c(a->text, ' ');
			a->space = true;
		} else {
			g_string_append_c(a->text, s[i]);
			a->space = false;
		}
	}
}

/* Leading and trailing blanks carry no words. */
static void trim(GString *t)
{
	gsize b = 0, e = t->len;

	while (e > 0 && is_space(t->str[e - 1]))
		e--;
	while (b < e && is_space(t->str[b]))
		b++;
	g_string_truncate(t, e);
	g_string_erase(t, 0, (gssize)b);
}

static bool emit_one(struct doc *d, const struct para *a)
{
	if (!a->text->len)
		return !doc_full(d);
	doc_block_open(d, 0, a->kind, a->heading);
	doc_append(d, a->text->str, (gssize)a->text->len);
	doc_block_close(d);
	return !doc_full(d);
}

bool parastack_close(struct parastack *ps, GPtrArray *to)
{
	struct para *a;
	bool ok;

	if (!ps->open->len)
		return !doc_full(ps->d);
	a = g_ptr_array_steal_index(ps->open, ps->open->len - 1);
	trim(a->text);
	if (a->merge && a->text->len &&
	    ps->carry->len + a->text->len < PARA_MAX) {
		/* Joined with a space: two words never run together; but
		 * a drop cap is the first letter of the next one's word. */
		g_string_append_len(ps->carry, a->text->str,
				    (gssize)a->text->len);
		if (!a->tight)
			g_string_append_c(ps->carry, ' ');
		para_free(a);
		return !doc_full(ps->d);
	}
	if (!to)
		to = ps->out;
	if (to) {
		if (a->text->len)
			g_ptr_array_add(to, a);
		else
			para_free(a);
		return !doc_full(ps->d);
	}
	ok = emit_one(ps->d, a);
	para_free(a);
	return ok;
}

bool parastack_finish(struct parastack *ps)
{
	bool ok = true;

	while (ps->open->len)
		ok = parastack_close(ps, NULL) && ok;
	if (ps->carry->len) {
		parastack_open(ps, DOC_BLOCK_BODY, 0);
		ok = parastack_close(ps, NULL) && ok;
	}
	return ok;
}

char *parastack_list_key(GPtrArray *list)
{
	GString *k = g_string_new(NULL);

	for (guint i = 0; i < list->len; i++) {
		const struct para *a = list->pdata[i];

		g_string_append_len(k, a->text->str, (gssize)a->text->len);
		g_string_append_c(k, '\n');
	}
	return g_string_free(k, FALSE);
}

bool parastack_emit(struct doc *d, GPtrArray *list)
{
	for (guint i = 0; i < list->len; i++)
		if (!emit_one(d, list->pdata[i]))
			return false;
	return !doc_full(d);
}
