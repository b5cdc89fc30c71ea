/* job.h - the job module: the `job:` key of the rules (job_rules.c), a
 * posting's asks (posting.c), a resume against a posting (fit.c), and
 * explain for a posting's skill (explain_job.c). Private to the library;
 * the renderers of a match (render/render_match_*.c) read these structs. */
#ifndef SM_JOB_H
#define SM_JOB_H

#include "internal.h"

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

struct sm_job {
    char *file;
    sm_level level;
    double years_asked, years_asked_max;
    sm_ask *asks;            /* required first, then preferred */
    size_t nasks;
    char **texts;            /* the asks' lines */
    size_t nreq;             /* asks[0..nreq) are required */
    const sm_rules *rules;
};

struct sm_match {
    const sm_job *job;
    const sm_result *resume;
    double score;
    sm_match_item *items;    /* matched (nmatched), then missing */
    size_t nmatched, nmissing, nmissing_req;
    sm_fit years_fit, level_fit;
    char verdict[512];
};

/* A mention weaker than this is a wish, not a skill shown (the strength
 * of context.yaml's want_to_learn cues is below it; score.c draws the
 * same line for "shows machine learning"). */
#define SM_SHOWN 0.5

#endif
