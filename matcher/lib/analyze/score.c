/* score.c - hits x profiles -> a result: matched skills with evidence,
 * weighted coverage and gaps per level, the suggested level and why. Pure:
 * no I/O. */
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "doc/doc.h"
#include "rules/rules.h"
#include "util/util.h"

void sm_result_free(sm_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nstrings; i++)
        free(r->strings[i]);
    free(r->strings);
    free(r->skills);
    free(r->evidence);
    free(r->gaps);
    free(r->file);
    free(r);
}

static const char *keep(sm_result *r, char *s)
{
    if (!s)
        return NULL;
    char **slot = SM_PUSH(r->strings, r->nstrings, r->capstrings);
    if (!slot) {
        free(s);
        return NULL;
    }
    *slot = s;
    return s;
}

static double req_strength(const sm_requirement *q, const double *skill_str)
{
    double best = 0;
    for (size_t i = 0; i < q->nskills; i++)
        if (skill_str[q->skills[i]] > best)
            best = skill_str[q->skills[i]];
    return best;
}

static int gap_cmp(const void *a, const void *b)
{
    const sm_gap *x = a, *y = b;
    return y->weight - x->weight;   /* qsort is not stable: ids break ties */
}

sm_status sm_score(const sm_rules *rules, const sm_doc *doc,
                   const sm_hits *hits, const sm_years *years,
                   const sm_ladder *ladder, sm_result **out, sm_error *err)
{
    sm_blocks blocks = {0};
    size_t *lines = NULL;
    sm_result *r = calloc(1, sizeof *r);
    double *skill_str = calloc(rules->nskills + 1, sizeof *skill_str);
    size_t total_gaps = 0;
    if (!r || !skill_str || !(r->file = sm_strdup(doc->name)))
        goto oom;

    /* skills and evidence, in rules order (by category, see rules.c); at
     * most SM_EVIDENCE_MAX pieces of evidence a skill, the first ones and
     * the strongest, and the count of all its mentions */
    size_t nkept = 0;
    for (size_t i = 0, run = 0; i < hits->n; i++) {
        run = i && hits->hits[i].skill == hits->hits[i - 1].skill ? run + 1 : 0;
        nkept += run < SM_EVIDENCE_MAX;
    }
    r->evidence = calloc(nkept + 1, sizeof *r->evidence);
    r->skills = calloc(rules->nskills + 1, sizeof *r->skills);
    if (!r->evidence || !r->skills)
        goto oom;
    for (size_t i = 0; i < hits->n;) {
        const sm_hit *h = &hits->hits[i];
        const sm_skill *sk = &rules->skills[h->skill];
        sm_skill_match *m = &r->skills[r->nskills++];
        m->id = sk->info.id;
        m->name = sk->info.name;
        m->category = sk->info.category;
        m->evidence = &r->evidence[r->nevidence];
        for (; i < hits->n && hits->hits[i].skill == h->skill; i++) {
            const sm_hit *e = &hits->hits[i];
            m->n_mentions += e->count ? e->count : 1;
            sm_evidence *ev;
            if (m->n_evidence < SM_EVIDENCE_MAX) {
                ev = &r->evidence[r->nevidence++];
                m->n_evidence++;
            } else if (e->strength > m->strength) {
                ev = &r->evidence[r->nevidence - 1];  /* the strongest stays */
            } else {
                continue;
            }
            sm_doc_position(doc, e->start, &ev->line, &ev->col);
            char place[300];
            if (sm_doc_place(doc, e->start, place, sizeof place) &&
                !(ev->place = keep(r, sm_strdup(place))))
                goto oom;
            ev->text = keep(r, sm_strndup(doc->text + e->start,
                                          e->end - e->start));
            if (!ev->text)
                goto oom;
            /* evidence text stays on one line */
            for (char *p = (char *)ev->text; *p; p++)
                if (*p == '\n')
                    *p = ' ';
            ev->section = sm_section_name(rules, e->section);
            ev->pattern = sk->pats[e->pattern].src;
            ev->strength = e->strength;
            ev->context = e->context;
            if (e->strength > m->strength)
                m->strength = e->strength;
        }
        skill_str[h->skill] = m->strength;
    }

    /* years per skill, and in machine-learning work; from every hit, not
     * only the evidence kept */
    if (!sm_blocks_init(&blocks, years))
        goto oom;
    lines = calloc(hits->n + 1, sizeof *lines);
    if (!lines)
        goto oom;
    for (size_t i = 0, si = 0; i < hits->n; si++) {
        int k = hits->hits[i].skill;
        size_t nl = 0;
        for (; i < hits->n && hits->hits[i].skill == k; i++)
            lines[nl++] = hits->hits[i].start;
        r->skills[si].years = sm_blocks_years(&blocks, lines, nl);
    }
    size_t nl = 0;
    for (size_t i = 0; i < hits->n; i++)
        if (rules->skills[hits->hits[i].skill].core_ml &&
            hits->hits[i].strength >= 0.5)
            lines[nl++] = hits->hits[i].start;
    r->ml_years = sm_blocks_years(&blocks, lines, nl);

    /* Machine learning shown: a core skill used in work (a job, a project,
     * the summary); or named in a list (skills, education, certifications)
     * twice over, or next to ML methods used in work. A wish to learn, an
     * interest, or one course line is not machine learning shown. */
    bool has_ml = false, method_in_work = false;
    int named = 0, last_named = -1;
    for (size_t i = 0; i < hits->n; i++) {
        const sm_hit *h = &hits->hits[i];
        const sm_skill *sk = &rules->skills[h->skill];
        if (h->strength < 0.5)
            continue;
        const char *sec = sm_section_name(rules, h->section);
        if (!strcmp(sec, "interests") || !strcmp(sec, "courses"))
            continue;
        bool listed = !strcmp(sec, "skills") || !strcmp(sec, "education") ||
                      !strcmp(sec, "certifications");
        if (!listed && !strcmp(sk->info.category, "ml"))
            method_in_work = true;
        if (!sk->core_ml)
            continue;
        if (!listed)
            has_ml = true;
        else if (h->skill != last_named) {
            named++;
            last_named = h->skill;
        }
    }
    has_ml = has_ml || named >= 2 || (named && method_in_work);

    for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++)
        total_gaps += rules->by_level[lv]->nreqs;
    r->gaps = calloc(total_gaps + 1, sizeof *r->gaps);
    if (!r->gaps)
        goto oom;
    for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++) {
        const sm_profile *p = rules->by_level[lv];
        sm_level_score *ls = &r->levels[lv - 1];
        double got = 0, all = 0;
        ls->level = (sm_level)lv;
        ls->missing = &r->gaps[r->ngaps];
        for (size_t i = 0; i < p->nreqs; i++) {
            const sm_requirement *q = &p->reqs[i];
            double st = req_strength(q, skill_str);
            all += q->weight;
            got += q->weight * st;
            if (st <= 0) {
                sm_gap *g = &r->gaps[r->ngaps++];
                g->id = q->id;
                g->name = q->name;
                g->weight = q->weight;
                g->reason = q->reason;
                g->source = q->source;
                ls->n_missing++;
            }
        }
        ls->score = all > 0 ? got / all : 0;
        /* heaviest first; insertion sort keeps the profile's order within
         * a weight */
        sm_gap *gv = (sm_gap *)ls->missing;
        for (size_t i = 1; i < ls->n_missing; i++) {
            sm_gap g = gv[i];
            size_t j = i;
            while (j > 0 && gap_cmp(&gv[j - 1], &g) > 0) {
                gv[j] = gv[j - 1];
                j--;
            }
            gv[j] = g;
        }
    }

    r->years = years->years;
    snprintf(r->years_method, sizeof r->years_method, "%s", years->method);
    /* the years per level: a team's ladder where it sets them */
    if (sm_ladder_sets_years(ladder) &&
        !(r->levels_from = keep(r, sm_strdup(sm_ladder_source(ladder)))))
        goto oom;
    for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++)
        sm_ladder_years(rules, ladder, (sm_level)lv,
                        &r->level_years[lv].min, &r->level_years[lv].max);

    /* the suggested level */
    double pass = rules->pass;
    const double *sc[] = {NULL, &r->levels[0].score, &r->levels[1].score,
                          &r->levels[2].score};
    char cov[160];
    snprintf(cov, sizeof cov, "covers %.0f%% of junior, %.0f%% of mid, "
             "%.0f%% of senior", *sc[1] * 100, *sc[2] * 100, *sc[3] * 100);
    char yrs[96] = "years unknown";
    if (r->years >= 0 && r->ml_years >= 0 && r->ml_years < r->years)
        snprintf(yrs, sizeof yrs, "%g years, %g in ML work", r->years,
                 r->ml_years);
    else if (r->years >= 0)
        snprintf(yrs, sizeof yrs, "%g years", r->years);
    /* the years that choose the level: those in ML work where dated jobs
     * show it, else all */
    double level_years = r->ml_years > 0 ? r->ml_years : r->years;
    sm_level by_skill = SM_LEVEL_NONE;
    for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++)
        if (*sc[lv] >= pass)
            by_skill = (sm_level)lv;
    double margin = 1;
    const char *how = "";
    sm_level lv = SM_LEVEL_NONE;
    if (has_ml && level_years >= 0) {
        /* the years choose; each level must also show its floor */
        lv = sm_ladder_level(rules, ladder, level_years);
        how = ", the level the years give";
        while (lv > SM_LEVEL_NONE && *sc[lv] < rules->floor[lv]) {
            lv = (sm_level)(lv - 1);
            how = ", held back by coverage";
        }
        if (lv > SM_LEVEL_NONE)
            margin = *sc[lv] - rules->floor[lv];
    } else if (has_ml) {
        lv = by_skill;
        if (lv == SM_LEVEL_NONE && *sc[1] >= rules->floor[1]) {
            lv = SM_LEVEL_JUNIOR;
            how = ", no years and below the pass mark";
        }
        if (lv > SM_LEVEL_NONE)
            margin = *sc[lv] - (lv == by_skill ? pass : rules->floor[lv]);
    }
    if (lv > SM_LEVEL_NONE && lv < SM_LEVEL_SENIOR &&
        *sc[lv + 1] < pass && pass - *sc[lv + 1] < margin)
        margin = pass - *sc[lv + 1];
    r->level = lv;
    if (!has_ml)
        snprintf(r->reason, sizeof r->reason,
                 "none: no machine-learning skill found (%s; %s)", cov, yrs);
    else if (lv == SM_LEVEL_NONE)
        snprintf(r->reason, sizeof r->reason,
                 "none: covers %.0f%% of junior, below the %.0f%% needed; %s",
                 *sc[1] * 100, rules->floor[1] * 100, yrs);
    else if (lv < SM_LEVEL_SENIOR)
        snprintf(r->reason, sizeof r->reason,
                 "%s: covers %.0f%% of %s, %.0f%% of %s; %s%s",
                 sm_level_name(lv), *sc[lv] * 100, sm_level_name(lv),
                 *sc[lv + 1] * 100, sm_level_name((sm_level)(lv + 1)), yrs,
                 how);
    else
        snprintf(r->reason, sizeof r->reason,
                 "senior: covers %.0f%% of senior; %s%s", *sc[lv] * 100, yrs,
                 how);
    if (margin < 0)
        margin = 0;
    r->confidence = margin >= 0.15 ? "high" : margin >= 0.05 ? "medium"
                                                              : "low";
    free(skill_str);
    sm_blocks_free(&blocks);
    free(lines);
    *out = r;
    return SM_OK;
oom:
    free(skill_str);
    sm_blocks_free(&blocks);
    free(lines);
    sm_result_free(r);
    return sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
}

const char *sm_result_file(const sm_result *r) { return r->file; }
sm_level sm_result_level(const sm_result *r) { return r->level; }
const char *sm_result_reason(const sm_result *r) { return r->reason; }
const char *sm_result_confidence(const sm_result *r) { return r->confidence; }
double sm_result_years(const sm_result *r) { return r->years; }
double sm_result_ml_years(const sm_result *r) { return r->ml_years; }
const char *sm_result_years_method(const sm_result *r)
{
    return r->years_method;
}
const char *sm_result_levels_from(const sm_result *r)
{
    return r->levels_from;
}
const sm_skill_match *sm_result_skills(const sm_result *r, size_t *n)
{
    *n = r->nskills;
    return r->skills;
}
const sm_level_score *sm_result_level_score(const sm_result *r, sm_level lv)
{
    return lv >= SM_LEVEL_JUNIOR && lv <= SM_LEVEL_SENIOR ? &r->levels[lv - 1]
                                                          : NULL;
}
