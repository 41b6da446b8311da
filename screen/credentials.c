/*
 * credentials.c - degrees, certifications, trainings (see credentials.h).
 *
 * Degrees are names from the table below, matched as whole words; short
 * abbreviations that are also ordinary words or products ("MS Office",
 * "BA" as an airline, "MA" as a state) count only in capitals and followed
 * by what follows a degree ("MS in", "B.A.", "BA (Hons)", "MS Computer
 * Science").  Where a resume has an education section, degrees are read
 * there and in the header, summary and certifications (never from
 * experience: "taught MSc students").  Certifications are the rule set's
 * names, "Certified X" / "X Certified Y" phrases and the items of a
 * certifications section; trainings are the items of a training or
 * courses section and course lines in education.  Must not score.
 */
#include <string.h>

#include "credentials.h"
#include "scan.h"
#include "sections.h"

enum {
	DG_CASE = 1,		/* exact case */
	DG_FOLLOW = 2,		/* must be followed like a degree */
	DG_STRICT = 4,		/* only by "in", "of", "(", "degree", ":" */
	DG_TITLE = 8,		/* "Dr." before a name: the header only */
};

static const struct degree_name {
	const char *name;
	enum degree_level level;
	unsigned flags;
} degree_names[] = {
	{ "PhD", DEGREE_DOCTORATE, 0 },
	{ "Ph.D.", DEGREE_DOCTORATE, 0 },
	{ "Ph.D", DEGREE_DOCTORATE, 0 },
	{ "Ph. D.", DEGREE_DOCTORATE, 0 },
	{ "DPhil", DEGREE_DOCTORATE, 0 },
	{ "D.Phil.", DEGREE_DOCTORATE, 0 },
	{ "Doctorate", DEGREE_DOCTORATE, 0 },
	{ "Doctor of", DEGREE_DOCTORATE, 0 },
	{ "Dr.-Ing.", DEGREE_DOCTORATE, DG_CASE },
	{ "Dr. rer. nat.", DEGREE_DOCTORATE, DG_CASE },
	{ "Dr. phil.", DEGREE_DOCTORATE, DG_CASE },
	{ "Dr.", DEGREE_DOCTORATE, DG_CASE | DG_TITLE },
	{ "Doctorado", DEGREE_DOCTORATE, 0 },		/* Spanish */
	{ "Doutorado", DEGREE_DOCTORATE, 0 },		/* Portuguese */
	{ "\xd0\x94\xd0\xbe\xd0\xba\xd1\x82\xd0\xbe\xd1\x80", DEGREE_DOCTORATE, 0 },	/* Доктор */
	{ "\xe5\x8d\x9a\xe5\xa3\xab", DEGREE_DOCTORATE, 0 },	/* 博士 */
	{ "EngD", DEGREE_DOCTORATE, DG_CASE },
	{ "Ed.D.", DEGREE_DOCTORATE, DG_CASE },
	{ "MSc", DEGREE_MASTER, 0 },
	{ "M.Sc.", DEGREE_MASTER, 0 },
	{ "M.Sc", DEGREE_MASTER, 0 },
	{ "M.S.", DEGREE_MASTER, DG_CASE },
	{ "MS", DEGREE_MASTER, DG_CASE | DG_FOLLOW },
	{ "M.A.", DEGREE_MASTER, DG_CASE },
	{ "MA", DEGREE_MASTER, DG_CASE | DG_FOLLOW },
	{ "MBA", DEGREE_MASTER, DG_CASE },
	{ "M.B.A.", DEGREE_MASTER, DG_CASE },
	{ "MEng", DEGREE_MASTER, 0 },
	{ "M.Eng.", DEGREE_MASTER, 0 },
	{ "M.Eng", DEGREE_MASTER, 0 },
	{ "MPhil", DEGREE_MASTER, 0 },
	{ "MTech", DEGREE_MASTER, 0 },
	{ "M.Tech", DEGREE_MASTER, 0 },
	{ "MCA", DEGREE_MASTER, DG_CASE },
	{ "LLM", DEGREE_MASTER, DG_CASE },
	{ "MRes", DEGREE_MASTER, 0 },
	{ "Master of", DEGREE_MASTER, 0 },
	{ "Master's", DEGREE_MASTER, 0 },
	{ "Masters of", DEGREE_MASTER, 0 },
	{ "Masters in", DEGREE_MASTER, 0 },
	{ "Master in", DEGREE_MASTER, 0 },
	{ "Masters degree", DEGREE_MASTER, 0 },
	{ "Master degree", DEGREE_MASTER, 0 },
	{ "Master", DEGREE_MASTER, DG_FOLLOW | DG_STRICT },
	{ "Masters", DEGREE_MASTER, DG_FOLLOW | DG_STRICT },
	{ "M.E.", DEGREE_MASTER, DG_CASE },
	{ "M\xc3\xa1ster", DEGREE_MASTER, 0 },	/* Spanish */
	{ "Mestrado", DEGREE_MASTER, 0 },		/* Portuguese */
	{ "Magister", DEGREE_MASTER, 0 },
	{ "Laurea Magistrale", DEGREE_MASTER, 0 },	/* Italian */
	{ "Dipl.-", DEGREE_MASTER, DG_CASE },		/* Dipl.-Ing. */
	{ "Diplom", DEGREE_MASTER, DG_CASE },		/* German */
	{ "\xd0\x9c\xd0\xb0\xd0\xb3\xd0\xb8\xd1\x81\xd1\x82\xd1\x80", DEGREE_MASTER, 0 },	/* Магистр */
	{ "\xd0\xbc\xd0\xb0\xd0\xb3\xd0\xb8\xd1\x81\xd1\x82\xd1\x80", DEGREE_MASTER, 0 },	/* магистр */
	{ "\xe7\xa1\x95\xe5\xa3\xab", DEGREE_MASTER, 0 },	/* 硕士 */
	{ "MSCS", DEGREE_MASTER, DG_CASE },
	{ "MSEE", DEGREE_MASTER, DG_CASE },
	{ "BSc", DEGREE_BACHELOR, 0 },
	{ "B.Sc.", DEGREE_BACHELOR, 0 },
	{ "B.Sc", DEGREE_BACHELOR, 0 },
	{ "B.S.", DEGREE_BACHELOR, DG_CASE },
	{ "BS", DEGREE_BACHELOR, DG_CASE | DG_FOLLOW },
	{ "B.A.", DEGREE_BACHELOR, DG_CASE },
	{ "BA", DEGREE_BACHELOR, DG_CASE | DG_FOLLOW },
	{ "BEng", DEGREE_BACHELOR, 0 },
	{ "B.Eng.", DEGREE_BACHELOR, 0 },
	{ "B.Eng", DEGREE_BACHELOR, 0 },
	{ "BTech", DEGREE_BACHELOR, 0 },
	{ "B.Tech", DEGREE_BACHELOR, 0 },
	{ "BASc", DEGREE_BACHELOR, DG_CASE },
	{ "B.A.Sc.", DEGREE_BACHELOR, DG_CASE },
	{ "B.A.Sc", DEGREE_BACHELOR, DG_CASE },
	{ "B.E.", DEGREE_BACHELOR, DG_CASE },
	{ "Licenciatura", DEGREE_BACHELOR, 0 },
	{ "BCA", DEGREE_BACHELOR, DG_CASE },
	{ "BBA", DEGREE_BACHELOR, DG_CASE },
	{ "BCom", DEGREE_BACHELOR, DG_CASE },
	{ "B.Com", DEGREE_BACHELOR, DG_CASE },
	{ "LLB", DEGREE_BACHELOR, DG_CASE },
	{ "BFA", DEGREE_BACHELOR, DG_CASE },
	{ "BSN", DEGREE_BACHELOR, DG_CASE },
	{ "BSEE", DEGREE_BACHELOR, DG_CASE },
	{ "B.Tech.", DEGREE_BACHELOR, 0 },
	{ "Grado en", DEGREE_BACHELOR, 0 },		/* Spanish */
	{ "Bacharelado", DEGREE_BACHELOR, 0 },		/* Portuguese */
	{ "Laurea", DEGREE_BACHELOR, DG_CASE },		/* Italian */
	{ "\xd0\x91\xd0\xb0\xd0\xba\xd0\xb0\xd0\xbb\xd0\xb0\xd0\xb2\xd1\x80", DEGREE_BACHELOR, 0 },	/* Бакалавр */
	{ "\xd0\xb1\xd0\xb0\xd0\xba\xd0\xb0\xd0\xbb\xd0\xb0\xd0\xb2\xd1\x80", DEGREE_BACHELOR, 0 },	/* бакалавр */
	{ "\xe5\xad\xa6\xe5\xa3\xab", DEGREE_BACHELOR, 0 },	/* 学士 */
	{ "Bachelor of", DEGREE_BACHELOR, 0 },
	{ "Bachelor's", DEGREE_BACHELOR, 0 },
	{ "Bachelors", DEGREE_BACHELOR, 0 },
	{ "Bachelor in", DEGREE_BACHELOR, 0 },
	{ "Bachelor degree", DEGREE_BACHELOR, 0 },
	{ "Bachelor", DEGREE_BACHELOR, DG_FOLLOW | DG_STRICT },
	{ "Associate degree", DEGREE_ASSOCIATE, 0 },
	{ "Associate's", DEGREE_ASSOCIATE, 0 },
	{ "Associates degree", DEGREE_ASSOCIATE, 0 },
	{ "Associate of", DEGREE_ASSOCIATE, 0 },
	{ "Associate in", DEGREE_ASSOCIATE, 0 },
	{ "Associate", DEGREE_ASSOCIATE, DG_CASE | DG_FOLLOW | DG_STRICT },
	{ "Associates", DEGREE_ASSOCIATE, DG_CASE | DG_FOLLOW | DG_STRICT },
	{ "A.A.S.", DEGREE_ASSOCIATE, DG_CASE },
	{ "A.S.", DEGREE_ASSOCIATE, DG_CASE },
	{ "A.A.", DEGREE_ASSOCIATE, DG_CASE },
	{ "AS", DEGREE_ASSOCIATE, DG_CASE | DG_FOLLOW | DG_STRICT },
	{ "AAS", DEGREE_ASSOCIATE, DG_CASE | DG_FOLLOW },
	{ "HND", DEGREE_ASSOCIATE, DG_CASE },
	{ "Foundation degree", DEGREE_ASSOCIATE, 0 },
};

