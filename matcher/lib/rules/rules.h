/* rules.h - the loaded rules: YAML trees with positions (yaml_tree.c);
 * the folder read and each key handed to its loader (rules.c): skills
 * and triggers (skills.c), profiles and levels (profiles.c), context and
 * sections (context.c); patterns
 * compiled the one way (patterns.c); the facts
 * that sources cite and the salary figures (facts.c); the `lint:` key's
 * title words and checks (lint_rules.c); a configuration's level ladder
 * and the years that give a level (ladder.c). Immutable once loaded. Depends
 * on engine (patterns are compiled here, once), doc and util. */
#ifndef SM_RULES_H
#define SM_RULES_H

#include <stdbool.h>
#include <stdint.h>
#include <uthash.h>

#include "engine/engine.h"
#include "skillmatch.h"

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


/* Small YAML helpers shared by lint_rules.c and config.c. */
const sm_ynode *sm_ymap_get(const sm_ynode *map, const char *key);
sm_status sm_ymap_check_keys(const char *file, const sm_ynode *map,
                             const char *what, const char *const *allowed,
                             sm_error *err);


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
    int owned;               /* a degree: the person's only where the context
                                says so (analyze/cues.h) */
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

/* The context rules that are not negation or hedge: ownership and weak
 * cues (context.yaml; loaded by context.c, applied by analyze/cues.c). */
typedef struct sm_context_rules {
    sm_cue *owned, *not_owned, *weak;
    size_t nowned, nnot_owned, nweak;
    char **sections;         /* where an owned skill needs no cue */
    size_t nsections;
} sm_context_rules;

void sm_context_rules_free(sm_context_rules *c);   /* NULL is fine */

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
    struct sm_context_rules *context;   /* ownership and weak cues
                                           (analyze/cues.h); NULL: none */
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
    struct sm_job_rules *job;       /* the `job:` key (job_rules.c);
                                       NULL when none */
    struct sm_lint_rules *lint;     /* the `lint:` key and salary facts
                                       (lint_rules.c); NULL when none */
};

/* ---- loading (rules.c; skills.c, profiles.c, context.c) ---- */
/* What a loader works with: the rules being filled and the file read. */
typedef struct {
    sm_rules *r;
    const char *file;        /* owned by r->files */
    sm_error *err;
} sm_rules_ctx;

/* Unknown or repeated keys in `map` are errors. */
sm_status sm_rules_check_keys(sm_rules_ctx *c, const sm_ynode *map,
                              const char *what,
                              const char *const *allowed);
sm_status sm_rules_need_kind(sm_rules_ctx *c, const sm_ynode *n,
                             sm_ynode_kind kind,
                             const char *what);
sm_status sm_rules_need_string(sm_rules_ctx *c, const sm_ynode *map,
                               const char *key,
                               const char *what, const sm_ynode **out);
/* A scalar or a list of scalars -> the nodes of the strings. */
sm_status sm_rules_strings(sm_rules_ctx *c, const sm_ynode *n,
                           const char *what,
                           const sm_ynode *const **out, size_t *count);
sm_status sm_rules_number(sm_rules_ctx *c, const sm_ynode *n, const char *what,
                          double lo, double hi, double *out);
sm_status sm_rules_bool(sm_rules_ctx *c, const sm_ynode *n, const char *what,
                        int *out);
/* Every line a source names must be covered by a fact. With no facts at
 * all, sources are not checked (a warning says so). */
sm_status sm_rules_need_source(sm_rules_ctx *c, const sm_ynode *n);
sm_status sm_rules_sources(sm_rules_ctx *c, const sm_ynode *n,
                           const char *what,
                           char ***out, size_t *count);
char *sm_rules_join(char **v, size_t n, const char *sep);
sm_status sm_rules_compile_list(sm_rules_ctx *c, const sm_ynode *n,
                                const char *what,
                                const char *id, sm_regex **out, size_t *count);
