/* examples.c - `rules check`: every skill's match / no_match examples run
 * through the whole pipeline, with and without the trigger prefilter. */
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "rules/rules.h"
#include "util/util.h"

/* Is skill k found in text? Sets *found; with and without the prefilter. */
static sm_status probe(const sm_rules *r, sm_scratch *s, const char *text,
                       int k, unsigned flags, bool *found, sm_error *err)
{
    sm_doc *doc = NULL;
    sm_result *res = NULL;
    sm_options opt = {.flags = flags, .today_year = 2026, .today_month = 1};
    sm_status st = sm_doc_from_text("example", text, strlen(text), &doc, err);
    if (st == SM_ERR_EMPTY) {
        *found = false;
        return SM_OK;
    }
    if (st == SM_OK)
        st = sm_analyze(r, s, doc, &opt, &res, err);
    if (st == SM_OK) {
        *found = false;
        for (size_t i = 0; i < res->nskills; i++)
            if (!strcmp(res->skills[i].id, r->skills[k].info.id))
                *found = true;
    }
    sm_result_free(res);
    sm_doc_free(doc);
    return st;
}

sm_status sm_rules_check_examples(const sm_rules *r, sm_scratch *s,
                                  sm_failure_cb on_failure, void *ud,
                                  size_t *failures, size_t *examples,
                                  sm_error *err)
{
    size_t nfail = 0, nex = 0;
    for (size_t k = 0; k < r->nskills; k++) {
        const sm_skill *sk = &r->skills[k];
        for (int want = 1; want >= 0; want--) {
            size_t n = want ? sk->nex_match : sk->nex_nomatch;
            char **ex = want ? sk->ex_match : sk->ex_nomatch;
            int *lines = want ? sk->ex_match_line : sk->ex_nomatch_line;
            int *cols = want ? sk->ex_match_col : sk->ex_nomatch_col;
            for (size_t i = 0; i < n; i++) {
                bool fast, full;
                sm_status st = probe(r, s, ex[i], (int)k, 0, &fast, err);
                if (st == SM_OK)
                    st = probe(r, s, ex[i], (int)k, SM_ANALYZE_FULL_SCAN,
                               &full, err);
                if (st != SM_OK)
                    return st;
                nex++;
                const char *what = NULL;
                if (fast != full)
                    what = "the trigger prefilter changes the result: a "
                           "trigger is missing";
                else if (want && !full)
                    what = "should match but does not";
                else if (!want && full)
                    what = "should not match but does";
                if (what) {
                    nfail++;
                    if (on_failure) {
                        sm_error f;
                        sm_fail(&f, SM_ERR_EXAMPLE, sk->info.file, lines[i],
                                cols[i], "skill '%s': example \"%.200s\" %s",
                                sk->info.id, ex[i], what);
                        on_failure(&f, ud);
                    }
                }
            }
        }
    }
    *failures = nfail;
    if (examples)
        *examples = nex;
    return SM_OK;
}
