/* test_job.c - a posting's asks (required vs preferred), the match of a
 * resume against it, near-skill hints, alternatives, negation, years fit,
 * on the project's rules. */
#include <stdbool.h>

#include "unit.h"

static sm_rules *rules;
static sm_scratch *scratch;
static const sm_options OPT = {0, 2026, 11};

static sm_doc *doc_of(const char *name, const char *text)
{
    sm_doc *d = NULL;
    sm_error e;
    if (sm_doc_load_mem(name, text, strlen(text), 0, &d, &e) != SM_OK)
        fprintf(stderr, "%s: %s\n", name, e.msg);
    return d;
}

static sm_job *job_of(const char *text)
{
    sm_doc *d = doc_of("posting.md", text);
    sm_job *j = NULL;
    sm_error e;
    if (!d || sm_job_new(rules, scratch, d, &OPT, &j, &e) != SM_OK)
        fprintf(stderr, "posting: %s\n", e.msg);
    sm_doc_free(d);
    return j;
}

static sm_result *resume_of(const char *text)
{
    sm_doc *d = doc_of("resume.txt", text);
    sm_result *r = NULL;
    sm_error e;
    if (!d || sm_analyze(rules, scratch, d, &OPT, &r, &e) != SM_OK)
        fprintf(stderr, "resume: %s\n", e.msg);
    sm_doc_free(d);
    return r;
}

/* The kind the posting gives skill `id`, 0 when it does not ask. */
static int kind_of(const sm_job *j, const char *id)
{
    size_t n;
    const sm_ask *a = sm_job_asks(j, &n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(a[i].id, id))
            return (int)a[i].kind;
    return 0;
}

static const char *POSTING =
    "# Machine Learning Engineer\n\n"
    "## Requirements\n\n"
    "- 3+ years of experience.\n"
    "- Python and SQL.\n"
    "- TensorFlow or PyTorch.\n"
    "- We do not use Java.\n\n"
    "## Nice to have\n\n"
    "- Kubernetes\n\n"
    "## Benefits\n\n"
    "- Docker training budget. AWS is a plus.\n";

static void test_required_preferred(void)
{
    sm_job *j = job_of(POSTING);
    CHECK(j != NULL);
    if (!j)
        return;
    CHECK_INT(kind_of(j, "python"), SM_ASK_REQUIRED);
    CHECK_INT(kind_of(j, "sql"), SM_ASK_REQUIRED);
    CHECK_INT(kind_of(j, "kubernetes"), SM_ASK_PREFERRED);
    CHECK_INT(kind_of(j, "docker"), SM_ASK_REQUIRED);   /* after Benefits */
    CHECK_INT(kind_of(j, "aws"), SM_ASK_PREFERRED);     /* "a plus" */
    CHECK_INT(kind_of(j, "java"), 0);                   /* negated */
    double max, y = sm_job_years_asked(j, &max);
    CHECK(y == 3 && max < 0);
    size_t n;
    const sm_ask *a = sm_job_asks(j, &n);
    for (size_t i = 1; i < n; i++)          /* required first */
        CHECK(a[i - 1].kind <= a[i].kind);
    sm_job_free(j);

    /* no structure: everything is required */
    j = job_of("We want Python, pandas and Kubernetes people.\n");
    CHECK(j && kind_of(j, "kubernetes") == SM_ASK_REQUIRED);
    sm_job_free(j);
}

static void test_match(void)
{
    sm_job *j = job_of(POSTING);
    sm_result *r = resume_of(
        "Skills: Python, PyTorch, Docker, GCP\n"
        "No experience with Kubernetes.\n"
        "Experience\nML Engineer, Acme - Jan 2020 - Dec 2024\n");
    sm_match *m = NULL;
    CHECK(j && r && sm_match_job(rules, j, r, &m, NULL) == SM_OK);
    if (!m)
        goto done;
    size_t nm, nx;
    const sm_match_item *hit = sm_match_matched(m, &nm);
    const sm_match_item *miss = sm_match_missing(m, &nx);
    bool tf_alt = false, sql_missing = false, k8s_near = false;
    for (size_t i = 0; i < nm; i++)
        if (!strcmp(hit[i].ask->id, "tensorflow"))
            tf_alt = hit[i].by_alternative &&
                     !strcmp(hit[i].near_id, "pytorch");
    for (size_t i = 0; i < nx; i++) {
        sql_missing |= !strcmp(miss[i].ask->id, "sql");
        if (!strcmp(miss[i].ask->id, "kubernetes"))
            k8s_near = miss[i].near_id && !strcmp(miss[i].near_id, "docker");
        CHECK(i == 0 || miss[i - 1].ask->kind <= miss[i].ask->kind);
    }
    CHECK(tf_alt);
    CHECK(sql_missing);
    CHECK(k8s_near);   /* negated Kubernetes: missing, Docker beside it */
    CHECK(sm_match_score(m) > 0.3 && sm_match_score(m) < 1);
    CHECK_INT(sm_match_years_fit(m), SM_FIT_OK);
    CHECK(strstr(sm_match_verdict(m), "SQL") != NULL);
    char *js = sm_render_match_json(m, 0);
    CHECK(js && strstr(js, "\"missing_preferred\"") &&
          strstr(js, "\"years_fit\":\"ok\""));
    free(js);
done:
    sm_match_free(m);
    sm_result_free(r);
    sm_job_free(j);
}

static void test_years_and_empty(void)
{
    sm_job *j = job_of("Senior ML Engineer\n\nRequirements:\n"
                       "- 8+ years of experience with Python\n");
    sm_result *r = resume_of("Python\nExperience\nDev, X - Jan 2022 - "
                             "Dec 2024\n");
    sm_match *m = NULL;
    CHECK(j && r && sm_match_job(rules, j, r, &m, NULL) == SM_OK);
    if (m)
        CHECK_INT(sm_match_years_fit(m), SM_FIT_UNDER);
    sm_match_free(m);
    sm_result_free(r);
    sm_job_free(j);

    /* an accountant scores 0 for an ML posting */
    j = job_of(POSTING);
    r = resume_of("Senior accountant. Audits, month-end close, Excel.\n");
    m = NULL;
    CHECK(j && r && sm_match_job(rules, j, r, &m, NULL) == SM_OK);
    if (m)
        CHECK(sm_match_score(m) == 0);
    sm_match_free(m);
    sm_result_free(r);
    sm_job_free(j);
}

int main(void)
{
    sm_error e;
    if (sm_rules_load("rules", &rules, &e) != SM_OK) {
        fprintf(stderr, "%s:%d:%d: %s\n", e.file, e.line, e.col, e.msg);
        unit_fail++;
        return unit_done("job");
    }
    scratch = sm_scratch_new(rules);
    test_required_preferred();
    test_match();
    test_years_and_empty();
    sm_scratch_free(scratch);
    sm_rules_free(rules);
    return unit_done("job");
}
