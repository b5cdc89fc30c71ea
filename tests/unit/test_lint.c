/* lint: the level a draft claims (front matter, title, option), every
 * check on drafts that must and must not trigger it, the parts that are
 * not linted, inline comments, .skillmatch.yml and the output formats. */
#include "unit.h"

static sm_rules *rules;
static sm_scratch *scratch;

/* ---- helpers ---- */

static sm_lint_result *lint_mem(const char *text, const sm_lint_config *cfg,
                                sm_level level)
{
    sm_doc *doc = NULL;
    sm_lint_result *res = NULL;
    sm_error err = {0};
    sm_lint_options opt = {.level = level};
    if (sm_doc_load_mem("draft.md", text, strlen(text), 0, &doc, &err) !=
            SM_OK ||
        sm_lint(rules, cfg, scratch, doc, &opt, &res, &err) != SM_OK)
        fprintf(stderr, "lint failed: %s:%d:%d: %s\n", err.file, err.line,
                err.col, err.msg);
    sm_doc_free(doc);
    return res;
}

static sm_lint_result *lint_file(const char *path, const sm_lint_config *cfg)
{
    sm_doc *doc = NULL;
    sm_lint_result *res = NULL;
    sm_error err = {0};
    if (sm_doc_load_file(path, 0, &doc, &err) != SM_OK ||
        sm_lint(rules, cfg, scratch, doc, NULL, &res, &err) != SM_OK)
        fprintf(stderr, "lint %s failed: %s\n", path, err.msg);
    sm_doc_free(doc);
    return res;
}

/* How many findings of `check` (NULL: any). */
static size_t count(const sm_lint_result *r, const char *check)
{
    size_t n, k = 0;
    if (!r)
        return 9999;
    const sm_lint_finding *f = sm_lint_result_findings(r, &n);
    for (size_t i = 0; i < n; i++)
        if (!check || !strcmp(f[i].check->id, check))
            k++;
    return k;
}

static const sm_lint_finding *first(const sm_lint_result *r, const char *check)
{
    size_t n;
    const sm_lint_finding *f = sm_lint_result_findings(r, &n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(f[i].check->id, check))
            return &f[i];
    return NULL;
}

static char *render(const sm_lint_result *r, sm_lint_format fmt,
                    sm_severity fail_on)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    sm_lint_render_options ro = {.flags = 0, .fail_on = fail_on};
    const sm_lint_result *rs[1] = {r};
    CHECK(sm_lint_render(rs, r ? 1 : 0, fmt, &ro, f) == SM_OK);
    fclose(f);
    return buf;
}

/* ---- the level a title names ---- */

