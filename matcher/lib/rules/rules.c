/* rules.c - YAML trees -> rules: skills, profiles, levels, context,
 * sections and the facts that sources cite. Every error names
 * file:line:col. Patterns are compiled (and JIT-compiled) here, once. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"
#include "job/job.h"

enum { MAX_RULES_FILE = 16 << 20 };

static const char *const CATEGORIES[] = {
    "languages", "ml", "math_data", "engineering", "cloud", "leadership",
    "education", NULL};

typedef struct {
    sm_rules *r;
    const char *file;        /* owned by r->files */
    sm_error *err;
} ctx;

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

static const sm_ynode *get(const sm_ynode *map, const char *key)
{
    return sm_ymap_get(map, key);
}

/* Unknown or repeated keys in `map` are errors. */
static sm_status check_keys(ctx *c, const sm_ynode *map, const char *what,
                            const char *const *allowed)
{
    return sm_ymap_check_keys(c->file, map, what, allowed, c->err);
}

static sm_status need_kind(ctx *c, const sm_ynode *n, sm_ynode_kind kind,
                           const char *what)
{
    static const char *const names[] = {"a string", "a list", "a mapping"};
    if (!n)
        return bad(c, NULL, "%s is missing", what);
    if (n->kind != kind)
        return bad(c, n, "%s must be %s", what, names[kind]);
    return SM_OK;
}

static sm_status need_string(ctx *c, const sm_ynode *map, const char *key,
                             const char *what, const sm_ynode **out)
{
    const sm_ynode *n = get(map, key);
    if (!n)
        return bad(c, map, "%s: '%s' is missing", what, key);
    if (n->kind != SM_Y_SCALAR || n->len == 0)
        return bad(c, n, "%s: '%s' must be a non-empty string", what, key);
    *out = n;
    return SM_OK;
}

/* A scalar or a list of scalars -> the nodes of the strings. */
static sm_status string_list(ctx *c, const sm_ynode *n, const char *what,
                             const sm_ynode *const **out, size_t *count)
{
    return sm_ynode_strings(c->file, n, what, out, count, c->err);
}

static sm_status parse_number(ctx *c, const sm_ynode *n, const char *what,
                              double lo, double hi, double *out)
{
    return sm_ynode_number(c->file, n, what, lo, hi, out, c->err);
}

static sm_status parse_bool(ctx *c, const sm_ynode *n, const char *what,
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

static bool parse_source(const char *s, char art[4], long *from, long *to)
{
    if (strlen(s) < 5 || s[3] != ':')
        return false;
    for (int i = 0; i < 3; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        art[i] = s[i];
    }
    art[3] = '\0';
    char *end;
    *from = strtol(s + 4, &end, 10);
    if (end == s + 4 || *from < 1)
        return false;
    *to = *from;
    if (*end == '-') {
        const char *b = end + 1;
        *to = strtol(b, &end, 10);
        if (end == b || *to < *from || *to - *from > 1000)
            return false;
    }
    return *end == '\0';
}

static sm_status add_fact_lines(ctx *c, const sm_ynode *n)
{
    char art[4];
    long from, to;
    if (!parse_source(n->value, art, &from, &to))
        return bad(c, n, "fact source '%s' is not of the form NNN:L or "
                   "NNN:L-M", n->value);
    for (long l = from; l <= to; l++) {
        char key[32];
        snprintf(key, sizeof key, "%s:%ld", art, l);
        sm_fact_line *f;
        HASH_FIND_STR(c->r->facts, key, f);
        if (f)
            continue;
        f = calloc(1, sizeof *f);
        if (!f || !(f->key = sm_strdup(key))) {
            free(f);
            return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                           "out of memory");
        }
        HASH_ADD_KEYPTR(hh, c->r->facts, f->key, strlen(f->key), f);
    }
    c->r->nfacts++;
    return SM_OK;
}

static sm_status load_facts(ctx *c, const sm_ynode *list)
{
    static const char *const keys[] = {"source", "article", "section", "item",
                                       "skills", "years", "salary", "level",
                                       NULL};
    sm_status st = need_kind(c, list, SM_Y_SEQ, "facts");
    for (size_t i = 0; st == SM_OK && i < list->n; i++) {
        const sm_ynode *f = list->items[i], *src;
        if ((st = need_kind(c, f, SM_Y_MAP, "a fact")) != SM_OK ||
            (st = check_keys(c, f, "fact", keys)) != SM_OK ||
            (st = need_string(c, f, "source", "fact", &src)) != SM_OK)
            break;
        st = add_fact_lines(c, src);
    }
    return st;
}

/* Every line a source names must be covered by a fact. With no facts at
 * all, sources are not checked (a warning says so). */
