/* error.c - the SCREENER_ERROR quark, and which failures are temporary. */
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