static void test_titles(void)
{
    static const struct {
        const char *title, *level;
    } T[] = {
        {"Sr. Data Scientist", "senior"},
        {"Machine Learning Engineer II", "mid"},
        {"Staff ML Engineer", "senior"},
        {"Entry-Level AI Engineer", "junior"},
        {"ML Engineer (Mid-Level)", "mid"},
        {"Principal Applied Scientist", "senior"},
        {"Graduate Machine Learning Engineer", "junior"},
        {"Lead MLOps Engineer", "senior"},
        {"Junior Data Engineer", "junior"},
        {"Machine Learning Engineer III", "senior"},
        {"Associate ML Engineer", "junior"},
        {"Senior/Staff Machine Learning Engineer", "senior"},
        {"ML Engineering Intern", "junior"},
        {"Senior Machine Learning Engineer", "senior"},
        {"Sr ML Engineer, Ranking", "senior"},
        {"Senior Data Scientist (Remote)", "senior"},
        {"Machine Learning Engineer, Senior", "senior"},
        {"Senior Associate, Machine Learning", "senior"},
        {"Associate Director, Data Science", "senior"},
        {"Director of Machine Learning", "senior"},
        {"Head of AI", "senior"},
        {"VP, Machine Learning", "senior"},
        {"Machine Learning Architect", "senior"},
        {"ML Engineering Manager", "senior"},
        {"Senior Staff Machine Learning Engineer", "senior"},
        {"Distinguished Engineer, AI", "senior"},
        {"Mid-Senior Machine Learning Engineer", "senior"},
        {"Lead Machine Learning Engineer (often mid-level technical lead)",
         "senior"},
        {"Research Engineer, Generative AI (Senior)", "senior"},
        {"Data Engineer III", "senior"},
        {"Machine Learning Engineer IV", "senior"},
        {"Machine Learning Engineer - Level 3", "senior"},
        {"ML Engineer - L5", "senior"},
        {"Data Scientist III (Senior)", "senior"},
        {"Mid-Level Machine Learning Engineer", "mid"},
        {"AI/ML Software Engineer (Mid Level)", "mid"},
        {"Midlevel Data Scientist", "mid"},
        {"Intermediate ML Developer", "mid"},
        {"Data Scientist II - Marketing Analytics", "mid"},
        {"Applied Scientist II, Alexa AI", "mid"},
        {"Software Engineer II, Machine Learning", "mid"},
        {"ML Engineer 2", "mid"},
        {"Software Engineer - Machine Learning (L4)", "mid"},
        {"Computer Vision Engineer II", "mid"},
        {"Machine Learning Engineer I", "junior"},
        {"Data Analyst I", "junior"},
        {"Jr. Machine Learning Engineer", "junior"},
        {"Machine Learning Developer (Entry Level)", "junior"},
        {"AI/ML Software Engineer (Entry Level)", "junior"},
        {"Associate Machine Learning Engineer", "junior"},
        {"New Grad Software Engineer, ML", "junior"},
        {"Machine Learning Scientist - Early Career", "junior"},
        {"2025 Summer Intern - Machine Learning", "junior"},
        {"PhD Research Intern, Computer Vision", "junior"},
        {"Machine Learning Internship", "junior"},
        {"Data Science Co-op", "junior"},
        {"Apprentice Data Scientist", "junior"},
        {"Trainee Data Engineer", "junior"},
        {"AI Residency", "junior"},
        {"Junior/Mid-level Data Scientist", "junior"},
        {"Data Scientist 1", "junior"},
        {"Machine Learning Engineer (0-2 years)", "junior"},
        {"Data Scientist, 5+ years", "mid"},
        {"ML Engineer (8+ years)", "senior"},
        {"Mid/Senior ML Engineer", "senior"},
        {"Werkstudent Data Science (m/w/d)", "junior"},
        {"Cientista de Dados Pleno", "mid"},
        {"Júnior Data Scientist", "junior"},
        {"Machine Learning Engineer (Python 3)", "none"},
        {"ML Engineer - Early Stage Startup", "none"},
        {"Machine Learning Engineer", "none"},
        {"Research Scientist, Large Language Models", "none"},
        {"Founding Machine Learning Engineer", "none"},
        {"Internal Tools ML Engineer", "none"},
        {"Staffing Data Analyst", "none"},
        {"Midwest Data Engineer", "none"},
        {"Postgraduate Researcher in NLP", "none"},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        sm_level lv = SM_LEVEL_NONE;
        sm_error err;
        CHECK(sm_lint_title_level(rules, scratch, T[i].title, &lv, &err) ==
              SM_OK);
        if (strcmp(sm_level_name(lv), T[i].level))
            fprintf(stderr, "title \"%s\": ", T[i].title);
        CHECK_STR(sm_level_name(lv), T[i].level);
    }
}

/* ---- where the level comes from ---- */

