/*
 * sections.c - finding and labelling a resume's headings (see sections.h).
 *
 * A heading is a line whose words, once numbering, decoration, a trailing
 * colon and letter-spacing are taken away, are one of the labels below
 * ("Work History", "1. EXPERIENCE:", "E X P E R I E N C E"), or several of
 * them joined by "&", "and", "/" ("Education & Training": the first one
 * names the section).  A line "Skills: Java, Kafka" is a heading with its
 * body on the same line.  A block the source marked as a heading but whose
 * words we do not know ends the section before it only when it is of the
 * same rank as the labelled headings (so a job title in bold stays inside
 * its experience section).  Must not guess: with no labelled heading the
 * whole text is one UNKNOWN section.
 */
#include <string.h>

#include "scan.h"
#include "sections.h"

static const char *const kind_names[SECTION_N] = {
	[SECTION_UNKNOWN] = "unknown",
	[SECTION_OTHER] = "other",
	[SECTION_SUMMARY] = "summary",
	[SECTION_EXPERIENCE] = "experience",
	[SECTION_EDUCATION] = "education",
	[SECTION_SKILLS] = "skills",
	[SECTION_CERTIFICATIONS] = "certifications",
	[SECTION_PROJECTS] = "projects",
	[SECTION_PUBLICATIONS] = "publications",
	[SECTION_REFERENCES] = "references",
	[SECTION_LANGUAGES] = "languages",
	[SECTION_INTERESTS] = "interests",
	[SECTION_AWARDS] = "awards",
	[SECTION_VOLUNTEERING] = "volunteering",
	[SECTION_CONTACT] = "contact",
};

/* Labels as their lowercase letters only, so spacing, case and
 * punctuation do not matter ("WORK  HISTORY:" and "W O R K H I S T O R Y"
 * are both "workhistory"). */
