/* cli_lint.c - `skillmatch lint PATH...`: job-description drafts checked
 * against the level they claim, with findings for people (text) or for CI
 * (json, github, sarif, junit). Folders are walked for *.md and *.txt by
 * the walker screen uses (cli_walk.c: each folder once, so a link loop
 * ends); the drafts are linted by its worker pool (cli_pool.c), each into
 * its own slot, and reported in the order of the paths, whatever -j. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_config.h"
#include "cli_pool.h"
#include "cli_walk.h"

typedef struct {
    char **v;
    size_t n, cap;
} strings;

static bool push(strings *s, const char *p)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        char **v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return false;
        s->v = v;
        s->cap = cap;
    }
    if (!(s->v[s->n] = strdup(p)))
        return false;
    s->n++;
    return true;
}

static void strings_free(strings *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
}

/* ---- finding the drafts ---- */

static const char *const DRAFT_EXT[] = {"md", "markdown", "mdown", "mkd",
                                        "txt", "text", NULL};

/* ---- linting on all cores ---- */

typedef struct {
    const char *path;
    const sm_lint_config *cfg;
    sm_doc *doc;
    sm_lint_result *res;
    sm_error err;
    sm_status st;
} slot;

typedef struct {
    const sm_rules *rules;
    const cli_opts *o;
    sm_lint_options lopt;
} job;

typedef struct {
    const job *j;
    sm_scratch *scratch;
} worker;

static void lint_task(void *task, void *state)
{
    slot *sl = task;
    worker *w = state;
    const job *j = w->j;
    sm_read_options ro = cli_read_options(j->o);
    sl->st = sm_doc_read(sl->path, &ro, &sl->doc, &sl->err);
    if (sl->st == SM_OK)
        sl->st = sm_lint(j->rules, sl->cfg, w->scratch, sl->doc, &j->lopt,
                         &sl->res, &sl->err);
}

/* Lint slots[0..n) on -j workers (all cores by default); false when
 * memory or threads run out. */
static bool run_all(const job *j, slot *slots, size_t n, int jobs)
{
    if (jobs <= 0)
        jobs = cli_pool_cpus();
    if ((size_t)jobs > n)
        jobs = n ? (int)n : 1;
    worker *ws = calloc((size_t)jobs, sizeof *ws);
    void **states = calloc((size_t)jobs, sizeof *states);
    bool ok = ws && states;
    for (int i = 0; ok && i < jobs; i++) {
        ws[i].j = j;
        states[i] = &ws[i];
        ok = (ws[i].scratch = sm_scratch_new(j->rules)) != NULL;
    }
    cli_pool *pool = ok ? cli_pool_new(jobs, (size_t)jobs * 16, lint_task,
                                       states)
                        : NULL;
    ok = pool != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = cli_pool_push(pool, &slots[i], -1);
    cli_pool_free(pool);          /* finishes what is queued */
    for (int i = 0; ws && i < jobs; i++)
        sm_scratch_free(ws[i].scratch);
    free(ws);
    free(states);
    return ok;
}

/* ---- the command ---- */

static bool parse_fail_on(const char *s, sm_severity *out)
{
    if (!strcmp(s, "never")) {
        *out = SM_SEVERITY_OFF;
        return true;
    }
    return sm_severity_parse(s, out) == SM_OK && *out != SM_SEVERITY_OFF;
}

static void step_summary(const sm_lint_result *const *rs, size_t n)
{
    const char *path = getenv("GITHUB_STEP_SUMMARY");
    if (!path || !*path)
        return;
    FILE *f = fopen(path, "a");
    if (!f) {
        cli_error("GITHUB_STEP_SUMMARY %s: %s", path, strerror(errno));
        return;
    }
    sm_lint_render(rs, n, SM_LINT_MARKDOWN, NULL, f);
    if (fclose(f) != 0)
        cli_error("GITHUB_STEP_SUMMARY %s: write failed", path);
}