static void test_level_sources(void)
{
    sm_lint_result *r;
    int line;

    r = lint_mem("---\nlevel: mid\n---\n# Senior ML Engineer\n", NULL,
                 SM_LEVEL_NONE);
    CHECK_STR(sm_level_name(sm_lint_result_level(r)), "mid");
    CHECK_STR(sm_level_source_name(sm_lint_result_level_source(r)),
              "front-matter");
    sm_lint_result_free(r);

    /* front matter in words; a title in the front matter */
    r = lint_mem("---\nlevel: Entry-Level\n---\nText\n", NULL, SM_LEVEL_NONE);
    CHECK_STR(sm_level_name(sm_lint_result_level(r)), "junior");
    sm_lint_result_free(r);
    r = lint_mem("---\ntitle: \"Staff ML Engineer\"\n---\n# About us\n", NULL,
                 SM_LEVEL_NONE);
    CHECK_STR(sm_level_name(sm_lint_result_level(r)), "senior");
    CHECK_STR(sm_lint_result_title(r, &line), "Staff ML Engineer");
    CHECK_INT(line, 2);
    sm_lint_result_free(r);

    /* front matter that YAML refuses (a colon in a plain title) is read
     * line by line */
    r = lint_mem("---\ntitle: Senior ML Engineer: Ads\nlevel: expert\n---\n"
                 "Text\n", NULL, SM_LEVEL_NONE);
    CHECK_STR(sm_lint_result_title(r, &line), "Senior ML Engineer: Ads");
    CHECK_INT(line, 2);
    CHECK_STR(sm_level_name(sm_lint_result_level(r)), "senior");
    sm_lint_result_free(r);

    /* --level overrides everything */
    r = lint_mem("---\nlevel: mid\n---\n# Senior ML Engineer\n", NULL,
                 SM_LEVEL_JUNIOR);
    CHECK_STR(sm_level_name(sm_lint_result_level(r)), "junior");
    CHECK_STR(sm_level_source_name(sm_lint_result_level_source(r)),
              "option");
    sm_lint_result_free(r);

    /* the title: a labelled line, a heading that names a role, a line */
    r = lint_mem("Job Title: Data Scientist II\nLocation: Remote\n\nHi\n",
                 NULL, SM_LEVEL_NONE);
    CHECK_STR(sm_lint_result_title(r, NULL), "Data Scientist II");
    CHECK_STR(sm_level_name(sm_lint_result_level(r)), "mid");
    sm_lint_result_free(r);
    r = lint_mem("**Position:** Principal Applied Scientist\n\nText\n", NULL,
                 SM_LEVEL_NONE);
    CHECK_STR(sm_level_name(sm_lint_result_level(r)), "senior");
    sm_lint_result_free(r);
    r = lint_mem("# Acme Corp\n\n## Junior ML Engineer\n\nText\n", NULL,
                 SM_LEVEL_NONE);
    CHECK_STR(sm_lint_result_title(r, &line), "Junior ML Engineer");
    CHECK_INT(line, 3);
    sm_lint_result_free(r);
    r = lint_mem("Acme AI\nSenior Machine Learning Engineer\nNew York, NY\n\n"
                 "About the job\n", NULL, SM_LEVEL_NONE);
    CHECK_STR(sm_level_name(sm_lint_result_level(r)), "senior");
    CHECK_STR(sm_level_source_name(sm_lint_result_level_source(r)), "title");
    sm_lint_result_free(r);
    r = lint_mem("Lead Data Scientist\n===================\n\nText\n", NULL,
                 SM_LEVEL_NONE);
    CHECK_STR(sm_level_name(sm_lint_result_level(r)), "senior");
    sm_lint_result_free(r);

    /* none: an unknown-level finding at the title */
    r = lint_mem("# Machine Learning Engineer\n\n- Python\n", NULL,
                 SM_LEVEL_NONE);
    CHECK_STR(sm_level_name(sm_lint_result_level(r)), "none");
    CHECK_STR(sm_level_source_name(sm_lint_result_level_source(r)), "none");
    CHECK_INT(count(r, "unknown-level"), 1);
    CHECK_INT(count(r, NULL), 1);   /* level checks do not run */
    sm_lint_result_free(r);

    /* a front-matter level that is no level: said where it is written */
    r = lint_mem("---\nlevel: expert\n---\n# ML Engineer\n", NULL,
                 SM_LEVEL_NONE);
    const sm_lint_finding *f = first(r, "unknown-level");
    CHECK(f && f->line == 2 && f->col == 8);
    sm_lint_result_free(r);
}

/* ---- each check: drafts that must and must not trigger it ---- */

