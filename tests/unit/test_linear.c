/* test_linear.c - work grows linearly with the input, whatever its shape.
 * Each pathological shape of tests/shapes.h is analysed, rendered and
 * linted at two sizes, and the library's work counter (sm_work: bytes
 * searched and scanned, elements sorted) must grow at most a little more
 * than the size does. The counter, not wall time: the test says the same
 * on a loaded machine and under sanitizers. */
#include <math.h>

#include "analyze/analyze.h"
#include "util/util.h"
#include "unit.h"
#include "../shapes.h"

enum { SMALL = 128 << 10, FACTOR = 4 };
#define SLACK 1.3        /* rounding, pieces, a larger sort's log */

static uint64_t work_of(const sm_rules *rules, sm_scratch *s, size_t k,
                        size_t n, bool *ok)
{
    char *text = sm_shape_make(k, n);
    sm_doc *doc = NULL;
    sm_result *res = NULL;
    sm_lint_result *lr = NULL;
    sm_error e = {0};
    sm_options opt = {.today_year = 2026, .today_month = 12};
    sm_lint_options lo = {.level = SM_LEVEL_SENIOR};
    FILE *null = fopen("/dev/null", "w");
    char *json = NULL;
    *ok = false;
    sm_work = 0;
    if (text && null &&
        sm_doc_load_mem(SM_SHAPES[k].name, text, n, 2 * n, &doc, &e) == SM_OK &&
        sm_analyze(rules, s, doc, &opt, &res, &e) == SM_OK &&
        sm_render_text(res, null, 0) == SM_OK &&
        (json = sm_render_json(res, 0)) != NULL &&
        sm_lint(rules, NULL, s, doc, &lo, &lr, &e) == SM_OK)
        *ok = true;
    else
        fprintf(stderr, "%s at %zu bytes: %s\n", SM_SHAPES[k].name, n, e.msg);
    uint64_t w = sm_work;
    if (null)
        fclose(null);
    free(json);
    sm_lint_result_free(lr);
    sm_result_free(res);
    sm_doc_free(doc);
    free(text);
    return w;
}

static const sm_skill_match *skill(const sm_result *r, const char *id)
{
    size_t n;
    const sm_skill_match *m = sm_result_skills(r, &n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(m[i].id, id))
            return &m[i];
    return NULL;
}

static sm_result *analyze(const sm_rules *rules, sm_scratch *s,
                          const char *text)
{
    sm_doc *doc = NULL;
    sm_result *res = NULL;
    sm_error e = {0};
    sm_options opt = {.today_year = 2026, .today_month = 12};
    if (sm_doc_load_mem("t.txt", text, strlen(text), 0, &doc, &e) != SM_OK ||
        sm_analyze(rules, s, doc, &opt, &res, &e) != SM_OK)
        fprintf(stderr, "analyze: %s\n", e.msg);
    sm_doc_free(doc);
    return res;
}

/* A skill named 3,000 times keeps SM_EVIDENCE_MAX pieces of evidence and
 * counts every mention, on one line and on as many lines; its years are
 * those of the dated jobs that name it, however many hits fold into one. */
static void test_caps(const sm_rules *rules, sm_scratch *s)
{
    enum { N = 3000 };
    const char *units[] = {"Python, ", "Python.\n"};
    for (int u = 0; u < 2; u++) {
        char *text = malloc(N * 8 + 1);
        for (int i = 0; i < N; i++)
            memcpy(text + i * 8, units[u], 8);
        text[N * 8] = '\0';
        sm_result *r = analyze(rules, s, text);
        const sm_skill_match *m = r ? skill(r, "python") : NULL;
        CHECK(m != NULL);
        if (m) {
            CHECK_INT(m->n_evidence, SM_EVIDENCE_MAX);
            CHECK_INT(m->n_mentions, N);
            CHECK_INT(m->evidence[0].line, 1);
        }
        char *json = r ? sm_render_json(r, 0) : NULL;
        const char *om = json ? strstr(json, "\"evidence_omitted\":") : NULL;
        CHECK(om && strtol(om + 19, NULL, 10) == N - SM_EVIDENCE_MAX);
        free(json);
        sm_result_free(r);
        free(text);
    }
    /* two jobs, Python named 100 times in each, Java in the first only:
     * folding Python's hits must not lose the second job (23 + 59 months) */
    char *text = malloc(256 + 200 * 8);
    strcpy(text, "Experience\nEngineer, Jan 2010 - Dec 2011\nJava\n");
    for (int i = 0; i < 100; i++)
        strcat(text, "Python\n");
    strcat(text, "Engineer, Jan 2015 - Dec 2019\n");
    for (int i = 0; i < 100; i++)
        strcat(text, "Python\n");
    sm_result *r = analyze(rules, s, text);
    const sm_skill_match *m = r ? skill(r, "python") : NULL;
    CHECK(m && m->n_mentions == 200);
    CHECK(m && fabs(m->years - 6.8) < 0.05);
    m = r ? skill(r, "java") : NULL;
    CHECK(m && fabs(m->years - 1.9) < 0.05);
    sm_result_free(r);
    free(text);
}

int main(void)
{
    sm_rules *rules = NULL;
    sm_error e = {0};
    if (sm_rules_load(unit_rules_dir(), &rules, &e) != SM_OK) {
        fprintf(stderr, "rules: %s:%d: %s\n", e.file, e.line, e.msg);
        return 1;
    }
    sm_scratch *s = sm_scratch_new(rules);
    CHECK(s != NULL);
    if (s)
        test_caps(rules, s);
    for (size_t k = 0; s && k < SM_NSHAPES; k++) {
        bool ok1, ok2;
        uint64_t w1 = work_of(rules, s, k, SMALL, &ok1);
        uint64_t w2 = work_of(rules, s, k, SMALL * FACTOR, &ok2);
        double ratio = w1 ? (double)w2 / (double)w1 : 0;
        CHECK(ok1 && ok2);
        CHECK(w1 > 0);
        if (!(ratio <= FACTOR * SLACK))
            fprintf(stderr, "%s: work %llu at %d bytes, %llu at %d: %.2fx\n",
                    SM_SHAPES[k].name, (unsigned long long)w1, SMALL,
                    (unsigned long long)w2, SMALL * FACTOR, ratio);
        CHECK(ratio <= FACTOR * SLACK);
    }
    sm_scratch_free(s);
    sm_rules_free(rules);
    return unit_done("linear");
}
