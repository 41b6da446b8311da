/*
 * ocr.c - the words of a page image, with Tesseract's C API.
 *
 * Owns the one Tesseract engine of the process and its language data;
 * knows no document format (extract_ocr.c renders PDF pages for it) and
 * never touches a struct doc.  Runs in the extraction child.
 *
 * Language data.  The confined child has an empty root and may not open
 * files, so ocr_prepare() opens the data file before confinement and
 * keeps the descriptor (read-only, a regular file: nothing else can be
 * reached through it).  The engine is started from the file's bytes
 * (TessBaseAPIInit5) on the first page that needs it, and kept while
 * the child lives: starting it costs a quarter of a second and 30 MB,
 * which a child that never meets a scan should not pay.  Tesseract can
 * read only its first language from memory, so one language is read:
 * English when installed, else the first installed.
 *
 * Threads.  Tesseract parallelises with OpenMP; the child may not start
 * threads (RLIMIT_NPROC 0, the allow-list), so sandbox.c gives it
 * OMP_THREAD_LIMIT=1 and OpenMP never asks for one.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <tesseract/capi.h>

#include "error.h"
#include "ocr.h"

/* Where Debian and the usual builds install the language data. */
static const char *const data_dirs[] = {
	"/usr/share/tesseract-ocr/5/tessdata",
	"/usr/share/tesseract-ocr/4.00/tessdata",
	"/usr/share/tessdata",
	"/usr/local/share/tessdata",
};

/* A language file larger than this is not one we load. */
#define DATA_MAX (256u << 20)

static int data_fd = -1;
static char *language;		/* "eng" */
static bool prepared;
static TessBaseAPI *api;
static bool init_failed;

static void word_clear(gpointer p)
{
	g_free(((struct ocr_word *)p)->text);
}

GArray *ocr_words_new(void)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(struct ocr_word));

	g_array_set_clear_func(a, word_clear);
	return a;
}

/* The language file of dir to read: eng when there, else the first in
 * name order that is a language (not the orientation or equation data). */
static char *pick_language(const char *dir)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	const char *n, *best;

	if (!d)
		return NULL;
	while ((n = g_dir_read_name(d))) {
		if (!g_str_has_suffix(n, ".traineddata") ||
		    g_str_has_prefix(n, "osd.") || g_str_has_prefix(n, "equ."))
			continue;
		g_ptr_array_add(names, g_strndup(n, strlen(n) -
						 strlen(".traineddata")));
	}
	if (!names->len)
		return NULL;
	best = names->pdata[0];
	for (guint i = 0; i < names->len; i++) {
		if (strcmp(names->pdata[i], "eng") == 0)
			return g_strdup("eng");
		if (strcmp(names->pdata[i], best) < 0)
			best = names->pdata[i];
	}
	return g_strdup(best);
}

void ocr_prepare(void)
{
	if (prepared)
		return;
	prepared = true;
	for (gsize i = 0; i < G_N_ELEMENTS(data_dirs) && data_fd < 0; i++) {
		g_autofree char *lang = pick_language(data_dirs[i]);
		g_autofree char *name = NULL;
		g_autofree char *path = NULL;

		if (!lang)
			continue;
		name = g_strconcat(lang, ".traineddata", NULL);
		path = g_build_filename(data_dirs[i], name, NULL);
		data_fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		if (data_fd >= 0)
			language = g_steal_pointer(&lang);
	}
}

bool ocr_available(void)
{
	ocr_prepare();
	return data_fd >= 0 || api;
}

const char *ocr_language(void)
{
	return ocr_available() ? language : NULL;
}

