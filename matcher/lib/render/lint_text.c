/* lint_text.c - lint findings for people: "file:line:col: severity: message
 * [check]", in colour when asked. */
#include <stdio.h>

#include "lint/lint.h"
#include "render/render.h"

sm_status sm_render_lint_text(const sm_lint_renderer *lr)
{
    const sm_lint_result *const *rs = lr->rs;
    size_t n = lr->n;
    FILE *out = lr->out;
    bool color = lr->flags & SM_RENDER_COLOR;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < rs[i]->nfindings; j++) {
            const sm_lint_finding *f = &rs[i]->findings[j];
            const char *c = f->severity == SM_SEVERITY_ERROR ? "\033[1;31m"
                            : f->severity == SM_SEVERITY_WARNING
                                ? "\033[1;33m"
                                : "\033[1;36m";
            fprintf(out, "%s%s:%d:%d:%s %s%s%s: %s [%s]\n",
                    color ? "\033[1m" : "", rs[i]->file, f->line, f->col,
                    color ? "\033[0m" : "", color ? c : "",
                    sm_severity_name(f->severity), color ? "\033[0m" : "",
                    f->message, f->check->id);
        }
    return SM_OK;
}
