/* internal.h - structures shared inside the library. The CLI never
 * includes this file. */
#ifndef SM_INTERNAL_H
#define SM_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
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

/* ---- growable arrays ---- */
/* Make room for one more element in *arr (of *n, capacity *cap). */
bool sm_grow(void **arr, size_t *cap, size_t n, size_t elem);
#define SM_PUSH(arr, n, cap) \
    (sm_grow((void **)&(arr), &(cap), (n), sizeof *(arr)) ? &(arr)[(n)++] : NULL)

char *sm_strdup(const char *s);
char *sm_strndup(const char *s, size_t n);

/* ---- YAML tree (yaml_tree.c) ---- */
typedef enum { SM_Y_SCALAR, SM_Y_SEQ, SM_Y_MAP } sm_ynode_kind;

typedef struct sm_ynode {
    sm_ynode_kind kind;
    int line, col;           /* 1-based */
    int quoted;              /* scalar written with quotes */
    char *value;             /* scalar text */
    size_t len;
    struct sm_ynode **items; /* seq: items; map: key, value, key, value ... */
    size_t n, cap;
} sm_ynode;

sm_status sm_yaml_parse(const char *file, const char *data, size_t len,
                        sm_ynode **out, sm_error *err);
void sm_ynode_free(sm_ynode *n);

/* ---- compiled patterns (regex.c) ---- */
typedef struct {
    char *src;
    pcre2_code *code;
    const char *file;
    int line, col;
} sm_regex;

sm_status sm_regex_compile(sm_regex *re, const char *src, uint32_t extra,
                           const char *file, int line, int col, sm_error *err);
void sm_regex_release(sm_regex *re);

/* Find the next match of `re` in subject[start..len). Returns 1 and the span
 * on a match, 0 for none, -1 on a PCRE2 error (err filled). */
int sm_regex_find(const sm_regex *re, sm_scratch *s, const char *subject,
                  size_t len, size_t start, size_t *mstart, size_t *mend,
                  sm_error *err);

struct sm_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    /* reusable buffers for the matcher */
    unsigned char *cand;     /* one flag per skill */
    size_t ncand;
};

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

typedef struct {
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
    double pass;             /* coverage needed for a level */
    char **ml_categories;
    size_t nml_categories;
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
    unsigned char prefix_lens[64];  /* which prefix lengths exist */
    int *untriggered;        /* skills with no trigger: always run */
    size_t nuntriggered;
    sm_error *warnings;
    size_t nwarnings, capwarnings;
    uint32_t max_capture;
};

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
typedef struct {
    int skill;
    size_t start, end;       /* in the normalized text */
    int pattern;             /* index into the skill's patterns */
    double strength;
    const char *context;     /* cue id that lowered it */
    int section;
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
} sm_hits;

sm_status sm_match_doc(const sm_rules *rules, sm_scratch *s, const sm_doc *doc,
                       const int *line_sections, unsigned flags,
                       int only_skill, sm_trace_cb trace, void *ud,
                       sm_hits *out, sm_error *err);

/* ---- years (years.c) ---- */
typedef struct {
    double years;            /* < 0: unknown */
    char method[256];
} sm_years;

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
    char years_method[256];
    sm_level level;
    char reason[400];
    const char *confidence;
};

sm_status sm_score(const sm_rules *rules, const sm_doc *doc, const sm_hits *hits,
                   const sm_years *years, sm_result **out, sm_error *err);

#endif
