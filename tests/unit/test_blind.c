/* test_blind.c - what blind review masks in text, and what it leaves:
 * each kind of identifying detail in a reviewer's note (the same mask
 * every snippet, reason and fact goes through), the applicant's own
 * name, contacts and key, and the words of the trade beside them. */
#include <string.h>
#include <unistd.h>

#include "blind.h"
#include "store.h"

static const struct {
	const char *in, *out;
} cases[] = {
	/* the applicant's own name, parts of it, e-mail, phone; its key
	 * (a note names an applicant by number) */
	{ "Spoke to Jane Q. Doe today", "Spoke to [masked] today" },
	{ "doe wrote back", "[masked] wrote back" },
	{ "mail jane.doe@mail.test", "mail [masked]" },
	{ "call +44 20 7946 0958 now", "call [masked] now" },
	{ "file jane-doe-cv.pdf", "file A-00aa11bb22" },
	/* anyone's contacts and links */
	{ "cc a.b+x@corp.example.org", "cc [masked]" },
	{ "see https://site.test/p?q=1 and www.x.test",
	  "see [masked] and [masked]" },
	{ "linkedin.com/in/someone | github.com/someone", "[masked] | [masked]" },
	{ "(555) 010-4477", "[masked]" },
	/* dates of birth, ages, years */
	{ "Date of birth: 03/04/1990", "[masked]: [masked]" },
	{ "aged 34, 34 years old", "[masked], [masked]" },
	{ "B.Sc., 2009 - 2012", "B.Sc., [masked] - [masked]" },
	/* gendered words */
	{ "She led her team; Mr. Smith said he", "[masked] led [masked] team; "
	  "[masked] Smith said [masked]" },
	/* addresses and locations */
	{ "lives at 221 Baker Street here", "lives at [masked] here" },
	{ "Hauptstraße 5, 10115 Berlin", "[masked], [masked]" },
	{ "Austin, TX 78701", "Austin, [masked]" },
	{ "Address: 1 Long Road, Leeds", "[masked]" },
	/* the trade stays */
	{ "OAuth 2.0 and REST APIs, 99.9% uptime, 15 services",
	  "OAuth 2.0 and REST APIs, 99.9% uptime, 15 services" },
	{ "fixed a race condition in Node.js/Express",
	  "fixed a race condition in Node.js/Express" },
	{ "GitHub Actions pipelines", "GitHub Actions pipelines" },
};

static void test_mask(void)
{
	g_autofree char *dir = g_dir_make_tmp("test_blind.XXXXXX", NULL);
	g_autofree char *db = g_build_filename(dir, "screen.db", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(store) st = store_open(db, &err);
	struct store_ranked *r = g_new0(struct store_ranked, 1);
	struct store_view v = { 0 };
	struct blind *b;
	g_autoptr(GPtrArray) rows = g_ptr_array_new();
	guint i;

	g_assert_no_error(err);
	r->key = g_strdup("jane-doe-cv.pdf");
	r->name = g_strdup("Jane Q. Doe");
	r->email = g_strdup("jane.doe@mail.test");
	r->phone = g_strdup("+44 20 7946 0958");
	r->reason = g_strdup("cover letter of jane-doe-cv.pdf");
	r->ko_reason = g_strdup("");
	r->duplicate = g_strdup("same e-mail as jane-doe-cv.pdf");
	r->blind_id = g_strdup("00aa11bb22");
	r->shown = g_strdup(r->key);
	g_ptr_array_add(rows, r);
	v.rows = rows;
	b = blind_new(st, &v);
	g_assert_true(v.mask == b);
	g_assert_cmpstr(r->shown, ==, "A-00aa11bb22");
	g_assert_cmpstr(r->name, ==, BLIND_MARK);
	g_assert_cmpstr(r->email, ==, BLIND_MARK);
	g_assert_cmpstr(r->phone, ==, BLIND_MARK);
	/* notes naming an applicant name it by its number */
	g_assert_cmpstr(r->reason, ==, "cover letter of A-00aa11bb22");
	g_assert_cmpstr(r->duplicate, ==, "same e-mail as A-00aa11bb22");
	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GPtrArray) notes = g_ptr_array_new();
		struct store_decision_row d = { .note = g_strdup(cases[i].in) };

		g_ptr_array_add(notes, &d);
		blind_decisions(b, "jane-doe-cv.pdf", notes);
		g_assert_cmpstr(d.note, ==, cases[i].out);
		g_free(d.note);
	}
	/* without a mask, nothing changes */
	{
		g_autoptr(GPtrArray) notes = g_ptr_array_new();
		struct store_decision_row d = { .note = g_strdup("She, 1990") };

		g_ptr_array_add(notes, &d);
		blind_decisions(NULL, "jane-doe-cv.pdf", notes);
		g_assert_cmpstr(d.note, ==, "She, 1990");
		g_free(d.note);
	}
	blind_free(b);
	g_free(r->key);
	g_free(r->name);
	g_free(r->email);
	g_free(r->phone);
	g_free(r->reason);
	g_free(r->ko_reason);
	g_free(r->duplicate);
	g_free(r->blind_id);
	g_free(r->shown);
	g_free(r);
	unlink(db);
	{
		g_autofree char *wal = g_strconcat(db, "-wal", NULL);
		g_autofree char *shm = g_strconcat(db, "-shm", NULL);

		unlink(wal);
		unlink(shm);
	}
	store_close(g_steal_pointer(&st));
	rmdir(dir);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/blind/mask", test_mask);
	return g_test_run();
}
