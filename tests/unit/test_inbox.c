/* test_inbox.c - applicants from files and folders, skipped entry types,
 * hidden files, the ignore list, cover-letter names, answers files. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "error.h"
#include "inbox.h"
#include "rm_rf.h"

static void put(const char *dir, const char *name, const char *text)
{
	g_autofree char *path = g_build_filename(dir, name, NULL);
	g_autofree char *parent = g_path_get_dirname(path);

	g_assert_cmpint(g_mkdir_with_parents(parent, 0700), ==, 0);
	g_assert_true(g_file_set_contents(path, text, -1, NULL));
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

/* What a run reads for f: its bytes, or the error as "code: message". */
static char *read_back(const struct inbox_file *f)
{
	struct caps caps = caps_default();
	g_autoptr(GError) err = NULL;
	struct input *in = input_read_origin(&f->origin, &caps, &err);
	char *got;

	if (!in)
		return g_strdup_printf("%d: %s", err->code, err->message);
	got = g_strndup(g_bytes_get_data(in->data, NULL),
			g_bytes_get_size(in->data));
	input_free(in);
	return got;
}

/* HARDENING 27: an applicant's folder swapped for a symlink (or another
 * folder) between the scan and the read, or a file for another one, is
 * refused: the read goes through directory descriptors opened with
 * O_NOFOLLOW and compares device and inode with the scan's.  A path
 * read (as runs did) follows the swapped folder. */
