/* pdf_layout.c - the reading order of a PDF page's text blocks (from
 * pdftotext -bbox-layout): columns first, so that a sidebar of skills
 * beside the experience is read whole instead of block by block between
 * the experience's paragraphs. A recursive XY cut: a region splits at a
 * vertical gutter when it has one and the right side is more than a
 * column of short one-line items set against the left side's lines (the
 * dates of a "title ..... date" layout stay with their titles); otherwise
 * its top band is read first and the rest goes on. */
#include <stdlib.h>
#include <string.h>

#include "doc/formats.h"

enum { MAX_DEPTH = 8 };
#define GUTTER 6.0                   /* points of white a column gap has */

/* qsort() has no context argument: the blocks being compared, per
 * thread (screen reads PDFs on several). */
static _Thread_local const sm_pdf_block *cmp_blocks;

static int by_x(const void *a, const void *b)
{
    const sm_pdf_block *x = &cmp_blocks[*(const size_t *)a],
                       *y = &cmp_blocks[*(const size_t *)b];
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int by_yx(const void *a, const void *b)
{
    const sm_pdf_block *x = &cmp_blocks[*(const size_t *)a],
                       *y = &cmp_blocks[*(const size_t *)b];
    if (x->y0 != y->y0)
        return x->y0 < y->y0 ? -1 : 1;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static void sort_by(size_t *v, size_t n, int (*cmp)(const void *, const void *))
{
    qsort(v, n, sizeof *v, cmp);
}

/* Where v[0..n) splits at a vertical gutter: the count of the left side
 * (sorted by x), or 0. */
static size_t vertical_cut(const sm_pdf_block *b, size_t *v, size_t n,
                           double page_w)
{
    sort_by(v, n, by_x);
    double right = b[v[0]].x1;
    for (size_t k = 1; k < n; k++) {
        if (b[v[k]].x0 > right + GUTTER) {
            /* the right side: short single lines level with left lines? */
            size_t items = 0;
            for (size_t i = k; i < n; i++) {
                const sm_pdf_block *r = &b[v[i]];
                bool level = false;
                for (size_t j = 0; j < k && !level; j++)
                    level = b[v[j]].y0 < r->y1 && r->y0 < b[v[j]].y1;
                items += r->nlines == 1 && r->x1 - r->x0 < page_w / 4 && level;
            }
            return items == n - k ? 0 : k;
        }
        if (b[v[k]].x1 > right)
            right = b[v[k]].x1;
    }
    return 0;
}

static void order(const sm_pdf_block *b, size_t *v, size_t n, double page_w,
                  int depth, size_t *out, size_t *nout)
{
    while (n) {
        size_t k = depth < MAX_DEPTH && n > 1 ? vertical_cut(b, v, n, page_w)
                                              : 0;
        if (k) {                     /* v is sorted by x: left, then right */
            order(b, v, k, page_w, depth + 1, out, nout);
            order(b, v + k, n - k, page_w, depth + 1, out, nout);
            return;
        }
        /* the top band: blocks down to the first horizontal gap */
        sort_by(v, n, by_yx);
        double bottom = b[v[0]].y1;
        size_t t = 1;
        while (t < n && b[v[t]].y0 < bottom) {
            if (b[v[t]].y1 > bottom)
                bottom = b[v[t]].y1;
            t++;
        }
        for (size_t i = 0; i < t; i++)
            out[(*nout)++] = v[i];
        v += t;
        n -= t;
    }
}

void sm_pdf_order(const sm_pdf_block *blocks, size_t n, double page_w,
                  size_t *out)
{
    size_t *v = malloc((n + 1) * sizeof *v), nout = 0;
    if (!v || n > SM_PDF_MAX_BLOCKS) {
        for (size_t i = 0; i < n; i++)
            out[i] = i;              /* pdftotext's own order */
        free(v);
        return;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = i;
    cmp_blocks = blocks;
    order(blocks, v, n, page_w, 0, out, &nout);
    free(v);
}
