/* Matching, context, sections, years and scoring on a small rules folder
 * written here, so that each expectation follows from rules in view. */
#include <math.h>

#include "unit.h"

static const char *const FILES[] = {
    "facts.yaml", "facts:\n  - source: \"000:1-50\"\n",
    "skills.yaml",
    "skills:\n"
    "  - id: python\n    name: Python\n    category: languages\n"
    "    source: \"000:1\"\n    triggers: [python*]\n"
    "    patterns: ['(?<!\\w)python\\s?3?(?!\\w)']\n"
    "  - id: pytorch\n    name: PyTorch\n    category: ml\n"
    "    source: \"000:2\"\n    triggers: [pytorch, torch]\n"
    "    patterns: ['(?<!\\w)(?:py)?torch(?!\\w)']\n"
    "  - id: r_lang\n    name: R\n    category: languages\n"
    "    source: \"000:3\"\n    triggers: [r]\n"
    "    patterns: ['(?<![\\w&.])r(?![\\w&])']\n"
    "    exclude: ['r\\s*&\\s*d']\n"
    "    needs_context: true\n"
    "  - id: kubernetes\n    name: Kubernetes\n    category: engineering\n"
    "    source: \"000:4\"\n    triggers: [kubernetes, k8s]\n"
    "    patterns: ['kubernetes|k8s']\n"
    "  - id: mentoring\n    name: Mentoring\n    category: leadership\n"
    "    source: \"000:5\"\n    triggers: [mentor*]\n"
    "    patterns: ['mentor(?:ed|ing)?']\n",
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
    "context.yaml",
    "context:\n  window: 60\n  negation:\n"
    "    - id: no_exp\n      before: '\\b(?:no|not|never)\\b[^,;]{0,40}$'\n"
    "  hedge:\n"
    "    - id: want\n      before: '\\bwant to learn\\b[^.]{0,40}$'\n"
    "      strength: 0.3\n"
    "  corroboration: ['\\bprogramming\\b']\n",
    "sections.yaml",
    "sections:\n"
    "  - name: skills\n    headings: ['skills']\n"
    "  - name: experience\n    headings: ['experience']\n"
    "  - name: education\n    headings: ['education']\n"
    "  - name: interests\n    strength: 0.5\n    headings: ['interests']\n",
    NULL};

static sm_rules *rules;
static sm_scratch *scratch;

static sm_result *run(const char *text, unsigned flags)
{
    sm_doc *d = NULL;
    sm_result *r = NULL;
    sm_error e;
    sm_options o = {.flags = flags, .today_year = 2026, .today_month = 11};
    if (sm_doc_load_mem("t.txt", text, strlen(text), 0, &d, &e) != SM_OK ||
        sm_analyze(rules, scratch, d, &o, &r, &e) != SM_OK)
        fprintf(stderr, "analyze failed: %s\n", e.msg);
    sm_doc_free(d);
    return r;
}

static const sm_skill_match *find(const sm_result *r, const char *id)
{
    size_t n;
    const sm_skill_match *m = sm_result_skills(r, &n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(m[i].id, id))
            return &m[i];
    return NULL;
}

static void test_evidence(void)
{
    sm_result *r = run("Jane Doe\n\nSKILLS\n* Python 3, PyTorch\n\n"
                       "Experience\nMentored two interns\n", 0);
    CHECK(r != NULL);
    if (!r)
        return;
    const sm_skill_match *m = find(r, "pytorch");
    CHECK(m != NULL);
    if (m) {
        CHECK_INT(m->n_evidence, 1);
        CHECK_INT(m->evidence[0].line, 4);
        CHECK_INT(m->evidence[0].col, 13);
        CHECK_STR(m->evidence[0].text, "PyTorch");
        CHECK_STR(m->evidence[0].section, "skills");
    }
    m = find(r, "mentoring");
    CHECK(m && !strcmp(m->evidence[0].section, "experience"));
    sm_result_free(r);
}

static void test_context(void)
{
    sm_result *r = run("No experience with Kubernetes.\n"
                       "I want to learn PyTorch.\n"
                       "Led R&D for the lab.\n", 0);
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK(find(r, "kubernetes") == NULL);
    const sm_skill_match *m = find(r, "pytorch");
    CHECK(m != NULL);
    if (m) {
        CHECK(fabs(m->strength - 0.3) < 1e-9);
        CHECK_STR(m->evidence[0].context, "want");
    }
    CHECK(find(r, "r_lang") == NULL);
    sm_result_free(r);

    /* R counts with a neighbour in a list or a cue, not alone */
    r = run("Tools: Python, R, PyTorch\n", 0);
    CHECK(r && find(r, "r_lang") != NULL);
    sm_result_free(r);
    r = run("R programming for statistics\n", 0);
    CHECK(r && find(r, "r_lang") != NULL);
    sm_result_free(r);
    r = run("Signed by R Smith\n", 0);
    CHECK(r && find(r, "r_lang") == NULL);
    sm_result_free(r);
}

