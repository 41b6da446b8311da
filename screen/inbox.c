/*
 * inbox.c - listing applicants and their files (see inbox.h).
 *
 * Owns the inbox layout rules.  Uses fstatat without following links, so
 * a FIFO or device is never opened and cannot block the scan; reading
 * bytes is input.c's job.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "inbox.h"

#define IGNORE_MAX (64 * 1024)

static const char not_regular[] = "not a regular file, skipped";

static const char *const cover_words[] = {
	"cover", "letter", "motivation", "anschreiben", "lettre",
	"statement",
};

bool inbox_cover_name(const char *name)
{
	g_autofree char *low = g_ascii_strdown(name, -1);
	guint i;

	for (i = 0; i < G_N_ELEMENTS(cover_words); i++)
		if (strstr(low, cover_words[i]))
			return true;
	return false;
}

gint64 inbox_mtime_us(const struct stat *st)
{
	return (gint64)st->st_mtim.tv_sec * G_USEC_PER_SEC +
	       st->st_mtim.tv_nsec / 1000;
}

static void file_free(gpointer p)
{
	struct inbox_file *f = p;

	input_origin_clear(&f->origin);
	g_free(f->path);
	g_free(f->name);
	g_free(f);
}

static void applicant_free(gpointer p)
{
	struct inbox_applicant *a = p;

	g_free(a->key);
	g_ptr_array_unref(a->files);
	g_free(a->answers);
	input_origin_clear(&a->answers_origin);
	g_free(a);
}

static void skip_free(gpointer p)
{
	struct inbox_skip *s = p;

	g_free(s->name);
	g_free(s->key);
	g_free(s->reason);
	g_free(s);
}

void inbox_free(struct inbox *ib)
{
	if (!ib)
		return;
	g_ptr_array_unref(ib->applicants);
	g_ptr_array_unref(ib->skipped);
	g_free(ib);
}

static gint cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The visible names in the folder open on fd, sorted by bytes; NULL with
 * errno set.  fd stays open. */
static GPtrArray *list_dir(int fd)
{
	GPtrArray *names;
	struct dirent *e;
	int dup = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	DIR *d = dup < 0 ? NULL : fdopendir(dup);

	if (!d) {
		int e2 = errno;

		if (dup >= 0)
			close(dup);
		errno = e2;
		return NULL;
	}
	names = g_ptr_array_new_with_free_func(g_free);
	errno = 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;	/* hidden, and . and .. */
		g_ptr_array_add(names, g_strdup(e->d_name));
	}
	closedir(d);
	g_ptr_array_sort(names, cmp_str);
	return names;
}

/* Where the scan is: the inbox folder open, as the files will be found
 * again. */
struct where {
	const char *root;
	int rootfd;
	struct stat root_st;
};

static void add_skip(struct inbox *ib, const char *name, const char *key,
		     const char *reason)
{
	struct inbox_skip *s = g_new0(struct inbox_skip, 1);

	s->name = g_strdup(name);
	s->key = g_strdup(key);
	s->reason = g_strdup(reason);
	g_ptr_array_add(ib->skipped, s);
}

static struct inbox_applicant *applicant_new(const char *key)
{
	struct inbox_applicant *a = g_new0(struct inbox_applicant, 1);

	a->key = g_strdup(key);
	a->files = g_ptr_array_new_with_free_func(file_free);
	return a;
}

static void origin_set(struct input_origin *o, const struct where *w,
		       const char *name, const struct stat *dir,
		       const struct stat *st)
{
	o->root = g_strdup(w->root);
	o->name = g_strdup(name);
	o->root_dev = w->root_st.st_dev;
	o->root_ino = w->root_st.st_ino;
	o->dir_dev = dir->st_dev;
	o->dir_ino = dir->st_ino;
	o->dev = st->st_dev;
	o->ino = st->st_ino;
	o->owner = w->root_st.st_uid;
}

