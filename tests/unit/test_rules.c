/* The rules loader: a valid folder loads; each kind of mistake is an error
 * that names file:line:col. */
#include <stdbool.h>

#include "unit.h"

#define FACTS "facts:\n  - source: \"000:1-20\"\n"
#define SKILLS                                                             \
    "skills:\n"                                                            \
    "  - id: python\n"                                                     \
    "    name: Python\n"                                                   \
    "    category: languages\n"                                            \
    "    source: \"000:1\"\n"                                              \
    "    triggers: [python*]\n"                                            \
    "    patterns: ['(?<!\\w)python\\s?3?(?!\\w)']\n"                      \
    "    examples: {match: [\"Python 3\"], no_match: [\"Jython\"]}\n"       \
    "  - id: pytorch\n"                                                    \
    "    name: PyTorch\n"                                                  \
    "    category: ml\n"                                                   \
    "    source: \"000:2\"\n"                                              \
    "    triggers: [pytorch]\n"                                            \
    "    patterns: ['pytorch']\n"
#define PROFILES                                                           \
    "profiles:\n"                                                          \
    "  - level: junior\n"                                                  \
    "    title: J\n"                                                       \
    "    source: \"000:3\"\n"                                              \
    "    years: {min: 0, max: 1}\n"                                        \
    "    requirements:\n"                                                  \
    "      - {skill: python, weight: 3, reason: r, source: \"000:4\"}\n"   \
    "  - level: mid\n"                                                     \
    "    title: M\n"                                                       \
    "    source: \"000:3\"\n"                                              \
    "    years: {min: 4, max: 6}\n"                                        \
    "    requirements:\n"                                                  \
    "      - {any_of: [python, pytorch], id: g, weight: 2, reason: r, "     \
    "source: \"000:4\"}\n"                                                 \
    "  - level: senior\n"                                                  \
    "    title: S\n"                                                       \
    "    source: \"000:3\"\n"                                              \
    "    years: {min: 7}\n"                                                \
    "    requirements:\n"                                                  \
    "      - {skill: pytorch, weight: 5, reason: r, source: \"000:4\"}\n"

/* Load a folder made of `skills` and `profiles` (plus facts); return the
 * status and fill err. */
static sm_status try_load(const char *skills, const char *profiles,
                          sm_error *err)
{
    const char *files[] = {"a.yaml", skills, "b.yaml", profiles, "f.yaml",
                           FACTS, NULL};
    const char *dir = unit_dir(files);
    sm_rules *r = NULL;
    memset(err, 0, sizeof *err);
    sm_status st = sm_rules_load(dir, &r, err);
    sm_rules_free(r);
    unit_rmdir(dir);
    return st;
}

static void test_valid(void)
{
    const char *files[] = {"a.yaml", SKILLS, "b.yaml", PROFILES, "f.yaml",
                           FACTS, NULL};
    const char *dir = unit_dir(files);
    sm_rules *r = NULL;
    sm_error err;
    CHECK_INT(sm_rules_load(dir, &r, &err), SM_OK);
    if (r) {
        CHECK_INT(sm_rules_skill_count(r), 2);
        CHECK_STR(sm_rules_skill_find(r, "pytorch")->name, "PyTorch");
        CHECK(sm_rules_skill_find(r, "java") == NULL);
        sm_scratch *s = sm_scratch_new(r);
        size_t fails = 99, n = 0;
        CHECK_INT(sm_rules_check_examples(r, s, NULL, NULL, &fails, &n, &err),
                  SM_OK);
        CHECK_INT(fails, 0);
        CHECK_INT(n, 2);
        sm_scratch_free(s);
    }
    sm_rules_free(r);
    unit_rmdir(dir);
}

static void expect(sm_status st, const sm_error *e, const char *file,
                   int line, int col, const char *msg_part)
{
    CHECK_INT(st, SM_ERR_RULES);
    CHECK(strstr(e->file, file) != NULL);
    if (line)
        CHECK_INT(e->line, line);
    if (col)
        CHECK_INT(e->col, col);
    if (!strstr(e->msg, msg_part)) {
        unit_fail++;
        fprintf(stderr, "message \"%s\" lacks \"%s\"\n", e->msg, msg_part);
    } else {
        unit_pass++;
    }
}

