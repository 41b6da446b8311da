/* test_shard.c - the shard hash (FNV-1a 64's published values), K/N
 * specs, the schedulers' environment variables, and the inbox filter:
 * every applicant in exactly one shard, in order, skipped entries with
 * their applicant. */
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "inbox.h"
#include "shard.h"

static void test_hash(void)
{
	/* The reference values of FNV-1a 64 (Fowler, Noll, Vo). */
	g_assert_cmphex(shard_hash("", 0), ==, 0xcbf29ce484222325ull);
	g_assert_cmphex(shard_hash("a", 1), ==, 0xaf63dc4c8601ec8cull);
	g_assert_cmphex(shard_hash("foobar", 6), ==, 0x85944171f73967e8ull);
	/* Bytes as they are: no normalisation, a NUL counts. */
	g_assert_cmphex(shard_hash("a\0", 2), !=, shard_hash("a", 1));
	g_assert_cmpuint(shard_of("foobar", 1), ==, 0);
	g_assert_cmpuint(shard_of("foobar", 7), ==,
			 (guint)(0x85944171f73967e8ull % 7));
}

/* Keys spread over the shards: none is empty or holds half of them. */
static void test_spread(void)
{
	guint counts[8] = { 0 };
	guint i;

	for (i = 0; i < 8000; i++) {
		g_autofree char *key = g_strdup_printf("applicant-%u.pdf", i);

		counts[shard_of(key, 8)]++;
	}
	for (i = 0; i < 8; i++) {
		g_assert_cmpuint(counts[i], >, 800);
		g_assert_cmpuint(counts[i], <, 1200);
	}
}

static void test_parse(void)
{
	static const char *const bad[] = {
		"", "3", "1/", "/4", "a/4", "1/b", "-1/4", "+1/4", " 1/4",
		"1/4 ", "4/4", "5/4", "0/0", "1/2/3", "0/100001",
		"99999999999/4",
	};
	struct shard s;
	guint i;

	g_assert_true(shard_parse("0/1", &s, NULL));
	g_assert_cmpuint(s.k, ==, 0);
	g_assert_cmpuint(s.n, ==, 1);
	g_assert_true(shard_parse("3/4", &s, NULL));
	g_assert_cmpuint(s.k, ==, 3);
	g_assert_cmpuint(s.n, ==, 4);
	for (i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autoptr(GError) err = NULL;

		g_assert_false(shard_parse(bad[i], &s, &err));
		g_assert_error(err, SCREENER_ERROR, SE_CONFIG);
	}
	{
		g_autoptr(GError) err = NULL;
		g_autofree char *name = NULL;

		g_assert_false(shard_parse("4/4", &s, &err));
		g_assert_cmpstr(err->message, ==,
				"shard 4 of 4: shards are numbered 0 to 3");
		s.k = 2;
		s.n = 5;
		name = shard_name(&s);
		g_assert_cmpstr(name, ==, "2/5");
	}
}

static void clear_env(void)
{
	g_unsetenv("SLURM_ARRAY_TASK_ID");
	g_unsetenv("SLURM_ARRAY_TASK_MIN");
	g_unsetenv("SLURM_ARRAY_TASK_COUNT");
	g_unsetenv("JOB_COMPLETION_INDEX");
}

/* shard_from_env() with these variables set; NULL values stay unset.
 * The error's message, or NULL on success. */
static char *from_env(guint shards, const char *id, const char *min,
		      const char *count, const char *index, struct shard *s)
{
	g_autoptr(GError) err = NULL;

	clear_env();
	if (id)
		g_setenv("SLURM_ARRAY_TASK_ID", id, TRUE);
	if (min)
		g_setenv("SLURM_ARRAY_TASK_MIN", min, TRUE);
	if (count)
		g_setenv("SLURM_ARRAY_TASK_COUNT", count, TRUE);
	if (index)
		g_setenv("JOB_COMPLETION_INDEX", index, TRUE);
	if (shard_from_env(shards, s, &err))
		return NULL;
	g_assert_error(err, SCREENER_ERROR, SE_CONFIG);
	return g_strdup(err->message);
}

