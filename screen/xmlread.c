/*
 * xmlread.c - SAX2 push parsing of untrusted XML parts.
 *
 * The only file that includes libxml2 headers.  A push parser is used
 * because it keeps no recursion per element (100 000 nested elements do
 * not grow the C stack) and feeds events as it goes, so no tree is built.
 * The DOCTYPE handler stops the parser the moment a DOCTYPE is seen,
 * before its internal subset is parsed, so entity expansion (billion
 * laughs) and external loads (XXE) never start; entities are never
 * substituted and nothing is fetched (XML_PARSE_NONET, no DTD loading).
 * Must not know any document format: the caller's callbacks do.
 */
#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "xmlread.h"
#include "error.h"

#define XMLREAD_CHUNK (64u << 10)
#define XMLREAD_MAX_ATTRS 256

struct reader {
	xmlParserCtxtPtr ctxt;
	const struct xmlread_ops *ops;
	void *ctx;
	uint32_t max_depth;
	uint32_t depth;
	int fail;		/* SE_DTD, SE_XML_DEPTH or 0 */
	int line;		/* of the first XML error, 0 if none */
	bool xml_error;
	bool stopped;		/* a callback asked to stop */
	GString *values;	/* attribute values, NUL-separated */
	GArray *attrs;		/* struct xmlread_attr */
};

const char *xmlread_attr(const struct xmlread_attr *attrs, unsigned n,
			 const char *name)
{
	for (unsigned i = 0; i < n; i++)
		if (strcmp(attrs[i].name, name) == 0)
			return attrs[i].value;
	return NULL;
}

static void stop(struct reader *r, int fail)
{
	if (fail && !r->fail)
		r->fail = fail;
	if (!fail)
		r->stopped = true;
	xmlStopParser(r->ctxt);
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext,
		       const xmlChar *sys)
{
	stop(ctx, SE_DTD);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type,
			   const xmlChar *pub, const xmlChar *sys,
			   xmlChar *content)
{
	stop(ctx, SE_DTD);
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
		     const xmlChar *uri, int nns, const xmlChar **nss,
		     int nattrs, int ndefaulted, const xmlChar **attrs)
{
	struct reader *r = ctx;
	gsize *offs;
	unsigned n;

	if (r->fail || r->stopped)
		return;
	if (++r->depth > r->max_depth) {
		stop(r, SE_XML_DEPTH);
		return;
	}
	if (!r->ops->start)
		return;
	n = nattrs < 0 ? 0 : (unsigned)nattrs;
	if (n > XMLREAD_MAX_ATTRS)
		n = XMLREAD_MAX_ATTRS;
	/* Copy values first (the GString may move), then point into it. */
	g_string_truncate(r->values, 0);
	offs = g_newa(gsize, n + 1);
	for (unsigned i = 0; i < n; i++) {
		const xmlChar *v = attrs[i * 5 + 3], *e = attrs[i * 5 + 4];

		offs[i] = r->values->len;
		g_string_append_len(r->values, (const char *)v, e - v);
		g_string_append_c(r->values, '\0');
	}
	g_array_set_size(r->attrs, n);
	for (unsigned i = 0; i < n; i++) {
		struct xmlread_attr *a =
			&g_array_index(r->attrs, struct xmlread_attr, i);

		a->name = (const char *)attrs[i * 5];
		a->ns = attrs[i * 5 + 2] ? (const char *)attrs[i * 5 + 2] : "";
		a->value = r->values->str + offs[i];
	}
	if (!r->ops->start(r->ctx, uri ? (const char *)uri : "",
			   (const char *)local,
			   (const struct xmlread_attr *)(void *)r->attrs->data,
			   n))
		stop(r, 0);
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
		   const xmlChar *uri)
{
	struct reader *r = ctx;

	if (r->fail || r->stopped)
		return;
	if (r->depth)
		r->depth--;
	if (r->ops->end && !r->ops->end(r->ctx, uri ? (const char *)uri : "",
					(const char *)local))
		stop(r, 0);
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
	struct reader *r = ctx;

	if (r->fail || r->stopped || len <= 0 || !r->ops->text)
		return;
	if (!r->ops->text(r->ctx, (const char *)s, (gsize)len))
		stop(r, 0);
}

static void on_error(void *ctx, xmlErrorPtr e)
{
	struct reader *r = ctx;

	/* Namespace slips are errors, not fatal: libxml2 goes on, so do we. */
	if (!r || !e || e->level < XML_ERR_FATAL || r->xml_error)
		return;
	r->xml_error = true;
	r->line = e->line;
	/* libxml2's own depth guard (256 without XML_PARSE_HUGE) may fire
	 * before ours when the cap is set higher. */
	if (e->message && strstr(e->message, "Excessive depth"))
		r->fail = r->fail ? r->fail : SE_XML_DEPTH;
}

