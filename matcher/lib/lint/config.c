/* config.c - .skillmatch.yml: found from a draft's folder upward (up to
 * the repository root), parsed with the YAML tree so that every error
 * names file:line:col.
 *
 *   fail_on: warning              # error | warning | info | never
 *   rules: lint-rules             # folder of *.yaml with more `lint:` checks
 *   disable: [salary-out-of-range]
 *   checks:
 *     years-mismatch: error       # error | warning | info | off
 *     missing-required: {severity: warning, error_weight: 4, min_weight: 3}
 *   levels:                       # thresholds per level (rules/ladder.c;
 *     junior: {years: {min: 0, max: 2}, salary: {min: 60000, max: 150000}}
 *                                 # check and screen take the years too)
 */
#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lint/lint.h"
#include "rules/rules.h"
#include "util/util.h"

enum { MAX_CONFIG = 1 << 20 };

static const char *const NAMES[] = {".skillmatch.yml", ".skillmatch.yaml",
                                    NULL};

static bool exists(const char *path, bool want_dir)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return false;
    return want_dir ? S_ISDIR(sb.st_mode) : S_ISREG(sb.st_mode);
}

sm_status sm_lint_config_find(const char *dir, char **path, sm_error *err)
{
    char cur[PATH_MAX];
    if (!realpath(dir && *dir ? dir : ".", cur))
        return sm_fail(err, SM_ERR_IO, dir, 0, 0, "%s", strerror(errno));
    *path = NULL;
    for (;;) {
        char cand[PATH_MAX + 32], git[PATH_MAX + 8];
        for (const char *const *n = NAMES; *n; n++) {
            snprintf(cand, sizeof cand, "%s/%s", strcmp(cur, "/") ? cur : "",
                     *n);
            if (exists(cand, false)) {
                if (!(*path = sm_strdup(cand)))
                    return sm_fail(err, SM_ERR_NOMEM, cand, 0, 0,
                                   "out of memory");
                return SM_OK;
            }
        }
        /* .git is a folder, or a file in worktrees and submodules */
        snprintf(git, sizeof git, "%s/.git", strcmp(cur, "/") ? cur : "");
        struct stat sb;
        if (stat(git, &sb) == 0 || !strcmp(cur, "/"))
            return SM_OK;
        char *slash = strrchr(cur, '/');
        if (slash == cur)
            cur[1] = '\0';
        else
            *slash = '\0';
    }
}

/* ---- loading ---- */

typedef struct {
    sm_lint_config *cfg;
    const sm_rules *r;
    const char *file;
    sm_error *err;
} ctx;

/* An error at node n of the file being read. */
#define bad(c, n, ...) sm_ynode_fail((c)->err, (c)->file, (n), __VA_ARGS__)

static sm_status parse_path(const char *path, sm_ynode **root, sm_error *err)
{
    return sm_yaml_load_file(path, MAX_CONFIG, SM_ERR_IO, root, err);
}

static const char *keep_name(ctx *c, const char *name)
{
    char **v = realloc(c->cfg->files, (c->cfg->nfiles + 1) * sizeof *v);
    if (!v)
        return NULL;
    c->cfg->files = v;
    if (!(v[c->cfg->nfiles] = sm_strdup(name)))
        return NULL;
    return v[c->cfg->nfiles++];
}

static int yaml_name(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return d->d_name[0] != '.' &&
           ((n > 5 && !strcmp(d->d_name + n - 5, ".yaml")) ||
            (n > 4 && !strcmp(d->d_name + n - 4, ".yml")));
}

