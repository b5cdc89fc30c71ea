/* job_rules.c - the `job:` key of the rules: the weights of required and
 * preferred skills, the headings and phrasings that tell them apart, and
 * the skill families that give "you show PyTorch" beside a TensorFlow
 * gap. Every error names file:line:col; weights and families cite the
 * articles (sources checked against the facts). */
#include <stdlib.h>
#include <string.h>

#include "rules/job_rules.h"
#include "rules/rules.h"
#include "util/util.h"

typedef struct {
    const sm_rules *r;
    sm_job_rules *jr;
    const char *file;
    sm_error *err;
} ctx;

#define bad(c, n, ...) sm_ynode_fail((c)->err, (c)->file, (n), __VA_ARGS__)

static sm_status oom(ctx *c)
{
    return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
}

static sm_status keys(ctx *c, const sm_ynode *map, const char *what,
                      const char *const *allowed)
{
    if (!map || map->kind != SM_Y_MAP)
        return bad(c, map, "%s must be a mapping", what);
    return sm_ymap_check_keys(c->file, map, what, allowed, c->err);
}

/* source: one string or a list, each checked, joined with ", ". */
static sm_status sources(ctx *c, const sm_ynode *map, const char *what,
                         char **out)
{
    const sm_ynode *n = sm_ymap_get(map, "source");
    const sm_ynode *const *items;
    size_t k, len = 1;
    if (!n)
        return bad(c, map, "%s: 'source' is missing (weights and families "
                   "cite the articles)", what);
    sm_status st = sm_ynode_strings(c->file, n, "source", &items, &k,
                                    c->err);
    for (size_t i = 0; st == SM_OK && i < k; i++) {
        st = sm_rules_check_source(c->r, c->file, items[i], c->err);
        len += items[i]->len + 2;
    }
    if (st != SM_OK)
        return st;
    char *s = malloc(len);
    if (!s)
        return oom(c);
    s[0] = '\0';
    for (size_t i = 0; i < k; i++) {
        if (i)
            strcat(s, ", ");
        strcat(s, items[i]->value);
    }
    free(*out);
    *out = s;
    return SM_OK;
}

/* Patterns, compiled `prefix(?:pattern)suffix` (a heading is anchored at
 * the start of a line's text, and ends there or at a colon). */
static sm_status patterns(ctx *c, const sm_ynode *n, const char *what,
                          const char *prefix, const char *suffix,
                          sm_regex **out, size_t *count)
{
    const sm_ynode *const *items;
    size_t k;
    sm_status st = sm_ynode_strings(c->file, n, what, &items, &k, c->err);
    if (st != SM_OK)
        return st;
    if (!k)
        return bad(c, n, "%s: give at least one pattern", what);
    sm_regex *v = calloc(k, sizeof *v);
    if (!v)
        return oom(c);
    *out = v;
    for (size_t i = 0; i < k && st == SM_OK; i++) {
        size_t len = strlen(prefix) + items[i]->len + strlen(suffix) + 8;
        char *src = malloc(len);
        if (!src)
            return oom(c);
        snprintf(src, len, "%s(?:%s)%s", prefix, items[i]->value, suffix);
        st = sm_regex_compile(&v[i], src, 0, c->file, items[i]->line,
                              items[i]->col + (items[i]->quoted ? 1 : 0),
                              c->err);
        free(src);
        if (st == SM_OK) {
            sm_regex_jit(&v[i]);
            (*count)++;
        } else if (st == SM_ERR_REGEX) {
            c->err->code = st = SM_ERR_RULES;
        }
    }
    return st;
}

static sm_status load_weights(ctx *c, const sm_ynode *n)
{
    static const char *const K[] = {"required", "preferred", "source", NULL};
    sm_status st = keys(c, n, "job.weights", K);
    for (int k = SM_ASK_REQUIRED; st == SM_OK && k <= SM_ASK_PREFERRED; k++) {
        const char *name = sm_ask_kind_name((sm_ask_kind)k);
        const sm_ynode *v = sm_ymap_get(n, name);
        if (!v)
            return bad(c, n, "job.weights: '%s' is missing", name);
        st = sm_ynode_number(c->file, v, name, 0.01, 100,
                             &c->jr->weight[k], c->err);
    }
    if (st == SM_OK && c->jr->weight[SM_ASK_PREFERRED] >
                           c->jr->weight[SM_ASK_REQUIRED])
        return bad(c, n, "job.weights: preferred weighs more than required");
    if (st == SM_OK)
        st = sources(c, n, "job.weights", &c->jr->weight_source);
    return st;
}

