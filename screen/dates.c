/*
 * dates.c - date ranges, the roles they date, and merged years of
 * experience (see dates.h).
 *
 * Forms read: "Jan 2019 - Present", "January 2019 to March 2021",
 * "Sept. 2016 - current", "Jan '19 - Dec '20", "01/2019 - 03/2021",
 * "01.2019 - 03.2021", "01/19 - 03/21", "2019 - 2021", "2019-21",
 * "2018 - now", "March 2019 to date", "Since 2018", "Summer 2017" (alone:
 * that summer), "Summer 2017 - Fall 2018", "June - August 2019" (one
 * year for both), "15 March 2019 - ...", "March 15, 2019 - ..." (the day
 * dropped), "4th Feb 2021", "Oct'2017 to till date", "Seit 05/2019",
 * and in an experience section one date on a role's header line
 * ("Groundworker 2017": that year).  Text extraction loses dashes and
 * breaks lines, so two dates side by side in order are a range ("Mar
 * 2021 Present"), a range may break once around its dash ("Jan 2019 -"
 * / "Mar 2021"), and a start opening a line with words after its dash
 * ends at a date opening the next line (a date column read across).
 * Forms not read: numeric dates with a day ("01/02/2019"), ISO months
 * ("2019-03"), "03-2019", academic years ("2019/20"), "between 2019 and
 * 2021", "Q1 2019", "Jan 19" without an apostrophe, month names in other
 * languages, durations without dates ("five years at Acme").
 *
 * Counting: a year alone starts in January and, as an end, ends before
 * January of that year ("2019 - 2021" is two years); a month is counted
 * whole; "present" is the month dates_present() gives, counted whole.
 * Impossible ranges are kept with their problem and never counted.
 * Must not know rule sets: relevance words come from facts_config.
 */
#include <string.h>

#include "dates.h"
#include "scan.h"
#include "sections.h"

/* One date as written. */
struct pdate {
	int year;
	int month;		/* 1-12, 0 when only the year is given */
	int last;		/* last month a season covers, else month */
	enum date_style style;
	bool present;
};

static const struct month_name {
	const char *name;
	int month;
	enum date_style style;
} month_names[] = {
	{ "january", 1, DATE_STYLE_MONTH }, { "jan", 1, DATE_STYLE_MON },
	{ "february", 2, DATE_STYLE_MONTH }, { "feb", 2, DATE_STYLE_MON },
	{ "march", 3, DATE_STYLE_MONTH }, { "mar", 3, DATE_STYLE_MON },
	{ "april", 4, DATE_STYLE_MONTH }, { "apr", 4, DATE_STYLE_MON },
	/* "May" is both styles: it never makes dates look mixed. */
	{ "may", 5, DATE_STYLE_NONE },
	{ "june", 6, DATE_STYLE_MONTH }, { "jun", 6, DATE_STYLE_MON },
	{ "july", 7, DATE_STYLE_MONTH }, { "jul", 7, DATE_STYLE_MON },
	{ "august", 8, DATE_STYLE_MONTH }, { "aug", 8, DATE_STYLE_MON },
	{ "september", 9, DATE_STYLE_MONTH }, { "sept", 9, DATE_STYLE_MON },
	{ "sep", 9, DATE_STYLE_MON },
	{ "october", 10, DATE_STYLE_MONTH }, { "oct", 10, DATE_STYLE_MON },
	{ "november", 11, DATE_STYLE_MONTH }, { "nov", 11, DATE_STYLE_MON },
	{ "december", 12, DATE_STYLE_MONTH }, { "dec", 12, DATE_STYLE_MON },
};

static const struct season_name {
	const char *name;
	int first, last;
} season_names[] = {
	{ "spring", 3, 5 }, { "summer", 6, 8 }, { "autumn", 9, 11 },
	{ "fall", 9, 11 }, { "winter", 1, 2 },
};

/* Words meaning "up to now" at the end of a range. */
static const char *const present_words[] = {
	"present", "current", "currently", "now", "today", "ongoing",
	"date", "presently",
};

/* Bytes to the end of a line searched for the next one's date. */
#define LINE_NEXT_MAX 160

/* Words opening a range that runs to now: "Since 2019", and the same
 * word in a few languages whose resumes write dates in digits
 * ("Seit 05/2019"). */
static const char *const since_words[] = {
	"since", "seit", "depuis", "desde",
};

/* Words between the two ends of a range (after any dash). */
static const char *const range_words[] = {
	"to", "until", "till", "through", "thru",
};

/* Words in a role's header that make it a study, not a job. */
static const char *const study_words[] = {
	"bachelor", "bachelors", "master", "masters", "degree", "bsc",
	"msc", "phd", "diploma", "graduated", "gpa", "b.sc", "m.sc", "b.s.",
	"m.s.", "ba", "ma", "mba", "beng", "meng", "coursework", "student",
	"a-levels", "gcse", "high school", "expected graduation",
};

/* Places of study: a study there unless the header names a job
 * ("Research Assistant, University of X", "Systems Engineer, X
 * College"). */
static const char *const school_words[] = {
	"university", "college", "school", "academy", "institute",
	"polytechnic",
};

/* Words in a role's header that make it something other than paid work:
 * volunteering, religious service, time between jobs. */
static const char *const not_work_words[] = {
	"volunteer", "volunteering", "voluntary", "missionary",
	"career break", "job seeking", "job search", "sabbatical",
	"parental leave", "maternity leave", "paternity leave",
	"unemployed", "unemployment", "gap year",
};

