/* rules.c - a rules folder -> rules: every *.yaml file read and parsed,
 * each top-level key handed to its loader (skills.c, profiles.c,
 * context.c, facts.c, lint_rules.c), then the trigger tables, the literal
 * index and the JIT built once for all; and the loaders' shared helpers.
 * Every error names file:line:col. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "rules/rules.h"
#include "engine/engine.h"
#include "util/util.h"
#include "rules/job_rules.h"

enum { MAX_RULES_FILE = 16 << 20 };

/* The loaded files' names live as long as the rules: patterns and skills
 * point at them for messages. */
typedef struct {
    char **names;
    size_t n, cap;
} name_list;

static name_list *files_of(sm_rules *r);

/* ---- tree helpers ---- */

/* An error at node n of the file being read. */
#define bad(c, n, ...) sm_ynode_fail((c)->err, (c)->file, (n), __VA_ARGS__)

/* Unknown or repeated keys in `map` are errors. */
sm_status sm_rules_check_keys(sm_rules_ctx *c, const sm_ynode *map,
                              const char *what,
                              const char *const *allowed)
{
    return sm_ymap_check_keys(c->file, map, what, allowed, c->err);
}

sm_status sm_rules_need_kind(sm_rules_ctx *c, const sm_ynode *n,
                             sm_ynode_kind kind,
                             const char *what)
{
    static const char *const names[] = {"a string", "a list", "a mapping"};
    if (!n)
        return bad(c, NULL, "%s is missing", what);
    if (n->kind != kind)
        return bad(c, n, "%s must be %s", what, names[kind]);
    return SM_OK;
}

sm_status sm_rules_need_string(sm_rules_ctx *c, const sm_ynode *map,
                               const char *key,
                               const char *what, const sm_ynode **out)
{
    const sm_ynode *n = sm_ymap_get(map, key);
    if (!n)
        return bad(c, map, "%s: '%s' is missing", what, key);
    if (n->kind != SM_Y_SCALAR || n->len == 0)
        return bad(c, n, "%s: '%s' must be a non-empty string", what, key);
    *out = n;
    return SM_OK;
}

/* A scalar or a list of scalars -> the nodes of the strings. */
sm_status sm_rules_strings(sm_rules_ctx *c, const sm_ynode *n,
                           const char *what,
                           const sm_ynode *const **out, size_t *count)
{
    return sm_ynode_strings(c->file, n, what, out, count, c->err);
}

sm_status sm_rules_number(sm_rules_ctx *c, const sm_ynode *n, const char *what,
                          double lo, double hi, double *out)
{
    return sm_ynode_number(c->file, n, what, lo, hi, out, c->err);
}

sm_status sm_rules_bool(sm_rules_ctx *c, const sm_ynode *n, const char *what,
                        int *out)
{
    if (n->kind == SM_Y_SCALAR && !n->quoted) {
        if (!strcmp(n->value, "true") || !strcmp(n->value, "yes")) {
            *out = 1;
            return SM_OK;
        }
        if (!strcmp(n->value, "false") || !strcmp(n->value, "no")) {
            *out = 0;
            return SM_OK;
        }
    }
    return bad(c, n, "%s must be true or false", what);
}

/* ---- sources and facts ---- */

static sm_status load_facts(sm_rules_ctx *c, const sm_ynode *list)
{
    static const char *const keys[] = {"source", "article", "section", "item",
                                       "skills", "years", "salary", "level",
                                       NULL};
    sm_status st = sm_rules_need_kind(c, list, SM_Y_SEQ, "facts");
    for (size_t i = 0; st == SM_OK && i < list->n; i++) {
        const sm_ynode *f = list->items[i], *src;
        if ((st = sm_rules_need_kind(c, f, SM_Y_MAP, "a fact")) != SM_OK ||
            (st = sm_rules_check_keys(c, f, "fact", keys)) != SM_OK ||
            (st = sm_rules_need_string(c, f, "source", "fact", &src)) != SM_OK)
            break;
        st = sm_rules_fact_add(c->r, c->file, src, c->err);
    }
    return st;
}

/* Every line a source names must be covered by a fact. With no facts at
 * all, sources are not checked (a warning says so). */
sm_status sm_rules_need_source(sm_rules_ctx *c, const sm_ynode *n)
{
    return sm_rules_check_source(c->r, c->file, n, c->err);
}

