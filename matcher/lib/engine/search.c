/* search.c - where a pattern can match in a paragraph, and its matches
 * there. At load every pattern gets a plan (sm_regex_plan_all()): the
 * factor of its literals whose places give the windows where a match can
 * start, and the factors a window must hold. In a paragraph the literal index
 * (litindex.c) gives the places; the pattern runs only in the windows, in
 * order, each search going on from where the last match ended, which
 * finds the same matches as searching the whole paragraph. */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "doc/doc.h"
#include "util/util.h"

int sm_window_cmp(const void *a, const void *b)
{
    const sm_window *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* All matches of `re` in the paragraph that start at or after `from` and
 * at or before `limit` (relative to p0; 0 and SIZE_MAX: all), as absolute
 * spans. *next (may be NULL) is where a further search would go on: the
 * end of the last match, or `from` when there was none. */
static sm_status find_from(const sm_regex *re, sm_scratch *s, const char *t,
                           size_t p0, size_t p1, size_t from, size_t limit,
                           sm_spans *out, size_t *next, sm_error *err)
{
    size_t at = from, len = p1 - p0;
    if (next)
        *next = from;
    while (at <= len && at <= limit) {
        size_t ms, me;
        int rc = sm_regex_find_by(re, s, t + p0, len, at, limit, &ms, &me,
                                  err);
        if (rc < 0)
            return SM_ERR_MATCH;
        if (rc == 0)
            break;
        if (me > ms) {
            sm_span *sp = SM_PUSH(out->v, out->n, out->cap);
            if (!sp)
                return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0, "out of memory");
            sp->start = p0 + ms;
            sp->end = p0 + me;
            at = me;
        } else {
            /* an empty match: step over one whole character */
            at = me + 1;
            while (at < len && ((unsigned char)t[p0 + at] & 0xC0) == 0x80)
                at++;
        }
        if (next)
            *next = at;
    }
    return SM_OK;
}

sm_status sm_find_all(const sm_regex *re, sm_scratch *s, const char *t,
                      size_t p0, size_t p1, size_t from, size_t limit,
                      sm_spans *out, sm_error *err)
{
    return find_from(re, s, t, p0, p1, from, limit, out, NULL, err);
}

/* A match holding the byte at `at` (relative to p0), which has lo_off to
 * hi_off bytes of the match before it (SM_OFF_ANY: no bound), starts in
 * the window this adds to s->win: at most hi_off bytes back, and no
 * further back than the start of the line re->max_breaks lines above
 * (`top` is the paragraph's first line). False when out of memory. */
static bool add_window(sm_scratch *s, const sm_regex *re, const sm_doc *doc,
                       size_t p0, size_t top, size_t at, uint32_t lo_off,
                       uint32_t hi_off)
{
    enum { NEAR = 32 };              /* closer than this: no line search */
    if (at < lo_off)
        return true;                 /* it would start before the paragraph */
    size_t lo = hi_off == SM_OFF_ANY ? 0 : at > hi_off ? at - hi_off : 0;
    if (re->max_breaks >= 0 && (hi_off == SM_OFF_ANY || hi_off > NEAR)) {
        size_t line = sm_doc_line_of(doc, p0 + at);
        line = line - top > (size_t)re->max_breaks
                   ? line - (size_t)re->max_breaks : top;
        size_t l = doc->line_starts[line] > p0 ? doc->line_starts[line] - p0
                                               : 0;
        if (l > lo)
            lo = l;
    }
    sm_window *w = SM_PUSH(s->win, s->nwin, s->capwin);
    if (!w)
        return false;
    w->lo = lo;
    w->hi = at - lo_off;
    return true;
}

/* How the matcher looks for `re`, worked out once, after the literal
 * index is built: the factor whose places give the windows (the first one
 * whose literals each sit a nearly fixed number of bytes into a match, so
 * that the windows are narrow; else the first the index knows), if its
 * windows can be bounded at all; and the other factors, known and at a
 * bounded place, that a window must then hold. */
