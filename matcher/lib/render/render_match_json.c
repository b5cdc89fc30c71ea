/* render_match_json.c - a resume x posting match -> JSON: the resume's own
 * object (sm_render_json()) with "job" and "match" added, or the "match"
 * object alone. */
#include <jansson.h>
#include <stdlib.h>

#include "render/render.h"
#include "job/job.h"
#include "util/util.h"

static json_t *ids(const sm_ask *v, size_t n, sm_ask_kind kind, bool *ok)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        if (v[i].kind == kind)
            sm_json_append(a, json_string(v[i].id), ok);
    if (!a)
        *ok = false;
    return a;
}

static json_t *years_json(double v)
{
    return v < 0 ? json_null() : json_real(v);
}

static json_t *job_json(const sm_job *j, bool *ok)
{
    json_t *o = json_object();
    if (!o) {
        *ok = false;
        return NULL;
    }
    double max, lo = sm_job_years_asked(j, &max);
    sm_json_put(o, "file", sm_json_string_any(j->file), ok);
    sm_json_put(o, "level", json_string(sm_level_name(j->level)), ok);
    sm_json_put(o, "required", ids(j->asks, j->nasks, SM_ASK_REQUIRED, ok),
                ok);
    sm_json_put(o, "preferred", ids(j->asks, j->nasks, SM_ASK_PREFERRED, ok),
                ok);
    sm_json_put(o, "years_asked", years_json(lo), ok);
    sm_json_put(o, "years_asked_max", years_json(max), ok);
    json_t *asks = json_array();
    for (size_t i = 0; asks && i < j->nasks; i++) {
        const sm_ask *a = &j->asks[i];
        json_t *x = json_object();
        if (x) {
            sm_json_put(x, "id", json_string(a->id), ok);
            sm_json_put(x, "kind", json_string(sm_ask_kind_name(a->kind)),
                        ok);
            sm_json_put(x, "line", json_integer(a->line), ok);
            sm_json_put(x, "text", sm_json_string_any(a->text), ok);
            sm_json_put(x, "why", sm_json_string_any(a->why), ok);
        }
        sm_json_append(asks, x, ok);
    }
    sm_json_put(o, "asks", asks, ok);
    return o;
}

static json_t *match_json(const sm_match *m, bool *ok)
{
    json_t *o = json_object(), *matched = json_array(), *missing =
        json_array(), *pref = json_array(), *near = json_object(),
        *evidence = json_object(), *lines = json_object(),
        *alts = json_object();
    if (!o || !matched || !missing || !pref || !near || !evidence ||
        !lines || !alts) {
        json_decref(alts);
        *ok = false;
        json_decref(o);
        json_decref(matched);
        json_decref(missing);
        json_decref(pref);
        json_decref(near);
        json_decref(evidence);
        json_decref(lines);
        return NULL;
    }
    /* rounded as the tables show it, so that every format agrees */
    sm_json_put(o, "score", json_real((double)(long)(m->score * 1000 + 0.5)
                                      / 1000), ok);
    for (size_t i = 0; i < m->nmatched; i++) {
        const sm_match_item *it = &m->items[i];
        const sm_evidence *e = &it->have->evidence[0];
        sm_json_append(matched, json_string(it->ask->id), ok);
        json_t *x = json_object();
        if (x) {
            sm_json_put(x, "line", json_integer(e->line), ok);
            sm_json_put(x, "text", sm_json_string_any(e->text), ok);
            sm_json_put(x, "section", json_string(e->section), ok);
        }
        sm_json_put(evidence, it->ask->id, x, ok);
        if (it->by_alternative)
            sm_json_put(alts, it->ask->id, json_string(it->near_id), ok);
    }
    for (size_t i = 0; i < m->nmissing; i++) {
        const sm_match_item *it = &m->items[m->nmatched + i];
        sm_json_append(it->ask->kind == SM_ASK_REQUIRED ? missing : pref,
                       json_string(it->ask->id), ok);
        if (it->near_id)
            sm_json_put(near, it->ask->id, json_string(it->near_id), ok);
        sm_json_put(lines, it->ask->id, json_integer(it->ask->line), ok);
    }
    sm_json_put(o, "matched", matched, ok);
    sm_json_put(o, "missing", missing, ok);
    sm_json_put(o, "missing_preferred", pref, ok);
    sm_json_put(o, "near", near, ok);
    sm_json_put(o, "alternatives", alts, ok);
    sm_json_put(o, "years", years_json(sm_result_years(m->resume)), ok);
    sm_json_put(o, "years_fit", json_string(sm_fit_name(m->years_fit)), ok);
    sm_json_put(o, "level", json_string(sm_level_name(
                                sm_result_level(m->resume))), ok);
    sm_json_put(o, "level_fit", json_string(sm_fit_name(m->level_fit)), ok);
    sm_json_put(o, "verdict", sm_json_string_any(m->verdict), ok);
    sm_json_put(o, "evidence", evidence, ok);
    sm_json_put(o, "asked_at", lines, ok);
    return o;
}

static char *dump(json_t *o, unsigned flags, bool ok)
{
    char *out = NULL;
    if (ok && o)
        out = json_dumps(o, (flags & SM_RENDER_PRETTY ? JSON_INDENT(2)
                                                      : JSON_COMPACT) |
                                JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    json_decref(o);
    return out;
}

char *sm_render_match_json(const sm_match *m, unsigned flags)
{
    bool ok = true;
    char *base = sm_render_json(m->resume, flags & SM_RENDER_STATUS);
    if (!base)
        return NULL;
    json_t *o = json_loads(base, JSON_DECODE_ANY, NULL);
    free(base);
    if (!o)
        return NULL;
    sm_json_put(o, "job", job_json(m->job, &ok), &ok);
    sm_json_put(o, "match", match_json(m, &ok), &ok);
    return dump(o, flags, ok);
}

char *sm_render_match_json_object(const sm_match *m)
{
    bool ok = true;
    return dump(match_json(m, &ok), 0, ok);
}
