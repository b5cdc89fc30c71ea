/* analyze.c - the pipeline for one document: sections, years, matching,
 * scoring. */
#include <stdlib.h>
#include <time.h>

#include "internal.h"

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

/* The lines where a segment begins: each line where a dated range is, and
 * each where the section changes. Lines of one segment are in one dated
 * job's block, or all in none (blocks.c), which lets matching fold a
 * skill's many hits there into one (sm_hits). */
static bool segment_breaks(const sm_doc *doc, const int *sec,
                           const sm_years *y, sm_hits *h)
{
    size_t cap = 0, n = 0, *v = NULL;
    for (size_t ln = 1, ri = 0; ln < doc->nlines; ln++) {
        while (ri < y->nranges && y->ranges[ri].line < ln)
            ri++;
        bool starts = ri < y->nranges && y->ranges[ri].line == ln;
        if (!starts && sec[ln] == sec[ln - 1])
            continue;
        size_t *slot = SM_PUSH(v, n, cap);
        if (!slot) {
            free(v);
            return false;
        }
        *slot = ln;
    }
    h->breaks = v;
    h->nbreaks = n;
    h->merge = true;
    return true;
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
    st = sm_years_find(rules, s, doc, sec, y, m, &years, err);
    if (st == SM_OK) {
        hits.last = calloc(rules->nskills + 1, sizeof *hits.last);
        hits.kept = calloc(rules->nskills + 1, sizeof *hits.kept);
        if (!segment_breaks(doc, sec, &years, &hits) || !hits.last ||
            !hits.kept)
            st = sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
    }
    if (st == SM_OK)
        st = sm_match_doc(rules, s, doc, sec, opt ? opt->flags : 0, -1, NULL,
                          NULL, &hits, err);
    if (st == SM_OK)
        st = sm_score(rules, doc, sec, &hits, &years, out, err);
    free((void *)hits.breaks);
    free(hits.last);
    free(hits.kept);
    free(hits.hits);
    free(years.ranges);
    free(sec);
    return st;
}