/* Words that make a line segment a job title. */
static const char *const title_words[] = {
	"engineer", "developer", "manager", "analyst", "consultant",
	"architect", "lead", "specialist", "administrator", "intern",
	"director", "officer", "designer", "scientist", "programmer",
	"tester", "head", "coordinator", "technician", "associate",
	"assistant", "owner", "executive", "president", "founder",
	"supervisor", "advisor", "contractor", "freelancer", "freelance",
	"sre", "devops", "support", "trainee", "apprentice", "cto", "cio",
	"vp", "principal", "teacher", "lecturer", "researcher",
	"representative", "administrator", "operator", "integrator",
};

/* Used when the rule set gives no relevant words. */
static const char *const default_relevant[] = {
	"integration", "integrations", "api", "apis", "middleware", "esb",
	"platform", "interface", "interfaces", "etl", "mulesoft", "boomi",
	"kafka", "gateway",
};

static bool at_word_start(const char *t, uint32_t off)
{
	return off == 0 || !scan_is_word((unsigned char)t[off - 1]);
}

/* n digits at p, not followed by another digit; the value or -1. */
static int digits(const char *t, uint32_t p, uint32_t end, unsigned n)
{
	int v = 0;
	unsigned i;

	if (end - p < n)
		return -1;
	for (i = 0; i < n; i++) {
		if (!g_ascii_isdigit(t[p + i]))
			return -1;
		v = v * 10 + (t[p + i] - '0');
	}
	if (p + n < end && g_ascii_isalnum(t[p + n]))
		return -1;
	return v;
}

static int two_digit_year(int yy, int as_of_year)
{
	return yy <= as_of_year % 100 + 1 ? 2000 + yy : 1900 + yy;
}

static uint32_t skip_spaces(const char *t, uint32_t p, uint32_t end)
{
	while (p < end && (t[p] == ' ' || t[p] == '\t'))
		p++;
	return p;
}

/* A four-digit year 1900-2099, or "'19". */
static bool parse_year(const char *t, uint32_t p, uint32_t end,
		       int as_of_year, int *year, uint32_t *next)
{
	int v;

	if (p < end && t[p] == '\'') {
		/* "Oct'2017" as well as "Jan '19" */
		v = digits(t, p + 1, end, 4);
		if (v >= 1900 && v <= 2099) {
			*year = v;
			*next = p + 5;
			return true;
		}
		v = digits(t, p + 1, end, 2);
		if (v < 0)
			return false;
		*year = two_digit_year(v, as_of_year);
		*next = p + 3;
		return true;
	}
	if (!at_word_start(t, p))
		return false;
	v = digits(t, p, end, 4);
	if (v < 1900 || v > 2099)
		return false;
	*year = v;
	*next = p + 4;
	return true;
}

/* A date starting at p: month name or season and year, MM/YYYY, a year
 * alone, or (ends only) a word for "present". */
static bool parse_date(const char *t, uint32_t p, uint32_t end,
		       int as_of_year, bool is_end, struct pdate *d,
		       uint32_t *next)
{
	size_t i;
	int mm, yy;
	uint32_t q;

	memset(d, 0, sizeof(*d));
	if (p >= end)
		return false;
	if (is_end)
		for (i = 0; i < G_N_ELEMENTS(present_words); i++)
			if (scan_word_at(t, end, p, present_words[i])) {
				d->present = true;
				d->style = DATE_STYLE_PRESENT;
				*next = p + strlen(present_words[i]);
				return true;
			}
	if (g_ascii_isalpha(t[p])) {
		unsigned char c0 = scan_lower(t[p]);

		if (!at_word_start(t, p))
			return false;
		for (i = 0; i < G_N_ELEMENTS(month_names); i++)
			if (c0 == month_names[i].name[0] &&
			    scan_word_at(t, end, p, month_names[i].name))
				break;
		if (i < G_N_ELEMENTS(month_names)) {
			d->month = d->last = month_names[i].month;
			d->style = month_names[i].style;
			q = p + strlen(month_names[i].name);
		} else {
			for (i = 0; i < G_N_ELEMENTS(season_names); i++)
				if (c0 == season_names[i].name[0] &&
				    scan_word_at(t, end, p,
						 season_names[i].name))
					break;
			if (i == G_N_ELEMENTS(season_names))
				return false;
			d->month = season_names[i].first;
			d->last = season_names[i].last;
			d->style = DATE_STYLE_SEASON;
			q = p + strlen(season_names[i].name);
		}
		if (q < end && t[q] == '.')
			q++;
		if (q < end && (t[q] == ',' || t[q] == '-'))
			q++;
		q = skip_spaces(t, q, end);
		/* "March 15, 2019": the day is dropped */
		if (d->style != DATE_STYLE_SEASON && q + 3 < end &&
		    g_ascii_isdigit(t[q]) &&
		    (t[q + 1] == ',' || (g_ascii_isdigit(t[q + 1]) &&
					 t[q + 2] == ','))) {
			q += t[q + 1] == ',' ? 2 : 3;
			q = skip_spaces(t, q, end);
		}
		return parse_year(t, q, end, as_of_year, &d->year, next);
	}
	if (!g_ascii_isdigit(t[p]) || !at_word_start(t, p))
		return false;
	/* "15 March 2019", "1. Mai 2019", "4th Feb 2021": the day is
	 * dropped */
	{
		static const char *const ordinals[] = { "st", "nd", "rd", "th" };
		uint32_t q2 = p + 1;

		if (q2 < end && g_ascii_isdigit(t[q2]))
			q2++;
		for (i = 0; i < G_N_ELEMENTS(ordinals); i++)
			if (end - q2 >= 2 &&
			    g_ascii_strncasecmp(t + q2, ordinals[i], 2) == 0) {
				q2 += 2;
				break;
			}
		if (q2 < end && t[q2] == '.')
			q2++;
		if (q2 < end && t[q2] == ' ' && q2 + 1 < end &&
		    g_ascii_isalpha(t[q2 + 1]) &&
		    parse_date(t, q2 + 1, end, as_of_year, false, d, next) &&
		    d->month && d->style != DATE_STYLE_SEASON)
			return true;
		memset(d, 0, sizeof(*d));
	}
	if (p > 0 && (t[p - 1] == '/' || t[p - 1] == '.'))
		return false;
	/* MM/YYYY, MM.YYYY, MM/YY */
	for (i = 1; i <= 2; i++) {
		if (p + i >= end || (t[p + i] != '/' && t[p + i] != '.'))
			continue;
		mm = digits(t, p, p + i, i);
		if (mm < 1 || mm > 12)
			return false;
		yy = digits(t, p + i + 1, end, 4);
		if (yy >= 1900 && yy <= 2099) {
			d->year = yy;
			*next = p + i + 5;
		} else if (t[p + i] == '/' &&
			   (yy = digits(t, p + i + 1, end, 2)) >= 0) {
			d->year = two_digit_year(yy, as_of_year);
			*next = p + i + 3;
		} else {
			return false;
		}
		d->month = d->last = mm;
		d->style = DATE_STYLE_NUMERIC;
		return true;
	}
	if (!parse_year(t, p, end, as_of_year, &d->year, next))
		return false;
	d->style = DATE_STYLE_YEAR;
	return true;
}

