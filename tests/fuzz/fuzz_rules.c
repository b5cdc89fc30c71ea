/* fuzz_rules.c - YAML bytes -> the rules loader, as a user's rules folder.
 *
 * The input is one rules file, or several separated by a line "#@file"
 * (a YAML comment, so a seed is valid YAML either way): each part becomes
 * a file of a fresh folder that sm_rules_load() reads. When the rules
 * load, their examples are run and a small resume is analysed with them,
 * so that fuzzed patterns, cues and headings reach the matcher too. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "skillmatch.h"

enum { MAX_FILES = 16 };

static char base[256], dir[300];
static FILE *sink;
static int verbose;   /* SM_FUZZ_VERBOSE=1: say why rules were refused */

static const char RESUME[] =
    "Jane Doe\nMachine Learning Engineer\n\n"
    "SKILLS\nPython, SQL, PyTorch, scikit-learn, Docker, AWS SageMaker\n\n"
    "## Experience\nML Engineer, Acme (Jan 2019 - Present)\n"
    "* Built models in Python; no experience with Rust.\n"
    "* Some familiarity with Kubernetes.\n\n"
    "Education\nBSc Computer Science, 2014 - 2018\n";

static void clear_dir(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    if (!d)
        return;
    while ((e = readdir(d))) {
        char p[600];
        if (e->d_name[0] == '.')
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    closedir(d);
}

static void shut_down(void)
{
    clear_dir();
    rmdir(dir);
    rmdir(base);
    if (sink)
        fclose(sink);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    struct stat sb;
    /* a folder of its own, in memory when there is /dev/shm; facts are
     * looked for in dir/../corpus, which does not exist here */
    const char *tmp = stat("/dev/shm", &sb) == 0 && access("/dev/shm", W_OK) == 0
                          ? "/dev/shm" : getenv("TMPDIR");
    snprintf(base, sizeof base, "%s/smfuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(base)) {
        perror("fuzz_rules: mkdtemp");
        exit(1);
    }
    snprintf(dir, sizeof dir, "%s/rules", base);
    if (mkdir(dir, 0700) != 0 || !(sink = fopen("/dev/null", "w"))) {
        perror("fuzz_rules: set-up");
        exit(1);
    }
    const char *v = getenv("SM_FUZZ_VERBOSE");
    verbose = v && *v == '1';
    atexit(shut_down);
    return 0;
}

static void write_part(int i, const uint8_t *p, size_t n)
{
    char path[600];
    snprintf(path, sizeof path, "%s/f%02d.yaml", dir, i);
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror("fuzz_rules: write");
        exit(1);
    }
    if (n && fwrite(p, 1, n, f) != n) {
        perror("fuzz_rules: write");
        exit(1);
    }
    fclose(f);
}

static void use_rules(sm_rules *r)
{
    sm_error err = {0};
    for (size_t i = 0; i < sm_rules_warning_count(r); i++)
        FUZZ_ASSERT(sm_rules_warning(r, i) != NULL);
    size_t n = sm_rules_skill_count(r);
    FUZZ_ASSERT(n > 0);
    for (size_t i = 0; i < n; i++) {
        const sm_skill_info *k = sm_rules_skill(r, i);
        FUZZ_ASSERT(k && k->id && sm_rules_skill_find(r, k->id) == k);
    }
    sm_scratch *s = sm_scratch_new(r);
    FUZZ_ASSERT(s != NULL);
    size_t failures = 0, examples = 0;
    sm_status st = sm_rules_check_examples(r, s, NULL, NULL, &failures,
                                           &examples, &err);
    FUZZ_ASSERT(st == SM_OK || st == SM_ERR_MATCH);

    sm_doc *doc = NULL;
    st = sm_doc_load_mem("resume.txt", RESUME, sizeof RESUME - 1, 0, &doc,
                         &err);
    FUZZ_ASSERT(st == SM_OK);
    sm_options opt = {.today_year = 2026, .today_month = 1};
    sm_result *res = NULL;
    st = sm_analyze(r, s, doc, &opt, &res, &err);
    FUZZ_ASSERT(st == SM_OK || st == SM_ERR_MATCH);
    if (st == SM_OK) {
        char *js = sm_render_json(res, 0);
        FUZZ_ASSERT(js != NULL);
        free(js);
        FUZZ_ASSERT(sm_render_text(res, sink, 0) == SM_OK);
    }
    st = sm_explain(r, s, doc, sm_rules_skill(r, 0)->id, sink, &err);
    FUZZ_ASSERT(st == SM_OK || st == SM_ERR_MATCH);
    sm_result_free(res);
    sm_doc_free(doc);
    sm_scratch_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char SEP[] = "\n#@file\n";
    const size_t seplen = sizeof SEP - 1;
    clear_dir();
    size_t at = 0;
    int nparts = 0;
    while (nparts < MAX_FILES) {
        const uint8_t *next = NULL;
        if (nparts < MAX_FILES - 1 && size - at >= seplen)
            next = memmem(data + at, size - at, SEP, seplen);
        size_t end = next ? (size_t)(next - data) : size;
        write_part(nparts++, data + at, end - at);
        if (!next)
            break;
        at = end + seplen;
    }

    sm_rules *r = NULL;
    sm_error err = {0};
    sm_status st = sm_rules_load(dir, &r, &err);
    if (st != SM_OK) {
        /* a refusal must say why */
        FUZZ_ASSERT(r == NULL && err.code == st && err.msg[0]);
        if (verbose)
            fprintf(stderr, "refused: %s:%d:%d: %s\n", err.file, err.line,
                    err.col, err.msg);
        return 0;
    }
    use_rules(r);
    sm_rules_free(r);
    return 0;
}