static const struct label {
	const char *key;
	enum section_kind kind;
} labels[] = {
	{ "summary", SECTION_SUMMARY },
	{ "professionalsummary", SECTION_SUMMARY },
	{ "careersummary", SECTION_SUMMARY },
	{ "executivesummary", SECTION_SUMMARY },
	{ "summaryofqualifications", SECTION_SUMMARY },
	{ "profile", SECTION_SUMMARY },
	{ "professionalprofile", SECTION_SUMMARY },
	{ "personalprofile", SECTION_SUMMARY },
	{ "careerprofile", SECTION_SUMMARY },
	{ "objective", SECTION_SUMMARY },
	{ "careerobjective", SECTION_SUMMARY },
	{ "professionalobjective", SECTION_SUMMARY },
	{ "personalstatement", SECTION_SUMMARY },
	{ "aboutme", SECTION_SUMMARY },
	{ "about", SECTION_SUMMARY },
	{ "overview", SECTION_SUMMARY },
	{ "introduction", SECTION_SUMMARY },
	{ "experience", SECTION_EXPERIENCE },
	{ "workexperience", SECTION_EXPERIENCE },
	{ "professionalexperience", SECTION_EXPERIENCE },
	{ "relevantexperience", SECTION_EXPERIENCE },
	{ "employment", SECTION_EXPERIENCE },
	{ "employmenthistory", SECTION_EXPERIENCE },
	{ "employmentexperience", SECTION_EXPERIENCE },
	{ "workhistory", SECTION_EXPERIENCE },
	{ "careerhistory", SECTION_EXPERIENCE },
	{ "career", SECTION_EXPERIENCE },
	{ "professionalbackground", SECTION_EXPERIENCE },
	{ "professionalhistory", SECTION_EXPERIENCE },
	{ "experiences", SECTION_EXPERIENCE },
	{ "industryexperience", SECTION_EXPERIENCE },
	{ "technicalexperience", SECTION_EXPERIENCE },
	{ "education", SECTION_EDUCATION },
	{ "academicbackground", SECTION_EDUCATION },
	{ "academichistory", SECTION_EDUCATION },
	{ "academicqualifications", SECTION_EDUCATION },
	{ "educationalbackground", SECTION_EDUCATION },
	{ "educationalqualifications", SECTION_EDUCATION },
	{ "qualifications", SECTION_EDUCATION },
	{ "academics", SECTION_EDUCATION },
	{ "skills", SECTION_SKILLS },
	{ "technicalskills", SECTION_SKILLS },
	{ "keyskills", SECTION_SKILLS },
	{ "coreskills", SECTION_SKILLS },
	{ "coreknowledge", SECTION_SKILLS },
	{ "corecompetencies", SECTION_SKILLS },
	{ "competencies", SECTION_SKILLS },
	{ "areasofexpertise", SECTION_SKILLS },
	{ "expertise", SECTION_SKILLS },
	{ "technicalexpertise", SECTION_SKILLS },
	{ "technologies", SECTION_SKILLS },
	{ "technology", SECTION_SKILLS },
	{ "techstack", SECTION_SKILLS },
	{ "tools", SECTION_SKILLS },
	{ "skillset", SECTION_SKILLS },
	{ "technicalproficiencies", SECTION_SKILLS },
	{ "proficiencies", SECTION_SKILLS },
	{ "programminglanguages", SECTION_SKILLS },
	{ "certifications", SECTION_CERTIFICATIONS },
	{ "certification", SECTION_CERTIFICATIONS },
	{ "certificates", SECTION_CERTIFICATIONS },
	{ "licenses", SECTION_CERTIFICATIONS },
	{ "licences", SECTION_CERTIFICATIONS },
	{ "training", SECTION_CERTIFICATIONS },
	{ "trainings", SECTION_CERTIFICATIONS },
	{ "courses", SECTION_CERTIFICATIONS },
	{ "coursework", SECTION_CERTIFICATIONS },
	{ "professionaldevelopment", SECTION_CERTIFICATIONS },
	{ "professionalcertifications", SECTION_CERTIFICATIONS },
	{ "continuingeducation", SECTION_CERTIFICATIONS },
	{ "projects", SECTION_PROJECTS },
	{ "keyprojects", SECTION_PROJECTS },
	{ "selectedprojects", SECTION_PROJECTS },
	{ "personalprojects", SECTION_PROJECTS },
	{ "notableprojects", SECTION_PROJECTS },
	{ "publications", SECTION_PUBLICATIONS },
	{ "papers", SECTION_PUBLICATIONS },
	{ "references", SECTION_REFERENCES },
	{ "referees", SECTION_REFERENCES },
	{ "referencesavailableuponrequest", SECTION_REFERENCES },
	{ "referencesavailableonrequest", SECTION_REFERENCES },
	{ "languages", SECTION_LANGUAGES },
	{ "languageskills", SECTION_LANGUAGES },
	{ "interests", SECTION_INTERESTS },
	{ "hobbies", SECTION_INTERESTS },
	{ "activities", SECTION_INTERESTS },
	{ "personalinterests", SECTION_INTERESTS },
	{ "awards", SECTION_AWARDS },
	{ "honors", SECTION_AWARDS },
	{ "honours", SECTION_AWARDS },
	{ "achievements", SECTION_AWARDS },
	{ "keyachievements", SECTION_AWARDS },
	{ "accomplishments", SECTION_AWARDS },
	{ "volunteering", SECTION_VOLUNTEERING },
	{ "volunteer", SECTION_VOLUNTEERING },
	{ "volunteerexperience", SECTION_VOLUNTEERING },
	{ "volunteerwork", SECTION_VOLUNTEERING },
	{ "communityinvolvement", SECTION_VOLUNTEERING },
	{ "contact", SECTION_CONTACT },
	{ "contactinformation", SECTION_CONTACT },
	{ "contactdetails", SECTION_CONTACT },
	{ "personaldetails", SECTION_CONTACT },
	{ "personalinformation", SECTION_CONTACT },
	{ "details", SECTION_CONTACT },
	{ "highlights", SECTION_SUMMARY },
	{ "careerhighlights", SECTION_SUMMARY },
	{ "summaryofexperience", SECTION_SUMMARY },
	{ "profilesummary", SECTION_SUMMARY },
	{ "whoiam", SECTION_SUMMARY },
	/* a letter at the top of the resume is its personal statement */
	{ "coverletter", SECTION_SUMMARY },
	{ "covernote", SECTION_SUMMARY },
	{ "motivation", SECTION_SUMMARY },
	{ "motivationletter", SECTION_SUMMARY },
	{ "letterofmotivation", SECTION_SUMMARY },
	{ "internships", SECTION_EXPERIENCE },
	{ "internship", SECTION_EXPERIENCE },
	{ "internshipexperience", SECTION_EXPERIENCE },
	{ "researchexperience", SECTION_EXPERIENCE },
	{ "teachingexperience", SECTION_EXPERIENCE },
	{ "militaryservice", SECTION_EXPERIENCE },
	{ "militaryexperience", SECTION_EXPERIENCE },
	{ "leadershipexperience", SECTION_EXPERIENCE },
	{ "consultingexperience", SECTION_EXPERIENCE },
	{ "freelanceexperience", SECTION_EXPERIENCE },
	{ "careerexperience", SECTION_EXPERIENCE },
	{ "workexperiences", SECTION_EXPERIENCE },
	{ "professionalexperiences", SECTION_EXPERIENCE },
	{ "experiencesummary", SECTION_EXPERIENCE },
	{ "positionsheld", SECTION_EXPERIENCE },
	{ "softskills", SECTION_SKILLS },
	{ "hardskills", SECTION_SKILLS },
	{ "keycompetencies", SECTION_SKILLS },
	{ "technicalcompetencies", SECTION_SKILLS },
	{ "itskills", SECTION_SKILLS },
	{ "computerskills", SECTION_SKILLS },
	{ "digitalskills", SECTION_SKILLS },
	{ "professionalskills", SECTION_SKILLS },
	{ "additionalskills", SECTION_SKILLS },
	{ "summaryofskills", SECTION_SKILLS },
	{ "skillssummary", SECTION_SKILLS },
	{ "skillsandabilities", SECTION_SKILLS },
	{ "technicalknowledge", SECTION_SKILLS },
	{ "technicalsummary", SECTION_SKILLS },
	{ "toolkit", SECTION_SKILLS },
	{ "keyqualifications", SECTION_SKILLS },
	{ "professionalqualifications", SECTION_CERTIFICATIONS },
	{ "accreditations", SECTION_CERTIFICATIONS },
	{ "licensesandcertifications", SECTION_CERTIFICATIONS },
	{ "certificationsandlicenses", SECTION_CERTIFICATIONS },
	{ "trainingcourses", SECTION_CERTIFICATIONS },
	{ "coursesandtraining", SECTION_CERTIFICATIONS },
	{ "onlinecourses", SECTION_CERTIFICATIONS },
	{ "relevantprojects", SECTION_PROJECTS },
	{ "projectsummary", SECTION_PROJECTS },
	{ "projectdetails", SECTION_PROJECTS },
	{ "projecthistory", SECTION_PROJECTS },
	{ "majorprojects", SECTION_PROJECTS },
	{ "majorprojectsexecuted", SECTION_PROJECTS },
	{ "projectsexecuted", SECTION_PROJECTS },
	{ "projectshandled", SECTION_PROJECTS },
	{ "professionalprojects", SECTION_PROJECTS },
	{ "clientprojects", SECTION_PROJECTS },
	/* the duties under each job or project of a long CV */
	{ "rolesandresponsibilities", SECTION_EXPERIENCE },
	{ "responsibilities", SECTION_EXPERIENCE },
	{ "academicprojects", SECTION_PROJECTS },
	{ "projectexperience", SECTION_PROJECTS },
	{ "sideprojects", SECTION_PROJECTS },
	{ "opensource", SECTION_PROJECTS },
	{ "opensourcecontributions", SECTION_PROJECTS },
	{ "presentations", SECTION_PUBLICATIONS },
	{ "talks", SECTION_PUBLICATIONS },
	{ "conferencetalks", SECTION_PUBLICATIONS },
	{ "publicationsandpresentations", SECTION_PUBLICATIONS },
	{ "patents", SECTION_PUBLICATIONS },
	{ "honorsandawards", SECTION_AWARDS },
	{ "awardsandhonors", SECTION_AWARDS },
	{ "recognition", SECTION_AWARDS },
	{ "scholarships", SECTION_AWARDS },
	{ "volunteerism", SECTION_VOLUNTEERING },
	{ "voluntaryexperience", SECTION_VOLUNTEERING },
	{ "voluntarywork", SECTION_VOLUNTEERING },
	{ "communityservice", SECTION_VOLUNTEERING },
	{ "personalinfo", SECTION_CONTACT },
	{ "info", SECTION_CONTACT },
	{ "contactinfo", SECTION_CONTACT },
	{ "contactme", SECTION_CONTACT },
	{ "getintouch", SECTION_CONTACT },
	{ "hobbiesandinterests", SECTION_INTERESTS },
	{ "interestsandhobbies", SECTION_INTERESTS },
	{ "extracurricularactivities", SECTION_INTERESTS },
	{ "outsideinterests", SECTION_INTERESTS },
	{ "spokenlanguages", SECTION_LANGUAGES },
	{ "foreignlanguages", SECTION_LANGUAGES },
	{ "extracurricular", SECTION_INTERESTS },
	{ "extracurriculars", SECTION_INTERESTS },
	{ "extracurricularactivity", SECTION_INTERESTS },
	{ "involvement", SECTION_INTERESTS },
	{ "campusinvolvement", SECTION_INTERESTS },
	{ "studentinvolvement", SECTION_INTERESTS },
	{ "leadershipandinvolvement", SECTION_INTERESTS },
	{ "clubsandsocieties", SECTION_INTERESTS },
	{ "service", SECTION_VOLUNTEERING },
	{ "volunteerservice", SECTION_VOLUNTEERING },
	/* Headings of resumes written in German, French or Spanish, their
	 * accents folded ("Berufstätigkeit", "Expérience") */
	{ "berufserfahrung", SECTION_EXPERIENCE },
	{ "berufstatigkeit", SECTION_EXPERIENCE },
	{ "beruflicherwerdegang", SECTION_EXPERIENCE },
	{ "werdegang", SECTION_EXPERIENCE },
	{ "praktika", SECTION_EXPERIENCE },
	{ "ausbildung", SECTION_EDUCATION },
	{ "schulbildung", SECTION_EDUCATION },
	{ "studium", SECTION_EDUCATION },
	{ "bildungsweg", SECTION_EDUCATION },
	{ "kenntnisse", SECTION_SKILLS },
	{ "sonstigekenntnisse", SECTION_SKILLS },
	{ "fahigkeiten", SECTION_SKILLS },
	{ "sprachkenntnisse", SECTION_LANGUAGES },
	{ "sprachen", SECTION_LANGUAGES },
	{ "projekte", SECTION_PROJECTS },
	{ "zertifikate", SECTION_CERTIFICATIONS },
	{ "weiterbildung", SECTION_CERTIFICATIONS },
	{ "zusatzqualifikationen", SECTION_CERTIFICATIONS },
	{ "personlichedaten", SECTION_CONTACT },
	{ "experienceprofessionnelle", SECTION_EXPERIENCE },
	{ "experiencesprofessionnelles", SECTION_EXPERIENCE },
	{ "parcoursprofessionnel", SECTION_EXPERIENCE },
	{ "formation", SECTION_EDUCATION },
	{ "competences", SECTION_SKILLS },
	{ "langues", SECTION_LANGUAGES },
	{ "projets", SECTION_PROJECTS },
	{ "experiencia", SECTION_EXPERIENCE },
	{ "experiencialaboral", SECTION_EXPERIENCE },
	{ "experienciaprofesional", SECTION_EXPERIENCE },
	{ "educacion", SECTION_EDUCATION },
	{ "formacion", SECTION_EDUCATION },
	{ "formacionacademica", SECTION_EDUCATION },
	{ "habilidades", SECTION_SKILLS },
	{ "idiomas", SECTION_LANGUAGES },
	{ "proyectos", SECTION_PROJECTS },
};

