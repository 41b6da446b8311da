/*
 * contacts.c - name, e-mail, phone, profiles and location (see contacts.h).
 *
 * E-mail, phone and web addresses are looked for anywhere (the first one
 * wins: contact details come first, or in a sidebar); the name and the
 * location only in the header (the lines before the first heading) and a
 * contact section, since "Acme Corp, London" further down is an employer.
 * A phone must look like one: international prefix, brackets, a phone
 * label on its line, or ten digits or more; never a date range.  Must not
 * guess a name from prose: two to four capitalised words on a line of
 * their own, not a heading, not a job title.  A template's placeholder
 * ("name@example.com", "(123) 456-7890", a 555-01xx number) is taken only
 * when nothing better is written, and never as a key that would link
 * every applicant who left it in as one person (phone_digits; callers
 * test e-mails with contacts_placeholder_email()).
 */
#include <string.h>

#include "contacts.h"
#include "dates.h"
#include "scan.h"
#include "sections.h"

static const char *const kind_names[CONTACT_N + 1] = {
	[CONTACT_NAME] = "name",
	[CONTACT_EMAIL] = "email",
	[CONTACT_PHONE] = "phone",
	[CONTACT_LINKEDIN] = "linkedin",
	[CONTACT_GITHUB] = "github",
	[CONTACT_URL] = "url",
	[CONTACT_LOCATION] = "location",
	[CONTACT_N] = NULL,
};

/* Lines this far into the header are still candidates for the name. */
#define NAME_LINES 6
#define HEADER_LINES 12
#define HEADER_LINE_MAX 400
/* Longest line a name is read from as a piece of it. */
#define NAME_LINE_MAX 100

const char *contact_kind_name(enum contact_kind kind)
{
	return (unsigned)kind < CONTACT_N ? kind_names[kind] : NULL;
}

static void put(struct contacts *c, enum contact_kind k, const char *t,
		uint32_t s, uint32_t e)
{
	if (c->value[k] || e <= s)
		return;
	c->value[k] = g_strndup(t + s, e - s);
	c->at[k] = (struct span){ s, e };
}

static void lower_in_place(char **s)
{
	char *l = g_ascii_strdown(*s, -1);

	g_free(*s);
	*s = l;
}

static bool email_local(unsigned char ch)
{
	return g_ascii_isalnum(ch) || (ch && strchr("._%+-", ch));
}

static bool email_domain(unsigned char ch)
{
	return g_ascii_isalnum(ch) || ch == '.' || ch == '-';
}

/* Templates' and fiction's addresses: a local part that names the
 * field instead of filling it, or a domain no one receives mail at. */
bool contacts_placeholder_email(const char *email)
{
	static const char *const locals[] = {
		"name", "yourname", "your.name", "your_name", "firstname",
		"lastname", "firstname.lastname", "first.last", "first.name",
		"email", "youremail", "your.email", "e-mail", "user",
		"username", "you", "someone", "somebody", "mail",
	};
	static const char *const domains[] = {
		"domain.com", "yourdomain.com", "email.com", "company.com",
		"yourcompany.com", "website.com", "yourwebsite.com",
		"mail.com.example",
	};
	const char *at = email ? strchr(email, '@') : NULL;
	gsize i;

	if (!at)
		return false;
	for (i = 0; i < G_N_ELEMENTS(locals); i++)
		if (strlen(locals[i]) == (gsize)(at - email) &&
		    g_ascii_strncasecmp(email, locals[i], at - email) == 0)
			return true;
	for (i = 0; i < G_N_ELEMENTS(domains); i++)
		if (g_ascii_strcasecmp(at + 1, domains[i]) == 0)
			return true;
	return false;
}

/* Templates' and fiction's numbers: one digit repeated, a run such as
 * 1234567, or the 555-0100 to 555-0199 range kept for fiction. */
bool contacts_placeholder_phone(const char *digits)
{
	gsize n = digits ? strlen(digits) : 0, i, same = 1;

	if (n < 7)
		return false;
	for (i = 1; i < n; i++)
		same += digits[i] == digits[0];
	if (same == n)
		return true;
	if (strstr(digits, "1234567") || strstr(digits, "9876543") ||
	    strstr(digits, "0123456"))
		return true;
	return strncmp(digits + n - 7, "55501", 5) == 0;
}