static void plan(sm_regex *re)
{
    enum { NARROW = 16, MAX_SEARCHED = 48 };
    size_t pick = SIZE_MAX, known = SIZE_MAX, fe = 0;
    re->search = re->bound = SM_NO_FACTOR;
    re->ncheck = 0;
    if (!re->lit_off || !re->lit_id)
        return;
    for (size_t f = 0, i; f < re->nlits && re->bound == SM_NO_FACTOR;
         f = i + 1) {
        for (i = f; i < re->nlits && re->lits[i]; i++)
            ;
        if (i > f && re->lit_id[f] != UINT32_MAX)
            re->bound = (uint16_t)f;
    }
    for (size_t f = 0, i; f < re->nlits && pick == SIZE_MAX; f = i + 1) {
        bool narrow = true;
        for (i = f; i < re->nlits && re->lits[i]; i++)
            narrow = narrow && re->lit_off[2 * i + 1] != SM_OFF_ANY &&
                     re->lit_off[2 * i + 1] - re->lit_off[2 * i] <= NARROW;
        if (i == f || re->lit_id[f] == UINT32_MAX)
            continue;
        if (narrow)
            pick = f;
        else if (known == SIZE_MAX)
            known = f;
    }
    if (pick == SIZE_MAX)
        pick = known;
    if (pick == SIZE_MAX)
        return;
    for (fe = pick; fe < re->nlits && re->lits[fe]; fe++)
        if (re->max_breaks < 0 && re->lit_off[2 * fe + 1] == SM_OFF_ANY)
            return;                  /* a window with no bound */
    if (fe - pick > MAX_SEARCHED)
        return;
    re->search = (uint16_t)pick;
    for (size_t f = 0, i; f < re->nlits; f = i + 1) {
        bool bounded = true;
        for (i = f; i < re->nlits && re->lits[i]; i++)
            bounded = bounded && re->lit_off[2 * i + 1] != SM_OFF_ANY;
        if (bounded && f != pick && re->lit_id[f] != UINT32_MAX &&
            re->ncheck < sizeof re->check / sizeof *re->check)
            re->check[re->ncheck++] = (uint16_t)f;
    }
}

void sm_regex_plan_all(sm_regex *const *res, size_t n, sm_litindex *ix)
{
    for (size_t i = 0; i < n; i++)
        plan(res[i]);
    /* the index keeps the places only of the literals a plan looks at */
    sm_litindex_place_none(ix);
    for (size_t i = 0; i < n; i++) {
        const sm_regex *re = res[i];
        if (re->search != SM_NO_FACTOR)
            sm_litindex_place(ix, re, re->search);
        for (size_t c = 0; c < re->ncheck; c++)
            sm_litindex_place(ix, re, re->check[c]);
        if (re->bound != SM_NO_FACTOR)   /* (and a cue's clause test) */
            sm_litindex_place(ix, re, re->bound);
    }
}

