/* lint.h - job-description drafts: a configuration (.skillmatch.yml,
 * config.c; its level ladder, which check and screen use too, is
 * rules/ladder.c's), the checks that apply and their severity (checks.c), and
 * the findings of a draft: the entry point and result (lint.c), the
 * draft made ready and the helpers the checks share (draft.c), the check
 * engines (engines.c). The checks themselves are loaded
 * with the rules (rules/lint_rules.c). Depends on analyze, rules, engine,
 * doc and util. */
#ifndef SM_LINT_H
#define SM_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "analyze/analyze.h"
#include "rules/rules.h"
#include "skillmatch.h"

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
    sm_ladder ladder;            /* the `levels:` key (rules/ladder.c) */
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


/* ---- linting one draft (lint.c, draft.c, engines.c) ---- */
typedef enum {
    SM_LINT_DIR_DISABLE, SM_LINT_DIR_ENABLE, SM_LINT_DIR_NEXT_LINE
} sm_lint_dir_kind;

typedef struct {
    sm_lint_dir_kind kind;
    int line;                    /* original line of the comment */
    char **ids;                  /* none: every check */
    size_t nids;
} sm_lint_directive;

typedef struct {
    const sm_lint_def *check;
    sm_severity severity;
    int line, col;
    char *message;
    const char *source;
    bool whole;                  /* about the whole draft, not a place */
    size_t seq;
} sm_lint_pending;

typedef struct {
    const sm_rules *r;
    const sm_lint_config *cfg;
    const sm_lint_rules *sets[2];   /* the rules' lint, the config's extra */
    sm_scratch *s;
    const sm_doc *doc;
    sm_doc masked;               /* doc with the blanked text */
    char *text;                  /* blanked copy of doc->text */
    size_t len;
    size_t body;                 /* offset where the body starts */
    pcre2_match_data *md;
    sm_lint_directive *dirs;
    size_t ndirs, capdirs;
    sm_lint_pending *found;
    size_t nfound, capfound;
    sm_lint_result *res;
    int fm_level_line, fm_level_col;   /* a front-matter level not told */
    char fm_level_bad[64];
    sm_error *err;
} sm_lint_ctx;

sm_status sm_lint_add(sm_lint_ctx *c, const sm_lint_def *k, sm_severity sev,
                      int line, int col, const char *source,
                      const char *const *vars);
sm_status sm_lint_add_at(sm_lint_ctx *c, const sm_lint_def *k, size_t off,
                         const char *const *vars);
int sm_lint_any_match(sm_lint_ctx *c, const sm_regex *v, size_t n,
                      const char *s,
                      size_t len);
/* Front matter, fences and comments: blanked, directives collected. */
sm_status sm_lint_blank_out(sm_lint_ctx *c, size_t *fm_a, size_t *fm_b);
sm_status sm_lint_claimed_level(sm_lint_ctx *c, const sm_lint_options *opt,
                                size_t fm_a, size_t fm_b);
sm_severity sm_lint_severity_of(const sm_lint_ctx *c, const sm_lint_def *k);
/* 1 and the span of the next match at or after `start`, 0 for none, -1 on
 * a PCRE2 error (err filled). */
int sm_lint_find(sm_lint_ctx *c, const sm_regex *re, const char *subj,
                 size_t len,
                 size_t start, size_t *ms, size_t *me);
/* The span of named group `name` of the last match; false when unset. */
bool sm_lint_group(const sm_lint_ctx *c, const sm_regex *re, const char *name,
                   size_t *gs, size_t *ge);
size_t sm_lint_line_end(const char *t, size_t len, size_t i);
bool sm_lint_directive_names(const sm_lint_directive *d, const char *id);
/* The next match of re in the text from *pos on: 1, and *pos past it (one
 * byte on, after an empty match); 0 for none; -1 on a match error. */
int sm_lint_next_match(sm_lint_ctx *c, const sm_regex *re, size_t *pos,
                       size_t *ms, size_t *me);
void sm_lint_position(const sm_lint_ctx *c, size_t off, int *line, int *col);
/* A one-line copy of text[a..b) for a message: runs of white space
 * folded, cut with "..." at a character boundary when it is longer than
 * `cap` allows. */
void sm_lint_quote(const char *t, size_t a, size_t b, char *out, size_t cap);
sm_status sm_lint_run_check(sm_lint_ctx *c, const sm_lint_def *k,
                            const sm_hits *hits);
/* Is check `id` turned off at `line` by the inline comments? A finding
 * about the whole draft is also turned off by a skillmatch-disable comment
 * that names its check anywhere. */
bool sm_lint_silenced(const sm_lint_ctx *c, const char *id, int line,
                      bool whole);
/* Markdown decoration around a line: "# ", "**", "> ", "- ", trailing
 * "#", "*", ":". */
void sm_lint_strip(const char *t, size_t *a, size_t *b);
sm_status sm_lint_title_words(sm_lint_ctx *c, const char *title, size_t len,
                              sm_level *out);
/* The line findings about the whole draft point at: its title's. */
int sm_lint_title_line(const sm_lint_ctx *c);

/* The largest number of years the draft asks for, by the phrases of years
 * check k: *best (< 0: none), *best_max (< 0: open) and where (engines.c;
 * also for sm_lint_result_years_asked()). */
sm_status sm_lint_asked_years(sm_lint_ctx *c, const sm_lint_def *k,
                              double *best, double *best_max, size_t *at);

#endif
