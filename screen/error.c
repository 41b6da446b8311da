/* error.c - the SCREENER_ERROR quark. */
#include "error.h"

G_DEFINE_QUARK(screener-error-quark, screener_error)
