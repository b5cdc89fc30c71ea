/* prefilter.c - which words a pattern cannot match without, found once
 * when the pattern is compiled, and a cheap test for them in a paragraph.
 *
 * Most patterns a paragraph is searched with find nothing there: a skill's
 * trigger brings in all its patterns, and each has other words. So every
 * pattern gets the literals any match must contain, as factors that must
 * all be there, each satisfied by one of its literals: `\s+pruning(?!\w)`
 * needs "pruning"; `(?:github\s+actions|gitlab[\s-]ci)` needs "actions" or
 * "gitlab"; `models?\s+in\s+production` needs "model" and "production".
 * A small parser reads them from the pattern source; on any construct it
 * does not know it gives up and claims nothing. A pattern with a factor
 * none of whose literals is in a paragraph cannot match there and is not
 * run (litindex.c finds them all in one pass), so results do not change.
 *
 * Each literal also gets the bytes a match can hold before it, at least
 * and at most, so that the matcher can try a pattern only at the few
 * places where a match holding that occurrence of the literal could
 * start: `(?<!\w)models?\s+in\s+production` holds "model" at 0 and
 * "production" 9 to 10 bytes in. Those bounds hold in plain text (see
 * sm_litscan_run()): there an ASCII letter matches one byte. */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "util/util.h"

enum {
    MIN_LIT = 2,             /* one letter is everywhere */
    MAX_LIT = 48,
    MAX_SET = 48,            /* more alternatives cost more than they save */
    MAX_FACTORS = 8
};

/* One factor: a match holds one of these strings, v[i] at lo[i] to hi[i]
 * bytes from its start (SM_OFF_ANY: no bound). */
typedef struct {
    char **v;
    uint32_t *lo, *hi;
    size_t n;
} litset;

/* What a match must hold: every factor (none: nothing known); the most
 * line breaks it can hold; its length in bytes, at least and at most. */
typedef struct {
    litset *f;
    size_t n;
    unsigned nl;
    uint32_t len_min, len_max;
} need;

typedef struct {
    const char *p;
    bool bail;               /* a construct we do not know: claim nothing */
    bool dotall;             /* (?s) seen: '.' matches a line break */
} parser;

/* Line breaks: NL_MANY is "no bound"; NL_SPACE marks \s, which matches one
 * character of a run of white space, and in a paragraph of normalized
 * text (as sm_litscan_run() checks) every such run is one character. */
enum { NL_MANY = 1u << 20, NL_SPACE = NL_MANY + 1 };

static unsigned nl_add(unsigned a, unsigned b)
{
    return a + b >= NL_MANY ? NL_MANY : a + b;
}

/* Byte counts, SM_OFF_ANY meaning "no bound". */
static uint32_t len_add(uint32_t a, uint32_t b)
{
    return a >= SM_OFF_ANY - b ? SM_OFF_ANY : a + b;
}

static uint32_t len_mul(uint32_t a, unsigned long times)
{
    if (a == 0 || times == 0)
        return 0;
    if (a == SM_OFF_ANY || times >= NL_MANY ||
        (unsigned long long)a * times >= SM_OFF_ANY)
        return SM_OFF_ANY;
    return (uint32_t)(a * times);
}

static void set_free(litset *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    free(s->lo);
    free(s->hi);
    s->v = NULL;
    s->lo = s->hi = NULL;
    s->n = 0;
}

/* Room for n literals in s (true), or none at all (false). */
static bool set_reserve(litset *s, size_t n)
{
    char **v = realloc(s->v, n * sizeof *v);
    if (v)
        s->v = v;
    uint32_t *lo = v ? realloc(s->lo, n * sizeof *lo) : NULL;
    if (lo)
        s->lo = lo;
    uint32_t *hi = lo ? realloc(s->hi, n * sizeof *hi) : NULL;
    if (hi)
        s->hi = hi;
    return hi != NULL;
}

static void need_free(need *q)
{
    for (size_t i = 0; i < q->n; i++)
        set_free(&q->f[i]);
    free(q->f);
    q->f = NULL;
    q->n = 0;
}

