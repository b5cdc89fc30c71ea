/* ladder: a .skillmatch.yml's `levels:` years decide the suggested level of
 * sm_analyze() (check, screen) as they decide lint's years check: the same
 * ladder, read once, from the same file; where it came from is in the
 * result; mistakes name file:line:col. */
#include "unit.h"

static sm_rules *rules;
static sm_scratch *scratch;
static sm_doc *mid;          /* corpus/resumes/mid.txt: 5 years stated */

static sm_lint_config *config(const char *dir, const char *name,
                              sm_status *st, sm_error *err)
{
    char path[512];
    sm_lint_config *cfg = NULL;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    memset(err, 0, sizeof *err);
    *st = sm_lint_config_load(path, rules, &cfg, err);
    if (*st != SM_OK && !strstr(name, "bad"))
        fprintf(stderr, "%s:%d:%d: %s\n", err->file, err->line, err->col,
                err->msg);
    return cfg;
}

/* The level sm_analyze() suggests for mid.txt with ladder l (may be
 * NULL), and where the result says the years per level came from. */
static sm_level level_with(const sm_ladder *l, char *from, size_t cap)
{
    sm_options opt = {.today_year = 2026, .today_month = 11, .ladder = l};
    sm_result *r = NULL;
    sm_error err = {0};
    if (sm_analyze(rules, scratch, mid, &opt, &r, &err) != SM_OK) {
        fprintf(stderr, "analyze: %s\n", err.msg);
        return (sm_level)-1;
    }
    sm_level lv = sm_result_level(r);
    const char *f = sm_result_levels_from(r);
    snprintf(from, cap, "%s", f ? f : "(profiles)");
    sm_result_free(r);
    return lv;
}

static size_t years_findings(const char *draft, const sm_lint_config *cfg)
{
    sm_doc *doc = NULL;
    sm_lint_result *res = NULL;
    sm_error err = {0};
    size_t n = 0, k = 0;
    if (sm_doc_load_mem("draft.md", draft, strlen(draft), 0, &doc, &err) ==
            SM_OK &&
        sm_lint(rules, cfg, scratch, doc, NULL, &res, &err) == SM_OK) {
        const sm_lint_finding *f = sm_lint_result_findings(res, &n);
        for (size_t i = 0; i < n; i++)
            k += !strcmp(f[i].check->id, "years-mismatch");
    } else {
        k = 99;
    }
    sm_lint_result_free(res);
    sm_doc_free(doc);
    return k;
}

static void test_ladder(void)
{
    static const char *const files[] = {
        /* mid 2-4, senior from 5: a 5-year resume is senior */
        "fast.yml",
        "levels:\n"
        "  junior: {years: {min: 0, max: 1}}\n"
        "  mid: {years: {min: 2, max: 4}}\n"
        "  senior: {years: {min: 5}}\n",
        /* juniors up to 8 years: the same resume is junior */
        "slow.yml", "levels:\n  junior: {years: {min: 0, max: 8}}\n",
        /* the ladder of issue 18: the same boundaries as the profiles */
        "team.yml",
        "levels: {junior: {years: {min: 0, max: 2}}, mid: {years: {min: 3, "
        "max: 6}}, senior: {years: {min: 7}}}\n",
        "salary.yml", "levels:\n  mid: {salary: {min: 1, max: 2}}\n",
        "bad-order.yml", "levels:\n  mid: {years: {min: 4, max: 3}}\n",
        "bad-nan.yml", "levels:\n  senior: {years: {min: nan}}\n",
        "bad-level.yml", "levels:\n  staff: {years: {min: 9}}\n",
        "bad-fall.yml",
        "levels:\n  junior: {years: {min: 0, max: 12}}\n"
        "  senior: {years: {min: 3}}\n",
        NULL};
    const char *dir = unit_dir(files);
    char from[600], want[600];
    sm_status st;
    sm_error err;

    CHECK_INT(level_with(NULL, from, sizeof from), SM_LEVEL_MID);
    CHECK_STR(from, "(profiles)");

    sm_lint_config *fast = config(dir, "fast.yml", &st, &err);
    CHECK(st == SM_OK);
    const sm_ladder *l = sm_lint_config_ladder(fast);
    CHECK(l != NULL);
    snprintf(want, sizeof want, "%s/fast.yml", dir);
    CHECK_STR(sm_ladder_source(l), want);
    CHECK_INT(level_with(l, from, sizeof from), SM_LEVEL_SENIOR);
    CHECK_STR(from, want);

    sm_lint_config *slow = config(dir, "slow.yml", &st, &err);
    CHECK(st == SM_OK);
    CHECK_INT(level_with(sm_lint_config_ladder(slow), from, sizeof from),
              SM_LEVEL_JUNIOR);

    sm_lint_config *team = config(dir, "team.yml", &st, &err);
    CHECK(st == SM_OK && sm_lint_config_ladder(team));
    CHECK_INT(level_with(sm_lint_config_ladder(team), from, sizeof from),
              SM_LEVEL_MID);
    snprintf(want, sizeof want, "%s/team.yml", dir);
    CHECK_STR(from, want);

    /* salary alone is lint's: no ladder for the analysis */
    sm_lint_config *sal = config(dir, "salary.yml", &st, &err);
    CHECK(st == SM_OK && sal && !sm_lint_config_ladder(sal));
    CHECK(!sm_lint_config_ladder(NULL));

    /* lint's years check reads the same ladder: a senior draft asking 5
     * years is right with `fast`, under the profiles' 7 a mismatch */
    const char *draft = "# Senior ML Engineer\n\n## Requirements\n\n"
                        "- 5 years of experience in machine learning\n";
    CHECK_INT(years_findings(draft, NULL), 1);
    CHECK_INT(years_findings(draft, fast), 0);

    /* mistakes name file:line:col */
    sm_lint_config *bad = config(dir, "bad-order.yml", &st, &err);
    CHECK(st == SM_ERR_RULES && !bad && err.line == 2 && err.col == 30 &&
          strstr(err.msg, "levels.mid.years.max"));
    bad = config(dir, "bad-nan.yml", &st, &err);
    CHECK(st == SM_ERR_RULES && !bad && err.line == 2 &&
          strstr(err.msg, "levels.senior.years.min"));
    bad = config(dir, "bad-level.yml", &st, &err);
    CHECK(st == SM_ERR_RULES && !bad && err.line == 2 &&
          strstr(err.msg, "staff"));
    bad = config(dir, "bad-fall.yml", &st, &err);
    CHECK(st == SM_ERR_RULES && !bad && err.line == 2 &&
          strstr(err.msg, "must rise"));
    snprintf(want, sizeof want, "%s/bad-fall.yml", dir);
    CHECK_STR(err.file, want);

    sm_lint_config_free(fast);
    sm_lint_config_free(slow);
    sm_lint_config_free(team);
    sm_lint_config_free(sal);
    unit_rmdir(dir);
}