static void test_swapped(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_inbox.XXXXXX", NULL);
	g_autofree char *alice = g_build_filename(dir, "alice", NULL);
	g_autofree char *moved = g_build_filename(dir, ".alice", NULL);
	g_autofree char *secret = g_build_filename(dir, ".secret", NULL);
	g_autofree char *bob_cv = g_build_filename(dir, "bob", "cv.txt", NULL);
	g_autofree char *bob_new = g_build_filename(dir, "bob", ".new", NULL);
	g_autofree char *got = NULL;
	g_autoptr(GError) err = NULL;
	g_autoptr(inbox) ib = NULL;
	const struct inbox_applicant *a, *b, *c;
	struct caps caps = caps_default();
	struct input *in;

	put(dir, "alice/cv.txt", "alice");
	put(dir, "bob/cv.txt", "bob");
	put(dir, "carol.txt", "carol");
	put(dir, ".secret/cv.txt", "secret");
	ib = inbox_scan(dir, NULL, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(ib->applicants->len, ==, 3);
	a = g_ptr_array_index(ib->applicants, 0);
	b = g_ptr_array_index(ib->applicants, 1);
	c = g_ptr_array_index(ib->applicants, 2);
	got = read_back(g_ptr_array_index(a->files, 0));
	g_assert_cmpstr(got, ==, "alice");
	g_clear_pointer(&got, g_free);

	/* alice/ becomes a symlink to a folder the writer cannot read */
	g_assert_cmpint(rename(alice, moved), ==, 0);
	g_assert_cmpint(symlink(".secret", alice), ==, 0);
	in = input_read(((struct inbox_file *)
			 g_ptr_array_index(a->files, 0))->path, &caps, &err);
	g_assert_no_error(err);		/* a path read follows it */
	input_free(in);
	got = read_back(g_ptr_array_index(a->files, 0));
	g_assert_cmpstr(got, ==, "3: folder replaced by a symlink or a file "
			"since the inbox was listed, skipped");
	g_clear_pointer(&got, g_free);
	/* ... or a real folder of the same name */
	g_assert_cmpint(unlink(alice), ==, 0);
	g_assert_cmpint(rename(secret, alice), ==, 0);
	got = read_back(g_ptr_array_index(a->files, 0));
	g_assert_cmpstr(got, ==, "3: folder replaced since the inbox was "
			"listed, skipped");
	g_clear_pointer(&got, g_free);
	/* a file replaced by another one (made while the first exists,
	 * so that its inode is another) */
	put(dir, "bob/.new", "other");
	g_assert_cmpint(rename(bob_new, bob_cv), ==, 0);
	got = read_back(g_ptr_array_index(b->files, 0));
	g_assert_cmpstr(got, ==, "3: replaced since the inbox was listed, "
			"skipped");
	g_clear_pointer(&got, g_free);
	got = read_back(g_ptr_array_index(c->files, 0));
	g_assert_cmpstr(got, ==, "carol");
	rm_rf(dir);
}

/* A hard link to a file the inbox's owner does not own is refused;
 * changing a file's owner needs root. */
static void test_hard_link(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_inbox.XXXXXX", NULL);
	g_autofree char *other = g_build_filename(dir, ".other", NULL);
	g_autofree char *hard = g_build_filename(dir, "cv.txt", NULL);
	g_autofree char *own = g_build_filename(dir, "own.txt", NULL);
	g_autofree char *own2 = g_build_filename(dir, ".own2", NULL);
	g_autofree char *got = NULL;
	g_autoptr(GError) err = NULL;
	g_autoptr(inbox) ib = NULL;

	if (geteuid() != 0) {
		g_test_skip("needs root to give a file another owner");
		rm_rf(dir);
		return;
	}
	put(dir, ".other", "not yours");
	put(dir, "own.txt", "mine");
	g_assert_cmpint(chown(other, 65534, 65534), ==, 0);
	g_assert_cmpint(link(other, hard), ==, 0);
	g_assert_cmpint(link(own, own2), ==, 0);
	ib = inbox_scan(dir, NULL, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(ib->applicants->len, ==, 2);
	got = read_back(g_ptr_array_index(((struct inbox_applicant *)
		g_ptr_array_index(ib->applicants, 0))->files, 0));
	g_assert_cmpstr(got, ==, "3: hard link not owned by the inbox's "
			"owner, skipped");
	g_clear_pointer(&got, g_free);
	got = read_back(g_ptr_array_index(((struct inbox_applicant *)
		g_ptr_array_index(ib->applicants, 1))->files, 0));
	g_assert_cmpstr(got, ==, "mine");
	rm_rf(dir);
}

/* HARDENING 30: at most INBOX_DOCS_MAX documents and INBOX_BYTES_MAX
 * bytes per applicant; the files past them are skipped, each named. */
static void test_applicant_caps(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_inbox.XXXXXX", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(inbox) ib = NULL;
	const struct inbox_applicant *a;
	const struct inbox_skip *s;
	guint i;

	for (i = 0; i < INBOX_DOCS_MAX + 2; i++) {
		g_autofree char *name = g_strdup_printf("many/%02u.txt", i);

		put(dir, name, "x");
	}
	put(dir, "many/answers.txt", "knockout: yes\n");
	for (i = 0; i < 4; i++) {
		g_autofree char *name = g_strdup_printf("big/%u.pdf", i);
		g_autofree char *path = g_build_filename(dir, name, NULL);

		put(dir, name, "");
		/* sparse: 20 MiB of size, nothing on disk */
		g_assert_cmpint(truncate(path, 20u << 20), ==, 0);
	}
	put(dir, "big/small.txt", "y");
	ib = inbox_scan(dir, "answers.txt", &err);
	g_assert_no_error(err);
	g_assert_cmpuint(ib->applicants->len, ==, 2);
	a = g_ptr_array_index(ib->applicants, 0);
	g_assert_cmpstr(a->key, ==, "big");
	g_assert_cmpuint(a->files->len, ==, 4);	/* 3 x 20 MiB + small */
	a = g_ptr_array_index(ib->applicants, 1);
	g_assert_cmpuint(a->files->len, ==, INBOX_DOCS_MAX);
	g_assert_nonnull(a->answers);
	g_assert_cmpuint(ib->skipped->len, ==, 3);
	s = g_ptr_array_index(ib->skipped, 0);
	g_assert_cmpstr(s->name, ==, "big/3.pdf");
	g_assert_cmpstr(s->key, ==, "big");
	g_assert_cmpstr(s->reason, ==,
			"over 64 MiB of documents for one applicant, skipped");
	s = g_ptr_array_index(ib->skipped, 1);
	g_assert_cmpstr(s->name, ==, "many/20.txt");
	g_assert_cmpstr(s->reason, ==,
			"over 20 documents for one applicant, skipped");
	s = g_ptr_array_index(ib->skipped, 2);
	g_assert_cmpstr(s->name, ==, "many/21.txt");
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
	g_test_add_func("/inbox/swapped", test_swapped);
	g_test_add_func("/inbox/hard-link", test_hard_link);
	g_test_add_func("/inbox/applicant-caps", test_applicant_caps);
	return g_test_run();
}
