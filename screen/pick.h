/*
 * pick.h - finding the applicant a reviewer names on the command line:
 * by applicant key, by e-mail, or by rank number, among the present
 * applicants.  Shared by the commands that take an APPLICANT argument.
 */
#ifndef SCREENER_PICK_H
#define SCREENER_PICK_H

#include <glib.h>
#include "store.h"

/* The key of the applicant spec names: an exact key first, then an
 * e-mail (case-insensitive, which must name one applicant only), then
 * a rank number.  SE_CONFIG with the reason when none or several
 * match.  Caller frees with g_free(). */
char *pick_applicant(struct store *st, const char *spec, GError **err);

#endif
