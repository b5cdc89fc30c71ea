/* analyze.h - one document against the rules: the scratch a thread
 * analyzes in (scratch.c), the section map (sections.c, sections.h), skill
 * hits with evidence (match.c), dates (dates.c), years of experience
 * (years.c, years.h), the years of the jobs that hold some text
 * (blocks.c), ownership and weak cues (cues.c, cues.h), the result and its scores
 * (score.c); analyze.c, explain.c and examples.c are the
 * public entry points. Depends on rules, engine, doc and util. */
#ifndef SM_ANALYZE_H
#define SM_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/doc.h"
#include "rules/rules.h"
#include "skillmatch.h"

/* ---- sections (sections.c) ---- */
/* The section map of a document: analyze/sections.h. */
struct sm_sections;
const char *sm_section_name(const sm_rules *rules, int idx);
double sm_section_strength(const sm_rules *rules, int idx);
bool sm_section_is_education(const sm_rules *rules, int idx);

/* ---- matching (match.c) ---- */
/* The longest piece of a paragraph matched at once (see piece_end()). */
#define SM_PIECE_MAX 65536
typedef struct {
    size_t start, end;       /* in the normalized text */
    double strength;
    const char *context;     /* cue id that lowered it */
    int skill;
    int pattern;             /* index into the skill's patterns */
    int section;
    uint32_t count;          /* mentions it stands for (see sm_hits) */
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
    /* Set by the caller to keep memory bounded by what matters: past a
     * skill's first SM_EVIDENCE_MAX hits, a hit of the same strength and
     * context in the same segment as the skill's last one only adds to its
     * count. A new segment begins at each offset of breaks[0..nbreaks)
     * (ascending): text of one segment is in the same dated job's block,
     * or all of it in none (analyze.c). merge false: every hit is kept. */
    bool merge;
    const size_t *breaks;
    size_t nbreaks;
    size_t *last;            /* per skill: 1 + index of its last hit */
    uint32_t *kept;          /* per skill: hits kept */
} sm_hits;

sm_status sm_match_doc(const sm_rules *rules, sm_scratch *s, const sm_doc *doc,
                       const struct sm_sections *sections, unsigned flags,
                       int only_skill, sm_trace_cb trace, void *ud,
                       sm_hits *out, sm_error *err);

/* ---- years (years.c; sm_years_find() in analyze/years.h) ---- */
/* sm_job_range: doc/doc.h (a JSON Resume's reader makes them too) */

typedef struct {
    double years;            /* < 0: unknown */
    char method[256];
    sm_job_range *ranges;    /* dated work, in document order; caller frees */
    size_t nranges;
} sm_years;

/* ---- years of the jobs that hold some offsets (blocks.c) ---- */
/* Merged length in years of the ranges whose keep[i] is set (all when keep
 * is NULL), overlaps counted once; -1 when out of memory. */
double sm_years_merged(const sm_job_range *v, size_t n, const bool *keep);
/* The same of w[0..k), already sorted by start (then end). */
double sm_years_merged_sorted(const sm_job_range *w, size_t k);

/* What a document's ranges give every query: the ranges sorted by start,
 * and room for a query's marks. */
typedef struct {
    const sm_job_range *ranges;  /* the sm_years' ranges, blocks in order */
    size_t n;
    size_t *order;               /* range indexes sorted by start month */
    unsigned char *in;           /* a query's blocks */
    sm_job_range *kept;          /* a query's ranges, sorted */
} sm_blocks;

/* false when out of memory. */
bool sm_blocks_init(sm_blocks *b, const sm_years *y);
/* The merged years of the blocks that hold one of the offsets offs[0..n)
 * (in any order); -1 when none does. */
double sm_blocks_years(sm_blocks *b, const size_t *offs, size_t n);
void sm_blocks_free(sm_blocks *b);

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
    const char *levels_from;     /* the ladder's file (in strings), or NULL:
                                    the profiles' years */
    sm_years_range level_years[SM_LEVEL_COUNT + 1];   /* the years each
                                    level took, the ladder's or the
                                    profiles' */
    sm_level level;
    char reason[400];
    const char *confidence;
};

/* `ladder` (may be NULL) replaces the profiles' years per level. */
sm_status sm_score(const sm_rules *rules, const sm_doc *doc,
                   const sm_hits *hits, const sm_years *years,
                   const sm_ladder *ladder, sm_result **out, sm_error *err);

#endif
