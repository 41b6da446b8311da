/*
 * cmd_audit.c - "screener audit": the adverse-impact audit of the
 * applicants first screened in a period, from their voluntary
 * self-identification: reports/audit.csv and a summary on stdout.
 *
 * Owns the command's options and the layout of both outputs; the
 * arithmetic is audit.c's.  Reads the store under the run lock (never
 * half a run); writes only audit.csv.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "atomic.h"
#include "audit.h"
#include "cli.h"
#include "lock.h"
#include "report_csv.h"
#include "store.h"

static const char *const csv_head[] = {
	"measure", "dimension", "category", "applicants", "selected",
	"selection_rate", "impact_ratio", "four_fifths", "note",
};

static const char exclusions[] =
	"Categories under 2% of a measure's applicants, and applicants who "
	"gave no answer (Unknown), are listed but left out of impact "
	"ratios.";

static char *fmt3(double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	return g_strdup(g_ascii_formatd(buf, sizeof(buf), "%.3f", v));
}

static GString *build_csv(GPtrArray *rows)
{
	GString *out = g_string_new(NULL);

	report_csv_row(out, csv_head, G_N_ELEMENTS(csv_head));
	for (guint i = 0; i < rows->len; i++) {
		const struct audit_row *r = rows->pdata[i];
		g_autofree char *apps = g_strdup_printf("%u", r->applicants);
		g_autofree char *sel = g_strdup_printf("%u", r->selected);
		g_autofree char *rate = fmt3(r->rate);
		g_autofree char *ratio = r->ratio < 0 ? g_strdup("") :
					 fmt3(r->ratio);
		const char *cells[] = {
			r->measure, r->dimension, r->category, apps, sel, rate,
			ratio, r->flag < 0 ? "" : r->flag ? "yes" : "no",
			r->note,
		};

		report_csv_row(out, cells, G_N_ELEMENTS(cells));
	}
	return out;
}

/* The summary: one table per measure and dimension. */
static void print_tables(GPtrArray *rows, guint n, const char *from,
			 const char *to)
{
	const char *measure = "", *dimension = "";

	printf("applicants: %u (first screened %s to %s)\n", n,
	       from ? from : "any date", to ? to : "any date");
	for (guint i = 0; i < rows->len; i++) {
		const struct audit_row *r = rows->pdata[i];
		g_autofree char *ratio = r->ratio < 0 ? g_strdup("-") :
					 g_strdup_printf("%.3f", r->ratio);

		if (strcmp(measure, r->measure) || strcmp(dimension,
							  r->dimension)) {
			measure = r->measure;
			dimension = r->dimension;
			printf("\n%s, by %s\n  %-52s %10s %8s %6s %6s %s\n",
			       measure, dimension, "category", "applicants",
			       "selected", "rate", "ratio", "under 4/5");
		}
		printf("  %-52s %10u %8u %6.3f %6s %s%s%s\n", r->category,
		       r->applicants, r->selected, r->rate, ratio,
		       r->flag < 0 ? "-" : r->flag ? "YES" : "no",
		       *r->note ? "  " : "", r->note);
	}
	printf("\n%s\n", exclusions);
}

/* Subjects from the store's rows (strings borrowed from them). */
static struct audit_subject *subjects_of(GPtrArray *rows)
{
	struct audit_subject *s = g_new0(struct audit_subject,
					 rows->len + 1);

	for (guint i = 0; i < rows->len; i++) {
		const struct store_audit_row *r = rows->pdata[i];

		s[i].sex = r->sex;
		s[i].race = r->race;
		s[i].advanced = strcmp(r->bucket, "advance") == 0;
		s[i].human = !*r->decision ? -1 :
			     strcmp(r->decision, "advance") == 0;
		s[i].met = r->met;
	}
	return s;
}

/* The scored criteria of the latest run's rule set (char *). */
static GPtrArray *criteria_ids(struct store *st, GError **err)
{
	g_autofree char *hash = NULL;
	g_autoptr(GPtrArray) crits = NULL;
	GPtrArray *ids;

	store_latest_run(st, &hash);
	crits = store_criteria(st, hash ? hash : "", err);
	if (!crits)
		return NULL;
	ids = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < crits->len; i++) {
		const struct store_crit_row *c = crits->pdata[i];

		if (c->scored)
			g_ptr_array_add(ids, g_strdup(c->id));
	}
	return ids;
}

