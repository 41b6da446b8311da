/* test_garble.c - the unreadable-text-layer heuristic on real and broken
 * text, in several languages. */
#include <string.h>

#include "garble.h"

static bool unreadable(const char *s)
{
	return garble_text_unreadable(s, strlen(s));
}

static void test_readable_text(void)
{
	static const char *const ok[] = {
		/* English prose, a resume's skills line, contacts. */
		"Integration engineer with seven years of experience "
		"connecting ERP, CRM and logistics platforms through REST "
		"and SOAP APIs.",
		"REST, SOAP, OpenAPI, MuleSoft, Dell Boomi, Kafka, SQL, "
		"PostgreSQL, CI/CD, AWS EC2, S3, OAuth 2.0, JavaScript, "
		"GitHub, ServiceNow, iPaaS, HL7 FHIR, ISO27001, B2B, W3C",
		"daniel.okafor@example.org +44 7700 900418 "
		"linkedin.com/in/danielokafor Mar 2019 – Present",
		/* French, German, with accents and long compounds. */
		"Ingénieure d'intégration, j'ai conçu des flux entre "
		"systèmes et vérifié l'intégrité des données échangées.",
		"Schnittstellenentwicklung für Krankenhausinformationssysteme "
		"und Qualitätssicherung der Datenübertragung im Rechenzentrum.",
		/* Japanese, Arabic: no Latin vowels to look for. */
		"日本語テスト、データ連携の設計と運用を担当しました。",
		"مهندس تكامل الأنظمة مع خبرة في واجهات البرمجة",
		/* An alphabet listing, upper and lower case in turns. */
		"àÀâÂäÄçÇéÉèÈêÊëËîÎïÏôÔùÙûÛüÜ",
		/* Too little to judge. */
		"’>in",
		"",
	};

	for (gsize i = 0; i < G_N_ELEMENTS(ok); i++) {
		if (unreadable(ok[i]))
			g_error("judged unreadable: %s", ok[i]);
	}
}

static void test_garbage(void)
{
	static const char *const bad[] = {
		/* A non-Unicode cmap shifted by 29 (pdfminer issue 791). */
		"3HQČåQtSURVWĜHGN\\QD~þWHFK",
		/* Symbol soup from a font without a ToUnicode map. */
		"*?M/`b?2F Q8#j%k ^Zp~{ x7@;q]| 4$!g+H v<&Yw= (Nb)}",
		"Kdqgv0rq h{shulhqfh lq vbvwhpv lqwhjudwlrq zlwk "
		"UHVW dqg VRDS",
		/* Private use and replacement characters. */
		"\xee\x80\x81\xee\x80\x82\xee\x80\x83 \xee\x80\x84\xee\x80\x85"
		"\xee\x80\x86 \xef\xbf\xbd\xef\xbf\xbd ab",
		/* CJK extension A runs from CID fonts without a cmap. */
		"㐂㐄㐆㐈㐊㐌㐎㐐㐒㐔㐖㐘",
		/* Invalid UTF-8. */
		"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6",
	};

	for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
		if (!unreadable(bad[i]))
			g_error("judged readable: %s", bad[i]);
	}
}

/* A few garbled words inside a page of words do not condemn it. */
static void test_mostly_words(void)
{
	g_autoptr(GString) s = g_string_new(NULL);

	for (int i = 0; i < 20; i++)
		g_string_append(s, "Built mock endpoints and automated test "
				   "suites for every integration release. ");
	g_string_append(s, "*?M/`b?2F Q8#j%k ^Zp~{ x7@;q]|");
	g_assert_false(garble_text_unreadable(s->str, s->len));
}

/* The length is honoured: no reading past it, no need for a NUL. */
static void test_length(void)
{
	const char soup[] = "*?M/`b?2F Q8#j%k ^Zp~{ x7@;q]| 4$!g+H v<&Yw= (Nb)}";
	g_autofree char *s = g_strconcat(soup, " plain words here, which "
					 "read as words", NULL);
	gsize n = strlen(soup);

	g_assert_true(garble_text_unreadable(s, n));
	g_assert_false(garble_text_unreadable(s + n, strlen(s + n)));
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/garble/readable", test_readable_text);
	g_test_add_func("/garble/garbage", test_garbage);
	g_test_add_func("/garble/mostly-words", test_mostly_words);
	g_test_add_func("/garble/length", test_length);
	return g_test_run();
}