static void find_email(const char *t, uint32_t len, struct contacts *c)
{
	const char *at = t;
	uint32_t p, s, e, dot, i, ps = 0, pe = 0;

	while ((at = memchr(at, '@', len - (at - t))) != NULL) {
		p = at - t;
		at++;
		s = p;
		while (s > 0 && email_local(t[s - 1]))
			s--;
		e = p + 1;
		while (e < len && email_domain(t[e]))
			e++;
		while (e > p + 1 && (t[e - 1] == '.' || t[e - 1] == '-'))
			e--;
		while (s < p && t[s] == '.')
			s++;
		if (s == p)
			continue;
		dot = 0;
		for (i = p + 1; i < e; i++)
			if (t[i] == '.')
				dot = i;
		if (!dot || dot == p + 1 || e - dot < 3)
			continue;
		{
			g_autofree char *addr = g_strndup(t + s, e - s);

			if (contacts_placeholder_email(addr)) {
				if (pe == 0) {
					ps = s;
					pe = e;
				}
				continue;
			}
		}
		put(c, CONTACT_EMAIL, t, s, e);
		lower_in_place(&c->value[CONTACT_EMAIL]);
		return;
	}
	if (pe) {
		put(c, CONTACT_EMAIL, t, ps, pe);
		lower_in_place(&c->value[CONTACT_EMAIL]);
	}
}

/* Bytes that end a web address token. */
static bool url_stop(unsigned char c)
{
	switch (c) {
	case '|': case ',': case ';': case '(': case ')': case '<': case '>':
	case '"':
		return true;
	default:
		return c <= ' ' || c >= 0x80;
	}
}

/* needle inside [s, e), ignoring case: its offset or G_MAXUINT32. */
static uint32_t find_in(const char *t, uint32_t s, uint32_t e,
			const char *needle)
{
	size_t n = strlen(needle);
	uint32_t p;

	for (p = s; p + n <= e; p++)
		if (scan_lower(t[p]) == needle[0] &&
		    g_ascii_strncasecmp(t + p, needle, n) == 0)
			return p;
	return G_MAXUINT32;
}

/* One pass over the text's tokens: the first LinkedIn and GitHub
 * profiles, and the first other web address. */
static void find_urls(const char *t, uint32_t len, struct contacts *c)
{
	static const struct {
		const char *needle;
		enum contact_kind kind;
		bool at_start;	/* must open the token */
	} hosts[] = {
		{ "linkedin.com/", CONTACT_LINKEDIN, false },
		{ "github.com/", CONTACT_GITHUB, false },
		{ "http://", CONTACT_URL, true },
		{ "https://", CONTACT_URL, true },
		{ "www.", CONTACT_URL, true },
	};
	uint32_t p = 0, s, e, at;
	size_t i, n;

	while (p < len) {
		while (p < len && url_stop(t[p]))
			p++;
		s = p;
		while (p < len && !url_stop(t[p]))
			p++;
		e = p;
		while (e > s && strchr(".:/", t[e - 1]))
			e--;
		if (e - s < 7 || !memchr(t + s, '.', e - s) ||
		    memchr(t + s, '@', e - s))
			continue;
		for (i = 0; i < G_N_ELEMENTS(hosts); i++) {
			n = strlen(hosts[i].needle);
			at = find_in(t, s, hosts[i].at_start ? s + n : e,
				     hosts[i].needle);
			/* "linkedin.com/" alone names no profile */
			if (at == G_MAXUINT32 || at + n >= e)
				continue;
			put(c, hosts[i].kind, t, s, e);
			break;
		}
	}
	if (c->value[CONTACT_LINKEDIN])
		lower_in_place(&c->value[CONTACT_LINKEDIN]);
}

char *contacts_phone_digits(const char *phone)
{
	GString *g = g_string_new(NULL);

	for (; phone && *phone; phone++)
		if (g_ascii_isdigit(*phone))
			g_string_append_c(g, *phone);
	return g_string_free(g, FALSE);
}

static const char *const phone_labels[] = {
	"phone", "tel", "telephone", "mobile", "mob", "cell", "ph", "m",
	"t", "handy",
};

