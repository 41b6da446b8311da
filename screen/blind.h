/*
 * blind.h - blind review: what every report and "screener show" hide
 * about who an applicant is.
 *
 * The one place that decides what is masked.  Outputs read the store as
 * usual and pass what they read through these calls; with no mask (NULL)
 * every call leaves the data as it is, so the same code writes both
 * kinds of reports.  Hidden, replaced by BLIND_MARK: name, e-mail,
 * phone, postal addresses and location lines, profile and web links,
 * dates of birth and ages, every year and full date (graduation and
 * school years with them), gendered words (pronouns, honorifics), and
 * file names (documents are "document K"); applicants are named by an
 * opaque number ("A-" and the store's blind_id).  No output says
 * whether a document has a photo, and in blind review no output links
 * to an original or to an annotated copy (report.c makes none).
 */
#ifndef SCREENER_BLIND_H
#define SCREENER_BLIND_H

#include <stdbool.h>
#include <glib.h>

#include "store.h"

#define BLIND_MARK "[masked]"

struct blind;

/* Mask v in place (each row's name, e-mail, phone; shown becomes the
 * opaque label; reason and duplicate notes name others by label) and
 * set v->mask to the new mask, which keeps st to look up documents.
 * Free with blind_free() before v is cleared. */
struct blind *blind_new(struct store *st, struct store_view *v);
void blind_free(struct blind *b);

/* store_each_evidence() with each row masked (key, document, snippet)
 * before fn sees it. */
bool blind_each_evidence(struct blind *b, struct store *st, const char *key,
			 store_evidence_fn fn, void *data, GError **err);

/* Rows of store_documents(), store_facts(), store_decisions() and
 * store_errors() for applicant key, masked in place. */
void blind_documents(struct blind *b, const char *key, GPtrArray *docs);
void blind_facts(struct blind *b, const char *key, GPtrArray *facts);
void blind_decisions(struct blind *b, const char *key, GPtrArray *rows);
void blind_errors(struct blind *b, GPtrArray *rows);

#endif
