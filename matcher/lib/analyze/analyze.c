/* analyze.c - the pipeline for one document: sections, years, matching,
 * scoring. */
#include <stdlib.h>
#include <time.h>

#include "analyze/analyze.h"
#include "analyze/sections.h"
#include "analyze/years.h"
#include "doc/doc.h"
#include "util/util.h"

static int offset_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static void today(const sm_options *opt, int *y, int *m)
{
    if (opt && opt->today_year > 0) {   /* (SM_TODAY_LATEST: years.c) */
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

/* Where a segment begins: at each dated job's block's start and end (the
 * blocks are in order and do not overlap; years.c). Text of one segment is
 * in one block, or all of it in none (blocks.c), which lets matching fold
 * a skill's many hits there into one (sm_hits). */
static bool segment_breaks(const sm_years *y, sm_hits *h)
{
    size_t *v = malloc((2 * y->nranges + 1) * sizeof *v), n = 0;
    if (!v)
        return false;
    for (size_t i = 0; i < y->nranges; i++) {
        v[n++] = y->ranges[i].start;
        v[n++] = y->ranges[i].end;
    }
    if (n > 1)
        qsort(v, n, sizeof *v, offset_cmp);
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
    sm_sections *sec = sm_sections_map(rules, s, doc, err);
    if (!sec)
        return err ? err->code : SM_ERR_NOMEM;
    today(opt, &y, &m);
    bool latest = opt && opt->today_year == SM_TODAY_LATEST;
    st = sm_years_find(rules, s, doc, sec, y, m, latest, &years, err);
    if (st == SM_OK) {
        hits.last = calloc(rules->nskills + 1, sizeof *hits.last);
        hits.kept = calloc(rules->nskills + 1, sizeof *hits.kept);
        if (!segment_breaks(&years, &hits) || !hits.last || !hits.kept)
            st = sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
    }
    if (st == SM_OK)
        st = sm_match_doc(rules, s, doc, sec, opt ? opt->flags : 0, -1, NULL,
                          NULL, &hits, err);
    if (st == SM_OK)
        st = sm_score(rules, doc, &hits, &years, opt ? opt->ladder : NULL,
                      out, err);
    free((void *)hits.breaks);
    free(hits.last);
    free(hits.kept);
    free(hits.hits);
    free(years.ranges);
    sm_sections_free(sec);
    return st;
}