static const char *const level_names[] = {
	[DEGREE_NONE] = "none",
	[DEGREE_ASSOCIATE] = "associate",
	[DEGREE_BACHELOR] = "bachelor",
	[DEGREE_MASTER] = "master",
	[DEGREE_DOCTORATE] = "doctorate",
};

/* Products that follow "MS" and are not fields of study. */
static const char *const not_fields[] = {
	"Office", "Excel", "Word", "SQL", "Project", "Teams", "Access",
	"Dynamics", "Azure", "Visio", "Outlook", "PowerPoint", "Windows",
	"Exchange", "SharePoint", "DOS", "Paint",
};

/* Degree-type words before "in" ("Bachelor of Science in X"). */
static const char *const degree_kinds[] = {
	"Science", "Arts", "Engineering", "Applied Science", "Technology",
	"Business Administration", "Computer Applications", "Laws",
	"Philosophy", "Fine Arts", "Commerce", "Education",
};

static const char *const training_words[] = {
	"course", "courses", "training", "bootcamp", "workshop",
	"coursera", "udemy", "pluralsight", "edx", "nanodegree",
};

const char *credentials_level_name(enum degree_level level)
{
	return (unsigned)level <= DEGREE_DOCTORATE ? level_names[level] :
						      "none";
}

/* Is the character ending just before off a letter or digit?  Bytes of
 * other characters are not word bytes here ("•MS in ..." opens with a
 * bullet glued to the degree). */