/* Words that show a languages section is about spoken languages. */
static const char *const human_languages[] = {
	"english", "french", "german", "spanish", "italian", "portuguese",
	"dutch", "chinese", "mandarin", "cantonese", "japanese", "korean",
	"arabic", "hindi", "russian", "polish", "swedish", "norwegian",
	"danish", "finnish", "turkish", "greek", "hebrew", "yoruba", "igbo",
	"hausa", "swahili", "urdu", "bengali", "tamil", "telugu",
	"vietnamese", "thai", "indonesian", "malay", "czech", "romanian",
	"hungarian", "ukrainian", "afrikaans", "zulu", "tagalog", "persian",
	"farsi", "punjabi", "gujarati", "marathi", "catalan", "croatian",
	"serbian", "slovak", "slovenian", "bulgarian", "lithuanian",
	"latvian", "estonian", "icelandic", "irish", "welsh", "native",
	"fluent", "bilingual", "mother tongue", "basic", "intermediate",
	"advanced", "a1", "a2", "b1", "b2", "c1", "c2",
};

/* Longer than this (in bytes, or words) and a line is prose. */
#define HEADING_MAX_BYTES 80
#define HEADING_MAX_WORDS 6
#define KEY_MAX 64

const char *section_kind_name(enum section_kind kind)
{
	if ((unsigned)kind >= SECTION_N)
		return "unknown";
	return kind_names[kind];
}