static void test_checks(void)
{
    static const char *const CHECKS[] = {
        "missing-required", "years-mismatch", "above-level",
        "duplicate-requirement", "salary-out-of-range", "unknown-level",
        NULL};
    for (const char *const *c = CHECKS; *c; c++) {
        char yes[256], no[256];
        snprintf(yes, sizeof yes, "corpus/jobs/lint/%s-yes.md", *c);
        snprintf(no, sizeof no, "corpus/jobs/lint/%s-no.md", *c);
        sm_lint_result *r = lint_file(yes, NULL);
        if (count(r, *c) == 0)
            fprintf(stderr, "%s: no %s finding\n", yes, *c);
        CHECK(count(r, *c) > 0);
        sm_lint_result_free(r);
        r = lint_file(no, NULL);
        if (count(r, *c) != 0)
            fprintf(stderr, "%s: a %s finding\n", no, *c);
        CHECK_INT(count(r, *c), 0);
        sm_lint_result_free(r);
    }
    /* good drafts: nothing; bad drafts: what is wrong with them */
    static const struct {
        const char *file;
        const char *level;
        const char *checks[5];
    } D[] = {
        {"junior-good", "junior", {NULL}},
        {"mid-good", "mid", {NULL}},
        {"senior-good", "senior", {NULL}},
        {"junior-bad", "junior", {"above-level", "missing-required",
                                  "salary-out-of-range", "years-mismatch",
                                  NULL}},
        {"mid-bad", "mid", {"above-level", "missing-required",
                            "years-mismatch", NULL}},
        {"senior-bad", "senior", {"duplicate-requirement", "missing-required",
                                  "salary-out-of-range", "years-mismatch",
                                  NULL}},
    };
    for (size_t i = 0; i < sizeof D / sizeof *D; i++) {
        char path[256];
        snprintf(path, sizeof path, "corpus/jobs/lint/%s.md", D[i].file);
        sm_lint_result *r = lint_file(path, NULL);
        CHECK_STR(sm_level_name(sm_lint_result_level(r)), D[i].level);
        size_t want = 0;
        for (const char *const *c = D[i].checks; *c; c++) {
            want += count(r, *c);
            if (!count(r, *c))
                fprintf(stderr, "%s: no %s finding\n", path, *c);
            CHECK(count(r, *c) > 0);
        }
        CHECK_INT(count(r, NULL), want);   /* and nothing else */
        sm_lint_result_free(r);
    }

    /* missing-required: the heaviest are errors, at the requirements */
    sm_lint_result *r = lint_file("corpus/jobs/lint/missing-required-yes.md",
                                  NULL);
    const sm_lint_finding *f = first(r, "missing-required");
    CHECK(f && f->line == 3 && f->col == 1);
    size_t n, errors = 0;
    const sm_lint_finding *fs = sm_lint_result_findings(r, &n);
    for (size_t i = 0; i < n; i++)
        if (fs[i].severity == SM_SEVERITY_ERROR) {
            errors++;
            CHECK(strstr(fs[i].message, "Project leadership") != NULL);
            CHECK_STR(fs[i].source, "000:94");
        }
    CHECK_INT(errors, 1);
    CHECK_INT(sm_lint_result_count(r, SM_SEVERITY_ERROR), 1);
    CHECK_INT(sm_lint_result_count(r, SM_SEVERITY_WARNING), n);
    sm_lint_result_free(r);

    /* years: the largest number asked is what the draft asks */
    r = lint_mem("# Junior ML Engineer\n\n- 1 year of Python experience\n"
                 "- 6+ years of experience overall\n", NULL, SM_LEVEL_NONE);
    f = first(r, "years-mismatch");
    CHECK(f && f->line == 4 && f->col == 3);
    CHECK(f && strstr(f->message, "6+ years") != NULL);
    sm_lint_result_free(r);
    r = lint_mem("# Senior ML Engineer\n\n- Seven years of experience\n",
                 NULL, SM_LEVEL_NONE);
    CHECK_INT(count(r, "years-mismatch"), 0);
    sm_lint_result_free(r);

    /* duplicates: names explained in place are one mention */
    r = lint_mem("# Senior ML Engineer\n\n- Kubernetes (k8s)\n- CI/CD and "
                 "continuous integration\n", NULL, SM_LEVEL_NONE);
    CHECK_INT(count(r, "duplicate-requirement"), 1);
    f = first(r, "duplicate-requirement");
    CHECK(f && f->line == 4 && strstr(f->message, "'CI/CD'"));
    sm_lint_result_free(r);

    /* salary: hourly pay and bonuses are not salaries */
    r = lint_mem("# Junior ML Engineer\n\nSalary: $40/hour\n"
                 "Signing bonus: $5,000\n", NULL, SM_LEVEL_NONE);
    CHECK_INT(count(r, "salary-out-of-range"), 0);
    sm_lint_result_free(r);
    r = lint_mem("# Junior ML Engineer\n\nSalary range: $135-165k\n", NULL,
                 SM_LEVEL_NONE);
    CHECK_INT(count(r, "salary-out-of-range"), 0);
    sm_lint_result_free(r);
    r = lint_mem("# Senior ML Engineer\n\nBase salary: $600k - $700k\n", NULL,
                 SM_LEVEL_NONE);
    f = first(r, "salary-out-of-range");
    CHECK(f && f->severity == SM_SEVERITY_INFO && f->line == 3);
    sm_lint_result_free(r);

    /* columns count code points */
    r = lint_mem("# Junior ML Engineer\n\n- Ünïcødé — lead ML projects end "
                 "to end\n", NULL, SM_LEVEL_NONE);
    f = first(r, "above-level");
    CHECK(f && f->line == 3 && f->col == 13);
    sm_lint_result_free(r);
}

