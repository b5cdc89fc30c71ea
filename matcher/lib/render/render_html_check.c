/* render_html_check.c - `check --format html`: one person's page, the
 * whole JSON report of each resume (with its match against a posting,
 * when there is one) as the page's data; the script draws the coverage
 * bars, the evidence and what to add, and prints on paper. */
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

sm_status sm_render_html_check(const sm_rules *rules,
                               const sm_result *const *rs,
                               const sm_match *const *ms, size_t n,
                               FILE *out)
{
    json_t *names = sm_html_skill_names(rules);
    char *head = names ? json_dumps(names, JSON_COMPACT) : NULL;
    json_decref(names);
    if (!head)
        return SM_ERR_NOMEM;
    char **reports = calloc(n ? n : 1, sizeof *reports);
    sm_status st = reports ? SM_OK : SM_ERR_NOMEM;
    for (size_t i = 0; st == SM_OK && i < n; i++) {
        reports[i] = ms && ms[i] ? sm_render_match_json(ms[i], 0)
                                 : sm_render_json(rs[i], 0);
        if (!reports[i])
            st = SM_ERR_NOMEM;
    }
    if (st == SM_OK) {
        const char *title = n == 1 ? sm_result_file(rs[0]) : "resumes";
        char *t = malloc(strlen(title) + 32);
        if (t)
            sprintf(t, "skillmatch check: %s", title);
        sm_html_page_open(out, t ? t : "skillmatch check", "check");
        free(t);
        fputs("{\"kind\":\"check\",\"skills\":", out);
        sm_html_json(out, head, strlen(head));
        fputs(",\"reports\":[", out);
        for (size_t i = 0; i < n; i++) {
            fputs(i ? ",\n" : "\n", out);
            sm_html_json(out, reports[i], strlen(reports[i]));
        }
        fputs("\n]}", out);
        sm_html_page_close(out);
        if (fflush(out) || ferror(out))
            st = SM_ERR_IO;
    }
    for (size_t i = 0; reports && i < n; i++)
        free(reports[i]);
    free(reports);
    free(head);
    return st;
}