enum section_kind section_kind_from_name(const char *name)
{
	int k;

	for (k = 0; k < SECTION_N; k++)
		if (strcmp(kind_names[k], name) == 0)
			return k;
	return SECTION_N;
}

bool section_is_standard(enum section_kind kind)
{
	return kind >= SECTION_SUMMARY && kind < SECTION_N &&
	       kind != SECTION_CONTACT;
}

static enum section_kind lookup(const char *key)
{
	size_t i;

	if (!key[0])
		return SECTION_N;
	for (i = 0; i < G_N_ELEMENTS(labels); i++)
		if (labels[i].key[0] == key[0] &&
		    strcmp(labels[i].key, key) == 0)
			return labels[i].kind;
	return SECTION_N;
}

/* Decoration a heading may carry around its words. */
static bool is_deco(unsigned char c)
{
	switch (c) {
	case ' ': case '\t': case '#': case '*': case '=': case '-': case '_':
	case '|': case '>': case '~': case ':': case '.':
		return true;
	default:
		return false;
	}
}

/* Skip "1.", "2)", "IV.", "A." and bullets before a heading's words. */
static uint32_t skip_prefix(const char *t, uint32_t s, uint32_t e)
{
	uint32_t i;

	for (;;) {
		while (s < e && is_deco(t[s]))
			s++;
		/* A bullet or an icon (an envelope, a briefcase: symbols
		 * and private-use glyphs of icon fonts) before the words. */
		if (s < e && (unsigned char)t[s] >= 0x80) {
			const char *nx = g_utf8_find_next_char(t + s, t + e);
			gunichar u = g_utf8_get_char_validated(t + s, e - s);

			if (nx && u != (gunichar)-1 && u != (gunichar)-2 &&
			    !g_unichar_isalnum(u)) {
				s = nx - t;
				continue;
			}
		}
		i = s;
		while (i < e && g_ascii_isdigit(t[i]))
			i++;
		if (i == s)
			while (i < e && i - s < 4 && strchr("IVXivx", t[i]))
				i++;
		if (i == s && i < e && g_ascii_isupper(t[i]))
			i++;	/* "A." */
		if (i > s && i + 1 < e && (t[i] == '.' || t[i] == ')') &&
		    t[i + 1] == ' ') {
			s = i + 1;
			continue;
		}
		return s;
	}
}