/* How the two ends of a range are joined. */
enum sep {
	SEP_NONE = 0,
	SEP_DASH,		/* a dash or "to", "until", ... */
	SEP_BARE,		/* white space alone on one line: a dash lost
				   in extraction ("Mar 2021 Present") */
};

/* A dash at p (ASCII, en, em, figure dash, minus sign: text that was not
 * normalised); its length, or 0. */
static unsigned dash_at(const char *t, uint32_t p, uint32_t end)
{
	static const char *const dashes[] = {
		"\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\x92",
		"\xe2\x88\x92",
	};
	size_t i;

	if (p < end && t[p] == '-')
		return 1;
	for (i = 0; i < G_N_ELEMENTS(dashes); i++)
		if (end - p >= 3 && memcmp(t + p, dashes[i], 3) == 0)
			return 3;
	return 0;
}

/* Spaces and at most one line break: a range broken over two lines
 * ("Jan 2019 -" / "Mar 2021"). */
static uint32_t skip_break(const char *t, uint32_t p, uint32_t end)
{
	p = skip_spaces(t, p, end);
	if (p < end && t[p] == '\n')
		p = skip_spaces(t, p + 1, end);
	return p;
}

/* The separator between two ends: dashes, "to", "until", "to till",
 * ...; *next is where the second end may start. */
static enum sep parse_sep(const char *t, uint32_t p, uint32_t end,
			  uint32_t *next)
{
	bool dash = false;
	size_t i;
	uint32_t q = skip_spaces(t, p, end), r;
	unsigned n;

	/* "Jan 2019" / "- Mar 2021": the dash opens the next line */
	r = skip_break(t, q, end);
	if (r > q && dash_at(t, r, end))
		q = r;
	while ((n = dash_at(t, q, end)) != 0) {
		q += n;
		dash = true;
	}
	q = dash ? skip_break(t, q, end) : skip_spaces(t, q, end);
	for (;;) {
		for (i = 0; i < G_N_ELEMENTS(range_words); i++)
			if (scan_word_at(t, end, q, range_words[i]))
				break;
		if (i == G_N_ELEMENTS(range_words))
			break;
		q = skip_spaces(t, q + strlen(range_words[i]), end);
		dash = true;
	}
	*next = q;
	if (dash)
		return SEP_DASH;
	return q > p ? SEP_BARE : SEP_NONE;
}

static int32_t start_month(const struct pdate *d)
{
	return d->year * 12 + (d->month ? d->month - 1 : 0);
}

/* Exclusive end of d as the end of a range starting at start. */
static int32_t end_month(const struct pdate *d, int32_t start)
{
	if (d->month)
		return d->year * 12 + d->last;
	if (d->year * 12 > start)
		return d->year * 12;
	return (d->year + 1) * 12;
}

/* A month name alone, as in "June - August 2019": the year is the end's
 * (the one before when the start month comes later: "Nov - Feb 2020"). */
static bool month_pair(const char *t, uint32_t p, uint32_t end,
		       int as_of_year, struct date_range *r)
{
	struct pdate b;
	uint32_t q, s, e;
	size_t i;
	int m;

	for (i = 0; i < G_N_ELEMENTS(month_names); i++)
		if (scan_lower(t[p]) == month_names[i].name[0] &&
		    scan_word_at(t, end, p, month_names[i].name))
			break;
	if (i == G_N_ELEMENTS(month_names))
		return false;
	m = month_names[i].month;
	q = p + strlen(month_names[i].name);
	if (q < end && t[q] == '.')
		q++;
	if (parse_sep(t, q, end, &s) != SEP_DASH ||
	    !parse_date(t, s, end, as_of_year, true, &b, &e) ||
	    b.present || !b.month || b.style == DATE_STYLE_SEASON)
		return false;
	memset(r, 0, sizeof(*r));
	r->span = (struct span){ p, e };
	r->start = (m <= b.month ? b.year : b.year - 1) * 12 + m - 1;
	r->start_style = month_names[i].style;
	r->end_style = b.style;
	r->end = end_month(&b, r->start);
	return true;
}

