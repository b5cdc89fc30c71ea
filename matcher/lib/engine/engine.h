/* engine.h - how patterns are found: PCRE2 compile, JIT and find
 * (regex.c), the literals every match holds (prefilter.c), all the rules'
 * literals found in one pass (litindex.c), the trigger words' tables and
 * their lookup copy (trigger.c), a pattern's matches in a paragraph
 * (search.c), and the per-thread scratch they work in. Knows nothing of
 * skills or profiles; depends on doc and util. */
#ifndef SM_ENGINE_H
#define SM_ENGINE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdint.h>
#include <uthash.h>

#include "skillmatch.h"

/* ---- compiled patterns (regex.c) ---- */
typedef struct {
    char *src;
    pcre2_code *code;
    const char *file;
    int line, col;
    char **lits;             /* what every match holds: literal factors,
                                see sm_prefilter_literals(); none: nothing
                                known */
    size_t nlits;
    int max_breaks;          /* line breaks a match spans at most; -1 */
    struct sm_jit_slot *jit; /* its JIT copy, made when it pays (regex.c);
                                shared by the threads, race-free */
    bool first_known;        /* anchored, and it begins with a byte of */
    uint8_t first[32];       /* ... this set */
    uint32_t *lit_off;       /* bytes before each literal: 2 per entry of
                                lits, the fewest and the most */
    uint32_t *lit_id;        /* each literal's number in the rules'
                                sm_litindex; UINT32_MAX at a factor's end
                                and in a factor the index leaves out (see
                                sm_litindex_build()); NULL: in none */
    uint32_t lit_pat;        /* its number in that index */
    uint8_t lit_need;        /* a bit for each factor the index knows */
    /* how the matcher looks for it (sm_regex_plan_all()): the factor (its
     * first entry in lits) whose places give the windows, SM_NO_FACTOR:
     * none; the factors a window must hold */
    uint16_t search;
    uint16_t check[8];
    uint8_t ncheck;
    uint16_t bound;          /* a factor the index knows, or SM_NO_FACTOR:
                                no match starts after its last place */
} sm_regex;

#define SM_NO_FACTOR UINT16_MAX

/* Compile a pattern (caseless, UTF), which checks it; no JIT yet. */
sm_status sm_regex_compile(sm_regex *re, const char *src, uint32_t extra,
                           const char *file, int line, int col, sm_error *err);
/* Let the pattern be JIT-compiled when it pays: after SM_JIT_AFTER finds
 * (the first thread to reach that number compiles a copy and publishes
 * it; the others run the interpreter until then), or at once when the
 * environment says SKILLMATCH_JIT=eager (the old way, for the test that
 * compares the two). SKILLMATCH_JIT=off: the interpreter only. When the
 * JIT fails the interpreter stays in charge. */
#define SM_JIT_AFTER 256
void sm_regex_jit(sm_regex *re);
/* sm_regex_jit() for res[0..n); eager: on several threads when many. */
void sm_regex_jit_all(sm_regex *const *res, size_t n);
void sm_regex_release(sm_regex *re);

/* Find the next match of `re` in subject[start..len). Returns 1 and the span
 * on a match, 0 for none, -1 on a PCRE2 error (err filled). */
int sm_regex_find(const sm_regex *re, sm_scratch *s, const char *subject,
                  size_t len, size_t start, size_t *mstart, size_t *mend,
                  sm_error *err);
/* The same, for a match that starts at or before offset `limit` (SIZE_MAX:
 * anywhere); the search stops there instead of running to the end. */
int sm_regex_find_by(const sm_regex *re, sm_scratch *s, const char *subject,
                     size_t len, size_t start, size_t limit, size_t *mstart,
                     size_t *mend, sm_error *err);
/* The same into match data `md` (with room for re's groups) instead of
 * the scratch's, for a caller that reads the groups (sm_regex_group()). */
int sm_regex_find_into(const sm_regex *re, sm_scratch *s,
                       pcre2_match_data *md, const char *subject, size_t len,
                       size_t start, size_t limit, size_t *mstart,
                       size_t *mend, sm_error *err);
/* The span of named group `name` of re's last match in md; false when the
 * pattern has no such group or it took no part in the match. */
bool sm_regex_group(const sm_regex *re, pcre2_match_data *md,
                    const char *name, size_t *gs, size_t *ge);
/* The one way a PCRE2 match error becomes an sm_error: SM_ERR_MATCH at
 * re's file:line:col, with the pattern and PCRE2's words for rc. */