/* ---- what is not linted, and inline comments ---- */

static void test_skipped_and_inline(void)
{
    sm_lint_result *r = lint_file("corpus/jobs/lint/fenced.md", NULL);
    CHECK_INT(count(r, "above-level"), 0);
    CHECK_INT(count(r, "years-mismatch"), 0);
    sm_lint_result_free(r);

    r = lint_file("corpus/jobs/lint/inline-disable.md", NULL);
    CHECK_INT(count(r, "missing-required"), 0);   /* named: whole draft */
    CHECK_INT(count(r, "years-mismatch"), 0);
    CHECK_INT(count(r, "above-level"), 2);
    size_t n;
    const sm_lint_finding *f = sm_lint_result_findings(r, &n);
    CHECK(n == 2 && f[0].line == 9 && f[1].line == 16);
    sm_lint_result_free(r);

    /* a disable comment without a check name turns off every check */
    r = lint_mem("# Junior ML Engineer\n<!-- skillmatch-disable -->\n"
                 "- 9+ years of experience\n", NULL, SM_LEVEL_NONE);
    CHECK_INT(count(r, "years-mismatch"), 0);
    CHECK(count(r, "missing-required") > 0);   /* not named: by line */
    sm_lint_result_free(r);
}

/* ---- .skillmatch.yml ---- */

static sm_lint_config *config(const char *dir, const char *name,
                              sm_status *st, sm_error *err)
{
    char path[512];
    sm_lint_config *cfg = NULL;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    memset(err, 0, sizeof *err);
    *st = sm_lint_config_load(path, rules, &cfg, err);
    return cfg;
}

