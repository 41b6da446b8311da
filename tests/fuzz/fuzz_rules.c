/*
 * fuzz_rules.c - libFuzzer target for the rule-file parser and the
 * matcher.  The input is a criterion file, optionally followed by a line
 * "----" and a document text that the loaded rules are run over.
 *
 *   ONLY=fuzz_rules sh tests/fuzz/run.sh 60   (campaign; built against
 *                                     build-fuzz/libscreener.a)
 *   corpus: tests/fuzz/rules-corpus
 *
 * About 80 runs a second: each run writes
 * the file and JIT-compiles its patterns.
 *
 * Files go to a private temporary folder (ruleset_load reads folders).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "match.h"
#include "rules.h"

static char *dir, *rules_path, *profile;

/* The folder goes when the process ends, replay or campaign alike. */
static void cleanup(void)
{
	g_unlink(rules_path);
	g_unlink(profile);
	g_rmdir(dir);
}

static void setup(void)
{
	dir = g_dir_make_tmp("fuzz-rules-XXXXXX", NULL);
	g_assert(dir);
	rules_path = g_build_filename(dir, "a.rules", NULL);
	profile = g_build_filename(dir, "profile.ini", NULL);
	g_assert(atexit(cleanup) == 0);
	g_assert(g_file_set_contents(profile, "[advance]\nthreshold = 50\n",
				     -1, NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *sep = g_strstr_len((const char *)data, size, "\n----\n");
	gsize rlen = sep ? (gsize)(sep - (const char *)data) : size;
	g_autoptr(GError) err = NULL;
	struct ruleset *rs;

	if (!dir)
		setup();
	if (!g_file_set_contents(rules_path, (const char *)data, rlen, NULL))
		return 0;
	rs = ruleset_load(dir, &err);
	if (!rs)
		return 0;
	if (sep) {
		struct doc *d = doc_new(DOC_FORMAT_TEXT, 0);
		const struct doc *docs[1] = { d };
		const struct facts *facts[1] = { NULL };
		enum doc_role roles[1] = { DOC_ROLE_RESUME };
		struct match_result *res;
		guint i;

		/* the matcher's contract: valid UTF-8 text */
		d->text = g_string_new(NULL);
		for (i = rlen + 6; i < size; i++)
			g_string_append_c(d->text, data[i] < 0x80 && data[i] ?
					  (char)data[i] : '?');
		res = match_applicant(rs, docs, facts, roles, 1);
		for (i = 0; i < res->evidence->len; i++) {
			const struct evidence *ev = &g_array_index(
				res->evidence, struct evidence, i);
			g_autofree char *s = match_snippet(d->text->str,
				d->text->len, ev->start, ev->end, "[", "]");

			g_assert(g_utf8_validate(s, -1, NULL));
		}
		match_result_free(res);
		doc_free(d);
	}
	ruleset_free(rs);
	return 0;
}
