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
 * Caller frees with input_free(). */
struct input *input_read(const char *path, const struct caps *caps,
			 GError **err);
void input_free(struct input *in);

#endif
