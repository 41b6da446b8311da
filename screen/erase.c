/*
 * erase.c - erasing applicants (see erase.h).
 *
 * Owns the order of an erasure: the store's rows, one compaction, the
 * originals.  Knows nothing of reports or rules.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "erase.h"
#include "store.h"

static char *now_iso(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();

	return g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
}

bool erase_keys(struct store *st, GPtrArray *keys, const char *reviewer,
		const char *reason, const char *answers_name,
		GPtrArray *originals, GError **err)
{
	g_autofree char *time = now_iso();
	struct store_erasure e = { time, reviewer, reason };
	guint i;

	for (i = 0; i < keys->len; i++) {
		const char *key = keys->pdata[i];
		guint from = originals ? originals->len : 0;

		if (!store_forget(st, key, &e, originals, err))
			return false;
		/* A folder applicant's answers file is an original too. */
		for (guint j = from; originals && answers_name &&
		     j < originals->len; j++)
			if (strchr(originals->pdata[j], '/')) {
				g_ptr_array_add(originals,
					g_build_filename(key, answers_name,
							 NULL));
				break;
			}
	}
	return !keys->len || store_compact(st, err);
}

static void problem(GPtrArray *problems, const char *path, int e)
{
	g_ptr_array_add(problems, g_strdup_printf("%s: %s", path,
						  g_strerror(e)));
}

void erase_originals(const char *inbox, GPtrArray *originals,
		     GPtrArray *problems)
{
	int root = open(inbox, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			O_CLOEXEC);
	g_autoptr(GHashTable) folders = g_hash_table_new_full(
		g_str_hash, g_str_equal, g_free, NULL);
	GHashTableIter it;
	gpointer folder;
	guint i;

	if (root < 0) {
		problem(problems, inbox, errno);
		return;
	}
	for (i = 0; i < originals->len; i++) {
		const char *path = originals->pdata[i];
		const char *slash = strchr(path, '/');
		int dir = root;

		/* An applicant is a file of the inbox or a folder of
		 * files: one level, each opened without following a
		 * symlink. */
		if (slash) {
			g_autofree char *name = g_strndup(path, slash - path);

			dir = openat(root, name, O_RDONLY | O_DIRECTORY |
				     O_NOFOLLOW | O_CLOEXEC);
			if (dir < 0) {
				if (errno != ENOENT)
					problem(problems, path, errno);
				continue;
			}
			g_hash_table_add(folders, g_steal_pointer(&name));
		}
		if (unlinkat(dir, slash ? slash + 1 : path, 0) != 0 &&
		    errno != ENOENT)
			problem(problems, path, errno);
		if (dir != root)
			close(dir);
	}
	g_hash_table_iter_init(&it, folders);
	while (g_hash_table_iter_next(&it, &folder, NULL))
		(void)unlinkat(root, folder, AT_REMOVEDIR);	/* if empty */
	close(root);
}