static sm_status check_source(ctx *c, const sm_ynode *n)
{
    return sm_rules_check_source(c->r, c->file, n, c->err);
}

sm_status sm_rules_check_source(const sm_rules *r, const char *file,
                                const sm_ynode *n, sm_error *err)
{
    ctx cc = {(sm_rules *)r, file, err}, *c = &cc;
    char art[4];
    long from, to;
    if (!parse_source(n->value, art, &from, &to))
        return bad(c, n, "source '%s' is not of the form NNN:L or NNN:L-M "
                   "(seed article and line)", n->value);
    if (!c->r->nfacts)
        return SM_OK;
    for (long l = from; l <= to; l++) {
        char key[32];
        sm_fact_line *f;
        snprintf(key, sizeof key, "%s:%ld", art, l);
        HASH_FIND_STR(c->r->facts, key, f);
        if (!f)
            return bad(c, n, "source '%s' points at no fact in "
                       "corpus/facts.yaml (line %s)", n->value, key);
    }
    return SM_OK;
}

static sm_status sources(ctx *c, const sm_ynode *n, const char *what,
                         char ***out, size_t *count)
{
    const sm_ynode *const *items;
    size_t k;
    sm_status st = string_list(c, n, what, &items, &k);
    if (st != SM_OK)
        return st;
    if (k == 0)
        return bad(c, n, "%s: at least one source is needed", what);
    char **v = calloc(k, sizeof *v);
    if (!v)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    for (size_t i = 0; i < k; i++) {
        if ((st = check_source(c, items[i])) != SM_OK ||
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

static char *join(char **v, size_t n, const char *sep)
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

static sm_status compile_list(ctx *c, const sm_ynode *n, const char *what,
                              const char *id, sm_regex **out, size_t *count)
{
    const sm_ynode *const *items;
    size_t k;
    sm_status st = string_list(c, n, what, &items, &k);
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
            st = sm_regex_compile(&v[i], p->value, 0, c->file, p->line,
                                  p->col + (p->quoted ? 1 : 0), c->err);
            if (st == SM_ERR_REGEX) {
                char m[sizeof c->err->msg];
                snprintf(m, sizeof m, "%s", c->err->msg);
                snprintf(c->err->msg, sizeof c->err->msg, "%s '%s': %.400s",
                         what, id, m);
                st = SM_ERR_RULES;
                c->err->code = st;
            }
        }
        if (st != SM_OK) {
            for (size_t j = 0; j < i; j++)
                sm_regex_release(&v[j]);
            free(v);
            return st;
        }
        uint32_t caps = 0;
        pcre2_pattern_info(v[i].code, PCRE2_INFO_CAPTURECOUNT, &caps);
        if (caps > c->r->max_capture)
            c->r->max_capture = caps;
    }
    *out = v;
    *count = k;
    return SM_OK;
}

/* ---- skills ---- */

static bool valid_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '_'))
            return false;
    return true;
}

static bool valid_trigger(const char *s)
{
    size_t n = strlen(s);
    if (!n || (n == 1 && s[0] == '*'))
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '*' && i == n - 1)
            break;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              strchr("+#./-_", ch)))
            return false;
    }
    return true;
}

static sm_status dup_strings(ctx *c, const sm_ynode *const *items, size_t k,
                             char ***out, int **lines, int **cols)
{
    char **v = calloc(k ? k : 1, sizeof *v);
    int *l = calloc(k ? k : 1, sizeof *l);
    int *co = calloc(k ? k : 1, sizeof *co);
    if (!v || !l || !co)
        goto oom;
    for (size_t i = 0; i < k; i++) {
        if (!(v[i] = sm_strdup(items[i]->value)))
            goto oom;
        l[i] = items[i]->line;
        co[i] = items[i]->col;
    }
    *out = v;
    if (lines)
        *lines = l;
    else
        free(l);
    if (cols)
        *cols = co;
    else
        free(co);
    return SM_OK;
oom:
    if (v)
        for (size_t i = 0; i < k; i++)
            free(v[i]);
    free(v);
    free(l);
    free(co);
    return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
}

static void skill_release(sm_skill *k)
{
    for (size_t i = 0; i < k->npats; i++)
        sm_regex_release(&k->pats[i]);
    for (size_t i = 0; i < k->nexcl; i++)
        sm_regex_release(&k->excl[i]);
    free(k->pats);
    free(k->excl);
    free(k->pat_src);
    free(k->excl_src);
    for (size_t i = 0; i < k->ntriggers; i++)
        free(k->triggers[i]);
    free(k->triggers);
    for (size_t i = 0; i < k->nsources; i++)
        free(k->sources[i]);
    free(k->sources);
    free(k->source_joined);
    for (size_t i = 0; i < k->nex_match; i++)
        free(k->ex_match[i]);
    for (size_t i = 0; i < k->nex_nomatch; i++)
        free(k->ex_nomatch[i]);
    free(k->ex_match);
    free(k->ex_nomatch);
    free(k->ex_match_line);
    free(k->ex_nomatch_line);
    free(k->ex_match_col);
    free(k->ex_nomatch_col);
    free((char *)k->info.id);
    free((char *)k->info.name);
    free((char *)k->info.category);
}

