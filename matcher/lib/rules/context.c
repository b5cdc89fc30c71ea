/* context.c - the `context:` key (negation and hedge cues, the window
 * they look in, corroborations) and the `sections:` key (each section's
 * headings and strength). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "engine/engine.h"
#include "util/util.h"

/* An error at node n of the file being read. */
#define bad(c, n, ...) sm_ynode_fail((c)->err, (c)->file, (n), __VA_ARGS__)

/* ---- context and sections ---- */

static sm_status load_cues(sm_rules_ctx *c, const sm_ynode *list, bool hedge,
                           sm_cue **out, size_t *count)
{
    static const char *const keys[] = {"id", "before", "after", "strength",
                                       NULL};
    sm_status st = sm_rules_need_kind(c, list, SM_Y_SEQ,
                                      hedge ? "hedge" : "negation");
    for (size_t i = 0; st == SM_OK && i < list->n; i++) {
        const sm_ynode *m = list->items[i], *id, *pat;
        if ((st = sm_rules_need_kind(c, m, SM_Y_MAP,
                                     "a context cue")) != SM_OK ||
            (st = sm_rules_check_keys(c, m, "context cue", keys)) != SM_OK ||
            (st = sm_rules_need_string(c, m, "id", "context cue",
                                       &id)) != SM_OK)
            break;
        const sm_ynode *before = sm_ymap_get(m, "before"),
                       *after = sm_ymap_get(m, "after");
        if (!!before == !!after) {
            st = bad(c, m, "context cue '%s': give exactly one of 'before' "
                     "or 'after'", id->value);
            break;
        }
        pat = before ? before : after;
        if ((st = sm_rules_need_kind(c, pat, SM_Y_SCALAR,
                                     "cue pattern")) != SM_OK)
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
            const sm_ynode *s = sm_ymap_get(m, "strength");
            if (s && (st = sm_rules_number(c, s, "strength", 0.05, 0.95,
                                           &q->strength)) != SM_OK)
                break;
        } else if (sm_ymap_get(m, "strength")) {
            st = bad(c, sm_ymap_get(m, "strength"),
                     "a negation has no strength");
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

void sm_context_rules_free(sm_context_rules *c)
{
    if (!c)
        return;
    sm_cue *lists[] = {c->owned, c->not_owned, c->weak};
    size_t counts[] = {c->nowned, c->nnot_owned, c->nweak};
    for (int k = 0; k < 3; k++) {
        for (size_t i = 0; i < counts[k]; i++) {
            free(lists[k][i].id);
            sm_regex_release(&lists[k][i].re);
        }
        free(lists[k]);
    }
    for (size_t i = 0; i < c->nsections; i++)
        free(c->sections[i]);
    free(c->sections);
    free(c);
}

sm_status sm_rules_load_context(sm_rules_ctx *c, const sm_ynode *m)
{
    static const char *const keys[] = {"window", "negation", "hedge",
                                       "corroboration", "ownership", "weak",
                                       NULL};
    const sm_ynode *n;
    sm_status st;
    sm_rules *r = c->r;
    if ((st = sm_rules_need_kind(c, m, SM_Y_MAP, "context")) != SM_OK ||
        (st = sm_rules_check_keys(c, m, "context", keys)) != SM_OK)
        return st;
    if ((n = sm_ymap_get(m, "window"))) {
        double w;
        if ((st = sm_rules_number(c, n, "context.window", 10, 400,
                                  &w)) != SM_OK)
            return st;
        r->context_window = (int)w;
    }
    if ((n = sm_ymap_get(m, "negation")) &&
        (st = load_cues(c, n, false, &r->negations, &r->nnegations)) != SM_OK)
        return st;
    if ((n = sm_ymap_get(m, "hedge")) &&
        (st = load_cues(c, n, true, &r->hedges, &r->nhedges)) != SM_OK)
        return st;
    if ((sm_ymap_get(m, "ownership") || sm_ymap_get(m, "weak")) &&
        !r->context && !(r->context = calloc(1, sizeof *r->context)))
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    if ((n = sm_ymap_get(m, "weak")) &&
        (st = load_cues(c, n, true, &r->context->weak, &r->context->nweak)) !=
            SM_OK)
        return st;
    if ((n = sm_ymap_get(m, "ownership"))) {
        static const char *const okeys[] = {"sections", "owned", "not_owned",
                                            NULL};
        const sm_ynode *x;
        sm_context_rules *cx = r->context;
        if ((st = sm_rules_need_kind(c, n, SM_Y_MAP, "context.ownership")) !=
                SM_OK ||
            (st = sm_rules_check_keys(c, n, "context.ownership", okeys)) !=
                SM_OK)
            return st;
        if ((x = sm_ymap_get(n, "sections"))) {
            const sm_ynode *const *items;
            size_t cnt;
            if ((st = sm_rules_strings(c, x, "sections", &items, &cnt)) !=
                SM_OK)
                return st;
            for (size_t i = 0; i < cnt; i++) {
                char **slot = realloc(cx->sections,
                                      (cx->nsections + 1) * sizeof *slot);
                if (!slot)
                    return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                                   "out of memory");
                cx->sections = slot;
                if (!(slot[cx->nsections] = sm_strdup(items[i]->value)))
                    return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                                   "out of memory");
                cx->nsections++;
            }
        }
        if ((x = sm_ymap_get(n, "owned")) &&
            (st = load_cues(c, x, false, &cx->owned, &cx->nowned)) != SM_OK)
            return st;
        if ((x = sm_ymap_get(n, "not_owned")) &&
            (st = load_cues(c, x, false, &cx->not_owned, &cx->nnot_owned)) !=
                SM_OK)
            return st;
    }
    if ((n = sm_ymap_get(m, "corroboration"))) {
        sm_regex *v;
        size_t k;
        if ((st = sm_rules_compile_list(c, n, "corroboration", "context", &v,
                                        &k)) !=
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

sm_status sm_rules_load_sections(sm_rules_ctx *c, const sm_ynode *list)
{
    static const char *const keys[] = {"name", "strength", "headings", NULL};
    sm_rules *r = c->r;
    sm_status st = sm_rules_need_kind(c, list, SM_Y_SEQ, "sections");
    for (size_t i = 0; st == SM_OK && i < list->n; i++) {
        const sm_ynode *m = list->items[i], *name, *h;
        if ((st = sm_rules_need_kind(c, m, SM_Y_MAP, "a section")) != SM_OK ||
            (st = sm_rules_check_keys(c, m, "section", keys)) != SM_OK ||
            (st = sm_rules_need_string(c, m, "name", "section",
                                       &name)) != SM_OK)
            break;
        for (size_t j = 0; j < r->nsections; j++)
            if (!strcmp(r->sections[j].name, name->value))
                return bad(c, name, "section '%s' is defined twice",
                           name->value);
        if (!(h = sm_ymap_get(m, "headings")))
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
        const sm_ynode *s = sm_ymap_get(m, "strength");
        if (s && (st = sm_rules_number(c, s, "strength", 0.05, 1,
                                       &d->strength)) != SM_OK)
            break;
        /* Headings match a whole heading line. */
        const sm_ynode *const *items;
        size_t cnt;
        if ((st = sm_rules_strings(c, h, "headings", &items, &cnt)) != SM_OK)
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
