/* cli_screen_html.c - `screen --format html`: the rows' JSON, in the
 * order of the table, handed to the library's page writer. */
#include <stdlib.h>

#include "cli_screen.h"

void screen_html_begin(screen_out *so)
{
    const cli_jobs *J = so->postings;
    size_t np = J ? J->n : 0;
    if (sm_html_screen_new(so->rules, (const char *const *)(np ? J->paths
                                                               : NULL),
                           np, so->f, &so->html) != SM_OK) {
        cli_error("out of memory");
        so->failed = true;
        so->html = NULL;
    }
}

void screen_html_row(screen_out *so, const char *json, size_t len)
{
    if (so->html && sm_html_screen_row(so->html, json, len) != SM_OK) {
        cli_error("out of memory writing the HTML report");
        so->failed = true;
    }
}

void screen_html_end(screen_out *so)
{
    if (!so->html)
        return;
    if (sm_html_screen_finish(so->html) != SM_OK)
        so->failed = true;
    so->html = NULL;
}
