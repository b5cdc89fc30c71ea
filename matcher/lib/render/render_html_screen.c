/* render_html_screen.c - `screen --format html`: rows streamed into the
 * page's data as they come, each made small (what the page shows: two
 * pieces of evidence a skill, gap ids whose names and reasons are kept
 * once for all rows), then the dictionaries and the script. */
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

struct sm_html_screen {
    FILE *out;
    size_t rows;
    json_t *gaps;                /* id -> [name, weight, reason, source] */
    bool failed;                 /* a row could not be kept */
};

enum { EVIDENCE_SHOWN = 2 };

sm_status sm_html_screen_new(const sm_rules *rules,
                             const char *const *postings, size_t npostings,
                             FILE *out, sm_html_screen **w)
{
    sm_html_screen *h = calloc(1, sizeof *h);
    json_t *head = json_object(), *paths = json_array(),
           *names = sm_html_skill_names(rules);
    bool ok = h && head && paths && names && (h->gaps = json_object());
    for (size_t i = 0; ok && i < npostings; i++)
        sm_json_append(paths, sm_json_string_any(postings[i]), &ok);
    char *js = NULL;
    if (ok) {
        sm_json_put(head, "kind", json_string("screen"), &ok);
        sm_json_put(head, "postings", paths, &ok);
        paths = NULL;
        sm_json_put(head, "skills", names, &ok);
        names = NULL;
        js = ok ? json_dumps(head, JSON_COMPACT) : NULL;
    }
    json_decref(head);
    json_decref(paths);
    json_decref(names);
    if (!js) {
        if (h)
            json_decref(h->gaps);
        free(h);
        return SM_ERR_NOMEM;
    }
    h->out = out;
    sm_html_page_open(out, npostings ? "skillmatch screen: resumes against "
                                       "postings" : "skillmatch screen",
                      "screen");
    /* {"kind":..., "skills":{...}, "rows":[ ... ], "gaps":{...}} */
    sm_html_json(out, js, strlen(js) - 1);
    fputs(",\"rows\":[", out);
    free(js);
    *w = h;
    return SM_OK;
}

static json_t *copy(json_t *from, const char *key)
{
    json_t *v = json_object_get(from, key);
    return v ? json_incref(v) : json_null();
}

/* [[line, col, text, section, place, context], ...] of the first few;
 * place and context only when there are some (5000 rows are 5000 times
 * every byte). */
static json_t *slim_evidence(json_t *ev, bool *ok)
{
    json_t *a = json_array();
    size_t i;
    json_t *e;
    json_array_foreach(ev, i, e) {
        if (i == EVIDENCE_SHOWN)
            break;
        json_t *x = json_array();
        sm_json_append(x, copy(e, "line"), ok);
        sm_json_append(x, copy(e, "col"), ok);
        sm_json_append(x, copy(e, "text"), ok);
        sm_json_append(x, copy(e, "section"), ok);
        bool ctx = json_object_get(e, "context") != NULL;
        if (ctx || json_object_get(e, "place"))
            sm_json_append(x, copy(e, "place"), ok);
        if (ctx)
            sm_json_append(x, copy(e, "context"), ok);
        sm_json_append(a, x, ok);
    }
    return a;
}

/* [[id, strength, years, mentions, evidence], ...] */
static json_t *slim_skills(json_t *skills, bool *ok)
{
    json_t *a = json_array();
    size_t i;
    json_t *s;
    json_array_foreach(skills, i, s) {
        json_t *x = json_array(), *ev = json_object_get(s, "evidence");
        json_int_t mentions = (json_int_t)json_array_size(ev) +
            json_integer_value(json_object_get(s, "evidence_omitted"));
        sm_json_append(x, copy(s, "id"), ok);
        sm_json_append(x, copy(s, "strength"), ok);
        sm_json_append(x, copy(s, "years"), ok);
        sm_json_append(x, json_integer(mentions), ok);
        sm_json_append(x, slim_evidence(ev, ok), ok);
        sm_json_append(a, x, ok);
    }
    return a;
}

/* scores [junior, mid, senior] and gap ids per level; each gap's name,
 * weight, reason and source into the dictionary, once */
