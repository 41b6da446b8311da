/* test_xmlread.c - the streaming XML reader: events, DTDs, depth, bytes. */
#include <string.h>

#include "xmlread.h"
#include "error.h"

/* Records events as one line each: "<ns|name a=v", ">name", "'text". */
struct rec {
	GString *log;
	int stop_after;		/* stop at this many starts, 0 = never */
	int starts;
	GString *text;		/* all text, when set */
};

static bool rec_start(void *ctx, const char *ns, const char *name,
		      const struct xmlread_attr *a, unsigned n)
{
	struct rec *r = ctx;

	if (r->log->len > (1u << 20))
		return true;	/* deep documents: enough logged */
	g_string_append_printf(r->log, "<%s|%s", ns, name);
	for (unsigned i = 0; i < n; i++)
		g_string_append_printf(r->log, " %s=%s", a[i].name,
				       a[i].value);
	g_string_append_c(r->log, '\n');
	return !(r->stop_after && ++r->starts >= r->stop_after);
}

static bool rec_end(void *ctx, const char *ns, const char *name)
{
	g_string_append_printf(((struct rec *)ctx)->log, ">%s\n", name);
	return true;
}

static bool rec_text(void *ctx, const char *s, gsize len)
{
	struct rec *r = ctx;

	if (r->text)
		g_string_append_len(r->text, s, (gssize)len);
	g_string_append_c(r->log, '\'');
	g_string_append_len(r->log, s, (gssize)len);
	g_string_append_c(r->log, '\n');
	return true;
}

static const struct xmlread_ops rec_ops = {
	.start = rec_start, .end = rec_end, .text = rec_text,
};

static bool run(const char *xml, gssize len, struct rec *r,
		const struct caps *caps, GError **err)
{
	struct caps c = caps ? *caps : caps_default();

	return xmlread_parse((const guint8 *)xml,
			     len < 0 ? strlen(xml) : (gsize)len, &c, "DOCX",
			     &rec_ops, r, err);
}

static void test_events(void)
{
	struct rec r = { .log = g_string_new(NULL) };
	g_autoptr(GError) err = NULL;

	g_assert_true(run("<?xml version=\"1.0\"?><w:a xmlns:w=\"urn:w\" "
			  "w:val=\"1 &amp; 2\"><b>x&lt;y</b></w:a>", -1, &r,
			  NULL, &err));
	g_assert_no_error(err);
	g_assert_cmpstr(r.log->str, ==,
			"<urn:w|a val=1 &#38; 2\n<|b\n'x\n'<\n'y\n>b\n>a\n");
	g_string_free(r.log, TRUE);
}

static void test_stop_early(void)
{
	struct rec r = { .log = g_string_new(NULL), .stop_after = 2 };
	g_autoptr(GError) err = NULL;

	g_assert_true(run("<a><b/><c/><d/></a>", -1, &r, NULL, &err));
	g_assert_no_error(err);
	g_assert_cmpstr(r.log->str, ==, "<|a\n<|b\n");
	g_string_free(r.log, TRUE);
}

static void expect_error(const char *xml, gssize len,
			 const struct caps *caps, int code, const char *msg)
{
	struct rec r = { .log = g_string_new(NULL) };
	g_autoptr(GError) err = NULL;

	g_assert_false(run(xml, len, &r, caps, &err));
	g_assert_error(err, SCREENER_ERROR, code);
	g_assert_cmpstr(err->message, ==, msg);
	/* Nothing from inside an entity ever reaches the caller. */
	g_assert_null(strstr(r.log->str, "lol"));
	g_assert_null(strstr(r.log->str, "root:"));
	g_string_free(r.log, TRUE);
}

static void test_dtd(void)
{
	expect_error("<!DOCTYPE a><a/>", -1, NULL, SE_DTD, "DTD not allowed");
	expect_error("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
		     "<!ENTITY lol \"lol\">\n"
		     "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
		     "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
		     "]><lolz>&lol2;</lolz>", -1, NULL, SE_DTD,
		     "DTD not allowed");
	expect_error("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM "
		     "\"file:///etc/passwd\">]><a>&x;</a>", -1, NULL, SE_DTD,
		     "DTD not allowed");
	expect_error("<!DOCTYPE a SYSTEM \"http://example.invalid/a.dtd\">"
		     "<a/>", -1, NULL, SE_DTD, "DTD not allowed");
}

