/* render_json.c - a result -> one JSON object, written with jansson so that
 * every string is escaped correctly. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"
#include "analyze/analyze.h"
#include "util/util.h"

static json_t *real3(double v)
{
    return json_real(round(v * 1000) / 1000);
}

/* The text of `o` (NULL when !ok or out of memory); releases `o`. */
static char *dump(json_t *o, unsigned flags, bool ok)
{
    char *out = NULL;
    if (ok)
        out = json_dumps(o, (flags & SM_RENDER_PRETTY ? JSON_INDENT(2)
                                                      : JSON_COMPACT) |
                                JSON_REAL_PRECISION(6));
    json_decref(o);
    return out;
}

char *sm_render_json(const sm_result *r, unsigned flags)
{
    bool ok = true;
    json_t *o = json_object();
    if (!o)
        return NULL;
    sm_json_put(o, "file", sm_json_string_any(r->file), &ok);
    if (flags & SM_RENDER_STATUS)
        sm_json_put(o, "status", json_string("ok"), &ok);
    sm_json_put(o, "suggested_level", json_string(sm_level_name(r->level)),
                &ok);
    sm_json_put(o, "reason", json_string(r->reason), &ok);
    sm_json_put(o, "confidence", json_string(r->confidence), &ok);
    if (r->levels_from) {
        /* a team's ladder chose the level: where from, and its years */
        json_t *lad = json_object();
        ok = ok && lad;
        sm_json_put(lad, "from", sm_json_string_any(r->levels_from), &ok);
        for (int i = SM_LEVEL_JUNIOR; ok && i <= SM_LEVEL_SENIOR; i++) {
            const sm_years_range *y = &r->level_years[i];
            json_t *mm = json_object();
            ok = mm != NULL;
            sm_json_put(mm, "min", real3(y->min), &ok);
            sm_json_put(mm, "max", y->max >= 0 ? real3(y->max) : json_null(),
                        &ok);
            sm_json_put(lad, sm_level_name((sm_level)i), mm, &ok);
        }
        sm_json_put(o, "ladder", lad, &ok);
    }
    sm_json_put(o, "years", r->years >= 0 ? real3(r->years) : json_null(),
                &ok);
    sm_json_put(o, "ml_years",
                r->ml_years >= 0 ? real3(r->ml_years) : json_null(), &ok);
    sm_json_put(o, "years_method", json_string(r->years_method), &ok);

    json_t *skills = json_array();
    for (size_t i = 0; skills && i < r->nskills; i++) {
        const sm_skill_match *m = &r->skills[i];
        json_t *s = json_object(), *ev = json_array();
        if (!s || !ev) {
            json_decref(s);
            json_decref(ev);
            ok = false;
            break;
        }
        sm_json_put(s, "id", json_string(m->id), &ok);
        sm_json_put(s, "name", json_string(m->name), &ok);
        sm_json_put(s, "category", json_string(m->category), &ok);
        sm_json_put(s, "strength", real3(m->strength), &ok);
        sm_json_put(s, "years", m->years >= 0 ? real3(m->years) : json_null(),
                    &ok);
        for (size_t j = 0; j < m->n_evidence; j++) {
            const sm_evidence *e = &m->evidence[j];
            json_t *x = json_object();
            if (!x) {
                ok = false;
                break;
            }
            sm_json_put(x, "line", json_integer(e->line), &ok);
            sm_json_put(x, "col", json_integer(e->col), &ok);
            if (e->place)                /* PDF, DOCX, ODT, HTML, JSON */
                sm_json_put(x, "place", json_string(e->place), &ok);
            sm_json_put(x, "text", json_string(e->text), &ok);
            sm_json_put(x, "section", json_string(e->section), &ok);
            sm_json_put(x, "strength", real3(e->strength), &ok);
            if (e->context)
                sm_json_put(x, "context", json_string(e->context), &ok);
            sm_json_append(ev, x, &ok);
        }
        sm_json_put(s, "evidence", ev, &ok);
        if (m->n_mentions > m->n_evidence)   /* (mentions past the cap) */
            sm_json_put(s, "evidence_omitted",
                        json_integer((json_int_t)(m->n_mentions -
                                                  m->n_evidence)), &ok);
        sm_json_append(skills, s, &ok);
    }
    sm_json_put(o, "skills", skills, &ok);

    json_t *levels = json_array();
    for (int lv = 0; levels && lv < SM_LEVEL_COUNT; lv++) {
        const sm_level_score *ls = &r->levels[lv];
        json_t *l = json_object(), *miss = json_array();
        if (!l || !miss) {
            json_decref(l);
            json_decref(miss);
            ok = false;
            break;
        }
        sm_json_put(l, "level", json_string(sm_level_name(ls->level)), &ok);
        sm_json_put(l, "score", real3(ls->score), &ok);
        for (size_t j = 0; j < ls->n_missing; j++) {
            const sm_gap *g = &ls->missing[j];
            json_t *x = json_object();
            if (!x) {
                ok = false;
                break;
            }
            sm_json_put(x, "id", json_string(g->id), &ok);
            sm_json_put(x, "name", json_string(g->name), &ok);
            sm_json_put(x, "weight", json_integer(g->weight), &ok);
            sm_json_put(x, "reason", json_string(g->reason), &ok);
            sm_json_put(x, "source", json_string(g->source), &ok);
            sm_json_append(miss, x, &ok);
        }
        sm_json_put(l, "missing", miss, &ok);
        sm_json_append(levels, l, &ok);
    }
    sm_json_put(o, "levels", levels, &ok);

    return dump(o, flags, ok);
}

char *sm_render_json_error(const char *file, const char *message,
                           unsigned flags)
{
    bool ok = true;
    json_t *o = json_object();
    if (!o)
        return NULL;
    sm_json_put(o, "file", sm_json_string_any(file ? file : ""), &ok);
    sm_json_put(o, "status", json_string("error"), &ok);
    sm_json_put(o, "error", json_string(message ? message : ""), &ok);
    return dump(o, flags, ok);
}
