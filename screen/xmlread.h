/*
 * xmlread.h - a streaming XML reader for untrusted parts (DOCX, ODT).
 *
 * The only door to libxml2: no libxml2 type crosses this header.  Events
 * go to callbacks as the bytes are parsed; no tree is ever built.  No
 * network, no entity substitution, no DTD: any DOCTYPE fails with SE_DTD
 * "DTD not allowed" before its subset is read.  Element depth over
 * caps->xml_depth fails with SE_XML_DEPTH "XML nesting too deep".  Other
 * well-formedness errors fail with SE_MALFORMED "malformed <what>: ...".
 * libxml2 never prints.
 */
#ifndef SCREENER_XMLREAD_H
#define SCREENER_XMLREAD_H

#include <stdbool.h>
#include <glib.h>
#include "caps.h"

/* One attribute; strings live until the callback returns. */
struct xmlread_attr {
	const char *ns;		/* namespace URI, or "" */
	const char *name;	/* local name */
	const char *value;	/* NUL-terminated copy */
};

/* Element names are local names; ns is the namespace URI or "".  A
 * callback returns false to stop reading early (not an error: the cap on
 * extracted text was hit, say). */
struct xmlread_ops {
	bool (*start)(void *ctx, const char *ns, const char *name,
		      const struct xmlread_attr *attrs, unsigned nattrs);
	bool (*end)(void *ctx, const char *ns, const char *name);
	bool (*text)(void *ctx, const char *s, gsize len);
};

/* Parse data[0..len).  Text handed to ops->text is valid UTF-8 (bytes that
 * are not, and NUL or other C0 controls, arrive as U+FFFD).  Returns false
 * with err set on a parse error or a cap; stopping early is success. */
bool xmlread_parse(const guint8 *data, gsize len, const struct caps *caps,
		   const char *what, const struct xmlread_ops *ops,
		   void *ctx, GError **err);

/* The value of the attribute with local name `name` (any namespace), or
 * NULL. */
const char *xmlread_attr(const struct xmlread_attr *attrs, unsigned n,
			 const char *name);

#endif
