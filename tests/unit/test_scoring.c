/* Scoring (analyze/score.c) by itself: hits and years made here, not
 * found, go into sm_score(), so that each expectation follows from the
 * weights of the small profiles below: coverage per level, gaps heaviest
 * first, the level the years give and what holds it back, hedged hits,
 * and the years each skill was used in. */
#include <math.h>

#include "analyze/analyze.h"
#include "doc/doc.h"
#include "rules/rules.h"
#include "unit.h"

static const char *const FILES[] = {
    "facts.yaml", "facts:\n  - source: \"000:1-50\"\n",
    "skills.yaml",
    "skills:\n"
    "  - id: python\n    name: Python\n    category: languages\n"
    "    source: \"000:1\"\n    patterns: ['python']\n"
    "  - id: pytorch\n    name: PyTorch\n    category: ml\n"
    "    source: \"000:2\"\n    patterns: ['pytorch']\n"
    "  - id: kubernetes\n    name: Kubernetes\n    category: engineering\n"
    "    source: \"000:4\"\n    patterns: ['kubernetes']\n"
    "  - id: mentoring\n    name: Mentoring\n    category: leadership\n"
    "    source: \"000:5\"\n    patterns: ['mentoring']\n",
    "profiles.yaml",
    "levels: {pass: 0.6, ml_skills: [pytorch]}\n"
    "profiles:\n"
    "  - level: junior\n    title: J\n    source: \"000:6\"\n"
    "    years: {min: 0, max: 1}\n    requirements:\n"
    "      - {skill: python, weight: 3, reason: py, source: \"000:7\"}\n"
    "      - {skill: pytorch, weight: 2, reason: pt, source: \"000:7\"}\n"
    "  - level: mid\n    title: M\n    source: \"000:6\"\n"
    "    years: {min: 4, max: 6}\n    requirements:\n"
    "      - {skill: python, weight: 2, reason: py, source: \"000:7\"}\n"
    "      - {skill: kubernetes, weight: 3, reason: k8s, source: \"000:7\"}\n"
    "  - level: senior\n    title: S\n    source: \"000:6\"\n"
    "    years: {min: 7}\n    requirements:\n"
    "      - {skill: kubernetes, weight: 2, reason: k8s, source: \"000:7\"}\n"
    "      - {skill: mentoring, weight: 5, reason: mentor, source: \"000:7\"}\n",
    NULL};

/* The text every score is made from: one word per skill, on lines 2-5,
 * below a dated job on line 1. */
static const char TEXT[] = "Acme 2020 - 2022\npython\npytorch\nkubernetes\n"
                           "mentoring\n";

static sm_rules *rules;
static sm_doc *doc;

static int skill_index(const char *id)
{
    for (size_t i = 0; i < rules->nskills; i++)
        if (!strcmp(rules->skills[i].info.id, id))
            return (int)i;
    return -1;
}

/* Score hits on the skills of `ids` (space-separated), each of strength
 * `strength` (pytorch: `ml_strength`), with `years` years (< 0: none) of
 * which the job on line 1, 2020-2022, is a dated range when `dated`. */
static sm_result *score(const char *ids, double strength, double ml_strength,
                        double years, bool dated)
{
    sm_hit h[8];
    size_t n = 0;
    /* hits grouped by skill in the rules' order, as sm_match_doc() gives */
    for (size_t k = 0; k < rules->nskills; k++) {
        const char *id = rules->skills[k].info.id;
        const char *p = strstr(ids, id);
        if (!p)
            continue;
        const char *at = strstr(TEXT, id);
        h[n++] = (sm_hit){.skill = (int)k, .start = (size_t)(at - TEXT),
                          .end = (size_t)(at - TEXT) + strlen(id),
                          .strength = !strcmp(id, "pytorch") ? ml_strength
                                                             : strength,
                          .section = -1, .count = 1};
    }
    sm_hits hits = {h, n, n};
    /* the job's block: the whole text */
    sm_job_range job = {.from = 2020 * 12, .to = 2022 * 12, .line = 0,
                        .start = 0, .end = sizeof TEXT - 1};
    sm_years y = {.years = years, .ranges = dated ? &job : NULL,
                  .nranges = dated ? 1 : 0};
    snprintf(y.method, sizeof y.method, "made up");
    sm_result *r = NULL;
    sm_error e = {0};
    if (sm_score(rules, doc, &hits, &y, NULL, &r, &e) != SM_OK)
        fprintf(stderr, "score: %s\n", e.msg);
    return r;
}

static double cover(const sm_result *r, sm_level lv)
{
    return sm_result_level_score(r, lv)->score;
}

