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

/* The visible names in dir, sorted by bytes; NULL with errno set. */
static GPtrArray *list_dir(const char *dir)
{
	GPtrArray *names;
	struct dirent *e;
	DIR *d = opendir(dir);

	if (!d)
		return NULL;
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

static void add_file(struct inbox_applicant *a, const char *path,
		     const char *name, const char *base,
		     const struct stat *st)
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
	g_ptr_array_add(a->files, f);
}

static bool ignored(const GPtrArray *pats, const char *name);

static void scan_folder(struct inbox *ib, const char *dir, const char *key,
			const char *answers_name, const GPtrArray *pats)
{
	g_autoptr(GPtrArray) names = list_dir(dir);
	struct inbox_applicant *a;
	guint i;

	if (!names) {
		g_autofree char *why = g_strdup_printf(
			"cannot read folder: %s", g_strerror(errno));

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
		if (fstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW) != 0) {
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
			continue;
		}
		add_file(a, path, name, base, &st);
	}
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
	g_autoptr(GPtrArray) names = list_dir(dir);
	g_autoptr(GPtrArray) pats = NULL;
	struct inbox *ib;
	guint i;

	if (!names) {
		g_set_error(err, SCREENER_ERROR, SE_IO,
			    "cannot read the inbox: %s", g_strerror(errno));
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
		if (fstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			add_skip(ib, base, NULL, g_strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			scan_folder(ib, path, base, answers_name, pats);
		} else if (S_ISREG(st.st_mode)) {
			struct inbox_applicant *a = applicant_new(base);

			add_file(a, path, base, base, &st);
			g_ptr_array_add(ib->applicants, a);
		} else {
			add_skip(ib, base, NULL, not_regular);
		}
	}
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
