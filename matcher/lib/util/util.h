/* util.h - the library's small tools: failing with a status and a message
 * (status.c), growable arrays, string copies and a sort for short arrays
 * (status.c), the names of levels, severities and level sources
 * (names.c), and the C locale's ASCII classes, inline. Depends on nothing
 * but the public header. */
#ifndef SM_UTIL_H
#define SM_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "skillmatch.h"

/* ---- errors (status.c) ---- */
sm_status sm_fail(sm_error *err, sm_status code, const char *file, int line,
                  int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* ---- the work counter (status.c) ---- */
/* Units of work this thread has done: bytes scanned or searched by the
 * loops and patterns whose cost depends on the input, and elements sorted.
 * Tests read it at two input sizes to check that work grows linearly
 * (tests/unit/test_linear.c); nothing else does. */
extern _Thread_local uint64_t sm_work;
#define SM_WORK(n) ((void)(sm_work += (uint64_t)(n)))

/* ---- growable arrays ---- */
/* Make room for one more element in *arr (of *n, capacity *cap). */
bool sm_grow(void **arr, size_t *cap, size_t n, size_t elem);
/* Make room for `need` elements in all. */
bool sm_reserve(void **arr, size_t *cap, size_t need, size_t elem);
#define SM_PUSH(arr, n, cap)                                            \
    ((n) < (cap) || sm_grow((void **)&(arr), &(cap), (n), sizeof *(arr))  \
         ? &(arr)[(n)++]                                                   \
         : NULL)

char *sm_strdup(const char *s);
char *sm_strndup(const char *s, size_t n);

/* qsort(), but few elements (the usual case in a paragraph) are put in
 * order by insertion, without qsort()'s set-up. Not stable either. */
void sm_sort(void *base, size_t n, size_t size,
             int (*cmp)(const void *, const void *));

/* ---- ASCII letters and digits: the C locale's classes, inline ---- */
static inline unsigned char sm_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static inline bool sm_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static inline bool sm_is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool sm_is_alnum(unsigned char c)
{
    return sm_is_alpha(c) || sm_is_digit(c);
}

/* A lower-case letter or digit as 0..35, other bytes -1. */
static inline int sm_alnum36(unsigned char c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0'
                                                                  : -1;
}

#endif
