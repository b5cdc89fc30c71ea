/* status.c - status strings, error filling, small allocation helpers and
 * sorting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

_Thread_local uint64_t sm_work;

const char *sm_strerror(sm_status st)
{
    switch (st) {
    case SM_OK: return "success";
    case SM_ERR_NOMEM: return "out of memory";
    case SM_ERR_IO: return "cannot read input";
    case SM_ERR_BINARY: return "binary file";
    case SM_ERR_TOO_LARGE: return "input too large";
    case SM_ERR_EMPTY: return "empty input";
    case SM_ERR_RULES: return "invalid rules";
    case SM_ERR_REGEX: return "invalid pattern";
    case SM_ERR_MATCH: return "matching failed";
    case SM_ERR_EXAMPLE: return "rule example failed";
    case SM_ERR_ARG: return "invalid argument";
    case SM_ERR_UNSUPPORTED: return "unsupported format";
    }
    return "unknown status";
}

sm_status sm_fail(sm_error *err, sm_status code, const char *file, int line,
                  int col, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->code = code;
        snprintf(err->file, sizeof err->file, "%s", file ? file : "");
        err->line = line;
        err->col = col;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

bool sm_grow(void **arr, size_t *cap, size_t n, size_t elem)
{
    return n < *cap || sm_reserve(arr, cap, n + 1, elem);
}

bool sm_reserve(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return false;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / elem)
        return false;
    void *p = realloc(*arr, ncap * elem);
    if (!p)
        return false;
    *arr = p;
    *cap = ncap;
    return true;
}

char *sm_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *sm_strdup(const char *s)
{
    return s ? sm_strndup(s, strlen(s)) : NULL;
}

void sm_sort(void *base, size_t n, size_t size,
             int (*cmp)(const void *, const void *))
{
    enum { FEW = 16, MAX_ELEM = 64 };
    char *v = base, tmp[MAX_ELEM];
    SM_WORK(n);
    if (n < 2)
        return;
    if (n > FEW || size > MAX_ELEM) {
        qsort(base, n, size, cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        size_t j = i;
        if (cmp(v + (j - 1) * size, v + j * size) <= 0)
            continue;
        memcpy(tmp, v + i * size, size);
        while (j > 0 && cmp(v + (j - 1) * size, tmp) > 0) {
            memcpy(v + j * size, v + (j - 1) * size, size);
            j--;
        }
        memcpy(v + j * size, tmp, size);
    }
}
