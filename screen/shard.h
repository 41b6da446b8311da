/*
 * shard.h - which shard of a sharded run an applicant belongs to.
 *
 * "screener run --shard K/N" screens only the applicants whose key
 * hashes to K; "screener merge" puts the N databases back together.  The
 * hash is FNV-1a, 64 bits, over the bytes of the applicant key (the
 * file or folder name in the inbox, as stored), reduced modulo N: the
 * same on every machine and in every order of work, so the N shards
 * split any inbox into disjoint parts that together hold every
 * applicant.  Every document of an applicant (its folder) goes with its
 * key; a cover letter sent alone, as an applicant of its own, may land
 * in another shard and is linked to its author by the merge's ranking,
 * as by a single run's.
 *
 * Shards are numbered from 0: K in [0, N).
 */
#ifndef SCREENER_SHARD_H
#define SCREENER_SHARD_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

/* The most shards a run may be split into. */
#define SHARD_MAX 100000u

struct shard {
	guint k, n;		/* n == 0: not sharded */
};

struct inbox;

/* FNV-1a 64 of len bytes. */
uint64_t shard_hash(const void *data, gsize len);

/* The shard of key among n (n >= 1). */
guint shard_of(const char *key, guint n);

/* "K/N" into out; SE_CONFIG with a message naming what is wrong. */
bool shard_parse(const char *spec, struct shard *out, GError **err);

/* The shard of a scheduler's array task, read from the environment:
 * SLURM_ARRAY_TASK_ID (less SLURM_ARRAY_TASK_MIN, so --array=1-4 works
 * too) and SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX (a Kubernetes
 * Indexed Job).  shards is --shards N, 0 when not given: then only
 * Slurm's count can tell N.  SE_CONFIG when neither scheduler set its
 * variables, N is unknown or disagrees, or the index is out of range. */
bool shard_from_env(guint shards, struct shard *out, GError **err);

/* "K/N" (caller frees). */
char *shard_name(const struct shard *s);

/* Keep in ib only the applicants and skipped entries of shard s (a
 * skipped entry goes with its applicant, or with its own name at the
 * inbox's top, the key it would have).  Order is kept. */
void shard_filter_inbox(struct inbox *ib, const struct shard *s);

#endif