static size_t set_minlen(const litset *s)
{
    size_t m = SIZE_MAX;
    for (size_t i = 0; i < s->n; i++)
        if (strlen(s->v[i]) < m)
            m = strlen(s->v[i]);
    return s->n ? m : 0;
}

/* Is a more selective than b (longer shortest literal, then fewer)? */
static bool better(const litset *a, const litset *b)
{
    size_t ma = set_minlen(a), mb = set_minlen(b);
    return ma > mb || (ma == mb && a->n < b->n);
}

/* Add factor *s to q (taking it), or free it when it cannot be tested;
 * past MAX_FACTORS the least selective one goes. */
static void need_add(parser *ps, need *q, litset *s)
{
    if (!s->n || set_minlen(s) < MIN_LIT) {
        set_free(s);
        return;
    }
    litset *f = realloc(q->f, (q->n + 1) * sizeof *f);
    if (!f) {
        ps->bail = true;
        set_free(s);
        return;
    }
    q->f = f;
    size_t i = q->n++;               /* most selective first */
    while (i > 0 && better(s, &q->f[i - 1])) {
        q->f[i] = q->f[i - 1];
        i--;
    }
    q->f[i] = *s;
    s->v = NULL;
    s->lo = s->hi = NULL;
    s->n = 0;
    if (q->n > MAX_FACTORS)
        set_free(&q->f[--q->n]);
}

/* The run of literal characters run[0..*rn), lo to hi bytes into the
 * match, as a factor of q. */
static void flush_run(parser *ps, need *q, char *run, size_t *rn, uint32_t lo,
                      uint32_t hi)
{
    if (*rn >= MIN_LIT) {
        litset one = {NULL, NULL, NULL, 0};
        if (set_reserve(&one, 1) && (one.v[0] = sm_strndup(run, *rn))) {
            one.lo[0] = lo;
            one.hi[0] = hi;
            one.n = 1;
        } else {
            ps->bail = true;
        }
        need_add(ps, q, &one);
    }
    *rn = 0;
}

/* Skip a character class (p is just after '['); true when it may match a
 * line break. *wide: it may match a character of more than one byte. */
static bool skip_class(parser *ps, bool *wide)
{
    static const char *const NO_BREAK[] = {
        "alpha", "digit", "alnum", "upper", "lower", "punct", "word",
        "xdigit", "blank", "graph", "print", NULL};
    const char *p = ps->p;
    bool nl = false;
    *wide = false;
    if (*p == '^') {
        nl = true;                   /* all but a few characters */
        *wide = true;
        p++;
    }
    if (*p == ']')
        p++;
    for (;;) {
        if (!*p) {
            ps->bail = true;
            return true;
        }
        if (*p == ']')
            break;
        if (*p == '\\') {
            p++;
            if (!*p || strchr("xopPcgkNQE", *p) || (*p >= '0' && *p <= '9')) {
                ps->bail = true;     /* escapes with arguments */
                return true;
            }
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
                nl |= !strchr("wdShV", *p);   /* \s \n \v \W, \t-\r ... */
                *wide |= !strchr("wdstnrfeab", *p);   /* \W \h \v ... */
            }
            *wide |= (unsigned char)*p >= 0x80;
            p++;
        } else if (p[0] == '[' && p[1] == ':') {
            const char *e = strstr(p + 2, ":]");
            if (!e) {
                ps->bail = true;
                return true;
            }
            bool known = false;
            for (const char *const *n = NO_BREAK; *n && !known; n++)
                known = (size_t)(e - p - 2) == strlen(*n) &&
                        !strncmp(p + 2, *n, strlen(*n));
            nl |= !known;
            p = e + 2;
        } else {
            nl |= (unsigned char)*p < 0x20;
            *wide |= (unsigned char)*p >= 0x80;
            p++;
        }
    }
    ps->p = p + 1;
    return nl;
}

/* A quantifier at ps->p, if any (false: none): its minimum and maximum
 * (NL_MANY: no bound) in *min, *max. */
