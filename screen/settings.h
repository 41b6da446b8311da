/*
 * settings.h - the settings a command runs with, and where each came
 * from: built-in defaults, then one optional configuration file, then the
 * command line (which wins).
 *
 * The file is a GLib key file (the format of the rule sets) with one
 * group, [screener]; the first of these is read: --config FILE, else
 * ./screener.ini, else $XDG_CONFIG_HOME/screener/screener.ini (default
 * ~/.config), else /etc/screener.ini.  A relative path in a file is taken
 * from the file's folder.  Unknown groups and keys are errors, so a typo
 * does not go unnoticed.
 */
#ifndef SCREENER_SETTINGS_H
#define SCREENER_SETTINGS_H

#include <stdbool.h>
#include <glib.h>

enum settings_key {
	SETTINGS_INBOX = 0,
	SETTINGS_CRITERIA,
	SETTINGS_DATABASE,
	SETTINGS_REPORTS,
	SETTINGS_JOBS,
	SETTINGS_SETTLE,
	SETTINGS_OCR,
	SETTINGS_N
};

struct settings;

/* Defaults, then the configuration file: file when given (it must
 * exist), else the first found of the places above.  NULL with err
 * (SE_CONFIG, "FILE: reason") when the file cannot be read or holds an
 * unknown key.  Caller frees with settings_free(). */
struct settings *settings_load(const char *file, GError **err);
void settings_free(struct settings *s);
typedef struct settings settings;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(settings, settings_free)

/* A command-line value for k (ignored when NULL): it wins over the file;
 * option ("--inbox") is recorded as its origin.  Copies both. */
void settings_override(struct settings *s, enum settings_key k,
		       const char *value, const char *option);

/* The key's name in the file ("inbox"), its value and its origin:
 * "default", the option, or the file's path.  Owned by s. */
const char *settings_name(enum settings_key k);
const char *settings_value(const struct settings *s, enum settings_key k);
const char *settings_origin(const struct settings *s, enum settings_key k);

/* given when not NULL, else k's value from file (or the usual places)
 * and the defaults: the one setting a command needs (the database of
 * "screener show").  NULL with err as settings_load().  Caller frees. */
char *settings_pick(const char *file, enum settings_key k, const char *given,
		    GError **err);

/* The file read, or NULL when none was found.  Owned by s. */
const char *settings_file(const struct settings *s);

/* k's value as an integer in [min, max]; false with err (SE_CONFIG) naming
 * where the value came from: "--jobs: between 1 and 256" or
 * "/etc/screener.ini: jobs: between 1 and 256". */
bool settings_int(const struct settings *s, enum settings_key k, int min,
		  int max, int *out, GError **err);

#endif
