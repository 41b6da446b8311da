/* test_doc.c - struct doc: the text cap, blocks and their lookup. */
#include "doc.h"

static void test_cap_cuts_on_character(void)
{
	g_autoptr(doc) d = doc_new(DOC_FORMAT_TEXT, 5);

	g_assert_true(doc_append(d, "abc", -1));
	/* "é" is two bytes; only one byte of room is left after "abcd". */
	g_assert_false(doc_append(d, "d\xc3\xa9xyz", -1));
	g_assert_cmpstr(d->raw->str, ==, "abcd");
	g_assert_true(doc_full(d));
	g_assert_cmpuint(d->warnings->len, ==, 1);
	g_assert_false(doc_append(d, "more", -1));
	g_assert_cmpuint(d->warnings->len, ==, 1);
}

static void test_blocks(void)
{
	g_autoptr(doc) d = doc_new(DOC_FORMAT_PDF, 0);
	const struct doc_block *b;

	doc_block_open(d, 1, DOC_BLOCK_BODY, 1);
	doc_append(d, "Experience", -1);
	doc_block_close(d);
	doc_block_open(d, 1, DOC_BLOCK_BODY, 0);
	doc_block_close(d);	/* empty: dropped */
	doc_block_open(d, 2, DOC_BLOCK_TABLE, 0);
	doc_append(d, "Kafka", -1);
	doc_block_close(d);

	g_assert_cmpstr(d->raw->str, ==, "Experience\nKafka\n");
	g_assert_cmpuint(d->blocks->len, ==, 2);
	b = doc_block_at(d, 12);
	g_assert_nonnull(b);
	g_assert_cmpuint(b->page, ==, 2);
	g_assert_cmpuint(b->para, ==, 2);
	g_assert_cmpuint(b->kind, ==, DOC_BLOCK_TABLE);
	b = doc_block_at(d, 0);
	g_assert_nonnull(b);
	g_assert_cmpuint(b->heading, ==, 1);
	g_assert_null(doc_block_at(d, 10));	/* the separator */
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/doc/cap", test_cap_cuts_on_character);
	g_test_add_func("/doc/blocks", test_blocks);
	return g_test_run();
}
