/* job.h - the job module: (with the `job:` key of the rules,
 * rules/job_rules.c) a posting's asks (posting.c), a resume against a posting (fit.c), and
 * explain for a posting's skill (explain_job.c). Private to the library;
 * the renderers of a match (render/render_match_*.c) read these structs. */
#ifndef SM_JOB_H
#define SM_JOB_H

#include "analyze/analyze.h"
#include "doc/doc.h"
#include "engine/engine.h"
#include "lint/lint.h"
#include "rules/job_rules.h"
#include "rules/rules.h"
#include "util/util.h"

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
