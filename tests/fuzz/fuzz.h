/* fuzz.h - what every fuzz target defines: libFuzzer's entry points. The
 * same target links either with libFuzzer (`make fuzz`) or with replay.c
 * (`make check`), which calls them the same way. */
#ifndef SM_FUZZ_H
#define SM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "skillmatch.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A finding that is not a crash (a broken invariant): say what and stop,
 * so that libFuzzer keeps the input as a crasher. */
#define FUZZ_ASSERT(cond)                                                  \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__,     \
                    __LINE__, #cond);                                      \
            abort();                                                       \
        }                                                                  \
    } while (0)

/* For the targets that run documents against the project's rules: the
 * rules ($SM_FUZZ_RULES, or ./rules), a scratch for them and /dev/null to
 * render into, made once. A failure names the target and stops. */
static inline void fuzz_load_rules(const char *target, sm_rules **rules,
                                   sm_scratch **scratch, FILE **sink)
{
    const char *dir = getenv("SM_FUZZ_RULES");
    sm_error err = {0};
    if (!dir || !*dir)
        dir = "rules";
    if (sm_rules_load(dir, rules, &err) != SM_OK) {
        fprintf(stderr, "%s: %s:%d:%d: %s\n", target, err.file, err.line,
                err.col, err.msg);
        exit(1);
    }
    *scratch = sm_scratch_new(*rules);
    *sink = fopen("/dev/null", "w");
    if (!*scratch || !*sink) {
        fprintf(stderr, "%s: out of memory\n", target);
        exit(1);
    }
}

#endif