static bool word_before(const char *t, uint32_t off)
{
	const char *p;
	gunichar u;

	if (off == 0)
		return false;
	if ((unsigned char)t[off - 1] < 0x80)
		return g_ascii_isalnum(t[off - 1]);
	p = g_utf8_find_prev_char(t, t + off);
	if (!p)
		return false;
	u = g_utf8_get_char_validated(p, t + off - p);
	return u != (gunichar)-1 && u != (gunichar)-2 && g_unichar_isalnum(u);
}

/* Is a letter or digit at off? */
static bool word_after(const char *t, uint32_t end, uint32_t off)
{
	gunichar u;

	if (off >= end)
		return false;
	if ((unsigned char)t[off] < 0x80)
		return g_ascii_isalnum(t[off]);
	u = g_utf8_get_char_validated(t + off, end - off);
	return u != (gunichar)-1 && u != (gunichar)-2 && g_unichar_isalnum(u);
}

/* Does name match at off?  A space in name matches a run of white
 * space, line breaks included (text laid out one word a line still
 * says "Master of Science"); case is ignored unless exact.  *n gets the
 * length matched. */
static bool name_at(const char *t, uint32_t end, uint32_t off,
		    const char *name, bool exact, uint32_t *n)
{
	const unsigned char *q = (const unsigned char *)name;
	uint32_t i = off;

	for (; *q; q++) {
		if (*q == ' ') {
			uint32_t ws = i;

			while (i < end && i - ws < 8 &&
			       (t[i] == ' ' || t[i] == '\n' || t[i] == '\t'))
				i++;
			if (i == ws)
				return false;
			continue;
		}
		if (i >= end || (exact ? (unsigned char)t[i] != *q :
				 scan_lower(t[i]) != scan_lower(*q)))
			return false;
		i++;
	}
	if (scan_is_word(q[-1]) && word_after(t, end, i))
		return false;
	*n = i - off;
	return true;
}

static bool match_case(const char *t, uint32_t end, uint32_t off,
		       const char *p)
{
	uint32_t n;

	return name_at(t, end, off, p, true, &n);
}

