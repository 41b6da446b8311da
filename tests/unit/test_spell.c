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

	spell_check(text, 0, strlen(text), NULL, allow, r);
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
	spell_check(text, 0, strlen(text), "/nonexistent/xx_XX", NULL, &r);
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

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/spell/misspellings", test_misspellings);
	g_test_add_func("/spell/skipped", test_skipped);
	g_test_add_func("/spell/british", test_british);
	g_test_add_func("/spell/missing-dictionary", test_missing_dictionary);
	g_test_add_func("/spell/load-once", test_load_once);
	return g_test_run();
}
