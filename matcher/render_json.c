/* render_json.c - a result -> one JSON object, written with jansson so that
 * every string is escaped correctly. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static json_t *real3(double v)
{
    return json_real(round(v * 1000) / 1000);
}

/* json_object_set_new, but remembers a failure instead of ignoring it */
static void put(json_t *o, const char *k, json_t *v, bool *ok)
{
    if (!v || json_object_set_new(o, k, v) != 0)
        *ok = false;
}

static void append(json_t *a, json_t *v, bool *ok)
{
    if (!v || json_array_append_new(a, v) != 0)
        *ok = false;
}

/* A file name as a JSON string. Names are bytes and JSON is UTF-8: each
 * byte of a name that is not valid UTF-8 becomes U+FFFD. */
static json_t *name_string(const char *s)
{
    json_t *j = json_string(s);
    if (j || !s)
        return j;
    size_t n = strlen(s), o = 0;
    char *fixed = malloc(n * 3 + 1);
    if (!fixed)
        return NULL;
    for (size_t i = 0; i < n;) {
        size_t k = 1;
        while (k <= 4 && i + k <= n) {       /* the shortest valid prefix */
            json_t *t = json_stringn(s + i, k);
            if (t) {
                json_decref(t);
                break;
            }
            k++;
        }
        if (k <= 4 && i + k <= n) {
            memcpy(fixed + o, s + i, k);
            o += k;
            i += k;
        } else {
            memcpy(fixed + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    j = json_stringn(fixed, o);
    free(fixed);
    return j;
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
    put(o, "file", name_string(r->file), &ok);
    if (flags & SM_RENDER_STATUS)
        put(o, "status", json_string("ok"), &ok);
    put(o, "suggested_level", json_string(sm_level_name(r->level)), &ok);
    put(o, "reason", json_string(r->reason), &ok);
    put(o, "confidence", json_string(r->confidence), &ok);
    put(o, "years", r->years >= 0 ? real3(r->years) : json_null(), &ok);
    put(o, "ml_years", r->ml_years >= 0 ? real3(r->ml_years) : json_null(),
        &ok);
    put(o, "years_method", json_string(r->years_method), &ok);

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
        put(s, "id", json_string(m->id), &ok);
        put(s, "name", json_string(m->name), &ok);
        put(s, "category", json_string(m->category), &ok);
        put(s, "strength", real3(m->strength), &ok);
        put(s, "years", m->years >= 0 ? real3(m->years) : json_null(), &ok);
        for (size_t j = 0; j < m->n_evidence; j++) {
            const sm_evidence *e = &m->evidence[j];
            json_t *x = json_object();
            if (!x) {
                ok = false;
                break;
            }
            put(x, "line", json_integer(e->line), &ok);
            put(x, "col", json_integer(e->col), &ok);
            put(x, "text", json_string(e->text), &ok);
            put(x, "section", json_string(e->section), &ok);
            put(x, "strength", real3(e->strength), &ok);
            if (e->context)
                put(x, "context", json_string(e->context), &ok);
            append(ev, x, &ok);
        }
        put(s, "evidence", ev, &ok);
        append(skills, s, &ok);
    }
    put(o, "skills", skills, &ok);

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
        put(l, "level", json_string(sm_level_name(ls->level)), &ok);
        put(l, "score", real3(ls->score), &ok);
        for (size_t j = 0; j < ls->n_missing; j++) {
            const sm_gap *g = &ls->missing[j];
            json_t *x = json_object();
            if (!x) {
                ok = false;
                break;
            }
            put(x, "id", json_string(g->id), &ok);
            put(x, "name", json_string(g->name), &ok);
            put(x, "weight", json_integer(g->weight), &ok);
            put(x, "reason", json_string(g->reason), &ok);
            put(x, "source", json_string(g->source), &ok);
            append(miss, x, &ok);
        }
        put(l, "missing", miss, &ok);
        append(levels, l, &ok);
    }
    put(o, "levels", levels, &ok);

    return dump(o, flags, ok);
}

char *sm_render_json_error(const char *file, const char *message,
                           unsigned flags)
{
    bool ok = true;
    json_t *o = json_object();
    if (!o)
        return NULL;
    put(o, "file", name_string(file ? file : ""), &ok);
    put(o, "status", json_string("error"), &ok);
    put(o, "error", json_string(message ? message : ""), &ok);
    return dump(o, flags, ok);
}