/* What may follow an abbreviation or a bare "Master": "MS in", "MS (",
 * "MS, Computer", "MS Computer Science", "Associate : Accounting";
 * strict takes only "in", "of", "degree", "(Hons" and ":".  After
 * "(BS" a ")" will do: "Business Analytics (BS)". */
static bool followed_like_degree(const char *t, uint32_t end, uint32_t s,
				 uint32_t p, bool strict)
{
	size_t i;

	if (p >= end)
		return false;
	if (t[p] == ')' && s > 0 && t[s - 1] == '(')
		return true;
	if (t[p] == ':' || (t[p] == ' ' && p + 1 < end && t[p + 1] == ':'))
		return true;
	if (scan_word_at(t, end, p, "(Hons") ||
	    scan_word_at(t, end, p + 1, "(Hons"))
		return true;
	if (!strict && (t[p] == '(' ||
			(t[p] == ',' && p + 2 < end && t[p + 1] == ' ' &&
			 g_ascii_isupper(t[p + 2]))))
		return true;
	if ((t[p] != ' ' && t[p] != '\n') || p + 1 >= end)
		return false;
	p++;
	if (scan_word_at(t, end, p, "in") || scan_word_at(t, end, p, "of") ||
	    scan_word_at(t, end, p, "degree"))
		return true;
	if (strict)
		return false;
	if (t[p] == '(' || scan_word_at(t, end, p, "Hons"))
		return true;
	if (!g_ascii_isupper(t[p]) || p + 1 >= end ||
	    !g_ascii_islower(t[p + 1]))
		return false;
	for (i = 0; i < G_N_ELEMENTS(not_fields); i++)
		if (match_case(t, end, p, not_fields[i]))
			return false;
	return true;
}

/* The degree named at off, and the flags of its table entry. */
static enum degree_level degree_at(const char *t, uint32_t end, uint32_t off,
				   uint32_t *len, unsigned *flags)
{
	size_t i;
	uint32_t n;

	if (off >= end)
		return DEGREE_NONE;
	for (i = 0; i < G_N_ELEMENTS(degree_names); i++) {
		const struct degree_name *dn = &degree_names[i];

		if (scan_lower(t[off]) != scan_lower(dn->name[0]))
			continue;
		if (!name_at(t, end, off, dn->name, dn->flags & DG_CASE, &n))
			continue;
		/* "Ph.D" must not be "Ph.D." cut short, nor "B.S" of "B.Sc" */
		if (off + n < end && g_ascii_isalpha(t[off + n]) &&
		    !g_ascii_isalpha(t[off + n - 1]) && t[off + n - 1] != '-')
			continue;
		if ((dn->flags & DG_FOLLOW) &&
		    !followed_like_degree(t, end, off, off + n,
					  dn->flags & DG_STRICT))
			continue;
		/* "Dr. Jane Roe": a title before a name. */
		if ((dn->flags & DG_TITLE) &&
		    !(off + n + 1 < end && t[off + n] == ' ' &&
		      g_ascii_isupper(t[off + n + 1])))
			continue;
		*len = n;
		*flags = dn->flags;
		return dn->level;
	}
	return DEGREE_NONE;
}

enum degree_level credentials_degree_at(const char *t, uint32_t end,
					uint32_t off, uint32_t *len)
{
	unsigned flags;

	return degree_at(t, end, off, len, &flags);
}

/* The field of study after a degree's words ending at p. */
static struct span degree_field(const char *t, uint32_t end, uint32_t p)
{
	uint32_t s, e, words = 0;
	size_t i;

	end = scan_line_end_near(t, end, p, 200);
	while (p < end && strchr(" ,-:(", t[p]))
		p++;
	if (scan_word_at(t, end, p, "Hons")) {
		p += 4;
		while (p < end && strchr(" ,-:().", t[p]))
			p++;
	}
	if (scan_word_at(t, end, p, "degree"))
		p += 6;
	while (p < end && t[p] == ' ')
		p++;
	for (i = 0; i < G_N_ELEMENTS(degree_kinds); i++) {
		size_t n = strlen(degree_kinds[i]);

		if (scan_word_at(t, end, p, degree_kinds[i]) &&
		    (scan_word_at(t, end, p + n + 1, "in") ||
		     scan_word_at(t, end, p + n + 1, "of")) &&
		    t[p + n] == ' ') {
			p += n + 4;
			break;
		}
	}
	while (p < end && t[p] == ' ')
		p++;
	if (scan_word_at(t, end, p, "in") || scan_word_at(t, end, p, "of"))
		p += 3;
	s = p;
	for (e = p; e < end; e++) {
		if (strchr(",(|;\t", t[e]) || g_ascii_isdigit(t[e]))
			break;
		if (t[e] == ' ' && (scan_word_at(t, end, e + 1, "at") ||
				    scan_word_at(t, end, e + 1, "from") ||
				    (e + 1 < end && t[e + 1] == '-'))) {
			break;
		}
		if (t[e] == ' ' && ++words >= 6)
			break;
	}
	scan_trim(t, &s, &e);
	while (e > s && strchr(".-", t[e - 1]))
		e--;
	if (s >= e || !g_ascii_isalpha(t[s]))
		return (struct span){ 0, 0 };
	return (struct span){ s, e };
}