static sm_status load_skill(ctx *c, const sm_ynode *m, sm_skill *k)
{
    static const char *const keys[] = {
        "id", "name", "category", "source", "triggers", "patterns",
        "exclude", "needs_context", "ignore_hedges", "examples", NULL};
    static const char *const ex_keys[] = {"match", "no_match", NULL};
    const sm_ynode *id, *name, *cat, *n;
    sm_status st;

    if ((st = need_kind(c, m, SM_Y_MAP, "a skill")) != SM_OK ||
        (st = check_keys(c, m, "skill", keys)) != SM_OK ||
        (st = need_string(c, m, "id", "skill", &id)) != SM_OK)
        return st;
    if (!valid_id(id->value))
        return bad(c, id, "skill id '%s' may hold only a-z, 0-9 and _",
                   id->value);
    if ((st = need_string(c, m, "name", "skill", &name)) != SM_OK ||
        (st = need_string(c, m, "category", "skill", &cat)) != SM_OK)
        return st;
    int ci = -1;
    for (int i = 0; CATEGORIES[i]; i++)
        if (!strcmp(CATEGORIES[i], cat->value))
            ci = i;
    if (ci < 0)
        return bad(c, cat, "skill '%s': unknown category '%s' (expected "
                   "languages, ml, math_data, engineering, cloud, "
                   "leadership or education)", id->value, cat->value);
    k->category_idx = ci;
    k->info.id = sm_strdup(id->value);
    k->info.name = sm_strdup(name->value);
    k->info.category = sm_strdup(cat->value);
    k->info.file = c->file;
    k->info.line = m->line;
    if (!k->info.id || !k->info.name || !k->info.category)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");

    if (!(n = get(m, "source")))
        return bad(c, id, "skill '%s': 'source' is missing", id->value);
    if ((st = sources(c, n, "source", &k->sources, &k->nsources)) != SM_OK)
        return st;
    if (!(k->source_joined = join(k->sources, k->nsources, ", ")))
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    k->info.source = k->source_joined;

    if (!(n = get(m, "patterns")))
        return bad(c, id, "skill '%s': 'patterns' is missing", id->value);
    if ((st = compile_list(c, n, "skill", id->value, &k->pats, &k->npats)) !=
        SM_OK)
        return st;
    if (k->npats == 0)
        return bad(c, n, "skill '%s': at least one pattern is needed",
                   id->value);
    if ((n = get(m, "exclude")) &&
        (st = compile_list(c, n, "exclusion of", id->value, &k->excl,
                           &k->nexcl)) != SM_OK)
        return st;
    k->pat_src = calloc(k->npats, sizeof *k->pat_src);
    k->excl_src = calloc(k->nexcl ? k->nexcl : 1, sizeof *k->excl_src);
    if (!k->pat_src || !k->excl_src)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    for (size_t i = 0; i < k->npats; i++)
        k->pat_src[i] = k->pats[i].src;
    for (size_t i = 0; i < k->nexcl; i++)
        k->excl_src[i] = k->excl[i].src;
    k->info.patterns = (const char *const *)k->pat_src;
    k->info.n_patterns = k->npats;
    k->info.excludes = (const char *const *)k->excl_src;
    k->info.n_excludes = k->nexcl;

    if ((n = get(m, "triggers"))) {
        const sm_ynode *const *items;
        size_t cnt;
        if ((st = string_list(c, n, "triggers", &items, &cnt)) != SM_OK)
            return st;
        for (size_t i = 0; i < cnt; i++)
            if (!valid_trigger(items[i]->value))
                return bad(c, items[i], "skill '%s': trigger '%s' must be a "
                           "lowercase word, optionally ending in *",
                           id->value, items[i]->value);
        if ((st = dup_strings(c, items, cnt, &k->triggers, NULL, NULL)) !=
            SM_OK)
            return st;
        k->ntriggers = cnt;
    }
    k->info.triggers = (const char *const *)k->triggers;
    k->info.n_triggers = k->ntriggers;

    if ((n = get(m, "needs_context")) &&
        (st = parse_bool(c, n, "needs_context", &k->info.needs_context)) !=
            SM_OK)
        return st;

    if ((n = get(m, "ignore_hedges")) &&
        (st = parse_bool(c, n, "ignore_hedges", &k->ignore_hedges)) != SM_OK)
        return st;

    if ((n = get(m, "examples"))) {
        const sm_ynode *e;
        if ((st = need_kind(c, n, SM_Y_MAP, "examples")) != SM_OK ||
            (st = check_keys(c, n, "examples", ex_keys)) != SM_OK)
            return st;
        const sm_ynode *const *items;
        size_t cnt;
        if ((e = get(n, "match"))) {
            if ((st = string_list(c, e, "examples.match", &items, &cnt)) !=
                    SM_OK ||
                (st = dup_strings(c, items, cnt, &k->ex_match,
                                  &k->ex_match_line, &k->ex_match_col)) !=
                    SM_OK)
                return st;
            k->nex_match = cnt;
        }
        if ((e = get(n, "no_match"))) {
            if ((st = string_list(c, e, "examples.no_match", &items, &cnt)) !=
                    SM_OK ||
                (st = dup_strings(c, items, cnt, &k->ex_nomatch,
                                  &k->ex_nomatch_line, &k->ex_nomatch_col)) !=
                    SM_OK)
                return st;
            k->nex_nomatch = cnt;
        }
    }
    return SM_OK;
}