sm_status sm_rules_load_skills(sm_rules_ctx *c, const sm_ynode *list);
int sm_skill_order(const void *a, const void *b);
void sm_skill_release(sm_skill *k);
sm_status sm_rules_load_profiles(sm_rules_ctx *c, const sm_ynode *list);
sm_status sm_rules_load_levels(sm_rules_ctx *c, const sm_ynode *m);
void sm_profile_free(sm_profile *p);
sm_skill *sm_rules_skill_by_id(const sm_rules *r, const char *id);
sm_status sm_rules_load_context(sm_rules_ctx *c, const sm_ynode *m);
sm_status sm_rules_load_sections(sm_rules_ctx *c, const sm_ynode *list);
sm_status sm_rules_build_triggers(sm_rules *r, sm_error *err);
bool sm_rules_valid_id(const char *s);

/* ---- patterns (patterns.c) ---- */
/* Compile the pattern of scalar n of `file` into re (caseless, UTF, and
 * PCRE2 options `extra`), with errors at n's line and column; a bad
 * pattern is an SM_ERR_RULES whose message starts "what: ". Its capture
 * count raises *max_capture (when not NULL). Not JIT-compiled yet. */
sm_status sm_rules_compile(sm_regex *re, const char *file, const sm_ynode *n,
                           uint32_t extra, const char *what,
                           uint32_t *max_capture, sm_error *err);

/* ---- facts and sources (facts.c) ---- */
/* Add the lines of the fact source at scalar n ("NNN:L" or "NNN:L-M") to
 * r's facts. */
sm_status sm_rules_fact_add(sm_rules *r, const char *file, const sm_ynode *n,
                            sm_error *err);
/* A source "NNN:L" or "NNN:L-M" whose every line is covered by a fact
 * (not checked when the rules have no facts). */
sm_status sm_rules_check_source(const sm_rules *r, const char *file,
                                const sm_ynode *n, sm_error *err);

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

/* ---- a level ladder (ladder.c) ---- */
typedef struct {
    double min, max;             /* max < 0: open */
} sm_years_range;

/* The `levels:` key of a .skillmatch.yml: years and salary per level that
 * replace the profiles' and the facts'. Zeroed: sets nothing. */
struct sm_ladder {
    char *source;                /* the file, when it sets years; else NULL */
    sm_years_range years[SM_LEVEL_COUNT + 1];
    bool have_years[SM_LEVEL_COUNT + 1];
    sm_lint_range salary[SM_LEVEL_COUNT + 1];
    bool have_salary[SM_LEVEL_COUNT + 1];
};

/* Read map m (the `levels:` key of `file`) into the zeroed *l; a ladder
 * that does not rise from junior to senior over r's profiles is an error
 * at m. Errors name file:line:col. */
sm_status sm_ladder_load(const sm_rules *r, const char *file,
                         const sm_ynode *m, sm_ladder *l, sm_error *err);
/* Frees what sm_ladder_load() allocated; NULL is fine. */
void sm_ladder_release(sm_ladder *l);
/* Does it set the years of some level? (NULL: no.) */
bool sm_ladder_sets_years(const sm_ladder *l);
/* The years of level lv: l's when it sets them (l may be NULL), else the
 * profile's. *hi < 0: open. */
void sm_ladder_years(const sm_rules *r, const sm_ladder *l, sm_level lv,
                     double *lo, double *hi);
/* Where junior ends (*jm) and senior begins (*ms), in years. */
void sm_ladder_bounds(const sm_rules *r, const sm_ladder *l, double *jm,
                      double *ms);
/* The level `years` of experience give. */
sm_level sm_ladder_level(const sm_rules *r, const sm_ladder *l, double years);
/* "0-2", "7+", "3" */
void sm_ladder_range_text(double lo, double hi, char *out, size_t cap);

/* The `lint:` key of a rules file into `lr` (allocated on first use);
 * `r` gives skills, categories and facts for checking sources. */
sm_status sm_lint_rules_load(const sm_rules *r, sm_lint_rules **lr,
                             const char *file, const sm_ynode *node,
                             sm_error *err);
/* The salary figures and levels of the `facts:` key (facts.c). */
sm_status sm_lint_facts_load(sm_rules *r, const char *file,
                             const sm_ynode *list, sm_error *err);
/* An empty sm_lint_rules (8 title lines, no salary figures); NULL when
 * out of memory. */
sm_lint_rules *sm_lint_rules_new(void);
void sm_lint_rules_free(sm_lint_rules *lr);

#endif
