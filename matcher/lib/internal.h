/* internal.h - structures shared inside the library. The CLI never
 * includes this file. */
#ifndef SM_INTERNAL_H
#define SM_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <uthash.h>

#include "skillmatch.h"

/* ---- errors (status.c) ---- */
sm_status sm_fail(sm_error *err, sm_status code, const char *file, int line,
                  int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* ---- the work counter (status.c) ---- */
/* Units of work this thread has done: bytes scanned or searched by the
 * loops and patterns whose cost depends on the input, and elements sorted.
 * Tests read it at two input sizes to check that work grows linearly
 * (tests/unit/test_linear.c); nothing else does. */
extern _Thread_local uint64_t sm_work;
#define SM_WORK(n) ((void)(sm_work += (uint64_t)(n)))

/* ---- growable arrays ---- */
/* Make room for one more element in *arr (of *n, capacity *cap). */
bool sm_grow(void **arr, size_t *cap, size_t n, size_t elem);
/* Make room for `need` elements in all. */
bool sm_reserve(void **arr, size_t *cap, size_t need, size_t elem);
#define SM_PUSH(arr, n, cap)                                            \
    ((n) < (cap) || sm_grow((void **)&(arr), &(cap), (n), sizeof *(arr))  \
         ? &(arr)[(n)++]                                                   \
         : NULL)

char *sm_strdup(const char *s);
char *sm_strndup(const char *s, size_t n);

/* s[0..n) with each byte that does not begin valid UTF-8 replaced by
 * U+FFFD, NUL-ended; its length in *len. NULL when out of memory. */
char *sm_utf8_repair(const char *s, size_t n, size_t *len);

/* ---- building JSON (json_util.c) ---- */
/* json_object_set_new() and json_array_append_new() that remember a
 * failure (v NULL, or out of memory) in *ok instead of ignoring it. */
void sm_json_put(json_t *o, const char *k, json_t *v, bool *ok);
void sm_json_append(json_t *a, json_t *v, bool *ok);
/* A string that may not be valid UTF-8 (a file name: names are bytes):
 * its bad bytes become U+FFFD. NULL for NULL, or out of memory. */
json_t *sm_json_string_any(const char *s);

/* qsort(), but few elements (the usual case in a paragraph) are put in
 * order by insertion, without qsort()'s set-up. Not stable either. */
void sm_sort(void *base, size_t n, size_t size,
             int (*cmp)(const void *, const void *));

/* ---- YAML tree (yaml_tree.c) ---- */
typedef enum { SM_Y_SCALAR, SM_Y_SEQ, SM_Y_MAP } sm_ynode_kind;

typedef struct sm_ynode {
    sm_ynode_kind kind;
    int line, col;           /* 1-based */
    int quoted;              /* scalar written with quotes */
    char *value;             /* scalar text */
    size_t len;
    struct sm_ynode **items; /* seq: items; map: key, value, key, value ... */
    struct sm_ynode *self;   /* this node: a one-item list of a scalar */
    size_t n, cap;
} sm_ynode;

sm_status sm_yaml_parse(const char *file, const char *data, size_t len,
                        sm_ynode **out, sm_error *err);
void sm_ynode_free(sm_ynode *n);
/* Fill err with a rules error at node n of file (line 0 when n is NULL). */
sm_status sm_ynode_fail(sm_error *err, const char *file, const sm_ynode *n,
                        const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A number from lo to hi in scalar n; errors name file:line:col. */
sm_status sm_ynode_number(const char *file, const sm_ynode *n,
                          const char *what, double lo, double hi, double *out,
                          sm_error *err);
/* A scalar or a list of scalars, as a list (items point into the tree). */
sm_status sm_ynode_strings(const char *file, const sm_ynode *n,
                           const char *what, const sm_ynode *const **items,
                           size_t *count, sm_error *err);
/* Read and parse a YAML file of at most max_bytes; a file that cannot be
 * read is an error of code fail_code. *root is NULL for an empty file. */
sm_status sm_yaml_load_file(const char *path, size_t max_bytes,
                            sm_status fail_code, sm_ynode **root,
                            sm_error *err);

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
    bool jit;                /* JIT-compiled: run by pcre2_jit_match() */
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

/* Compile a pattern (caseless, UTF); see sm_regex_jit_all() for speed. */
sm_status sm_regex_compile(sm_regex *re, const char *src, uint32_t extra,
                           const char *file, int line, int col, sm_error *err);
/* JIT-compile one pattern; when that fails it runs in the interpreter. */
void sm_regex_jit(sm_regex *re);
/* sm_regex_jit() for res[0..n), on several threads when there are many. */
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

struct sm_trigger;
bool sm_trigger_index_build(sm_trigger_index *ix, const struct sm_trigger *t);
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

/* ---- ASCII letters and digits: the C locale's classes, inline ---- */
static inline unsigned char sm_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static inline bool sm_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static inline bool sm_is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool sm_is_alnum(unsigned char c)
{
    return sm_is_alpha(c) || sm_is_digit(c);
}

/* A lower-case letter or digit as 0..35, other bytes -1. */
static inline int sm_alnum36(unsigned char c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0'
                                                                  : -1;
}

/* ---- rules ---- */
typedef struct sm_skill {
    sm_skill_info info;      /* public view; pointers into the fields below */
    int index;
    sm_regex *pats;
    size_t npats;
    sm_regex *excl;
    size_t nexcl;
    char **pat_src, **excl_src;
    char **triggers;
    size_t ntriggers;
    char **sources;
    size_t nsources;
    char *source_joined;
    char **ex_match, **ex_nomatch;
    int *ex_match_line, *ex_nomatch_line;
    int *ex_match_col, *ex_nomatch_col;
    size_t nex_match, nex_nomatch;
    int category_idx;
    bool core_ml;            /* shows machine learning (levels.ml_skills) */
    int ignore_hedges;       /* a skill about learning: hedges keep it whole */
    UT_hash_handle hh;
} sm_skill;

typedef struct {
    char *id;                /* skill id or group id */
    char *name;              /* display name */
    int *skills;             /* skill indices (one for a plain skill) */
    size_t nskills;
    int weight;
    char *reason, *source;
} sm_requirement;

typedef struct sm_profile {
    sm_level level;
    char *name;              /* "junior" ... (hash key) */
    char *title;
    double years_min, years_max;   /* years_max < 0: open */
    sm_requirement *reqs;
    size_t nreqs;
    sm_requirement *nice;
    size_t nnice;
    UT_hash_handle hh;
} sm_profile;

typedef struct {
    char *id;
    sm_regex re;
    double strength;         /* hedge: strength of the hit; negation: 0 */
    int where;               /* 0 before the hit, 1 after */
} sm_cue;

typedef struct {
    char *name;
    double strength;
    sm_regex *headings;
    size_t nheadings;
} sm_section_def;

typedef struct {
    char *key;               /* "000:14" */
    UT_hash_handle hh;
} sm_fact_line;

typedef struct sm_trigger {
    char *key;               /* trigger word or prefix */
    int *skills;
    size_t n, cap;
    UT_hash_handle hh;
} sm_trigger;

struct sm_rules {
    char *dir;
    sm_skill *skills;        /* array, definition order */
    size_t nskills, capskills;
    sm_skill *by_id;         /* uthash over skills[] */
    sm_profile *profiles;    /* uthash, owns the profiles */
    sm_profile *by_level[SM_LEVEL_COUNT + 1];
    double pass;             /* coverage that shows a level by itself */
    double floor[SM_LEVEL_COUNT + 1];  /* coverage a level needs when the
                                          years point at it */
    bool have_ml_skills;     /* levels.ml_skills given */
    sm_cue *negations, *hedges;
    size_t nnegations, nhedges;
    sm_regex *corroborations;
    size_t ncorroborations;
    int context_window;
    sm_section_def *sections;
    size_t nsections;
    sm_fact_line *facts;
    size_t nfacts;
    sm_trigger *exact;       /* uthash: word -> skills */
    sm_trigger *prefix;      /* uthash: prefix -> skills */
    uint64_t prefix_lens;    /* the lengths prefix triggers have: bit n,
                                length n */
    uint64_t prefix_lens2[36 * 36];  /* ... by their first two bytes (see
                                        sm_alnum36()) */
    bool prefix_short;       /* a prefix trigger of one byte or none */
    int *untriggered;        /* skills with no trigger: always run */
    size_t nuntriggered;
    sm_error *warnings;
    size_t nwarnings, capwarnings;
    uint32_t max_capture;
    sm_litindex lits;        /* the literals of skills' patterns and cues */
    struct sm_lint_rules *lint;     /* the `lint:` key and salary facts
                                       (lint_rules.c); NULL when none */
    struct sm_job_rules *job;       /* the `job:` key (job/job_rules.c);
                                       NULL when none */
};

/* A source "NNN:L" or "NNN:L-M" whose every line is covered by a fact
 * (not checked when the rules have no facts). */
sm_status sm_rules_check_source(const sm_rules *r, const char *file,
                                const sm_ynode *n, sm_error *err);

/* ---- documents (read.c, normalize.c) ---- */
typedef struct {
    size_t norm;             /* offset in the normalized text */
    int line, col;           /* the original position there */
} sm_anchor;

struct sm_doc {
    char *name;
    char *text;              /* normalized, NUL-terminated */
    size_t len;
    sm_anchor *anchors;      /* ascending by norm */
    size_t nanchors, capanchors;
    size_t *line_starts;     /* normalized offset of each line */
    size_t nlines;
    sm_error *warnings;
    size_t nwarnings, capwarnings;
};

/* Normalize valid UTF-8 `in` into doc->text with anchors and line starts. */
sm_status sm_normalize(sm_doc *doc, const char *in, size_t len, sm_error *err);
void sm_doc_warn(sm_doc *doc, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The next token of text[*pos..len), as sm_tokenize() cuts them; false at
 * the end. */
bool sm_token_next(const char *text, size_t len, size_t *pos, sm_token *tok);

/* ---- sections (sections.c) ---- */
/* One section index per line of the document (into rules->sections, or -1
 * for "other"). Caller frees. */
int *sm_sections_assign(const sm_rules *rules, sm_scratch *s,
                        const sm_doc *doc, sm_error *err);
const char *sm_section_name(const sm_rules *rules, int idx);
double sm_section_strength(const sm_rules *rules, int idx);
bool sm_section_is_education(const sm_rules *rules, int idx);

/* ---- matching (match.c) ---- */
/* The longest piece of a paragraph matched at once (see piece_end()). */
#define SM_PIECE_MAX 65536
typedef struct {
    size_t start, end;       /* in the normalized text */
    double strength;
    const char *context;     /* cue id that lowered it */
    int skill;
    int pattern;             /* index into the skill's patterns */
    int section;
    uint32_t count;          /* mentions it stands for (see sm_hits) */
} sm_hit;

typedef enum {
    SM_CAND_ACCEPTED, SM_CAND_EXCLUDED, SM_CAND_NEGATED,
    SM_CAND_UNCORROBORATED
} sm_cand_status;

/* Called for every candidate when tracing (explain). */
typedef void (*sm_trace_cb)(const sm_hit *h, sm_cand_status st,
                            const char *why, void *ud);

typedef struct {
    sm_hit *hits;
    size_t n, cap;
    /* Set by the caller to keep memory bounded by what matters: past a
     * skill's first SM_EVIDENCE_MAX hits, a hit of the same strength and
     * context in the same segment as the skill's last one only adds to its
     * count. A new segment begins at each line of breaks[0..nbreaks)
     * (ascending): lines of one segment are in the same dated job's block,
     * or all in none (analyze.c). merge false: every hit is kept. */
    bool merge;
    const size_t *breaks;
    size_t nbreaks;
    size_t *last;            /* per skill: 1 + index of its last hit */
    uint32_t *kept;          /* per skill: hits kept */
} sm_hits;

sm_status sm_match_doc(const sm_rules *rules, sm_scratch *s, const sm_doc *doc,
                       const int *line_sections, unsigned flags,
                       int only_skill, sm_trace_cb trace, void *ud,
                       sm_hits *out, sm_error *err);

/* ---- years (years.c) ---- */
typedef struct {
    int from, to;            /* months since year 0 */
    size_t line;             /* 0-based line of the range */
} sm_job_range;

typedef struct {
    double years;            /* < 0: unknown */
    char method[256];
    sm_job_range *ranges;    /* dated work, in document order; caller frees */
    size_t nranges;
} sm_years;

/* ---- years of the jobs that hold some lines (blocks.c) ---- */
/* Merged length in years of the ranges whose keep[i] is set (all when keep
 * is NULL), overlaps counted once; -1 when out of memory. */
double sm_years_merged(const sm_job_range *v, size_t n, const bool *keep);
/* The same of w[0..k), already sorted by start (then end). */
double sm_years_merged_sorted(const sm_job_range *w, size_t k);

/* What a document's ranges give every query: each range's block end, the
 * ranges sorted by start, and room for a query's marks. */
typedef struct {
    const sm_job_range *ranges;  /* the sm_years' ranges, by line */
    size_t n;
    size_t *end;                 /* end[i]: the line after range i's block */
    size_t *order;               /* range indexes sorted by start */
    unsigned char *in;           /* a query's blocks */
    sm_job_range *kept;          /* a query's ranges, sorted */
} sm_blocks;

/* y's ranges must be in document order (their lines ascending). false when
 * out of memory. */
bool sm_blocks_init(sm_blocks *b, const sm_years *y, const int *line_sections,
                    size_t nlines);
/* The merged years of the blocks that hold one of lines[0..nl) (in any
 * order); -1 when none does. */
double sm_blocks_years(sm_blocks *b, const size_t *lines, size_t nl);
void sm_blocks_free(sm_blocks *b);
/* The 0-based line of a normalized offset. */
size_t sm_doc_line_of(const sm_doc *doc, size_t offset);

sm_status sm_years_find(const sm_rules *rules, sm_scratch *s, const sm_doc *doc,
                        const int *line_sections, int today_year,
                        int today_month, sm_years *out, sm_error *err);

/* ---- results (score.c) ---- */
struct sm_result {
    char *file;
    sm_skill_match *skills;
    size_t nskills;
    sm_evidence *evidence;   /* all evidence; skills[] point into it */
    size_t nevidence;
    char **strings;          /* owned strings the evidence points at */
    size_t nstrings, capstrings;
    sm_level_score levels[SM_LEVEL_COUNT];
    sm_gap *gaps;            /* all gaps; levels[] point into it */
    size_t ngaps;
    double years;
    double ml_years;         /* years of dated work that shows ML; < 0 */
    char years_method[256];
    sm_level level;
    char reason[400];
    const char *confidence;
};

sm_status sm_score(const sm_rules *rules, const sm_doc *doc,
                   const int *line_sections, const sm_hits *hits,
                   const sm_years *years, sm_result **out, sm_error *err);

/* ---- lint (lint_rules.c, lint.c, config.c, render_lint.c) ---- */
typedef enum {
    SM_LINT_MISSING, SM_LINT_YEARS, SM_LINT_PHRASES, SM_LINT_DUPLICATE,
    SM_LINT_SALARY, SM_LINT_UNKNOWN_LEVEL
} sm_lint_kind;

typedef struct {
    sm_regex re;
    unsigned levels;             /* bit 1 << sm_level; 0: every level */
    char *what;                  /* what the phrase asks for, or NULL */
} sm_lint_phrase;

typedef struct {
    sm_lint_check_info info;     /* public view; strings owned below */
    char *id, *kind_name, *summary, *description, *help, *source;
    sm_lint_kind kind;
    char *message;               /* template with {placeholders} */
    unsigned levels;             /* levels it applies to; 0: all */
    sm_lint_phrase *phrases;     /* phrases, years (named groups min, max),
                                    salary (groups low, high) */
    size_t nphrases;
    sm_regex *cues, *excludes;   /* salary: the line must / must not match */
    size_t ncues, nexcludes;
    sm_regex *anchors;           /* missing-required: heading to point at */
    size_t nanchors;
    bool require;                /* phrases: a finding when none matches */
    int error_weight, min_weight;   /* missing-required */
    double margin;               /* salary: how far outside is "far" */
    char **categories;           /* duplicate: every written form of the
                                    skills of these categories */
    size_t ncategories;
    struct sm_lint_alias *aliases;   /* duplicate: the names of a skill */
    size_t naliases;
} sm_lint_def;

/* Two hits of `skill` whose texts are different names of it (each text
 * matched whole by one of `names`) ask for it twice. */
typedef struct sm_lint_alias {
    int skill;
    sm_regex *names;
    size_t nnames;
} sm_lint_alias;

typedef struct {
    sm_regex re;
    sm_level level;
    int strength;                /* the strongest word wins, then the first */
} sm_title_word;

typedef struct {
    double min, max;             /* max < 0: open */
    char sources[128];
} sm_lint_range;

typedef struct sm_lint_rules {
    sm_lint_def *checks;
    size_t nchecks, capchecks;
    sm_title_word *words;
    size_t nwords, capwords;
    sm_regex *labels, *roles;    /* "Job title:" labels; role nouns */
    size_t nlabels, nroles;
    int title_lines;             /* lines searched for the title */
    sm_lint_range salary[SM_LEVEL_COUNT + 1];   /* from the facts */
    bool have_salary[SM_LEVEL_COUNT + 1];
    uint32_t max_capture;
} sm_lint_rules;

/* The `lint:` key of a rules file into `lr` (allocated on first use);
 * `r` gives skills, categories and facts for checking sources. */
sm_status sm_lint_rules_load(const sm_rules *r, sm_lint_rules **lr,
                             const char *file, const sm_ynode *node,
                             sm_error *err);
/* The salary figures and levels of the `facts:` key. */
sm_status sm_lint_facts_load(sm_rules *r, const char *file,
                             const sm_ynode *list, sm_error *err);
void sm_lint_rules_free(sm_lint_rules *lr);

/* Small YAML helpers shared by lint_rules.c and config.c. */
const sm_ynode *sm_ymap_get(const sm_ynode *map, const char *key);
sm_status sm_ymap_check_keys(const char *file, const sm_ynode *map,
                             const char *what, const char *const *allowed,
                             sm_error *err);

typedef struct {
    double min, max;             /* max < 0: open */
} sm_years_range;

struct sm_lint_config {
    char *path;
    char **files;                /* the extra rules' file names: patterns
                                    and checks point at them */
    size_t nfiles;
    char *fail_on;
    char **ids;                  /* per-check settings, by check id */
    int *severity;               /* an sm_severity (OFF: turned off), or
                                    -1 to keep the default */
    int *error_weight, *min_weight;   /* -1: keep */
    double *margin;              /* < 0: keep */
    size_t nids;
    sm_years_range years[SM_LEVEL_COUNT + 1];
    bool have_years[SM_LEVEL_COUNT + 1];
    sm_lint_range salary[SM_LEVEL_COUNT + 1];
    bool have_salary[SM_LEVEL_COUNT + 1];
    sm_lint_rules *extra;        /* the `rules:` folder's checks, or NULL */
};

/* The configuration's entry for check `id`, or -1. */
int sm_lint_config_index(const sm_lint_config *cfg, const char *id);

struct sm_lint_result {
    char *file;
    char *title;
    int title_line;
    sm_level level;
    sm_level_source level_source;
    double years_asked, years_asked_max;   /* < 0: none asked, open */
    sm_lint_finding *findings;
    size_t nfindings, capfindings;
    char **strings;              /* owned messages */
    size_t nstrings, capstrings;
    const sm_rules *rules;       /* for the renderers' list of checks */
    const sm_lint_config *cfg;
};

#endif