static void slim_levels(sm_html_screen *h, json_t *levels, json_t *row,
                        bool *ok)
{
    json_t *scores = json_array(), *gaps = json_array();
    size_t i, k;
    json_t *l, *g;
    json_array_foreach(levels, i, l) {
        json_t *ids = json_array();
        sm_json_append(scores, copy(l, "score"), ok);
        json_array_foreach(json_object_get(l, "missing"), k, g) {
            const char *id = json_string_value(json_object_get(g, "id"));
            if (!id)
                continue;
            sm_json_append(ids, json_string(id), ok);
            if (json_object_get(h->gaps, id))
                continue;
            json_t *d = json_array();
            sm_json_append(d, copy(g, "name"), ok);
            sm_json_append(d, copy(g, "weight"), ok);
            sm_json_append(d, copy(g, "reason"), ok);
            sm_json_append(d, copy(g, "source"), ok);
            sm_json_put(h->gaps, id, d, ok);
        }
        sm_json_append(gaps, ids, ok);
    }
    sm_json_put(row, "scores", scores, ok);
    sm_json_put(row, "gaps", gaps, ok);
}

/* --job: the best posting's match (without its evidence: the row's skills
 * have it), and with several postings [score, missing] for each. */
static void slim_match(json_t *in, json_t *row, bool *ok)
{
    json_t *m = json_object_get(in, "match");
    if (!m)
        return;
    json_t *x = json_object();
    static const char *const KEYS[] = {"score", "missing",
                                       "missing_preferred", "near",
                                       "years_fit", "level_fit", "verdict"};
    for (size_t i = 0; i < sizeof KEYS / sizeof *KEYS; i++)
        sm_json_put(x, KEYS[i], copy(m, KEYS[i]), ok);
    sm_json_put(row, "match", x, ok);
    json_t *job = json_object_get(in, "best_job");
    if (!job)
        job = json_object_get(json_object_get(in, "job"), "file");
    sm_json_put(row, "job", job ? json_incref(job) : json_null(), ok);
    json_t *all = json_object_get(in, "matches");
    if (!all)
        return;
    json_t *a = json_array();
    size_t i;
    json_t *e;
    json_array_foreach(all, i, e) {
        json_t *p = json_array();
        sm_json_append(p, copy(e, "score"), ok);
        sm_json_append(p, copy(e, "missing"), ok);
        sm_json_append(a, p, ok);
    }
    sm_json_put(row, "matches", a, ok);
}

sm_status sm_html_screen_row(sm_html_screen *h, const char *json, size_t len)
{
    json_t *in = json_loadb(json, len, 0, NULL), *row = json_object();
    bool ok = in && row && json_is_object(in);
    static const char *const KEYS[] = {"file", "status", "error",
                                       "suggested_level", "confidence",
                                       "reason", "years", "ml_years",
                                       "years_method"};
    for (size_t i = 0; ok && i < sizeof KEYS / sizeof *KEYS; i++)
        if (json_object_get(in, KEYS[i]))
            sm_json_put(row, KEYS[i], copy(in, KEYS[i]), &ok);
    if (ok && json_object_get(in, "levels")) {
        sm_json_put(row, "skills",
                    slim_skills(json_object_get(in, "skills"), &ok), &ok);
        slim_levels(h, json_object_get(in, "levels"), row, &ok);
        slim_match(in, row, &ok);
    }
    char *js = ok ? json_dumps(row, JSON_COMPACT | JSON_REAL_PRECISION(6))
                  : NULL;
    json_decref(in);
    json_decref(row);
    if (!js) {
        h->failed = true;
        return SM_ERR_NOMEM;
    }
    if (h->rows++)
        fputc(',', h->out);
    fputc('\n', h->out);
    sm_html_json(h->out, js, strlen(js));
    free(js);
    return SM_OK;
}

sm_status sm_html_screen_finish(sm_html_screen *h)
{
    if (!h)
        return SM_OK;
    char *js = json_dumps(h->gaps, JSON_COMPACT);
    sm_status st = js && !h->failed ? SM_OK : SM_ERR_NOMEM;
    fputs("\n],\"gaps\":", h->out);
    if (js)
        sm_html_json(h->out, js, strlen(js));
    else
        fputs("{}", h->out);
    fputs("}", h->out);
    sm_html_page_close(h->out);
    free(js);
    json_decref(h->gaps);
    if (fflush(h->out) || ferror(h->out))
        st = SM_ERR_IO;
    free(h);
    return st;
}