static sm_status load_skills(ctx *c, const sm_ynode *list)
{
    sm_status st = need_kind(c, list, SM_Y_SEQ, "skills");
    for (size_t i = 0; st == SM_OK && i < list->n; i++) {
        sm_rules *r = c->r;
        const sm_ynode *idn =
            list->items[i]->kind == SM_Y_MAP ? get(list->items[i], "id") : NULL;
        if (idn && idn->kind == SM_Y_SCALAR)
            for (size_t j = 0; j < r->nskills; j++)
                if (!strcmp(r->skills[j].info.id, idn->value))
                    return bad(c, idn, "duplicate skill id '%s' (first "
                               "defined at %s:%d)", idn->value,
                               r->skills[j].info.file,
                               r->skills[j].info.line);
        sm_skill *k = SM_PUSH(r->skills, r->nskills, r->capskills);
        if (!k)
            return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                           "out of memory");
        memset(k, 0, sizeof *k);
        k->index = (int)(r->nskills - 1);
        st = load_skill(c, list->items[i], k);
    }
    return st;
}

static int skill_order(const void *a, const void *b)
{
    const sm_skill *x = a, *y = b;
    if (x->category_idx != y->category_idx)
        return x->category_idx < y->category_idx ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* ---- profiles ---- */

static sm_skill *skill_by_id(const sm_rules *r, const char *id)
{
    sm_skill *k;
    HASH_FIND_STR(r->by_id, id, k);
    return k;
}

static void req_release(sm_requirement *q)
{
    free(q->id);
    free(q->name);
    free(q->skills);
    free(q->reason);
    free(q->source);
}

static sm_status load_requirement(ctx *c, const sm_ynode *m, bool weighted,
                                  sm_requirement *q)
{
    static const char *const keys[] = {"skill", "any_of", "id", "weight",
                                       "reason", "source", NULL};
    const sm_ynode *n, *reason, *src;
    sm_status st;
    if ((st = need_kind(c, m, SM_Y_MAP, "a requirement")) != SM_OK ||
        (st = check_keys(c, m, "requirement", keys)) != SM_OK)
        return st;
    const sm_ynode *one = get(m, "skill"), *any = get(m, "any_of");
    if (!!one == !!any)
        return bad(c, m, "requirement: give exactly one of 'skill' or "
                   "'any_of'");
    const sm_ynode *const *items;
    size_t cnt;
    if ((st = string_list(c, one ? one : any, one ? "skill" : "any_of", &items,
                          &cnt)) != SM_OK)
        return st;
    if (one && one->kind != SM_Y_SCALAR)
        return bad(c, one, "requirement: 'skill' takes one id (use any_of "
                   "for a group)");
    if (cnt == 0)
        return bad(c, any, "requirement: any_of needs at least one skill");
    q->skills = calloc(cnt, sizeof *q->skills);
    if (!q->skills)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    size_t namelen = 1;
    for (size_t i = 0; i < cnt; i++) {
        sm_skill *k = skill_by_id(c->r, items[i]->value);
        if (!k)
            return bad(c, items[i], "requirement names unknown skill '%s'",
                       items[i]->value);
        q->skills[i] = k->index;
        namelen += strlen(k->info.name) + 4;
    }
    q->nskills = cnt;
    if ((n = get(m, "id"))) {
        if (n->kind != SM_Y_SCALAR || !valid_id(n->value))
            return bad(c, n, "requirement id must be a-z, 0-9 and _");
        q->id = sm_strdup(n->value);
    } else if (one) {
        q->id = sm_strdup(one->value);
    } else {
        return bad(c, m, "an any_of requirement needs an 'id'");
    }
    q->name = malloc(namelen);
    if (!q->id || !q->name)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    q->name[0] = '\0';
    for (size_t i = 0; i < cnt; i++) {
        if (i)
            strcat(q->name, " or ");
        strcat(q->name, c->r->skills[q->skills[i]].info.name);
    }
    q->weight = 1;
    if ((n = get(m, "weight"))) {
        double w;
        if ((st = parse_number(c, n, "weight", 1, 5, &w)) != SM_OK)
            return st;
        if (w != (int)w)
            return bad(c, n, "weight must be a whole number from 1 to 5");
        q->weight = (int)w;
    } else if (weighted) {
        return bad(c, m, "requirement '%s': 'weight' is missing", q->id);
    }
    if ((st = need_string(c, m, "reason", "requirement", &reason)) != SM_OK ||
        (st = need_string(c, m, "source", "requirement", &src)) != SM_OK ||
        (st = check_source(c, src)) != SM_OK)
        return st;
    q->reason = sm_strdup(reason->value);
    q->source = sm_strdup(src->value);
    if (!q->reason || !q->source)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    return SM_OK;
}

static sm_status load_requirements(ctx *c, const sm_ynode *list, bool weighted,
                                   sm_requirement **out, size_t *count)
{
    sm_status st = need_kind(c, list, SM_Y_SEQ, "requirements");
    if (st != SM_OK)
        return st;
    *out = calloc(list->n ? list->n : 1, sizeof **out);
    if (!*out)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    for (size_t i = 0; i < list->n; i++) {
        *count = i + 1;
        if ((st = load_requirement(c, list->items[i], weighted,
                                   &(*out)[i])) != SM_OK)
            return st;
        for (size_t j = 0; j < i; j++)
            if (!strcmp((*out)[j].id, (*out)[i].id))
                return bad(c, list->items[i], "requirement '%s' is listed "
                           "twice in this profile", (*out)[i].id);
    }
    return SM_OK;
}

static void profile_free(sm_profile *p)
{
    for (size_t i = 0; i < p->nreqs; i++)
        req_release(&p->reqs[i]);
    for (size_t i = 0; i < p->nnice; i++)
        req_release(&p->nice[i]);
    free(p->reqs);
    free(p->nice);
    free(p->name);
    free(p->title);
    free(p);
}

static sm_status load_profile(ctx *c, const sm_ynode *m)
{
    static const char *const keys[] = {"level", "title", "source", "years",
                                       "requirements", "nice_to_have", NULL};
    static const char *const ykeys[] = {"min", "max", "source", NULL};
    const sm_ynode *lv, *title, *src, *n;
    sm_status st;
    sm_level level;
    if ((st = need_kind(c, m, SM_Y_MAP, "a profile")) != SM_OK ||
        (st = check_keys(c, m, "profile", keys)) != SM_OK ||
        (st = need_string(c, m, "level", "profile", &lv)) != SM_OK)
        return st;
    if (sm_level_parse(lv->value, &level) != SM_OK)
        return bad(c, lv, "profile level must be junior, mid or senior, not "
                   "'%s'", lv->value);
    if (c->r->by_level[level])
        return bad(c, lv, "profile '%s' is defined twice", lv->value);
    if ((st = need_string(c, m, "title", "profile", &title)) != SM_OK ||
        (st = need_string(c, m, "source", "profile", &src)) != SM_OK ||
        (st = check_source(c, src)) != SM_OK)
        return st;
    sm_profile *p = calloc(1, sizeof *p);
    if (!p || !(p->name = sm_strdup(sm_level_name(level))) ||
        !(p->title = sm_strdup(title->value))) {
        if (p)
            profile_free(p);
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    }
    p->level = level;
    p->years_min = 0;
    p->years_max = -1;
    if ((n = get(m, "years"))) {
        const sm_ynode *y;
        if ((st = need_kind(c, n, SM_Y_MAP, "years")) != SM_OK ||
            (st = check_keys(c, n, "years", ykeys)) != SM_OK)
            goto fail;
        if ((y = get(n, "min")) &&
            (st = parse_number(c, y, "years.min", 0, 60, &p->years_min)) !=
                SM_OK)
            goto fail;
        if ((y = get(n, "max")) &&
            (st = parse_number(c, y, "years.max", p->years_min, 60,
                               &p->years_max)) != SM_OK)
            goto fail;
        if ((y = get(n, "source")) &&
            ((st = need_kind(c, y, SM_Y_SCALAR, "years.source")) != SM_OK ||
             (st = check_source(c, y)) != SM_OK))
            goto fail;
    }
    if (!(n = get(m, "requirements"))) {
        st = bad(c, m, "profile '%s': 'requirements' is missing", p->name);
        goto fail;
    }
    if ((st = load_requirements(c, n, true, &p->reqs, &p->nreqs)) != SM_OK)
        goto fail;
    if (p->nreqs == 0) {
        st = bad(c, n, "profile '%s' has no requirements", p->name);
        goto fail;
    }
    if ((n = get(m, "nice_to_have")) &&
        (st = load_requirements(c, n, false, &p->nice, &p->nnice)) != SM_OK)
        goto fail;
    HASH_ADD_KEYPTR(hh, c->r->profiles, p->name, strlen(p->name), p);
    c->r->by_level[level] = p;
    return SM_OK;
fail:
    profile_free(p);
    return st;
}

static sm_status load_profiles(ctx *c, const sm_ynode *list)
{
    sm_status st = need_kind(c, list, SM_Y_SEQ, "profiles");
    for (size_t i = 0; st == SM_OK && i < list->n; i++)
        st = load_profile(c, list->items[i]);
    return st;
}

static sm_status load_levels(ctx *c, const sm_ynode *m)
{
    static const char *const keys[] = {"pass", "floor", "ml_skills",
                                       NULL};
    static const char *const fkeys[] = {"junior", "mid", "senior", NULL};
    const sm_ynode *n;
    sm_status st;
    if ((st = need_kind(c, m, SM_Y_MAP, "levels")) != SM_OK ||
        (st = check_keys(c, m, "levels", keys)) != SM_OK)
        return st;
    if ((n = get(m, "pass")) &&
        (st = parse_number(c, n, "levels.pass", 0.05, 1, &c->r->pass)) !=
            SM_OK)
        return st;
    if ((n = get(m, "floor"))) {
        if ((st = need_kind(c, n, SM_Y_MAP, "levels.floor")) != SM_OK ||
            (st = check_keys(c, n, "levels.floor", fkeys)) != SM_OK)
            return st;
        for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++) {
            const sm_ynode *f = get(n, sm_level_name((sm_level)lv));
            if (f && (st = parse_number(c, f, "levels.floor", 0, 1,
                                        &c->r->floor[lv])) != SM_OK)
                return st;
        }
    }
    if ((n = get(m, "ml_skills"))) {
        const sm_ynode *const *items;
        size_t cnt;
        if ((st = string_list(c, n, "ml_skills", &items, &cnt)) != SM_OK)
            return st;
        for (size_t i = 0; i < c->r->nskills; i++)
            c->r->skills[i].core_ml = false;
        for (size_t i = 0; i < cnt; i++) {
            sm_skill *k = skill_by_id(c->r, items[i]->value);
            if (!k)
                return bad(c, items[i], "levels.ml_skills names unknown "
                           "skill '%s'", items[i]->value);
            k->core_ml = true;
        }
        c->r->have_ml_skills = true;
    }
    return SM_OK;
}

