/* posting.c - a job posting -> the skills it asks for, each required or
 * preferred (the `job:` key of the rules says how; rules/job.yaml), with
 * the line that asks, the level it claims and the years it asks (lint).
 *
 * The posting is analysed as a resume is (sm_analyze): the same patterns,
 * exclusions, negations and hedges. Its lines are then classed once, in
 * one pass: headings open a required or a preferred stretch, inline
 * labels class their own line, and the sentences that hold a preferred
 * phrase become preferred spans. Each accepted mention takes the class of
 * its place; a skill is required when any mention of it is. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

enum { MAX_LINE_TEXT = 240, MAX_HEADING = 80 };

typedef struct {
    int la, ca, lb, cb;          /* from (la, ca) to before (lb, cb) */
    size_t cue;                  /* offset of the phrase */
    size_t cue_len;
} pref_span;

typedef struct {
    const sm_rules *r;
    const sm_job_rules *jr;
    sm_scratch *s;
    const sm_doc *doc;
    const char *t;
    size_t len;
    int nlines;                  /* original lines, 1-based */
    unsigned char *kind;         /* per line: 0 default, else sm_ask_kind */
    int *head;                   /* per line: the heading that classes it */
    size_t *start;               /* per line: its normalized offset + 1 */
    pref_span *spans;
    size_t nspans, capspans;
    bool structured;             /* a heading or phrase was found */
    sm_job *job;
    size_t capasks;
    sm_error *err;
} posting_ctx;

static sm_status oom(posting_ctx *c)
{
    return sm_fail(c->err, SM_ERR_NOMEM, c->doc->name, 0, 0, "out of memory");
}

static int line_of(const posting_ctx *c, size_t off, int *col)
{
    int line, cl;
    sm_doc_position(c->doc, off, &line, &cl);
    if (col)
        *col = cl;
    return line < 1 ? 1 : line > c->nlines ? c->nlines : line;
}

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r';
}

/* ---- lines: headings and labels ---- */

/* The text of line [a, b) without markdown '#', bullets, numbering and
 * emphasis around it or a final colon. *bullet: it was a list item. */
static void strip_line(const char *t, size_t *a, size_t *b, bool *bullet,
                       bool *hash, bool *colon)
{
    size_t i = *a, j = *b;
    *bullet = *hash = *colon = false;
    while (i < j && is_space(t[i]))
        i++;
    while (i < j && t[i] == '#') {
        *hash = true;
        i++;
    }
    if (i + 1 < j && strchr("*-+", t[i]) && t[i + 1] == ' ') {
        *bullet = true;
        i += 2;
    } else if (i < j && sm_is_digit((unsigned char)t[i])) {
        size_t k = i;
        while (k < j && sm_is_digit((unsigned char)t[k]))
            k++;
        if (k < j && (t[k] == '.' || t[k] == ')') && k + 1 < j &&
            t[k + 1] == ' ') {
            *bullet = true;
            i = k + 2;
        }
    }
    while (i < j && (is_space(t[i]) || t[i] == '*' || t[i] == '_'))
        i++;
    while (j > i && (is_space(t[j - 1]) || t[j - 1] == '*' ||
                     t[j - 1] == '_' || t[j - 1] == ':')) {
        if (t[j - 1] == ':')
            *colon = true;
        j--;
    }
    *a = i;
    *b = j;
}

/* Which kind of heading, if any, line [a, b) is: 1 a whole heading, 2 an
 * inline label ("Nice to have: Kafka"), 0 none; its kind in *kind. */
static int heading(posting_ctx *c, size_t a, size_t b, size_t line_end,
                   sm_ask_kind *kind, sm_status *st)
{
    for (int k = SM_ASK_REQUIRED; k <= SM_ASK_PREFERRED; k++) {
        for (size_t i = 0; i < c->jr->nheads[k]; i++) {
            size_t ms, me;
            int rc = sm_regex_find(&c->jr->heads[k][i], c->s, c->t + a,
                                   line_end - a, 0, &ms, &me, c->err);
            if (rc < 0) {
                *st = SM_ERR_MATCH;
                return 0;
            }
            if (!rc)
                continue;
            *kind = (sm_ask_kind)k;
            size_t e = a + me;
            while (e < line_end && is_space(c->t[e]))
                e++;
            if (e >= b)
                return 1;
            /* label: a colon, then the rest of the line (emphasis may
             * close first: "**Bonus:** Go") */
            while (e < line_end && (c->t[e] == '*' || c->t[e] == '_'))
                e++;
            return e < line_end && c->t[e] == ':' ? 2 : 0;
        }
    }
    return 0;
}