/* The `rules:` folder: every *.yaml holds a `lint:` key and nothing else. */
static sm_status load_extra(ctx *c, const sm_ynode *n)
{
    static const char *const top[] = {"lint", NULL};
    if (n->kind != SM_Y_SCALAR || !n->len)
        return bad(c, n, "rules: must name a folder");
    char dir[PATH_MAX];
    char *cp = sm_strdup(c->file);
    if (!cp)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    if (n->value[0] == '/')
        snprintf(dir, sizeof dir, "%s", n->value);
    else
        snprintf(dir, sizeof dir, "%s/%s", dirname(cp), n->value);
    free(cp);
    struct dirent **names = NULL;
    int cnt = scandir(dir, &names, yaml_name, alphasort);
    if (cnt < 0)
        return bad(c, n, "rules folder '%s': %s", dir, strerror(errno));
    sm_status st = SM_OK;
    if (cnt == 0)
        st = bad(c, n, "rules folder '%s' holds no *.yaml file", dir);
    for (int i = 0; i < cnt && st == SM_OK; i++) {
        char path[PATH_MAX + 256];
        sm_ynode *root = NULL;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
        const char *file = keep_name(c, path);
        if (!file) {
            st = sm_fail(c->err, SM_ERR_NOMEM, path, 0, 0, "out of memory");
            break;
        }
        if ((st = parse_path(file, &root, c->err)) == SM_OK && root) {
            if (root->kind != SM_Y_MAP)
                st = sm_fail(c->err, SM_ERR_RULES, file, root->line,
                             root->col, "a rules file must be a mapping");
            else if ((st = sm_ymap_check_keys(file, root, "extra lint rules",
                                              top, c->err)) == SM_OK &&
                     sm_ymap_get(root, "lint"))
                st = sm_lint_rules_load(c->r, &c->cfg->extra, file,
                                        sm_ymap_get(root, "lint"), c->err);
        }
        sm_ynode_free(root);
    }
    for (int i = 0; i < cnt; i++)
        free(names[i]);
    free(names);
    return st;
}

static const sm_lint_check_info *find_check(ctx *c, const char *id)
{
    size_t n = sm_lint_check_count(c->r, c->cfg);
    for (size_t i = 0; i < n; i++) {
        const sm_lint_check_info *k = sm_lint_check(c->r, c->cfg, i);
        if (!strcmp(k->id, id))
            return k;
    }
    return NULL;
}

/* The entry for check `id`, made on first use. */
static int entry(ctx *c, const sm_ynode *idn)
{
    sm_lint_config *cfg = c->cfg;
    int i = sm_lint_config_index(cfg, idn->value);
    if (i >= 0)
        return i;
    size_t n = cfg->nids + 1;
    char **ids = realloc(cfg->ids, n * sizeof *ids);
    if (ids)
        cfg->ids = ids;
    int *sev = realloc(cfg->severity, n * sizeof *sev);
    if (sev)
        cfg->severity = sev;
    int *ew = realloc(cfg->error_weight, n * sizeof *ew);
    if (ew)
        cfg->error_weight = ew;
    int *mw = realloc(cfg->min_weight, n * sizeof *mw);
    if (mw)
        cfg->min_weight = mw;
    double *mg = realloc(cfg->margin, n * sizeof *mg);
    if (mg)
        cfg->margin = mg;
    if (!ids || !sev || !ew || !mw || !mg ||
        !(ids[cfg->nids] = sm_strdup(idn->value)))
        return -1;
    sev[cfg->nids] = -1;
    ew[cfg->nids] = -1;
    mw[cfg->nids] = -1;
    mg[cfg->nids] = -1;
    return (int)cfg->nids++;
}

static sm_status severity_of(ctx *c, const sm_ynode *n, int *out)
{
    sm_severity sev;
    /* YAML 1.1 reads a bare `off` as false; take it as written */
    if (n->kind != SM_Y_SCALAR ||
        (sm_severity_parse(n->value, &sev) != SM_OK &&
         strcmp(n->value, "false") && strcmp(n->value, "no")))
        return bad(c, n, "severity must be error, warning, info or off");
    if (!strcmp(n->value, "false") || !strcmp(n->value, "no"))
        sev = SM_SEVERITY_OFF;
    *out = (int)sev;
    return SM_OK;
}

