/* match.c - normalized text -> skill hits with evidence.
 *
 * The text is cut into paragraphs (blocks between blank lines). One pass of
 * the tokenizer over a paragraph looks every token and its words up in the
 * trigger index built at load; only the skills found there (and those
 * without triggers) run their patterns on that paragraph, and each only
 * where its literals say it can match (search.c). Exclusions drop
 * overlapping hits, context cues negate or hedge them, and a skill that
 * needs context counts only when something near it corroborates it. With
 * SM_ANALYZE_FULL_SCAN every skill runs everywhere: the result must be the
 * same. */
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "analyze/cues.h"
#include "analyze/sections.h"
#include "doc/doc.h"
#include "engine/engine.h"
#include "rules/rules.h"
#include "util/util.h"

enum { MAX_TOKEN = 64 };

/* Flag the skills whose trigger is key[0..len) (its hash: h), and note
 * where the token that holds it ends: a match overlaps a trigger word, so
 * it starts before the end of the skill's last one, and near one of them
 * (the places in s->thits; see find_near()). */
static void mark(sm_scratch *s, const sm_trigger_index *ix, uint64_t h,
                 const char *key, size_t len, size_t end)
{
    if (!(ix->filter[(h & 0xFFFF) / 64] >> (h & 63) & 1))
        return;
    for (size_t i = (size_t)h & ix->mask; ix->slots[i].key;
         i = (i + 1) & ix->mask) {
        const sm_trigger_slot *t = &ix->slots[i];
        if (t->hash == h && t->len == len && !memcmp(t->key, key, len)) {
            for (size_t k = 0; k < t->n; k++) {
                sm_trigger_hit *th = SM_PUSH(s->thits, s->nthits,
                                             s->capthits);
                if (th)
                    *th = (sm_trigger_hit){t->skills[k], end - 1};
                else
                    s->thits_lost = true;
                s->cand[t->skills[k]] = 1;
                s->cand_end[t->skills[k]] = end;
            }
            return;
        }
    }
}

static int thit_cmp(const void *a, const void *b)
{
    const sm_trigger_hit *x = a, *y = b;
    if (x->skill != y->skill)
        return x->skill < y->skill ? -1 : 1;
    return x->place < y->place ? -1 : x->place > y->place;
}

/* Flag in s->cand the skills whose triggers occur in text[0..len), and
 * in s->cand_end where their last trigger ends (SIZE_MAX: anywhere). */