/* The ASCII letter an accented letter at t + i folds to ("ä" -> 'a'),
 * or 0; *len gets its length in bytes. */
static unsigned char fold_letter(const char *t, uint32_t i, uint32_t e,
				 uint32_t *len)
{
	gunichar u = g_utf8_get_char_validated(t + i, e - i), dec[4];
	gsize n;

	if (u == (gunichar)-1 || u == (gunichar)-2 || !g_unichar_isalpha(u))
		return 0;
	n = g_unichar_fully_decompose(u, FALSE, dec, G_N_ELEMENTS(dec));
	if (n == 0 || dec[0] >= 0x80 || !g_ascii_isalpha(dec[0]))
		return 0;
	*len = g_utf8_skip[(unsigned char)t[i]];
	return (unsigned char)dec[0];
}

/* The letters of [s, e) lowercased into key (maybe empty), accents
 * folded; false when the span holds something no heading holds (digits,
 * '@', other non-ASCII) or is too long.  Counts words into *words. */
static bool make_key(const char *t, uint32_t s, uint32_t e, char *key,
		     unsigned *words)
{
	size_t n = 0;
	bool in_word = false;
	uint32_t i, len;

	*words = 0;
	key[0] = 0;
	for (i = s; i < e; i++) {
		unsigned char c = t[i];

		if (c >= 0x80) {
			c = fold_letter(t, i, e, &len);
			if (!c)
				return false;
			i += len - 1;
		}
		if (g_ascii_isalpha(c)) {
			if (n + 1 >= KEY_MAX)
				return false;
			key[n++] = scan_lower(c);
			if (!in_word)
				(*words)++;
			in_word = true;
			continue;
		}
		in_word = false;
		if (g_ascii_isdigit(c) || c == '@')
			return false;
	}
	key[n] = 0;
	return true;
}

/* "E X P E R I E N C E": single letters separated by spaces. */
static bool letter_spaced(const char *t, uint32_t s, uint32_t e)
{
	unsigned letters = 0;
	uint32_t i;

	for (i = s; i < e; i++) {
		if (t[i] == ' ')
			continue;
		if (!g_ascii_isalpha(t[i]))
			return false;
		if (i + 1 < e && t[i + 1] != ' ')
			return false;
		letters++;
	}
	return letters >= 4;
}

