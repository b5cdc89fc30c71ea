/* patterns.c - a pattern of a rules file compiled, the one way both
 * loaders (rules.c and lint_rules.c) do it: at the node's file:line:col,
 * a bad pattern an SM_ERR_RULES that says what it was for, and the most
 * capture groups seen kept, to size the match data. */
#include <stdio.h>

#include "rules/rules.h"
#include "engine/engine.h"

sm_status sm_rules_compile(sm_regex *re, const char *file, const sm_ynode *n,
                           uint32_t extra, const char *what,
                           uint32_t *max_capture, sm_error *err)
{
    sm_status st = sm_regex_compile(re, n->value, extra, file, n->line,
                                    n->col + (n->quoted ? 1 : 0), err);
    if (st == SM_ERR_REGEX && err) {
        char m[sizeof err->msg];
        snprintf(m, sizeof m, "%s", err->msg);
        snprintf(err->msg, sizeof err->msg, "%s: %.400s", what, m);
        err->code = SM_ERR_RULES;
    }
    if (st == SM_ERR_REGEX)
        st = SM_ERR_RULES;
    if (st != SM_OK)
        return st;
    uint32_t caps = 0;
    pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &caps);
    if (max_capture && caps > *max_capture)
        *max_capture = caps;
    return SM_OK;
}
