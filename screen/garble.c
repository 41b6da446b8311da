/*
 * garble.c - tells a text layer made of words from the garbage that fonts
 * without a usable Unicode map produce.
 *
 * Owns one heuristic and nothing else: no file format, no I/O.  The text
 * is cut into white-space separated tokens; punctuation around a token is
 * dropped; what is left is word-like when it reads as a word of some
 * script: no odd symbols inside, one script, few case flips and letter /
 * digit flips, and for Latin letters a vowel and no run of consonants no
 * language writes.  A layer is unreadable when odd characters (private
 * use, U+FFFD, controls, unassigned, CJK extension A, which cmap-less CID
 * fonts land in) are common, or when under half of its letters sit in
 * word-like tokens.  Dictionaries are not used on purpose: the test has to
 * hold for any language and for names, acronyms and product names.
 */
#include <string.h>

#include "garble.h"

/* Below these, there is too little text to judge: say readable. */
#define MIN_CHARS	8
#define MIN_LETTERS	12

/* The thresholds, tuned on real cmap-less PDFs and on English, French,
 * German and Japanese text. */
#define ODD_SHARE	0.25
#define WORD_SHARE	0.5

/* Latin words: the longest consonant run any of them is allowed, and the
 * longest all-capital token still read as an acronym. */
#define MAX_CONSONANTS	5
#define MAX_ACRONYM	6
#define MAX_CASE_FLIPS	2
#define MAX_DIGIT_FLIPS	2

/* Characters a word may hold inside it: "e-mail", "l'été", "CI/CD",
 * "a.b@c.org", "R&D", "C++", "snake_case", "1,000", "10:30", "C#". */
static const gunichar inner_ok[] = {
	'-', '\'', 0x2019, '.', '@', '/', '&', '+', '_', ':', ',', '#',
	0x2010, 0x2011, 0x2013, 0x00B7,
};

static bool is_odd(gunichar c)
{
	if (c == (gunichar)-1 || c == (gunichar)-2 || c == 0xFFFD)
		return true;
	if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000)
		return true;
	if (c >= 0x3400 && c <= 0x4DBF)	/* CJK extension A */
		return true;
	switch (g_unichar_type(c)) {
	case G_UNICODE_CONTROL:
		return c != '\t' && c != '\n' && c != '\r';
	case G_UNICODE_UNASSIGNED:
	case G_UNICODE_SURROGATE:
	case G_UNICODE_PRIVATE_USE:
		return true;
	default:
		return false;
	}
}

static bool is_inner_ok(gunichar c)
{
	/* Scripts written without spaces keep their punctuation inside a
	 * token: 、。「」 and full-width forms. */
	if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF))
		return true;
	for (gsize i = 0; i < G_N_ELEMENTS(inner_ok); i++)
		if (inner_ok[i] == c)
			return true;
	return false;
}

/* Han, hiragana and katakana share words: one script for this test. */
static GUnicodeScript script_of(gunichar c)
{
	GUnicodeScript s = g_unichar_get_script(c);

	if (s == G_UNICODE_SCRIPT_HIRAGANA || s == G_UNICODE_SCRIPT_KATAKANA)
		return G_UNICODE_SCRIPT_HAN;
	return s;
}

static bool is_vowel(gunichar c)
{
	gunichar base[4];
	gsize n = g_unichar_fully_decompose(g_unichar_tolower(c), FALSE,
					    base, G_N_ELEMENTS(base));

	if (n == 0)
		return false;
	return base[0] < 0x80 && strchr("aeiouy", (int)base[0]) != NULL;
}

struct token_stats {
	gsize letters;		/* letters in all tokens */
	gsize word_letters;	/* letters in word-like tokens */
};

/* Judge one token, punctuation already stripped at both ends. */
static void judge_token(const gunichar *t, gsize n, struct token_stats *st)
{
	GUnicodeScript script = G_UNICODE_SCRIPT_COMMON;
	gsize letters = 0, upper = 0, latin = 0, vowels = 0;
	gsize run = 0, max_run = 0, case_flips = 0, digit_flips = 0;
	int prev_kind = 0;	/* 1 letter, 2 digit */
	gunichar prev = 0;
	bool prev_lower = false, ok = true;

	for (gsize i = 0; i < n; i++) {
		gunichar c = t[i];
		int kind;

		if (g_unichar_isalpha(c)) {
			GUnicodeScript s = script_of(c);

			kind = 1;
			letters++;
			if (s != G_UNICODE_SCRIPT_COMMON &&
			    s != G_UNICODE_SCRIPT_INHERITED) {
				if (script == G_UNICODE_SCRIPT_COMMON)
					script = s;
				else if (s != script)
					ok = false;
			}
			if (s == G_UNICODE_SCRIPT_LATIN) {
				latin++;
				if (g_unichar_isupper(c)) {
					upper++;
					/* "aA" lists an alphabet, not garbage. */
					if (prev_lower && g_unichar_tolower(c) !=
					    g_unichar_tolower(prev))
						case_flips++;
				}
				prev_lower = g_unichar_islower(c);
				if (is_vowel(c)) {
					vowels++;
					run = 0;
				} else if (++run > max_run) {
					max_run = run;
				}
			}
		} else if (g_unichar_isdigit(c)) {
			kind = 2;
			run = 0;
		} else if (g_unichar_ismark(c)) {
			continue;
		} else {
			if (!is_inner_ok(c))
				ok = false;
			kind = 0;
			run = 0;
			prev_lower = false;
		}
		prev = c;
		if (kind && prev_kind && kind != prev_kind)
			digit_flips++;
		if (kind)
			prev_kind = kind;
	}
	if (letters == 0)
		return;		/* numbers, dates, dashes: neutral */
	if (case_flips > MAX_CASE_FLIPS || digit_flips > MAX_DIGIT_FLIPS)
		ok = false;
	if (latin >= 4) {
		bool acronym = upper == latin && latin <= MAX_ACRONYM;

		if (!acronym && (vowels == 0 || max_run > MAX_CONSONANTS))
			ok = false;
	}
	st->letters += letters;
	if (ok)
		st->word_letters += letters;
}

bool garble_text_unreadable(const char *utf8, gsize len)
{
	struct token_stats st = { 0, 0 };
	g_autoptr(GArray) tok = g_array_new(FALSE, FALSE, sizeof(gunichar));
	const char *p = utf8, *end = utf8 + len;
	gsize chars = 0, odd = 0;

	while (p <= end) {
		gunichar c = ' ';

		if (p < end) {
			c = g_utf8_get_char_validated(p, end - p);
			if (c == (gunichar)-1 || c == (gunichar)-2) {
				c = 0xFFFD;
				p++;
			} else {
				p = g_utf8_next_char(p);
			}
		} else {
			p++;	/* one last space flushes the last token */
		}
		if (!g_unichar_isspace(c) && c != 0) {
			chars++;
			if (is_odd(c))
				odd++;
			g_array_append_val(tok, c);
			continue;
		}
		if (tok->len > 0) {
			const gunichar *t = (const gunichar *)tok->data;
			gsize a = 0, b = tok->len;

			while (a < b && g_unichar_ispunct(t[a]))
				a++;
			while (b > a && g_unichar_ispunct(t[b - 1]))
				b--;
			judge_token(t + a, b - a, &st);
			g_array_set_size(tok, 0);
		}
	}
	if (chars < MIN_CHARS)
		return false;
	if ((double)odd > ODD_SHARE * (double)chars)
		return true;
	if (st.letters < MIN_LETTERS)
		return false;
	return (double)st.word_letters < WORD_SHARE * (double)st.letters;
}