static void find_candidates(const sm_rules *r, sm_scratch *s, const char *text,
                            size_t len)
{
    s->nthits = 0;
    s->thits_lost = false;
    size_t pos = 0;
    SM_WORK(len);
    sm_token tok;
    char buf[MAX_TOKEN], wbuf[MAX_TOKEN];
    while (sm_token_next(text, len, &pos, &tok)) {
        const unsigned char *p = (const unsigned char *)text + tok.start;
        size_t end = tok.start + tok.len, n = tok.len, w = 0;
        /* One pass: the whole token (c++, ci/cd), each word of it
         * (scikit-learn: scikit, learn), and each prefix of a word that a
         * trigger ends with *; words over the whole token, however long:
         * text with no spaces (CJK) is one token. A short token's words
         * are keyed in place; a long one's are copied to wbuf. */
        bool whole = n <= MAX_TOKEN, inword = false, any = r->prefix_short;
        uint64_t lens = 0;           /* prefix lengths to look up */
        uint64_t ht = SM_FNV_BASIS, hw = SM_FNV_BASIS;
        char *key = buf;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = sm_lower(p[i]);
            if (whole) {
                buf[i] = (char)c;
                ht = (ht ^ c) * SM_FNV_PRIME;
            }
            if (!sm_is_alnum(c)) {
                /* no trigger is longer than MAX_TOKEN */
                if (inword && i - w <= MAX_TOKEN)
                    mark(s, &s->exact, hw, key, i - w, end);
                inword = false;
                continue;
            }
            if (!inword) {
                inword = true;
                w = i;
                hw = SM_FNV_BASIS;
                key = whole ? buf + w : wbuf;
                /* a prefix trigger can end in this word only when the
                 * word starts as one does, and has its length */
                int c2 = w + 1 < n ? sm_alnum36(sm_lower(p[w + 1])) : -1;
                lens = c2 < 0 ? 0
                              : r->prefix_lens2[sm_alnum36(c) * 36 + c2];
                if (any)
                    lens = r->prefix_lens;
            }
            if (!whole && i - w < MAX_TOKEN)
                wbuf[i - w] = (char)c;
            hw = (hw ^ c) * SM_FNV_PRIME;
            if (lens && i + 1 - w < 64 && (lens >> (i + 1 - w) & 1))
                mark(s, &s->prefix, hw, key, i + 1 - w, end);
        }
        if (inword && w > 0 && n - w <= MAX_TOKEN)   /* the last word */
            mark(s, &s->exact, hw, key, n - w, end);
        if (whole)
            mark(s, &s->exact, ht, buf, n, end);
    }
    for (size_t i = 0; i < r->nuntriggered; i++) {
        s->cand[r->untriggered[i]] = 1;
        s->cand_end[r->untriggered[i]] = SIZE_MAX;
    }
    /* each skill's trigger places together, in order, once each: they
     * came in order, so a counting sort by skill does */
    if (s->nthits > 1 && !s->thits_lost) {
        size_t n = s->nthits, *at = s->skill_at;
        if (!sm_grow((void **)&s->thits, &s->capthits, 2 * n,
                     sizeof *s->thits)) {
            s->thits_lost = true;      /* then every skill is searched whole */
            return;
        }
        sm_trigger_hit *v = s->thits, *sorted = v + n;
        memset(at, 0, (r->nskills + 1) * sizeof *at);
        for (size_t i = 0; i < n; i++)
            at[v[i].skill + 1]++;
        for (size_t k = 1; k <= r->nskills; k++)
            at[k] += at[k - 1];
        for (size_t i = 0; i < n; i++)
            sorted[at[v[i].skill]++] = v[i];
        size_t w = 0;
        for (size_t i = 0; i < n; i++)
            if (!w || thit_cmp(&v[w - 1], &sorted[i]))
                v[w++] = sorted[i];
        s->nthits = w;
    }
}

/* Does a clause end before t[i]? At . ; ! ? and at a line break, unless
 * the next line goes on in lower case (a wrapped sentence). */
static bool boundary(const char *t, size_t i, size_t hi)
{
    if (t[i] == '\n')
        return !(i + 1 < hi && t[i + 1] >= 'a' && t[i + 1] <= 'z');
    return t[i] == '.' || t[i] == ';' || t[i] == '!' || t[i] == '?';
}

/* The places of the paragraph [lo, hi) where a clause ends (boundary()),
 * in order, into s->bounds: found once, for all the hits there. */
static bool clause_bounds(sm_scratch *s, const char *t, size_t lo, size_t hi)
{
    static const bool MAY_END[256] = {['.'] = 1, [';'] = 1, ['!'] = 1,
                                      ['?'] = 1, ['\n'] = 1};
    s->nbounds = 0;
    for (size_t i = lo; i < hi; i++)
        if (MAY_END[(unsigned char)t[i]] && boundary(t, i, hi)) {
            size_t *b = SM_PUSH(s->bounds, s->nbounds, s->capbounds);
            if (!b)
                return false;
            *b = i;
        }
    return true;
}