/* The whole data file, from the descriptor ocr_prepare() kept. */
static guint8 *read_data(gsize *len)
{
	struct stat st;
	guint8 *buf;
	gsize got = 0;

	if (fstat(data_fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size <= 0 || (guint64)st.st_size > DATA_MAX)
		return NULL;
	buf = g_malloc(st.st_size);
	while (got < (gsize)st.st_size) {
		ssize_t n = pread(data_fd, buf + got, st.st_size - got, got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			g_free(buf);
			return NULL;
		}
		got += n;
	}
	*len = got;
	return buf;
}

/* Start the engine once; false when there is no data or it failed. */
static bool engine(GError **err)
{
	g_autofree guint8 *data = NULL;
	gsize len = 0;
	/* Tesseract's own messages ("Estimating resolution...") go
	 * nowhere: the child's stderr is read for fatal errors only. */
	char *names[] = { "debug_file" };
	char *values[] = { "/dev/null" };

	if (api)
		return true;
	if (!init_failed && ocr_available())
		data = read_data(&len);
	if (!data || len > G_MAXINT) {
		init_failed = true;
		g_set_error_literal(err, SCREENER_ERROR, SE_FAILED,
				    "no OCR language data");
		return false;
	}
	api = TessBaseAPICreate();
	if (!api || TessBaseAPIInit5(api, (const char *)data, (int)len,
				     language, OEM_LSTM_ONLY, NULL, 0, names,
				     values, 1, FALSE) != 0) {
		if (api)
			TessBaseAPIDelete(api);
		api = NULL;
		init_failed = true;
		g_set_error(err, SCREENER_ERROR, SE_FAILED,
			    "OCR language data '%s' could not be loaded",
			    language);
		return false;
	}
	return true;
}

static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((guchar)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* Every word of the last recognition, in Tesseract's reading order. */
static void collect(GArray *words)
{
	TessResultIterator *it = TessBaseAPIGetIterator(api);
	const TessPageIterator *pi;

	if (!it)
		return;
	pi = TessResultIteratorGetPageIteratorConst(it);
	do {
		struct ocr_word w = { 0 };
		char *text = TessResultIteratorGetUTF8Text(it, RIL_WORD);

		if (!text)
			continue;
		/* A word is one token: a control character (a line break)
		 * in it would cut the document's blocks. */
		if (*text && g_utf8_validate(text, -1, NULL) &&
		    !has_control(text) &&
		    TessPageIteratorBoundingBox(pi, RIL_WORD, &w.x1, &w.y1,
						&w.x2, &w.y2)) {
			w.text = g_strdup(text);
			w.conf = TessResultIteratorConfidence(it, RIL_WORD);
			w.line_start = TessPageIteratorIsAtBeginningOf(
				pi, RIL_TEXTLINE);
			w.para_start = TessPageIteratorIsAtBeginningOf(
				pi, RIL_PARA);
			g_array_append_val(words, w);
		}
		TessDeleteText(text);
	} while (TessResultIteratorNext(it, RIL_WORD));
	TessResultIteratorDelete(it);
}

gint64 ocr_cpu_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
		return 0;
	return (gint64)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct until {
	gint64 cpu_ms, wall;
};

static bool past(const struct until *u)
{
	return ocr_cpu_ms() >= u->cpu_ms || g_get_monotonic_time() >= u->wall;
}

/* Tesseract asks between words whether to stop. */
static bool out_of_time(void *until, int words)
{
	return past(until);
}

bool ocr_page(const guint8 *grey, int w, int h, int stride, int dpi,
	      guint cpu_ms, gint64 wall_until, GArray *words, GError **err)
{
	ETEXT_DESC *monitor;
	struct until until = { ocr_cpu_ms() + cpu_ms, wall_until };
	int rc;

	if (!engine(err))
		return false;
	TessBaseAPISetPageSegMode(api, PSM_AUTO);
	TessBaseAPISetImage(api, grey, w, h, 1, stride);
	TessBaseAPISetSourceResolution(api, dpi);
	monitor = TessMonitorCreate();
	TessMonitorSetCancelFunc(monitor, out_of_time);
	TessMonitorSetCancelThis(monitor, &until);
	rc = TessBaseAPIRecognize(api, monitor);
	TessMonitorDelete(monitor);
	if (rc != 0) {
		bool late = past(&until);

		TessBaseAPIClear(api);
		g_set_error(err, SCREENER_ERROR, late ? SE_TIMEOUT : SE_FAILED,
			    late ? "OCR over %u s" : "OCR failed (%u s)",
			    (cpu_ms + 999) / 1000);
		return false;
	}
	collect(words);
	TessBaseAPIClear(api);
	return true;
}

void ocr_shutdown(void)
{
	if (api) {
		TessBaseAPIEnd(api);
		TessBaseAPIDelete(api);
		api = NULL;
	}
	if (data_fd >= 0)
		close(data_fd);
	data_fd = -1;
	g_clear_pointer(&language, g_free);
	prepared = false;
	init_failed = false;
}
