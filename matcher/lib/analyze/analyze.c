/* analyze.c - the pipeline for one document: sections, matching, years,
 * scoring. */
#include <stdlib.h>
#include <time.h>

#include "analyze/analyze.h"
#include "doc/doc.h"
#include "util/util.h"

static void today(const sm_options *opt, int *y, int *m)
{
    if (opt && opt->today_year > 0) {
        *y = opt->today_year;
        *m = opt->today_month >= 1 && opt->today_month <= 12 ? opt->today_month
                                                              : 1;
        return;
    }
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    *y = tm.tm_year + 1900;
    *m = tm.tm_mon + 1;
}

sm_status sm_analyze(const sm_rules *rules, sm_scratch *s, const sm_doc *doc,
                     const sm_options *opt, sm_result **out, sm_error *err)
{
    sm_hits hits = {0};
    sm_years years = {0};
    int y, m;
    sm_status st;
    int *sec = sm_sections_assign(rules, s, doc, err);
    if (!sec)
        return err ? err->code : SM_ERR_NOMEM;
    today(opt, &y, &m);
    st = sm_match_doc(rules, s, doc, sec, opt ? opt->flags : 0, -1, NULL, NULL,
                      &hits, err);
    if (st == SM_OK)
        st = sm_years_find(rules, s, doc, sec, y, m, &years, err);
    if (st == SM_OK)
        st = sm_score(rules, doc, sec, &hits, &years, out, err);
    free(hits.hits);
    free(years.ranges);
    free(sec);
    return st;
}
