/*
 * selfid.c - voluntary self-identification answers (see selfid.h).
 *
 * Owns the EEO-1 category lists and their spellings.  Reads text it is
 * given; knows nothing of files, the store or scoring.
 */
#include <stdbool.h>
#include <string.h>

#include "selfid.h"

static const char *const sexes[] = { "Female", "Male", SELFID_UNKNOWN };

static const char *const races[] = {
	"American Indian or Alaska Native", "Asian",
	"Black or African American", "Hispanic or Latino",
	"Native Hawaiian or Other Pacific Islander", "Two or More Races",
	"White", SELFID_UNKNOWN,
};

/* Spellings an applicant may write, folded (lower case, letters and
 * single spaces), to the index of the category. */
static const struct alias {
	const char *folded;
	guint idx;
} sex_aliases[] = {
	{ "female", 0 }, { "f", 0 }, { "woman", 0 },
	{ "male", 1 }, { "m", 1 }, { "man", 1 },
}, race_aliases[] = {
	{ "american indian or alaska native", 0 }, { "american indian", 0 },
	{ "alaska native", 0 }, { "native american", 0 },
	{ "asian", 1 },
	{ "black or african american", 2 }, { "black", 2 },
	{ "african american", 2 },
	{ "hispanic or latino", 3 }, { "hispanic", 3 }, { "latino", 3 },
	{ "latina", 3 }, { "latinx", 3 },
	{ "native hawaiian or other pacific islander", 4 },
	{ "native hawaiian", 4 }, { "pacific islander", 4 },
	{ "two or more races", 5 }, { "two or more", 5 },
	{ "multiracial", 5 },
	{ "white", 6 },
};

/* Lower case, every run of non-letters one space, trimmed. */
static char *fold(const char *s)
{
	GString *out = g_string_new(NULL);
	bool space = false;

	for (; *s; s++) {
		if (g_ascii_isalpha(*s)) {
			if (space && out->len)
				g_string_append_c(out, ' ');
			g_string_append_c(out, g_ascii_tolower(*s));
			space = false;
		} else {
			space = true;
		}
	}
	return g_string_free(out, FALSE);
}

static const char *category(const char *value, const struct alias *aliases,
			    guint n, const char *const *names)
{
	g_autofree char *f = fold(value);

	for (guint i = 0; i < n; i++)
		if (strcmp(f, aliases[i].folded) == 0)
			return names[aliases[i].idx];
	return SELFID_UNKNOWN;
}

struct selfid selfid_parse(const char *text, gsize len)
{
	g_autofree char *copy = g_strndup(text, len);
	g_auto(GStrv) lines = g_strsplit(copy, "\n", -1);
	struct selfid out = { SELFID_UNKNOWN, SELFID_UNKNOWN };

	for (guint i = 0; lines[i]; i++) {
		char *line = g_strstrip(lines[i]);
		char *colon, *value;
		g_autofree char *key = NULL;

		if (line[0] == '#' || !(colon = strchr(line, ':')))
			continue;
		*colon = '\0';
		value = g_strstrip(colon + 1);
		key = fold(line);
		if (strcmp(key, "sex") == 0)
			out.sex = category(value, sex_aliases,
					   G_N_ELEMENTS(sex_aliases), sexes);
		else if (strcmp(key, "race ethnicity") == 0)
			out.race = category(value, race_aliases,
					    G_N_ELEMENTS(race_aliases), races);
	}
	return out;
}

const char *const *selfid_sex_categories(guint *n_out)
{
	*n_out = G_N_ELEMENTS(sexes);
	return sexes;
}

const char *const *selfid_race_categories(guint *n_out)
{
	*n_out = G_N_ELEMENTS(races);
	return races;
}

const char *selfid_named(const char *text)
{
	static const char *const keys[] = {
		"race ethnicity", "ethnicity", "race", "sex", "gender",
	};
	g_autofree char *f = fold(text);
	g_autofree char *padded = g_strconcat(" ", f, " ", NULL);

	/* "race" alone is a word of the trade ("race condition"): only
	 * the answers file's key and the plain names of the two answers
	 * as a whole term are refused. */
	for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
		g_autofree char *word = g_strconcat(" ", keys[i], " ", NULL);

		if (strcmp(keys[i], "race") == 0 ? strcmp(f, "race") == 0 :
		    strstr(padded, word) != NULL)
			return keys[i];
	}
	return NULL;
}
