/* fuzz_posting.c - posting bytes -> the job-posting parser (required and
 * preferred stretches, inline labels, preferred phrases, alternatives,
 * the level and years asked), then the match of a fixed resume against
 * that posting, both match renderers and the explain of one ask; and the
 * same bytes read as the resume, matched against a fixed posting.
 *
 * Besides crashes it checks: every ask names a known skill, lies on a line
 * of the posting and has a kind; an alternative points at another ask;
 * matched and missing together are the asks, each once; the score is
 * within 0..1; the JSON parses back. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "skillmatch.h"

static sm_rules *rules;
static sm_scratch *scratch;
static FILE *sink;
static sm_doc *fixed_resume, *fixed_posting_doc;
static sm_result *fixed_result;
static sm_job *fixed_posting;
static const sm_options opt = {.today_year = 2026, .today_month = 1};

static const char RESUME[] =
    "Jane Doe - Machine Learning Engineer\n\nExperience\n"
    "ML Engineer, Acme (Jan 2019 - Present)\n"
    "- Trained PyTorch models, served them on Kubernetes and AWS\n"
    "- Built feature pipelines in Python and SQL with Spark\n"
    "Skills: Python, PyTorch, Docker, MLflow, statistics\n";
static const char POSTING[] =
    "Senior Machine Learning Engineer\n\nRequirements\n"
    "- 5+ years of Python and PyTorch or TensorFlow\n"
    "- Kubernetes, AWS/GCP\n\nNice to have\n- Spark, Airflow\n";

static void shut_down(void)
{
    sm_job_free(fixed_posting);
    sm_result_free(fixed_result);
    sm_doc_free(fixed_posting_doc);
    sm_doc_free(fixed_resume);
    sm_scratch_free(scratch);
    sm_rules_free(rules);
    if (sink)
        fclose(sink);
}

static void fail_setup(const char *what, const sm_error *err)
{
    fprintf(stderr, "fuzz_posting: %s: %s\n", what, err->msg);
    exit(1);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sm_error err = {0};
    fuzz_load_rules("fuzz_posting", &rules, &scratch, &sink);
    if (sm_doc_load_mem("resume.txt", RESUME, sizeof RESUME - 1, 0,
                        &fixed_resume, &err) != SM_OK ||
        sm_analyze(rules, scratch, fixed_resume, &opt, &fixed_result,
                   &err) != SM_OK)
        fail_setup("the fixed resume", &err);
    if (sm_doc_load_mem("posting.txt", POSTING, sizeof POSTING - 1, 0,
                        &fixed_posting_doc, &err) != SM_OK ||
        sm_job_new(rules, scratch, fixed_posting_doc, &opt, &fixed_posting,
                   &err) != SM_OK)
        fail_setup("the fixed posting", &err);
    atexit(shut_down);
    return 0;
}

/* What must hold of any match: matched and missing are the asks, once. */
static void check_match(const sm_job *job, const sm_match *m)
{
    size_t na, nm, nx;
    const sm_ask *asks = sm_job_asks(job, &na);
    const sm_match_item *mt = sm_match_matched(m, &nm);
    const sm_match_item *mx = sm_match_missing(m, &nx);
    FUZZ_ASSERT(nm + nx == na);
    FUZZ_ASSERT(sm_match_missing_required(m) <= nx);
    double score = sm_match_score(m);
    FUZZ_ASSERT(score >= 0 && score <= 1);
    FUZZ_ASSERT(sm_match_verdict(m) && sm_match_verdict(m)[0]);
    unsigned char *seen = calloc(na ? na : 1, 1);
    FUZZ_ASSERT(seen != NULL);
    for (size_t i = 0; i < nm + nx; i++) {
        const sm_match_item *it = i < nm ? &mt[i] : &mx[i - nm];
        size_t k = (size_t)(it->ask - asks);
        FUZZ_ASSERT(it->ask >= asks && k < na && !seen[k]);
        seen[k] = 1;
        FUZZ_ASSERT((i < nm) == (it->have != NULL));
    }
    free(seen);
    FUZZ_ASSERT(sm_render_match_text(m, sink, SM_RENDER_COLOR) == SM_OK);
    char *js = sm_render_match_json(m, SM_RENDER_PRETTY);
    FUZZ_ASSERT(js != NULL);
    json_t *back = json_loads(js, 0, NULL);
    FUZZ_ASSERT(back != NULL);
    json_decref(back);
    free(js);
}

static void the_bytes_as_posting(const sm_doc *doc)
{
    sm_job *job = NULL;
    sm_error err = {0};
    sm_status st = sm_job_new(rules, scratch, doc, &opt, &job, &err);
    if (st != SM_OK) {
        /* the only acceptable failure is a reported PCRE2 limit */
        FUZZ_ASSERT(st == SM_ERR_MATCH && err.msg[0]);
        return;
    }
    size_t na, nlines = 1, len;
    const char *text = sm_doc_text(doc, &len);
    for (size_t i = 0; i < len; i++)
        nlines += text[i] == '\n';
    const sm_ask *asks = sm_job_asks(job, &na);
    for (size_t i = 0; i < na; i++) {
        FUZZ_ASSERT(asks[i].id && sm_rules_skill_find(rules, asks[i].id));
        FUZZ_ASSERT(asks[i].kind == SM_ASK_REQUIRED ||
                    asks[i].kind == SM_ASK_PREFERRED);
        FUZZ_ASSERT(asks[i].line >= 1);
        FUZZ_ASSERT(asks[i].text && asks[i].why && asks[i].weight >= 0);
        FUZZ_ASSERT(asks[i].alt == -1 ||
                    (asks[i].alt >= 0 && (size_t)asks[i].alt < na &&
                     (size_t)asks[i].alt != i));
        /* required ones first */
        FUZZ_ASSERT(i == 0 || asks[i - 1].kind <= asks[i].kind);
    }
    /* negative: none asked; a negative max: open ("5+ years") */
    double max = 0, min = sm_job_years_asked(job, &max);
    FUZZ_ASSERT(min < 0 || max < 0 || min <= max);
    sm_match *m = NULL;
    FUZZ_ASSERT(sm_match_job(rules, job, fixed_result, &m, &err) == SM_OK);
    check_match(job, m);
    sm_match_free(m);
    if (na > 0)
        sm_explain_job(rules, scratch, doc, fixed_resume, &opt,
                       asks[na / 2].id, sink, &err);
    sm_job_free(job);
}

static void the_bytes_as_resume(const sm_doc *doc)
{
    sm_result *res = NULL;
    sm_error err = {0};
    sm_status st = sm_analyze(rules, scratch, doc, &opt, &res, &err);
    if (st != SM_OK) {
        FUZZ_ASSERT(st == SM_ERR_MATCH && err.msg[0]);
        return;
    }
    sm_match *m = NULL;
    FUZZ_ASSERT(sm_match_job(rules, fixed_posting, res, &m, &err) == SM_OK);
    check_match(fixed_posting, m);
    sm_match_free(m);
    sm_result_free(res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sm_doc *doc = NULL;
    sm_error err = {0};
    if (sm_doc_load_mem("posting.txt", data, size, 0, &doc, &err) != SM_OK)
        return 0;
    the_bytes_as_posting(doc);
    the_bytes_as_resume(doc);
    sm_doc_free(doc);
    return 0;
}