static void quiet(void *ctx, const char *fmt, ...)
{
}

static void quiet_structured(void *ctx, xmlErrorPtr e)
{
}

/* Bytes that are not UTF-8, and control characters XML forbids, make
 * libxml2 give up on the whole part; a resume with one bad byte should
 * still be read, so they become U+FFFD first.  Left alone when the part
 * declares another encoding or is UTF-16. */
static bool needs_mending(const guint8 *p, gsize len)
{
	if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
			 (p[0] == 0xFE && p[1] == 0xFF) || p[0] == 0 ||
			 p[1] == 0))
		return false;
	if (len > 5 && memcmp(p, "<?xml", 5) == 0) {
		const guint8 *end = memchr(p, '>', MIN(len, 200));
		g_autofree char *decl = NULL;
		const char *enc;

		if (end) {
			decl = g_ascii_strdown((const char *)p, end - p);
			enc = strstr(decl, "encoding");
			if (enc && !strstr(enc, "utf-8") && !strstr(enc, "utf8"))
				return false;
		}
	}
	for (gsize i = 0; i < len; i++)
		if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r')
			return true;
	return !g_utf8_validate_len((const char *)p, len, NULL);
}

static GByteArray *mend(const guint8 *p, gsize len)
{
	static const guint8 repl[] = { 0xEF, 0xBF, 0xBD };
	GByteArray *out = g_byte_array_sized_new(len + 16);
	gsize i = 0;

	while (i < len) {
		gunichar c;
		gsize n;

		if (p[i] < 0x80) {
			if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
			    p[i] != '\r')
				g_byte_array_append(out, repl, 3);
			else
				g_byte_array_append(out, p + i, 1);
			i++;
			continue;
		}
		c = g_utf8_get_char_validated((const char *)p + i,
					      (gssize)(len - i));
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			g_byte_array_append(out, repl, 3);
			i++;
			continue;
		}
		n = (gsize)(g_utf8_next_char((const char *)p + i) -
			    (const char *)p - i);
		g_byte_array_append(out, p + i, (guint)n);
		i += n;
	}
	return out;
}

bool xmlread_parse(const guint8 *data, gsize len, const struct caps *caps,
		   const char *what, const struct xmlread_ops *ops,
		   void *ctx, GError **err)
{
	g_autoptr(GByteArray) mended = NULL;
	xmlSAXHandler sax;
	struct reader r = {
		.ops = ops,
		.ctx = ctx,
		.max_depth = caps->xml_depth,
	};
	gsize off, first;
	bool ok = true;

	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	if (needs_mending(data, len)) {
		mended = mend(data, len);
		data = mended->data;
		len = mended->len;
	}
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.internalSubset = on_doctype;
	sax.externalSubset = on_doctype;
	sax.entityDecl = on_entity_decl;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	sax.serror = on_error;
	sax.warning = quiet;
	sax.error = quiet;
	sax.fatalError = quiet;

	r.values = g_string_new(NULL);
	r.attrs = g_array_new(FALSE, FALSE, sizeof(struct xmlread_attr));
	first = MIN(len, 4);
	r.ctxt = xmlCreatePushParserCtxt(&sax, &r, (const char *)data,
					 (int)first, NULL);
	if (!r.ctxt) {
		g_set_error(err, SCREENER_ERROR, SE_MEMORY,
			    "memory limit exceeded");
		ok = false;
		goto out;
	}
	xmlCtxtUseOptions(r.ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR |
			  XML_PARSE_NOWARNING);
	r.ctxt->sax->serror = on_error;
	r.ctxt->replaceEntities = 0;
	r.ctxt->loadsubset = 0;
	r.ctxt->validate = 0;
	for (off = first;;) {
		gsize n = MIN(len - off, XMLREAD_CHUNK);
		bool last = off + n >= len;

		xmlParseChunk(r.ctxt, (const char *)data + off, (int)n, last);
		off += n;
		if (r.fail || r.stopped || r.xml_error || last)
			break;
	}
	if (r.fail == SE_DTD) {
		g_set_error(err, SCREENER_ERROR, SE_DTD, "DTD not allowed");
		ok = false;
	} else if (r.fail == SE_XML_DEPTH) {
		g_set_error(err, SCREENER_ERROR, SE_XML_DEPTH,
			    "XML nesting too deep");
		ok = false;
	} else if (!r.stopped && r.xml_error) {
		g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
			    "malformed %s: XML not well-formed (line %d)",
			    what, r.line);
		ok = false;
	}
	xmlFreeParserCtxt(r.ctxt);
out:
	g_string_free(r.values, TRUE);
	g_array_unref(r.attrs);
	return ok;
}