/* ---- context and sections ---- */

static sm_status load_cues(ctx *c, const sm_ynode *list, bool hedge,
                           sm_cue **out, size_t *count)
{
    static const char *const keys[] = {"id", "before", "after", "strength",
                                       NULL};
    sm_status st = need_kind(c, list, SM_Y_SEQ, hedge ? "hedge" : "negation");
    for (size_t i = 0; st == SM_OK && i < list->n; i++) {
        const sm_ynode *m = list->items[i], *id, *pat;
        if ((st = need_kind(c, m, SM_Y_MAP, "a context cue")) != SM_OK ||
            (st = check_keys(c, m, "context cue", keys)) != SM_OK ||
            (st = need_string(c, m, "id", "context cue", &id)) != SM_OK)
            break;
        const sm_ynode *before = get(m, "before"), *after = get(m, "after");
        if (!!before == !!after) {
            st = bad(c, m, "context cue '%s': give exactly one of 'before' "
                     "or 'after'", id->value);
            break;
        }
        pat = before ? before : after;
        if ((st = need_kind(c, pat, SM_Y_SCALAR, "cue pattern")) != SM_OK)
            break;
        /* the count is the capacity: cue lists are short */
        size_t cap = *count;
        sm_cue *q = SM_PUSH(*out, *count, cap);
        if (!q)
            return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                           "out of memory");
        memset(q, 0, sizeof *q);
        q->where = after ? 1 : 0;
        q->strength = 0;
        if (!(q->id = sm_strdup(id->value)))
            return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                           "out of memory");
        if (hedge) {
            q->strength = 0.5;
            const sm_ynode *s = get(m, "strength");
            if (s && (st = parse_number(c, s, "strength", 0.05, 0.95,
                                        &q->strength)) != SM_OK)
                break;
        } else if (get(m, "strength")) {
            st = bad(c, get(m, "strength"), "a negation has no strength");
            break;
        }
        st = sm_regex_compile(&q->re, pat->value, 0, c->file, pat->line,
                              pat->col, c->err);
        if (st != SM_OK) {
            c->err->code = st = SM_ERR_RULES;
            break;
        }
    }
    return st;
}

