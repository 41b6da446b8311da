/*
 * shard.c - the shard of an applicant, a "K/N" spec and a scheduler's
 * array index (see shard.h).
 *
 * Owns the hash and the environment variables schedulers set; knows
 * nothing of databases.  The inbox is only filtered, never read.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "inbox.h"
#include "shard.h"

#define FNV64_OFFSET 0xcbf29ce484222325ull
#define FNV64_PRIME 0x100000001b3ull

uint64_t shard_hash(const void *data, gsize len)
{
	const unsigned char *p = data;
	uint64_t h = FNV64_OFFSET;
	gsize i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= FNV64_PRIME;
	}
	return h;
}

guint shard_of(const char *key, guint n)
{
	return n ? (guint)(shard_hash(key, strlen(key)) % n) : 0;
}

/* A whole decimal number in [min, max]: no sign, no spaces, no
 * trailing text. */
static bool number(const char *s, guint min, guint max, guint *out)
{
	guint64 v;

	if (!s || !g_ascii_isdigit(*s) ||
	    !g_ascii_string_to_unsigned(s, 10, min, max, &v, NULL))
		return false;
	*out = (guint)v;
	return true;
}

static bool check(struct shard *s, GError **err)
{
	if (s->n < 1 || s->n > SHARD_MAX) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "shards: between 1 and %u", SHARD_MAX);
		return false;
	}
	if (s->k >= s->n) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "shard %u of %u: shards are numbered 0 to %u",
			    s->k, s->n, s->n - 1);
		return false;
	}
	return true;
}

bool shard_parse(const char *spec, struct shard *out, GError **err)
{
	g_auto(GStrv) parts = g_strsplit(spec, "/", 3);

	if (g_strv_length(parts) != 2 ||
	    !number(parts[0], 0, G_MAXUINT, &out->k) ||
	    !number(parts[1], 0, G_MAXUINT, &out->n)) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "'%s' is not K/N (shard K of N, from 0)", spec);
		return false;
	}
	return check(out, err);
}

/* An environment variable that must be a number when set; *set tells
 * whether it was. */
static bool env_number(const char *name, guint *out, bool *set,
		       GError **err)
{
	const char *v = g_getenv(name);

	*set = v != NULL;
	if (!v)
		return true;
	if (!number(v, 0, G_MAXUINT, out)) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%s='%s' is not a number", name, v);
		return false;
	}
	return true;
}

bool shard_from_env(guint shards, struct shard *out, GError **err)
{
	guint id = 0, min = 0, count = 0;
	bool has_id, has_min, has_count;

	if (!env_number("SLURM_ARRAY_TASK_ID", &id, &has_id, err) ||
	    !env_number("SLURM_ARRAY_TASK_MIN", &min, &has_min, err) ||
	    !env_number("SLURM_ARRAY_TASK_COUNT", &count, &has_count, err))
		return false;
	if (has_id) {
		if (has_min && min > id) {
			g_set_error(err, SCREENER_ERROR, SE_CONFIG,
				    "SLURM_ARRAY_TASK_ID %u is below "
				    "SLURM_ARRAY_TASK_MIN %u", id, min);
			return false;
		}
		out->k = id - (has_min ? min : 0);
		if (has_count && shards && count != shards) {
			g_set_error(err, SCREENER_ERROR, SE_CONFIG,
				    "--shards %u but SLURM_ARRAY_TASK_COUNT is "
				    "%u", shards, count);
			return false;
		}
		out->n = shards ? shards : count;
		if (!shards && !has_count) {
			g_set_error(err, SCREENER_ERROR, SE_CONFIG,
				    "--shard auto: SLURM_ARRAY_TASK_COUNT is "
				    "not set: give --shards N");
			return false;
		}
		/* an array with a step (--array=0-7:2) has gaps */
		if (out->k >= out->n) {
			g_set_error(err, SCREENER_ERROR, SE_CONFIG,
				    "SLURM_ARRAY_TASK_ID %u is not below %u "
				    "shards: the array must be contiguous "
				    "(--array=0-%u)", id, out->n, out->n - 1);
			return false;
		}
		return check(out, err);
	}
	if (!env_number("JOB_COMPLETION_INDEX", &out->k, &has_id, err))
		return false;
	if (!has_id) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "--shard auto: neither SLURM_ARRAY_TASK_ID nor "
			    "JOB_COMPLETION_INDEX is set");
		return false;
	}
	if (!shards) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "--shard auto with JOB_COMPLETION_INDEX: give "
			    "--shards N (the job's completions)");
		return false;
	}
	out->n = shards;
	return check(out, err);
}

char *shard_name(const struct shard *s)
{
	return g_strdup_printf("%u/%u", s->k, s->n);
}

/* Move the elements of shard s to the front, in order, and drop the
 * others through the array's own free function. */
static void keep_only(GPtrArray *a, const struct shard *s,
		      const char *(*key_of)(gconstpointer))
{
	guint i, j = 0;

	for (i = 0; i < a->len; i++) {
		gpointer p = a->pdata[i];

		if (shard_of(key_of(p), s->n) != s->k)
			continue;
		a->pdata[i] = a->pdata[j];
		a->pdata[j++] = p;
	}
	g_ptr_array_set_size(a, j);
}

static const char *applicant_key(gconstpointer p)
{
	return ((const struct inbox_applicant *)p)->key;
}

static const char *skip_key(gconstpointer p)
{
	const struct inbox_skip *s = p;

	return s->key ? s->key : s->name;
}

void shard_filter_inbox(struct inbox *ib, const struct shard *s)
{
	if (!s->n)
		return;
	keep_only(ib->applicants, s, applicant_key);
	keep_only(ib->skipped, s, skip_key);
}
