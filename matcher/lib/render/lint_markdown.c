/* lint_markdown.c - lint results as Markdown: the GitHub job summary, a
 * table of drafts and one of findings. */
#include <stdio.h>

#include "lint/lint.h"
#include "render/render.h"
#include "util/util.h"

static void md_escape(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '|': fputs("\\|", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '\n': case '\r': fputc(' ', out); break;
        case '`': case '*': case '_': case '[': case ']': case '\\':
            fputc('\\', out);
            fputc(*s, out);
            break;
        default: fputc(*s, out);
        }
    }
}

enum { MARKDOWN_ROWS = 500 };   /* a job summary holds at most 1 MiB */

sm_status sm_render_lint_markdown(const sm_lint_renderer *lr)
{
    const sm_lint_result *const *rs = lr->rs;
    size_t n = lr->n;
    FILE *out = lr->out;
    sm_lint_totals t = sm_lint_totals_of(rs, n);
    fputs("### skillmatch lint\n\n", out);
    sm_lint_summary_line(out, &t);
    fputs("\n\n| Draft | Level | Told from | Errors | Warnings | Notes |\n"
          "|---|---|---|---:|---:|---:|\n", out);
    for (size_t i = 0; i < n; i++) {
        size_t e = 0, w = 0, x = 0;
        for (size_t j = 0; j < rs[i]->nfindings; j++) {
            sm_severity s = rs[i]->findings[j].severity;
            e += s == SM_SEVERITY_ERROR;
            w += s == SM_SEVERITY_WARNING;
            x += s == SM_SEVERITY_INFO;
        }
        fputs("| ", out);
        md_escape(out, rs[i]->file);
        fprintf(out, " | %s | %s | %zu | %zu | %zu |\n",
                sm_level_name(rs[i]->level),
                sm_level_source_name(rs[i]->level_source), e, w, x);
    }
    if (!t.errors && !t.warnings && !t.infos)
        return SM_OK;
    fputs("\n| Draft | Line | Severity | Check | Message |\n"
          "|---|---:|---|---|---|\n", out);
    size_t rows = 0, all = t.errors + t.warnings + t.infos;
    for (size_t i = 0; i < n && rows < MARKDOWN_ROWS; i++)
        for (size_t j = 0; j < rs[i]->nfindings && rows < MARKDOWN_ROWS;
             j++, rows++) {
            const sm_lint_finding *f = &rs[i]->findings[j];
            fputs("| ", out);
            md_escape(out, rs[i]->file);
            fprintf(out, " | %d:%d | %s | %s | ", f->line, f->col,
                    sm_severity_name(f->severity), f->check->id);
            md_escape(out, f->message);
            fputs(" |\n", out);
        }
    if (all > rows)
        fprintf(out, "\n%zu more findings are in the log.\n", all - rows);
    return SM_OK;
}
