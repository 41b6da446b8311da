/*
 * confine.h - the layers around a child that touches applicant bytes.
 *
 * Called once, early, by the extraction and annotation children (and the
 * probe behind "screener run --check-sandbox"), after their descriptors
 * are settled and before the first byte of a document is read.  Each
 * layer is taken when the machine gives it; a missing one is recorded
 * with its reason and the rest go on.  See SECURITY.md for what each
 * layer stops.
 */
#ifndef SCREENER_CONFINE_H
#define SCREENER_CONFINE_H

#include <stdbool.h>
#include <glib.h>

enum confine_layer {
	CONFINE_UID,		/* an unprivileged uid, no capabilities */
	CONFINE_USERNS,		/* a user namespace of its own */
	CONFINE_ROOT,		/* an empty root of its own */
	CONFINE_NET,		/* a network namespace: no network */
	CONFINE_SECCOMP,	/* a system-call allow-list */
	CONFINE_NPROC,		/* RLIMIT_NPROC 0: no new process */
	CONFINE_N_LAYERS
};

/* confine_self() flags. */
#define CONFINE_WRITABLE 1u	/* the annotator: its root takes fsize
				   bytes of files (poppler saves only to a
				   file) */
/* Test builds only: act as on a machine without user namespaces, or
 * without a mount point at "/" (a plain chroot). */
#define CONFINE_TEST_NO_USERNS 2u
#define CONFINE_TEST_CHROOT 4u

struct confine_result {
	guint have;		/* 1u << enum confine_layer */
	char detail[CONFINE_N_LAYERS][128];	/* what was done, or why not */
};

/* The uid a child runs as when started by root. */
#define CONFINE_NOBODY 65534u

/* Confine the calling process for good.  scratch: an empty folder of
 * the parent's (0700), the root of the jail where no mount of our own
 * can be made, and the annotator's working folder; fsize: the
 * annotator's file-size cap.  Fills r; false (with errno set) only when
 * a step failed half-way and the process must not go on. */
bool confine_self(const char *scratch, guint64 fsize, guint flags,
		  struct confine_result *r);

/* The allow-list, last of all (it forbids what the steps before need).
 * False with r's reason when the kernel refused it. */
bool confine_seccomp(guint flags, struct confine_result *r);

/* "user namespace", "empty root", ...: for messages. */
const char *confine_layer_name(enum confine_layer l);

#endif