static bool phone_labelled(const char *t, uint32_t ls, uint32_t s)
{
	uint32_t at;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(phone_labels); i++)
		if (scan_find(t, ls, s, phone_labels[i], &at) &&
		    strlen(phone_labels[i]) > 1)
			return true;
	/* "M: +44 ..." / "T. 555 ..." just before the number */
	return s >= ls + 3 && (t[s - 2] == ':' || t[s - 2] == '.') &&
	       g_ascii_isalpha(t[s - 3]) &&
	       (s - 3 == ls || !g_ascii_isalpha(t[s - 4]));
}

/* A phone number starting at s: digits with spaces, dashes, dots and
 * brackets between them. */
static bool phone_at(const char *t, uint32_t len, uint32_t s, uint32_t *end)
{
	unsigned nd = 0, groups = 0, longest = 0, run = 0;
	bool intl = t[s] == '+', paren = false;
	struct date_range r;
	uint32_t p = s, e = s, ls;

	if (t[p] == '+')
		p++;
	for (; p < len; p++) {
		unsigned char ch = t[p];

		if (g_ascii_isdigit(ch)) {
			if (run == 0)
				groups++;
			if (++nd > 15)
				return false;
			run++;
			if (run > longest)
				longest = run;
			e = p + 1;
			continue;
		}
		run = 0;
		if (ch == '(' || ch == ')') {
			paren = true;
			continue;
		}
		if (ch == ' ' || ch == '-' || ch == '.') {
			if (p + 1 < len && t[p + 1] == ch && ch != '-')
				break;
			continue;
		}
		break;
	}
	if (e < len && (g_ascii_isalpha(t[e]) || t[e] == '/' ||
			t[e] == '%'))
		return false;
	if (nd < 7 || nd > 15)
		return false;
	if (!intl && t[s] == '0' && s + 1 < len && t[s + 1] == '0')
		intl = true;	/* 0049 30 1234567 */
	ls = scan_line_start(t, s, 40);
	if (!(intl && nd >= 8) && !(paren && nd >= 10) &&
	    !(nd >= 10 && groups >= 2) && !phone_labelled(t, ls, s))
		return false;
	if (longest > 12)
		return false;
	/* "2016 - 2019", "01.2019 - 03.2021" are dates. */
	if (dates_next(t, s, e, 2100, &r))
		return false;
	*end = e;
	return true;
}

static void find_phone(const char *t, uint32_t len, struct contacts *c)
{
	uint32_t p, e, ps = 0, pe = 0;

	for (p = 0; p < len; p++) {
		unsigned char ch = t[p];

		if (!g_ascii_isdigit(ch) && ch != '+' && ch != '(')
			continue;
		/* Only where a number starts, not inside a word or one. */
		if (p > 0 && (g_ascii_isalnum(t[p - 1]) ||
			      strchr("+-./_", t[p - 1])))
			continue;
		if (ch == '(' && !(p + 1 < len && g_ascii_isdigit(t[p + 1])))
			continue;
		if (phone_at(t, len, p, &e)) {
			g_autofree char *num = g_strndup(t + p, e - p);
			g_autofree char *digits = contacts_phone_digits(num);

			if (!contacts_placeholder_phone(digits)) {
				put(c, CONTACT_PHONE, t, p, e);
				c->phone_digits = g_steal_pointer(&digits);
				return;
			}
			if (pe == 0) {
				ps = p;
				pe = e;
			}
			p = e;
			continue;
		}
		/* Skip the rest of this run of digits. */
		while (p + 1 < len && g_ascii_isdigit(t[p + 1]))
			p++;
	}
	/* A placeholder is still a phone written (the resume is not without
	 * contact details), but no key: phone_digits stays NULL. */
	if (pe)
		put(c, CONTACT_PHONE, t, ps, pe);
}

/* Words a name line never holds. */
static const char *const not_name_words[] = {
	"resume", "curriculum", "vitae", "cv", "engineer", "developer",
	"manager", "consultant", "architect", "analyst", "specialist",
	"lead", "senior", "junior", "street", "road", "avenue", "page",
	"integration", "profile", "summary", "contact", "email", "phone",
	"linkedin", "github", "address", "the", "and", "of", "for",
	"intern", "trainee", "student", "technology", "information",
	"personal", "details", "data", "persönliche",
	"daten", "datos", "personales", "informations", "personnelles",
	"portfolio", "website", "homepage", "name",
};

/* Lowercase particles inside names. */
static const char *const particles[] = {
	"van", "von", "de", "der", "den", "da", "del", "della", "di", "du",
	"la", "le", "bin", "al", "el", "ter",
};