sm_status sm_rules_sources(sm_rules_ctx *c, const sm_ynode *n,
                           const char *what,
                           char ***out, size_t *count)
{
    const sm_ynode *const *items;
    size_t k;
    sm_status st = sm_rules_strings(c, n, what, &items, &k);
    if (st != SM_OK)
        return st;
    if (k == 0)
        return bad(c, n, "%s: at least one source is needed", what);
    char **v = calloc(k, sizeof *v);
    if (!v)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    for (size_t i = 0; i < k; i++) {
        if ((st = sm_rules_need_source(c, items[i])) != SM_OK ||
            !(v[i] = sm_strdup(items[i]->value))) {
            if (st == SM_OK)
                st = sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                             "out of memory");
            for (size_t j = 0; j < k; j++)
                free(v[j]);
            free(v);
            return st;
        }
    }
    *out = v;
    *count = k;
    return SM_OK;
}

char *sm_rules_join(char **v, size_t n, const char *sep)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(v[i]) + strlen(sep);
    char *s = malloc(len);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(s, sep);
        strcat(s, v[i]);
    }
    return s;
}

/* ---- patterns ---- */

sm_status sm_rules_compile_list(sm_rules_ctx *c, const sm_ynode *n,
                                const char *what,
                                const char *id, sm_regex **out, size_t *count)
{
    const sm_ynode *const *items;
    size_t k;
    sm_status st = sm_rules_strings(c, n, what, &items, &k);
    if (st != SM_OK)
        return st;
    sm_regex *v = calloc(k ? k : 1, sizeof *v);
    if (!v)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    for (size_t i = 0; i < k; i++) {
        const sm_ynode *p = items[i];
        if (p->len == 0) {
            st = bad(c, p, "%s '%s': an empty pattern matches everywhere",
                     what, id);
        } else {
            char for_what[200];
            snprintf(for_what, sizeof for_what, "%s '%s'", what, id);
            st = sm_rules_compile(&v[i], c->file, p, 0, for_what,
                                  &c->r->max_capture, c->err);
        }
        if (st != SM_OK) {
            for (size_t j = 0; j < i; j++)
                sm_regex_release(&v[j]);
            free(v);
            return st;
        }
    }
    *out = v;
    *count = k;
    return SM_OK;
}

/* ---- files ---- */

static const char *const TOP_KEYS[] = {"skills", "profiles", "levels",
                                       "context", "sections", "facts",
                                       "lint", "job", NULL};

typedef struct {
    const char *file;
    sm_ynode *root;
} parsed;