static bool quantifier(parser *ps, unsigned long *min, unsigned long *max)
{
    const char *p = ps->p;
    *min = *max = 1;
    if (*p == '?' || *p == '*') {
        *min = 0;
        *max = *p == '?' ? 1 : NL_MANY;
        p++;
    } else if (*p == '+') {
        *max = NL_MANY;
        p++;
    } else if (*p == '{') {
        char *end;
        if (p[1] < '0' || p[1] > '9') {
            ps->bail = true;         /* "{" as a literal: not worth it */
            return false;
        }
        *min = *max = strtoul(p + 1, &end, 10);
        if (*end == ',') {
            end++;
            *max = *end == '}' ? NL_MANY : strtoul(end, &end, 10);
        }
        if (*max > NL_MANY)
            *max = NL_MANY;
        if (*end != '}') {
            ps->bail = true;
            return false;
        }
        p = end + 1;
    } else {
        return false;
    }
    if (*p == '?' || *p == '+')      /* lazy, possessive */
        p++;
    ps->p = p;
    return true;
}

static need parse_alt(parser *ps);

enum { A_LIT, A_GROUP, A_ZERO, A_OTHER };

/* One item of a sequence: a character, a group, an assertion, ...; in
 * *nl the most line breaks one copy of it matches, in *lmin and *lmax the
 * fewest and most bytes. */
static int atom(parser *ps, char *lit, need *group, unsigned *nl,
                uint32_t *lmin, uint32_t *lmax)
{
    const char *p = ps->p;
    unsigned char c = (unsigned char)*p;
    *nl = 0;
    *lmin = *lmax = 0;
    if (c == '(') {
        bool look = false;
        p++;
        if (*p == '*') {
            ps->bail = true;         /* verbs */
            return A_OTHER;
        }
        if (*p == '?') {
            p++;
            if (*p == ':' || *p == '>' || *p == '|') {
                p++;
            } else if (*p == '=' || *p == '!') {
                p++;
                look = true;
            } else if (*p == '<' && (p[1] == '=' || p[1] == '!')) {
                p += 2;
                look = true;
            } else if (*p == '<' || *p == '\'' || (*p == 'P' && p[1] == '<')) {
                /* a named group: (?<name>...) (?'name'...) (?P<name>...) */
                char close = *p == '\'' ? '\'' : '>';
                const char *e = strchr(p + 1, close);
                if (!e) {
                    ps->bail = true;
                    return A_OTHER;
                }
                p = e + 1;
            } else {
                /* option letters: (?i) (?-i) (?i:...); not (?R) */
                const char *q = p;
                while (*q && strchr("-^imnsxJU", *q))
                    q++;
                if (q == p || memchr(p, 'x', (size_t)(q - p)) ||
                    (*q != ')' && *q != ':')) {
                    ps->bail = true;
                    return A_OTHER;
                }
                if (memchr(p, 's', (size_t)(q - p)))
                    ps->dotall = true;   /* from here on, to be safe */
                if (*q == ')') {
                    ps->p = q + 1;
                    return A_ZERO;
                }
                p = q + 1;
            }
        }
        ps->p = p;
        need inner = parse_alt(ps);
        if (ps->bail || *ps->p != ')') {
            need_free(&inner);
            ps->bail = true;
            return A_OTHER;
        }
        ps->p++;
        if (look) {
            need_free(&inner);       /* not part of the match */
            return A_ZERO;
        }
        *group = inner;
        *nl = inner.nl;
        *lmin = inner.len_min;
        *lmax = inner.len_max;
        return A_GROUP;
    }
    /* one character: ASCII is one byte (in plain text, even caselessly),
     * UTF-8 up to four */
    *lmin = 1;
    *lmax = 4;
    if (c == '[') {
        bool wide;
        ps->p = p + 1;
        *nl = skip_class(ps, &wide);
        *lmax = wide ? 4 : 1;
        return A_OTHER;
    }
    if (c == '\\') {
        unsigned char e = (unsigned char)p[1];
        if (!e) {
            ps->bail = true;
            return A_OTHER;
        }
        ps->p = p + 2;
        if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') ||
            (e >= '0' && e <= '9')) {
            if (e == 's') {
                *nl = NL_SPACE;
                *lmax = 1;
                return A_OTHER;
            }
            if (strchr("wWSdDhHvVR", e)) {
                *nl = strchr("WDHvR", e) != NULL;
                *lmax = e == 'w' || e == 'd' ? 1 : 4;
                return A_OTHER;
            }
            if (strchr("bBAzZ", e)) {
                *lmin = *lmax = 0;
                return A_ZERO;
            }
            ps->bail = true;         /* \G, \x{..}, \p{..}, \Q, \K, \1 ... */
            return A_OTHER;
        }
        if (e >= 0x80)
            return A_OTHER;          /* (its continuation bytes follow) */
        *lit = (char)e;
        *lmax = 1;
        return A_LIT;
    }
    if (c == '^' || c == '$') {
        ps->p = p + 1;
        *lmin = *lmax = 0;
        return A_ZERO;
    }
    if (c == '.' || c >= 0x80) {
        p++;
        while (c >= 0x80 && ((unsigned char)*p & 0xC0) == 0x80)
            p++;
        ps->p = p;
        *nl = c == '.' && ps->dotall;
        return A_OTHER;
    }
    if (c == '{' || c == '*' || c == '+' || c == '?') {
        ps->bail = true;
        return A_OTHER;
    }
    ps->p = p + 1;
    *nl = c == '\n';
    *lit = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    *lmax = 1;
    return A_LIT;
}