static void add_file(struct inbox_applicant *a, const struct where *w,
		     const char *path, const char *name, const char *base,
		     const struct stat *dir, const struct stat *st)
{
	struct inbox_file *f = g_new0(struct inbox_file, 1);

	f->size = st->st_size;
	f->mtime_us = inbox_mtime_us(st);
	f->ctime_us = (gint64)st->st_ctim.tv_sec * G_USEC_PER_SEC +
		      st->st_ctim.tv_nsec / 1000;
	f->ino = st->st_ino;
	f->path = g_strdup(path);
	f->name = g_strdup(name);
	f->cover_hint = inbox_cover_name(base);
	origin_set(&f->origin, w, name, dir, st);
	g_ptr_array_add(a->files, f);
}

static bool ignored(const GPtrArray *pats, const char *name);

/* An applicant's folder, found as *dst in the inbox: opened without
 * following a symlink, and only if it is still that folder. */
static void scan_folder(struct inbox *ib, const struct where *w,
			const char *key, const struct stat *dst,
			const char *answers_name, const GPtrArray *pats)
{
	g_autofree char *dir = g_build_filename(w->root, key, NULL);
	g_autoptr(GPtrArray) names = NULL;
	struct inbox_applicant *a;
	guint64 bytes = 0;
	struct stat dirst;
	guint i;
	int fd;

	fd = openat(w->rootfd, key, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
	if (fd >= 0 && (fstat(fd, &dirst) != 0 ||
			dirst.st_dev != dst->st_dev ||
			dirst.st_ino != dst->st_ino)) {
		close(fd);
		add_skip(ib, key, key, "folder replaced while the inbox "
			 "was listed, skipped");
		return;
	}
	names = fd < 0 ? NULL : list_dir(fd);
	if (!names) {
		g_autofree char *why = g_strdup_printf(
			"cannot read folder: %s", g_strerror(errno));

		if (fd >= 0)
			close(fd);
		add_skip(ib, key, key, why);
		return;
	}
	a = applicant_new(key);
	for (i = 0; i < names->len; i++) {
		const char *base = g_ptr_array_index(names, i);
		g_autofree char *path = g_build_filename(dir, base, NULL);
		g_autofree char *name = g_strconcat(key, "/", base, NULL);
		struct stat st;

		if (ignored(pats, name))
			continue;
		if (fstatat(fd, base, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			add_skip(ib, name, key, g_strerror(errno));
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			add_skip(ib, name, key,
				 "folder inside an applicant folder, skipped");
			continue;
		}
		if (!S_ISREG(st.st_mode)) {
			add_skip(ib, name, key, not_regular);
			continue;
		}
		if (answers_name && !a->answers &&
		    g_ascii_strcasecmp(base, answers_name) == 0) {
			a->answers = g_strdup(path);
			origin_set(&a->answers_origin, w, name, &dirst, &st);
			continue;
		}
		if (a->files->len >= INBOX_DOCS_MAX) {
			add_skip(ib, name, key, "over 20 documents for one "
				 "applicant, skipped");
			continue;
		}
		if (bytes + (guint64)st.st_size > INBOX_BYTES_MAX) {
			add_skip(ib, name, key, "over 64 MiB of documents "
				 "for one applicant, skipped");
			continue;
		}
		bytes += st.st_size;
		add_file(a, w, path, name, base, &dirst, &st);
	}
	close(fd);
	if (a->files->len == 0 && !a->answers) {
		applicant_free(a);	/* an empty folder is no applicant */
		return;
	}
	g_ptr_array_add(ib->applicants, a);
}

/* Patterns of .screenerignore: one glob a line ('*' and '?'), matched
 * against inbox-relative names ("README.md", "alice/notes.txt"); blank
 * lines and '#' comments skipped.  A missing file ignores nothing. */
static GPtrArray *ignore_patterns(const char *dir)
{
	g_autofree char *path = g_build_filename(dir, ".screenerignore", NULL);
	GPtrArray *pats = g_ptr_array_new_with_free_func(
		(GDestroyNotify)g_pattern_spec_free);
	g_autofree char *text = NULL;
	g_auto(GStrv) lines = NULL;
	struct stat st;
	guint i;

	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > IGNORE_MAX ||
	    !g_file_get_contents(path, &text, NULL, NULL))
		return pats;
	lines = g_strsplit(text, "\n", -1);
	for (i = 0; lines[i]; i++) {
		char *l = g_strstrip(lines[i]);

		if (*l && *l != '#')
			g_ptr_array_add(pats, g_pattern_spec_new(l));
	}
	return pats;
}

static bool ignored(const GPtrArray *pats, const char *name)
{
	guint i;

	for (i = 0; i < pats->len; i++)
		if (g_pattern_spec_match_string(g_ptr_array_index(pats, i),
						name))
			return true;
	return false;
}

struct inbox *inbox_scan(const char *dir, const char *answers_name,
			 GError **err)
{
	g_autoptr(GPtrArray) names = NULL;
	g_autoptr(GPtrArray) pats = NULL;
	struct where w = { .root = dir };
	struct inbox *ib;
	guint i;

	w.rootfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (w.rootfd < 0 || fstat(w.rootfd, &w.root_st) != 0 ||
	    !(names = list_dir(w.rootfd))) {
		g_set_error(err, SCREENER_ERROR, SE_IO,
			    "cannot read the inbox: %s", g_strerror(errno));
		if (w.rootfd >= 0)
			close(w.rootfd);
		return NULL;
	}
	pats = ignore_patterns(dir);
	ib = g_new0(struct inbox, 1);
	ib->applicants = g_ptr_array_new_with_free_func(applicant_free);
	ib->skipped = g_ptr_array_new_with_free_func(skip_free);
	for (i = 0; i < names->len; i++) {
		const char *base = g_ptr_array_index(names, i);
		g_autofree char *path = g_build_filename(dir, base, NULL);
		struct stat st;

		if (ignored(pats, base))
			continue;
		if (fstatat(w.rootfd, base, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			add_skip(ib, base, NULL, g_strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			scan_folder(ib, &w, base, &st, answers_name, pats);
		} else if (S_ISREG(st.st_mode)) {
			struct inbox_applicant *a = applicant_new(base);

			add_file(a, &w, path, base, base, &w.root_st, &st);
			g_ptr_array_add(ib->applicants, a);
		} else {
			add_skip(ib, base, NULL, not_regular);
		}
	}
	close(w.rootfd);
	return ib;
}

static const struct {
	const char *word;
	enum score_form form;
} answer_words[] = {
	{ "yes", SCORE_FORM_YES }, { "y", SCORE_FORM_YES },
	{ "true", SCORE_FORM_YES }, { "no", SCORE_FORM_NO },
	{ "n", SCORE_FORM_NO }, { "false", SCORE_FORM_NO },
};

enum score_form inbox_parse_answers(const char *text, gsize len)
{
	g_autofree char *copy = g_strndup(text, len);
	g_auto(GStrv) lines = g_strsplit(copy, "\n", -1);
	enum score_form form = SCORE_FORM_NONE;
	guint i, j;

	for (i = 0; lines[i]; i++) {
		char *line = g_strstrip(lines[i]);
		char *colon, *value;

		if (line[0] == '#' || !(colon = strchr(line, ':')))
			continue;
		*colon = '\0';
		value = g_strstrip(colon + 1);
		if (g_ascii_strcasecmp(g_strstrip(line), "knockout") != 0)
			continue;
		form = SCORE_FORM_NONE;
		for (j = 0; j < G_N_ELEMENTS(answer_words); j++)
			if (g_ascii_strcasecmp(value, answer_words[j].word) == 0)
				form = answer_words[j].form;
	}
	return form;
}
