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

static bool check_entries(struct zipread *z, zip_int64_t n, GError **err)
{
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		const char *name;
		char *key;

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
		name = st.name;
		key = g_ascii_strdown(name, -1);
		if (g_hash_table_contains(z->names, key)) {
			g_free(key);
			g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
				    "malformed %s: duplicate part name",
				    z->what);
			return false;
		}
		/* Unsafe names still take part in the duplicate check (as
		 * index 0: never readable), so "a/../b" cannot shadow. */
		g_hash_table_insert(z->names, key,
				    GSIZE_TO_POINTER(name_is_unsafe(name) ?
						     0 : (gsize)i + 1));
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
	if (!check_entries(z, n, err))
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
	uint64_t packed = 0, got = 0;

	if (!idx) {
		g_autofree char *shown = g_strescape(name ? name : "", NULL);

		g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
			    "malformed %s: missing part %.100s", z->what,
			    shown);
		return NULL;
	}
	if (zip_stat_index(z->za, idx - 1, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_COMP_SIZE))
		packed = st.comp_size;
	f = zip_fopen_index(z->za, idx - 1, 0);
	if (!f) {
		g_set_error(err, SCREENER_ERROR, SE_MALFORMED,
			    "malformed %s: cannot open a zip part (%s)",
			    z->what, zip_strerror(z->za));
		return NULL;
	}
	/* Never size the buffer from the header: grow as bytes arrive. */
	out = g_byte_array_new();
	for (;;) {
		uint64_t room = z->caps.zip_part_bytes + 1 - got;
		uint64_t troom = z->caps.zip_total_bytes + 1 - z->total;
		gsize want = ZIPREAD_CHUNK;
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