static sm_status parse_file(sm_rules *r, const char *path, parsed *out,
                            sm_error *err)
{
    name_list *files = files_of(r);
    char **slot = SM_PUSH(files->names, files->n, files->cap);
    if (!slot || !(*slot = sm_strdup(path))) {
        if (slot)
            files->n--;
        return sm_fail(err, SM_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    out->file = *slot;
    out->root = NULL;
    sm_status st = sm_yaml_load_file(out->file, MAX_RULES_FILE, SM_ERR_RULES,
                                     &out->root, err);
    if (st != SM_OK)
        return st;
    sm_rules_ctx c = {r, out->file, err};
    if (!out->root)
        return SM_OK;
    if ((st = sm_rules_need_kind(&c, out->root, SM_Y_MAP,
                                 "a rules file")) != SM_OK)
        return st;
    return sm_rules_check_keys(&c, out->root, "rules file", TOP_KEYS);
}

static int yaml_name(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return d->d_name[0] != '.' &&
           ((n > 5 && !strcmp(d->d_name + n - 5, ".yaml")) ||
            (n > 4 && !strcmp(d->d_name + n - 4, ".yml")));
}

/* The files list is owned by the rules. It is stored in a small struct that
 * follows the rules in one allocation. */
typedef struct {
    sm_rules rules;
    name_list files;
} rules_alloc;

static name_list *files_of(sm_rules *r)
{
    return &((rules_alloc *)r)->files;
}

static void warn(sm_rules *r, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void warn(sm_rules *r, const char *file, int line, const char *fmt, ...)
{
    sm_error *w = SM_PUSH(r->warnings, r->nwarnings, r->capwarnings);
    if (!w)
        return;
    va_list ap;
    memset(w, 0, sizeof *w);
    snprintf(w->file, sizeof w->file, "%s", file ? file : "");
    w->line = line;
    va_start(ap, fmt);
    vsnprintf(w->msg, sizeof w->msg, fmt, ap);
    va_end(ap);
}

/* The literal index of every pattern the prefilter runs: the skills'
 * patterns and exclusions, the negation and hedge cues; then every
 * pattern of the rules is JIT-compiled, the corroboration cues and
 * section headings too. */
static sm_status build_literals(sm_rules *r, sm_error *err)
{
    size_t n = r->nnegations + r->nhedges, k = 0, all;
    for (size_t i = 0; i < r->nskills; i++)
        n += r->skills[i].npats + r->skills[i].nexcl;
    all = n + r->ncorroborations;
    for (size_t i = 0; i < r->nsections; i++)
        all += r->sections[i].nheadings;
    sm_regex **res = malloc((all ? all : 1) * sizeof *res);
    if (!res)
        return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < r->nskills; i++) {
        sm_skill *sk = &r->skills[i];
        for (size_t j = 0; j < sk->npats; j++)
            res[k++] = &sk->pats[j];
        for (size_t j = 0; j < sk->nexcl; j++)
            res[k++] = &sk->excl[j];
    }
    for (size_t i = 0; i < r->nnegations; i++)
        res[k++] = &r->negations[i].re;
    for (size_t i = 0; i < r->nhedges; i++)
        res[k++] = &r->hedges[i].re;
    bool ok = sm_litindex_build(&r->lits, res, k);
    if (ok)
        sm_regex_plan_all(res, k, &r->lits);
    for (size_t i = 0; i < r->ncorroborations; i++)
        res[k++] = &r->corroborations[i];
    for (size_t i = 0; i < r->nsections; i++)
        for (size_t j = 0; j < r->sections[i].nheadings; j++)
            res[k++] = &r->sections[i].headings[j];
    if (ok)
        sm_regex_jit_all(res, k);
    free(res);
    return ok ? SM_OK
              : sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

sm_status sm_rules_load(const char *dir, sm_rules **out, sm_error *err)
{
    struct dirent **names = NULL;
    parsed *files = NULL;
    size_t nfiles = 0;
    sm_status st = SM_OK;
    sm_error local;
    if (!err)
        err = &local;

    rules_alloc *ra = calloc(1, sizeof *ra);
    if (!ra)
        return sm_fail(err, SM_ERR_NOMEM, dir, 0, 0, "out of memory");
    sm_rules *r = &ra->rules;
    r->pass = 0.6;
    for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++)
        r->floor[lv] = 0.3;
    r->context_window = 60;
    if (!(r->dir = sm_strdup(dir))) {
        free(ra);
        return sm_fail(err, SM_ERR_NOMEM, dir, 0, 0, "out of memory");
    }

    int n = scandir(dir, &names, yaml_name, alphasort);
    if (n < 0) {
        st = sm_fail(err, SM_ERR_RULES, dir, 0, 0, "cannot read rules "
                     "folder: %s", strerror(errno));
        goto done;
    }
    if (n == 0) {
        st = sm_fail(err, SM_ERR_RULES, dir, 0, 0, "no *.yaml rules files "
                     "in this folder");
        goto done;
    }
    files = calloc((size_t)n + 1, sizeof *files);
    if (!files) {
        st = sm_fail(err, SM_ERR_NOMEM, dir, 0, 0, "out of memory");
        goto done;
    }
    bool have_facts = false;
    for (int i = 0; i < n && st == SM_OK; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
        st = parse_file(r, path, &files[nfiles++], err);
        if (st == SM_OK && files[nfiles - 1].root &&
            sm_ymap_get(files[nfiles - 1].root, "facts"))
            have_facts = true;
    }
    if (st == SM_OK && !have_facts) {
        char path[4096];
        struct stat sb;
        snprintf(path, sizeof path, "%s/../corpus/facts.yaml", dir);
        if (stat(path, &sb) == 0)
            st = parse_file(r, path, &files[nfiles++], err);
    }
    /* facts first, then skills, then what refers to skills */
    static const char *const order[] = {"facts", "skills", "levels",
                                        "profiles", "context", "sections",
                                        "lint", "job", NULL};
    for (const char *const *key = order; *key && st == SM_OK; key++) {
        for (size_t i = 0; i < nfiles && st == SM_OK; i++) {
            const sm_ynode *node;
            if (!files[i].root || !(node = sm_ymap_get(files[i].root, *key)))
                continue;
            sm_rules_ctx c = {r, files[i].file, err};
            if (!strcmp(*key, "facts")) {
                st = load_facts(&c, node);
                if (st == SM_OK)   /* salary figures, for lint */
                    st = sm_lint_facts_load(r, files[i].file, node, err);
            } else if (!strcmp(*key, "skills"))
                st = sm_rules_load_skills(&c, node);
            else if (!strcmp(*key, "levels"))
                st = sm_rules_load_levels(&c, node);
            else if (!strcmp(*key, "profiles"))
                st = sm_rules_load_profiles(&c, node);
            else if (!strcmp(*key, "context"))
                st = sm_rules_load_context(&c, node);
            else if (!strcmp(*key, "sections"))
                st = sm_rules_load_sections(&c, node);
            else if (!strcmp(*key, "lint"))
                st = sm_lint_rules_load(r, &r->lint, files[i].file, node, err);
            else if (!strcmp(*key, "job"))
                st = sm_job_rules_load(r, &r->job, files[i].file, node, err);
        }
        if (st == SM_OK && !strcmp(*key, "facts") && !r->nfacts)
            warn(r, dir, 0, "no facts found (facts.yaml here or "
                 "../corpus/facts.yaml): sources were not checked");
        if (st == SM_OK && !strcmp(*key, "skills")) {
            /* by category, then as defined: the order of every listing */
            if (r->nskills > 1)   /* none: skills is NULL */
                qsort(r->skills, r->nskills, sizeof *r->skills,
                      sm_skill_order);
            for (size_t i = 0; i < r->nskills; i++) {
                r->skills[i].index = (int)i;
                sm_skill *k = &r->skills[i];
                HASH_ADD_KEYPTR(hh, r->by_id, k->info.id,
                                strlen(k->info.id), k);
            }
        }
    }
    if (st == SM_OK && r->nskills == 0)
        st = sm_fail(err, SM_ERR_RULES, dir, 0, 0, "no skills defined");
    for (int lv = SM_LEVEL_JUNIOR; st == SM_OK && lv <= SM_LEVEL_SENIOR; lv++)
        if (!r->by_level[lv])
            st = sm_fail(err, SM_ERR_RULES, dir, 0, 0, "no '%s' profile "
                         "defined", sm_level_name((sm_level)lv));
    if (st == SM_OK && !r->have_ml_skills)   /* default: the ml category */
        for (size_t i = 0; i < r->nskills; i++)
            r->skills[i].core_ml = !strcmp(r->skills[i].info.category, "ml");
    if (st == SM_OK)
        st = sm_rules_build_triggers(r, err);
    if (st == SM_OK)
        st = build_literals(r, err);
done:
    for (size_t i = 0; i < nfiles; i++)
        sm_ynode_free(files[i].root);
    free(files);
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    if (st != SM_OK) {
        sm_rules_free(r);
        return st;
    }
    *out = r;
    return SM_OK;
}

void sm_rules_free(sm_rules *r)
{
    if (!r)
        return;
    HASH_CLEAR(hh, r->by_id);
    for (size_t i = 0; i < r->nskills; i++)
        sm_skill_release(&r->skills[i]);
    free(r->skills);
    sm_profile *p, *ptmp;
    HASH_ITER(hh, r->profiles, p, ptmp) {
        HASH_DEL(r->profiles, p);
        sm_profile_free(p);
    }
    for (size_t i = 0; i < r->nnegations; i++) {
        free(r->negations[i].id);
        sm_regex_release(&r->negations[i].re);
    }
    for (size_t i = 0; i < r->nhedges; i++) {
        free(r->hedges[i].id);
        sm_regex_release(&r->hedges[i].re);
    }
    free(r->negations);
    free(r->hedges);
    sm_context_rules_free(r->context);
    for (size_t i = 0; i < r->ncorroborations; i++)
        sm_regex_release(&r->corroborations[i]);
    free(r->corroborations);
    for (size_t i = 0; i < r->nsections; i++) {
        for (size_t j = 0; j < r->sections[i].nheadings; j++)
            sm_regex_release(&r->sections[i].headings[j]);
        free(r->sections[i].headings);
        free(r->sections[i].name);
    }
    free(r->sections);
    sm_fact_line *f, *ftmp;
    HASH_ITER(hh, r->facts, f, ftmp) {
        HASH_DEL(r->facts, f);
        free(f->key);
        free(f);
    }
    sm_trigger_table_free(&r->exact);
    sm_trigger_table_free(&r->prefix);
    free(r->untriggered);
    sm_litindex_free(&r->lits);
    free(r->warnings);
    sm_lint_rules_free(r->lint);
    sm_job_rules_free(r->job);
    free(r->dir);
    name_list *files = files_of(r);
    for (size_t i = 0; i < files->n; i++)
        free(files->names[i]);
    free(files->names);
    free(r);
}

size_t sm_rules_warning_count(const sm_rules *r) { return r->nwarnings; }
const sm_error *sm_rules_warning(const sm_rules *r, size_t i)
{
    return i < r->nwarnings ? &r->warnings[i] : NULL;
}
size_t sm_rules_skill_count(const sm_rules *r) { return r->nskills; }
const sm_skill_info *sm_rules_skill(const sm_rules *r, size_t i)
{
    return i < r->nskills ? &r->skills[i].info : NULL;
}
const sm_skill_info *sm_rules_skill_find(const sm_rules *r, const char *id)
{
    sm_skill *k = sm_rules_skill_by_id(r, id);
    return k ? &k->info : NULL;
}