static int audit(const char *db, const char *reports, const char *from,
		 const char *to)
{
	g_autoptr(GError) err = NULL;
	g_autofree char *lock_path = g_strconcat(db, ".lock", NULL);
	g_autofree char *csv_path = g_build_filename(reports, "audit.csv",
						     NULL);
	g_autoptr(store) st = NULL;
	g_autoptr(GPtrArray) rows = NULL;
	g_autoptr(GPtrArray) ids = NULL;
	g_autoptr(GPtrArray) table = NULL;
	g_autoptr(GString) csv = NULL;
	g_autofree struct audit_subject *subjects = NULL;
	struct lock *lk = lock_acquire(lock_path, &err);

	if (!lk) {
		fprintf(stderr, "screener audit: %s\n", err->message);
		return err->code == SE_BUSY ? EXIT_BUSY : EXIT_FATAL;
	}
	st = store_open(db, &err);
	if (st && (rows = store_audit_rows(st, from, to, &err)) &&
	    (ids = criteria_ids(st, &err))) {
		subjects = subjects_of(rows);
		table = audit_compute(subjects, rows->len, ids);
		csv = build_csv(table);
		if (atomic_mkdir(reports, &err)) {
			atomic_clean(csv_path);
			if (!atomic_write(csv_path, csv->str, csv->len, &err))
				g_prefix_error(&err, "%s: ", csv_path);
		}
	}
	lock_release(lk);
	if (err) {
		fprintf(stderr, "screener audit: %s\n", err->message);
		return err->code == SE_BUSY ? EXIT_BUSY : EXIT_FATAL;
	}
	print_tables(table, rows->len, from, to);
	printf("written: %s\n", csv_path);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FATAL;
}

int cmd_audit(int argc, char **argv)
{
	g_autofree char *db = NULL;
	g_autofree char *reports = NULL;
	g_autofree char *from = NULL;
	g_autofree char *to = NULL;
	GOptionEntry entries[] = {
		{ "from", 0, 0, G_OPTION_ARG_STRING, &from,
		  "applicants first screened on or after this day",
		  "YYYY-MM-DD" },
		{ "to", 0, 0, G_OPTION_ARG_STRING, &to,
		  "applicants first screened on or before this day",
		  "YYYY-MM-DD" },
		{ "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
		  "database (default reports/screen.db)", "FILE" },
		{ "reports", 0, 0, G_OPTION_ARG_FILENAME, &reports,
		  "folder of audit.csv (default reports)", "DIR" },
		{ NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new(
		"- adverse-impact audit by sex and race/ethnicity");

	g_option_context_set_summary(ctx,
		"Selection rates and impact ratios (rate / the highest rate) by\n"
		"sex, race/ethnicity and both, from the applicants' voluntary\n"
		"self-identification (sex: and race_ethnicity: in the answers\n"
		"file), for the screener's advance, the reviewers' latest\n"
		"decisions and each criterion met; a ratio under 0.8 is flagged\n"
		"(the four-fifths rule).  Unknown and categories under 2% of\n"
		"applicants are listed but left out of ratios.  Writes\n"
		"audit.csv into the report folder.");
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!cli_parse(ctx, &argc, &argv))
		return EXIT_USAGE;
	signal(SIGXFSZ, SIG_IGN);
	if (argc > 1) {
		fprintf(stderr, "screener audit: unexpected argument '%s'\n",
			argv[1]);
		return EXIT_USAGE;
	}
	if ((from && !cli_valid_date(from)) || (to && !cli_valid_date(to))) {
		fprintf(stderr, "screener audit: --from, --to: not a date "
			"YYYY-MM-DD\n");
		return EXIT_USAGE;
	}
	if (!db)
		db = g_strdup("reports/screen.db");
	if (!reports)
		reports = g_strdup("reports");
	if (!cli_db_present(db))
		return EXIT_USAGE;
	return audit(db, reports, from, to);
}
