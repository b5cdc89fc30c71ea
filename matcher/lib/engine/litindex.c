/* litindex.c - every literal of the rules' patterns (see prefilter.c),
 * found in a paragraph in one pass.
 *
 * At load the distinct literals become an Aho-Corasick automaton, made a
 * full DFA over the few byte classes the literals use, so the scan is one
 * table lookup a byte. For each paragraph it records which literals occur
 * and where: a pattern one of whose factors has no literal there cannot
 * match and is not run (sm_regex_may_match()), and the matcher searches a
 * pattern only near the places of its literals. The scan also tells
 * whether the paragraph is plain (see sm_litscan_run()). */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "util/util.h"

enum { NONE = UINT32_MAX };
#define OUT 0x80000000u      /* in a table entry: literals end there */

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The id of literal `l` among the sorted, distinct v[0..n). */
static uint32_t lit_find(char *const *v, size_t n, const char *l)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(v[mid], l);
        if (c == 0)
            return (uint32_t)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NONE;
}

/* The trie of the literals v[0..n), then its failure links, making it a
 * DFA: ix->delta, each entry the next state with OUT set when literals end
 * there. The literals ending at each state, its own and those of the
 * states its failure links lead to, go to ix->out_at/out_ids. */
static bool automaton(sm_litindex *ix, char *const *v, size_t n)
{
    size_t states = 1;
    for (size_t i = 0; i < n; i++)
        states += strlen(v[i]);
    if (states >= OUT / 256)
        return false;
    size_t k = ix->nclass, rows = states < 1024 ? states : 1024;
    uint32_t *trie = malloc(rows * k * sizeof *trie);   /* grown as used */
    uint32_t *own = malloc(states * sizeof *own);
    uint32_t *fail = malloc(states * sizeof *fail);
    uint32_t *order = malloc(states * sizeof *order);   /* breadth first */
    uint32_t *cnt = malloc(states * sizeof *cnt);
    bool ok = trie && own && fail && order && cnt;
    uint32_t used = 1;
    size_t total = 0;
    if (ok) {
        /* a row is set to NONE when its state is made: the rows never
         * used are never touched (no page faults for them) */
        memset(trie, 0xFF, k * sizeof *trie);
        memset(own, 0xFF, states * sizeof *own);
        for (size_t i = 0; i < n && ok; i++) {
            uint32_t s = 0;
            for (const unsigned char *c = (const unsigned char *)v[i]; *c;
                 c++) {
                if (trie[s * k + ix->cls[*c]] == NONE) {
                    if (used == rows) {  /* room for more states */
                        size_t more = rows * 2 < states ? rows * 2 : states;
                        uint32_t *t = realloc(trie, more * k * sizeof *t);
                        if (!t) {
                            ok = false;
                            break;
                        }
                        trie = t;
                        rows = more;
                    }
                    memset(trie + (size_t)used * k, 0xFF, k * sizeof *trie);
                    trie[s * k + ix->cls[*c]] = used++;
                }
                s = trie[s * k + ix->cls[*c]];
            }
            own[s] = (uint32_t)i;
        }
    }
    if (ok) {
        /* breadth first: a state's failure link is shallower, done */
        size_t head = 0, tail = 0;
        order[tail++] = 0;
        fail[0] = 0;
        while (head < tail) {
            uint32_t s = order[head++];
            for (size_t c = 0; c < k; c++) {
                uint32_t u = trie[s * k + c];
                uint32_t f = s ? trie[fail[s] * k + c] : 0;
                if (u == NONE) {
                    trie[s * k + c] = f;
                } else {
                    fail[u] = f;
                    order[tail++] = u;
                }
            }
        }
        /* outputs: a state's own literal, then its failure link's */
        for (size_t i = 0; i < tail; i++) {
            uint32_t s = order[i];
            cnt[s] = (own[s] != NONE) + (s ? cnt[fail[s]] : 0);
            total += cnt[s];
        }
        ix->out_at = malloc((used + 1) * sizeof *ix->out_at);
        ix->out_ids = malloc((total ? total : 1) * sizeof *ix->out_ids);
        ok = ix->out_at && ix->out_ids;
    }
    for (uint32_t s = 0, at = 0; ok && s <= used; s++) {
        ix->out_at[s] = at;          /* by state number */
        at += s < used ? cnt[s] : 0;
    }
    for (size_t i = 0; ok && i < used; i++) {
        uint32_t s = order[i], at = ix->out_at[s];   /* (its link's first) */
        if (own[s] != NONE)
            ix->out_ids[at++] = own[s];
        if (s)
            memcpy(ix->out_ids + at, ix->out_ids + ix->out_at[fail[s]],
                   cnt[fail[s]] * sizeof *ix->out_ids);
    }
    /* the trie's table becomes the scan's, in place */
    for (size_t i = 0; ok && i < (size_t)used * k; i++)
        trie[i] |= cnt[trie[i]] ? OUT : 0;
    if (ok) {
        uint32_t *d = realloc(trie, (size_t)used * k * sizeof *d);
        ix->delta = d ? d : trie;
        trie = NULL;
    }
    ix->nstates = used;
    free(trie);
    free(own);
    free(fail);
    free(order);
    free(cnt);
    return ok;
}

