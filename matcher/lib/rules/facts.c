/* facts.c - the facts of corpus/facts.yaml that sources cite: which seed
 * lines they cover, whether a rule's source points at one, and the salary
 * figures per level that lint compares a draft's range with. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "util/util.h"

typedef struct {
    sm_rules *r;
    const char *file;
    sm_error *err;
} ctx;

/* An error at node n of the file being read. */
#define bad(c, n, ...) sm_ynode_fail((c)->err, (c)->file, (n), __VA_ARGS__)

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

/* ---- the lines facts cover ---- */

sm_status sm_rules_fact_add(sm_rules *r, const char *file, const sm_ynode *n,
                            sm_error *err)
{
    ctx cc = {r, file, err}, *c = &cc;
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

/* ---- facts: salary figures per level ---- */

static void add_source(sm_lint_range *rg, const char *src)
{
    size_t used = strlen(rg->sources);
    if (strstr(rg->sources, src))
        return;
    snprintf(rg->sources + used, sizeof rg->sources - used, "%s%s",
             used ? ", " : "", src);
}

sm_status sm_lint_facts_load(sm_rules *r, const char *file,
                             const sm_ynode *list, sm_error *err)
{
    static const char *const skeys[] = {"min", "max", "currency", NULL};
    if (!r->lint && !(r->lint = sm_lint_rules_new()))
        return sm_fail(err, SM_ERR_NOMEM, file, 0, 0, "out of memory");
    sm_status st;
    for (size_t i = 0; list->kind == SM_Y_SEQ && i < list->n; i++) {
        const sm_ynode *f = list->items[i], *sal, *lvn, *sec, *n;
        if (!(sal = sm_ymap_get(f, "salary")))
            continue;
        if ((st = sm_ymap_check_keys(file, sal, "salary", skeys,
                                     err)) != SM_OK)
            return st;
        double lo, hi = -1;
        if ((st = sm_ynode_number(file, sm_ymap_get(sal, "min"), "salary.min",
                                  0,
                                 1e8, &lo, err)) != SM_OK)
            return st;
        if ((n = sm_ymap_get(sal, "max")) &&
            (st = sm_ynode_number(file, n, "salary.max", lo, 1e8, &hi,
                                  err)) != SM_OK)
            return st;
        if ((n = sm_ymap_get(sal, "currency")) &&
            (n->kind != SM_Y_SCALAR || strcmp(n->value, "USD")))
            return sm_ynode_fail(err, file, n,
                                 "salary.currency: only USD figures are "
                       "compared");
        sm_level lv = SM_LEVEL_NONE;
        if ((lvn = sm_ymap_get(f, "level"))) {
            if (lvn->kind != SM_Y_SCALAR ||
                sm_level_parse(lvn->value, &lv) != SM_OK)
                return sm_ynode_fail(err, file, lvn,
                                     "fact level must be junior, mid or "
                           "senior");
        } else if ((sec = sm_ymap_get(f, "section")) &&
                   sec->kind == SM_Y_SCALAR) {
            /* the level is named in the section text: "... (junior)" */
            for (int l = SM_LEVEL_JUNIOR; l <= SM_LEVEL_SENIOR; l++) {
                char tag[16];
                snprintf(tag, sizeof tag, "(%s)", sm_level_name((sm_level)l));
                if (strstr(sec->value, tag))
                    lv = (sm_level)l;
            }
        }
        if (lv == SM_LEVEL_NONE)
            continue;
        sm_lint_range *rg = &r->lint->salary[lv];
        if (!r->lint->have_salary[lv]) {
            rg->min = lo;
            rg->max = hi;
            r->lint->have_salary[lv] = true;
        } else {
            if (lo < rg->min)
                rg->min = lo;
            if (rg->max >= 0 && (hi < 0 || hi > rg->max))
                rg->max = hi;
        }
        const sm_ynode *src = sm_ymap_get(f, "source");
        if (src && src->kind == SM_Y_SCALAR)
            add_source(rg, src->value);
    }
    return SM_OK;
}
