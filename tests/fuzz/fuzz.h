/* fuzz.h - what every fuzz target defines: libFuzzer's entry points. The
 * same target links either with libFuzzer (`make fuzz`) or with replay.c
 * (`make check`), which calls them the same way. */
#ifndef SM_FUZZ_H
#define SM_FUZZ_H

#include <stddef.h>
#include <stdint.h>

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

#endif