/* Items kept per list: more is a list of everything, not credentials,
 * and the overlap checks below are linear. */
#define ITEMS_MAX 100

static bool overlaps(const GArray *spans, struct span x)
{
	guint i;

	for (i = 0; i < spans->len; i++) {
		const struct span *s = &g_array_index(spans, struct span, i);

		if (s->start < x.end && x.start < s->end)
			return true;
	}
	return false;
}

/* A year 1950-2099 in [s, e). */
static bool has_year(const char *t, uint32_t s, uint32_t e)
{
	uint32_t p;

	for (p = s; p + 4 <= e; p++)
		if ((p == s || !g_ascii_isdigit(t[p - 1])) &&
		    ((t[p] == '1' && t[p + 1] == '9' && t[p + 2] >= '5') ||
		     (t[p] == '2' && t[p + 1] == '0')) &&
		    g_ascii_isdigit(t[p + 2]) && g_ascii_isdigit(t[p + 3]) &&
		    (p + 4 == e || !g_ascii_isdigit(t[p + 4])))
			return true;
	return false;
}

/* Words saying a degree was never finished ("credits toward a BSc"), or
 * is still under way with no end ("2019 - Present"). */
static const char *const unfinished_words[] = {
	"toward", "towards", "incomplete", "unfinished", "not completed",
	"present", "ongoing", "current", "currently", "now", "in curso",
};

/* Words saying it is under way with an end in view: "Expected May
 * 2018" counts, an undated "(in progress)" does not. */
static const char *const prospective_words[] = {
	"expected", "in progress", "pursuing", "candidate", "anticipated",
	"graduating", "to be completed", "en curso",
};

/* Is the degree at [ds, de) earned?  Read its entry: its line from
 * after the previous degree (lo), and the next line too when its own
 * has no year, never past the next degree (hi). */
static bool degree_earned(const char *t, uint32_t lo, uint32_t ds,
			  uint32_t de, uint32_t hi)
{
	uint32_t s = scan_line_start(t, ds, 200), e;

	if (s < lo)
		s = lo;
	e = scan_line_end_near(t, hi, de, 200);
	if (!has_year(t, s, e) && e < hi)
		e = scan_line_end_near(t, hi, e + 1, 200);
	if (scan_has_any(t, s, e, unfinished_words,
			 G_N_ELEMENTS(unfinished_words)))
		return false;
	if (scan_has_any(t, s, e, prospective_words,
			 G_N_ELEMENTS(prospective_words)))
		return has_year(t, s, e);
	return true;
}

/* Degrees in [s, e); header: the lines before any heading, where "Dr."
 * before a name is a title. */
static void find_degrees(const char *t, uint32_t s, uint32_t e, bool header,
			 struct credentials *c)
{
	struct {
		uint32_t s, e;
		enum degree_level lv;
		bool title;
	} found[32];
	enum degree_level lv;
	unsigned flags, n_found = 0, i;
	uint32_t p, n, lo;

	for (p = s; p < e && n_found < G_N_ELEMENTS(found); p++) {
		if (((unsigned char)t[p] & 0xC0) == 0x80 ||
		    !(g_ascii_isalpha(t[p]) || (unsigned char)t[p] >= 0x80) ||
		    word_before(t, p))
			continue;
		lv = degree_at(t, e, p, &n, &flags);
		if (lv == DEGREE_NONE || ((flags & DG_TITLE) && !header))
			continue;
		found[n_found].s = p;
		found[n_found].e = p + n;
		found[n_found].title = flags & DG_TITLE;
		found[n_found++].lv = lv;
		p += n - 1;
	}
	for (i = 0, lo = s; i < n_found; lo = found[i++].e) {
		uint32_t ds = found[i].s, de = found[i].e;
		uint32_t hi = i + 1 < n_found ? found[i + 1].s : e;

		if (!degree_earned(t, lo, ds, de, hi))
			continue;
		if (c->degrees->len < ITEMS_MAX)
			g_array_append_val(c->degrees,
					   ((struct span){ ds, de }));
		if (found[i].lv > c->level) {
			c->level = found[i].lv;
			c->degree = (struct span){ ds, de };
			c->field = found[i].title ? (struct span){ 0, 0 } :
						    degree_field(t, e, de);
		}
	}
}

