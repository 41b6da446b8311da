/*
 * sandbox.h - untrusted parsing in a limited child process.
 *
 * A struct sandbox is one long-lived child (fork+exec of our own binary
 * as "screener __child") that serves many documents in turn over a
 * socketpair, under setrlimit (AS, CPU, CORE=0, NOFILE, FSIZE, NPROC=0),
 * PR_SET_NO_NEW_PRIVS, an empty environment and the layers of
 * confine.h (unprivileged uid, user and network namespaces, an empty
 * root, a system-call allow-list).  The parent enforces the wall-clock
 * limit and turns a timeout, a crash or an out-of-memory death into a
 * per-file GError, then starts a fresh child for the next document.
 *
 * One sandbox is used by one thread at a time; a pool of N workers owns N
 * sandboxes.  The child is started by the first sandbox_extract() and
 * dies with the thread that started it (PR_SET_PDEATHSIG follows the
 * thread, not the process): create and use a sandbox in the same
 * long-lived worker thread.
 */
#ifndef SCREENER_SANDBOX_H
#define SCREENER_SANDBOX_H

#include <stdbool.h>
#include <sys/types.h>
#include "doc.h"
#include "caps.h"

struct sandbox;

/* The path of our own binary, for every child: "/proc/self/exe"
 * resolved once, on the first call.  Started literally, that link names
 * whatever runs this process: under valgrind, valgrind's tool, which then
 * runs every child without our code (and unchecked).  Resolved at the
 * start, a binary replaced later in the run (a rebuild) gives the new
 * one.  "/proc/self/exe" itself when the link cannot be read or its
 * target is gone.  Owned by the module, never freed. */
const char *sandbox_self_exe(void);

/* self_exe: path of our own binary (sandbox_self_exe()).  The child is
 * started lazily on first use.  Caller frees with sandbox_free(). */
struct sandbox *sandbox_new(const char *self_exe, const struct caps *caps);
void sandbox_free(struct sandbox *sb);

/* Extract a document from its bytes.  On failure returns NULL and sets
 * err: the extractor's own error (the child serves on), or SE_TIMEOUT,
 * SE_MEMORY, SE_CRASH, SE_PROTOCOL (the child was killed and reaped; the
 * next call starts a fresh one), or SE_FAILED when no child could be
 * started.  Caller frees the doc with doc_free(). */
struct doc *sandbox_extract(struct sandbox *sb, const guint8 *data,
			    gsize len, bool raw, GError **err);

/* A sandbox whose child annotates PDFs instead of extracting them.  Its
 * child has the same confinement, except that it may write files up to
 * the size of an annotated copy: in its own private tmpfs root, or where
 * the machine gives none, in an empty folder of its own that is removed
 * with it. */
struct sandbox *sandbox_new_annotator(const char *self_exe,
				      const struct caps *caps);

/* A copy of the PDF with the highlights of spec (annot_pdf.h) added.
 * Errors as sandbox_extract().  Caller unrefs the bytes. */
GBytes *sandbox_annotate(struct sandbox *sb, const guint8 *pdf, gsize len,
			 const guint8 *spec, gsize spec_len, GError **err);

/* One layer of the children's confinement, as this machine gives it. */
struct sandbox_layer {
	const char *name;	/* "user namespace", "seccomp allow-list"... */
	bool ok;
	char *detail;		/* what it is, or why it is missing */
};

/* Start one child confined as the extraction children are and ask it
 * which layers it got (SECURITY.md lists them).  Returns a
 * GPtrArray of struct sandbox_layer (free with g_ptr_array_unref()), or
 * NULL with SE_FAILED when no child could be started or confined. */
GPtrArray *sandbox_check(const char *self_exe, GError **err);

/* The current child's process id, 0 when none is running (tests, and a
 * progress display that wants to show it). */
pid_t sandbox_pid(const struct sandbox *sb);

/* The largest peak RSS, in MB, of the extraction children (or of the
 * annotation children) reaped so far in this process: what "screener
 * run --times" reports for make bench. */
double sandbox_peak_rss_mb(bool annotator);

/* Entry point of the child: main.c calls it for "screener __child". */
int sandbox_child_main(int argc, char **argv);

#endif
