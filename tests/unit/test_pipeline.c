/* test_pipeline.c - the inputs hash that decides whether an applicant is
 * screened again: stable for the same inputs, different when anything
 * that changes the result changes. */
#include <string.h>

#include "pipeline.h"

static struct pipeline_job *job(const char *name, const char *sha,
				enum score_form form)
{
	struct pipeline_job *j = pipeline_job_new("alice");
	struct pipeline_doc *d = pipeline_doc_new(name);

	g_strlcpy(d->sha256, sha, sizeof(d->sha256));
	g_ptr_array_add(j->docs, d);
	j->form = form;
	return j;
}

static void test_hash(void)
{
	struct pipeline_job *base = job("alice/cv.pdf", "aa", SCORE_FORM_NONE);
	struct pipeline_job *same = job("alice/cv.pdf", "aa", SCORE_FORM_NONE);
	struct pipeline_job *other[] = {
		job("alice/cv.pdf", "ab", SCORE_FORM_NONE),	/* content */
		job("alice/cv2.pdf", "aa", SCORE_FORM_NONE),	/* name */
		job("alice/cv.pdf", "aa", SCORE_FORM_NO),	/* form */
		job("alice/cv.pdf", "aa", SCORE_FORM_NONE),	/* rules */
		job("alice/cv.pdf", "aa", SCORE_FORM_NONE),	/* as-of */
		/* field boundaries: "ab"+"c" is not "a"+"bc" */
		job("alice/cv.pdfa", "a", SCORE_FORM_NONE),
	};
	guint i;

	pipeline_job_hash(base, "rules-1", "2026-11-28");
	pipeline_job_hash(same, "rules-1", "2026-11-28");
	g_assert_cmpuint(strlen(base->inputs_hash), ==, 64);
	g_assert_cmpstr(base->inputs_hash, ==, same->inputs_hash);
	pipeline_job_hash(other[0], "rules-1", "2026-11-28");
	pipeline_job_hash(other[1], "rules-1", "2026-11-28");
	pipeline_job_hash(other[2], "rules-1", "2026-11-28");
	pipeline_job_hash(other[3], "rules-2", "2026-11-28");
	pipeline_job_hash(other[4], "rules-1", "2026-11-29");
	pipeline_job_hash(other[5], "rules-1", "2026-11-28");
	for (i = 0; i < G_N_ELEMENTS(other); i++) {
		g_assert_cmpstr(base->inputs_hash, !=, other[i]->inputs_hash);
		pipeline_job_free(other[i]);
	}
	pipeline_job_free(base);
	pipeline_job_free(same);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/pipeline/inputs-hash", test_hash);
	return g_test_run();
}