static sm_status class_lines(posting_ctx *c)
{
    int cur = 0, cur_head = 0;
    sm_status st = SM_OK;
    for (size_t p = 0; p <= c->len && st == SM_OK;) {
        const char *nl = memchr(c->t + p, '\n', c->len - p);
        size_t e = nl ? (size_t)(nl - c->t) : c->len;
        SM_WORK(e - p + 1);
        int line = line_of(c, p, NULL);
        if (!c->start[line])
            c->start[line] = p + 1;
        size_t a = p, b = e;
        bool bullet, hash, colon;
        strip_line(c->t, &a, &b, &bullet, &hash, &colon);
        int kind = cur, head = cur_head;
        if (b > a) {
            sm_ask_kind k = SM_ASK_REQUIRED;
            int h = b - a <= MAX_HEADING || colon
                        ? heading(c, a, b, e, &k, &st) : 0;
            if (h == 1) {
                cur = kind = (int)k;
                cur_head = head = line;
                c->structured = true;
            } else if (h == 2) {
                kind = (int)k;
                head = line;
                c->structured = true;
            } else if (!bullet && (hash || (colon && b - a <= 60 &&
                                            !memchr(c->t + a, '.', b - a)))) {
                cur = kind = 0;      /* a heading of some other stretch */
                cur_head = head = 0;
            }
        }
        if (!c->kind[line]) {
            c->kind[line] = (unsigned char)kind;
            c->head[line] = head;
        }
        p = e + 1;
    }
    return st;
}

/* ---- sentences that hold a preferred phrase ---- */

/* Does a sentence end at t[i]? At . ! ? ; before a space and a capital
 * (so that "e.g. Spark" goes on), or the end of a line when the next one
 * does not go on in lower case. */
static bool sentence_end(const char *t, size_t len, size_t i)
{
    char ch = t[i];
    if (ch == '\n') {
        size_t k = i + 1;
        while (k < len && is_space(t[k]))
            k++;
        return k >= len || !(t[k] >= 'a' && t[k] <= 'z');
    }
    if (ch == ';')
        return true;
    if (ch == '.' || ch == '!' || ch == '?') {
        if (i + 1 >= len || t[i + 1] == '\n')
            return true;
        return t[i + 1] == ' ' && i + 2 < len &&
               ((t[i + 2] >= 'A' && t[i + 2] <= 'Z') || t[i + 2] == '\n');
    }
    return false;
}

static int span_cmp(const void *x, const void *y)
{
    const pref_span *a = x, *b = y;
    if (a->la != b->la)
        return a->la < b->la ? -1 : 1;
    if (a->ca != b->ca)
        return a->ca < b->ca ? -1 : 1;
    return 0;
}

/* Every match of each phrase, grown to its sentence. Matches inside the
 * last sentence found are skipped and each scan back stops where that
 * sentence ended, so that a pass is linear in the text. */
static sm_status find_spans(posting_ctx *c)
{
    for (size_t q = 0; q < c->jr->ncues; q++) {
        size_t pos = 0, last = 0, ms, me;
        int rc;
        while ((rc = sm_regex_find(&c->jr->cues[q], c->s, c->t, c->len, pos,
                                   &ms, &me, c->err)) > 0) {
            pos = me > ms ? me : ms + 1;
            if (ms < last)
                continue;
            size_t a = ms, b = me;
            while (a > last && !sentence_end(c->t, c->len, a - 1))
                a--;
            while (b < c->len && !sentence_end(c->t, c->len, b))
                b++;
            SM_WORK(b - a);
            last = b;
            /* "X is a plus" covers its sentence; "familiarity with X"
             * what follows it */
            size_t k = me;
            while (k < b && !sm_is_alnum((unsigned char)c->t[k]))
                k++;
            if (k < b)
                a = ms;
            pref_span *sp = SM_PUSH(c->spans, c->nspans, c->capspans);
            if (!sp)
                return oom(c);
            sp->la = line_of(c, a, &sp->ca);
            sp->lb = line_of(c, b, &sp->cb);
            if (b >= c->len)         /* to the end: past the last column */
                sp->cb = 1 << 30;
            sp->cue = ms;
            sp->cue_len = me - ms;
            c->structured = true;
            if (pos > c->len)
                break;
        }
        if (rc < 0)
            return SM_ERR_MATCH;
    }
    if (c->nspans > 1)
        sm_sort(c->spans, c->nspans, sizeof *c->spans, span_cmp);
    SM_WORK(c->nspans);
    return SM_OK;
}

