/* error.c - the SCREENER_ERROR quark, which failures are temporary, and
 * the exit status an error means. */
#include <string.h>

#include "error.h"

G_DEFINE_QUARK(screener-error-quark, screener_error)

bool error_temporary(int code, const char *message)
{
	/* The sandbox reports a child it could not start as SE_FAILED with
	 * this prefix; SE_FAILED alone is also a parser's own failure,
	 * which is final. */
	static const char start[] = "cannot start the extractor";

	return code == SE_TIMEOUT || code == SE_MEMORY ||
	       (code == SE_FAILED && message &&
		strncmp(message, start, sizeof(start) - 1) == 0);
}

int error_exit_status(const GError *e)
{
	if (e->domain == SCREENER_ERROR && e->code == SE_BUSY)
		return EXIT_BUSY;
	if (e->domain == SCREENER_ERROR && e->code == SE_CONFIG)
		return EXIT_USAGE;
	return EXIT_FATAL;
}
