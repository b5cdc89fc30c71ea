/* checks.c - the registry of lint checks: the rules' own, then those of
 * a configuration's extra rules folder, each with the severity the
 * configuration gives it. */
#include "lint/lint.h"
#include "rules/rules.h"

size_t sm_lint_check_count(const sm_rules *rules, const sm_lint_config *cfg)
{
    return (rules->lint ? rules->lint->nchecks : 0) +
           (cfg && cfg->extra ? cfg->extra->nchecks : 0);
}

const sm_lint_check_info *sm_lint_check(const sm_rules *rules,
                                        const sm_lint_config *cfg, size_t i)
{
    size_t own = rules->lint ? rules->lint->nchecks : 0;
    if (i < own)
        return &rules->lint->checks[i].info;
    i -= own;
    if (cfg && cfg->extra && i < cfg->extra->nchecks)
        return &cfg->extra->checks[i].info;
    return NULL;
}

sm_severity sm_lint_check_severity(const sm_rules *rules,
                                   const sm_lint_config *cfg,
                                   const sm_lint_check_info *check)
{
    (void)rules;
    int i = sm_lint_config_index(cfg, check->id);
    if (i >= 0 && cfg->severity[i] >= 0)
        return (sm_severity)cfg->severity[i];
    return check->severity;
}