static bool is_particle(const char *t, uint32_t s, uint32_t e)
{
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(particles); i++)
		if (e - s == strlen(particles[i]) &&
		    g_ascii_strncasecmp(t + s, particles[i], e - s) == 0)
			return true;
	return false;
}

/* [s, e) is two to four capitalised words. */
static bool name_like(const char *t, uint32_t s, uint32_t e)
{
	unsigned words = 0;
	uint32_t p = s, ws, at;
	size_t i;

	if (e <= s || e - s > 60)
		return false;
	if (sections_label(t, s, e, NULL) != SECTION_N)
		return false;
	for (i = 0; i < G_N_ELEMENTS(not_name_words); i++)
		if (scan_find(t, s, e, not_name_words[i], &at))
			return false;
	while (p < e) {
		gunichar u;

		while (p < e && t[p] == ' ')
			p++;
		if (p >= e)
			break;
		ws = p;
		while (p < e && t[p] != ' ')
			p++;
		u = g_utf8_get_char_validated(t + ws, p - ws);
		if (u == (gunichar)-1 || u == (gunichar)-2)
			return false;
		if (!g_unichar_isupper(u) && !is_particle(t, ws, p))
			return false;
		for (at = ws; at < p; at++) {
			unsigned char ch = t[at];

			if (!(g_ascii_isalpha(ch) || ch >= 0x80 ||
			      strchr("-'.", ch)))
				return false;
			/* "Next.js" is a skill; "J.R." and "S.S" are
			 * initials. */
			if (ch == '.' && at + 1 < p &&
			    g_ascii_islower(t[at + 1]))
				return false;
		}
		/* A word of three letters or more closing with a full stop
		 * ends a sentence ("Cat lover."), not a name. */
		if (p == e && t[p - 1] == '.' && p - ws > 3)
			return false;
		words++;
	}
	return words >= 2 && words <= 4;
}

/* The end of the piece of a header line starting at s ("Jane Doe |
 * Integration Engineer"); *sep gets the separator's length. */
static uint32_t piece_end(const char *t, uint32_t s, uint32_t e,
			  uint32_t *sep)
{
	uint32_t p;

	for (p = s; p < e; p++) {
		*sep = 1;
		if (strchr("|,;\t", t[p]))
			return p;
		*sep = 3;
		if (e - p >= 3 && (memcmp(t + p, " - ", 3) == 0 ||
				   memcmp(t + p, " / ", 3) == 0 ||
				   memcmp(t + p, "\xe2\x80\xa2", 3) == 0))
			return p;
		*sep = 2;
		if (e - p >= 2 && memcmp(t + p, "\xc2\xb7", 2) == 0)
			return p;
	}
	*sep = 0;
	return e;
}

static bool location_like(const char *t, uint32_t s, uint32_t e)
{
	const char *comma;
	uint32_t p;

	if (e - s > 50 || e - s < 4 || !g_ascii_isupper(t[s]))
		return false;
	comma = memchr(t + s, ',', e - s);
	if (!comma)
		return false;
	for (p = s; p < e; p++)
		if (t[p] == '@' || t[p] == '/' || t[p] == ':')
			return false;
	p = comma - t + 1;
	while (p < e && t[p] == ' ')
		p++;
	return p < e && g_ascii_isupper(t[p]);
}

static const char *const location_labels[] = {
	"location:", "address:", "based in", "lives in", "city:",
};

/* The name and location in the lines [s, e) (a header). */
/* The longest run of two or three words at s that looks like a name. */
static void name_prefix(const char *t, uint32_t s, uint32_t e,
			struct contacts *c)
{
	uint32_t ends[4], p = s;
	unsigned n = 0;

	while (p < e && n < 4) {
		while (p < e && t[p] != ' ')
			p++;
		ends[n++] = p;
		while (p < e && t[p] == ' ')
			p++;
	}
	/* Only when the next word is one a name never holds (a link, a
	 * label): "Network Fan Cat Lover." is no name cut short. */
	for (; n >= 2; n--) {
		uint32_t ns = ends[n - 1], ne;
		bool stop = false;
		size_t i;

		while (ns < e && t[ns] == ' ')
			ns++;
		for (ne = ns; ne < e && t[ne] != ' ' && t[ne] != ','; ne++)
			;
		for (i = 0; i < G_N_ELEMENTS(not_name_words) && !stop; i++)
			stop = scan_word_at(t, ne, ns, not_name_words[i]);
		if (stop && name_like(t, s, ends[n - 1])) {
			put(c, CONTACT_NAME, t, s, ends[n - 1]);
			return;
		}
	}
}

