/*
 * zipread.h - reading named parts of a zip archive held in memory, under
 * the caps of HARDENING.md (entries, bytes per part, bytes in all, ratio).
 *
 * The only door to libzip: no libzip type crosses this header.  Nothing is
 * ever written to disk.  Parts are found by exact name (ASCII case folded,
 * as OOXML part names are case-insensitive); an entry whose name holds
 * "..", a backslash or a leading '/' is ignored: it can never be read.
 */
#ifndef SCREENER_ZIPREAD_H
#define SCREENER_ZIPREAD_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include "caps.h"

struct zipread;

/* Open the archive in data[0..len), which must outlive the reader.  what
 * names the format in messages ("DOCX" -> "malformed DOCX: ...").  Fails
 * with SE_MALFORMED for a bad archive, too many entries, duplicate names,
 * encrypted entries or compression other than stored/deflate.  Caller
 * frees with zipread_free(). */
struct zipread *zipread_open(const guint8 *data, gsize len,
			     const struct caps *caps, const char *what,
			     GError **err);
void zipread_free(struct zipread *z);
typedef struct zipread zipread;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(zipread, zipread_free)

/* Whether a readable part of that name exists. */
bool zipread_has(struct zipread *z, const char *name);

/* Inflate one part, counting while inflating: over caps->zip_part_bytes
 * (stops at cap + 1 byte), over caps->zip_total_bytes for all parts read
 * through z, or over caps->zip_ratio:1 once past 1 MiB fails with
 * SE_ZIP_BOMB.  A missing part fails with SE_MALFORMED.  Caller frees the
 * result with g_byte_array_unref(). */
GByteArray *zipread_read(struct zipread *z, const char *name, GError **err);

/* Bytes inflated so far over all parts (what the total cap counts). */
uint64_t zipread_total(const struct zipread *z);

#endif
