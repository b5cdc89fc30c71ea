/* render_lint.c - lint results -> text, JSON, GitHub workflow commands,
 * SARIF 2.1.0, JUnit XML and a Markdown summary: the entry point, which
 * picks the format's renderer (lint_<format>.c, each with its own
 * escaping) and reports a write that failed for all of them alike, and
 * what the renderers share. JSON and SARIF are built with jansson so that
 * every string is escaped correctly. */
#include <stdio.h>
#include <string.h>

#include "render/render.h"
#include "lint/lint.h"

sm_lint_totals sm_lint_totals_of(const sm_lint_result *const *rs, size_t n)
{
    sm_lint_totals t = {n, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < rs[i]->nfindings; j++) {
            sm_severity s = rs[i]->findings[j].severity;
            if (s == SM_SEVERITY_ERROR)
                t.errors++;
            else if (s == SM_SEVERITY_WARNING)
                t.warnings++;
            else
                t.infos++;
        }
    return t;
}

static void plural(FILE *out, size_t n, const char *one, const char *many)
{
    fprintf(out, "%zu %s", n, n == 1 ? one : many);
}

void sm_lint_summary_line(FILE *out, const sm_lint_totals *t)
{
    plural(out, t->drafts, "draft", "drafts");
    fputs(": ", out);
    plural(out, t->errors, "error", "errors");
    fputs(", ", out);
    plural(out, t->warnings, "warning", "warnings");
    fputs(", ", out);
    plural(out, t->infos, "note", "notes");
}

/* ---- entry points ---- */

sm_status sm_lint_format_parse(const char *name, sm_lint_format *out)
{
    static const char *const names[] = {"text", "json", "github", "sarif",
                                        "junit", "markdown", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(name, names[i])) {
            *out = (sm_lint_format)i;
            return SM_OK;
        }
    return SM_ERR_ARG;
}

sm_status sm_lint_render(const sm_lint_result *const *results, size_t n,
                         sm_lint_format fmt,
                         const sm_lint_render_options *opt, FILE *out)
{
    /* in sm_lint_format order */
    static const sm_lint_render_fn RENDER[] = {
        sm_render_lint_text, sm_render_lint_json, sm_render_lint_github,
        sm_render_lint_sarif, sm_render_lint_junit, sm_render_lint_markdown};
    if ((unsigned)fmt >= sizeof RENDER / sizeof *RENDER)
        return SM_ERR_ARG;
    sm_lint_renderer lr = {results, n, opt ? opt->flags : 0,
                           opt ? opt->fail_on : SM_SEVERITY_ERROR, out};
    sm_status st = RENDER[fmt](&lr);
    /* a full disk or a closed pipe, whichever format was written */
    if (st == SM_OK && (fflush(out) != 0 || ferror(out)))
        st = SM_ERR_IO;
    return st;
}