static sm_status load_family(ctx *c, const sm_ynode *n, sm_job_family *f)
{
    static const char *const K[] = {"id", "skills", "source", NULL};
    sm_status st = keys(c, n, "a job family", K);
    const sm_ynode *id = sm_ymap_get(n, "id"), *sk = sm_ymap_get(n, "skills");
    if (st == SM_OK && (!id || id->kind != SM_Y_SCALAR || !id->len))
        return bad(c, n, "a job family needs an 'id'");
    if (st == SM_OK && !sk)
        return bad(c, n, "job family '%s': 'skills' is missing", id->value);
    if (st == SM_OK && !(f->id = sm_strdup(id->value)))
        return oom(c);
    const sm_ynode *const *items;
    size_t k = 0;
    if (st == SM_OK)
        st = sm_ynode_strings(c->file, sk, "skills", &items, &k, c->err);
    if (st == SM_OK && k < 2)
        return bad(c, sk, "job family '%s': name two skills or more",
                   f->id);
    if (st == SM_OK && !(f->skills = calloc(k, sizeof *f->skills)))
        return oom(c);
    for (size_t i = 0; st == SM_OK && i < k; i++) {
        sm_skill *s;
        HASH_FIND_STR(c->r->by_id, items[i]->value, s);
        if (!s)
            return bad(c, items[i], "job family '%s': unknown skill '%s'",
                       f->id, items[i]->value);
        f->skills[f->n++] = s->index;
    }
    if (st == SM_OK)
        st = sources(c, n, "a job family", &f->source);
    return st;
}

sm_status sm_job_rules_load(const sm_rules *r, sm_job_rules **jrp,
                            const char *file, const sm_ynode *node,
                            sm_error *err)
{
    static const char *const K[] = {"weights", "required", "preferred",
                                    "preferred_phrases", "families", NULL};
    ctx c = {r, NULL, file, err};
    if (*jrp)
        return bad(&c, node, "the 'job' key is given twice (once in %s)",
                   (*jrp)->file);
    sm_status st = keys(&c, node, "job", K);
    if (st != SM_OK)
        return st;
    if (!(c.jr = *jrp = calloc(1, sizeof **jrp)) ||
        !(c.jr->file = sm_strdup(file)))
        return oom(&c);
    const sm_ynode *w = sm_ymap_get(node, "weights");
    if (!w)
        return bad(&c, node, "job: 'weights' is missing");
    st = load_weights(&c, w);
    for (int k = SM_ASK_REQUIRED; st == SM_OK && k <= SM_ASK_PREFERRED; k++) {
        const char *name = sm_ask_kind_name((sm_ask_kind)k);
        const sm_ynode *h = sm_ymap_get(node, name);
        if (!h)
            return bad(&c, node, "job: '%s' (its headings) is missing", name);
        /* the whole text of a line, or its label before a colon */
        st = patterns(&c, h, name, "^", "(?=\\s*(?::|$))", &c.jr->heads[k],
                      &c.jr->nheads[k]);
    }
    const sm_ynode *p = sm_ymap_get(node, "preferred_phrases");
    if (st == SM_OK && p)
        st = patterns(&c, p, "preferred_phrases", "", "", &c.jr->cues,
                      &c.jr->ncues);
    const sm_ynode *f = sm_ymap_get(node, "families");
    if (st == SM_OK && f) {
        if (f->kind != SM_Y_SEQ)
            return bad(&c, f, "job.families must be a list");
        if (!(c.jr->families = calloc(f->n + 1, sizeof *c.jr->families)))
            return oom(&c);
        for (size_t i = 0; st == SM_OK && i < f->n; i++) {
            st = load_family(&c, f->items[i], &c.jr->families[i]);
            c.jr->nfamilies = i + 1;
        }
    }
    return st;
}

void sm_job_rules_free(sm_job_rules *jr)
{
    if (!jr)
        return;
    for (int k = 0; k <= SM_ASK_PREFERRED; k++) {
        for (size_t i = 0; i < jr->nheads[k]; i++)
            sm_regex_release(&jr->heads[k][i]);
        free(jr->heads[k]);
    }
    for (size_t i = 0; i < jr->ncues; i++)
        sm_regex_release(&jr->cues[i]);
    free(jr->cues);
    for (size_t i = 0; i < jr->nfamilies; i++) {
        free(jr->families[i].id);
        free(jr->families[i].skills);
        free(jr->families[i].source);
    }
    free(jr->families);
    free(jr->weight_source);
    free(jr->file);
    free(jr);
}