/* Is literal l in nearly every paragraph of English? Then it tells
 * nothing, and finding it everywhere costs: it is left out of the index,
 * and a factor with it counts as always there. These are the most common
 * letter pairs and triples of English text, and suffixes of resume words. */
static bool too_common(const char *l)
{
    static const char *const COMMON[] = {
        "th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "ti",
        "es", "or", "te", "of", "ed", "is", "it", "al", "ar", "st", "to",
        "nt", "ng", "se", "ha", "as", "ou", "io", "le", "ve", "co", "me",
        "de", "hi", "ri", "ro", "ic", "ne", "ea", "ra", "ce", "li", "ch",
        "the", "and", "ing", "ion", "ent", "tio", "ati", "for", "ter",
        "ers", "ted", "ons", "ions", "ation", "with", NULL};
    if (strlen(l) > 5)               /* none is longer: most literals */
        return false;
    for (const char *const *c = COMMON; *c; c++)
        if (!strcmp(l, *c))
            return true;
    return false;
}

/* Number the patterns and their known factors (eight at most: a bit
 * each), and list for each literal the factors it is in. */
static bool uses(sm_litindex *ix, sm_regex *const *res, size_t nres)
{
    size_t total = 0;
    ix->npats = (uint32_t)nres;
    ix->use_at = calloc(ix->nlits + 1, sizeof *ix->use_at);
    if (!ix->use_at || nres >= NONE >> 3)
        return false;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {             /* counts to starts */
            for (uint32_t i = 0, at = 0; i <= ix->nlits; i++) {
                uint32_t c = ix->use_at[i];
                ix->use_at[i] = at;
                at += c;
            }
            ix->uses = malloc((total ? total : 1) * sizeof *ix->uses);
            if (!ix->uses)
                return false;
        }
        for (size_t r = 0; r < nres; r++) {
            sm_regex *re = res[r];
            unsigned bit = 0;
            re->lit_pat = (uint32_t)r;
            re->lit_need = 0;
            for (size_t f = 0, i; re->lit_id && f < re->nlits; f = i + 1) {
                bool known = re->lit_id[f] != NONE && bit < 8;
                for (i = f; i < re->nlits && re->lits[i]; i++) {
                    if (!known)
                        continue;
                    if (pass == 0) {
                        ix->use_at[re->lit_id[i]]++;
                        total++;
                    } else {
                        ix->uses[ix->use_at[re->lit_id[i]]++] =
                            (uint32_t)r << 3 | bit;
                    }
                }
                if (known)
                    re->lit_need |= (uint8_t)(1u << bit++);
            }
        }
    }
    for (uint32_t i = ix->nlits; i > 0; i--)   /* ends back to starts */
        ix->use_at[i] = ix->use_at[i - 1];
    ix->use_at[0] = 0;
    return true;
}

