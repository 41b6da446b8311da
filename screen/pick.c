/*
 * pick.c - resolving an APPLICANT argument to an applicant key.
 *
 * Owns only the lookup order (key, e-mail, rank).  Reads the store
 * through store_ranking(); writes nothing, prints nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pick.h"

/* Rank number: digits only, no sign, no spaces; 0 when not one. */
static guint parse_rank(const char *s)
{
	guint64 v;

	if (!g_ascii_string_to_unsigned(s, 10, 1, G_MAXUINT, &v, NULL))
		return 0;
	return (guint)v;
}

char *pick_applicant(struct store *st, const char *spec, GError **err)
{
	g_autoptr(GPtrArray) rows = store_ranking(st, 0, err);
	const struct store_ranked *by_mail = NULL, *by_rank = NULL;
	guint rank = parse_rank(spec);
	guint i, mails = 0;

	if (!rows)
		return NULL;
	for (i = 0; i < rows->len; i++) {
		const struct store_ranked *r = g_ptr_array_index(rows, i);

		if (strcmp(r->key, spec) == 0)
			return g_strdup(r->key);
		/* blind review's label: "A-" and the opaque number */
		if (g_str_has_prefix(spec, "A-") && r->blind_id &&
		    g_ascii_strcasecmp(spec + 2, r->blind_id) == 0)
			return g_strdup(r->key);
		if (*spec && r->email && g_ascii_strcasecmp(r->email, spec) == 0) {
			by_mail = r;
			mails++;
		}
		if (rank && r->rank == rank && !by_rank)
			by_rank = r;
	}
	if (mails > 1) {
		g_set_error(err, SCREENER_ERROR, SE_CONFIG,
			    "%u applicants have this e-mail: name one by key "
			    "or rank", mails);
		return NULL;
	}
	if (by_mail)
		return g_strdup(by_mail->key);
	if (by_rank)
		return g_strdup(by_rank->key);
	g_set_error(err, SCREENER_ERROR, SE_CONFIG,
		    "no such applicant (give a key, e-mail or rank)");
	return NULL;
}
