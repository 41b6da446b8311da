/*
 * settings.c - defaults, the configuration file and command-line values,
 * each with its origin.  Reads one small key file; knows nothing of what
 * the values are used for beyond their names.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "paths.h"
#include "settings.h"

#define SETTINGS_GROUP "screener"
#define SETTINGS_FILE "screener.ini"

struct settings {
	char *value[SETTINGS_N];
	char *origin[SETTINGS_N];
	char *file;
};

/* The keys, in the order "screener config" prints them.  A setting for
 * an option "run" gains later is one more key: an entry in enum
 * settings_key and here, its default in put_defaults(), and in cmd_run.c
 * a settings_override() with the option's value and a settings_value()
 * where the option is read. */
static const struct {
	const char *name;
	bool is_path;		/* relative values taken from the file's folder */
} keys[SETTINGS_N] = {
	[SETTINGS_INBOX] = { "inbox", true },
	[SETTINGS_CRITERIA] = { "criteria", true },
	[SETTINGS_DATABASE] = { "database", true },
	[SETTINGS_REPORTS] = { "reports", true },
	[SETTINGS_JOBS] = { "jobs", false },
	[SETTINGS_SETTLE] = { "settle", false },
	[SETTINGS_OCR] = { "ocr", false },
};

const char *settings_name(enum settings_key k)
{
	return keys[k].name;
}

static void put(struct settings *s, enum settings_key k, char *value,
		const char *origin)
{
	g_free(s->value[k]);
	g_free(s->origin[k]);
	s->value[k] = value;
	s->origin[k] = g_strdup(origin);
}

static void put_defaults(struct settings *s)
{
	put(s, SETTINGS_INBOX, paths_default_inbox(), "default");
	put(s, SETTINGS_CRITERIA, paths_default_criteria(), "default");
	put(s, SETTINGS_DATABASE, g_strdup("reports/screen.db"), "default");
	put(s, SETTINGS_REPORTS, g_strdup("reports"), "default");
	put(s, SETTINGS_JOBS, g_strdup_printf("%u",
		MAX(g_get_num_processors(), 1u)), "default: one per core");
	put(s, SETTINGS_SETTLE, g_strdup("5"), "default");
	put(s, SETTINGS_OCR, g_strdup("auto"), "default");
}

/* The file to read: the one given, else the first that exists. */
static char *find_file(void)
{
	g_autofree char *user = g_build_filename(g_get_user_config_dir(),
						 "screener", SETTINGS_FILE,
						 NULL);
	const char *const places[] = { SETTINGS_FILE, user,
				       "/etc/" SETTINGS_FILE };
	guint i;

	for (i = 0; i < G_N_ELEMENTS(places); i++)
		if (g_file_test(places[i], G_FILE_TEST_EXISTS))
			return g_strdup(places[i]);
	return NULL;
}

static int key_index(const char *name)
{
	int k;

	for (k = 0; k < SETTINGS_N; k++)
		if (strcmp(keys[k].name, name) == 0)
			return k;
	return -1;
}

static bool read_file(struct settings *s, GError **err)
{
	g_autoptr(GKeyFile) kf = g_key_file_new();
	g_autoptr(GError) e = NULL;
	g_auto(GStrv) groups = NULL;
	g_auto(GStrv) names = NULL;
	g_autofree char *dir = g_path_get_dirname(s->file);
	guint i;

	if (!g_key_file_load_from_file(kf, s->file, G_KEY_FILE_NONE, &e)) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG, "%s: %s", s->file,
			    e->code == G_FILE_ERROR_NOENT ? "no such file" :
			    e->message);
		return false;
	}
	groups = g_key_file_get_groups(kf, NULL);
	for (i = 0; groups[i]; i++)
		if (strcmp(groups[i], SETTINGS_GROUP) != 0) {
			g_set_error(err, SCREENER_ERROR, SE_CONFIG,
				    "%s: unknown group [%s] (the settings go "
				    "under [" SETTINGS_GROUP "])", s->file,
				    groups[i]);
			return false;
		}
	if (!groups[0])
		return true;
	names = g_key_file_get_keys(kf, SETTINGS_GROUP, NULL, NULL);
	for (i = 0; names && names[i]; i++) {
		int k = key_index(names[i]);
		char *v;

		if (k < 0) {
			g_set_error(err, SCREENER_ERROR, SE_CONFIG,
				    "%s: unknown key '%s'", s->file,
				    names[i]);
			return false;
		}
		v = g_key_file_get_string(kf, SETTINGS_GROUP, names[i], NULL);
		if (!v || !*v) {
			g_free(v);
			g_set_error(err, SCREENER_ERROR, SE_CONFIG,
				    "%s: %s: empty value", s->file, names[i]);
			return false;
		}
		if (keys[k].is_path && !g_path_is_absolute(v) &&
		    strcmp(dir, ".") != 0) {
			char *full = g_build_filename(dir, v, NULL);

			g_free(v);
			v = full;
		}
		put(s, k, v, s->file);
	}
	return true;
}

struct settings *settings_load(const char *file, GError **err)
{
	struct settings *s = g_new0(struct settings, 1);

	put_defaults(s);
	s->file = file ? g_strdup(file) : find_file();
	if (s->file && !read_file(s, err)) {
		settings_free(s);
		return NULL;
	}
	return s;
}

void settings_free(struct settings *s)
{
	int k;

	if (!s)
		return;
	for (k = 0; k < SETTINGS_N; k++) {
		g_free(s->value[k]);
		g_free(s->origin[k]);
	}
	g_free(s->file);
	g_free(s);
}

void settings_override(struct settings *s, enum settings_key k,
		       const char *value, const char *option)
{
	if (value)
		put(s, k, g_strdup(value), option);
}

const char *settings_value(const struct settings *s, enum settings_key k)
{
	return s->value[k];
}

const char *settings_origin(const struct settings *s, enum settings_key k)
{
	return s->origin[k];
}

char *settings_pick(const char *file, enum settings_key k, const char *given,
		    GError **err)
{
	g_autoptr(settings) s = NULL;

	if (given)
		return g_strdup(given);
	s = settings_load(file, err);
	return s ? g_strdup(s->value[k]) : NULL;
}

const char *settings_file(const struct settings *s)
{
	return s->file;
}

bool settings_int(const struct settings *s, enum settings_key k, int min,
		  int max, int *out, GError **err)
{
	const char *v = s->value[k];
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < min || n > max) {
		if (s->origin[k][0] == '-')
			g_set_error(err, SCREENER_ERROR, SE_CONFIG,
				    "%s: between %d and %d", s->origin[k],
				    min, max);
		else
			g_set_error(err, SCREENER_ERROR, SE_CONFIG,
				    "%s: %s: between %d and %d",
				    s->origin[k], keys[k].name, min, max);
		return false;
	}
	*out = (int)n;
	return true;
}