bool sm_litindex_build(sm_litindex *ix, sm_regex *const *res, size_t nres)
{
    memset(ix, 0, sizeof *ix);
    size_t total = 0, n = 0;
    for (size_t r = 0; r < nres; r++)
        total += res[r]->nlits;
    char **v = malloc((total ? total : 1) * sizeof *v);
    if (!v)
        return false;
    for (size_t r = 0; r < nres; r++)
        for (size_t i = 0; i < res[r]->nlits; i++)
            if (res[r]->lits[i] && !too_common(res[r]->lits[i]))
                v[n++] = res[r]->lits[i];
    if (n > 1)
        qsort(v, n, sizeof *v, str_cmp);
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!w || strcmp(v[w - 1], v[i]))
            v[w++] = v[i];
    n = w;
    /* byte classes: one for each byte a literal holds (upper case
     * letters with their lower case), 0 for all the others */
    ix->nclass = 1;
    for (size_t i = 0; i < n; i++)
        for (const unsigned char *c = (const unsigned char *)v[i]; *c; c++)
            if (!ix->cls[*c])
                ix->cls[*c] = (uint8_t)ix->nclass++;
    for (int c = 'A'; c <= 'Z'; c++)
        ix->cls[c] = ix->cls[c + 32];
    ix->nlits = (uint32_t)n;
    ix->lit_len = malloc((n ? n : 1) * sizeof *ix->lit_len);
    ix->placed = malloc(n ? n : 1);
    if (ix->placed)
        memset(ix->placed, 1, n ? n : 1);
    bool ok = ix->lit_len && ix->placed && ix->nclass < 256 &&
              automaton(ix, v, n);
    for (size_t i = 0; ok && i < n; i++) {
        ix->lit_len[i] = (uint32_t)strlen(v[i]);
        if (ix->lit_len[i] > ix->maxlen)
            ix->maxlen = ix->lit_len[i];
    }
    /* each pattern's literals by id */
    for (size_t r = 0; ok && r < nres; r++) {
        sm_regex *re = res[r];
        free(re->lit_id);
        re->lit_id = NULL;
        if (!re->nlits)
            continue;
        re->lit_id = malloc(re->nlits * sizeof *re->lit_id);
        ok = re->lit_id != NULL;
        for (size_t i = 0; ok && i < re->nlits; i++)
            re->lit_id[i] = re->lits[i] ? lit_find(v, n, re->lits[i]) : NONE;
        /* a factor with a literal left out is not known at all */
        for (size_t f = 0, i; ok && f < re->nlits; f = i + 1) {
            bool known = true;
            for (i = f; i < re->nlits && re->lits[i]; i++)
                known = known && re->lit_id[i] != NONE;
            for (size_t j = f; !known && j < i; j++)
                re->lit_id[j] = NONE;
        }
    }
    ok = ok && uses(ix, res, nres);
    free(v);
    if (!ok)
        sm_litindex_free(ix);
    return ok;
}

void sm_litindex_place_none(sm_litindex *ix)
{
    memset(ix->placed, 0, ix->nlits ? ix->nlits : 1);
}

void sm_litindex_place(sm_litindex *ix, const sm_regex *re, size_t f)
{
    if (!re->lit_id)
        return;
    for (size_t i = f; i < re->nlits && re->lits[i]; i++)
        if (re->lit_id[i] != NONE)
            ix->placed[re->lit_id[i]] = 1;
}

void sm_litindex_free(sm_litindex *ix)
{
    free(ix->placed);
    free(ix->lit_len);
    free(ix->delta);
    free(ix->out_at);
    free(ix->out_ids);
    free(ix->use_at);
    free(ix->uses);
    memset(ix, 0, sizeof *ix);
}

bool sm_litscan_init(sm_litscan *sc, const sm_litindex *ix)
{
    memset(sc, 0, sizeof *sc);
    size_t n = ix->nlits ? ix->nlits : 1;
    sc->seen = calloc(n, sizeof *sc->seen);
    sc->first = calloc(n, sizeof *sc->first);
    sc->count = calloc(n, sizeof *sc->count);
    sc->present = calloc(n, sizeof *sc->present);
    sc->pat_gen = calloc(ix->npats ? ix->npats : 1, sizeof *sc->pat_gen);
    sc->pat_have = calloc(ix->npats ? ix->npats : 1, sizeof *sc->pat_have);
    sc->all = true;
    if (!sc->seen || !sc->first || !sc->count || !sc->present ||
        !sc->pat_gen || !sc->pat_have) {
        sm_litscan_free(sc);
        return false;
    }
    return true;
}