static bool capitalised_at(const char *t, uint32_t p, uint32_t end)
{
	return p < end && (g_ascii_isupper(t[p]) || g_ascii_isdigit(t[p]));
}

/* "AWS Certified Solutions Architect - Associate", "Certified Kubernetes
 * Administrator (CKA)": capitalised words around "Certified". */
static void find_certified(const char *t, uint32_t len, GArray *hits)
{
	uint32_t p = 0, at, s, e, ls, le, q;
	unsigned words;

	while (p < len && hits->len < ITEMS_MAX &&
	       scan_find(t, p, len, "certified", &at)) {
		p = at + 9;
		ls = scan_line_start(t, at, 200);
		le = scan_line_end_near(t, len, at, 200);
		s = at;
		for (words = 0; words < 3 && s > ls + 1 && t[s - 1] == ' ';
		     words++) {
			q = s - 1;
			while (q > ls && t[q - 1] != ' ')
				q--;
			if (!capitalised_at(t, q, le) ||
			    scan_word_at(t, le, q, "I"))
				break;
			s = q;
		}
		e = at + 9;
		for (words = 0; words < 6 && e + 1 < le && t[e] == ' ' &&
		     (capitalised_at(t, e + 1, le) ||
		      (t[e + 1] == '-' && e + 3 < le)); words++) {
			q = e + 1;
			if (t[q] == '-')
				q = e + 2 < le && t[e + 2] == ' ' ? e + 3 : q;
			while (q < le && t[q] != ' ' && t[q] != ',' &&
			       t[q] != ';')
				q++;
			e = q;
		}
		while (e > at + 9 && strchr(".,:", t[e - 1]))
			e--;
		if (s == at && e == at + 9)
			continue;	/* "certified in" */
		if (!g_ascii_isupper(t[at]) && s == at)
			continue;
		if (!overlaps(hits, (struct span){ s, e }))
			g_array_append_val(hits, ((struct span){ s, e }));
	}
}

static bool heading_says_training(const char *t, const struct section *sec)
{
	static const char *const words[] = {
		"training", "trainings", "course", "courses", "coursework",
		"development", "continuing",
	};
	size_t i;
	uint32_t at;

	for (i = 0; i < G_N_ELEMENTS(words); i++)
		if (scan_find(t, sec->heading.start, sec->heading.end,
			      words[i], &at) &&
		    !scan_find(t, sec->heading.start, sec->heading.end,
			       "certif", &at))
			return true;
	return false;
}

/* Words that carry a certification's name on to the next line
 * ("Azure Developer" / "Associate (2023)"). */
static const char *const continuations[] = {
	"associate", "professional", "expert", "specialty", "speciality",
	"level", "practitioner", "enterprise", "edition",
};

/* Strip a bullet from the start of [*s, e). */
static bool strip_bullet(const char *t, uint32_t *s, uint32_t e)
{
	bool had = false;

	if (e - *s >= 3 && (memcmp(t + *s, "\xe2\x80\xa2", 3) == 0 ||
			    memcmp(t + *s, "\xef\x82\xb7", 3) == 0)) {
		*s += 3;
		had = true;
	}
	while (*s < e && strchr("-*> ", t[*s])) {
		had = had || t[*s] != ' ';
		(*s)++;
	}
	return had;
}

/* Separators between items on one line: ";", " | ", a bullet, or the
 * end of a sentence (". " before a capital). */
static uint32_t item_sep(const char *t, uint32_t p, uint32_t e)
{
	if (t[p] == ';')
		return 1;
	if (e - p >= 3 && memcmp(t + p, " | ", 3) == 0)
		return 3;
	if (e - p >= 3 && memcmp(t + p, "\xe2\x80\xa2", 3) == 0)
		return 3;
	if (e - p >= 3 && t[p] == '.' && t[p + 1] == ' ' &&
	    g_ascii_isupper(t[p + 2]))
		return 2;
	return 0;
}

static void add_piece(const char *t, uint32_t s, uint32_t e, GArray *into)
{
	unsigned letters = 0;
	uint32_t i;

	scan_trim(t, &s, &e);
	while (e > s && strchr(".,", t[e - 1]))
		e--;
	for (i = s; i < e; i++)
		letters += g_ascii_isalpha(t[i]) != 0;
	if (letters >= 3 && e - s <= 200 && into->len < ITEMS_MAX)
		g_array_append_val(into, ((struct span){ s, e }));
}

/* The items of a certifications or training section: one a line, a line
 * that wraps the one before joined to it (it starts small, with "(" or a
 * level word, or the line before ran long and stopped on a word or a
 * comma, not a year or a full stop), several on a line split at
 * separators. */