/* The JSON and the text report say where the ladder came from. */
static void test_render(void)
{
    static const char *const files[] = {
        "fast.yml", "levels:\n  senior: {years: {min: 5}}\n", NULL};
    const char *dir = unit_dir(files);
    sm_status st;
    sm_error err;
    sm_lint_config *cfg = config(dir, "fast.yml", &st, &err);
    sm_options opt = {.today_year = 2026, .today_month = 11,
                      .ladder = sm_lint_config_ladder(cfg)};
    sm_result *r = NULL;
    CHECK(sm_analyze(rules, scratch, mid, &opt, &r, &err) == SM_OK);
    char *js = r ? sm_render_json(r, 0) : NULL;
    char want[600];
    snprintf(want, sizeof want, "\"ladder\":{\"from\":\"%s/fast.yml\","
             "\"junior\":{\"min\":0.0,\"max\":1.0},\"mid\":{\"min\":4.0,"
             "\"max\":6.0},\"senior\":{\"min\":5.0,\"max\":null}}", dir);
    CHECK(js && strstr(js, want));
    free(js);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CHECK(f && r && sm_render_text(r, f, 0) == SM_OK);
    if (f)
        fclose(f);
    snprintf(want, sizeof want, "  Levels: from %s/fast.yml (junior 0-1, "
             "mid 4-6, senior 5+ years)\n", dir);
    CHECK(text && strstr(text, want));
    free(text);
    sm_result_free(r);
    /* without a ladder, neither says a word of it */
    r = NULL;
    opt.ladder = NULL;
    CHECK(sm_analyze(rules, scratch, mid, &opt, &r, &err) == SM_OK);
    js = r ? sm_render_json(r, 0) : NULL;
    CHECK(js && !strstr(js, "\"ladder\""));
    free(js);
    sm_result_free(r);
    sm_lint_config_free(cfg);
    unit_rmdir(dir);
}

int main(void)
{
    sm_error err = {0};
    if (sm_rules_load(unit_rules_dir(), &rules, &err) != SM_OK ||
        sm_doc_load_file("corpus/resumes/mid.txt", 0, &mid, &err) != SM_OK) {
        fprintf(stderr, "setup: %s:%d:%d: %s\n", err.file, err.line, err.col,
                err.msg);
        return 1;
    }
    scratch = sm_scratch_new(rules);
    test_ladder();
    test_render();
    sm_scratch_free(scratch);
    sm_doc_free(mid);
    sm_rules_free(rules);
    return unit_done("ladder");
}
