/* unit.h - a small test harness: CHECK records a failure and goes on;
 * unit_done() prints "N passed, N failed" and gives the exit status. */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "skillmatch.h"

static int unit_pass, unit_fail;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (cond) {                                                        \
            unit_pass++;                                                   \
        } else {                                                           \
            unit_fail++;                                                   \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,         \
                    __LINE__, #cond);                                      \
        }                                                                  \
    } while (0)

#define CHECK_STR(got, want)                                               \
    do {                                                                   \
        const char *g_ = (got), *w_ = (want);                              \
        if (g_ && w_ && !strcmp(g_, w_)) {                                 \
            unit_pass++;                                                   \
        } else {                                                           \
            unit_fail++;                                                   \
            fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__,  \
                    __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)");      \
        }                                                                  \
    } while (0)

#define CHECK_INT(got, want)                                               \
    do {                                                                   \
        long long g_ = (long long)(got), w_ = (long long)(want);           \
        if (g_ == w_) {                                                    \
            unit_pass++;                                                   \
        } else {                                                           \
            unit_fail++;                                                   \
            fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__,    \
                    __LINE__, #got, g_, w_);                               \
        }                                                                  \
    } while (0)

static inline int unit_done(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, unit_pass, unit_fail);
    return unit_fail ? 1 : 0;
}

/* Write `files` (name, content pairs, NULL-terminated) into a fresh
 * temporary folder and return its path (static buffer). */
static inline const char *unit_dir(const char *const *files)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/sm-unit-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    for (; files[0]; files += 2) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, files[0]);
        FILE *f = fopen(path, "w");
        if (!f)
            abort();
        fputs(files[1], f);
        fclose(f);
    }
    return dir;
}

static inline void unit_rmdir(const char *dir)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

/* The project's rules folder, from the repo root or $SKILLMATCH_RULES. */
static inline const char *unit_rules_dir(void)
{
    const char *e = getenv("SKILLMATCH_RULES");
    return e && *e ? e : "rules";
}

#endif
