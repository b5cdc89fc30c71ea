/* fit.c - a resume's result x a posting -> the match: weighted coverage of
 * the posting's asks (the formula is rules/job.yaml's), what is shown and
 * what is missing, a near skill of the same family beside a gap, years
 * and level against what the posting asks, and a verdict. Pure: no I/O;
 * work bounded by the number of skills the rules define. */
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

static const sm_skill_match *find_skill(const sm_skill_match *v, size_t n,
                                        const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].id, id))
            return &v[i];
    return NULL;
}

static double shown(const sm_skill_match *m)
{
    return m && m->strength >= SM_SHOWN ? m->strength : 0;
}

/* The strongest skill shown of a family that holds `id` (the first of the
 * family's order on a tie; the first family that has one). */
static const sm_skill_match *near_skill(const sm_rules *rules,
                                        const sm_skill_match *v, size_t n,
                                        const char *id)
{
    const sm_job_rules *jr = rules->job;
    const sm_skill *sk;
    HASH_FIND_STR(rules->by_id, id, sk);
    if (!sk || !jr)
        return NULL;
    for (size_t f = 0; f < jr->nfamilies; f++) {
        const sm_job_family *fam = &jr->families[f];
        bool in = false;
        for (size_t i = 0; i < fam->n && !in; i++)
            in = fam->skills[i] == sk->index;
        if (!in)
            continue;
        const sm_skill_match *best = NULL;
        for (size_t i = 0; i < fam->n; i++) {
            if (fam->skills[i] == sk->index)
                continue;
            const sm_skill_match *m = find_skill(
                v, n, rules->skills[fam->skills[i]].info.id);
            if (shown(m) > 0 && (!best || m->strength > best->strength))
                best = m;
        }
        if (best)
            return best;
    }
    return NULL;
}

static sm_fit years_fit(const sm_job *j, const sm_result *r)
{
    double had = sm_result_years(r), max;
    double asked = sm_job_years_asked(j, &max);
    if (had < 0 || asked < 0)
        return SM_FIT_UNKNOWN;
    if (had < asked)
        return SM_FIT_UNDER;
    if (max >= 0 && had > max)
        return SM_FIT_OVER;
    return SM_FIT_OK;
}

static sm_fit level_fit(const sm_job *j, const sm_result *r)
{
    sm_level want = sm_job_level(j), have = sm_result_level(r);
    if (want == SM_LEVEL_NONE)
        return SM_FIT_UNKNOWN;
    return have < want ? SM_FIT_UNDER : have > want ? SM_FIT_OVER
                                                     : SM_FIT_OK;
}

/* "A, B and C" of the first few missing names into buf. */
static void names(const sm_match *m, char *buf, size_t cap)
{
    enum { SHOWN_NAMES = 3 };
    size_t k = m->nmissing_req < SHOWN_NAMES ? m->nmissing_req : SHOWN_NAMES;
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < k && n < cap; i++) {
        const char *sep = i == 0 ? "" : i + 1 == k && k == m->nmissing_req
                                            ? " and " : ", ";
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", sep,
                              m->items[m->nmatched + i].ask->name);
    }
    if (m->nmissing_req > k && n < cap)
        snprintf(buf + n, cap - n, " and %zu more", m->nmissing_req - k);
}

static void verdict(sm_match *m)
{
    const sm_job *j = m->job;
    size_t nreq = j->nreq, npref = j->nasks - j->nreq;
    size_t got_req = nreq - m->nmissing_req;
    size_t got_pref = npref - (m->nmissing - m->nmissing_req);
    char *v = m->verdict, list[300];
    size_t cap = sizeof m->verdict, n;
    if (!j->nasks) {
        snprintf(v, cap, "The posting names no skill the rules know, so "
                 "there is nothing to match.");
        return;
    }
    if (!m->nmissing_req)
        n = (size_t)snprintf(v, cap, "Shows every required skill (%zu)",
                             nreq);
    else {
        names(m, list, sizeof list);
        n = (size_t)snprintf(v, cap, "Shows %zu of %zu required skill%s; "
                             "missing %s", got_req, nreq, nreq == 1 ? "" : "s",
                             list);
    }
    if (npref && n < cap)
        n += (size_t)snprintf(v + n, cap - n, "; %zu of %zu preferred",
                              got_pref, npref);
    double max, asked = sm_job_years_asked(j, &max);
    if (n < cap && m->years_fit == SM_FIT_UNDER)
        n += (size_t)snprintf(v + n, cap - n, "; %g years where %g%s are "
                              "asked", sm_result_years(m->resume), asked,
                              max >= 0 ? "" : "+");
    else if (n < cap && m->years_fit == SM_FIT_OVER)
        n += (size_t)snprintf(v + n, cap - n, "; %g years, more than the "
                              "%g-%g asked", sm_result_years(m->resume),
                              asked, max);
    if (n < cap)
        snprintf(v + n, cap - n, ".");
}