/* Separators joining labels: "&", "/", ",", "|", "+" and "and". */
static bool is_joiner(const char *t, uint32_t i, uint32_t e, uint32_t *len)
{
	if (strchr("&/,|+", t[i])) {
		*len = 1;
		return true;
	}
	if (scan_word_at(t, e, i, "and")) {
		*len = 3;
		return true;
	}
	return false;
}

/* Label [s, e) as one label, or as labels joined by separators (the
 * first names the section). */
static enum section_kind label_words(const char *t, uint32_t s, uint32_t e)
{
	char key[KEY_MAX];
	enum section_kind first = SECTION_N, k;
	unsigned words;
	uint32_t i, part, jl = 0;

	if (e <= s || e - s > HEADING_MAX_BYTES)
		return SECTION_N;
	if (!make_key(t, s, e, key, &words))
		return SECTION_N;
	if (letter_spaced(t, s, e))
		return lookup(key);
	if (words > HEADING_MAX_WORDS)
		return SECTION_N;
	k = lookup(key);
	if (k != SECTION_N)
		return k;
	for (i = part = s;; i++) {
		bool last = i >= e;

		if (!last && !is_joiner(t, i, e, &jl))
			continue;
		if (!make_key(t, part, i, key, &words))
			return SECTION_N;
		if (key[0]) {
			k = lookup(key);
			if (k == SECTION_N)
				return SECTION_N;
			if (first == SECTION_N)
				first = k;
		}
		if (last)
			break;
		part = i + jl;
		i = part - 1;
	}
	return first;
}

enum section_kind sections_label(const char *t, uint32_t s, uint32_t e,
				 uint32_t *label_end)
{
	enum section_kind k;
	const char *colon;
	uint32_t ws, we, c;

	scan_trim(t, &s, &e);
	ws = skip_prefix(t, s, e);
	we = e;
	while (we > ws && is_deco(t[we - 1]))
		we--;
	/* "Experience (10 years)", "Projects (selected)" */
	if (we > ws && t[we - 1] == ')') {
		const char *open = memchr(t + ws, '(', we - ws);

		if (open && open > t + ws)
			we = open - t;
		while (we > ws && is_deco(t[we - 1]))
			we--;
	}
	k = label_words(t, ws, we);
	if (k != SECTION_N) {
		if (label_end)
			*label_end = e;
		return k;
	}
	/* "Skills: Java, Kafka": a label, a colon, then its body. */
	colon = memchr(t + ws, ':', e - ws);
	if (!colon)
		return SECTION_N;
	c = colon - t;
	we = c;
	while (we > ws && is_deco(t[we - 1]))
		we--;
	k = label_words(t, ws, we);
	if (k == SECTION_N || k == SECTION_CONTACT)
		return SECTION_N;
	if (label_end)
		*label_end = c + 1;
	return k;
}

/* A heading candidate: one line. */
struct cand {
	enum section_kind kind;	/* SECTION_OTHER: unlabelled source heading */
	uint32_t line, label_s, label_e, line_end;
	uint8_t level;
	bool inline_body;
	bool upper;		/* its letters are all capitals */
	bool entry;		/* a year on it or on the two lines below: the
				   head of a dated entry, if not a heading */
};

/* A year 1900-2099 standing as a word in [s, e). */
static bool has_year(const char *t, uint32_t s, uint32_t e)
{
	uint32_t i;

	for (i = s; i + 4 <= e; i++) {
		if (!(t[i] == '1' && t[i + 1] == '9') &&
		    !(t[i] == '2' && t[i + 1] == '0'))
			continue;
		if (i > s && g_ascii_isalnum(t[i - 1]))
			continue;
		if (!g_ascii_isdigit(t[i + 2]) || !g_ascii_isdigit(t[i + 3]))
			continue;
		if (i + 4 < e && g_ascii_isalnum(t[i + 4]))
			continue;
		return true;
	}
	return false;
}

/* No lowercase letter in [s, e), and some letter. */
static bool all_upper(const char *t, uint32_t s, uint32_t e)
{
	const char *p = t + s, *end = t + e;
	bool any = false;

	while (p < end) {
		gunichar u = g_utf8_get_char_validated(p, end - p);

		if (u == (gunichar)-1 || u == (gunichar)-2)
			return false;
		if (g_unichar_islower(u))
			return false;
		any = any || g_unichar_isalpha(u);
		p = g_utf8_next_char(p);
	}
	return any;
}

