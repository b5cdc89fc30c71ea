/* render.h - results as text and JSON (render_text.c, render_json.c),
 * lint findings in each lint format (render_lint.c picks one of
 * lint_<format>.c), and the JSON helpers they share (json_util.c).
 * Only reads what analyze and lint made; depends on them, doc and util. */
#ifndef SM_RENDER_H
#define SM_RENDER_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "skillmatch.h"

/* ---- building JSON (json_util.c) ---- */
/* json_object_set_new() and json_array_append_new() that remember a
 * failure (v NULL, or out of memory) in *ok instead of ignoring it. */
void sm_json_put(json_t *o, const char *k, json_t *v, bool *ok);
void sm_json_append(json_t *a, json_t *v, bool *ok);
/* A string that may not be valid UTF-8 (a file name: names are bytes):
 * its bad bytes become U+FFFD. NULL for NULL, or out of memory. */
json_t *sm_json_string_any(const char *s);
/* The same, or JSON null for NULL. */
json_t *sm_json_string_or_null(const char *s);

/* ---- the lint formats (render_lint.c, lint_<format>.c) ---- */
/* What a format's renderer is handed, in the shape of cmark's render.h:
 * one function per format over one struct. */
typedef struct {
    const sm_lint_result *const *rs;
    size_t n;
    unsigned flags;              /* SM_RENDER_COLOR */
    sm_severity fail_on;         /* JUnit: failures from this severity */
    FILE *out;
} sm_lint_renderer;

/* A renderer writes to lr->out; it returns SM_OK, or SM_ERR_NOMEM when
 * it could not build its output. Write errors are checked once, by
 * sm_lint_render(), for every format. */
typedef sm_status (*sm_lint_render_fn)(const sm_lint_renderer *lr);
sm_status sm_render_lint_text(const sm_lint_renderer *lr);
sm_status sm_render_lint_json(const sm_lint_renderer *lr);
sm_status sm_render_lint_github(const sm_lint_renderer *lr);
sm_status sm_render_lint_sarif(const sm_lint_renderer *lr);
sm_status sm_render_lint_junit(const sm_lint_renderer *lr);
sm_status sm_render_lint_markdown(const sm_lint_renderer *lr);

/* The drafts and their findings by severity. */
typedef struct {
    size_t drafts, errors, warnings, infos;
} sm_lint_totals;
sm_lint_totals sm_lint_totals_of(const sm_lint_result *const *rs, size_t n);
/* "2 drafts: 1 error, 0 warnings, 3 notes" (no newline). */
void sm_lint_summary_line(FILE *out, const sm_lint_totals *t);

#endif