static void test_env(void)
{
	struct shard s;
	char *msg;

	/* Slurm: --array=0-3, and --array=1-4 (from its minimum) */
	g_assert_null(from_env(0, "2", "0", "4", NULL, &s));
	g_assert_cmpuint(s.k, ==, 2);
	g_assert_cmpuint(s.n, ==, 4);
	g_assert_null(from_env(0, "4", "1", "4", NULL, &s));
	g_assert_cmpuint(s.k, ==, 3);
	g_assert_null(from_env(4, "1", NULL, NULL, NULL, &s));
	g_assert_cmpuint(s.k, ==, 1);
	g_assert_cmpuint(s.n, ==, 4);
	/* Kubernetes Indexed Job: the index, and --shards */
	g_assert_null(from_env(3, NULL, NULL, NULL, "2", &s));
	g_assert_cmpuint(s.k, ==, 2);
	g_assert_cmpuint(s.n, ==, 3);

	msg = from_env(0, NULL, NULL, NULL, NULL, &s);
	g_assert_cmpstr(msg, ==, "--shard auto: neither SLURM_ARRAY_TASK_ID "
			"nor JOB_COMPLETION_INDEX is set");
	g_free(msg);
	msg = from_env(0, NULL, NULL, NULL, "1", &s);
	g_assert_cmpstr(msg, ==, "--shard auto with JOB_COMPLETION_INDEX: "
			"give --shards N (the job's completions)");
	g_free(msg);
	msg = from_env(3, NULL, NULL, NULL, "3", &s);
	g_assert_cmpstr(msg, ==, "shard 3 of 3: shards are numbered 0 to 2");
	g_free(msg);
	msg = from_env(5, "1", "0", "4", NULL, &s);
	g_assert_cmpstr(msg, ==, "--shards 5 but SLURM_ARRAY_TASK_COUNT is 4");
	g_free(msg);
	/* a step leaves gaps: 0,2,4,6 with a count of 4 */
	msg = from_env(0, "6", "0", "4", NULL, &s);
	g_assert_cmpstr(msg, ==, "SLURM_ARRAY_TASK_ID 6 is not below 4 shards:"
			" the array must be contiguous (--array=0-3)");
	g_free(msg);
	msg = from_env(0, "0", "1", "4", NULL, &s);
	g_assert_cmpstr(msg, ==, "SLURM_ARRAY_TASK_ID 0 is below "
			"SLURM_ARRAY_TASK_MIN 1");
	g_free(msg);
	msg = from_env(0, "x", NULL, "4", NULL, &s);
	g_assert_cmpstr(msg, ==, "SLURM_ARRAY_TASK_ID='x' is not a number");
	g_free(msg);
	msg = from_env(0, "1", NULL, NULL, NULL, &s);
	g_assert_cmpstr(msg, ==, "--shard auto: SLURM_ARRAY_TASK_COUNT is not "
			"set: give --shards N");
	g_free(msg);
	clear_env();
}

static void put(const char *dir, const char *name)
{
	g_autofree char *path = g_build_filename(dir, name, NULL);
	g_autofree char *parent = g_path_get_dirname(path);

	g_assert_cmpint(g_mkdir_with_parents(parent, 0700), ==, 0);
	g_assert_true(g_file_set_contents(path, "resume", -1, NULL));
}

/* The keys of ib's applicants and skipped entries, "|"-joined. */
static char *keys_of(const struct inbox *ib)
{
	GString *s = g_string_new(NULL);
	guint i;

	for (i = 0; i < ib->applicants->len; i++)
		g_string_append_printf(s, "%s|", ((struct inbox_applicant *)
			ib->applicants->pdata[i])->key);
	for (i = 0; i < ib->skipped->len; i++) {
		const struct inbox_skip *k = ib->skipped->pdata[i];

		g_string_append_printf(s, "skip %s|", k->key ? k->key : k->name);
	}
	return g_string_free(s, FALSE);
}

static void test_filter(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_shard.XXXXXX", NULL);
	g_autofree char *all = NULL;
	g_autofree char *cmd = NULL;
	guint k, i, total = 0;

	for (i = 0; i < 40; i++) {
		g_autofree char *name = g_strdup_printf(i % 5 ? "a%02u.txt" :
							"f%02u/resume.txt", i);

		put(dir, name);
	}
	for (i = 0; i < 6; i++) {
		g_autofree char *target = g_build_filename(dir, "a01.txt", NULL);
		g_autofree char *link = g_strdup_printf("%s/f%02u/link%u.pdf",
							dir, i * 5, i);
		g_autofree char *top = g_strdup_printf("%s/top%u.pdf", dir, i);

		g_assert_cmpint(symlink(target, link), ==, 0);
		g_assert_cmpint(symlink(target, top), ==, 0);
	}
	{
		g_autoptr(inbox) ib = inbox_scan(dir, NULL, NULL);

		all = keys_of(ib);
	}
	for (k = 0; k < 3; k++) {
		struct shard s = { k, 3 };
		g_autoptr(inbox) ib = inbox_scan(dir, NULL, NULL);
		g_autofree char *keys = NULL;
		g_auto(GStrv) a = g_strsplit(all, "|", -1);
		g_auto(GStrv) b = NULL;
		guint j = 0;

		g_assert_nonnull(ib);
		shard_filter_inbox(ib, &s);
		for (i = 0; i < ib->applicants->len; i++)
			g_assert_cmpuint(shard_of(((struct inbox_applicant *)
				ib->applicants->pdata[i])->key, 3), ==, k);
		for (i = 0; i < ib->skipped->len; i++) {
			const struct inbox_skip *sk = ib->skipped->pdata[i];

			g_assert_cmpuint(shard_of(sk->key ? sk->key : sk->name,
						  3), ==, k);
		}
		total += ib->applicants->len + ib->skipped->len;
		/* in the scan's order: a subsequence of the whole list */
		keys = keys_of(ib);
		b = g_strsplit(keys, "|", -1);
		for (i = 0; b[i] && *b[i]; i++) {
			while (a[j] && strcmp(a[j], b[i]) != 0)
				j++;
			g_assert_nonnull(a[j]);
		}
	}
	/* every entry in one shard */
	g_assert_cmpuint(total, ==, 40 + 12);
	{
		struct shard none = { 0, 0 };
		g_autoptr(inbox) ib = inbox_scan(dir, NULL, NULL);
		g_autofree char *keys = NULL;

		shard_filter_inbox(ib, &none);
		keys = keys_of(ib);
		g_assert_cmpstr(keys, ==, all);
	}
	cmd = g_strdup_printf("rm -rf '%s'", dir);
	g_assert_cmpint(system(cmd), ==, 0);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/shard/hash", test_hash);
	g_test_add_func("/shard/spread", test_spread);
	g_test_add_func("/shard/parse", test_parse);
	g_test_add_func("/shard/env", test_env);
	g_test_add_func("/shard/filter", test_filter);
	return g_test_run();
}