/* A bullet mark opens [s, e): "-", "*", "+", "•", "▪", "◦", "·" or a
 * Symbol-font bullet. */
static bool bullet_at(const char *t, uint32_t s, uint32_t e)
{
	static const char *const marks[] = {
		"\xe2\x80\xa2", "\xe2\x96\xaa", "\xe2\x97\xa6", "\xc2\xb7",
		"\xef\x82\xb7", "\xe2\x80\x93",
	};
	size_t i, n;

	if (strchr("-*+", t[s]))
		return true;
	for (i = 0; i < G_N_ELEMENTS(marks); i++) {
		n = strlen(marks[i]);
		if (e - s >= n && memcmp(t + s, marks[i], n) == 0)
			return true;
	}
	return false;
}

/* Whether the line [s, e) (trimmed) could be a heading we cannot label:
 * short, a few words, not a bullet, not a sentence, no date on it. */
static bool heading_shape(const char *t, uint32_t s, uint32_t e)
{
	unsigned words = 0;
	bool in_word = false;
	uint32_t i;

	if (e - s > HEADING_MAX_BYTES || strchr(".,;", t[e - 1]))
		return false;
	if (bullet_at(t, s, e))
		return false;
	if (has_year(t, s, e))
		return false;
	for (i = s; i < e; i++) {
		bool w = g_ascii_isalpha(t[i]) ||
			 (unsigned char)t[i] >= 0x80;

		if (w && !in_word)
			words++;
		in_word = w;
	}
	return words > 0 && words <= HEADING_MAX_WORDS;
}

/* A year on the line [ls, le) or on the two non-blank lines below it. */
static bool dated_below(const char *t, uint32_t len, uint32_t ls,
			uint32_t le)
{
	unsigned k = 0;

	for (;;) {
		uint32_t s = ls, e = le;

		scan_trim(t, &s, &e);
		if (s < e) {
			if (has_year(t, s, e))
				return true;
			if (++k == 3)
				return false;
		}
		if (le >= len)
			return false;
		ls = le + 1;
		le = scan_line_end(t, len, ls);
	}
}

/* Sections made of dated entries, whose entry heads the source may set
 * as headings (a bold job title or school line). */
static bool entry_section(enum section_kind k)
{
	return k == SECTION_EXPERIENCE || k == SECTION_EDUCATION ||
	       k == SECTION_VOLUNTEERING || k == SECTION_PROJECTS;
}

static void add_section(GArray *out, enum section_kind kind, uint32_t hs,
			uint32_t he, uint32_t bs, uint32_t be, uint8_t level,
			bool inl)
{
	struct section sec = {
		.kind = kind,
		.heading = { hs, he },
		.body = { bs, be < bs ? bs : be },
		.level = level,
		.inline_body = inl,
	};

	g_array_append_val(out, sec);
}

