/* cli_screen_job.c - `screen --job`: a screened resume against every
 * posting given, on the worker that analysed it: the row's match scores
 * (one per posting), the best posting, its top missing required skills,
 * and the row's JSON (the resume's object with the best posting's "job"
 * and "match", and with several postings "matches": the row of the
 * resume x posting matrix). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli_screen.h"

/* Scores compare as the tables show them: 3 decimals. */
static long key(double score)
{
    return (long)(score * 1000 + 0.5);
}

static json_t *matrix_row(const cli_jobs *J, sm_match *const *m)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < J->n; i++) {
        json_t *x = json_object(), *miss = json_array();
        size_t n;
        const sm_match_item *it = sm_match_missing(m[i], &n);
        for (size_t k = 0; miss && k < n; k++)
            if (it[k].ask->kind == SM_ASK_REQUIRED)
                json_array_append_new(miss, json_string(it[k].ask->id));
        if (!x || !miss ||
            json_object_set_new(x, "job", json_string(J->paths[i])) ||
            json_object_set_new(x, "score", json_real(
                                    (double)key(sm_match_score(m[i])) / 1000))
            || json_object_set_new(x, "missing", miss) ||
            json_array_append_new(a, x)) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

char *screen_job_row(const cli_jobs *J, const sm_rules *rules,
                     const sm_result *res, screen_row *r, bool want_json,
                     unsigned json_flags, bool *oom)
{
    sm_match **m = calloc(J->n, sizeof *m);
    char *js = NULL;
    *oom = false;
    r->match = calloc(J->n, sizeof *r->match);
    if (!m || !r->match) {
        free(m);
        *oom = true;
        return NULL;
    }
    r->nmatch = J->n;
    r->best = 0;
    for (size_t i = 0; i < J->n; i++) {
        if (sm_match_job(rules, J->v[i], res, &m[i], NULL) != SM_OK) {
            *oom = true;
            goto done;
        }
        r->match[i] = sm_match_score(m[i]);
        if (key(r->match[i]) > key(r->match[r->best]))
            r->best = i;     /* the first of equal scores */
    }
    size_t n;
    const sm_match_item *it = sm_match_missing(m[r->best], &n);
    for (size_t k = 0, g = 0; k < n && g < TOP_GAPS; k++)
        if (it[k].ask->kind == SM_ASK_REQUIRED)
            r->missing[g++] = it[k].ask->id;   /* owned by the rules */
    r->years_fit = sm_match_years_fit(m[r->best]);
    r->level_fit = sm_match_level_fit(m[r->best]);
    if (!want_json)
        goto done;
    if (J->n == 1) {
        js = sm_render_match_json(m[0], json_flags);
        *oom = !js;
        goto done;
    }
    char *one = sm_render_match_json(m[r->best], json_flags &
                                                     ~SM_RENDER_PRETTY);
    json_t *o = one ? json_loads(one, 0, NULL) : NULL, *mx = NULL;
    free(one);
    if (o && (mx = matrix_row(J, m)) &&
        !json_object_set_new(o, "best_job", json_string(J->paths[r->best])) &&
        !json_object_set_new(o, "matches", mx))
        js = json_dumps(o, (json_flags & SM_RENDER_PRETTY ? JSON_INDENT(2)
                                                          : JSON_COMPACT) |
                               JSON_REAL_PRECISION(6));
    json_decref(o);
    *oom = !js;
done:
    for (size_t i = 0; i < J->n; i++)
        sm_match_free(m[i]);
    free(m);
    return js;
}
