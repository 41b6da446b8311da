/* test_spell.c - misspellings found, technical terms and names left
 * alone, the dictionary loaded once. */
#include <string.h>
#include "facts.h"
#include "spell.h"

static GPtrArray *allow_list(void)
{
	GPtrArray *a = g_ptr_array_new();

	g_ptr_array_add(a, (gpointer)"Kubernetes");
	g_ptr_array_add(a, (gpointer)"kafka");
	g_ptr_array_add(a, (gpointer)"idempotent");
	return a;
}

static char **errors_of(const char *text, struct spell_result *r)
{
	g_autoptr(GPtrArray) allow = allow_list();
	GPtrArray *out = g_ptr_array_new();
	guint i;

	spell_check(text, 0, strlen(text), NULL, allow, NULL, r);
	for (i = 0; i < r->errors->len; i++) {
		struct span s = g_array_index(r->errors, struct span, i);

		g_ptr_array_add(out, g_strndup(text + s.start,
					       s.end - s.start));
	}
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

static void test_misspellings(void)
{
	struct spell_result r;
	g_auto(GStrv) e = NULL;

	if (!spell_load(NULL)) {
		g_test_skip("no en_US dictionary");
		return;
	}
	e = errors_of("Managment of integrations.\n"
		      "\xe2\x80\xa2 Recieved and transfromed payloads "
		      "with kafka and Kubernetes, idempotent retries.\n",
		      &r);
	g_assert_cmpuint(g_strv_length(e), ==, 3);
	g_assert_cmpstr(e[0], ==, "Managment");
	g_assert_cmpstr(e[1], ==, "Recieved");
	g_assert_cmpstr(e[2], ==, "transfromed");
	g_assert_true(r.available);
	g_assert_cmpuint(r.words, ==, 13);
	spell_result_release(&r);
}

static void test_skipped(void)
{
	struct spell_result r;
	g_auto(GStrv) e = NULL;

	if (!spell_load(NULL)) {
		g_test_skip("no en_US dictionary");
		return;
	}
	/* Addresses, acronyms, CamelCase, digits, names mid-sentence. */
	e = errors_of("Contact jdoe@exmaple.com or https://github.com/jdoe, "
		      "built ESB and SOAPUI flows in MuleSoft and OAuth2 "
		      "with Siobhan Nguyen at Xyzzcorp, node.js, "
		      "the team's \"qualty\" goals.\n", &r);
	g_assert_cmpuint(g_strv_length(e), ==, 1);
	g_assert_cmpstr(e[0], ==, "qualty");
	spell_result_release(&r);
}

static void test_british(void)
{
	const char *gb = "/usr/share/hunspell/en_GB.dic";
	struct spell_result r;
	g_auto(GStrv) e = NULL;

	if (!g_file_test(gb, G_FILE_TEST_EXISTS) || !spell_load(NULL)) {
		g_test_skip("no en_GB dictionary");
		return;
	}
	/* Either spelling is right; the trade's words are known. */
	e = errors_of("organised the behaviour of middleware and runbooks, "
		      "organized color recieve\n", &r);
	g_assert_cmpuint(g_strv_length(e), ==, 1);
	g_assert_cmpstr(e[0], ==, "recieve");
	spell_result_release(&r);
}

static void test_missing_dictionary(void)
{
	struct spell_result r;
	const char *text = "Recieved\n";

	g_assert_false(spell_load("/nonexistent/xx_XX"));
	spell_check(text, 0, strlen(text), "/nonexistent/xx_XX", NULL, NULL,
		    &r);
	g_assert_false(r.available);
	g_assert_cmpuint(r.errors->len, ==, 0);
	g_assert_cmpuint(r.words, ==, 1);
	spell_result_release(&r);
}

static void test_load_once(void)
{
	gint64 t0;

	if (!spell_load(NULL)) {
		g_test_skip("no en_US dictionary");
		return;
	}
	/* The first load is measured; later ones are a lookup. */
	g_assert_cmpfloat(spell_load_ms(), >, 0);
	t0 = g_get_monotonic_time();
	g_assert_true(spell_load(NULL));
	g_assert_cmpint(g_get_monotonic_time() - t0, <, 1000000);
	g_test_message("dictionaries loaded in %.1f ms", spell_load_ms());
}

/* Bullets and quotes glued to a word are not part of it; a word split
 * at a line's end is checked whole; two words run together are a
 * compound, not a mistake. */
static void test_word_shapes(void)
{
	struct spell_result r;
	g_auto(GStrv) e = NULL;

	if (!spell_load(NULL)) {
		g_test_skip("no en_US dictionary");
		return;
	}
	e = errors_of("\xe2\x80\xa2Python and \xe2\x80\x9c" "cloud\xe2\x80\x9d "
		      "tooling, the team\xe2\x80\x99s work.\n"
		      "Ran the integ-\nration tests on a datacenter with "
		      "multiaccount setups and reindexing.\n"
		      "It exists, not existant, and not exsist-\ning.\n", &r);
	g_assert_cmpuint(g_strv_length(e), ==, 2);
	g_assert_cmpstr(e[0], ==, "existant");
	g_assert_cmpstr(e[1], ==, "exsist");
	spell_result_release(&r);
}

/* Words of the document's own skills lists and handles made of the
 * writer's name are its vocabulary. */
static void test_known_words(void)
{
	g_autoptr(GHashTable) known = g_hash_table_new_full(
		g_str_hash, g_str_equal, g_free, NULL);
	const char *skills = "Skills: Zorblax, flinkql, Python";
	const char *text = "Ran zorblax and flinkql jobs, see janeroe82 "
			   "and qwertzy.\n";
	struct spell_result r;

	if (!spell_load(NULL)) {
		g_test_skip("no en_US dictionary");
		return;
	}
	spell_known_add(known, skills, 0, strlen(skills));
	spell_known_add_name(known, "Jane Roe");
	spell_check(text, 0, strlen(text), NULL, NULL, known, &r);
	/* "roe" is too short to make a handle; "jane" is not. */
	g_assert_cmpuint(r.misspelt, ==, 1);
	spell_result_release(&r);
}

/* A resume in a language without an installed dictionary is not
 * checked at all, and says so. */
static void test_language(void)
{
	const char *de = "Ich arbeite seit 2015 als Administrator und bin f"
			 "\xc3\xbcr die Server der Firma mit Kollegen "
			 "verantwortlich. Das Team und ich betreuen die Netze "
			 "von Kunden, die bei uns im Haus sind, und ein "
			 "Rechenzentrum mit der eigenen Technik.\n";
	struct spell_result r;

	g_assert_cmpstr(spell_language(de, 0, strlen(de)), ==, "de");
	g_assert_cmpstr(spell_language("Built the API for the team and "
				       "ran it in production.", 0, 50), ==,
			"en");
	g_assert_cmpstr(spell_language("Java, Kafka, SQL", 0, 16), ==, "en");
	if (g_file_test("/usr/share/hunspell/de_DE.aff", G_FILE_TEST_EXISTS))
		return;
	spell_check(de, 0, strlen(de), NULL, NULL, NULL, &r);
	g_assert_true(r.skipped);
	g_assert_false(r.available);
	g_assert_cmpuint(r.misspelt, ==, 0);
	g_assert_cmpstr(r.language, ==, "de");
	spell_result_release(&r);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/spell/misspellings", test_misspellings);
	g_test_add_func("/spell/skipped", test_skipped);
	g_test_add_func("/spell/british", test_british);
	g_test_add_func("/spell/missing-dictionary", test_missing_dictionary);
	g_test_add_func("/spell/load-once", test_load_once);
	g_test_add_func("/spell/word-shapes", test_word_shapes);
	g_test_add_func("/spell/known-words", test_known_words);
	g_test_add_func("/spell/language", test_language);
	return g_test_run();
}