static sm_status load_context(ctx *c, const sm_ynode *m)
{
    static const char *const keys[] = {"window", "negation", "hedge",
                                       "corroboration", NULL};
    const sm_ynode *n;
    sm_status st;
    sm_rules *r = c->r;
    if ((st = need_kind(c, m, SM_Y_MAP, "context")) != SM_OK ||
        (st = check_keys(c, m, "context", keys)) != SM_OK)
        return st;
    if ((n = get(m, "window"))) {
        double w;
        if ((st = parse_number(c, n, "context.window", 10, 400, &w)) != SM_OK)
            return st;
        r->context_window = (int)w;
    }
    if ((n = get(m, "negation")) &&
        (st = load_cues(c, n, false, &r->negations, &r->nnegations)) != SM_OK)
        return st;
    if ((n = get(m, "hedge")) &&
        (st = load_cues(c, n, true, &r->hedges, &r->nhedges)) != SM_OK)
        return st;
    if ((n = get(m, "corroboration"))) {
        sm_regex *v;
        size_t k;
        if ((st = compile_list(c, n, "corroboration", "context", &v, &k)) !=
            SM_OK)
            return st;
        sm_regex *all = realloc(r->corroborations,
                                (r->ncorroborations + k + 1) * sizeof *all);
        if (!all) {
            for (size_t i = 0; i < k; i++)
                sm_regex_release(&v[i]);
            free(v);
            return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                           "out of memory");
        }
        memcpy(all + r->ncorroborations, v, k * sizeof *v);
        free(v);
        r->corroborations = all;
        r->ncorroborations += k;
    }
    return SM_OK;
}

