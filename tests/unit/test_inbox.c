/* test_inbox.c - applicants from files and folders, skipped entry types,
 * hidden files, the ignore list, cover-letter names, answers files. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "inbox.h"

static void put(const char *dir, const char *name, const char *text)
{
	g_autofree char *path = g_build_filename(dir, name, NULL);
	g_autofree char *parent = g_path_get_dirname(path);

	g_assert_cmpint(g_mkdir_with_parents(parent, 0700), ==, 0);
	g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

static void rm_rf(const char *dir)
{
	g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);

	g_assert_cmpint(system(cmd), ==, 0);
}

static void test_scan(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_inbox.XXXXXX", NULL);
	g_autofree char *fifo = g_build_filename(dir, "pipe", NULL);
	g_autofree char *link = g_build_filename(dir, "link.txt", NULL);
	g_autofree char *inner_link = g_build_filename(dir, "bob", "evil.pdf",
						       NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(inbox) ib = NULL;
	const struct inbox_applicant *a;
	const struct inbox_file *f;
	const struct inbox_skip *s;

	put(dir, "zed.txt", "resume");
	put(dir, "alice.pdf", "resume");
	put(dir, ".hidden.txt", "x");
	put(dir, "README.md", "not an applicant");
	put(dir, ".screenerignore", "# notes\nREADME*\n*/notes.txt\n");
	put(dir, "bob/resume.docx", "r");
	put(dir, "bob/Cover-Letter.txt", "c");
	put(dir, "bob/answers.txt", "knockout: no\n");
	put(dir, "bob/notes.txt", "ignored");
	put(dir, "bob/.DS_Store", "x");
	put(dir, "bob/old/resume.txt", "nested");
	put(dir, "empty/.keep", "");
	g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
	g_assert_cmpint(symlink("/etc/passwd", link), ==, 0);
	g_assert_cmpint(symlink("/etc/passwd", inner_link), ==, 0);

	/* A FIFO with no writer must not block the scan. */
	ib = inbox_scan(dir, "answers.txt", &err);
	g_assert_no_error(err);
	g_assert_cmpuint(ib->applicants->len, ==, 3);
	a = g_ptr_array_index(ib->applicants, 0);
	g_assert_cmpstr(a->key, ==, "alice.pdf");
	g_assert_cmpuint(a->files->len, ==, 1);
	g_assert_null(a->answers);
	a = g_ptr_array_index(ib->applicants, 1);
	g_assert_cmpstr(a->key, ==, "bob");
	g_assert_cmpuint(a->files->len, ==, 2);
	f = g_ptr_array_index(a->files, 0);
	g_assert_cmpstr(f->name, ==, "bob/Cover-Letter.txt");
	g_assert_true(f->cover_hint);
	f = g_ptr_array_index(a->files, 1);
	g_assert_cmpstr(f->name, ==, "bob/resume.docx");
	g_assert_false(f->cover_hint);
	g_assert_nonnull(a->answers);
	g_assert_true(g_str_has_suffix(a->answers, "/bob/answers.txt"));
	a = g_ptr_array_index(ib->applicants, 2);
	g_assert_cmpstr(a->key, ==, "zed.txt");

	g_assert_cmpuint(ib->skipped->len, ==, 4);
	s = g_ptr_array_index(ib->skipped, 0);
	g_assert_cmpstr(s->name, ==, "bob/evil.pdf");
	g_assert_cmpstr(s->key, ==, "bob");
	g_assert_cmpstr(s->reason, ==, "not a regular file, skipped");
	s = g_ptr_array_index(ib->skipped, 1);
	g_assert_cmpstr(s->name, ==, "bob/old");
	s = g_ptr_array_index(ib->skipped, 2);
	g_assert_cmpstr(s->name, ==, "link.txt");
	g_assert_null(s->key);
	g_assert_cmpstr(s->reason, ==, "not a regular file, skipped");
	s = g_ptr_array_index(ib->skipped, 3);
	g_assert_cmpstr(s->name, ==, "pipe");
	g_assert_cmpstr(s->reason, ==, "not a regular file, skipped");
	rm_rf(dir);
}

static void test_missing(void)
{
	g_autoptr(GError) err = NULL;
	g_autoptr(inbox) ib = inbox_scan("/nonexistent/inbox", NULL, &err);

	g_assert_null(ib);
	g_assert_nonnull(err);
	g_assert_nonnull(strstr(err->message, "cannot read the inbox"));
}

static void test_answers(void)
{
	static const struct {
		const char *text;
		enum score_form form;
	} cases[] = {
		{ "knockout: yes\n", SCORE_FORM_YES },
		{ "# form\n  KnockOut :  No  \nsource: web\n", SCORE_FORM_NO },
		{ "knockout: y", SCORE_FORM_YES },
		{ "knockout: maybe\n", SCORE_FORM_NONE },
		{ "# knockout: no\n", SCORE_FORM_NONE },
		{ "source: web\n", SCORE_FORM_NONE },
		{ "", SCORE_FORM_NONE },
		{ "knockout: yes\r\nknockout: no\r\n", SCORE_FORM_NO },
	};
	guint i;

	for (i = 0; i < G_N_ELEMENTS(cases); i++)
		g_assert_cmpint(inbox_parse_answers(cases[i].text,
						    strlen(cases[i].text)),
				==, cases[i].form);
	/* Bytes after a NUL do not hide or fake an answer. */
	g_assert_cmpint(inbox_parse_answers("knockout: no\0yes", 16), ==,
			SCORE_FORM_NO);
}

/* The scan keeps each file's size and mtime, so a run can tell a file
 * that grew or was touched between the listing and the read. */
static void test_size_mtime(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_inbox.XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "cv.txt", NULL);
	struct timespec ts[2] = { { 1700000000, 500000000 },
				  { 1700000000, 250000000 } };
	g_autoptr(GError) err = NULL;
	g_autoptr(inbox) ib = NULL;
	const struct inbox_applicant *a;
	const struct inbox_file *f;
	struct stat st;

	put(dir, "cv.txt", "twelve bytes");
	g_assert_cmpint(utimensat(AT_FDCWD, path, ts, 0), ==, 0);
	ib = inbox_scan(dir, NULL, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(ib->applicants->len, ==, 1);
	a = g_ptr_array_index(ib->applicants, 0);
	f = g_ptr_array_index(a->files, 0);
	g_assert_cmpint(f->size, ==, 12);
	g_assert_cmpint(f->mtime_us, ==, 1700000000250000);
	g_assert_cmpint(stat(path, &st), ==, 0);
	g_assert_cmpint(inbox_mtime_us(&st), ==, f->mtime_us);
	rm_rf(dir);
}

static void test_cover_names(void)
{
	g_assert_true(inbox_cover_name("cover-letter.pdf"));
	g_assert_true(inbox_cover_name("Motivation.docx"));
	g_assert_true(inbox_cover_name("Anschreiben.odt"));
	g_assert_false(inbox_cover_name("resume.pdf"));
	g_assert_false(inbox_cover_name("cv.docx"));
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/inbox/scan", test_scan);
	g_test_add_func("/inbox/missing", test_missing);
	g_test_add_func("/inbox/answers", test_answers);
	g_test_add_func("/inbox/cover-names", test_cover_names);
	g_test_add_func("/inbox/size-mtime", test_size_mtime);
	return g_test_run();
}
