/* scratch.c - what one thread analyzes with: PCRE2 match data, its JIT
 * stack and limits, the copies of the rules' trigger tables and the
 * matcher's reusable buffers, sized for the rules. */
#include <stdlib.h>

#include "analyze/analyze.h"
#include "engine/engine.h"
#include "rules/rules.h"

enum {
    MATCH_LIMIT = 1000000,     /* backtracking steps per match call */
    DEPTH_LIMIT = 10000,
    HEAP_LIMIT_KIB = 20 * 1024,
    JIT_STACK_MIN = 32 * 1024,
    JIT_STACK_MAX = 1024 * 1024
};

sm_scratch *sm_scratch_new(const sm_rules *rules)
{
    sm_scratch *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    uint32_t caps = rules ? rules->max_capture : 0;
    s->md = pcre2_match_data_create(caps + 1, NULL);
    s->mctx = pcre2_match_context_create(NULL);
    s->jit = pcre2_jit_stack_create(JIT_STACK_MIN, JIT_STACK_MAX, NULL);
    s->ncand = rules ? rules->nskills : 0;
    s->cand = calloc(s->ncand + 1, 1);
    s->cand_end = calloc(s->ncand + 1, sizeof *s->cand_end);
    s->skill_at = calloc(s->ncand + 1, sizeof *s->skill_at);
    s->ncue = rules ? rules->nnegations + rules->nhedges : 0;
    s->cue_ok = calloc(s->ncue + 1, 1);
    s->cue_known = calloc(s->ncue + 1, 1);
    s->cue_at = calloc(s->ncue + 1, sizeof *s->cue_at);
    if (!s->md || !s->mctx || !s->jit || !s->cand || !s->cand_end ||
        !s->skill_at ||
        !s->cue_ok || !s->cue_known || !s->cue_at ||
        (rules && !sm_litscan_init(&s->scan, &rules->lits)) ||
        (rules && (!sm_trigger_index_build(&s->exact, rules->exact) ||
                   !sm_trigger_index_build(&s->prefix, rules->prefix)))) {
        sm_scratch_free(s);
        return NULL;
    }
    pcre2_set_match_limit(s->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(s->mctx, DEPTH_LIMIT);
    pcre2_set_heap_limit(s->mctx, HEAP_LIMIT_KIB);
    pcre2_jit_stack_assign(s->mctx, NULL, s->jit);
    return s;
}

void sm_scratch_free(sm_scratch *s)
{
    if (!s)
        return;
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mctx);
    pcre2_jit_stack_free(s->jit);
    free(s->cand);
    free(s->cand_end);
    free(s->thits);
    free(s->skill_at);
    sm_litscan_free(&s->scan);
    free(s->win);
    free(s->bounds);
    free(s->cue_ok);
    free(s->cue_known);
    free(s->cue_at);
    free(s->cue_lits);
    sm_trigger_index_free(&s->exact);
    sm_trigger_index_free(&s->prefix);
    free(s);
}
