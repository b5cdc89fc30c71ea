/* cli_config.c - the configuration of each input: --config FILE, else the
 * .skillmatch.yml the library finds from the input's folder upward
 * (sm_lint_config_find()), loaded once per file whichever command asks
 * (lint, check, screen). A file found is named relative to the current
 * folder ("./team/.skillmatch.yml", "../.skillmatch.yml"), in its errors
 * and in the reports that say where a level ladder came from. */
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_config.h"

int cli_configs_open(cli_configs *c, const cli_opts *o, const sm_rules *rules)
{
    memset(c, 0, sizeof *c);
    c->rules = rules;
    if (!o->config)
        return EXIT_OK;
    sm_error err = {0};
    if (sm_lint_config_load(o->config, rules, &c->forced, &err) != SM_OK) {
        cli_report(&err, NULL);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* `abs` (absolute, no symbolic links) as people read it: "./a/b" below
 * the current folder, "../../b" in a folder above it, else `abs`; a copy
 * to free. */
static char *relative(const char *abs)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd) || abs[0] != '/')
        return strdup(abs);
    /* the folders both start with */
    size_t common = 0;
    for (size_t i = 0;; i++) {
        bool end_a = abs[i] == '/' || !abs[i], end_c = cwd[i] == '/' || !cwd[i];
        if (end_a && end_c)
            common = i;
        if (!abs[i] || !cwd[i] || abs[i] != cwd[i])
            break;
    }
    size_t ups = 0;              /* the current folder's names past it */
    for (const char *p = cwd + common; *p; p++)
        ups += *p == '/' && p[1];
    const char *rest = abs + common + (abs[common] == '/');
    if (ups && strchr(rest, '/'))    /* elsewhere: its whole name says it */
        return strdup(abs);
    size_t need = 3 * ups + strlen(rest) + 3;
    char *out = malloc(need);
    if (!out)
        return NULL;
    strcpy(out, ups ? "" : "./");
    for (size_t i = 0; i < ups; i++)
        strcat(out, "../");
    strcat(out, rest);
    return out;
}

static bool add_dir(cli_configs *c, const char *dir, int idx)
{
    char **d = realloc(c->dirs, (c->ndirs + 1) * sizeof *d);
    if (d)
        c->dirs = d;
    int *od = realloc(c->of_dir, (c->ndirs + 1) * sizeof *od);
    if (od)
        c->of_dir = od;
    if (!d || !od || !(d[c->ndirs] = strdup(dir)))
        return false;
    od[c->ndirs++] = idx;
    return true;
}

/* The configuration at `path` (as found), loaded on first use: its index,
 * -1 on a mistake (reported) or when out of memory. */
static int load(cli_configs *c, const char *path)
{
    for (size_t i = 0; i < c->npaths; i++)
        if (!strcmp(c->paths[i], path))
            return (int)i;
    char *name = relative(path);
    sm_lint_config *cfg = NULL;
    sm_error err = {0};
    if (!name) {
        cli_error("out of memory");
        return -1;
    }
    if (sm_lint_config_load(name, c->rules, &cfg, &err) != SM_OK) {
        cli_report(&err, NULL);
        free(name);
        return -1;
    }
    free(name);
    char **p = realloc(c->paths, (c->npaths + 1) * sizeof *p);
    if (p)
        c->paths = p;
    sm_lint_config **v = realloc(c->cfgs, (c->npaths + 1) * sizeof *v);
    if (v)
        c->cfgs = v;
    if (!p || !v || !(p[c->npaths] = strdup(path))) {
        sm_lint_config_free(cfg);
        cli_error("out of memory");
        return -1;
    }
    v[c->npaths] = cfg;
    return (int)c->npaths++;
}

const sm_lint_config *cli_config_for(cli_configs *c, const char *path,
                                     bool *failed)
{
    if (c->forced)
        return c->forced;
    char *copy = strdup(path);
    if (!copy) {
        cli_error("out of memory");
        *failed = true;
        return NULL;
    }
    const char *dir = strcmp(path, "-") ? dirname(copy) : ".";
    for (size_t i = 0; i < c->ndirs; i++)
        if (!strcmp(c->dirs[i], dir)) {
            free(copy);
            if (c->of_dir[i] == -2)
                *failed = true;      /* reported the first time */
            return c->of_dir[i] >= 0 ? c->cfgs[c->of_dir[i]] : NULL;
        }
    sm_error err = {0};
    char *found = NULL;
    /* a folder that cannot be resolved has no configuration */
    if (sm_lint_config_find(dir, &found, &err) != SM_OK)
        found = NULL;
    int idx = found ? load(c, found) : -1;
    if (found && idx < 0) {
        *failed = true;
        idx = -2;
    }
    free(found);
    if (!add_dir(c, dir, idx)) {
        cli_error("out of memory");
        *failed = true;
    }
    free(copy);
    return idx >= 0 ? c->cfgs[idx] : NULL;
}

sm_options cli_config_options(cli_configs *c, const cli_opts *o,
                              const char *path, bool *failed)
{
    sm_options opt = o->analyze;
    opt.ladder = sm_lint_config_ladder(cli_config_for(c, path, failed));
    return opt;
}

sm_options *cli_configs_options(cli_configs *c, const cli_opts *o,
                                const sm_rules *rules, char *const *paths,
                                size_t n)
{
    if (cli_configs_open(c, o, rules) != EXIT_OK)
        return NULL;
    sm_options *v = calloc(n + 1, sizeof *v);
    bool failed = !v;
    if (!v)
        cli_error("out of memory");
    for (size_t i = 0; v && i < n; i++)
        v[i] = cli_config_options(c, o, paths[i], &failed);
    if (failed) {
        free(v);
        cli_configs_free(c);
        return NULL;
    }
    return v;
}

void cli_configs_free(cli_configs *c)
{
    for (size_t i = 0; i < c->npaths; i++) {
        sm_lint_config_free(c->cfgs[i]);
        free(c->paths[i]);
    }
    for (size_t i = 0; i < c->ndirs; i++)
        free(c->dirs[i]);
    free(c->cfgs);
    free(c->paths);
    free(c->dirs);
    free(c->of_dir);
    sm_lint_config_free(c->forced);
    memset(c, 0, sizeof *c);
}