/* The preferred span at line:col, or NULL. Spans are sorted by start; one
 * that starts later cannot hold it, and spans of different phrases may
 * overlap, so the few before are looked at back to the first that ends
 * before the line. */
static const pref_span *span_at(const posting_ctx *c, int line, int col)
{
    size_t lo = 0, hi = c->nspans;
    while (lo < hi) {            /* the first span starting after */
        size_t mid = (lo + hi) / 2;
        const pref_span *s = &c->spans[mid];
        if (s->la < line || (s->la == line && s->ca <= col))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo, seen = 0; i-- > 0 && seen < 8; seen++) {
        const pref_span *s = &c->spans[i];
        if (s->lb > line || (s->lb == line && s->cb > col))
            return s;
    }
    return NULL;
}

/* ---- the asks ---- */

static char *dup_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static char *dup_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

/* Line `line`'s text, trimmed and cut at MAX_LINE_TEXT bytes (whole UTF-8
 * characters). */
static char *line_text(const posting_ctx *c, int line)
{
    if (line < 1 || line > c->nlines || !c->start[line])
        return sm_strdup("");
    size_t a = c->start[line] - 1, b = a;
    while (b < c->len && c->t[b] != '\n')
        b++;
    while (a < b && (is_space(c->t[a]) || c->t[a] == '*' || c->t[a] == '-' ||
                     c->t[a] == '#'))
        a++;
    while (b > a && is_space(c->t[b - 1]))
        b--;
    if (b - a > MAX_LINE_TEXT) {
        b = a + MAX_LINE_TEXT;
        while (b > a && ((unsigned char)c->t[b] & 0xC0) == 0x80)
            b--;
    }
    return sm_strndup(c->t + a, b - a);
}

typedef struct {
    sm_ask a;
    size_t at;                   /* where it is named, normalized; or
                                    SIZE_MAX */
} placed_ask;

