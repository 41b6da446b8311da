/*
 * replay.c - a main() for the fuzz targets without libFuzzer: runs
 * LLVMFuzzerTestOneInput once on every file named, or on every file of
 * every folder named (not recursive).  Built with ASan+UBSan by
 * "make fuzz-replay", so CI replays the seed corpora with any compiler.
 * Owns nothing of the targets; exits 1 when a path cannot be read.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <glib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

static bool replay_file(const char *path)
{
	g_autofree char *data = NULL;
	gsize len = 0;

	if (!g_file_get_contents(path, &data, &len, NULL)) {
		fprintf(stderr, "replay: %s: cannot read\n", path);
		return false;
	}
	/* A copy of exactly len bytes, so reading past the input is an
	 * ASan report, as under libFuzzer. */
	g_autofree uint8_t *copy = g_memdup2(data, len);

	LLVMFuzzerTestOneInput(copy, len);
	return true;
}

int main(int argc, char **argv)
{
	unsigned runs = 0;
	bool ok = true;
	int i;

	for (i = 1; i < argc; i++) {
		g_autoptr(GDir) d = NULL;
		const char *name;

		if (!g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
			ok = replay_file(argv[i]) && ok;
			runs++;
			continue;
		}
		d = g_dir_open(argv[i], 0, NULL);
		if (!d) {
			fprintf(stderr, "replay: %s: cannot open\n", argv[i]);
			ok = false;
			continue;
		}
		while ((name = g_dir_read_name(d)) != NULL) {
			g_autofree char *p = g_build_filename(argv[i], name,
							      NULL);

			if (!g_file_test(p, G_FILE_TEST_IS_REGULAR))
				continue;
			ok = replay_file(p) && ok;
			runs++;
		}
	}
	fprintf(stderr, "replay: %u inputs\n", runs);
	return ok ? 0 : 1;
}