GArray *sections_find(const struct doc *d)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct section));
	g_autoptr(GArray) cands = g_array_new(FALSE, FALSE,
					       sizeof(struct cand));
	const char *t;
	uint32_t len, ls, le, first_text = G_MAXUINT32;
	unsigned max_level = 0;
	bool any_labelled = false, in_full = false, prev_line_cand = false;
	bool caps = true;
	enum section_kind in_kind = SECTION_UNKNOWN;
	unsigned last_level = 0;	/* level of the last labelled heading */
	guint i, n;

	if (!d->text || d->text->len == 0)
		return out;
	t = d->text->str;
	len = d->text->len;
	for (ls = 0; ls < len; ls = le + 1) {
		const struct doc_block *b;
		struct cand c = { 0 };
		uint32_t s = ls, e, lend;

		le = scan_line_end(t, len, ls);
		e = le;
		scan_trim(t, &s, &e);
		if (s == e) {
			prev_line_cand = false;
			continue;
		}
		if (first_text == G_MAXUINT32)
			first_text = s;
		b = doc_block_at(d, s);
		/* Page headers and footers repeat on every page; their
		 * words ("Resume - Page 2") head nothing. */
		if (b && b->kind == DOC_BLOCK_HEADER)
			continue;
		c.level = b ? b->heading : 0;
		c.kind = sections_label(t, s, e, &lend);
		/* "VOLUNTEER" / "EXPERIENCE": one heading set on two lines */
		if (prev_line_cand && cands->len) {
			struct cand *pc = &g_array_index(cands, struct cand,
							 cands->len - 1);
			uint32_t jend;
			enum section_kind jk = pc->inline_body ? SECTION_N :
				sections_label(t, pc->label_s, e, &jend);

			if (jk != SECTION_N && jend >= e) {
				pc->kind = jk;
				pc->label_e = e;
				pc->line_end = le;
				pc->upper = pc->upper && all_upper(t, s, e);
				if (pc->kind != SECTION_OTHER) {
					any_labelled = true;
					in_full = true;
				}
				continue;
			}
		}
		prev_line_cand = false;
		/* "skills." ending a line of prose */
		if (c.kind != SECTION_N && g_ascii_islower(t[s]) &&
		    strchr(".,;", t[e - 1]))
			c.kind = SECTION_N;
		if (c.kind == SECTION_N) {
			/* Unlabelled source headings count only after a
			 * labelled one (the name line above them is often
			 * the largest text of all). */
			if (!c.level || !any_labelled)
				continue;
			/* Less prominent than the section it stands in: a
			 * job or school line inside that section. */
			if (last_level && c.level > last_level)
				continue;
			/* A job line, a date line, a bullet or a sentence
			 * set in the headings' font. */
			if (!heading_shape(t, s, e))
				continue;
			c.kind = SECTION_OTHER;
			c.entry = dated_below(t, len, ls, le);
			lend = e;
		} else if (lend < e && in_full) {
			/* "Languages: Java, Go" inside a section is a
			 * sub-label of that section. */
			continue;
		} else {
			any_labelled = true;
			last_level = c.level;
			in_full = lend >= e;
			if (c.level > max_level)
				max_level = c.level;
		}
		c.line = ls;
		c.label_s = skip_prefix(t, s, e);
		c.inline_body = lend < e;
		c.label_e = c.inline_body ? lend - 1 : e;
		while (c.label_e > c.label_s && is_deco(t[c.label_e - 1]))
			c.label_e--;
		c.line_end = c.inline_body ? lend : le;
		c.upper = all_upper(t, c.label_s, c.label_e);
		g_array_append_val(cands, c);
		prev_line_cand = !c.inline_body;
	}
	if (first_text == G_MAXUINT32)
		return out;
	/* Are the labelled headings all in capitals? */
	for (i = 0; i < cands->len; i++) {
		struct cand *c = &g_array_index(cands, struct cand, i);

		if (c->kind != SECTION_OTHER && !c->inline_body && !c->upper)
			caps = false;
	}
	/* Drop unlabelled headings ranked below the labelled ones, written
	 * unlike them (a "Business Analyst" line among "EXPERIENCE" and
	 * "EDUCATION"), or heading a dated entry inside a section made of
	 * such entries (a bold job title over its dates). */
	for (i = 0, n = 0; i < cands->len; i++) {
		struct cand *c = &g_array_index(cands, struct cand, i);

		if (c->kind != SECTION_OTHER) {
			if (!c->inline_body)
				in_kind = c->kind;
		} else if (max_level == 0 || c->level > max_level ||
			   (caps && !c->upper) ||
			   (c->entry && entry_section(in_kind))) {
			continue;
		}
		g_array_index(cands, struct cand, n++) = *c;
	}
	g_array_set_size(cands, n);
	if (cands->len == 0) {
		add_section(out, SECTION_UNKNOWN, first_text, first_text,
			    first_text, len, 0, false);
		return out;
	}
	{
		struct cand *c0 = &g_array_index(cands, struct cand, 0);

		if (first_text < c0->line)
			add_section(out, SECTION_UNKNOWN, first_text,
				    first_text, first_text, c0->line, 0,
				    false);
	}
	for (i = 0; i < cands->len; i++) {
		struct cand *c = &g_array_index(cands, struct cand, i);
		uint32_t bs = c->line_end < len ? c->line_end + 1 : len;
		uint32_t be = i + 1 < cands->len ?
			g_array_index(cands, struct cand, i + 1).line : len;
		struct section *prev = out->len ?
			&g_array_index(out, struct section, out->len - 1) :
			NULL;

		if (c->inline_body)
			bs = c->line_end;
		/* "Languages" under skills listing Java and SQL is a part of
		 * the skills. */
		if (c->kind == SECTION_LANGUAGES && prev &&
		    prev->kind == SECTION_SKILLS &&
		    !scan_has_any(t, bs, be, human_languages,
				  G_N_ELEMENTS(human_languages))) {
			prev->body.end = be;
			continue;
		}
		add_section(out, c->kind, c->label_s, c->label_e, bs, be,
			    c->level, c->inline_body);
	}
	return out;
}
