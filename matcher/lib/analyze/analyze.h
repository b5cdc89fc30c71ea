/* analyze.h - one document against the rules: the scratch a thread
 * analyzes in (scratch.c), each line's section (sections.c), skill hits
 * with evidence (match.c), years of experience (years.c), the result and
 * its scores (score.c); analyze.c, explain.c and examples.c are the
 * public entry points. Depends on rules, engine, doc and util. */
#ifndef SM_ANALYZE_H
#define SM_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/doc.h"
#include "rules/rules.h"
#include "skillmatch.h"

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
    int from, to;            /* months since year 0 */
    size_t line;             /* 0-based line of the range */
} sm_job_range;

typedef struct {
    double years;            /* < 0: unknown */
    char method[256];
    sm_job_range *ranges;    /* dated work, in document order; caller frees */
    size_t nranges;
} sm_years;

/* Merged length in years of the ranges whose keep[i] is set (all when keep
 * is NULL), overlaps counted once. */
double sm_years_merged(const sm_job_range *v, size_t n, const bool *keep);
/* The 0-based line of a normalized offset. */

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
    double ml_years;         /* years of dated work that shows ML; < 0 */
    char years_method[256];
    sm_level level;
    char reason[400];
    const char *confidence;
};

sm_status sm_score(const sm_rules *rules, const sm_doc *doc,
                   const int *line_sections, const sm_hits *hits,
                   const sm_years *years, sm_result **out, sm_error *err);

#endif
