/* json_util.c - small helpers for the JSON the library writes with
 * jansson: setters that keep failures, and file names as JSON strings. */
#include <stdlib.h>
#include <string.h>

#include "render/render.h"
#include "doc/doc.h"

void sm_json_put(json_t *o, const char *k, json_t *v, bool *ok)
{
    if (!v || json_object_set_new(o, k, v) != 0)
        *ok = false;
}

void sm_json_append(json_t *a, json_t *v, bool *ok)
{
    if (!v || json_array_append_new(a, v) != 0)
        *ok = false;
}

json_t *sm_json_string_any(const char *s)
{
    json_t *j = json_string(s);
    if (j || !s)
        return j;
    size_t n;
    char *fixed = sm_utf8_repair(s, strlen(s), &n);
    if (!fixed)
        return NULL;
    j = json_stringn(fixed, n);
    free(fixed);
    return j;
}

json_t *sm_json_string_or_null(const char *s)
{
    return s ? sm_json_string_any(s) : json_null();
}