/* A sequence, up to '|' or ')' or the end: every factor it must hold. */
static need parse_seq(parser *ps)
{
    need q = {NULL, 0, 0, 0, 0};
    char run[MAX_LIT];
    size_t rn = 0;
    uint32_t at_min = 0, at_max = 0;     /* bytes before the next item */
    uint32_t run_min = 0, run_max = 0;   /* ... before run[0] */
    while (!ps->bail && *ps->p && *ps->p != '|' && *ps->p != ')') {
        char lit = 0;
        need group = {NULL, 0, 0, 0, 0};
        unsigned nl;
        uint32_t lmin, lmax;
        int kind = atom(ps, &lit, &group, &nl, &lmin, &lmax);
        unsigned long min = 1, max = 1;
        bool quantified = !ps->bail && quantifier(ps, &min, &max);
        if (ps->bail) {
            need_free(&group);
            break;
        }
        if (nl == NL_SPACE)          /* \s, \s+, \s*: one break at most */
            q.nl = nl_add(q.nl, max > 0);
        else if (nl && max)
            q.nl = nl_add(q.nl, max >= NL_MANY || nl >= NL_MANY ||
                                        (unsigned long long)nl * max >= NL_MANY
                                    ? NL_MANY : (unsigned)(nl * max));
        if (kind == A_LIT && min > 0) {
            /* "ab+c" holds "ab", and then "c" after some more b */
            if (rn == MAX_LIT)
                flush_run(ps, &q, run, &rn, run_min, run_max);
            if (rn == 0) {
                run_min = at_min;
                run_max = at_max;
            }
            run[rn++] = lit;
            if (quantified)
                flush_run(ps, &q, run, &rn, run_min, run_max);
        } else {
            flush_run(ps, &q, run, &rn, run_min, run_max);
        }
        if (kind == A_GROUP && min > 0) { /* a required group's factors */
            for (size_t i = 0; i < group.n; i++) {
                litset *f = &group.f[i];  /* (its first copy's) */
                for (size_t j = 0; j < f->n; j++) {
                    f->lo[j] = len_add(f->lo[j], at_min);
                    f->hi[j] = len_add(f->hi[j], at_max);
                }
                need_add(ps, &q, f);
            }
        }
        need_free(&group);
        at_min = len_add(at_min, len_mul(lmin, min));
        /* in plain text, \s+ and \s* take one character at most */
        at_max = len_add(at_max, nl == NL_SPACE ? (min > 1 ? min : max > 0)
                                                : len_mul(lmax, max));
    }
    flush_run(ps, &q, run, &rn, run_min, run_max);
    q.len_min = at_min;
    q.len_max = at_max;
    if (ps->bail)
        need_free(&q);
    return q;
}