void sm_litscan_free(sm_litscan *sc)
{
    free(sc->seen);
    free(sc->first);
    free(sc->count);
    free(sc->present);
    free(sc->pat_gen);
    free(sc->pat_have);
    free(sc->found);
    free(sc->second);
    free(sc->pos);
    memset(sc, 0, sizeof *sc);
}

/* The places of each literal, in order: found[] sorted by literal. */
static bool places(sm_litscan *sc)
{
    if (sc->nfound > sc->cappos) {
        uint32_t *p = realloc(sc->pos, sc->nfound * sizeof *p);
        if (!p)
            return false;
        sc->pos = p;
        sc->cappos = sc->nfound;
    }
    uint32_t at = 0;
    for (size_t i = 0; i < sc->npresent; i++) {
        uint32_t id = sc->present[i];
        sc->first[id] = at;
        at += sc->count[id];
    }
    for (size_t i = 0; i < sc->nfound; i++)
        sc->pos[sc->first[sc->found[i].id]++] = sc->found[i].at;
    for (size_t i = 0; i < sc->npresent; i++)
        sc->first[sc->present[i]] -= sc->count[sc->present[i]];
    return true;
}

/* The factors of each pattern that the literals there satisfy. */
static void factors(const sm_litindex *ix, sm_litscan *sc)
{
    for (size_t i = 0; i < sc->npresent; i++) {
        uint32_t id = sc->present[i];
        for (uint32_t u = ix->use_at[id]; u < ix->use_at[id + 1]; u++) {
            uint32_t p = ix->uses[u] >> 3;
            if (sc->pat_gen[p] != sc->gen) {
                sc->pat_gen[p] = sc->gen;
                sc->pat_have[p] = 0;
            }
            sc->pat_have[p] |= (uint8_t)(1u << (ix->uses[u] & 7));
        }
    }
}

/* Bytes the scan looks at twice: white space (a run of it makes a text
 * not plain), NUL, and the lead bytes of the Kelvin sign and the long s. */
enum { B_SPACE = 1, B_OTHER = 2 };
static const uint8_t SPECIAL[256] = {
    [' '] = B_SPACE, ['\t'] = B_SPACE, ['\n'] = B_SPACE, ['\v'] = B_SPACE,
    ['\f'] = B_SPACE, ['\r'] = B_SPACE, [0] = B_OTHER, [0xE2] = B_OTHER,
    [0xC5] = B_OTHER};

/* Note the literals that end at byte `end` of the text, where the scan
 * reached state st (one with OUT set), in *v. False when out of memory. */
static bool note(const sm_litindex *ix, sm_litscan *sc, uint32_t st,
                 size_t end, sm_litfound **v, size_t *n, size_t *cap)
{
    uint32_t o = ix->out_at[st & ~OUT], stop = ix->out_at[(st & ~OUT) + 1];
    if (!sm_reserve((void **)v, cap, *n + (stop - o), sizeof **v))
        return false;
    for (; o < stop; o++) {
        uint32_t id = ix->out_ids[o];
        if (sc->seen[id] != sc->gen) {
            sc->seen[id] = sc->gen;
            sc->count[id] = 0;
            sc->present[sc->npresent++] = id;
        }
        if (!ix->placed[id])
            continue;                /* only whether it is there counts */
        sc->count[id]++;
        (*v)[(*n)++] =
            (sm_litfound){id, (uint32_t)(end + 1 - ix->lit_len[id])};
    }
    return true;
}

/* Does the text hold none of the SPECIAL bytes but single white space? */
static bool plain_bytes(const unsigned char *t, size_t len)
{
    unsigned prev = 0, bad = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned f = SPECIAL[t[i]];
        bad |= (f & prev & B_SPACE) | (f & B_OTHER);
        prev = f;
    }
    return !bad;
}

/* The scan of plain bytes, where no byte needs a second look, as two
 * scans at once, of the first half and of the second: each step of the
 * automaton waits on the last one's table lookup, and two such chains
 * overlap. The second starts the longest literal early, so that its state
 * is right by the middle, and notes only literals ending from there on;
 * its findings go after the first's. */