/* True when only spaces stand between the start of its line and p. */
static bool opens_line(const char *t, uint32_t p)
{
	while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\t'))
		p--;
	return p == 0 || t[p - 1] == '\n';
}

/* The end of a range whose start opens a line and whose dash is followed
 * by words ("Jun 2009 - Acme Ltd" / "2011 Manager": a column of dates
 * read across into the text beside it): a date opening the next line,
 * when that date does not start a range of its own. */
static bool end_next_line(const char *t, uint32_t s, uint32_t end,
			  int as_of_year, struct pdate *b, uint32_t *e)
{
	const char *nl;
	uint32_t n, x;

	nl = memchr(t + s, '\n', MIN(end - s, LINE_NEXT_MAX));
	if (!nl)
		return false;
	n = skip_spaces(t, nl - t + 1, end);
	if (!parse_date(t, n, end, as_of_year, true, b, e))
		return false;
	return parse_sep(t, *e, end, &x) != SEP_DASH;
}

/* A range whose first date starts at p. */
static bool parse_range(const char *t, uint32_t p, uint32_t end,
			int as_of_year, struct date_range *r)
{
	struct pdate a, b;
	enum sep sep;
	uint32_t q, s, e;
	int yy;

	if (!parse_date(t, p, end, as_of_year, false, &a, &q))
		return month_pair(t, p, end, as_of_year, r);
	memset(r, 0, sizeof(*r));
	r->start = start_month(&a);
	r->start_style = a.style;
	sep = parse_sep(t, q, end, &s);
	if (sep != SEP_NONE &&
	    parse_date(t, s, end, as_of_year, true, &b, &e) &&
	    /* two dates side by side are a range when in order */
	    (sep == SEP_DASH || b.present || b.year > a.year ||
	     (b.year == a.year && b.month > a.month && a.month))) {
		r->span = (struct span){ p, e };
		r->end_style = b.style;
		r->open = b.present;
		r->end = b.present ? -1 : end_month(&b, r->start);
		return true;
	}
	if (sep == SEP_DASH) {
		/* "2019-21" */
		if (a.style == DATE_STYLE_YEAR &&
		    (yy = digits(t, s, end, 2)) >= 0 && at_word_start(t, s)) {
			b.year = a.year / 100 * 100 + yy;
			b.month = 0;
			r->span = (struct span){ p, s + 2 };
			r->end_style = DATE_STYLE_YEAR;
			r->end = end_month(&b, r->start);
			return true;
		}
		if (opens_line(t, p) &&
		    end_next_line(t, s, end, as_of_year, &b, &e) &&
		    (b.present || b.year >= a.year)) {
			r->span = (struct span){ p, e };
			r->end_style = b.style;
			r->open = b.present;
			r->end = b.present ? -1 : end_month(&b, r->start);
			return true;
		}
	}
	if (a.style == DATE_STYLE_SEASON) {
		r->span = (struct span){ p, q };
		r->end_style = DATE_STYLE_SEASON;
		r->end = a.year * 12 + a.last;
		return true;
	}
	return false;
}

/* Digits, the first letters of month and season names and of "since";
 * every other byte is skipped at once. */
static const bool date_first[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['j'] = 1, ['f'] = 1, ['m'] = 1, ['a'] = 1, ['s'] = 1, ['o'] = 1,
	['n'] = 1, ['d'] = 1, ['w'] = 1,
	['J'] = 1, ['F'] = 1, ['M'] = 1, ['A'] = 1, ['S'] = 1, ['O'] = 1,
	['N'] = 1, ['D'] = 1, ['W'] = 1,
};

static bool may_start_date(unsigned char c)
{
	return date_first[c];
}

bool dates_next(const char *t, uint32_t off, uint32_t end, int as_of_year,
		struct date_range *out)
{
	struct pdate a;
	uint32_t p, q;
	size_t i;

	for (p = off; p < end; p++) {
		unsigned char c = t[p];

		if (!may_start_date(c))
			continue;
		if (c != '\'' && !at_word_start(t, p))
			continue;
		for (i = 0; i < G_N_ELEMENTS(since_words); i++)
			if (scan_word_at(t, end, p, since_words[i]))
				break;
		if (i < G_N_ELEMENTS(since_words)) {
			q = skip_spaces(t, p + strlen(since_words[i]), end);
			if (parse_date(t, q, end, as_of_year, false, &a, &q)) {
				memset(out, 0, sizeof(*out));
				out->span = (struct span){ p, q };
				out->start = start_month(&a);
				out->start_style = a.style;
				out->end_style = DATE_STYLE_PRESENT;
				out->open = true;
				out->end = -1;
				return true;
			}
			continue;
		}
		if (parse_range(t, p, end, as_of_year, out))
			return true;
	}
	return false;
}

void dates_resolve(struct date_range *r, int32_t present, int as_of_year)
{
	int ys, ye;

	if (r->open)
		r->end = present + 1;
	ys = r->start / 12;
	ye = (r->end - 1) / 12;
	r->problem = DATE_OK;
	if (ys < 1950 || ys > as_of_year + 1 ||
	    (!r->open && (ye < 1950 || ye > as_of_year + 1)))
		r->problem = DATE_BAD_YEAR;
	else if (r->start > present)
		r->problem = DATE_FUTURE;
	else if (r->end <= r->start)
		r->problem = DATE_END_BEFORE_START;
	else if (r->end > present + 1)
		r->end = present + 1;	/* "2024 - 2027": not yet */
}