static sm_status load_sections(ctx *c, const sm_ynode *list)
{
    static const char *const keys[] = {"name", "strength", "headings", NULL};
    sm_rules *r = c->r;
    sm_status st = need_kind(c, list, SM_Y_SEQ, "sections");
    for (size_t i = 0; st == SM_OK && i < list->n; i++) {
        const sm_ynode *m = list->items[i], *name, *h;
        if ((st = need_kind(c, m, SM_Y_MAP, "a section")) != SM_OK ||
            (st = check_keys(c, m, "section", keys)) != SM_OK ||
            (st = need_string(c, m, "name", "section", &name)) != SM_OK)
            break;
        for (size_t j = 0; j < r->nsections; j++)
            if (!strcmp(r->sections[j].name, name->value))
                return bad(c, name, "section '%s' is defined twice",
                           name->value);
        if (!(h = get(m, "headings")))
            return bad(c, m, "section '%s': 'headings' is missing",
                       name->value);
        sm_section_def *d =
            realloc(r->sections, (r->nsections + 1) * sizeof *d);
        if (!d)
            return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                           "out of memory");
        r->sections = d;
        d = &r->sections[r->nsections++];
        memset(d, 0, sizeof *d);
        d->strength = 1;
        if (!(d->name = sm_strdup(name->value)))
            return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                           "out of memory");
        const sm_ynode *s = get(m, "strength");
        if (s && (st = parse_number(c, s, "strength", 0.05, 1,
                                    &d->strength)) != SM_OK)
            break;
        /* Headings match a whole heading line. */
        const sm_ynode *const *items;
        size_t cnt;
        if ((st = string_list(c, h, "headings", &items, &cnt)) != SM_OK)
            break;
        d->headings = calloc(cnt ? cnt : 1, sizeof *d->headings);
        if (!d->headings)
            return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                           "out of memory");
        for (size_t j = 0; j < cnt && st == SM_OK; j++) {
            char *full = malloc(items[j]->len + 16);
            if (!full)
                return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                               "out of memory");
            sprintf(full, "^(?:%s)$", items[j]->value);
            st = sm_regex_compile(&d->headings[j], full, 0, c->file,
                                  items[j]->line, items[j]->col, c->err);
            free(full);
            if (st == SM_OK)
                d->nheadings++;
            else
                c->err->code = st = SM_ERR_RULES;
        }
    }
    return st;
}

/* ---- trigger index ---- */