static bool scan_plain(const sm_litindex *ix, sm_litscan *sc,
                       const unsigned char *t, size_t len)
{
    const uint32_t k = ix->nclass, *delta = ix->delta;
    const uint8_t *cls = ix->cls;
    uint32_t a = 0, b = 0;
    size_t i = 0, mid = len, j = len;
    if (len >= 4 * (size_t)ix->maxlen + 64) {
        mid = len / 2;
        j = mid - (ix->maxlen - 1);
    }
    sc->nsecond = 0;
    for (; i < mid; i++, j++) {
        a = delta[(a & ~OUT) * k + cls[t[i]]];
        if (j < len)
            b = delta[(b & ~OUT) * k + cls[t[j]]];
        if ((a & OUT) &&
            !note(ix, sc, a, i, &sc->found, &sc->nfound, &sc->capfound))
            return false;
        if (j < len && (b & OUT) && j >= mid &&
            !note(ix, sc, b, j, &sc->second, &sc->nsecond, &sc->capsecond))
            return false;
    }
    for (; j < len; j++) {
        b = delta[(b & ~OUT) * k + cls[t[j]]];
        if ((b & OUT) &&
            !note(ix, sc, b, j, &sc->second, &sc->nsecond, &sc->capsecond))
            return false;
    }
    if (!sm_reserve((void **)&sc->found, &sc->capfound,
                    sc->nfound + sc->nsecond, sizeof *sc->found))
        return false;
    if (sc->nsecond)
        memcpy(sc->found + sc->nfound, sc->second,
               sc->nsecond * sizeof *sc->found);
    sc->nfound += sc->nsecond;
    return true;
}

bool sm_litscan_run(const sm_litindex *ix, sm_litscan *sc, const char *text,
                    size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    const uint32_t k = ix->nclass;
    const uint32_t *delta = ix->delta;
    const uint8_t *cls = ix->cls;
    bool plain = true;
    unsigned space = 0, runs = 0;    /* runs: white space after white space */
    uint32_t s = 0;
    sc->npresent = sc->nfound = 0;
    sc->all = true;                  /* until scanned: everything may match */
    SM_WORK(len);
    if (!delta || !sc->seen || len >= UINT32_MAX)
        return false;
    if (++sc->gen == 0) {            /* wrapped: forget every paragraph */
        memset(sc->seen, 0, (ix->nlits ? ix->nlits : 1) * sizeof *sc->seen);
        memset(sc->pat_gen, 0,
               (ix->npats ? ix->npats : 1) * sizeof *sc->pat_gen);
        sc->gen = 1;
    }
    if (plain_bytes(t, len)) {
        if (!scan_plain(ix, sc, t, len) || !places(sc))
            return false;            /* out of memory: as if not scanned */
        factors(ix, sc);
        sc->all = false;
        return true;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned c = t[i], sp = SPECIAL[c] & B_SPACE;
        runs |= sp & space;
        space = sp;
        if (SPECIAL[c] & B_OTHER) {
            /* caseless and UTF, PCRE2 lets k match the Kelvin sign and s
             * the long s; every other ASCII letter matches only itself */
            if (c == 0xE2 && i + 2 < len && t[i + 1] == 0x84 &&
                t[i + 2] == 0xAA) {
                c = 'k';
                i += 2;
                plain = false;
            } else if (c == 0xC5 && i + 1 < len && t[i + 1] == 0xBF) {
                c = 's';
                i += 1;
                plain = false;
            } else if (c == 0) {
                plain = false;
            }
        }
        s = delta[(s & ~OUT) * k + cls[c]];
        if ((s & OUT) &&
            !note(ix, sc, s, i, &sc->found, &sc->nfound, &sc->capfound))
            return false;
    }
    if (!places(sc))
        return false;
    factors(ix, sc);
    sc->all = false;
    return plain && !runs;
}

const uint32_t *sm_litscan_places(const sm_litscan *sc, uint32_t id,
                                  size_t *n)
{
    if (sc->all || id == NONE || sc->seen[id] != sc->gen) {
        *n = 0;
        return NULL;
    }
    *n = sc->count[id];
    return sc->pos + sc->first[id];
}
