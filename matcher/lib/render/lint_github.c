/* lint_github.c - lint findings as GitHub workflow commands (annotations),
 * then a summary line. */
#include <stdio.h>

#include "lint/lint.h"
#include "render/render.h"

/* Data: %, CR and LF; a property also : and , (as @actions/core does). */
static void gh_escape(FILE *out, const char *s, bool property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':':
            if (property) {
                fputs("%3A", out);
                break;
            }
            fputc(*s, out);
            break;
        case ',':
            if (property) {
                fputs("%2C", out);
                break;
            }
            fputc(*s, out);
            break;
        default: fputc(*s, out);
        }
    }
}

enum { GITHUB_SHOWN = 10 };   /* annotations of one kind shown per step */

sm_status sm_render_lint_github(const sm_lint_renderer *lr)
{
    const sm_lint_result *const *rs = lr->rs;
    size_t n = lr->n;
    FILE *out = lr->out;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < rs[i]->nfindings; j++) {
            const sm_lint_finding *f = &rs[i]->findings[j];
            const char *cmd = f->severity == SM_SEVERITY_ERROR ? "error"
                              : f->severity == SM_SEVERITY_WARNING
                                  ? "warning"
                                  : "notice";
            char title[160];
            snprintf(title, sizeof title, "skillmatch: %s", f->check->id);
            fprintf(out, "::%s file=", cmd);
            gh_escape(out, rs[i]->file, true);
            fprintf(out, ",line=%d,col=%d,title=", f->line, f->col);
            gh_escape(out, title, true);
            fputs("::", out);
            gh_escape(out, f->message, false);
            fputc('\n', out);
        }
    sm_lint_totals t = sm_lint_totals_of(rs, n);
    fputs("skillmatch lint: ", out);
    sm_lint_summary_line(out, &t);
    if (t.errors > GITHUB_SHOWN || t.warnings > GITHUB_SHOWN ||
        t.infos > GITHUB_SHOWN)
        fprintf(out, " (GitHub shows only %d annotations of each kind per "
                "step: see the job summary or the log above for all)",
                GITHUB_SHOWN);
    fputc('\n', out);
    return SM_OK;
}