static void test_config(void)
{
    static const char *const files[] = {
        ".skillmatch.yml",
        "fail_on: warning\n"
        "rules: extra\n"
        "disable: [salary-out-of-range]\n"
        "checks:\n"
        "  years-mismatch: error\n"
        "  above-level: off\n"
        "  missing-required: {error_weight: 4, min_weight: 4}\n"
        "levels:\n"
        "  junior: {years: {min: 0, max: 3}}\n",
        "bad-check.yml", "checks:\n  no-such-check: error\n",
        "bad-sev.yml", "checks:\n  above-level: loud\n",
        "bad-key.yml", "fail-on: error\n",
        "bad-param.yml", "checks:\n  above-level: {margin: 1}\n",
        NULL};
    const char *dir = unit_dir(files);
    char sub[600], git[600], deep[700], extra[600];
    snprintf(extra, sizeof extra, "%s/extra", dir);
    mkdir(extra, 0755);
    char rule[700];
    snprintf(rule, sizeof rule, "%s/team.yaml", extra);
    FILE *fp = fopen(rule, "w");
    fputs("lint:\n  checks:\n"
          "    - id: no-rockstars\n"
          "      kind: phrases\n"
          "      severity: error\n"
          "      summary: Words that put candidates off.\n"
          "      message: 'avoid \"{text}\"'\n"
          "      patterns: ['(?<!\\w)(?:rock\\h?star|ninja)s?(?!\\w)']\n", fp);
    fclose(fp);

    sm_status st;
    sm_error err;
    sm_lint_config *cfg = config(dir, ".skillmatch.yml", &st, &err);
    if (st != SM_OK)
        fprintf(stderr, "%s:%d:%d: %s\n", err.file, err.line, err.col,
                err.msg);
    CHECK(st == SM_OK);
    CHECK_STR(sm_lint_config_fail_on(cfg), "warning");
    CHECK_INT(sm_lint_check_count(rules, cfg),
              sm_lint_check_count(rules, NULL) + 1);

    const char *draft = "# Junior ML Engineer\n\nSalary: $400,000\n\n"
                        "## Requirements\n\n- 3 years of experience\n"
                        "- Lead ML projects end to end\n"
                        "- Python, a rockstar\n";
    sm_lint_result *r = lint_mem(draft, cfg, SM_LEVEL_NONE);
    CHECK_INT(count(r, "salary-out-of-range"), 0);   /* disabled */
    CHECK_INT(count(r, "above-level"), 0);           /* off */
    CHECK_INT(count(r, "years-mismatch"), 0);        /* junior: 0-3 */
    CHECK_INT(count(r, "no-rockstars"), 1);          /* the team's check */
    const sm_lint_finding *f = first(r, "no-rockstars");
    CHECK(f && f->severity == SM_SEVERITY_ERROR && f->line == 9);
    /* only weight 4 and up are reported, and weight 4 is an error */
    size_t n;
    const sm_lint_finding *fs = sm_lint_result_findings(r, &n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(fs[i].check->id, "missing-required"))
            CHECK(fs[i].severity == SM_SEVERITY_ERROR);
    sm_lint_result_free(r);

    r = lint_mem("# Junior ML Engineer\n\n- 5 years of experience\n", cfg,
                 SM_LEVEL_NONE);
    f = first(r, "years-mismatch");
    CHECK(f && f->severity == SM_SEVERITY_ERROR);
    sm_lint_result_free(r);
    sm_lint_config_free(cfg);

    /* mistakes name file:line:col */
    cfg = config(dir, "bad-check.yml", &st, &err);
    CHECK(st == SM_ERR_RULES && err.line == 2 && err.col == 3 &&
          strstr(err.msg, "no-such-check"));
    cfg = config(dir, "bad-sev.yml", &st, &err);
    CHECK(st == SM_ERR_RULES && err.line == 2 && err.col == 16);
    cfg = config(dir, "bad-key.yml", &st, &err);
    CHECK(st == SM_ERR_RULES && err.line == 1 && strstr(err.msg, "fail-on"));
    cfg = config(dir, "bad-param.yml", &st, &err);
    CHECK(st == SM_ERR_RULES && strstr(err.msg, "margin"));
    CHECK(cfg == NULL);

    /* found from the draft's folder upward, not past the repository root */
    snprintf(sub, sizeof sub, "%s/repo", dir);
    snprintf(git, sizeof git, "%s/repo/.git", dir);
    snprintf(deep, sizeof deep, "%s/repo/jobs/2025", dir);
    mkdir(sub, 0755);
    mkdir(git, 0755);
    snprintf(rule, sizeof rule, "%s/repo/jobs", dir);
    mkdir(rule, 0755);
    mkdir(deep, 0755);
    char *path = NULL;
    CHECK(sm_lint_config_find(deep, &path, &err) == SM_OK);
    CHECK(path == NULL);   /* the one above the repository is not used */
    free(path);
    snprintf(rule, sizeof rule, "%s/repo/jobs/.skillmatch.yml", dir);
    fp = fopen(rule, "w");
    fputs("fail_on: never\n", fp);
    fclose(fp);
    CHECK(sm_lint_config_find(deep, &path, &err) == SM_OK);
    CHECK(path && strstr(path, "/repo/jobs/.skillmatch.yml"));
    free(path);
    snprintf(rule, sizeof rule, "%s/repo/jobs", dir);
    CHECK(sm_lint_config_find(rule, &path, &err) == SM_OK && path);
    free(path);
    CHECK(sm_lint_config_find(dir, &path, &err) == SM_OK);
    CHECK(path && strstr(path, "/.skillmatch.yml"));
    free(path);
    unit_rmdir(dir);
}