static gint cmp_interval(gconstpointer a, gconstpointer b)
{
	const struct date_interval *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

int32_t dates_merge(GArray *iv)
{
	int32_t total = 0;
	guint i, n = 0;

	g_array_sort(iv, cmp_interval);
	for (i = 0; i < iv->len; i++) {
		struct date_interval *x =
			&g_array_index(iv, struct date_interval, i);
		struct date_interval *last = n ?
			&g_array_index(iv, struct date_interval, n - 1) : NULL;

		if (last && x->start <= last->end) {
			if (x->end > last->end)
				last->end = x->end;
			continue;
		}
		g_array_index(iv, struct date_interval, n++) = *x;
	}
	g_array_set_size(iv, n);
	for (i = 0; i < n; i++) {
		struct date_interval *x =
			&g_array_index(iv, struct date_interval, i);
		total += x->end - x->start;
	}
	return total;
}

int32_t dates_month(const char *iso)
{
	int y, m = 1, i;

	if (!iso)
		return -1;
	for (i = 0, y = 0; i < 4; i++) {
		if (!g_ascii_isdigit(iso[i]))
			return -1;
		y = y * 10 + (iso[i] - '0');
	}
	if (iso[4] == '-' && g_ascii_isdigit(iso[5]) &&
	    g_ascii_isdigit(iso[6])) {
		m = (iso[5] - '0') * 10 + (iso[6] - '0');
		if (m < 1 || m > 12)
			return -1;
	} else if (iso[4]) {
		return -1;
	}
	if (y < 1900 || y > 2999)
		return -1;
	return y * 12 + m - 1;
}

static int32_t today_month(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();

	return g_date_time_get_year(now) * 12 +
	       g_date_time_get_month(now) - 1;
}

int32_t dates_present(const char *doc_date, const char *as_of)
{
	int32_t a = dates_month(as_of), dm = dates_month(doc_date);

	if (a < 0)
		a = today_month();
	return dm >= 0 && dm < a ? dm : a;
}

/* --- roles ------------------------------------------------------------ */

/* A document date before this year is a default, not when it was
 * written: PDF and Word files of resumes are younger. */
#define DOC_YEAR_MIN 1995

/* Lines longer than this are cut for the role header search. */
#define LINE_NEAR 400
/* Date ranges read per document: a resume has a few dozen at most. */
#define ROLES_MAX 200

static uint32_t line_start(const char *t, uint32_t off)
{
	return scan_line_start(t, off, LINE_NEAR);
}

static bool is_bullet(const char *t, uint32_t s, uint32_t e)
{
	if (s >= e)
		return false;
	/* U+2022, and U+F0B7: a Symbol-font bullet some PDFs keep */
	if (e - s >= 3 && (memcmp(t + s, "\xe2\x80\xa2", 3) == 0 ||
			   memcmp(t + s, "\xef\x82\xb7", 3) == 0))
		return true;
	if (strchr("-*>", t[s]))
		return true;
	return t[s] == 'o' && s + 1 < e && t[s + 1] == ' ';
}

/* A line that can be part of a role's header: short, not a bullet, not
 * the end of a sentence. */
static bool header_line(const char *t, uint32_t s, uint32_t e)
{
	scan_trim(t, &s, &e);
	return s < e && e - s <= 100 && !is_bullet(t, s, e) &&
	       t[e - 1] != '.';
}

/* Separators inside a header line: "Engineer | Acme, London". */
static uint32_t seg_sep(const char *t, uint32_t p, uint32_t e)
{
	static const char *const seps[] = {
		" | ", " - ", ", ", " at ", " @ ", " \xe2\x80\xa2 ", "\t",
		" (", ") ", "|", " / ",
	};
	size_t i, n;

	for (i = 0; i < G_N_ELEMENTS(seps); i++) {
		n = strlen(seps[i]);
		if (e - p >= n && memcmp(t + p, seps[i], n) == 0)
			return n;
	}
	return 0;
}

/* Words that make a segment an employer. */
static const char *const employer_words[] = {
	"inc", "inc.", "ltd", "ltd.", "llc", "llp", "corp", "corp.",
	"corporation", "co.", "company", "gmbh", "ag", "plc", "group",
	"university", "bank", "technologies", "solutions", "systems",
	"services", "consulting", "labs", "limited", "s.a.", "bv",
	"partners", "agency", "software", "studio", "hospital",
};

enum { SEG_MAX = 8 };

struct seg {
	struct span at;
	bool title_word, employer_word, range_line;
};

struct seg_pick {
	struct seg seg[SEG_MAX];
	unsigned n;
	bool range_line;	/* segments now come from the range's line */
};

static void pick_segment(const char *t, uint32_t s, uint32_t e,
			 struct seg_pick *pk)
{
	struct seg *sg;
	uint32_t i;
	bool letters = false, upper = true;

	while (s < e && (g_ascii_isspace(t[s]) || strchr(",;:|()", t[s])))
		s++;
	while (e > s && (g_ascii_isspace(t[e - 1]) ||
			 strchr(",;:|()", t[e - 1])))
		e--;
	for (i = s; i < e; i++) {
		if (g_ascii_isalpha(t[i]))
			letters = true;
		if (g_ascii_islower(t[i]))
			upper = false;
	}
	/* Nothing, or "UT", "NY": a state, not a name. */
	if (!letters || e - s < 2 || (e - s == 2 && upper))
		return;
	if (pk->n == SEG_MAX)
		return;
	sg = &pk->seg[pk->n++];
	sg->at = (struct span){ s, e };
	sg->title_word = scan_has_any(t, s, e, title_words,
				 G_N_ELEMENTS(title_words));
	sg->employer_word = scan_has_any(t, s, e, employer_words,
				    G_N_ELEMENTS(employer_words));
	sg->range_line = pk->range_line;
}

/* Split [s, e) (one line, minus the skipped range [ks, ke)) into
 * segments for pick_segment. */
static void pick_line(const char *t, uint32_t s, uint32_t e, uint32_t ks,
		      uint32_t ke, struct seg_pick *pk)
{
	uint32_t p = s, seg = s, n;

	while (p <= e) {
		if (p == ks) {
			pick_segment(t, seg, p, pk);
			p = seg = ke;
			continue;
		}
		n = p < e ? seg_sep(t, p, e) : 0;
		if (p == e || n) {
			pick_segment(t, seg, p, pk);
			if (p == e)
				break;
			p += n;
			seg = p;
			continue;
		}
		p++;
	}
}

/* The title: a segment with a title word (one that does not also name
 * a firm first: "Software Engineer" beats "Acme Software"); else one on
 * the range's line that does not name a firm; else the first that does
 * not.  The employer: one naming a firm; else the first other one off
 * the range's line; else any other. */
static void pick_roles(const struct seg_pick *pk, struct role *r)
{
	int title = -1, emp = -1;
	unsigned i;

	for (i = 0; i < pk->n && title < 0; i++)
		if (pk->seg[i].title_word && !pk->seg[i].employer_word)
			title = i;
	for (i = 0; i < pk->n && title < 0; i++)
		if (pk->seg[i].title_word)
			title = i;
	for (i = 0; i < pk->n && title < 0; i++)
		if (pk->seg[i].range_line && !pk->seg[i].employer_word)
			title = i;
	for (i = 0; i < pk->n && title < 0; i++)
		if (!pk->seg[i].employer_word)
			title = i;
	for (i = 0; i < pk->n && emp < 0; i++)
		if ((int)i != title && pk->seg[i].employer_word)
			emp = i;
	for (i = 0; i < pk->n && emp < 0; i++)
		if ((int)i != title && !pk->seg[i].range_line &&
		    !pk->seg[i].title_word)
			emp = i;
	for (i = 0; i < pk->n && emp < 0; i++)
		if ((int)i != title && !pk->seg[i].title_word)
			emp = i;
	if (title >= 0)
		r->title = pk->seg[title].at;
	if (emp >= 0)
		r->employer = pk->seg[emp].at;
}

/* Title, employer and header start of role r whose range is on the line
 * [ls, le); no header line starts before lowest. */
static void role_header(const char *t, uint32_t len, struct role *r,
			uint32_t ls, uint32_t le, uint32_t lowest,
			uint32_t next_start, uint32_t *head)
{
	struct seg_pick pk = { .n = 0 };
	uint32_t s = ls, ps, pe, n;
	unsigned i;
	int k;

	/* Up to two header lines above, stopping at a blank line. */
	for (k = 0; k < 2 && s > 0; k++) {
		pe = s - 1;
		ps = line_start(t, pe);
		if (ps < lowest || !header_line(t, ps, pe))
			break;
		s = ps;
	}
	*head = s;
	while (s < ls) {
		pe = scan_line_end_near(t, len, s, LINE_NEAR);
		pick_line(t, s, pe, G_MAXUINT32, G_MAXUINT32, &pk);
		s = pe + 1;
	}
	pk.range_line = true;
	pick_line(t, ls, le, r->range.span.start, r->range.span.end, &pk);
	pk.range_line = false;
	/* The title may be the line below the dates. */
	for (i = 0; i < pk.n && !pk.seg[i].title_word; i++)
		;
	if (i == pk.n && le < len) {
		n = scan_line_end_near(t, len, le + 1, LINE_NEAR);
		if (n <= next_start && n - (le + 1) <= 60 &&
		    header_line(t, le + 1, n))
			pick_line(t, le + 1, n, G_MAXUINT32, G_MAXUINT32, &pk);
	}
	pick_roles(&pk, r);
}

/* A role dated by one date on a header line of its own ("Groundworker
 * 2017", "Acme | March 2020"): that year, or that month.  The date must
 * open or close the line and not follow a small word ("promoted in
 * 2019" is an event, not a role). */
static bool single_date_line(const char *t, uint32_t ls, uint32_t le,
			     int as_of_year, struct date_range *out)
{
	struct pdate a;
	uint32_t s = ls, e = le, p, q, tail, w;

	scan_trim(t, &s, &e);
	if (e - s > 80 || !header_line(t, s, e))
		return false;
	for (p = s; p < e; p++) {
		if (!g_ascii_isalnum(t[p]) || !at_word_start(t, p))
			continue;
		if (!parse_date(t, p, e, as_of_year, false, &a, &q))
			continue;
		tail = q;
		while (tail < e && strchr(" )]|,.", t[tail]))
			tail++;
		if (tail != e && p != s) {
			p = q - 1;
			continue;
		}
		/* The word before must not be a small word. */
		w = p;
		while (w > s && !g_ascii_isalpha(t[w - 1]) &&
		       t[w - 1] != '|')
			w--;
		while (w > s && g_ascii_isalpha(t[w - 1]))
			w--;
		if (w < p && g_ascii_islower(t[w]))
			return false;
		memset(out, 0, sizeof(*out));
		out->span = (struct span){ p, q };
		out->start = start_month(&a);
		out->end = a.month ? a.year * 12 + a.last : (a.year + 1) * 12;
		out->start_style = out->end_style = a.style;
		return true;
	}
	return false;
}

static gint cmp_role(gconstpointer a, gconstpointer b)
{
	const struct role *x = a, *y = b;

	return (x->range.span.start > y->range.span.start) -
	       (x->range.span.start < y->range.span.start);
}

/* Add the single-date roles of the lines of sc that hold no range. */
static void single_dates(const char *t, struct span sc, int as_of_year,
			 GArray *roles, guint first)
{
	struct date_range rg;
	uint32_t ls, le;
	guint i = first, n = roles->len;

	for (ls = sc.start; ls < sc.end && roles->len < ROLES_MAX;
	     ls = le + 1) {
		le = scan_line_end(t, sc.end, ls);
		while (i < n && g_array_index(roles, struct role, i)
					.range.span.end <= ls)
			i++;
		if (i < n && g_array_index(roles, struct role, i)
				     .range.span.start < le)
			continue;	/* a range is on this line */
		if (single_date_line(t, ls, le, as_of_year, &rg)) {
			struct role r = { .range = rg, .text = sc };

			g_array_append_val(roles, r);
		}
	}
	g_array_sort(roles, cmp_role);
}

/* A range inside the words of a bullet ("- Led the 2019-2020 migration")
 * dates an event, not a role; a bullet that is a role's header has its
 * dates right after the bullet or at the end of the line. */
static bool in_bullet_text(const char *t, uint32_t len, const struct span *r)
{
	uint32_t ls = line_start(t, r->start), s = ls, e;

	e = scan_line_end_near(t, len, r->end, LINE_NEAR);
	scan_trim(t, &s, &e);
	if (!is_bullet(t, s, e))
		return false;
	while (e > r->end && strchr(" )].,;", t[e - 1]))
		e--;
	if (e == r->end)
		return false;
	/* right after the bullet mark */
	s += (unsigned char)t[s] >= 0x80 ? 3 : 1;
	while (s < r->start && strchr(" (", t[s]))
		s++;
	return s != r->start;
}

/* Whether the role whose header is [s, e) is not counted as work: a
 * study (outside experience sections, where studies are listed apart),
 * volunteering, or time between jobs. */
static bool not_counted(const char *t, uint32_t s, uint32_t e, bool in_exp)
{
	if (scan_has_any(t, s, e, not_work_words,
			 G_N_ELEMENTS(not_work_words)))
		return true;
	if (in_exp)
		return false;
	if (scan_has_any(t, s, e, study_words, G_N_ELEMENTS(study_words)))
		return true;
	return scan_has_any(t, s, e, school_words,
			    G_N_ELEMENTS(school_words)) &&
	       !scan_has_any(t, s, e, title_words,
			     G_N_ELEMENTS(title_words));
}

/* Sections read for roles when there is no experience section: those
 * whose body may list jobs (two-column pages mix a summary or skills
 * column with the jobs beside it). */
static bool may_hold_roles(enum section_kind k)
{
	switch (k) {
	case SECTION_UNKNOWN: case SECTION_OTHER: case SECTION_SUMMARY:
	case SECTION_SKILLS: case SECTION_CONTACT: case SECTION_LANGUAGES:
		return true;
	default:
		return false;
	}
}

/* Where to look for roles: experience sections; else every section that
 * is not plainly about something else. */
static void role_scopes(const struct doc *d, const GArray *sections,
			GArray *scopes, bool *in_exp)
{
	guint i;

	*in_exp = false;
	for (i = 0; i < sections->len; i++) {
		const struct section *s =
			&g_array_index(sections, struct section, i);

		if (s->kind == SECTION_EXPERIENCE) {
			g_array_append_val(scopes, s->body);
			*in_exp = true;
		}
	}
	if (*in_exp)
		return;
	for (i = 0; i < sections->len; i++) {
		const struct section *s =
			&g_array_index(sections, struct section, i);

		if (may_hold_roles(s->kind))
			g_array_append_val(scopes, s->body);
	}
}


/* Words one finds in a job title of any trade: a header without any of
 * them names no title. */
static const char *const job_nouns[] = {
	"engineer", "developer", "programmer", "manager", "analyst",
	"assistant", "consultant", "specialist", "administrator",
	"technician", "director", "officer", "coordinator", "lead", "head",
	"architect", "intern", "associate", "representative", "clerk",
	"accountant", "auditor", "nurse", "teacher", "lecturer", "designer",
	"scientist", "researcher", "founder", "owner", "executive", "agent",
	"operator", "supervisor", "tester", "president",
	"chef", "cook", "driver", "sales", "advisor", "adviser", "trainee",
	"apprentice", "professor", "editor", "writer", "partner",
};

void dates_experience(const struct doc *d, const GArray *sections,
		      const struct facts_config *cfg, struct experience *x)
{
	g_autoptr(GArray) scopes = g_array_new(FALSE, FALSE,
					       sizeof(struct span));
	g_autoptr(GArray) rel = g_array_new(FALSE, FALSE,
					    sizeof(struct date_interval));
	const char *t;
	uint32_t len;
	int32_t as_of, doc_m, max_m = -1;
	int as_of_year;
	bool in_exp;
	guint i, j;

	memset(x, 0, sizeof(*x));
	x->roles = g_array_new(FALSE, FALSE, sizeof(struct role));
	x->merged = g_array_new(FALSE, FALSE, sizeof(struct date_interval));
	x->merged_relevant = g_array_new(FALSE, FALSE,
					 sizeof(struct date_interval));
	x->gaps = g_array_new(FALSE, FALSE, sizeof(struct date_interval));
	as_of = dates_present(NULL, cfg ? cfg->as_of : NULL);
	as_of_year = as_of / 12;
	x->present = as_of;
	if (!d->text || !d->text->len)
		return;
	t = d->text->str;
	len = d->text->len;
	role_scopes(d, sections, scopes, &in_exp);

	for (i = 0; i < scopes->len; i++) {
		struct span sc = g_array_index(scopes, struct span, i);
		uint32_t p = sc.start;
		struct date_range rg;

		while (p < sc.end && x->roles->len < ROLES_MAX &&
		       dates_next(t, p, sc.end, as_of_year, &rg)) {
			struct role r = {
				.range = rg,
				.text = { sc.start, sc.end },
			};

			p = rg.span.end;
			if (in_bullet_text(t, len, &rg.span))
				continue;
			g_array_append_val(x->roles, r);
		}
		if (in_exp) {
			guint k, first = x->roles->len;

			/* first: the roles of this scope found so far */
			for (k = 0; k < x->roles->len; k++)
				if (g_array_index(x->roles, struct role, k)
					    .text.start == sc.start) {
					first = k;
					break;
				}
			single_dates(t, sc, as_of_year, x->roles, first);
		}
	}
	for (i = 0; i < x->roles->len; i++) {
		const struct role *r = &g_array_index(x->roles, struct role, i);

		if (r->range.start > max_m)
			max_m = r->range.start;
		if (!r->range.open && r->range.end - 1 > max_m)
			max_m = r->range.end - 1;
	}
	/* The document's date means "present" unless the text itself goes
	 * past it (a template's old creation date) or it is a tool's
	 * default (1980-01-01, older than the file formats). */
	doc_m = dates_month(d->date);
	if (doc_m >= DOC_YEAR_MIN * 12 && doc_m < as_of && max_m <= doc_m) {
		x->present = doc_m;
		x->doc_date_used = true;
	}

	for (i = 0; i < x->roles->len; i++) {
		struct role *r = &g_array_index(x->roles, struct role, i);
		struct role *prev = i ? r - 1 : NULL;
		struct role *next = i + 1 < x->roles->len ? r + 1 : NULL;
		uint32_t ls = line_start(t, r->range.span.start);
		uint32_t le = scan_line_end_near(t, len, r->range.span.end,
						 LINE_NEAR);
		uint32_t lowest = r->text.start, next_start = r->text.end;
		uint32_t head;

		dates_resolve(&r->range, x->present, as_of_year);
		if (prev && prev->text.end == r->text.end)
			lowest = scan_line_end_near(t, len,
						    prev->range.span.end,
						    LINE_NEAR) + 1;
		if (next && next->text.end == r->text.end)
			next_start = line_start(t, next->range.span.start);
		if (lowest > ls)	/* two ranges on one line */
			lowest = ls;
		role_header(t, len, r, ls, le, lowest, next_start, &head);
		r->text.start = head;
		r->education = not_counted(t, head, le, in_exp);
	}
	/* Each role's text runs to the next one's header. */
	for (i = 0; i + 1 < x->roles->len; i++) {
		struct role *r = &g_array_index(x->roles, struct role, i);

		if (r[1].text.end == r->text.end &&
		    r[1].text.start >= r->text.start)
			r->text.end = r[1].text.start;
	}
	for (i = 0; i < x->roles->len; i++) {
		struct role *r = &g_array_index(x->roles, struct role, i);
		struct date_interval iv = { r->range.start, r->range.end };
		uint32_t ts = r->text.start, te;

		/* Relevance is the role's own: its header (title, employer,
		 * the line of its dates), not what its bullets mention.  A
		 * header with no job title in it ("2020-now" alone, "Acme AS,
		 * Bergen - 2019-present") takes the line after it too: the
		 * title, or the first line of the work. */
		te = scan_line_end_near(t, len, r->range.span.end, LINE_NEAR);
		if (!scan_has_any(t, ts, te, job_nouns,
				  G_N_ELEMENTS(job_nouns)) && te + 1 < len)
			te = scan_line_end_near(t, len, te + 1, LINE_NEAR);
		te = MAX(te, MAX(r->title.end, r->employer.end));
		te = MIN(te, r->text.end);
		if (r->education)
			continue;
		if (r->range.start_style)
			x->styles |= 1u << r->range.start_style;
		if (r->range.end_style && !r->range.open)
			x->styles |= 1u << r->range.end_style;
		if (r->range.problem) {
			x->problems++;
			continue;
		}
		if (cfg && cfg->relevant_titles && cfg->relevant_titles->len)
			r->relevant = scan_has_any(t, ts, te,
				(const char *const *)cfg->relevant_titles->pdata,
				cfg->relevant_titles->len);
		else
			r->relevant = scan_has_any(t, ts, te, default_relevant,
					      G_N_ELEMENTS(default_relevant));
		g_array_append_val(x->merged, iv);
		if (r->relevant)
			g_array_append_val(rel, iv);
	}
	x->months_total = dates_merge(x->merged);
	x->months_relevant = dates_merge(rel);
	g_array_append_vals(x->merged_relevant, rel->data, rel->len);
	for (j = 1; j < x->merged->len; j++) {
		struct date_interval *a =
			&g_array_index(x->merged, struct date_interval, j - 1);
		struct date_interval gap = { a->end, a[1].start };

		g_array_append_val(x->gaps, gap);
	}
}

void dates_experience_release(struct experience *x)
{
	if (x->roles)
		g_array_unref(x->roles);
	if (x->merged)
		g_array_unref(x->merged);
	if (x->merged_relevant)
		g_array_unref(x->merged_relevant);
	if (x->gaps)
		g_array_unref(x->gaps);
	memset(x, 0, sizeof(*x));
}
