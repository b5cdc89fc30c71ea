/* lint.h - job-description drafts: a configuration (.skillmatch.yml,
 * config.c), the checks that apply and their severity (checks.c), and
 * the findings of a draft (lint.c). The checks themselves are loaded
 * with the rules (rules/lint_rules.c). Depends on analyze, rules, engine,
 * doc and util. */
#ifndef SM_LINT_H
#define SM_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/rules.h"
#include "skillmatch.h"

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
    sm_lint_finding *findings;
    size_t nfindings, capfindings;
    char **strings;              /* owned messages */
    size_t nstrings, capstrings;
    const sm_rules *rules;       /* for the renderers' list of checks */
    const sm_lint_config *cfg;
};

#endif
