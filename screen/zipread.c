/*
 * zipread.c - named parts of an in-memory zip, inflated under caps.
 *
 * The only file that includes zip.h.  Opens from a memory source (never a
 * file, never writes), checks every entry up front (count, duplicates,
 * encryption, compression method) and counts bytes while inflating, since
 * the sizes in the zip headers are whatever the sender wrote.  Knows
 * nothing of DOCX or ODT beyond the word used in messages.
 */
#include <string.h>
#include <zip.h>

#include "zipread.h"
#include "error.h"

#define ZIPREAD_CHUNK (64u << 10)
#define ZIPREAD_RATIO_FLOOR (1u << 20)	/* ratio judged past 1 MiB */

struct zipread {
	zip_t *za;
	struct caps caps;
	char *what;		/* "DOCX", "ODT" */
	GHashTable *names;	/* folded name -> index + 1; readable only */
	uint64_t total;		/* bytes inflated over all parts */
};

/* "16 MiB" when it divides, else bytes: caps are set by people. */
static char *size_text(uint64_t n)
{
	if (n >= (1u << 20) && n % (1u << 20) == 0)
		return g_strdup_printf("%" G_GUINT64_FORMAT " MiB", n >> 20);
	return g_strdup_printf("%" G_GUINT64_FORMAT " bytes", n);
}

/* A name we would never look up: it could only be meant as a path. */
static bool name_is_unsafe(const char *name)
{
	return name[0] == '/' || strchr(name, '\\') != NULL ||
	       strcmp(name, "..") == 0 || g_str_has_prefix(name, "../") ||
	       strstr(name, "/../") != NULL || g_str_has_suffix(name, "/..");
}

void zipread_free(struct zipread *z)
{
	if (!z)
		return;
	if (z->za)
		zip_discard(z->za);
	if (z->names)
		g_hash_table_unref(z->names);
	g_free(z->what);
	g_free(z);
}

static guint16 le16(const guint8 *p)
{
	return (guint16)(p[0] | p[1] << 8);
}

static guint32 le32(const guint8 *p)
{
	return (guint32)p[0] | (guint32)p[1] << 8 | (guint32)p[2] << 16 |
	       (guint32)p[3] << 24;
}

/* The n entry names as the central directory's own bytes spell them.
 * libzip (1.7) gives the name of an entry's Info-ZIP Unicode Path extra
 * field (0x7075) instead, even raw, and a reader that ignores the field
 * reads the header's: an entry named "word/x.xml" whose field says
 * "word/document.xml" is one document part to us and another to Word.
 * Both names of every entry take part in the duplicate check.  NULL
 * when the directory is not where a plain zip has it (zip64, data
 * before the archive): then libzip's names alone are checked. */
static GPtrArray *header_names(const guint8 *data, gsize len, zip_int64_t n)
{
	GPtrArray *names;
	gsize eocd = 0, at, end;
	bool found = false;

	/* The end record: 22 bytes and a comment of at most 64 KiB. */
	for (gsize back = 22; back <= len && back <= 22 + 0xffff; back++) {
		if (le32(data + len - back) == 0x06054b50) {
			eocd = len - back;
			found = true;
			break;
		}
	}
	if (!found || le16(data + eocd + 10) != n)
		return NULL;
	at = le32(data + eocd + 16);
	end = (gsize)at + le32(data + eocd + 12);
	if (end > eocd || end < at)
		return NULL;
	names = g_ptr_array_new_with_free_func(g_free);
	for (zip_int64_t i = 0; i < n; i++) {
		gsize name_len, next;

		if (at + 46 > end || le32(data + at) != 0x02014b50)
			break;
		name_len = le16(data + at + 28);
		next = at + 46 + name_len + le16(data + at + 30) +
		       le16(data + at + 32);
		if (next > end)
			break;
		g_ptr_array_add(names, g_strndup((const char *)data + at + 46,
						 name_len));
		at = next;
	}
	if (names->len != (guint)n) {
		g_ptr_array_unref(names);
		return NULL;
	}
	return names;
}

/* Record name as entry i's; false when another entry had it. */
static bool add_name(struct zipread *z, const char *name, zip_int64_t i,
		     GError **err)
{
	char *key = g_ascii_strdown(name, -1);
	gpointer had;

	if (g_hash_table_lookup_extended(z->names, key, NULL, &had) &&
	    GPOINTER_TO_SIZE(had) != (gsize)i + 1) {
		g_autofree char *shown = g_strescape(name, NULL);

		g_free(key);
		g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
			    "malformed %s: duplicate part %s", z->what,
			    shown);
		return false;
	}
	/* Unsafe names still take part in the duplicate check (as index 0:
	 * never readable), so "a/../b" cannot shadow. */
	g_hash_table_insert(z->names, key,
			    GSIZE_TO_POINTER(name_is_unsafe(name) ?
					     0 : (gsize)i + 1));
	return true;
}

