/* ladder.c - a team's level ladder: the `levels:` key of a .skillmatch.yml
 * (years and salary per level, over the profiles' years and the facts'
 * salaries), and the one place that turns years into a level, for scoring
 * (analyze/score.c) and for lint's years check (lint/engines.c) alike.
 *
 *   levels:
 *     junior: {years: {min: 0, max: 2}, salary: {min: 60000, max: 150000}}
 *     mid:    {years: {min: 3, max: 6}}
 *     senior: {years: {min: 7}}
 *
 * The configuration file itself is found and read by lint/config.c; check,
 * screen and lint all take the ladder from there. */
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "util/util.h"

/* An error at node n of the file being read. */
#define bad(file, err, n, ...) sm_ynode_fail((err), (file), (n), __VA_ARGS__)

static sm_status min_max(const char *file, const sm_ynode *m, const char *lv,
                         const char *what, double hi_limit, double *lo,
                         double *hi, sm_error *err)
{
    static const char *const k[] = {"min", "max", NULL};
    char name[64];
    sm_status st;
    if (m->kind != SM_Y_MAP)
        return bad(file, err, m, "levels.%s.%s must be a mapping {min: ..., "
                   "max: ...}", lv, what);
    snprintf(name, sizeof name, "levels.%s.%s", lv, what);
    if ((st = sm_ymap_check_keys(file, m, name, k, err)) != SM_OK)
        return st;
    const sm_ynode *a = sm_ymap_get(m, "min"), *b = sm_ymap_get(m, "max");
    if (!a)
        return bad(file, err, m, "%s: 'min' is missing", name);
    *hi = -1;
    snprintf(name, sizeof name, "levels.%s.%s.min", lv, what);
    if ((st = sm_ynode_number(file, a, name, 0, hi_limit, lo, err)) != SM_OK)
        return st;
    snprintf(name, sizeof name, "levels.%s.%s.max", lv, what);
    if (b && (st = sm_ynode_number(file, b, name, *lo, hi_limit, hi, err)) !=
                 SM_OK)
        return st;
    return SM_OK;
}

sm_status sm_ladder_load(const sm_rules *r, const char *file,
                         const sm_ynode *m, sm_ladder *l, sm_error *err)
{
    static const char *const lkeys[] = {"junior", "mid", "senior", NULL};
    static const char *const vkeys[] = {"years", "salary", NULL};
    sm_status st;
    if (m->kind != SM_Y_MAP)
        return bad(file, err, m, "levels: must be a mapping");
    if ((st = sm_ymap_check_keys(file, m, "levels", lkeys, err)) != SM_OK)
        return st;
    for (size_t i = 0; i + 1 < m->n; i += 2) {
        const char *name = m->items[i]->value;
        sm_level lv;
        sm_level_parse(name, &lv);
        const sm_ynode *v = m->items[i + 1], *n;
        if (v->kind != SM_Y_MAP)
            return bad(file, err, v, "levels.%s must be a mapping", name);
        if ((st = sm_ymap_check_keys(file, v, "level", vkeys, err)) != SM_OK)
            return st;
        if ((n = sm_ymap_get(v, "years"))) {
            if ((st = min_max(file, n, name, "years", 60, &l->years[lv].min,
                              &l->years[lv].max, err)) != SM_OK)
                return st;
            l->have_years[lv] = true;
        }
        if ((n = sm_ymap_get(v, "salary"))) {
            sm_lint_range *rg = &l->salary[lv];
            if ((st = min_max(file, n, name, "salary", 1e8, &rg->min,
                              &rg->max, err)) != SM_OK)
                return st;
            snprintf(rg->sources, sizeof rg->sources, "%s", file);
            l->have_salary[lv] = true;
        }
    }
    /* the ladder, over the profiles' years, must rise: else no number of
     * years would be mid */
    double jm, ms;
    sm_ladder_bounds(r, l, &jm, &ms);
    if (jm > ms)
        return bad(file, err, m, "levels: the years must rise from junior "
                   "to senior, but junior would reach up to %g years and "
                   "senior begin at %g", jm, ms);
    if (sm_ladder_sets_years(l) && !(l->source = sm_strdup(file)))
        return sm_fail(err, SM_ERR_NOMEM, file, 0, 0, "out of memory");
    return SM_OK;
}

void sm_ladder_release(sm_ladder *l)
{
    if (l) {
        free(l->source);
        l->source = NULL;
    }
}

bool sm_ladder_sets_years(const sm_ladder *l)
{
    for (int lv = SM_LEVEL_JUNIOR; l && lv <= SM_LEVEL_SENIOR; lv++)
        if (l->have_years[lv])
            return true;
    return false;
}

const char *sm_ladder_source(const sm_ladder *l)
{
    return l ? l->source : NULL;
}

void sm_ladder_years(const sm_rules *r, const sm_ladder *l, sm_level lv,
                     double *lo, double *hi)
{
    const sm_profile *p = r->by_level[lv];
    *lo = p ? p->years_min : 0;
    *hi = p ? p->years_max : -1;
    if (l && l->have_years[lv]) {
        *lo = l->years[lv].min;
        *hi = l->years[lv].max;
    }
}

void sm_ladder_bounds(const sm_rules *r, const sm_ladder *l, double *jm,
                      double *ms)
{
    /* The boundary between two levels lies halfway between the upper end
     * of the lower one's range (its start when open) and the lower end of
     * the next. */
    double jl, jh, ml, mh, sl, sh;
    sm_ladder_years(r, l, SM_LEVEL_JUNIOR, &jl, &jh);
    sm_ladder_years(r, l, SM_LEVEL_MID, &ml, &mh);
    sm_ladder_years(r, l, SM_LEVEL_SENIOR, &sl, &sh);
    *jm = ((jh >= 0 ? jh : jl) + ml) / 2;
    *ms = ((mh >= 0 ? mh : ml) + sl) / 2;
}

sm_level sm_ladder_level(const sm_rules *r, const sm_ladder *l, double years)
{
    double jm, ms;
    sm_ladder_bounds(r, l, &jm, &ms);
    return years < jm ? SM_LEVEL_JUNIOR
           : years < ms ? SM_LEVEL_MID
                        : SM_LEVEL_SENIOR;
}

void sm_ladder_range_text(double lo, double hi, char *out, size_t cap)
{
    if (hi < 0)
        snprintf(out, cap, "%g+", lo);
    else if (hi == lo)
        snprintf(out, cap, "%g", lo);
    else
        snprintf(out, cap, "%g-%g", lo, hi);
}