sm_status sm_regex_match_fail(const sm_regex *re, int rc, sm_error *err);

/* ---- literal prefilter (prefilter.c) ---- */
/* What every match of `pattern` contains: factors, each a run of literals
 * (ASCII, lower case, 2 bytes or more) ended by a NULL entry; a match holds
 * one literal of every factor. None (*n = 0) when nothing is known.
 * *max_breaks is the most line breaks a match can span, in text whose runs
 * of white space are one character long (-1: no bound, or not known).
 * *offsets (when not NULL) gets two numbers for each entry of *lits: the
 * fewest and the most bytes of a match before that literal (SM_OFF_ANY: no
 * bound), in plain text (see sm_litscan_run()). */
#define SM_OFF_ANY UINT32_MAX
void sm_prefilter_literals(const char *pattern, char ***lits, size_t *n,
                           int *max_breaks, uint32_t **offsets);
/* ---- the rules' literals, found in one pass (litindex.c) ---- */
typedef struct {
    uint32_t nlits;          /* distinct literals, numbered in sorted order */
    uint32_t *lit_len, maxlen;
    uint8_t *placed;         /* per literal: its places are kept (else only
                                whether it is there) */
    uint32_t nstates, nclass;
    uint8_t cls[256];        /* byte -> class; 0: in no literal */
    uint32_t *delta;         /* the DFA: nstates x nclass */
    uint32_t *out_at;        /* state s ends out_ids[out_at[s]..out_at[s+1]) */
    uint32_t *out_ids;
    uint32_t npats;          /* the patterns indexed */
    uint32_t *use_at;        /* literal i is in the factors uses[use_at[i]..
                                use_at[i+1]), each pattern << 3 | factor */
    uint32_t *uses;
} sm_litindex;

/* Number the literals of res[0..n) and build the automaton; each regex
 * gets its lit_id. Literals found in nearly every English paragraph are
 * left out, and with them the factors that hold them: such a factor is
 * taken to be everywhere. False when out of memory. */
bool sm_litindex_build(sm_litindex *ix, sm_regex *const *res, size_t n);
void sm_litindex_free(sm_litindex *ix);
/* Which literals' places a scan keeps (all, after sm_litindex_build()):
 * none, until the literals of factor f (its first entry in lits) of `re`
 * are named. */
void sm_litindex_place_none(sm_litindex *ix);
void sm_litindex_place(sm_litindex *ix, const sm_regex *re, size_t f);

typedef struct {
    uint32_t id, at;
} sm_litfound;

/* Per thread: the literals of one paragraph and their places. */
typedef struct {
    uint32_t gen;            /* the paragraph's number */
    uint32_t *seen;          /* per literal: gen when it is there */
    uint32_t *first, *count; /* per literal: its places in pos[] */
    uint32_t *present;       /* the literals there */
    size_t npresent;
    sm_litfound *found;      /* in the order found */
    size_t nfound, capfound;
    sm_litfound *second;     /* found by the scan of a second half */
    size_t nsecond, capsecond;
    uint32_t *pos;           /* places, by literal, in order */
    size_t cappos;
    uint32_t *pat_gen;       /* per pattern: gen when pat_have is this
                                paragraph's */
    uint8_t *pat_have;       /* per pattern: its factors that are there */
    bool all;                /* not scanned: everything may match */
} sm_litscan;

bool sm_litscan_init(sm_litscan *sc, const sm_litindex *ix);
void sm_litscan_free(sm_litscan *sc);
/* Find every literal in text[0..len). True when the text is plain: white
 * space comes one character at a time, no NUL, and no character other
 * than A-Z matches an ASCII letter caselessly (the Kelvin sign, the long
 * s), so that the places are exact and the offsets of
 * sm_prefilter_literals() hold. */
bool sm_litscan_run(const sm_litindex *ix, sm_litscan *sc, const char *text,
                    size_t len);
/* Where literal `id` starts in the text last scanned, in order (*n). */
const uint32_t *sm_litscan_places(const sm_litscan *sc, uint32_t id,
                                  size_t *n);
/* False when `re` cannot match the text last scanned: a factor of it has
 * no literal there. (Inline: it runs for every pattern of every candidate
 * skill in every paragraph.) */
static inline bool sm_regex_may_match(const sm_regex *re,
                                      const sm_litscan *sc)
{
    if (!re->lit_need || !re->lit_id || sc->all)
        return true;                 /* (a factor not known is there) */
    return sc->pat_gen[re->lit_pat] == sc->gen &&
           (sc->pat_have[re->lit_pat] & re->lit_need) == re->lit_need;
}


