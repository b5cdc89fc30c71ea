/* lint_json.c - lint results as a JSON array, one object per draft with
 * its findings; built with jansson, so every string is escaped. */
#include <jansson.h>
#include <stdlib.h>

#include "lint/lint.h"
#include "render/render.h"
#include "util/util.h"

sm_status sm_render_lint_json(const sm_lint_renderer *lr)
{
    const sm_lint_result *const *rs = lr->rs;
    size_t n = lr->n;
    FILE *out = lr->out;
    bool ok = true;
    json_t *arr = json_array();
    if (!arr)
        return SM_ERR_NOMEM;
    for (size_t i = 0; i < n && ok; i++) {
        const sm_lint_result *r = rs[i];
        json_t *o = json_object(), *fs = json_array();
        if (!o || !fs) {
            json_decref(o);
            json_decref(fs);
            ok = false;
            break;
        }
        sm_json_put(o, "file", sm_json_string_any(r->file), &ok);
        sm_json_put(o, "level", json_string(sm_level_name(r->level)), &ok);
        sm_json_put(o, "level_source",
                    json_string(sm_level_source_name(r->level_source)), &ok);
        sm_json_put(o, "title", sm_json_string_or_null(r->title), &ok);
        for (size_t j = 0; j < r->nfindings && ok; j++) {
            const sm_lint_finding *f = &r->findings[j];
            json_t *x = json_object();
            if (!x) {
                ok = false;
                break;
            }
            sm_json_put(x, "check", json_string(f->check->id), &ok);
            sm_json_put(x, "severity",
                        json_string(sm_severity_name(f->severity)), &ok);
            sm_json_put(x, "line", json_integer(f->line), &ok);
            sm_json_put(x, "col", json_integer(f->col), &ok);
            sm_json_put(x, "message", sm_json_string_any(f->message), &ok);
            sm_json_put(x, "source", sm_json_string_or_null(f->source), &ok);
            sm_json_append(fs, x, &ok);
        }
        sm_json_put(o, "findings", fs, &ok);
        sm_json_append(arr, o, &ok);
    }
    char *s = ok ? json_dumps(arr, JSON_INDENT(2)) : NULL;
    json_decref(arr);
    if (!s)
        return SM_ERR_NOMEM;
    fprintf(out, "%s\n", s);
    free(s);
    return SM_OK;
}