/* Does literal `id` start somewhere from `from` to `to` in the paragraph? */
static bool occurs_in(const sm_scratch *s, uint32_t id, size_t from, size_t to)
{
    size_t n;
    const uint32_t *p = sm_litscan_places(&s->scan, id, &n);
    size_t lo = 0, hi = n;
    while (lo < hi) {                /* the first place at or after from */
        size_t mid = (lo + hi) / 2;
        if (p[mid] < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && p[lo] <= to;
}

/* Can a match starting between lo and hi hold the factors re->check? Each
 * must then occur in a narrow stretch. */
static bool window_holds(const sm_regex *re, const sm_scratch *s, size_t lo,
                         size_t hi)
{
    for (size_t c = 0; c < re->ncheck; c++) {
        bool found = false;
        for (size_t i = re->check[c]; i < re->nlits && re->lits[i] && !found;
             i++)
            found = occurs_in(s, re->lit_id[i], lo + re->lit_off[2 * i],
                              hi + re->lit_off[2 * i + 1]);
        if (!found)
            return false;
    }
    return true;
}

/* The windows (into s->win, by start) where a match of `re` can start in
 * a plain paragraph (just scanned): around each place where a literal
 * of its re->search factor occurs. False when the plan has none. */
static bool occurrences(const sm_regex *re, sm_scratch *s, const sm_doc *doc,
                        size_t p0, bool *oom)
{
    size_t f = re->search, k = f;
    s->nwin = 0;
    if (!s->plain || re->search == SM_NO_FACTOR)
        return false;
    while (k < re->nlits && re->lits[k])
        k++;
    size_t top = sm_doc_line_of(doc, p0);
    for (size_t i = f; i < k; i++) {
        uint32_t lo_off = re->lit_off[2 * i];
        uint32_t hi_off = re->lit_off[2 * i + 1];
        size_t n;
        const uint32_t *at = sm_litscan_places(&s->scan, re->lit_id[i], &n);
        for (size_t j = 0; j < n; j++) {
            size_t n0 = s->nwin;
            if (!add_window(s, re, doc, p0, top, at[j], lo_off, hi_off)) {
                *oom = true;
                return false;
            }
            /* a window where the other factors cannot be goes */
            if (s->nwin > n0 && re->ncheck &&
                !window_holds(re, s, s->win[n0].lo, s->win[n0].hi))
                s->nwin = n0;
        }
    }
    /* one literal's windows come in order; several need sorting */
    if (k - f > 1)
        sm_sort(s->win, s->nwin, sizeof *s->win, sm_window_cmp);
    return true;
}

/* sm_find_all() for a pattern whose matches each start in one of the
 * windows of s->win (in order of their starts): only those are searched,
 * merged where they meet, each from where the last match ended. As no match
 * starts between them, this finds the same matches as searching the whole
 * paragraph. */
static sm_status find_near(const sm_regex *re, sm_scratch *s, const char *t,
                           size_t p0, size_t p1, size_t limit, sm_spans *out,
                           sm_error *err)
{
    size_t at = 0;
    for (size_t i = 0; i < s->nwin;) {
        size_t lo = s->win[i].lo, hi = s->win[i].hi;
        for (i++; i < s->nwin && s->win[i].lo <= hi + 1; i++)
            if (s->win[i].hi > hi)
                hi = s->win[i].hi;
        if (hi > limit)
            hi = limit;
        if (lo < at)
            lo = at;
        sm_status st = find_from(re, s, t, p0, p1, lo, hi, out, &at, err);
        if (st != SM_OK)
            return st;
        if (hi >= limit)
            break;
    }
    return SM_OK;
}

/* All matches of `re` in the paragraph that start at or before `limit`,
 * the fastest way that finds the same ones: near the places where its
 * literals occur, or else near `places` (relative to p0, in order: there
 * are n of them, and a match starts at or before one of them, on its line
 * or re->max_breaks lines above), or everywhere. */
sm_status sm_find_matches(const sm_regex *re, sm_scratch *s,
                          const sm_doc *doc, size_t p0, size_t p1,
                          const sm_trigger_hit *places, size_t n,
                          size_t limit, sm_spans *out, sm_error *err)
{
    bool oom = false;
    if (occurrences(re, s, doc, p0, &oom))
        return find_near(re, s, doc->text, p0, p1, limit, out, err);
    if (oom)
        return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0, "out of memory");
    if (s->plain && re->max_breaks >= 0 && n > 0) {
        size_t top = sm_doc_line_of(doc, p0);
        s->nwin = 0;
        for (size_t i = 0; i < n; i++)
            if (!add_window(s, re, doc, p0, top, places[i].place, 0,
                            SM_OFF_ANY))
                return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0,
                               "out of memory");
        return find_near(re, s, doc->text, p0, p1, limit, out, err);
    }
    /* a match starts at or before the last place of any factor's literals */
    if (s->plain && re->bound != SM_NO_FACTOR) {
        size_t last = 0, np;
        for (size_t i = re->bound; i < re->nlits && re->lits[i]; i++) {
            const uint32_t *p =
                sm_litscan_places(&s->scan, re->lit_id[i], &np);
            if (np && p[np - 1] > last)
                last = p[np - 1];
        }
        if (last < limit)
            limit = last;
    }
    return sm_find_all(re, s, doc->text, p0, p1, 0, limit, out, err);
}