/* A copy of a trigger table (struct sm_trigger below) for fast lookups:
 * open addressing on FNV-1a, a hash taken a byte at a time, so that each
 * prefix of a word is looked up as the word is read. */
/* ---- trigger words (trigger.c) ---- */
/* A trigger table (uthash): a word, or a prefix, and the skills whose
 * patterns can only match near it. */
typedef struct sm_trigger {
    char *key;               /* trigger word or prefix */
    int *skills;
    size_t n, cap;
    UT_hash_handle hh;
} sm_trigger;


/* Add skill to the entry for key in *table (made when missing). */
sm_status sm_trigger_add(sm_trigger **table, const char *key, int skill);
void sm_trigger_table_free(sm_trigger **table);

typedef struct {
    uint64_t hash;
    const char *key;         /* in the rules */
    size_t len;
    const int *skills;
    size_t n;
} sm_trigger_slot;

typedef struct {
    sm_trigger_slot *slots;  /* NULL: empty */
    size_t mask;
    uint64_t *filter;        /* a bit per hash value's low 16 bits: most
                                words are no trigger, told without a probe */
} sm_trigger_index;

#define SM_FNV_BASIS 14695981039346656037ull
#define SM_FNV_PRIME 1099511628211ull

/* A trigger word in a paragraph: the skill, and the offset of the last
 * byte of the token that holds it. */
typedef struct {
    int skill;
    size_t place;
} sm_trigger_hit;

bool sm_trigger_index_build(sm_trigger_index *ix, const sm_trigger *t);
void sm_trigger_index_free(sm_trigger_index *ix);

/* Where a match may start: from lo to hi, bytes into a paragraph. */
typedef struct {
    size_t lo, hi;
} sm_window;

struct sm_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    /* reusable buffers for the matcher */
    unsigned char *cand;     /* one flag per skill */
    size_t *cand_end;        /* per skill: end of its last trigger word */
    sm_trigger_hit *thits;   /* the paragraph's trigger words, by skill */
    size_t nthits, capthits;
    bool thits_lost;         /* out of memory: some are missing */
    size_t *skill_at;        /* nskills + 1 counters to sort them */
    sm_trigger_index exact, prefix;   /* the rules' trigger tables */
    sm_litscan scan;         /* the paragraph's literals */
    bool plain;              /* ... and it is plain (sm_litscan_run()) */
    unsigned char *cue_ok;   /* negations then hedges: may match there */
    size_t ncue;
    unsigned char *cue_known;   /* per cue: cue_lits has its literals */
    size_t *cue_at;          /* cue q's are cue_lits[cue_at[q]..[q+1]) */
    sm_window *cue_lits;     /* start and end of each, by start */
    size_t ncue_lits, capcue_lits;
    sm_window *win;          /* where a pattern's matches can start */
    size_t nwin, capwin;
    size_t *bounds;          /* where the paragraph's clauses end */
    size_t nbounds, capbounds;
    size_t ncand;
};

/* ---- a pattern's matches in a paragraph (search.c) ---- */
typedef struct {
    size_t start, end;
    int pattern;             /* which of the skill's patterns found it */
} sm_span;

typedef struct {
    sm_span *v;
    size_t n, cap;
} sm_spans;

/* Work out how the matcher looks for each of res[0..n), once the index ix
 * of their literals is built; ix then keeps the places only of the
 * literals the plans look at. */
void sm_regex_plan_all(sm_regex *const *res, size_t n, sm_litindex *ix);
/* Order sm_window by start. */
int sm_window_cmp(const void *a, const void *b);
/* Every match of `re` in the paragraph [p0, p1) of t that starts from
 * `from` to `limit` (relative to p0), in order, as spans of t, into out:
 * searched from one match's end to the next. */
sm_status sm_find_all(const sm_regex *re, sm_scratch *s, const char *t,
                      size_t p0, size_t p1, size_t from, size_t limit,
                      sm_spans *out, sm_error *err);
/* The same matches as sm_find_all() from 0, found the fastest way the
 * plan of `re` and the paragraph's literal scan allow (or near `places`,
 * n trigger places in order, on their lines or re->max_breaks above). */
sm_status sm_find_matches(const sm_regex *re, sm_scratch *s,
                          const sm_doc *doc, size_t p0, size_t p1,
                          const sm_trigger_hit *places, size_t n,
                          size_t limit, sm_spans *out, sm_error *err);

#endif
