/* blocks.c - the years of the dated jobs whose text holds some lines: a
 * skill's evidence, or the document's machine-learning work.
 *
 * A dated job's block runs from its range's line to the next range's
 * line, or to the end of its section. Ranges found on one line share one
 * block, and blocks never overlap, so the block of a line is found by a
 * binary search. Everything that depends only on the document (block
 * ends, the ranges sorted by start) is computed once in sm_blocks_init();
 * a query then costs its lines' searches plus one pass over the ranges,
 * whatever the number of lines, ranges or skills. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int range_cmp(const void *a, const void *b)
{
    const sm_job_range *x = a, *y = b;
    return x->from != y->from ? (x->from < y->from ? -1 : 1)
                              : (x->to < y->to ? -1 : x->to > y->to);
}

double sm_years_merged_sorted(const sm_job_range *w, size_t k)
{
    if (!k)
        return 0;
    int months = 0, cf = w[0].from, ct = w[0].to;
    for (size_t i = 1; i < k; i++) {
        if (w[i].from <= ct) {
            if (w[i].to > ct)
                ct = w[i].to;
        } else {
            months += ct - cf;
            cf = w[i].from;
            ct = w[i].to;
        }
    }
    months += ct - cf;
    return (double)(long)(months / 12.0 * 10 + 0.5) / 10;
}

double sm_years_merged(const sm_job_range *v, size_t n, const bool *keep)
{
    enum { FEW = 32 };               /* (one resume's jobs: on the stack) */
    sm_job_range few[FEW];
    sm_job_range *w = n <= FEW ? few : malloc(n * sizeof *w);
    size_t k = 0;
    if (!w)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!keep || keep[i])
            w[k++] = v[i];
    sm_sort(w, k, sizeof *w, range_cmp);
    double years = sm_years_merged_sorted(w, k);
    if (w != few)
        free(w);
    return years;
}

static int index_cmp(const void *a, const void *b, void *ctx)
{
    const sm_job_range *v = ctx;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int c = range_cmp(&v[i], &v[j]);
    return c ? c : (i > j) - (i < j);
}

bool sm_blocks_init(sm_blocks *b, const sm_years *y, const int *line_sections,
                    size_t nlines)
{
    size_t n = y->nranges;
    memset(b, 0, sizeof *b);
    b->ranges = y->ranges;
    b->n = n;
    b->end = malloc((n + 1) * sizeof *b->end);
    b->order = malloc((n + 1) * sizeof *b->order);
    b->in = calloc(n + 1, 1);
    b->kept = malloc((n + 1) * sizeof *b->kept);
    if (!b->end || !b->order || !b->in || !b->kept) {
        sm_blocks_free(b);
        return false;
    }
    /* block ends, from the last range back: a group of ranges on one line
     * ends at the next group's line, or earlier where the section of the
     * group's line ends */
    size_t next = nlines;
    SM_WORK(n + nlines);
    for (size_t i = n; i-- > 0;) {
        size_t start = y->ranges[i].line;
        if (i + 1 < n && y->ranges[i + 1].line > start)
            next = y->ranges[i + 1].line;
        size_t end = next;
        if (i + 1 < n && y->ranges[i + 1].line == start) {
            end = b->end[i + 1];     /* same line: same block */
        } else {
            for (size_t l = start + 1; l < end; l++)
                if (line_sections[l] != line_sections[start]) {
                    end = l;
                    break;
                }
        }
        b->end[i] = end;
    }
    for (size_t i = 0; i < n; i++)
        b->order[i] = i;
    qsort_r(b->order, n, sizeof *b->order, index_cmp, (void *)y->ranges);
    return true;
}

/* The first range of the group of ranges whose block holds line l, or n. */
static size_t group_of(const sm_blocks *b, size_t l)
{
    size_t lo = 0, hi = b->n;        /* the first range on a line > l */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->ranges[mid].line <= l)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo)
        return b->n;
    size_t last = lo - 1, first = last;
    if (l >= b->end[last])
        return b->n;
    lo = 0;                          /* the group's first range */
    hi = last;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->ranges[mid].line < b->ranges[last].line)
            lo = mid + 1;
        else
            hi = mid;
    }
    first = lo;
    return first;
}

double sm_blocks_years(sm_blocks *b, const size_t *lines, size_t nl)
{
    bool any = false;
    SM_WORK(nl + b->n);
    memset(b->in, 0, b->n);
    for (size_t k = 0; k < nl; k++) {
        size_t g = group_of(b, lines[k]);
        if (g == b->n || b->in[g])
            continue;                /* no block, or marked already */
        for (size_t i = g; i < b->n && b->ranges[i].line == b->ranges[g].line;
             i++)
            b->in[i] = 1;
        any = true;
    }
    if (!any)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < b->n; i++)
        if (b->in[b->order[i]])
            b->kept[k++] = b->ranges[b->order[i]];
    return sm_years_merged_sorted(b->kept, k);
}

void sm_blocks_free(sm_blocks *b)
{
    free(b->end);
    free(b->order);
    free(b->in);
    free(b->kept);
    memset(b, 0, sizeof *b);
}