static void find_in_header(const char *t, uint32_t s, uint32_t e,
			   struct contacts *c)
{
	unsigned line = 0;
	uint32_t ls, le, ps, pe, at, sep;
	size_t i;

	for (ls = s; ls < e && line < HEADER_LINES; ls = le + 1) {
		le = scan_line_end(t, e, ls);
		ps = ls;
		/* A header line is short; only its start is read. */
		pe = le - ls > HEADER_LINE_MAX ? ls + HEADER_LINE_MAX : le;
		while (pe > ls && pe < le && ((unsigned char)t[pe] & 0xC0) == 0x80)
			pe--;	/* not inside a character */
		scan_trim(t, &ps, &pe);
		if (ps == pe)
			continue;
		line++;
		if (scan_word_at(t, pe, ps, "name") && ps + 5 < pe &&
		    (t[ps + 4] == ':' ||
		     (t[ps + 4] == ' ' && t[ps + 5] == ':'))) {
			uint32_t ns = ps + (t[ps + 4] == ':' ? 5 : 6), ne = pe;

			scan_trim(t, &ns, &ne);
			if (name_like(t, ns, ne))
				put(c, CONTACT_NAME, t, ns, ne);
		}
		for (i = 0; i < G_N_ELEMENTS(location_labels); i++) {
			if (!scan_find(t, ps, pe, location_labels[i], &at))
				continue;
			at += strlen(location_labels[i]);
			while (at < pe && t[at] == ' ')
				at++;
			{
				const char *bar = memchr(t + at, '|',
							 pe - at);
				uint32_t le2 = bar ? (uint32_t)(bar - t) : pe;

				scan_trim(t, &at, &le2);
				put(c, CONTACT_LOCATION, t, at, le2);
			}
		}
		while (ps < pe) {
			uint32_t qe = piece_end(t, ps, pe, &sep), qs = ps;
			uint32_t qend = qe, sep2, q2, l2;

			scan_trim(t, &qs, &qend);
			/* A name stands on a short line, or opens the first
			 * one ("Jo Roe GitHub, LinkedIn" from a table row);
			 * the pieces of a sentence are not names. */
			if (line <= NAME_LINES && le - ls <= NAME_LINE_MAX &&
			    name_like(t, qs, qend))
				put(c, CONTACT_NAME, t, qs, qend);
			else if (line == 1 && qs == ps)
				name_prefix(t, qs, qend, c);
			/* "Berlin, Germany" is split by its comma. */
			if (qe < pe && t[qe] == ',' &&
			    !c->value[CONTACT_LOCATION]) {
				q2 = piece_end(t, qe + 1, pe, &sep2);
				l2 = q2;
				scan_trim(t, &qs, &l2);
				if (location_like(t, qs, l2))
					put(c, CONTACT_LOCATION, t, qs, l2);
			}
			ps = qe + sep;
		}
	}
}

void contacts_find(const struct doc *d, const GArray *sections,
		   struct contacts *c)
{
	const char *t;
	uint32_t len;
	guint i;

	memset(c, 0, sizeof(*c));
	if (!d->text || !d->text->len)
		return;
	t = d->text->str;
	len = d->text->len;
	find_email(t, len, c);
	find_urls(t, len, c);
	find_phone(t, len, c);
	for (i = 0; sections && i < sections->len; i++) {
		const struct section *s =
			&g_array_index(sections, struct section, i);

		/* The header is the text before the first heading; an
		 * unlabelled heading further down is not one. */
		if ((s->kind == SECTION_UNKNOWN && i == 0) ||
		    s->kind == SECTION_CONTACT)
			find_in_header(t, s->body.start, s->body.end, c);
	}
	/* No section before the first heading: the first lines. */
	if (!c->value[CONTACT_NAME])
		find_in_header(t, 0, scan_line_end(t, len, 0), c);
}

void contacts_release(struct contacts *c)
{
	int k;

	for (k = 0; k < CONTACT_N; k++)
		g_free(c->value[k]);
	g_free(c->phone_digits);
	memset(c, 0, sizeof(*c));
}