/* ---- rules: the lint key is checked like the rest ---- */

static void test_rules_errors(void)
{
    static const struct {
        const char *yaml, *want;
        int line;
    } B[] = {
        {"lint:\n  checks:\n    - id: x\n      kind: phrases\n"
         "      summary: s\n      message: m\n      patterns: ['a']\n"
         "      colour: red\n", "unknown key 'colour'", 8},
        {"lint:\n  checks:\n    - id: x\n      kind: magic\n"
         "      summary: s\n      message: m\n", "unknown kind", 4},
        {"lint:\n  checks:\n    - id: x\n      kind: phrases\n"
         "      summary: s\n      message: m\n"
         "      patterns:\n        - pattern: 'ab+'\n"
         "          examples: {match: [\"ac\"]}\n", "should match", 9},
        {"lint:\n  checks:\n    - id: x\n      kind: years\n"
         "      summary: s\n      message: m\n"
         "      patterns: ['\\d+ years']\n",
         "group named 'min'", 7},
        {"lint:\n  title:\n    words:\n      - {level: boss, pattern: x}\n",
         "level must be", 4},
        {"lint:\n  checks:\n    - id: above-level\n      kind: unknown-level\n"
         "      summary: s\n      message: m\n", "duplicate check id", 3},
    };
    for (size_t i = 0; i < sizeof B / sizeof *B; i++) {
        /* the project's rules plus one bad file */
        char dir[] = "/tmp/sm-lint-rules-XXXXXX", cmd[1400], path[600];
        if (!mkdtemp(dir))
            abort();
        snprintf(cmd, sizeof cmd, "cp %s/*.yaml %s/", unit_rules_dir(), dir);
        if (system(cmd) != 0)
            abort();
        snprintf(path, sizeof path, "%s/zz.yaml", dir);
        FILE *f = fopen(path, "w");
        fputs(B[i].yaml, f);
        fclose(f);
        /* facts from the project's corpus */
        snprintf(path, sizeof path, "%s/facts.yaml", dir);
        snprintf(cmd, sizeof cmd, "cp %s/../corpus/facts.yaml %s",
                 unit_rules_dir(), path);
        if (system(cmd) != 0)
            abort();
        sm_rules *r = NULL;
        sm_error err = {0};
        sm_status st = sm_rules_load(dir, &r, &err);
        CHECK(st == SM_ERR_RULES);
        if (!strstr(err.msg, B[i].want) || err.line != B[i].line)
            fprintf(stderr, "case %zu: %s:%d:%d: %s\n", i, err.file, err.line,
                    err.col, err.msg);
        CHECK(strstr(err.msg, B[i].want) != NULL);
        CHECK_INT(err.line, B[i].line);
        CHECK(strstr(err.file, "zz.yaml") != NULL);
        sm_rules_free(r);
        unit_rmdir(dir);
    }
}

/* ---- formats ---- */

