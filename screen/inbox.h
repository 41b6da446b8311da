/*
 * inbox.h - finding the applicants in an inbox folder.
 *
 * A regular file directly in the inbox is one applicant (key = its
 * name).  A sub-folder is one applicant (key = the folder's name) whose
 * regular files are the resume, a cover letter (told apart by name here,
 * by content later) and the form answers file.  Hidden entries (".x")
 * are ignored; symlinks, FIFOs, devices and folders inside an applicant's
 * folder are listed as skipped, never opened.  Everything is sorted by
 * name bytes, so runs are deterministic.
 *
 * The answers file is a few "key: value" lines, '#' starts a comment;
 * the one key read is "knockout: yes|no" (also y/n, true/false).
 *
 * An optional ".screenerignore" in the inbox lists names to leave out
 * (one glob a line, '#' comments), e.g. a README beside the applicants.
 *
 * Lists through directory descriptors (openat with O_NOFOLLOW), and
 * records where each file was found (device and inode) so that the read
 * can insist on the same file.  Lists only: never reads a document's
 * bytes.
 */
#ifndef SCREENER_INBOX_H
#define SCREENER_INBOX_H

#include <stdbool.h>
#include <glib.h>
#include "input.h"
#include "score.h"

/* Per applicant (HARDENING 30): the files past these are skipped, each
 * named with the reason, so that one applicant cannot hold the parent's
 * memory (every file of an applicant is in memory at once). */
#define INBOX_DOCS_MAX 20
#define INBOX_BYTES_MAX (64u << 20)

struct inbox_file {
	char *path;		/* inbox/name, for open() */
	char *name;		/* "cv.pdf" or "alice/cv.pdf": shown, stored */
	bool cover_hint;	/* the name says cover letter / motivation */
	gint64 size;		/* at the scan, to tell a file still */
	gint64 mtime_us;	/* being written (see cmd_run.c) */
	gint64 ctime_us;	/* and, with the inode, to know an */
	guint64 ino;		/* unchanged file without reading it */
	struct input_origin origin;	/* for input_read_origin() */
};

struct inbox_applicant {
	char *key;
	GPtrArray *files;	/* struct inbox_file *, documents only */
	char *answers;		/* path of the answers file, or NULL */
	struct input_origin answers_origin;	/* when answers is set */
};

struct inbox_skip {
	char *name;		/* as inbox_file.name */
	char *key;		/* applicant, or NULL at the top */
	char *reason;		/* "not a regular file, skipped" */
};

struct inbox {
	GPtrArray *applicants;	/* struct inbox_applicant * */
	GPtrArray *skipped;	/* struct inbox_skip * */
};

/* Scan dir.  answers_name is the profile's answers file name (may be
 * NULL).  NULL with SE_IO when dir cannot be read.  Caller frees with
 * inbox_free(). */
struct inbox *inbox_scan(const char *dir, const char *answers_name,
			 GError **err);
void inbox_free(struct inbox *ib);
typedef struct inbox inbox;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(inbox, inbox_free)

/* A stat's modification time in microseconds since the epoch. */
struct stat;
gint64 inbox_mtime_us(const struct stat *st);

/* True when a file name reads like a cover letter. */
bool inbox_cover_name(const char *name);

/* The knock-out answer in the text of an answers file; SCORE_FORM_NONE
 * when absent or unclear. */
enum score_form inbox_parse_answers(const char *text, gsize len);

#endif