/* An entity that was never declared is an error, never a lookup. */
static void test_undeclared_entity(void)
{
	expect_error("<a>&x;</a>", -1, NULL, SE_MALFORMED,
		     "malformed DOCX: XML not well-formed (line 1)");
}

static void test_malformed(void)
{
	expect_error("<a>\n<b></a>", -1, NULL, SE_MALFORMED,
		     "malformed DOCX: XML not well-formed (line 2)");
	expect_error("", 0, NULL, SE_MALFORMED,
		     "malformed DOCX: XML not well-formed (line 1)");
}

static void test_depth(void)
{
	struct caps c = caps_default();
	struct rec r = { .log = g_string_new(NULL) };
	g_autoptr(GError) err = NULL;
	GString *deep = g_string_new(NULL);

	c.xml_depth = 3;
	g_assert_true(run("<a><b><c/></b></a>", -1, &r, &c, &err));
	g_assert_no_error(err);
	expect_error("<a><b><c><d/></c></b></a>", -1, &c, SE_XML_DEPTH,
		     "XML nesting too deep");
	/* 100 000 deep under the default cap: no stack overflow. */
	for (int i = 0; i < 100000; i++)
		g_string_append(deep, "<a>");
	for (int i = 0; i < 100000; i++)
		g_string_append(deep, "</a>");
	expect_error(deep->str, (gssize)deep->len, NULL, SE_XML_DEPTH,
		     "XML nesting too deep");
	/* The push parser keeps no C stack per level: with the cap raised
	 * the same document parses, one short of it fails. */
	c.xml_depth = 100000;
	g_assert_true(run(deep->str, (gssize)deep->len, &r, &c, &err));
	g_assert_no_error(err);
	c.xml_depth = 99999;
	expect_error(deep->str, (gssize)deep->len, &c, SE_XML_DEPTH,
		     "XML nesting too deep");
	g_string_free(deep, TRUE);
	g_string_free(r.log, TRUE);
}

static void test_bad_bytes(void)
{
	static const char xml[] = "<a>x\xff\xfey\0z\x01\xef\xbf\xbe</a>";
	struct rec r = { .log = g_string_new(NULL),
			 .text = g_string_new(NULL) };
	g_autoptr(GError) err = NULL;

	g_assert_true(run(xml, sizeof(xml) - 1, &r, NULL, &err));
	g_assert_no_error(err);
	g_assert_true(g_utf8_validate(r.log->str, -1, NULL));
	g_assert_cmpstr(r.text->str, ==, "x\xef\xbf\xbd\xef\xbf\xbdy"
					 "\xef\xbf\xbdz\xef\xbf\xbd"
					 "\xef\xbf\xbd");
	g_string_free(r.log, TRUE);
	g_string_free(r.text, TRUE);
}

/* Another declared encoding is decoded by libxml2, not mended. */
static void test_other_encoding(void)
{
	struct rec r = { .log = g_string_new(NULL),
			 .text = g_string_new(NULL) };
	g_autoptr(GError) err = NULL;

	g_assert_true(run("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
			  "<a>caf\xe9</a>", -1, &r, NULL, &err));
	g_assert_no_error(err);
	g_assert_cmpstr(r.text->str, ==, "caf\xc3\xa9");
	g_string_free(r.log, TRUE);
	g_string_free(r.text, TRUE);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/xmlread/events", test_events);
	g_test_add_func("/xmlread/stop", test_stop_early);
	g_test_add_func("/xmlread/dtd", test_dtd);
	g_test_add_func("/xmlread/undeclared-entity", test_undeclared_entity);
	g_test_add_func("/xmlread/malformed", test_malformed);
	g_test_add_func("/xmlread/depth", test_depth);
	g_test_add_func("/xmlread/bad-bytes", test_bad_bytes);
	g_test_add_func("/xmlread/encoding", test_other_encoding);
	return g_test_run();
}