static sm_status whole(ctx *c, const sm_ynode *n, const char *what, int lo,
                       int hi, int *out)
{
    char *end;
    long v = n->kind == SM_Y_SCALAR ? strtol(n->value, &end, 10) : 0;
    if (n->kind != SM_Y_SCALAR || end == n->value || *end || v < lo ||
        v > hi)
        return bad(c, n, "%s must be a whole number from %d to %d", what, lo,
                   hi);
    *out = (int)v;
    return SM_OK;
}

static sm_status real(ctx *c, const sm_ynode *n, const char *what, double lo,
                      double hi, double *out)
{
    char *end;
    double v = n && n->kind == SM_Y_SCALAR ? strtod(n->value, &end) : 0;
    if (!n || n->kind != SM_Y_SCALAR || end == n->value || *end ||
        !(v >= lo && v <= hi))   /* NaN fails both */
        return bad(c, n, "%s must be a number from %g to %g", what, lo, hi);
    *out = v;
    return SM_OK;
}

static sm_status load_checks(ctx *c, const sm_ynode *m)
{
    static const char *const pkeys[] = {"severity", "error_weight",
                                        "min_weight", "margin", NULL};
    sm_status st;
    if (m->kind != SM_Y_MAP)
        return bad(c, m, "checks: must map check ids to a severity");
    for (size_t i = 0; i + 1 < m->n; i += 2) {
        const sm_ynode *idn = m->items[i], *v = m->items[i + 1], *n;
        if (idn->kind != SM_Y_SCALAR)
            return bad(c, idn, "checks: keys must be check ids");
        const sm_lint_check_info *k = find_check(c, idn->value);
        if (!k)
            return bad(c, idn, "checks: unknown check '%s'", idn->value);
        for (size_t j = 0; j < i; j += 2)
            if (!strcmp(m->items[j]->value, idn->value))
                return bad(c, idn, "checks: '%s' given twice", idn->value);
        int e = entry(c, idn);
        if (e < 0)
            return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                           "out of memory");
        if (v->kind == SM_Y_SCALAR) {
            if ((st = severity_of(c, v, &c->cfg->severity[e])) != SM_OK)
                return st;
            continue;
        }
        if (v->kind != SM_Y_MAP)
            return bad(c, v, "check '%s': give a severity or a mapping",
                       idn->value);
        if ((st = sm_ymap_check_keys(c->file, v, "check settings", pkeys,
                                     c->err)) != SM_OK)
            return st;
        if ((n = sm_ymap_get(v, "severity")) &&
            (st = severity_of(c, n, &c->cfg->severity[e])) != SM_OK)
            return st;
        bool missing = !strcmp(k->kind, "missing-required");
        bool salary = !strcmp(k->kind, "salary");
        if ((n = sm_ymap_get(v, "error_weight"))) {
            if (!missing)
                return bad(c, n, "error_weight applies to missing-required "
                           "checks only");
            if ((st = whole(c, n, "error_weight", 1, 6,
                            &c->cfg->error_weight[e])) != SM_OK)
                return st;
        }
        if ((n = sm_ymap_get(v, "min_weight"))) {
            if (!missing)
                return bad(c, n, "min_weight applies to missing-required "
                           "checks only");
            if ((st = whole(c, n, "min_weight", 1, 6,
                            &c->cfg->min_weight[e])) != SM_OK)
                return st;
        }
        if ((n = sm_ymap_get(v, "margin"))) {
            if (!salary)
                return bad(c, n, "margin applies to salary checks only");
            if ((st = real(c, n, "margin", 0, 10, &c->cfg->margin[e])) !=
                SM_OK)
                return st;
        }
    }
    return SM_OK;
}

static sm_status load_disable(ctx *c, const sm_ynode *n)
{
    if (n->kind != SM_Y_SEQ)
        return bad(c, n, "disable: must be a list of check ids");
    for (size_t i = 0; i < n->n; i++) {
        const sm_ynode *idn = n->items[i];
        if (idn->kind != SM_Y_SCALAR || !find_check(c, idn->value))
            return bad(c, idn, "disable: unknown check '%s'",
                       idn->kind == SM_Y_SCALAR ? idn->value : "?");
        int e = entry(c, idn);
        if (e < 0)
            return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                           "out of memory");
        c->cfg->severity[e] = SM_SEVERITY_OFF;
    }
    return SM_OK;
}

