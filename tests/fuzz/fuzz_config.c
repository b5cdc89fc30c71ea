/* fuzz_config.c - .skillmatch.yml bytes -> the lint configuration loader,
 * with the project's rules loaded once ($SM_FUZZ_RULES, or ./rules). The
 * file is written to a folder of its own beside a copy of the example
 * team's extra rules (corpus/jobs/lint/team/rules), so `rules: rules`
 * loads them. A configuration that loads is then used to lint a draft,
 * and its level ladder to analyse the draft as check and screen would. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "skillmatch.h"

static sm_rules *rules;
static sm_scratch *scratch;
static FILE *sink;
static char base[256], cfg_path[300];
static sm_doc *draft;

static const char DRAFT[] =
    "---\nlevel: junior\n---\n# Junior Machine Learning Engineer\n\n"
    "## Requirements\n* 5+ years of experience with Python and PyTorch\n"
    "* Kubernetes, k8s, scikit-learn and sklearn\n"
    "* Salary: $300,000 - $400,000\n"
    "<!-- skillmatch-disable-next-line years-mismatch -->\n"
    "* 10 years of SQL\n";

static void remove_tree(const char *path)
{
    struct stat sb;
    if (lstat(path, &sb) != 0)
        return;
    if (S_ISDIR(sb.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            char p[1024];
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            snprintf(p, sizeof p, "%s/%s", path, e->d_name);
            remove_tree(p);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void shut_down(void)
{
    sm_doc_free(draft);
    sm_scratch_free(scratch);
    sm_rules_free(rules);
    if (sink)
        fclose(sink);
    remove_tree(base);
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    char buf[8192];
    size_t n;
    if (!in || !out) {
        perror("fuzz_config: copy");
        exit(1);
    }
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fclose(in);
    fclose(out);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sm_error err = {0};
    fuzz_load_rules("fuzz_config", &rules, &scratch, &sink);
    if (sm_doc_load_mem("draft.md", DRAFT, sizeof DRAFT - 1, 0, &draft,
                        &err) != SM_OK) {
        fprintf(stderr, "fuzz_config: set-up failed\n");
        exit(1);
    }
    struct stat sb;
    const char *tmp = stat("/dev/shm", &sb) == 0 && access("/dev/shm", W_OK) == 0
                          ? "/dev/shm" : getenv("TMPDIR");
    snprintf(base, sizeof base, "%s/smfuzzcfg.XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(base)) {
        perror("fuzz_config: mkdtemp");
        exit(1);
    }
    atexit(shut_down);
    /* the example team's extra rules, as `rules` beside the file */
    const char *team = "corpus/jobs/lint/team/rules";
    char rdir[600];
    snprintf(rdir, sizeof rdir, "%s/rules", base);
    mkdir(rdir, 0700);
    DIR *d = opendir(team);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char from[1024], to[1024];
        if (e->d_name[0] == '.')
            continue;
        snprintf(from, sizeof from, "%s/%s", team, e->d_name);
        snprintf(to, sizeof to, "%s/%s", rdir, e->d_name);
        copy_file(from, to);
    }
    if (d)
        closedir(d);
    snprintf(cfg_path, sizeof cfg_path, "%s/.skillmatch.yml", base);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(cfg_path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size)) {
        perror("fuzz_config: write");
        exit(1);
    }
    fclose(f);

    sm_lint_config *cfg = NULL;
    sm_error err = {0};
    sm_status st = sm_lint_config_load(cfg_path, rules, &cfg, &err);
    if (st != SM_OK) {
        FUZZ_ASSERT(cfg == NULL && err.msg[0]);
        return 0;
    }
    const char *fo = sm_lint_config_fail_on(cfg);
    if (fo) {
        sm_severity sev;
        FUZZ_ASSERT(!strcmp(fo, "never") ||
                    sm_severity_parse(fo, &sev) == SM_OK);
    }
    FUZZ_ASSERT(sm_lint_config_path(cfg) != NULL);
    size_t n = sm_lint_check_count(rules, cfg);
    for (size_t i = 0; i < n; i++) {
        const sm_lint_check_info *c = sm_lint_check(rules, cfg, i);
        FUZZ_ASSERT(c && c->id);
        sm_severity sev = sm_lint_check_severity(rules, cfg, c);
        FUZZ_ASSERT(sev >= SM_SEVERITY_OFF && sev <= SM_SEVERITY_ERROR);
    }

    sm_lint_result *res = NULL;
    st = sm_lint(rules, cfg, scratch, draft, NULL, &res, &err);
    FUZZ_ASSERT(st == SM_OK || st == SM_ERR_MATCH);
    if (st == SM_OK) {
        const sm_lint_result *one[] = {res};
        sm_lint_render_options ro = {.flags = 0,
                                     .fail_on = SM_SEVERITY_ERROR};
        for (int fmt = SM_LINT_TEXT; fmt <= SM_LINT_MARKDOWN; fmt++)
            FUZZ_ASSERT(sm_lint_render(one, 1, (sm_lint_format)fmt, &ro,
                                       sink) == SM_OK);
        sm_lint_result_free(res);
    }
    /* its level ladder, as check and screen use it: the draft read as a
     * resume; the result says where the years per level came from */
    const sm_ladder *lad = sm_lint_config_ladder(cfg);
    sm_options opt = {.today_year = 2026, .today_month = 1, .ladder = lad};
    sm_result *r = NULL;
    st = sm_analyze(rules, scratch, draft, &opt, &r, &err);
    FUZZ_ASSERT(st == SM_OK || st == SM_ERR_MATCH);
    if (st == SM_OK) {
        const char *from = sm_result_levels_from(r);
        FUZZ_ASSERT(lad ? from && !strcmp(from, sm_ladder_source(lad))
                        : from == NULL);
        FUZZ_ASSERT(sm_render_text(r, sink, 0) == SM_OK);
        char *js = sm_render_json(r, 0);
        FUZZ_ASSERT(js && (!lad || strstr(js, "\"ladder\"")));
        free(js);
        sm_result_free(r);
    }
    sm_lint_config_free(cfg);
    return 0;
}
