/* profiles.c - the `profiles:` key (one per level: title, years, the
 * requirements and nice-to-haves, each a skill or an any-of group with a
 * weight and the article's reason) and the `levels:` key (pass mark,
 * floors, the skills that show machine learning). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "engine/engine.h"
#include "util/util.h"

/* An error at node n of the file being read. */
#define bad(c, n, ...) sm_ynode_fail((c)->err, (c)->file, (n), __VA_ARGS__)

/* ---- profiles ---- */

sm_skill *sm_rules_skill_by_id(const sm_rules *r, const char *id)
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

static sm_status load_requirement(sm_rules_ctx *c, const sm_ynode *m,
                                  bool weighted,
                                  sm_requirement *q)
{
    static const char *const keys[] = {"skill", "any_of", "id", "weight",
                                       "reason", "source", NULL};
    const sm_ynode *n, *reason, *src;
    sm_status st;
    if ((st = sm_rules_need_kind(c, m, SM_Y_MAP, "a requirement")) != SM_OK ||
        (st = sm_rules_check_keys(c, m, "requirement", keys)) != SM_OK)
        return st;
    const sm_ynode *one = sm_ymap_get(m, "skill"),
                   *any = sm_ymap_get(m, "any_of");
    if (!!one == !!any)
        return bad(c, m, "requirement: give exactly one of 'skill' or "
                   "'any_of'");
    const sm_ynode *const *items;
    size_t cnt;
    if ((st = sm_rules_strings(c, one ? one : any, one ? "skill" : "any_of",
                               &items,
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
        sm_skill *k = sm_rules_skill_by_id(c->r, items[i]->value);
        if (!k)
            return bad(c, items[i], "requirement names unknown skill '%s'",
                       items[i]->value);
        q->skills[i] = k->index;
        namelen += strlen(k->info.name) + 4;
    }
    q->nskills = cnt;
    if ((n = sm_ymap_get(m, "id"))) {
        if (n->kind != SM_Y_SCALAR || !sm_rules_valid_id(n->value))
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
    if ((n = sm_ymap_get(m, "weight"))) {
        double w;
        if ((st = sm_rules_number(c, n, "weight", 1, 5, &w)) != SM_OK)
            return st;
        if (w != (int)w)
            return bad(c, n, "weight must be a whole number from 1 to 5");
        q->weight = (int)w;
    } else if (weighted) {
        return bad(c, m, "requirement '%s': 'weight' is missing", q->id);
    }
    if ((st = sm_rules_need_string(c, m, "reason", "requirement",
                                   &reason)) != SM_OK ||
        (st = sm_rules_need_string(c, m, "source", "requirement",
                                   &src)) != SM_OK ||
        (st = sm_rules_need_source(c, src)) != SM_OK)
        return st;
    q->reason = sm_strdup(reason->value);
    q->source = sm_strdup(src->value);
    if (!q->reason || !q->source)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    return SM_OK;
}

static sm_status load_requirements(sm_rules_ctx *c, const sm_ynode *list,
                                   bool weighted,
                                   sm_requirement **out, size_t *count)
{
    sm_status st = sm_rules_need_kind(c, list, SM_Y_SEQ, "requirements");
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

void sm_profile_free(sm_profile *p)
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

static sm_status load_profile(sm_rules_ctx *c, const sm_ynode *m)
{
    static const char *const keys[] = {"level", "title", "source", "years",
                                       "requirements", "nice_to_have", NULL};
    static const char *const ykeys[] = {"min", "max", "source", NULL};
    const sm_ynode *lv, *title, *src, *n;
    sm_status st;
    sm_level level;
    if ((st = sm_rules_need_kind(c, m, SM_Y_MAP, "a profile")) != SM_OK ||
        (st = sm_rules_check_keys(c, m, "profile", keys)) != SM_OK ||
        (st = sm_rules_need_string(c, m, "level", "profile", &lv)) != SM_OK)
        return st;
    if (sm_level_parse(lv->value, &level) != SM_OK)
        return bad(c, lv, "profile level must be junior, mid or senior, not "
                   "'%s'", lv->value);
    if (c->r->by_level[level])
        return bad(c, lv, "profile '%s' is defined twice", lv->value);
    if ((st = sm_rules_need_string(c, m, "title", "profile",
                                   &title)) != SM_OK ||
        (st = sm_rules_need_string(c, m, "source", "profile",
                                   &src)) != SM_OK ||
        (st = sm_rules_need_source(c, src)) != SM_OK)
        return st;
    sm_profile *p = calloc(1, sizeof *p);
    if (!p || !(p->name = sm_strdup(sm_level_name(level))) ||
        !(p->title = sm_strdup(title->value))) {
        if (p)
            sm_profile_free(p);
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    }
    p->level = level;
    p->years_min = 0;
    p->years_max = -1;
    if ((n = sm_ymap_get(m, "years"))) {
        const sm_ynode *y;
        if ((st = sm_rules_need_kind(c, n, SM_Y_MAP, "years")) != SM_OK ||
            (st = sm_rules_check_keys(c, n, "years", ykeys)) != SM_OK)
            goto fail;
        if ((y = sm_ymap_get(n, "min")) &&
            (st = sm_rules_number(c, y, "years.min", 0, 60, &p->years_min)) !=
                SM_OK)
            goto fail;
        if ((y = sm_ymap_get(n, "max")) &&
            (st = sm_rules_number(c, y, "years.max", p->years_min, 60,
                               &p->years_max)) != SM_OK)
            goto fail;
        if ((y = sm_ymap_get(n, "source")) &&
            ((st = sm_rules_need_kind(c, y, SM_Y_SCALAR,
                                      "years.source")) != SM_OK ||
             (st = sm_rules_need_source(c, y)) != SM_OK))
            goto fail;
    }
    if (!(n = sm_ymap_get(m, "requirements"))) {
        st = bad(c, m, "profile '%s': 'requirements' is missing", p->name);
        goto fail;
    }
    if ((st = load_requirements(c, n, true, &p->reqs, &p->nreqs)) != SM_OK)
        goto fail;
    if (p->nreqs == 0) {
        st = bad(c, n, "profile '%s' has no requirements", p->name);
        goto fail;
    }
    if ((n = sm_ymap_get(m, "nice_to_have")) &&
        (st = load_requirements(c, n, false, &p->nice, &p->nnice)) != SM_OK)
        goto fail;
    HASH_ADD_KEYPTR(hh, c->r->profiles, p->name, strlen(p->name), p);
    c->r->by_level[level] = p;
    return SM_OK;
fail:
    sm_profile_free(p);
    return st;
}

sm_status sm_rules_load_profiles(sm_rules_ctx *c, const sm_ynode *list)
{
    sm_status st = sm_rules_need_kind(c, list, SM_Y_SEQ, "profiles");
    for (size_t i = 0; st == SM_OK && i < list->n; i++)
        st = load_profile(c, list->items[i]);
    return st;
}

sm_status sm_rules_load_levels(sm_rules_ctx *c, const sm_ynode *m)
{
    static const char *const keys[] = {"pass", "floor", "ml_skills",
                                       NULL};
    static const char *const fkeys[] = {"junior", "mid", "senior", NULL};
    const sm_ynode *n;
    sm_status st;
    if ((st = sm_rules_need_kind(c, m, SM_Y_MAP, "levels")) != SM_OK ||
        (st = sm_rules_check_keys(c, m, "levels", keys)) != SM_OK)
        return st;
    if ((n = sm_ymap_get(m, "pass")) &&
        (st = sm_rules_number(c, n, "levels.pass", 0.05, 1, &c->r->pass)) !=
            SM_OK)
        return st;
    if ((n = sm_ymap_get(m, "floor"))) {
        if ((st = sm_rules_need_kind(c, n, SM_Y_MAP,
                                     "levels.floor")) != SM_OK ||
            (st = sm_rules_check_keys(c, n, "levels.floor", fkeys)) != SM_OK)
            return st;
        for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++) {
            const sm_ynode *f = sm_ymap_get(n, sm_level_name((sm_level)lv));
            if (f && (st = sm_rules_number(c, f, "levels.floor", 0, 1,
                                           &c->r->floor[lv])) != SM_OK)
                return st;
        }
    }
    if ((n = sm_ymap_get(m, "ml_skills"))) {
        const sm_ynode *const *items;
        size_t cnt;
        if ((st = sm_rules_strings(c, n, "ml_skills", &items, &cnt)) != SM_OK)
            return st;
        for (size_t i = 0; i < c->r->nskills; i++)
            c->r->skills[i].core_ml = false;
        for (size_t i = 0; i < cnt; i++) {
            sm_skill *k = sm_rules_skill_by_id(c->r, items[i]->value);
            if (!k)
                return bad(c, items[i], "levels.ml_skills names unknown "
                           "skill '%s'", items[i]->value);
            k->core_ml = true;
        }
        c->r->have_ml_skills = true;
    }
    return SM_OK;
}