int cmd_lint(cli_opts *o)
{
    sm_lint_format fmt = SM_LINT_TEXT;
    sm_severity fail_on = SM_SEVERITY_ERROR;
    if (o->format && sm_lint_format_parse(o->format, &fmt) != SM_OK) {
        cli_error("lint: unknown format '%s' (text, json, github, sarif, "
                  "junit or markdown)", o->format);
        return EXIT_USAGE;
    }
    if (o->fail_on && !parse_fail_on(o->fail_on, &fail_on)) {
        cli_error("lint: --fail-on takes error, warning or never, not '%s'",
                  o->fail_on);
        return EXIT_USAGE;
    }
    if (o->nargs < 1 && !o->files_from) {
        cli_error("lint: no draft given (files, folders, or '-' for "
                  "standard input)");
        return EXIT_USAGE;
    }

    int rc = EXIT_OK;
    screen_inputs in;
    const walk_filter drafts = {.ext = DRAFT_EXT, .keep_order = true};
    if (!walk_inputs(o, &drafts, &in)) {
        walk_inputs_free(&in);
        return EXIT_USAGE;
    }
    for (int i = 0; i < o->nargs; i++) {
        struct stat sb;
        const char *a = o->args[i];
        if (!in.per_arg[i] && !o->quiet && strcmp(a, "-") &&
            stat(a, &sb) == 0 && S_ISDIR(sb.st_mode))
            cli_error("warning: %s: no drafts (*.md, *.txt) found", a);
    }
    /* the folders that could not be read, and the like: reported, and
     * the drafts that could still be found are linted */
    strings paths = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < in.n; i++) {
        if (in.v[i].kind == INPUT_FAILED) {
            cli_error("%s: %s", in.v[i].path, in.v[i].error);
            rc = EXIT_INPUT;
        } else {
            ok = push(&paths, in.v[i].path);
        }
    }
    walk_inputs_free(&in);
    if (!ok) {
        cli_error("out of memory");
        strings_free(&paths);
        return EXIT_USAGE;
    }

    sm_rules *rules = cli_load_rules(o);
    if (!rules) {
        strings_free(&paths);
        return EXIT_USAGE;
    }
    if (!sm_lint_check_count(rules, NULL)) {
        cli_error("lint: the rules folder defines no lint checks (the 'lint:' "
                  "key, as in rules/lint.yaml)");
        sm_rules_free(rules);
        strings_free(&paths);
        return EXIT_USAGE;
    }
    cli_configs found = {0};
    slot *slots = calloc(paths.n + 1, sizeof *slots);
    const sm_lint_result **results = calloc(paths.n + 1, sizeof *results);
    int code = EXIT_OK;
    if (!slots || !results) {
        cli_error("out of memory");
        code = EXIT_USAGE;
        goto done;
    }
    /* configurations are found and loaded here, before the workers */
    bool bad_forced = cli_configs_open(&found, o, rules) != EXIT_OK;
    bool cfg_failed = bad_forced;   /* each mistaken file is reported */
    for (size_t i = 0; i < paths.n && !bad_forced; i++) {
        slots[i].path = paths.v[i];
        slots[i].cfg = cli_config_for(&found, paths.v[i], &cfg_failed);
    }
    if (cfg_failed) {
        code = EXIT_USAGE;
        goto done;
    }
    /* --fail-on, else the configuration's fail_on (when they agree) */
    if (!o->fail_on) {
        const char *cf = sm_lint_config_fail_on(found.forced);
        for (size_t i = 0; !found.forced && i < found.npaths; i++) {
            const char *x = sm_lint_config_fail_on(found.cfgs[i]);
            if (x && (!cf || !strcmp(cf, x)))
                cf = x;
            else if (x)
                cf = NULL;
        }
        if (cf)
            parse_fail_on(cf, &fail_on);
    }

    job j = {.rules = rules, .o = o};
    if (o->level)
        sm_level_parse(o->level, &j.lopt.level);
    if (!run_all(&j, slots, paths.n, o->jobs)) {
        cli_error("out of memory");
        code = EXIT_USAGE;
        goto done;
    }

    size_t nres = 0;
    bool failed = false;
    for (size_t i = 0; i < paths.n; i++) {
        slot *sl = &slots[i];
        if (sl->doc)
            cli_warn_doc(sl->doc, o);
        if (sl->st != SM_OK) {
            cli_report(&sl->err, NULL);
            if (sl->st == SM_ERR_NOMEM || sl->st == SM_ERR_RULES)
                code = EXIT_USAGE;
            else if (rc == EXIT_OK)
                rc = EXIT_INPUT;
            continue;
        }
        results[nres++] = sl->res;
        /* per draft: its configuration's fail_on unless --fail-on */
        sm_severity f = fail_on;
        const char *cf = sm_lint_config_fail_on(sl->cfg);
        if (!o->fail_on && cf)
            parse_fail_on(cf, &f);
        if (f != SM_SEVERITY_OFF && sm_lint_result_count(sl->res, f))
            failed = true;
    }
    if (code != EXIT_OK)
        goto done;

    cli_out out;
    if (!cli_out_open(&out, o->output)) {
        code = EXIT_USAGE;
        goto done;
    }
    sm_lint_render_options ro = {.flags = o->color ? SM_RENDER_COLOR : 0,
                                 .fail_on = fail_on};
    sm_status st = sm_lint_render(results, nres, fmt, &ro, out.f);
    if (st != SM_OK)
        cli_error("lint: %s", sm_strerror(st));
    if (!cli_out_close(&out, st == SM_OK) || st != SM_OK) {
        code = EXIT_USAGE;
        goto done;
    }
    if (fmt == SM_LINT_GITHUB)
        step_summary(results, nres);
    if (fmt == SM_LINT_TEXT && !o->quiet) {
        size_t e = 0, w = 0, x = 0;
        for (size_t i = 0; i < nres; i++) {
            size_t n;
            const sm_lint_finding *fs = sm_lint_result_findings(results[i],
                                                                &n);
            for (size_t k = 0; k < n; k++) {
                e += fs[k].severity == SM_SEVERITY_ERROR;
                w += fs[k].severity == SM_SEVERITY_WARNING;
                x += fs[k].severity == SM_SEVERITY_INFO;
            }
        }
        fprintf(stderr, "skillmatch: %zu draft%s: %zu error%s, %zu "
                "warning%s, %zu note%s\n", nres, nres == 1 ? "" : "s", e,
                e == 1 ? "" : "s", w, w == 1 ? "" : "s", x,
                x == 1 ? "" : "s");
    }
    code = rc != EXIT_OK ? rc : failed ? EXIT_CHECK_FAILED : EXIT_OK;
done:
    for (size_t i = 0; slots && i < paths.n; i++) {
        sm_lint_result_free(slots[i].res);
        sm_doc_free(slots[i].doc);
    }
    free(slots);
    free(results);
    cli_configs_free(&found);
    sm_rules_free(rules);
    strings_free(&paths);
    return code;
}
