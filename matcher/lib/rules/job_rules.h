/* job_rules.h - the `job:` key of the rules (job_rules.c): what a posting's
 * asks weigh, the headings and phrases that make them required or
 * preferred, and the families of near skills. Loaded with the rules; the
 * job module (job/) reads it. */
#ifndef SM_RULES_JOB_RULES_H
#define SM_RULES_JOB_RULES_H

#include "engine/engine.h"
#include "rules/rules.h"

typedef struct {
    char *id;
    int *skills;             /* skill indexes, in the family's order */
    size_t n;
    char *source;
} sm_job_family;

typedef struct sm_job_rules {
    double weight[SM_ASK_PREFERRED + 1];   /* by sm_ask_kind */
    char *weight_source;
    sm_regex *heads[SM_ASK_PREFERRED + 1]; /* whole-line headings */
    size_t nheads[SM_ASK_PREFERRED + 1];
    sm_regex *cues;          /* a sentence holding one asks as preferred */
    size_t ncues;
    sm_job_family *families;
    size_t nfamilies;
    char *file;
} sm_job_rules;

/* The `job:` key of a rules file into *jr (allocated here); skills and
 * facts must be loaded already. */
sm_status sm_job_rules_load(const sm_rules *r, sm_job_rules **jr,
                            const char *file, const sm_ynode *node,
                            sm_error *err);
void sm_job_rules_free(sm_job_rules *jr);

#endif
