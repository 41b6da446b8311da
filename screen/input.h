/*
 * input.h - reading a candidate's file safely into memory.
 *
 * Opens without following links and without blocking on FIFOs, refuses
 * anything but a regular file, checks the size with fstat before reading,
 * and hashes the content (the document's identity).
 */
#ifndef SCREENER_INPUT_H
#define SCREENER_INPUT_H

#include <glib.h>
#include "caps.h"

struct input {
	char *path;
	GBytes *data;
	char sha256[65];	/* hex */
	gint64 mtime;		/* seconds */
};

/* On failure NULL with SE_NOT_REGULAR, SE_TOO_LARGE or SE_IO.
 * Caller frees with input_free().  For a path given on the command line;
 * inbox files are read with input_read_origin(). */
struct input *input_read(const char *path, const struct caps *caps,
			 GError **err);

/* Where the inbox scan found a file, so that it is that file and no other
 * that is read: an inbox another user can write may have a folder swapped
 * for a symlink (or a file for a hard link to someone else's file)
 * between the scan and the read.  Every folder below root is opened with
 * O_NOFOLLOW | O_DIRECTORY relative to the one above, and each folder's
 * and the file's device and inode must be the scan's. */
struct input_origin {
	char *root;		/* the inbox folder, as the operator gave it */
	char *name;		/* below root: "cv.pdf" or "alice/cv.pdf" */
	guint64 root_dev, root_ino;
	guint64 dir_dev, dir_ino;	/* the folder holding it (alice/) */
	guint64 dev, ino;		/* the file */
	guint32 owner;		/* uid owning root */
};
void input_origin_clear(struct input_origin *o);

/* input_read() of the file o describes, refused (SE_NOT_REGULAR, with
 * the reason) when a folder on the way is a symlink or not the folder the
 * scan saw, when the file is not the one the scan saw, or when it has
 * more than one link and root's owner does not own it. */
struct input *input_read_origin(const struct input_origin *o,
				const struct caps *caps, GError **err);
void input_free(struct input *in);

#endif