static void test_formats(void)
{
    sm_lint_result *r = lint_mem(
        "# Junior ML Engineer: 100%, a, b\n\n- 9+ years of experience\n"
        "- Lead ML projects end to end\n", NULL, SM_LEVEL_NONE);
    char *s = render(r, SM_LINT_TEXT, SM_SEVERITY_ERROR);
    CHECK(strstr(s, "draft.md:3:3: warning: asks for 9+ years") != NULL);
    CHECK(strstr(s, "[years-mismatch]\n") != NULL);
    free(s);

    s = render(r, SM_LINT_GITHUB, SM_SEVERITY_ERROR);
    CHECK(strstr(s, "::warning file=draft.md,line=3,col=3,title=skillmatch%3A"
                    " years-mismatch::asks for 9+ years") != NULL);
    CHECK(strstr(s, "::error file=draft.md,line=") != NULL);
    CHECK(strstr(s, "skillmatch lint: 1 draft: ") != NULL);
    free(s);

    s = render(r, SM_LINT_JSON, SM_SEVERITY_ERROR);
    CHECK(strstr(s, "\"level\": \"junior\"") != NULL);
    CHECK(strstr(s, "\"level_source\": \"title\"") != NULL);
    CHECK(strstr(s, "\"check\": \"years-mismatch\"") != NULL);
    CHECK(s[0] == '[');
    free(s);

    s = render(r, SM_LINT_SARIF, SM_SEVERITY_ERROR);
    CHECK(strstr(s, "\"version\": \"2.1.0\"") != NULL);
    CHECK(strstr(s, "\"columnKind\": \"unicodeCodePoints\"") != NULL);
    CHECK(strstr(s, "\"uriBaseId\": \"%SRCROOT%\"") != NULL);
    CHECK(strstr(s, "\"shortDescription\"") != NULL);
    CHECK(strstr(s, "\"fullDescription\"") != NULL);
    CHECK(strstr(s, "\"help\"") != NULL);
    free(s);

    /* JUnit: at or above --fail-on a failure, below it the message in
     * system-out; a clean draft is one passing testcase */
    s = render(r, SM_LINT_JUNIT, SM_SEVERITY_ERROR);
    CHECK(strstr(s, "<failure type=\"error\"") != NULL);
    CHECK(strstr(s, "<system-out>draft.md:3:3: warning:") != NULL);
    free(s);
    s = render(r, SM_LINT_JUNIT, SM_SEVERITY_OFF);
    CHECK(strstr(s, "<failure") == NULL);
    free(s);
    sm_lint_result_free(r);

    r = lint_mem("---\nlevel: junior\n---\n# A & B <ML> \"Engineer\"\n", NULL,
                 SM_LEVEL_NONE);
    s = render(r, SM_LINT_MARKDOWN, SM_SEVERITY_ERROR);
    CHECK(strstr(s, "| draft.md | junior | front-matter |") != NULL);
    free(s);
    sm_lint_result_free(r);

    sm_lint_format fmt;
    CHECK(sm_lint_format_parse("sarif", &fmt) == SM_OK &&
          fmt == SM_LINT_SARIF);
    CHECK(sm_lint_format_parse("xml", &fmt) == SM_ERR_ARG);
    sm_severity sev;
    CHECK(sm_severity_parse("note", &sev) == SM_OK &&
          sev == SM_SEVERITY_INFO);
    CHECK(sm_severity_parse("loud", &sev) == SM_ERR_ARG);
}

/* Every format reports a write that fails (a full disk: /dev/full). */
static void test_write_errors(void)
{
    FILE *probe = fopen("/dev/full", "w");
    if (!probe)
        return;                      /* not on this system */
    fclose(probe);
    sm_lint_result *r = lint_mem("# Junior ML Engineer\n\n- 9+ years of "
                                 "experience\n", NULL, SM_LEVEL_NONE);
    const sm_lint_result *rs[] = {r};
    static const sm_lint_format FMTS[] = {
        SM_LINT_TEXT, SM_LINT_JSON, SM_LINT_GITHUB, SM_LINT_SARIF,
        SM_LINT_JUNIT, SM_LINT_MARKDOWN};
    for (size_t i = 0; r && i < sizeof FMTS / sizeof *FMTS; i++) {
        FILE *f = fopen("/dev/full", "w");
        CHECK(f != NULL);
        if (!f)
            continue;
        sm_status st = sm_lint_render(rs, 1, FMTS[i], NULL, f);
        if (st != SM_ERR_IO)
            fprintf(stderr, "format %d: %s\n", (int)FMTS[i], sm_strerror(st));
        CHECK(st == SM_ERR_IO);
        fclose(f);
    }
    CHECK(r != NULL);
    sm_lint_result_free(r);
}

int main(void)
{
    sm_error err;
    if (sm_rules_load(unit_rules_dir(), &rules, &err) != SM_OK) {
        fprintf(stderr, "%s:%d:%d: %s\n", err.file, err.line, err.col,
                err.msg);
        return 1;
    }
    scratch = sm_scratch_new(rules);
    test_titles();
    test_level_sources();
    test_checks();
    test_skipped_and_inline();
    test_config();
    test_rules_errors();
    test_formats();
    test_write_errors();
    sm_lint_result_free(NULL);
    sm_lint_config_free(NULL);
    sm_scratch_free(scratch);
    sm_rules_free(rules);
    return unit_done("lint");
}