static int ask_cmp(const void *x, const void *y)
{
    const sm_ask *a = &((const placed_ask *)x)->a,
                 *b = &((const placed_ask *)y)->a;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Why a mention at this place asks as it does, in words. */
static char *why_of(posting_ctx *c, const sm_evidence *ev, sm_ask_kind kind,
                    const pref_span *sp)
{
    if (ev->context)
        return dup_printf("preferred: hedged by context rule %s",
                          ev->context);
    if (sp)
        return dup_printf("preferred: its sentence says \"%.*s\"",
                          (int)sp->cue_len, c->t + sp->cue);
    int line = ev->line < 1 ? 1 : ev->line > c->nlines ? c->nlines : ev->line;
    int h = c->head[line];
    if (h) {
        char *ht = line_text(c, h);
        char *w = ht ? dup_printf("%s: under \"%s\" (line %d)",
                                  sm_ask_kind_name(kind), ht, h)
                     : NULL;
        free(ht);
        return w;
    }
    if (!c->structured)
        return sm_strdup("required: the posting has no required or "
                         "preferred headings or phrases, so it asks for "
                         "everything it names");
    return sm_strdup("required: not under a preferred heading, label or "
                     "phrase");
}

/* Where on its line `text` is named (its first place), or SIZE_MAX. */
static size_t named_at(const posting_ctx *c, int line, const char *text)
{
    if (line < 1 || line > c->nlines || !c->start[line] || !*text)
        return SIZE_MAX;
    size_t a = c->start[line] - 1, b = a, k = strlen(text);
    while (b < c->len && c->t[b] != '\n')
        b++;
    for (size_t i = a; i + k <= b; i++)
        if (!memcmp(c->t + i, text, k))
            return i;
    return SIZE_MAX;
}

static bool same_family(const sm_job_rules *jr, const sm_rules *r,
                        const char *x, const char *y)
{
    const sm_skill *a, *b;
    HASH_FIND_STR(r->by_id, x, a);
    HASH_FIND_STR(r->by_id, y, b);
    for (size_t f = 0; a && b && f < jr->nfamilies; f++) {
        bool ha = false, hb = false;
        for (size_t i = 0; i < jr->families[f].n; i++) {
            ha |= jr->families[f].skills[i] == a->index;
            hb |= jr->families[f].skills[i] == b->index;
        }
        if (ha && hb)
            return true;
    }
    return false;
}

/* Are text[x..y) the words between two alternatives: an "or" or a slash,
 * and no end of a clause? ("TensorFlow or PyTorch", "AWS/GCP",
 * "Docker, Kubernetes or Podman") */
static bool alternatives_between(const char *t, size_t x, size_t y)
{
    bool alt = false;
    for (size_t i = x; i < y; i++) {
        if (t[i] == ';' || t[i] == '.' || t[i] == '\n' || t[i] == '(' ||
            t[i] == ')')
            return false;
        if (t[i] == '/' ||
            (i + 3 < y + 1 && i > x && t[i - 1] == ' ' &&
             (t[i] == 'o' || t[i] == 'O') && (t[i + 1] == 'r' ||
                                               t[i + 1] == 'R') &&
             t[i + 2] == ' '))
            alt = true;
    }
    return alt;
}

/* Asks of one family named on one line as alternatives of each other:
 * each gets the first of them as its `alt` (the first gets the second). */
static void find_alternatives(posting_ctx *c, placed_ask *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        v[i].a.alt = -1;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < n && v[i].a.alt < 0; k++) {
            if (k == i || v[k].a.line != v[i].a.line ||
                v[k].a.kind != v[i].a.kind || v[i].at == SIZE_MAX ||
                v[k].at == SIZE_MAX ||
                !same_family(c->jr, c->r, v[i].a.id, v[k].a.id))
                continue;
            size_t x = v[i].at < v[k].at ? v[i].at : v[k].at;
            size_t y = v[i].at < v[k].at ? v[k].at : v[i].at;
            if (alternatives_between(c->t, x, y))
                v[i].a.alt = (int)k;
        }
    }
}

static sm_status build_asks(posting_ctx *c, const sm_result *res)
{
    size_t n;
    const sm_skill_match *sk = sm_result_skills(res, &n);
    sm_job *j = c->job;
    placed_ask *tmp = calloc(n + 1, sizeof *tmp);
    if (!tmp || !(j->asks = calloc(n + 1, sizeof *j->asks)) ||
        !(j->texts = calloc(2 * n + 1, sizeof *j->texts))) {
        free(tmp);
        return oom(c);
    }
    for (size_t i = 0; i < n; i++) {
        const sm_skill_match *m = &sk[i];
        const sm_evidence *best = NULL;
        const pref_span *best_span = NULL;
        sm_ask_kind best_kind = SM_ASK_PREFERRED;
        for (size_t k = 0; k < m->n_evidence; k++) {
            const sm_evidence *ev = &m->evidence[k];
            if (ev->context && ev->strength < SM_SHOWN)
                continue;            /* "you will learn it here" */
            int line = ev->line < 1 ? 1 : ev->line > c->nlines ? c->nlines
                                                               : ev->line;
            const pref_span *sp = ev->context ? NULL
                                              : span_at(c, line, ev->col);
            sm_ask_kind kind = ev->context || sp ||
                                       c->kind[line] == SM_ASK_PREFERRED
                                   ? SM_ASK_PREFERRED : SM_ASK_REQUIRED;
            if (!best || kind < best_kind ||
                (kind == best_kind && (ev->line < best->line ||
                                       (ev->line == best->line &&
                                        ev->col < best->col)))) {
                best = ev;
                best_kind = kind;
                best_span = kind == SM_ASK_PREFERRED ? sp : NULL;
            }
        }
        if (!best)
            continue;
        const sm_skill_info *info = sm_rules_skill_find(c->r, m->id);
        tmp[j->nasks].at = named_at(c, best->line, best->text);
        sm_ask *a = &tmp[j->nasks].a;
        a->id = info ? info->id : m->id;
        a->name = info ? info->name : m->name;
        a->kind = best_kind;
        a->line = best->line;
        a->weight = c->jr->weight[best_kind];
        char *text = line_text(c, best->line);
        char *why = why_of(c, best, best_kind, best_span);
        j->texts[2 * j->nasks] = text;
        j->texts[2 * j->nasks + 1] = why;
        j->nasks++;
        if (!text || !why) {
            free(tmp);
            return oom(c);
        }
        a->text = text;
        a->why = why;
    }
    if (j->nasks > 1)
        qsort(tmp, j->nasks, sizeof *tmp, ask_cmp);
    find_alternatives(c, tmp, j->nasks);
    for (size_t i = 0; i < j->nasks; i++) {
        j->asks[i] = tmp[i].a;
        if (j->asks[i].kind == SM_ASK_REQUIRED)
            j->nreq++;
    }
    free(tmp);
    return SM_OK;
}

