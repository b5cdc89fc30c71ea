/* years.h - years of experience (years.c): the jobs' date ranges, their
 * blocks of text, a stated total. Private to the library; the structures
 * (sm_years, sm_job_range) are in internal.h. */
#ifndef SM_ANALYZE_YEARS_H
#define SM_ANALYZE_YEARS_H

#include <stdbool.h>

#include "analyze/analyze.h"
#include "rules/rules.h"

struct sm_sections;

/* The date ranges read in one document, at most: a resume has tens; a
 * file of a million dates is read to here, and its method says so. This
 * keeps a screen worker's memory bounded whatever it is handed. */
#define SM_YEARS_MAX_RANGES 20000

/* What a job's clause says it is (sm_job_range.kind): both still count. */
enum { SM_JOB_INTERNSHIP = 1u << 0, SM_JOB_PART_TIME = 1u << 1 };

/* Years of experience in doc into *out (out->ranges: the caller frees).
 * "Present" is today_year/today_month, or with `latest` the latest date
 * the document shows (today's when it shows none). */
sm_status sm_years_find(const sm_rules *rules, sm_scratch *s, const sm_doc *doc,
                        const struct sm_sections *sections, int today_year,
                        int today_month, bool latest, sm_years *out,
                        sm_error *err);

/* Words that say a range dates education or a credential, not a job: a
 * degree, a school, a certificate, a birth date; whole words, caseless,
 * in t[0..n). */
bool sm_years_clause_education(const char *t, size_t n);
/* SM_JOB_* for the words of t[0..n). */
unsigned sm_years_clause_kind(const char *t, size_t n);

#endif