static void section_items(const char *t, const struct section *sec,
			  GArray *into)
{
	uint32_t ls, le, s, e, is = 0, ie = 0, p, n, prev_len = 0;
	bool have = false, bullet;
	size_t k;

	for (ls = sec->body.start; ls <= sec->body.end; ls = le + 1) {
		bool cont = false;

		if (ls < sec->body.end) {
			le = scan_line_end(t, sec->body.end, ls);
			s = ls;
			e = le;
			scan_trim(t, &s, &e);
			bullet = strip_bullet(t, &s, e);
			if (s == e)
				continue;
			for (k = 0; k < G_N_ELEMENTS(continuations); k++)
				if (scan_word_at(t, e, s, continuations[k]))
					cont = true;
			cont = have && !bullet &&
			       (cont || g_ascii_islower(t[s]) || t[s] == '(' ||
				g_ascii_isdigit(t[s]) ||
				(prev_len >= 30 && (g_ascii_isalpha(t[ie - 1]) ||
						    strchr(",-&/", t[ie - 1]))));
			if (cont) {
				prev_len = e - s;
				ie = e;
				continue;
			}
		} else {
			le = sec->body.end;
			s = e = le;
		}
		/* The item [is, ie) is complete: split it. */
		if (have) {
			for (p = n = is; p < ie; p++) {
				uint32_t w = item_sep(t, p, ie);

				if (!w)
					continue;
				add_piece(t, n, p, into);
				n = p + w;
				p = n - 1;
			}
			add_piece(t, n, ie, into);
		}
		if (s == e)
			break;
		is = s;
		ie = e;
		prev_len = e - s;
		have = true;
	}
}

/* The piece of its line a hit outside every item belongs to. */
static struct span hit_unit(const char *t, uint32_t len, struct span h)
{
	uint32_t s = scan_line_start(t, h.start, 200);
	uint32_t e = scan_line_end_near(t, len, h.end, 200), p, w, n = s;
	struct span u = { s, e };

	for (p = s; p < e; p++) {
		if (!(w = item_sep(t, p, e)))
			continue;
		if (p + w <= h.start)
			n = p + w;
		else if (p >= h.end) {
			e = p;
			break;
		}
	}
	u.start = n;
	u.end = e;
	return u;
}

/* The same certification named twice: one name is the other, or the
 * start of it ("MuleSoft Certified Developer" and "... - Level 1"). */
static bool same_text(const char *t, struct span a, struct span b)
{
	uint32_t la = a.end - a.start, lb = b.end - b.start;
	uint32_t n = la < lb ? la : lb;

	if (g_ascii_strncasecmp(t + a.start, t + b.start, n) != 0)
		return false;
	return la == lb || (la < lb ? !scan_is_word(t[b.start + n]) :
				      !scan_is_word(t[a.start + n]));
}

/* Certifications: every item of a certifications section, and each
 * named one (rule set's names, "Certified X") outside them, once per
 * name and once per item or line piece. */
static void merge_certs(const char *t, uint32_t len, const GArray *items,
			const GArray *hits, GArray *certs)
{
	g_autoptr(GArray) kept = g_array_new(FALSE, FALSE,
					     sizeof(struct span));
	g_autoptr(GArray) units = g_array_new(FALSE, FALSE,
					      sizeof(struct span));
	guint i, j;

	g_array_append_vals(certs, items->data, items->len);
	for (i = 0; i < hits->len; i++) {
		struct span h = g_array_index(hits, struct span, i);

		if (overlaps(items, h))
			g_array_append_val(kept, h);
	}
	for (i = 0; i < hits->len && certs->len < ITEMS_MAX; i++) {
		struct span h = g_array_index(hits, struct span, i), u;
		bool dup = false;

		if (overlaps(items, h))
			continue;
		for (j = 0; j < kept->len && !dup; j++)
			dup = same_text(t, h, g_array_index(kept, struct span,
							    j));
		u = hit_unit(t, len, h);
		for (j = 0; j < units->len && !dup; j++) {
			struct span v = g_array_index(units, struct span, j);

			dup = v.start == u.start && v.end == u.end;
		}
		if (dup)
			continue;
		g_array_append_val(kept, h);
		g_array_append_val(units, u);
		g_array_append_val(certs, h);
	}
}