/* The level the posting claims and the years it asks, as lint reads a
 * draft; nothing when the rules have no lint checks. */
static sm_status lint_facts(posting_ctx *c)
{
    sm_job *j = c->job;
    j->level = SM_LEVEL_NONE;
    j->years_asked = j->years_asked_max = -1;
    if (!c->r->lint || !c->r->lint->nchecks)
        return SM_OK;
    sm_lint_result *lr = NULL;
    sm_status st = sm_lint(c->r, NULL, c->s, c->doc, NULL, &lr, c->err);
    if (st != SM_OK)
        return st;
    j->level = sm_lint_result_level(lr);
    j->years_asked = sm_lint_result_years_asked(lr, &j->years_asked_max);
    sm_lint_result_free(lr);
    return SM_OK;
}

sm_status sm_job_new(const sm_rules *rules, sm_scratch *s, const sm_doc *doc,
                     const sm_options *opt, sm_job **out, sm_error *err)
{
    posting_ctx c = {.r = rules, .jr = rules->job, .s = s, .doc = doc,
                     .err = err};
    sm_result *res = NULL;
    sm_status st;
    if (!c.jr)
        return sm_fail(err, SM_ERR_RULES, rules->dir, 0, 0, "the rules have "
                       "no 'job:' key (see rules/job.yaml): cannot match a "
                       "posting");
    c.t = sm_doc_text(doc, &c.len);
    int col;
    sm_doc_position(doc, c.len, &c.nlines, &col);
    if (c.nlines < 1)
        c.nlines = 1;
    c.kind = calloc((size_t)c.nlines + 2, 1);
    c.head = calloc((size_t)c.nlines + 2, sizeof *c.head);
    c.start = calloc((size_t)c.nlines + 2, sizeof *c.start);
    c.job = calloc(1, sizeof *c.job);
    if (!c.kind || !c.head || !c.start || !c.job ||
        !(c.job->file = sm_strdup(sm_doc_name(doc)))) {
        st = oom(&c);
        goto done;
    }
    c.job->rules = rules;
    if ((st = sm_analyze(rules, s, doc, opt, &res, err)) != SM_OK ||
        (st = lint_facts(&c)) != SM_OK || (st = class_lines(&c)) != SM_OK ||
        (st = find_spans(&c)) != SM_OK)
        goto done;
    st = build_asks(&c, res);
done:
    if (st == SM_ERR_MATCH && err && !err->file[0])
        snprintf(err->file, sizeof err->file, "%s", doc->name);
    sm_result_free(res);
    free(c.kind);
    free(c.head);
    free(c.start);
    free(c.spans);
    if (st != SM_OK) {
        sm_job_free(c.job);
        return st;
    }
    *out = c.job;
    return SM_OK;
}

void sm_job_free(sm_job *job)
{
    if (!job)
        return;
    for (size_t i = 0; i < 2 * job->nasks; i++)
        free(job->texts[i]);
    free(job->texts);
    free(job->asks);
    free(job->file);
    free(job);
}

const char *sm_job_file(const sm_job *job) { return job->file; }
sm_level sm_job_level(const sm_job *job) { return job->level; }

double sm_job_years_asked(const sm_job *job, double *max)
{
    if (max)
        *max = job->years_asked_max;
    return job->years_asked;
}

const sm_ask *sm_job_asks(const sm_job *job, size_t *n)
{
    *n = job->nasks;
    return job->asks;
}
