/*
 * error.h - the one error domain and the one table of exit codes.
 *
 * Library code reports failures as a GError in SCREENER_ERROR whose message
 * is the reason, fit for a user ("password-protected PDF"); the caller adds
 * the subject ("cv.pdf: ").  Only main.c turns an outcome into an exit code.
 */
#ifndef SCREENER_ERROR_H
#define SCREENER_ERROR_H

#include <stdbool.h>
#include <glib.h>

#define SCREENER_ERROR (screener_error_quark())
GQuark screener_error_quark(void);

/* Why a document (or an operation) failed.  Stored per file, so keep the
 * numbers stable: append, never renumber. */
enum screener_error_code {
	SE_FAILED = 1,		/* anything not listed below */
	SE_IO,			/* cannot open or read a file */
	SE_NOT_REGULAR,		/* symlink, FIFO, device: "not a regular file, skipped" */
	SE_TOO_LARGE,		/* input over the size limit */
	SE_UNKNOWN_FORMAT,	/* not a format we read */
	SE_PDF_UNREADABLE,	/* "not a readable PDF" */
	SE_PDF_PASSWORD,	/* "password-protected PDF" */
	SE_NO_TEXT,		/* "no text layer (scanned?)" */
	SE_TEXT_UNREADABLE,	/* "text layer unreadable" */
	SE_TOO_MANY_PAGES,
	SE_MALFORMED,		/* "malformed DOCX": bad zip, bad XML */
	SE_ZIP_BOMB,		/* caps or ratio hit while inflating */
	SE_DTD,			/* "DTD not allowed" */
	SE_XML_DEPTH,		/* "XML nesting too deep" */
	SE_TIMEOUT,		/* "timed out after N s" */
	SE_MEMORY,		/* "memory limit exceeded" */
	SE_CRASH,		/* "extractor crashed (signal N)" */
	SE_PROTOCOL,		/* child sent something we did not expect */
	SE_RULE_LIMIT,		/* a rule hit the PCRE2 match limit */
	SE_CONFIG,		/* bad rule set, profile or option */
	SE_BUSY,		/* database or lock held by someone else */
	SE_STILL_WRITING,	/* file changing or too young: next run */
};

/* Whether a document's failure may go away by itself: the extractor
 * could not start (its binary replaced during a deploy, no process
 * left), ran out of memory or time (a loaded machine).  Such a failure
 * is tried again on later runs, a few times (STORE_RETRIES); the others
 * (not a PDF, encrypted, a crash on the bytes) are final. */
bool error_temporary(int code, const char *message);

/* The exit status of a command that stopped on e: EXIT_BUSY for
 * SE_BUSY, EXIT_USAGE for SE_CONFIG, EXIT_FATAL otherwise. */
int error_exit_status(const GError *e);

/* Exit codes: documented in README and every --help. */
enum screener_exit {
	EXIT_OK = 0,		/* all good */
	EXIT_SOME_FAILED = 1,	/* ran, but some files failed (see errors) */
	EXIT_USAGE = 2,		/* usage or configuration error */
	EXIT_BUSY = 3,		/* another run holds the lock, or db busy */
	EXIT_FATAL = 4,		/* could not do the job at all (I/O, db) */
	EXIT_LINT = 5,		/* screener lint: rule errors or failing examples */
};

#endif
