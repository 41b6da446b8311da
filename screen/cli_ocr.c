/*
 * cli_ocr.c - the OCR options that `run` and `extract` share:
 * "--ocr auto|off" and "--ocr-seconds N", checked and turned into caps.
 *
 * Owns their names, help and checks, so both commands say the same;
 * knows nothing of OCR itself (extract_ocr.c).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

void cli_ocr_entries(struct cli_ocr *o, GOptionEntry out[3])
{
	out[0] = (GOptionEntry){
		"ocr", 0, 0, G_OPTION_ARG_STRING, &o->mode,
		"read PDF pages without a usable text layer by OCR\n"
		"                         (default auto; off: name them only)",
		"auto|off" };
	out[1] = (GOptionEntry){
		"ocr-seconds", 0, 0, G_OPTION_ARG_INT, &o->seconds,
		"OCR CPU time per document, inside the file's limits\n"
		"                         (default 15; a page gets at most 10)",
		"N" };
	out[2] = (GOptionEntry){ NULL };
}

bool cli_ocr_apply(const struct cli_ocr *o, const char *cmd,
		   struct caps *caps)
{
	if (o->mode && strcmp(o->mode, "auto") != 0 &&
	    strcmp(o->mode, "off") != 0) {
		fprintf(stderr, "screener %s: --ocr: auto or off\n", cmd);
		return false;
	}
	if (o->seconds < 0 || o->seconds > 3600) {
		fprintf(stderr, "screener %s: --ocr-seconds: between 1 and "
			"3600\n", cmd);
		return false;
	}
	if (o->seconds > 0)
		caps->ocr_seconds = (guint32)o->seconds;
	if (o->mode && strcmp(o->mode, "off") == 0)
		caps->ocr_seconds = 0;
	return true;
}

void cli_ocr_clear(struct cli_ocr *o)
{
	g_clear_pointer(&o->mode, g_free);
}
