/* render.h - results and lint findings as text, JSON and the lint
 * formats (render_*.c), and the JSON helpers they share (json_util.c).
 * Only reads what analyze and lint made; depends on them, doc and util. */
#ifndef SM_RENDER_H
#define SM_RENDER_H

#include <jansson.h>
#include <stdbool.h>

#include "skillmatch.h"

/* ---- building JSON (json_util.c) ---- */
/* json_object_set_new() and json_array_append_new() that remember a
 * failure (v NULL, or out of memory) in *ok instead of ignoring it. */
void sm_json_put(json_t *o, const char *k, json_t *v, bool *ok);
void sm_json_append(json_t *a, json_t *v, bool *ok);
/* A string that may not be valid UTF-8 (a file name: names are bytes):
 * its bad bytes become U+FFFD. NULL for NULL, or out of memory. */
json_t *sm_json_string_any(const char *s);

#endif