sm_status sm_lint_config_load(const char *path, const sm_rules *rules,
                              sm_lint_config **out, sm_error *err)
{
    static const char *const top[] = {"fail_on", "rules", "disable",
                                      "checks", "levels", NULL};
    sm_ynode *root = NULL;
    sm_lint_config *cfg = calloc(1, sizeof *cfg);
    sm_status st;
    if (!cfg || !(cfg->path = sm_strdup(path))) {
        free(cfg);
        return sm_fail(err, SM_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    ctx c = {cfg, rules, cfg->path, err};
    const sm_ynode *n;
    if ((st = parse_path(cfg->path, &root, err)) != SM_OK)
        goto done;
    if (!root)   /* an empty file changes nothing */
        goto done;
    if (root->kind != SM_Y_MAP) {
        st = bad(&c, root, "a configuration must be a mapping");
        goto done;
    }
    if ((st = sm_ymap_check_keys(cfg->path, root, "configuration", top,
                                 err)) != SM_OK)
        goto done;
    if ((n = sm_ymap_get(root, "fail_on"))) {
        static const char *const ok[] = {"error", "warning", "info", "never",
                                         NULL};
        bool good = false;
        for (const char *const *o = ok; *o && n->kind == SM_Y_SCALAR; o++)
            good |= !strcmp(*o, n->value);
        if (!good) {
            st = bad(&c, n, "fail_on must be error, warning, info or never");
            goto done;
        }
        if (!(cfg->fail_on = sm_strdup(n->value))) {
            st = sm_fail(err, SM_ERR_NOMEM, path, 0, 0, "out of memory");
            goto done;
        }
    }
    /* the extra checks first: the settings may name them */
    if ((n = sm_ymap_get(root, "rules")) && (st = load_extra(&c, n)) != SM_OK)
        goto done;
    if ((n = sm_ymap_get(root, "checks")) &&
        (st = load_checks(&c, n)) != SM_OK)
        goto done;
    if ((n = sm_ymap_get(root, "disable")) &&
        (st = load_disable(&c, n)) != SM_OK)
        goto done;
    if ((n = sm_ymap_get(root, "levels")) &&
        (st = sm_ladder_load(rules, cfg->path, n, &cfg->ladder, err)) !=
            SM_OK)
        goto done;
done:
    sm_ynode_free(root);
    if (st != SM_OK) {
        if (st == SM_ERR_RULES && err)
            err->code = st;
        sm_lint_config_free(cfg);
        return st;
    }
    *out = cfg;
    return SM_OK;
}

void sm_lint_config_free(sm_lint_config *cfg)
{
    if (!cfg)
        return;
    sm_lint_rules_free(cfg->extra);
    sm_ladder_release(&cfg->ladder);
    for (size_t i = 0; i < cfg->nids; i++)
        free(cfg->ids[i]);
    free(cfg->ids);
    free(cfg->severity);
    free(cfg->error_weight);
    free(cfg->min_weight);
    free(cfg->margin);
    for (size_t i = 0; i < cfg->nfiles; i++)
        free(cfg->files[i]);
    free(cfg->files);
    free(cfg->fail_on);
    free(cfg->path);
    free(cfg);
}

const char *sm_lint_config_fail_on(const sm_lint_config *cfg)
{
    return cfg ? cfg->fail_on : NULL;
}

const char *sm_lint_config_path(const sm_lint_config *cfg)
{
    return cfg ? cfg->path : NULL;
}

const sm_ladder *sm_lint_config_ladder(const sm_lint_config *cfg)
{
    return cfg && sm_ladder_sets_years(&cfg->ladder) ? &cfg->ladder : NULL;
}

int sm_lint_config_index(const sm_lint_config *cfg, const char *id)
{
    for (size_t i = 0; cfg && i < cfg->nids; i++)
        if (!strcmp(cfg->ids[i], id))
            return (int)i;
    return -1;
}