/* The index in s->bounds of the first boundary at or after `at`. */
static size_t bound_at(const sm_scratch *s, size_t at)
{
    size_t lo = 0, hi = s->nbounds;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->bounds[mid] < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The clause around a hit: back to the last boundary (at most `window`
 * bytes), and forward likewise. */
static size_t clause_start(const sm_scratch *s, size_t lo, size_t at,
                           int window)
{
    size_t limit = at > lo + (size_t)window ? at - (size_t)window : lo;
    size_t k = bound_at(s, at);      /* the last one before at: k - 1 */
    return k > 0 && s->bounds[k - 1] + 1 > limit ? s->bounds[k - 1] + 1
                                                 : limit;
}

static size_t clause_end(const sm_scratch *s, size_t hi, size_t at,
                         int window)
{
    size_t limit = at + (size_t)window < hi ? at + (size_t)window : hi;
    size_t k = bound_at(s, at);
    return k < s->nbounds && s->bounds[k] < limit ? s->bounds[k] : limit;
}

/* Where, in a plain paragraph, the literals of each context cue's first
 * factor that the index knows are: start to end, by start, for
 * cue_in_clause(). A cue with none known, or one that cannot match in the
 * paragraph at all, gets none. False when out of memory. */
static bool cue_places(const sm_rules *r, sm_scratch *s)
{
    s->ncue_lits = 0;
    for (size_t q = 0; q < s->ncue; q++) {
        const sm_regex *re = q < r->nnegations
                                 ? &r->negations[q].re
                                 : &r->hedges[q - r->nnegations].re;
        size_t f = re->bound, at = s->ncue_lits;
        s->cue_at[q] = at;
        s->cue_known[q] = false;
        if (!s->plain || !s->cue_ok[q] || f == SM_NO_FACTOR)
            continue;
        s->cue_known[q] = true;
        for (size_t i = f; i < re->nlits && re->lits[i]; i++) {
            size_t n, len = strlen(re->lits[i]);
            const uint32_t *p = sm_litscan_places(&s->scan, re->lit_id[i], &n);
            for (size_t j = 0; j < n; j++) {
                sm_window *w = SM_PUSH(s->cue_lits, s->ncue_lits,
                                       s->capcue_lits);
                if (!w)
                    return false;
                *w = (sm_window){p[j], p[j] + len};
            }
        }
        if (s->ncue_lits - at > 1)
            sm_sort(s->cue_lits + at, s->ncue_lits - at, sizeof *s->cue_lits,
                    sm_window_cmp);
    }
    s->cue_at[s->ncue] = s->ncue_lits;
    return true;
}

/* Can cue q match with [b, e) (relative to the paragraph) as its subject?
 * Not when no literal of its first known factor is wholly inside. */
static bool cue_in_clause(const sm_scratch *s, size_t q, size_t b, size_t e)
{
    if (!s->cue_known[q])
        return true;
    const sm_window *v = s->cue_lits + s->cue_at[q];
    size_t n = s->cue_at[q + 1] - s->cue_at[q], lo = 0, hi = n;
    while (lo < hi) {                /* the first that starts at or after b */
        size_t mid = (lo + hi) / 2;
        if (v[mid].lo < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && v[lo].lo < e; lo++)
        if (v[lo].hi <= e)
            return true;
    return false;
}

/* Does cue q (negations, then hedges) match the clause text before (ending
 * at the hit) or after (starting at the hit's end)? Not when it cannot
 * match in the paragraph, or its literals are not in the clause. */
static int cue_matches(const sm_cue *c, sm_scratch *s, size_t q,
                       const char *t, size_t p0, size_t b, size_t e,
                       sm_error *err)
{
    size_t ms, me;
    if (!s->cue_ok[q] || !cue_in_clause(s, q, b - p0, e - p0))
        return 0;
    return sm_regex_find(&c->re, s, t + b, e - b, 0, &ms, &me, err);
}

static int span_cmp(const void *a, const void *b)
{
    const sm_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Sort spans and merge those that overlap or touch, so that overlaps()
 * can search them: a paragraph of megabytes may hold a million hits. */
static void spans_merge(sm_spans *v)
{
    size_t w = 0;
    sm_sort(v->v, v->n, sizeof *v->v, span_cmp);
    for (size_t i = 0; i < v->n; i++) {
        if (w && v->v[i].start <= v->v[w - 1].end) {
            if (v->v[i].end > v->v[w - 1].end)
                v->v[w - 1].end = v->v[i].end;
        } else {
            v->v[w++] = v->v[i];
        }
    }
    v->n = w;
}

/* Does [a, b) overlap one of the sorted, disjoint spans of v? */
static bool overlaps(const sm_spans *v, size_t a, size_t b)
{
    size_t lo = 0, hi = v->n;
    while (lo < hi) {   /* the first span that ends after a */
        size_t mid = (lo + hi) / 2;
        if (v->v[mid].end <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < v->n && v->v[lo].start < b;
}

enum { LIST_GAP = 24 };   /* the most listed_together() lets between */

/* Between two hits on one line there is only a list separator and a few
 * words: "Python, R, SQL", "R / Python", "SQL and R". */
static bool listed_together(const char *t, size_t a_end, size_t b_start)
{
    if (b_start < a_end || b_start - a_end > LIST_GAP)
        return false;
    for (size_t i = a_end; i < b_start; i++) {
        if (t[i] == '\n')
            return false;
        if (strchr(",|/;(", t[i]))
            return true;
    }
    return false;
}

/* The paragraph's hits of skills that need no context, as spans sorted by
 * start and, separately, by end: corroboration looks only at hits a few
 * bytes away, found by binary search. */
typedef struct {
    sm_spans by_start, by_end;
} neighbours;

static int span_end_cmp(const void *a, const void *b)
{
    const sm_span *x = a, *y = b;
    return x->end < y->end ? -1 : x->end > y->end;
}

static sm_status neighbours_build(const sm_rules *r, const sm_hits *all,
                                  size_t from, neighbours *nb, sm_error *err)
{
    for (size_t i = from; i < all->n; i++) {
        const sm_hit *o = &all->hits[i];
        if (r->skills[o->skill].info.needs_context)
            continue;
        sm_span *a = SM_PUSH(nb->by_start.v, nb->by_start.n, nb->by_start.cap);
        sm_span *b = a ? SM_PUSH(nb->by_end.v, nb->by_end.n, nb->by_end.cap)
                    : NULL;
        if (!b)
            return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0, "out of memory");
        a->start = b->start = o->start;
        a->end = b->end = o->end;
    }
    if (nb->by_start.n > 1) {
        sm_sort(nb->by_start.v, nb->by_start.n, sizeof *nb->by_start.v,
                span_cmp);
        sm_sort(nb->by_end.v, nb->by_end.n, sizeof *nb->by_end.v,
                span_end_cmp);
    }
    return SM_OK;
}

/* Index of the first span whose key (start, or end) is >= x. */
static size_t first_at(const sm_spans *v, bool by_end, size_t x)
{
    size_t lo = 0, hi = v->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((by_end ? v->v[mid].end : v->v[mid].start) < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool corroborated(const sm_rules *r, sm_scratch *s, const sm_doc *doc,
                         const neighbours *nb, const sm_hit *h,
                         size_t p0, size_t p1, sm_error *err, bool *failed)
{
    const char *t = doc->text;
    /* a hit that ends just before this one, or starts just after it */
    size_t lo = h->start > LIST_GAP ? h->start - LIST_GAP : 0;
    for (size_t i = first_at(&nb->by_end, true, lo);
         i < nb->by_end.n && nb->by_end.v[i].end <= h->start; i++)
        if (listed_together(t, nb->by_end.v[i].end, h->start))
            return true;
    for (size_t i = first_at(&nb->by_start, false, h->end);
         i < nb->by_start.n && nb->by_start.v[i].start <= h->end + LIST_GAP;
         i++)
        if (listed_together(t, h->end, nb->by_start.v[i].start))
            return true;
    size_t b = h->start > p0 + (size_t)r->context_window
                   ? h->start - (size_t)r->context_window : p0;
    size_t e = h->end + (size_t)r->context_window < p1
                   ? h->end + (size_t)r->context_window : p1;
    /* stay on the hit's line */
    for (size_t i = h->start; i > b; i--)
        if (t[i - 1] == '\n') {
            b = i;
            break;
        }
    for (size_t i = h->end; i < e; i++)
        if (t[i] == '\n') {
            e = i;
            break;
        }
    for (size_t i = 0; i < r->ncorroborations; i++) {
        sm_spans sp = {0};
        if (sm_find_all(&r->corroborations[i], s, t, b, e, 0, SIZE_MAX, &sp,
                     err) != SM_OK) {
            free(sp.v);
            *failed = true;
            return false;
        }
        bool hit = false;
        for (size_t j = 0; j < sp.n; j++)   /* the cue is not the hit itself */
            if (sp.v[j].end <= h->start || sp.v[j].start >= h->end)
                hit = true;
        free(sp.v);
        if (hit)
            return true;
    }
    return false;
}

static void trace_out(sm_trace_cb trace, void *ud, int only, const sm_hit *h,
                      sm_cand_status st, const char *why)
{
    if (trace && (only < 0 || only == h->skill))
        trace(h, st, why, ud);
}

/* A PCRE2 failure (match or depth limit, JIT stack) names the document
 * and the rule whose pattern failed; the pattern's own place in the rules
 * follows in the message. */
static sm_status match_error(const sm_doc *doc, const char *id,
                             const char *what, sm_error *err)
{
    if (err && err->code == SM_ERR_MATCH) {
        char msg[sizeof err->msg];
        if (err->line > 0)
            snprintf(msg, sizeof msg, "%s '%.64s': %.240s (%.160s:%d:%d)", what, id,
                     err->msg, err->file, err->line, err->col);
        else
            snprintf(msg, sizeof msg, "%s '%.64s': %.400s", what, id, err->msg);
        snprintf(err->msg, sizeof err->msg, "%s", msg);
        snprintf(err->file, sizeof err->file, "%s", doc->name);
        err->line = err->col = 0;
    }
    return SM_ERR_MATCH;
}

/* Does h only add to the count of its skill's last hit (see sm_hits)?
 * Otherwise it becomes that last hit. */
/* The segment of offset ln: how many breaks are at or before it. */
static size_t segment_of(const sm_hits *out, size_t ln)
{
    size_t lo = 0, hi = out->nbreaks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (out->breaks[mid] <= ln)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool merged(sm_hits *out, const sm_hit *h)
{
    if (!out->merge)
        return false;
    size_t k = (size_t)h->skill;
    sm_hit *prev = out->last[k] ? &out->hits[out->last[k] - 1] : NULL;
    if (prev && out->kept[k] >= SM_EVIDENCE_MAX &&
        prev->strength == h->strength && prev->context == h->context &&
        prev->section == h->section && prev->count < UINT32_MAX &&
        segment_of(out, prev->start) == segment_of(out, h->start)) {
        prev->count++;
        return true;
    }
    return false;
}

static sm_status match_paragraph(const sm_rules *r, sm_scratch *s,
                                 const sm_doc *doc, const sm_sections *sections,
                                 size_t p0, size_t p1, unsigned flags,
                                 int only, sm_trace_cb trace, void *ud,
                                 sm_hits *out, sm_error *err)
{
    const char *t = doc->text;
    sm_status st = SM_OK;
    sm_spans found = {0}, excl = {0}, prev = {0};
    neighbours nb = {{0}, {0}};
    size_t first = out->n;
    bool bounds_known = false;       /* s->bounds is this paragraph's */

    bool full = flags & SM_ANALYZE_FULL_SCAN;
    const sm_litscan *lits = full ? NULL : &s->scan;
    if (full) {
        memset(s->cand, 1, r->nskills);
        s->plain = false;            /* no places known */
    } else {
        find_candidates(r, s, t + p0, p1 - p0);
        s->plain = sm_litscan_run(&r->lits, &s->scan, t + p0, p1 - p0);
    }
    /* which context cues can match in this paragraph at all */
    unsigned char *hedge_ok = s->cue_ok + r->nnegations;
    for (size_t q = 0; q < r->nnegations; q++)
        s->cue_ok[q] = !lits || sm_regex_may_match(&r->negations[q].re, lits);
    for (size_t q = 0; q < r->nhedges; q++)
        hedge_ok[q] = !lits || sm_regex_may_match(&r->hedges[q].re, lits);
    if (!cue_places(r, s))
        st = sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");

    bool weak_possible = sm_context_weak_possible(r, t, p0, p1);
    size_t ti = 0;                   /* into s->thits, by skill */
    for (size_t k = 0; k < r->nskills && st == SM_OK; k++) {
        if (!s->cand[k])
            continue;
        s->cand[k] = 0;
        const sm_skill *sk = &r->skills[k];
        while (ti < s->nthits && s->thits[ti].skill < (int)k)
            ti++;
        /* (no trigger hits at all: thits may be NULL) */
        const sm_trigger_hit *places = s->nthits ? s->thits + ti : NULL;
        size_t nplaces = 0;
        while (!full && !s->thits_lost && ti + nplaces < s->nthits &&
               s->thits[ti + nplaces].skill == (int)k)
            nplaces++;
        size_t skill_first = out->n;
        /* Every pattern's matches first, each pattern skipped where its
         * literals are missing and stopped after the skill's last trigger
         * word; then the exclusions, which need run only as far as the
         * last match. */
        found.n = 0;
        for (size_t pi = 0; pi < sk->npats && st == SM_OK; pi++) {
            const sm_regex *re = &sk->pats[pi];
            size_t n0 = found.n;
            if (lits && !sm_regex_may_match(re, lits))
                continue;
            st = full ? sm_find_all(re, s, t, p0, p1, 0, SIZE_MAX, &found, err)
                      : sm_find_matches(re, s, doc, p0, p1, places, nplaces,
                                     s->cand_end[k], &found, err);
            if (st != SM_OK) {
                match_error(doc, sk->info.id, "skill", err);
                break;
            }
            for (size_t fi = n0; fi < found.n; fi++)
                found.v[fi].pattern = (int)pi;
        }
        if (st != SM_OK || !found.n)
            continue;
        size_t last = 0;
        for (size_t fi = 0; fi < found.n; fi++)
            if (found.v[fi].end > last)
                last = found.v[fi].end;
        excl.n = 0;
        for (size_t x = 0; x < sk->nexcl && st == SM_OK; x++) {
            const sm_regex *re = &sk->excl[x];
            if (full)
                st = sm_find_all(re, s, t, p0, p1, 0, SIZE_MAX, &excl, err);
            else if (sm_regex_may_match(re, lits))
                st = sm_find_matches(re, s, doc, p0, p1, NULL, 0, last - p0,
                                  &excl, err);
        }
        if (st != SM_OK) {
            match_error(doc, sk->info.id, "skill", err);
            break;
        }
        spans_merge(&excl);
        for (size_t fi = 0; fi < found.n && st == SM_OK; fi++) {
            if (fi == 0 || found.v[fi].pattern != found.v[fi - 1].pattern) {
                /* the earlier patterns' hits of this skill, searchable */
                prev.n = 0;
                for (size_t j = skill_first; j < out->n && st == SM_OK; j++) {
                    sm_span *sp = SM_PUSH(prev.v, prev.n, prev.cap);
                    if (!sp)
                        st = sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0,
                                     "out of memory");
                    else
                        *sp = (sm_span){out->hits[j].start,
                                        out->hits[j].end, 0};
                }
                if (st != SM_OK)
                    break;
                spans_merge(&prev);
            }
            sm_hit h = {.skill = (int)k, .start = found.v[fi].start,
                        .end = found.v[fi].end,
                        .pattern = found.v[fi].pattern,
                        .strength = 1.0, .context = NULL, .count = 1};
            h.section = sm_section_at(sections, doc, h.start);
            /* one hit per place: a later pattern overlapping an
             * earlier hit of the same skill adds nothing */
            if (overlaps(&prev, h.start, h.end))
                continue;
            if (overlaps(&excl, h.start, h.end)) {
                trace_out(trace, ud, only, &h, SM_CAND_EXCLUDED,
                          "an exclusion of the skill matches here");
                continue;
            }
            if (!bounds_known &&
                !(bounds_known = clause_bounds(s, t, p0, p1))) {
                st = sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0,
                             "out of memory");
                break;
            }
            size_t cb = clause_start(s, p0, h.start, r->context_window);
            size_t ce = clause_end(s, p1, h.end, r->context_window);
            const sm_cue *neg = NULL;
            for (size_t q = 0; q < r->nnegations && !neg; q++) {
                const sm_cue *c = &r->negations[q];
                int rc = c->where
                             ? cue_matches(c, s, q, t, p0, h.end,
                                           ce, err)
                             : cue_matches(c, s, q, t, p0, cb,
                                           h.start, err);
                if (rc < 0) {
                    st = match_error(doc, c->id, "negation cue", err);
                    break;
                }
                if (rc)
                    neg = c;
            }
            if (st != SM_OK)
                break;
            if (neg) {
                trace_out(trace, ud, only, &h, SM_CAND_NEGATED, neg->id);
                continue;
            }
            for (size_t q = 0; q < r->nhedges && !sk->ignore_hedges;
                 q++) {
                const sm_cue *c = &r->hedges[q];
                int rc = c->where
                             ? cue_matches(c, s, r->nnegations + q, t, p0,
                                           h.end,
                                           ce, err)
                             : cue_matches(c, s, r->nnegations + q, t, p0,
                                           cb,
                                           h.start, err);
                if (rc < 0) {
                    st = match_error(doc, c->id, "hedge cue", err);
                    break;
                }
                if (rc && c->strength < h.strength) {
                    h.strength = c->strength;
                    h.context = c->id;
                }
            }
            if (st != SM_OK)
                break;
            /* a degree is the person's in the education section or where
             * it is phrased as one held; a weak cue ("familiar with")
             * keeps the mention, at less strength */
            if (sk->owned && !(flags & SM_MATCH_POSTING)) {
                const char *why;
                int rc = sm_context_owned(r, s, t, cb, h.start, h.end, ce,
                                          h.section, &why, err);
                if (rc < 0) {
                    st = match_error(doc, sk->info.id, "ownership cue for skill",
                                     err);
                    break;
                }
                if (!rc) {
                    trace_out(trace, ud, only, &h, SM_CAND_NEGATED, why);
                    continue;
                }
            }
            const char *weak_id;
            double weak = weak_possible
                              ? sm_context_weak(r, s, t, cb, h.start, h.end,
                                                ce, &weak_id, err)
                              : 1;
            if (weak < 0) {
                st = match_error(doc, sk->info.id, "weak cue for skill", err);
                break;
            }
            h.strength *= weak;
            h.strength *= sm_section_strength(r, h.section);
            sm_hit *slot = SM_PUSH(out->hits, out->n, out->cap);
            if (!slot) {
                st = sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0,
                             "out of memory");
                break;
            }
            *slot = h;
        }
    }
    /* A skill that needs context counts only when corroborated. */
    if (st == SM_OK)
        st = neighbours_build(r, out, first, &nb, err);
    size_t w = first;
    for (size_t i = first; i < out->n && st == SM_OK; i++) {
        sm_hit h = out->hits[i];
        if (r->skills[h.skill].info.needs_context) {
            bool failed = false;
            bool ok = corroborated(r, s, doc, &nb, &h, p0, p1, err, &failed);
            if (failed) {
                st = match_error(doc, r->skills[h.skill].info.id,
                                 "corroboration cue for skill", err);
                break;
            }
            if (!ok) {
                trace_out(trace, ud, only, &h, SM_CAND_UNCORROBORATED,
                          "nothing near it says it is this skill");
                continue;
            }
        }
        trace_out(trace, ud, only, &h, SM_CAND_ACCEPTED, NULL);
        if (merged(out, &h))
            continue;
        if (out->merge) {
            out->last[h.skill] = w + 1;
            out->kept[h.skill]++;
        }
        out->hits[w++] = h;
    }
    if (st == SM_OK)
        out->n = w;
    memset(s->cand, 0, r->nskills);
    free(found.v);
    free(excl.v);
    free(prev.v);
    free(nb.by_start.v);
    free(nb.by_end.v);
    return st;
}

static int hit_cmp(const void *a, const void *b)
{
    const sm_hit *x = a, *y = b;
    if (x->skill != y->skill)
        return x->skill < y->skill ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Where the piece of the paragraph [p0, end) that is matched at once ends.
 * A paragraph is matched whole up to SM_PIECE_MAX bytes; a longer one (a
 * resume flattened onto one line, a scrape) is cut, so that what matching
 * keeps per paragraph stays bounded. The cut is at the last line or clause
 * end (". ", "; ") of the piece's second half, else at its last space,
 * else between two characters: a piece ends where no skill, cue or clause
 * goes on. */
static size_t piece_end(const char *t, size_t p0, size_t end)
{
    if (end - p0 <= SM_PIECE_MAX)
        return end;
    size_t lo = p0 + SM_PIECE_MAX / 2, hi = p0 + SM_PIECE_MAX, sp = 0;
    for (size_t k = hi; k > lo; k--) {
        char c = t[k - 1];
        if (c == '\n' || ((c == '.' || c == ';' || c == '!' || c == '?') &&
                          t[k] == ' '))
            return k;
        if (!sp && c == ' ')
            sp = k;
    }
    if (sp)
        return sp;
    while (hi > lo && ((unsigned char)t[hi] & 0xC0) == 0x80)
        hi--;                        /* not inside a UTF-8 sequence */
    return hi;
}

sm_status sm_match_doc(const sm_rules *r, sm_scratch *s, const sm_doc *doc,
                       const sm_sections *sections, unsigned flags, int only,
                       sm_trace_cb trace, void *ud, sm_hits *out,
                       sm_error *err)
{
    const char *t = doc->text;
    size_t i = 0, n = doc->len;
    if (s->ncand < r->nskills || s->ncue < r->nnegations + r->nhedges)
        return sm_fail(err, SM_ERR_ARG, doc->name, 0, 0,
                       "scratch was made for other rules");
    while (i < n) {
        while (i < n && t[i] == '\n')
            i++;
        size_t p0 = i;
        for (;;) {                   /* to the next blank line, or the end */
            const char *nl = memchr(t + i, '\n', n - i);
            i = nl ? (size_t)(nl - t) : n;
            if (i >= n || (i + 1 < n && t[i + 1] == '\n'))
                break;
            i++;
        }
        for (size_t q0 = p0; q0 < i;) {
            size_t q1 = piece_end(t, q0, i);
            sm_status st = match_paragraph(r, s, doc, sections, q0, q1,
                                           flags, only, trace, ud, out, err);
            if (st != SM_OK) {
                if (err && !err->file[0])
                    snprintf(err->file, sizeof err->file, "%s", doc->name);
                return st;
            }
            q0 = q1;
        }
    }
    if (out->n > 1)   /* none: hits is NULL, which qsort() must not get */
        qsort(out->hits, out->n, sizeof *out->hits, hit_cmp);
    SM_WORK(out->n);
    return SM_OK;
}
