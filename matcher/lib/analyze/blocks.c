/* blocks.c - the years of the dated jobs whose text holds some offsets: a
 * skill's hits, or the document's machine-learning work.
 *
 * A dated job's block is its text, from its title to the next job's
 * (years.c); blocks are in order and do not overlap, so the block of an
 * offset is found by a binary search. What depends only on the document
 * (the ranges sorted by start) is computed once in sm_blocks_init(); a
 * query then costs its offsets' searches plus one pass over the ranges,
 * whatever the number of hits, ranges or skills. */
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "util/util.h"

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

bool sm_blocks_init(sm_blocks *b, const sm_years *y)
{
    size_t n = y->nranges;
    memset(b, 0, sizeof *b);
    b->ranges = y->ranges;
    b->n = n;
    b->order = malloc((n + 1) * sizeof *b->order);
    b->in = calloc(n + 1, 1);
    b->kept = malloc((n + 1) * sizeof *b->kept);
    if (!b->order || !b->in || !b->kept) {
        sm_blocks_free(b);
        return false;
    }
    SM_WORK(n);
    for (size_t i = 0; i < n; i++)
        b->order[i] = i;
    qsort_r(b->order, n, sizeof *b->order, index_cmp, (void *)y->ranges);
    return true;
}

/* Mark the blocks that hold offset off: the last ones that start at or
 * before it, while it is before their end. */
static bool mark(sm_blocks *b, size_t off)
{
    size_t lo = 0, hi = b->n;        /* the first block starting after off */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->ranges[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    bool any = false;
    for (size_t i = lo; i-- > 0 && !b->in[i];) {
        if (off >= b->ranges[i].end)
            break;
        b->in[i] = 1;
        any = true;
    }
    return any;
}

double sm_blocks_years(sm_blocks *b, const size_t *offs, size_t n)
{
    bool any = false;
    SM_WORK(n + b->n);
    memset(b->in, 0, b->n);
    for (size_t k = 0; k < n; k++)
        any |= mark(b, offs[k]);
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
    free(b->order);
    free(b->in);
    free(b->kept);
    memset(b, 0, sizeof *b);
}