static void test_coverage_and_gaps(void)
{
    /* junior: python 3 + pytorch 2 of 5; mid: python 2 of 5; senior: 0 */
    sm_result *r = score("python pytorch", 1, 1, -1, false);
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK(fabs(cover(r, SM_LEVEL_JUNIOR) - 1.0) < 1e-9);
    CHECK(fabs(cover(r, SM_LEVEL_MID) - 0.4) < 1e-9);
    CHECK(fabs(cover(r, SM_LEVEL_SENIOR)) < 1e-9);
    const sm_level_score *s = sm_result_level_score(r, SM_LEVEL_SENIOR);
    CHECK_INT(s->n_missing, 2);
    CHECK_STR(s->missing[0].id, "mentoring");      /* heaviest first */
    CHECK_INT(s->missing[0].weight, 5);
    CHECK_STR(s->missing[1].id, "kubernetes");
    CHECK_STR(s->missing[0].reason, "mentor");
    CHECK_INT(sm_result_level_score(r, SM_LEVEL_JUNIOR)->n_missing, 0);
    /* no years: the pass mark chooses */
    CHECK_INT(sm_result_level(r), SM_LEVEL_JUNIOR);
    CHECK_STR(sm_result_reason(r), "junior: covers 100% of junior, 40% of "
              "mid; years unknown");
    CHECK_STR(sm_result_confidence(r), "high");
    size_t n;
    const sm_skill_match *m = sm_result_skills(r, &n);
    CHECK_INT(n, 2);
    CHECK(n == 2 && m[0].n_evidence == 1 && m[0].evidence[0].line > 1);
    sm_result_free(r);
}

static void test_strength(void)
{
    /* a weaker hit counts for its strength */
    sm_result *r = score("python pytorch", 0.5, 1, -1, false);
    CHECK(r && fabs(cover(r, SM_LEVEL_JUNIOR) - 0.7) < 1e-9);
    sm_result_free(r);
    /* a hedged ML skill (below 0.5) shows no machine learning: none */
    r = score("python pytorch", 1, 0.3, 3, true);
    CHECK(r && fabs(cover(r, SM_LEVEL_JUNIOR) - 0.72) < 1e-9);
    CHECK(r && sm_result_level(r) == SM_LEVEL_NONE);
    CHECK(r && strstr(sm_result_reason(r), "none: no machine-learning "
                      "skill found") == sm_result_reason(r));
    sm_result_free(r);
}

static void test_years_choose(void)
{
    /* everything shown: the years choose */
    sm_result *r = score("python pytorch kubernetes mentoring", 1, 1, 1,
                         false);
    CHECK(r && sm_result_level(r) == SM_LEVEL_JUNIOR);
    CHECK(r && strstr(sm_result_reason(r), "1 years, the level the years "
                      "give") != NULL);
    sm_result_free(r);
    r = score("python pytorch kubernetes mentoring", 1, 1, 5, false);
    CHECK(r && sm_result_level(r) == SM_LEVEL_MID);
    sm_result_free(r);
    r = score("python pytorch kubernetes mentoring", 1, 1, 9, false);
    CHECK(r && sm_result_level(r) == SM_LEVEL_SENIOR);
    CHECK(r && !strcmp(sm_result_reason(r), "senior: covers 100% of senior; "
                       "9 years, the level the years give"));
    sm_result_free(r);
    /* nine years but nothing of senior: held back by coverage */
    r = score("python pytorch", 1, 1, 9, false);
    CHECK(r && sm_result_level(r) < SM_LEVEL_SENIOR);
    CHECK(r && strstr(sm_result_reason(r), "held back by coverage") != NULL);
    sm_result_free(r);
    /* no machine learning: none, whatever the years */
    r = score("python kubernetes mentoring", 1, 1, 26, false);
    CHECK(r && sm_result_level(r) == SM_LEVEL_NONE);
    sm_result_free(r);
}

static void test_skill_years(void)
{
    /* the dated job's block runs to the end of its section: every skill
     * below it was used for its 2 years, and they are ML work */
    sm_result *r = score("python pytorch", 1, 1, 6, true);
    CHECK(r != NULL);
    if (!r)
        return;
    size_t n;
    const sm_skill_match *m = sm_result_skills(r, &n);
    for (size_t i = 0; i < n; i++)
        CHECK(fabs(m[i].years - 2) < 1e-9);
    CHECK(fabs(sm_result_ml_years(r) - 2) < 1e-9);
    CHECK(fabs(sm_result_years(r) - 6) < 1e-9);
    CHECK_STR(sm_result_years_method(r), "made up");
    CHECK(strstr(sm_result_reason(r), "6 years, 2 in ML work") != NULL);
    sm_result_free(r);
    /* without the range, no skill has years */
    r = score("python", 1, 1, 6, false);
    m = r ? sm_result_skills(r, &n) : NULL;
    CHECK(m && n == 1 && m[0].years < 0);
    CHECK(r && sm_result_ml_years(r) < 0);
    sm_result_free(r);
}

int main(void)
{
    const char *dir = unit_dir(FILES);
    sm_error e;
    if (sm_rules_load(dir, &rules, &e) != SM_OK ||
        sm_doc_load_mem("t.txt", TEXT, strlen(TEXT), 0, &doc, &e) != SM_OK) {
        fprintf(stderr, "%s:%d:%d: %s\n", e.file, e.line, e.col, e.msg);
        unit_fail++;
        unit_rmdir(dir);
        return unit_done("scoring");
    }
    CHECK(skill_index("pytorch") >= 0 && doc->nlines <= 8);
    test_coverage_and_gaps();
    test_strength();
    test_years_choose();
    test_skill_years();
    sm_doc_free(doc);
    sm_rules_free(rules);
    unit_rmdir(dir);
    return unit_done("scoring");
}