static bool check_entries(struct zipread *z, const guint8 *data, gsize len,
			  zip_int64_t n, GError **err)
{
	g_autoptr(GPtrArray) header = header_names(data, len, n);

	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;

		if (zip_stat_index(z->za, (zip_uint64_t)i, ZIP_FL_ENC_RAW,
				   &st) != 0 || !(st.valid & ZIP_STAT_NAME)) {
			g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
				    "malformed %s: unreadable zip entry",
				    z->what);
			return false;
		}
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    st.encryption_method != ZIP_EM_NONE) {
			g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
				    "malformed %s: encrypted zip entry",
				    z->what);
			return false;
		}
		if ((st.valid & ZIP_STAT_COMP_METHOD) &&
		    st.comp_method != ZIP_CM_STORE &&
		    st.comp_method != ZIP_CM_DEFLATE) {
			g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
				    "malformed %s: unsupported zip compression method %u",
				    z->what, (unsigned)st.comp_method);
			return false;
		}
		if (!add_name(z, st.name, i, err))
			return false;
		/* The same name in another case is the same key. */
		if (header &&
		    g_ascii_strcasecmp(st.name, g_ptr_array_index(header, i)) &&
		    !add_name(z, g_ptr_array_index(header, i), i, err))
			return false;
	}
	return true;
}

struct zipread *zipread_open(const guint8 *data, gsize len,
			     const struct caps *caps, const char *what,
			     GError **err)
{
	g_autoptr(zipread) z = g_new0(struct zipread, 1);
	zip_error_t ze;
	zip_source_t *src;
	zip_int64_t n;

	z->caps = *caps;
	z->what = g_strdup(what);
	z->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					 NULL);
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		g_set_error(err, SCREENER_ERROR, SE_MEMORY,
			    "memory limit exceeded");
		return NULL;
	}
	z->za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!z->za) {
		zip_source_free(src);
		g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
			    "malformed %s: not a readable zip archive (%s)",
			    what, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	n = zip_get_num_entries(z->za, 0);
	if (n < 0 || (uint64_t)n > caps->zip_entries) {
		g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
			    "malformed %s: %" G_GINT64_FORMAT
			    " zip entries, over the limit of %u",
			    what, (gint64)n, caps->zip_entries);
		return NULL;
	}
	if (!check_entries(z, data, len, n, err))
		return NULL;
	return g_steal_pointer(&z);
}

/* Index + 1 of a readable part, or 0. */
static gsize find(struct zipread *z, const char *name)
{
	g_autofree char *key = NULL;

	if (!name || !*name || name_is_unsafe(name))
		return 0;
	key = g_ascii_strdown(name, -1);
	return GPOINTER_TO_SIZE(g_hash_table_lookup(z->names, key));
}

bool zipread_has(struct zipread *z, const char *name)
{
	return find(z, name) != 0;
}

uint64_t zipread_total(const struct zipread *z)
{
	return z->total;
}

static bool bomb(struct zipread *z, uint64_t got, uint64_t packed,
		 GError **err)
{
	g_autofree char *cap = NULL;

	if (got > z->caps.zip_part_bytes) {
		cap = size_text(z->caps.zip_part_bytes);
		g_set_error(err, SCREENER_ERROR, SE_ZIP_BOMB,
			    "suspected zip bomb: a part inflates past %s",
			    cap);
		return true;
	}
	if (z->total > z->caps.zip_total_bytes) {
		cap = size_text(z->caps.zip_total_bytes);
		g_set_error(err, SCREENER_ERROR, SE_ZIP_BOMB,
			    "suspected zip bomb: parts inflate past %s in all",
			    cap);
		return true;
	}
	if (z->caps.zip_ratio && got > ZIPREAD_RATIO_FLOOR &&
	    got / (packed ? packed : 1) > z->caps.zip_ratio) {
		g_set_error(err, SCREENER_ERROR, SE_ZIP_BOMB,
			    "suspected zip bomb");
		return true;
	}
	return false;
}

GByteArray *zipread_read(struct zipread *z, const char *name, GError **err)
{
	g_autoptr(GByteArray) out = NULL;
	gsize idx = find(z, name);
	zip_stat_t st;
	zip_file_t *f;
	uint64_t packed = 0, got = 0, hint = ZIPREAD_CHUNK;

	if (!idx) {
		g_autofree char *shown = g_strescape(name ? name : "", NULL);

		g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
			    "malformed %s: missing part %.100s", z->what,
			    shown);
		return NULL;
	}
	if (zip_stat_index(z->za, idx - 1, 0, &st) == 0) {
		if (st.valid & ZIP_STAT_COMP_SIZE)
			packed = st.comp_size;
		/* The stated size only picks the first read's size. */
		if ((st.valid & ZIP_STAT_SIZE) && st.size < hint)
			hint = st.size + 1;
	}
	f = zip_fopen_index(z->za, idx - 1, 0);
	if (!f) {
		g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
			    "malformed %s: cannot open a zip part (%s)",
			    z->what, zip_strerror(z->za));
		return NULL;
	}
	/* The buffer grows as bytes arrive, whatever the header says. */
	out = g_byte_array_sized_new((guint)hint);
	for (;;) {
		uint64_t room = z->caps.zip_part_bytes + 1 - got;
		uint64_t troom = z->caps.zip_total_bytes + 1 - z->total;
		gsize want = got ? ZIPREAD_CHUNK : hint;
		zip_int64_t r;
		guint old = out->len;

		if (room < want)
			want = room;
		if (troom < want)
			want = troom;
		g_byte_array_set_size(out, old + want);
		r = zip_fread(f, out->data + old, want);
		if (r < 0) {
			g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
				    "malformed %s: damaged zip part (%s)",
				    z->what, zip_file_strerror(f));
			zip_fclose(f);
			return NULL;
		}
		g_byte_array_set_size(out, old + (guint)r);
		got += (uint64_t)r;
		z->total += (uint64_t)r;
		if (bomb(z, got, packed, err)) {
			zip_fclose(f);
			return NULL;
		}
		if (r == 0)
			break;
	}
	zip_fclose(f);
	return g_steal_pointer(&out);
}