static sm_status index_add(sm_trigger **table, const char *key, int skill)
{
    sm_trigger *t;
    HASH_FIND_STR(*table, key, t);
    if (!t) {
        t = calloc(1, sizeof *t);
        if (!t || !(t->key = sm_strdup(key))) {
            free(t);
            return SM_ERR_NOMEM;
        }
        HASH_ADD_KEYPTR(hh, *table, t->key, strlen(t->key), t);
    }
    for (size_t i = 0; i < t->n; i++)
        if (t->skills[i] == skill)
            return SM_OK;
    int *slot = SM_PUSH(t->skills, t->n, t->cap);
    if (!slot)
        return SM_ERR_NOMEM;
    *slot = skill;
    return SM_OK;
}

static sm_status build_index(sm_rules *r, sm_error *err)
{
    for (size_t i = 0; i < r->nskills; i++) {
        sm_skill *k = &r->skills[i];
        if (!k->ntriggers) {
            int *u = realloc(r->untriggered,
                             (r->nuntriggered + 1) * sizeof *u);
            if (!u)
                return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0,
                               "out of memory");
            r->untriggered = u;
            u[r->nuntriggered++] = (int)i;
        }
        for (size_t j = 0; j < k->ntriggers; j++) {
            char key[128];
            size_t len = strlen(k->triggers[j]);
            bool prefix = k->triggers[j][len - 1] == '*';
            if (prefix)
                len--;
            if (len >= sizeof key || (prefix && len >= 64))
                return sm_fail(err, SM_ERR_RULES, k->info.file, k->info.line,
                               0, "skill '%s': trigger too long",
                               k->info.id);
            memcpy(key, k->triggers[j], len);
            key[len] = '\0';
            if (index_add(prefix ? &r->prefix : &r->exact, key, (int)i) !=
                SM_OK)
                return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0,
                               "out of memory");
            if (prefix)
                r->prefix_lens |= (uint64_t)1 << len;
            if (prefix && len < 2) {
                r->prefix_short = true;
            } else if (prefix && sm_alnum36((unsigned char)key[0]) >= 0 &&
                       sm_alnum36((unsigned char)key[1]) >= 0) {
                /* (a prefix with another byte never begins a word) */
                r->prefix_lens2[sm_alnum36((unsigned char)key[0]) * 36 +
                                sm_alnum36((unsigned char)key[1])] |=
                    (uint64_t)1 << len;
            }
        }
    }
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
    ctx c = {r, out->file, err};
    if (!out->root)
        return SM_OK;
    if ((st = need_kind(&c, out->root, SM_Y_MAP, "a rules file")) != SM_OK)
        return st;
    return check_keys(&c, out->root, "rules file", TOP_KEYS);
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
            get(files[nfiles - 1].root, "facts"))
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
            if (!files[i].root || !(node = get(files[i].root, *key)))
                continue;
            ctx c = {r, files[i].file, err};
            if (!strcmp(*key, "facts")) {
                st = load_facts(&c, node);
                if (st == SM_OK)   /* salary figures, for lint */
                    st = sm_lint_facts_load(r, files[i].file, node, err);
            } else if (!strcmp(*key, "skills"))
                st = load_skills(&c, node);
            else if (!strcmp(*key, "levels"))
                st = load_levels(&c, node);
            else if (!strcmp(*key, "profiles"))
                st = load_profiles(&c, node);
            else if (!strcmp(*key, "context"))
                st = load_context(&c, node);
            else if (!strcmp(*key, "sections"))
                st = load_sections(&c, node);
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
                qsort(r->skills, r->nskills, sizeof *r->skills, skill_order);
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
        st = build_index(r, err);
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

static void trigger_table_free(sm_trigger **table)
{
    sm_trigger *t, *tmp;
    HASH_ITER(hh, *table, t, tmp) {
        HASH_DEL(*table, t);
        free(t->key);
        free(t->skills);
        free(t);
    }
}

void sm_rules_free(sm_rules *r)
{
    if (!r)
        return;
    HASH_CLEAR(hh, r->by_id);
    for (size_t i = 0; i < r->nskills; i++)
        skill_release(&r->skills[i]);
    free(r->skills);
    sm_profile *p, *ptmp;
    HASH_ITER(hh, r->profiles, p, ptmp) {
        HASH_DEL(r->profiles, p);
        profile_free(p);
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
    trigger_table_free(&r->exact);
    trigger_table_free(&r->prefix);
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
    sm_skill *k = skill_by_id(r, id);
    return k ? &k->info : NULL;
}

const char *sm_level_name(sm_level level)
{
    static const char *const names[] = {"none", "junior", "mid", "senior"};
    return (unsigned)level <= SM_LEVEL_SENIOR ? names[level] : "none";
}

sm_status sm_level_parse(const char *name, sm_level *out)
{
    for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++)
        if (!strcasecmp(name, sm_level_name((sm_level)lv))) {
            *out = (sm_level)lv;
            return SM_OK;
        }
    return SM_ERR_ARG;
}