static void test_errors(void)
{
    sm_error e;
    sm_status st;

    st = try_load(SKILLS "    colour: red\n", PROFILES, &e);
    expect(st, &e, "a.yaml", 15, 5, "unknown key 'colour'");

    st = try_load(SKILLS "  - id: python\n    name: P\n    category: ml\n"
                  "    source: \"000:1\"\n    patterns: [p]\n", PROFILES, &e);
    expect(st, &e, "a.yaml", 15, 9, "duplicate skill id 'python'");

    st = try_load("skills:\n  - id: x\n    name: X\n    category: ml\n"
                  "    source: \"000:1\"\n    patterns: ['a(b']\n",
                  PROFILES, &e);
    expect(st, &e, "a.yaml", 6, 0, "offset 3");

    st = try_load(SKILLS, PROFILES "      - {skill: cobol, weight: 1, "
                  "reason: r, source: \"000:4\"}\n", &e);
    expect(st, &e, "b.yaml", 20, 17, "unknown skill 'cobol'");

    st = try_load("skills:\n  - id: x\n    name: X\n    category: ml\n"
                  "    source: \"001:7\"\n    patterns: [x]\n", PROFILES, &e);
    expect(st, &e, "a.yaml", 5, 13, "points at no fact");

    st = try_load("skills:\n  - &a\n    id: x\n", PROFILES, &e);
    expect(st, &e, "a.yaml", 2, 5, "anchors are not allowed");

    st = try_load(SKILLS "    category: [oops\n", PROFILES, &e);
    expect(st, &e, "a.yaml", 0, 0, "YAML");

    st = try_load("skills:\n  - id: x\n    name: X\n    category: music\n"
                  "    source: \"000:1\"\n    patterns: [x]\n", PROFILES, &e);
    expect(st, &e, "a.yaml", 4, 15, "unknown category");
}

/* SKILLS plus skill `x` (pattern xgboost) with `examples` (YAML lines
 * under "    examples:\n"): run every example of the folder; true when
 * the rules loaded and the examples ran, with the count of failures and of
 * examples run. */
static bool run_examples(const char *examples, size_t *fails, size_t *n)
{
    char skills[2048];
    snprintf(skills, sizeof skills,
             SKILLS "  - id: x\n    name: X\n    category: ml\n"
                    "    source: \"000:1\"\n    triggers: [xgboost]\n"
                    "    patterns: ['xgboost']\n    examples:\n%s",
             examples);
    const char *files[] = {"a.yaml", skills, "b.yaml", PROFILES,
                           "f.yaml", FACTS,  NULL};
    const char *dir = unit_dir(files);
    sm_rules *r = NULL;
    sm_error err;
    bool ran = false;
    *fails = *n = 0;
    CHECK_INT(sm_rules_load(dir, &r, &err), SM_OK);
    if (r) {
        sm_scratch *s = sm_scratch_new(r);
        CHECK_INT(sm_rules_check_examples(r, s, NULL, NULL, fails, n, &err),
                  SM_OK);
        ran = true;
        sm_scratch_free(s);
    }
    sm_rules_free(r);
    unit_rmdir(dir);
    return ran;
}

static void test_broken_example_is_reported(void)
{
    size_t fails, n;
    if (run_examples("      match: [\"LightGBM\"]\n", &fails, &n))
        CHECK_INT(fails, 1);
}

/* An example is a line of a resume, never a file to sniff: one that holds
 * "%PDF-" or starts with "{" or "<html" is read as text (fuzz_rules found
 * the PDF one: `rules check` failed with "corrupt PDF"). */
static void test_examples_are_text(void)
{
    size_t fails, n;
    if (run_examples("      match: [\"XGBoost, export to %PDF-1.7 reports\",\n"
                     "              \"{ XGBoost }\", \"<html> XGBoost\"]\n"
                     "      no_match: [\"%PDF-1.4 LightGBM\"]\n",
                     &fails, &n)) {
        CHECK_INT(fails, 0);
        CHECK_INT(n, 6);
    }
}

static void test_project_rules(void)
{
    sm_rules *r = NULL;
    sm_error err;
    sm_status st = sm_rules_load(unit_rules_dir(), &r, &err);
    if (st != SM_OK)
        fprintf(stderr, "%s:%d:%d: %s\n", err.file, err.line, err.col,
                err.msg);
    CHECK_INT(st, SM_OK);
    CHECK_INT(r ? sm_rules_warning_count(r) : 1, 0);
    sm_rules_free(r);
}

int main(void)
{
    test_valid();
    test_errors();
    test_broken_example_is_reported();
    test_examples_are_text();
    test_project_rules();
    return unit_done("rules");
}