static void test_weak_section(void)
{
    sm_result *r = run("INTERESTS\nKubernetes at home\n", 0);
    const sm_skill_match *m = r ? find(r, "kubernetes") : NULL;
    CHECK(m != NULL);
    if (m) {
        CHECK(fabs(m->strength - 0.5) < 1e-9);
        CHECK_STR(m->evidence[0].section, "interests");
    }
    sm_result_free(r);
}

static void check_years(const char *text, double want, const char *why)
{
    sm_result *r = run(text, 0);
    double got = r ? sm_result_years(r) : -99;
    if (fabs(got - want) < 0.051) {
        unit_pass++;
    } else {
        unit_fail++;
        fprintf(stderr, "years of %s: got %g, want %g\n", why, got, want);
    }
    sm_result_free(r);
}

static void test_years(void)
{
    check_years("Engineer, Acme, Jan 2019 - Present\n", 7.8, "Jan 2019 - Present");
    check_years("Acme 2016-2020\n", 4, "2016-2020");
    check_years("Acme 06/2018 - 03/2021\n", 2.75, "06/2018 - 03/2021");
    check_years("Acme, March 2015 to date\n", 11.7, "March 2015 to date");
    check_years("Acme 2019\xe2\x80\x93now\n", 7.8, "2019-now");
    check_years("A: Jan 2018 - Dec 2020\nB: Jan 2020 - Dec 2021\n", 3.9,
                "overlapping ranges merged");
    check_years("Education\nBSc, 2010 - 2014\nExperience\nAcme 2020 - 2022\n",
                2, "education dates left out");
    check_years("MSc Computer Science, State University, 2012 - 2014\n"
                "Acme 2020 - 2022\n", 2, "a degree line outside Education");
    check_years("Over 12 years of experience in software.\nAcme 2020 - 2022\n",
                12, "stated total");
    check_years("Python and PyTorch.\n", -1, "nothing stated");
}

static void test_scoring(void)
{
    /* junior: python 3 + pytorch 2 = 5/5; mid: python 2 of 5;
     * senior: 0 of 7 */
    sm_result *r = run("Python and PyTorch.\nAcme 2025 - 2026\n", 0);
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK(fabs(sm_result_level_score(r, SM_LEVEL_JUNIOR)->score - 1.0) < 1e-9);
    CHECK(fabs(sm_result_level_score(r, SM_LEVEL_MID)->score - 0.4) < 1e-9);
    const sm_level_score *s = sm_result_level_score(r, SM_LEVEL_SENIOR);
    CHECK_INT(s->n_missing, 2);
    CHECK_STR(s->missing[0].id, "mentoring");   /* heaviest first */
    CHECK_INT(s->missing[0].weight, 5);
    CHECK_INT(sm_result_level(r), SM_LEVEL_JUNIOR);
    CHECK(strstr(sm_result_reason(r), "junior: covers 100% of junior") != NULL);
    sm_result_free(r);

    /* every skill but 1 year: held back to junior by years */
    r = run("Python, PyTorch, Kubernetes, mentored juniors.\n"
            "Acme 2025 - 2026\n", 0);
    CHECK(r && sm_result_level(r) == SM_LEVEL_JUNIOR);
    CHECK(r && strstr(sm_result_reason(r), "the level the years give") != NULL);
    sm_result_free(r);

    /* the same with 9 years: senior */
    r = run("Python, PyTorch, Kubernetes, mentored juniors.\n"
            "Acme 2017 - 2026\n", 0);
    CHECK(r && sm_result_level(r) == SM_LEVEL_SENIOR);
    sm_result_free(r);

    /* no ML skill: none, whatever the years */
    r = run("Python, Kubernetes, mentored juniors.\nAcme 2000 - 2026\n", 0);
    CHECK(r && sm_result_level(r) == SM_LEVEL_NONE);
    sm_result_free(r);
}

static void test_prefilter_same_as_full_scan(void)
{
    const char *t = "Skills: Python3, torch, K8s; R (programming)\n\n"
                    "Mentoring and no Kubernetes\n";
    sm_result *a = run(t, 0), *b = run(t, SM_ANALYZE_FULL_SCAN);
    char *ja = a ? sm_render_json(a, 0) : NULL;
    char *jb = b ? sm_render_json(b, 0) : NULL;
    CHECK(ja && jb && !strcmp(ja, jb));
    free(ja);
    free(jb);
    sm_result_free(a);
    sm_result_free(b);
}

int main(void)
{
    const char *dir = unit_dir(FILES);
    sm_error e;
    if (sm_rules_load(dir, &rules, &e) != SM_OK) {
        fprintf(stderr, "%s:%d:%d: %s\n", e.file, e.line, e.col, e.msg);
        unit_fail++;
        unit_rmdir(dir);
        return unit_done("analysis");
    }
    scratch = sm_scratch_new(rules);
    test_evidence();
    test_context();
    test_weak_section();
    test_years();
    test_scoring();
    test_prefilter_same_as_full_scan();
    sm_scratch_free(scratch);
    sm_rules_free(rules);
    unit_rmdir(dir);
    return unit_done("analysis");
}
