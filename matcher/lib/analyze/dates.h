/* dates.h - the date and range grammar of resumes (dates.c), used by
 * years.c. Owns what a date is: "Sept. 2020", "Jan'18", "06/2015",
 * "2018.03", "2018-03", "10/17", "FY2017", "2019-20" (an academic or fiscal year),
 * "17 Jan 1999", "Summer 2024", a year alone, month names of English and
 * five more languages ("marzo 2024", "März 2019"); and what a range is: two
 * dates joined by a dash, "to", "until", "till", "through" or "thru"
 * ("Jun – Aug 2024" shares the year), a date and a word for the present
 * ("present", "current", "now", "today", "to date", "till date",
 * "ongoing", "onwards", "presente", "heute"), "since 2019". Dates inside
 * longer numbers (phone numbers, "12/03/1988" read from its middle) are
 * not dates. Months are
 * counted from year 0: year * 12 + (month - 1). Private to the library. */
#ifndef SM_ANALYZE_DATES_H
#define SM_ANALYZE_DATES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int from, to;            /* months; `to` is unset when open */
    bool open;               /* ends at the present */
    size_t start, end;       /* its text: t[start..end) */
} sm_date_range;

/* Can a date or range start at t[i]? Cheap: a word's start, with a digit,
 * an apostrophe or a letter that starts a month, a season, "FY" or
 * "since"; the rest is for the functions below. */
bool sm_date_may_start(const char *t, size_t i, size_t n);

/* The range that starts at t[i], into *out; false when none does. A
 * single academic or fiscal year ("2019-20") is a range by itself. */
bool sm_date_range_at(const char *t, size_t i, size_t n, sm_date_range *out);

/* The date that starts at t[i]: its length (0: none) and its last month
 * in *month (the end of "2019-20"; January of a year alone). */
size_t sm_date_at(const char *t, size_t i, size_t n, int *month);

#endif