sm_status sm_match_job(const sm_rules *rules, const sm_job *job,
                       const sm_result *r, sm_match **out, sm_error *err)
{
    sm_match *m = calloc(1, sizeof *m);
    if (!m || !(m->items = calloc(job->nasks + 1, sizeof *m->items))) {
        free(m);
        return sm_fail(err, SM_ERR_NOMEM, sm_result_file(r), 0, 0,
                       "out of memory");
    }
    m->job = job;
    m->resume = r;
    size_t nsk;
    const sm_skill_match *sk = sm_result_skills(r, &nsk);
    double got = 0, all = 0;
    /* shown first, then missing, each in the asks' order (required first,
     * so heaviest first) */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < job->nasks; i++) {
            const sm_ask *a = &job->asks[i];
            const sm_skill_match *have = find_skill(sk, nsk, a->id);
            double s = shown(have);
            bool by_alt = false;
            if (s <= 0 && a->alt >= 0) {   /* "TensorFlow or PyTorch" */
                const sm_skill_match *o =
                    find_skill(sk, nsk, job->asks[a->alt].id);
                if (shown(o) > 0) {
                    have = o;
                    s = shown(o);
                    by_alt = true;
                }
            }
            if (pass == 0) {
                all += a->weight;
                got += a->weight * s;
            }
            if ((pass == 0) != (s > 0))
                continue;
            sm_match_item *it = &m->items[m->nmatched + m->nmissing];
            it->ask = a;
            if (s > 0) {
                it->have = have;
                if (by_alt) {
                    it->by_alternative = 1;
                    it->near_id = have->id;
                    it->near_name = have->name;
                }
                m->nmatched++;
            } else {
                const sm_skill_match *nr = near_skill(rules, sk, nsk, a->id);
                if (nr) {
                    it->near_id = nr->id;
                    it->near_name = nr->name;
                }
                m->nmissing++;
                m->nmissing_req += a->kind == SM_ASK_REQUIRED;
            }
        }
    }
    m->score = all > 0 ? got / all : 0;
    m->years_fit = years_fit(job, r);
    m->level_fit = level_fit(job, r);
    verdict(m);
    *out = m;
    return SM_OK;
}

void sm_match_free(sm_match *m)
{
    if (!m)
        return;
    free(m->items);
    free(m);
}

const sm_job *sm_match_posting(const sm_match *m) { return m->job; }
const sm_result *sm_match_resume(const sm_match *m) { return m->resume; }
double sm_match_score(const sm_match *m) { return m->score; }
sm_fit sm_match_years_fit(const sm_match *m) { return m->years_fit; }
sm_fit sm_match_level_fit(const sm_match *m) { return m->level_fit; }
const char *sm_match_verdict(const sm_match *m) { return m->verdict; }
size_t sm_match_missing_required(const sm_match *m)
{
    return m->nmissing_req;
}

const sm_match_item *sm_match_matched(const sm_match *m, size_t *n)
{
    *n = m->nmatched;
    return m->items;
}

const sm_match_item *sm_match_missing(const sm_match *m, size_t *n)
{
    *n = m->nmissing;
    return m->items + m->nmatched;
}

const char *sm_fit_name(sm_fit fit)
{
    switch (fit) {
    case SM_FIT_OK: return "ok";
    case SM_FIT_UNDER: return "under";
    case SM_FIT_OVER: return "over";
    default: return "unknown";
    }
}
