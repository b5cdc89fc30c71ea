/* cues.c - ownership and weak cues around a hit: see cues.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze/cues.h"

/* Can `re` match t[b..e)? Not when no literal of its first factor (see
 * sm_prefilter_literals()) is there: most clauses hold no "familiar",
 * and this is cheaper than running the pattern at every hit. */
static bool may_match(const sm_regex *re, const char *t, size_t b, size_t e)
{
    if (!re->nlits)
        return true;
    for (size_t k = 0; k < re->nlits && re->lits[k]; k++) {
        size_t l = strlen(re->lits[k]);
        for (size_t i = b; i + l <= e; i++)
            if (sm_lower((unsigned char)t[i]) == (unsigned char)re->lits[k][0] &&
                !strncasecmp(t + i, re->lits[k], l))
                return true;
    }
    return false;
}

/* Does cue q match the clause before the hit (ending at hs) or after it
 * (starting at he)? 1, 0, or -1 on an error. */
static int cue_at(const sm_cue *q, sm_scratch *s, const char *t, size_t cb,
                  size_t hs, size_t he, size_t ce, sm_error *err)
{
    size_t ms, me;
    if (q->where ? !may_match(&q->re, t, he, ce) : !may_match(&q->re, t, cb, hs))
        return 0;
    return q->where ? sm_regex_find(&q->re, s, t + he, ce - he, 0, &ms, &me,
                                    err)
                    : sm_regex_find(&q->re, s, t + cb, hs - cb, 0, &ms, &me,
                                    err);
}

int sm_context_owned(const sm_rules *r, sm_scratch *s, const char *t,
                     size_t cb, size_t hs, size_t he, size_t ce, int section,
                     const char **why, sm_error *err)
{
    const sm_context_rules *c = r->context;
    *why = NULL;
    if (!c)
        return 1;
    const char *name = sm_section_name(r, section);
    for (size_t i = 0; i < c->nsections; i++)
        if (!strcmp(c->sections[i], name))
            return 1;
    /* what follows the degree's first word, which a pattern's match may
     * already go past ("Masters of science") */
    size_t fw = hs;
    while (fw < he && (sm_is_alnum((unsigned char)t[fw]) || t[fw] == '.' ||
                       t[fw] == '\''))
        fw++;
    for (size_t i = 0; i < c->nnot_owned; i++) {
        int rc = cue_at(&c->not_owned[i], s, t, cb, hs, he, ce, err);
        if (rc)
            *why = c->not_owned[i].id;
        if (rc)
            return rc < 0 ? -1 : 0;
    }
    for (size_t i = 0; i < c->nowned; i++) {
        int rc = cue_at(&c->owned[i], s, t, cb, hs, fw, ce, err);
        if (rc) {
            *why = c->owned[i].id;
            return rc < 0 ? -1 : 1;
        }
    }
    *why = "not in the education section, and not phrased as a degree held";
    return 0;
}

bool sm_context_weak_possible(const sm_rules *r, const char *t, size_t b,
                              size_t e)
{
    const sm_context_rules *c = r->context;
    for (size_t i = 0; c && i < c->nweak; i++)
        if (may_match(&c->weak[i].re, t, b, e))
            return true;
    return false;
}

double sm_context_weak(const sm_rules *r, sm_scratch *s, const char *t,
                       size_t cb, size_t hs, size_t he, size_t ce,
                       const char **id, sm_error *err)
{
    const sm_context_rules *c = r->context;
    double st = 1;
    *id = NULL;
    for (size_t i = 0; c && i < c->nweak; i++) {
        int rc = cue_at(&c->weak[i], s, t, cb, hs, he, ce, err);
        if (rc < 0)
            return -1;
        if (rc && c->weak[i].strength < st) {
            st = c->weak[i].strength;
            *id = c->weak[i].id;
        }
    }
    return st;
}