/* Alternatives: one branch holds all of its factors, so the branches'
 * most selective factors together make one factor. */
static need parse_alt(parser *ps)
{
    need first = parse_seq(ps);
    if (ps->bail || *ps->p != '|')
        return first;
    unsigned nl = first.nl;
    uint32_t len_min = first.len_min, len_max = first.len_max;
    litset any = {NULL, NULL, NULL, 0};
    bool known = first.n > 0;
    if (known) {
        any = first.f[0];
        first.f[0] = (litset){NULL, NULL, NULL, 0};
    }
    need_free(&first);
    while (!ps->bail && *ps->p == '|') {
        ps->p++;
        need b = parse_seq(ps);
        if (b.nl > nl)
            nl = b.nl;
        if (b.len_min < len_min)
            len_min = b.len_min;
        if (b.len_max > len_max)
            len_max = b.len_max;
        if (!known || !b.n || any.n + b.f[0].n > MAX_SET) {
            known = false;           /* keep parsing: the paren must match */
            need_free(&b);
            continue;
        }
        if (!set_reserve(&any, any.n + b.f[0].n)) {
            ps->bail = true;
            need_free(&b);
            break;
        }
        litset *bf = &b.f[0];
        for (size_t i = 0; i < bf->n; i++) {   /* once each: Julia|JULIA */
            char *l = bf->v[i];
            size_t j = 0;
            while (j < any.n && strcmp(any.v[j], l))
                j++;
            if (j < any.n) {         /* the places of either */
                free(l);
                if (bf->lo[i] < any.lo[j])
                    any.lo[j] = bf->lo[i];
                if (bf->hi[i] > any.hi[j])
                    any.hi[j] = bf->hi[i];
            } else {
                any.v[any.n] = l;
                any.lo[any.n] = bf->lo[i];
                any.hi[any.n++] = bf->hi[i];
            }
        }
        bf->n = 0;
        need_free(&b);
    }
    need q = {NULL, 0, nl, len_min, len_max};
    if (known && !ps->bail)
        need_add(ps, &q, &any);
    set_free(&any);
    return q;
}

void sm_prefilter_literals(const char *pattern, char ***lits, size_t *n,
                           int *max_breaks, uint32_t **offsets)
{
    parser ps = {pattern, false, false};
    need q = parse_alt(&ps);
    *lits = NULL;
    *n = 0;
    *max_breaks = -1;
    if (offsets)
        *offsets = NULL;
    if (!ps.bail && !*ps.p && q.nl < NL_MANY)
        *max_breaks = (int)q.nl;
    if (ps.bail || *ps.p || !q.n) {    /* a stray ')' ends parse_alt too */
        need_free(&q);
        return;
    }
    size_t total = 0;
    for (size_t i = 0; i < q.n; i++)
        total += q.f[i].n + 1;
    char **out = malloc(total * sizeof *out);
    uint32_t *off = offsets ? calloc(2 * total, sizeof *off) : NULL;
    if (out && (off || !offsets)) {  /* the factors, each ended by NULL */
        for (size_t i = 0; i < q.n; i++) {
            for (size_t j = 0; j < q.f[i].n; j++) {
                if (off) {
                    off[2 * *n] = q.f[i].lo[j];
                    off[2 * *n + 1] = q.f[i].hi[j];
                }
                out[(*n)++] = q.f[i].v[j];
                q.f[i].v[j] = NULL;
            }
            out[(*n)++] = NULL;
        }
        *lits = out;
        if (offsets)
            *offsets = off;
        for (size_t i = 0; i < q.n; i++)
            q.f[i].n = 0;            /* the strings are out's now */
    } else {
        free(out);
        free(off);
    }
    need_free(&q);
}