void credentials_find(const struct doc *d, const GArray *sections,
		      const struct facts_config *cfg, struct credentials *c)
{
	g_autoptr(GArray) items = g_array_new(FALSE, FALSE,
					      sizeof(struct span));
	g_autoptr(GArray) titems = g_array_new(FALSE, FALSE,
					       sizeof(struct span));
	g_autoptr(GArray) hits = g_array_new(FALSE, FALSE,
					     sizeof(struct span));
	const char *t;
	uint32_t len, at;
	bool has_edu = false;
	guint i;

	memset(c, 0, sizeof(*c));
	c->degrees = g_array_new(FALSE, FALSE, sizeof(struct span));
	c->certs = g_array_new(FALSE, FALSE, sizeof(struct span));
	c->trainings = g_array_new(FALSE, FALSE, sizeof(struct span));
	if (!d->text || !d->text->len)
		return;
	t = d->text->str;
	len = d->text->len;
	for (i = 0; i < sections->len; i++)
		if (g_array_index(sections, struct section, i).kind ==
		    SECTION_EDUCATION)
			has_edu = true;
	for (i = 0; i < sections->len; i++) {
		const struct section *s =
			&g_array_index(sections, struct section, i);
		uint32_t zs = s->body.start, ze = s->body.end;

		/* Unlabelled headings after "Education" are its entries
		 * ("M.S. in Computer Science" set as a heading): the
		 * education reaches to the next labelled section. */
		if (s->kind == SECTION_EDUCATION)
			for (; i + 1 < sections->len; i++) {
				const struct section *o = &g_array_index(
					sections, struct section, i + 1);

				if (o->kind != SECTION_OTHER)
					break;
				ze = o->body.end;
			}
		if (!has_edu || s->kind == SECTION_EDUCATION ||
		    s->kind == SECTION_UNKNOWN || s->kind == SECTION_SUMMARY ||
		    s->kind == SECTION_CERTIFICATIONS)
			find_degrees(t, zs, ze, s->kind == SECTION_UNKNOWN &&
						s->body.start == 0, c);
	}
	/* The rule set's certification names (the first mention, or the
	 * one in a certifications section), "Certified X" phrases, and
	 * the items of certifications and training sections. */
	for (i = 0; i < sections->len; i++) {
		const struct section *s =
			&g_array_index(sections, struct section, i);

		if (s->kind != SECTION_CERTIFICATIONS)
			continue;
		section_items(t, s, heading_says_training(t, s) ? titems :
								 items);
	}
	for (i = 0; cfg && cfg->certifications &&
		    i < cfg->certifications->len; i++) {
		const char *name = g_ptr_array_index(cfg->certifications, i);
		uint32_t from = 0, first = G_MAXUINT32;
		struct span sp;
		int tries;

		if (!name || !name[0])
			continue;
		for (tries = 0; tries < 8 && scan_find(t, from, len, name, &at);
		     tries++) {
			sp = (struct span){ at, at + (uint32_t)strlen(name) };
			if (first == G_MAXUINT32)
				first = at;
			if (overlaps(items, sp)) {
				first = at;
				break;
			}
			from = sp.end;
		}
		if (first == G_MAXUINT32)
			continue;
		sp = (struct span){ first, first + (uint32_t)strlen(name) };
		if (hits->len < ITEMS_MAX && !overlaps(hits, sp))
			g_array_append_val(hits, sp);
	}
	find_certified(t, len, hits);
	merge_certs(t, len, items, hits, c->certs);
	for (i = 0; i < titems->len; i++) {
		struct span sp = g_array_index(titems, struct span, i);

		if (!overlaps(c->certs, sp) && c->trainings->len < ITEMS_MAX)
			g_array_append_val(c->trainings, sp);
	}
	/* Course lines in education. */
	for (i = 0; i < sections->len; i++) {
		const struct section *s =
			&g_array_index(sections, struct section, i);
		uint32_t ls, le;
		size_t k;

		if (s->kind != SECTION_EDUCATION)
			continue;
		for (ls = s->body.start; ls < s->body.end &&
		     c->trainings->len < ITEMS_MAX; ls = le + 1) {
			struct span sp;

			le = scan_line_end(t, s->body.end, ls);
			for (k = 0; k < G_N_ELEMENTS(training_words); k++)
				if (scan_find(t, ls, le, training_words[k],
					      &at))
					break;
			if (k == G_N_ELEMENTS(training_words))
				continue;
			sp = (struct span){ ls, le };
			scan_trim(t, &sp.start, &sp.end);
			if (!overlaps(c->trainings, sp) &&
			    !overlaps(c->certs, sp) &&
			    !overlaps(c->degrees, sp))
				g_array_append_val(c->trainings, sp);
		}
	}
}

void credentials_release(struct credentials *c)
{
	if (c->degrees)
		g_array_unref(c->degrees);
	if (c->certs)
		g_array_unref(c->certs);
	if (c->trainings)
		g_array_unref(c->trainings);
	memset(c, 0, sizeof(*c));
}
