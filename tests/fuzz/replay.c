/* replay.c - a main() for the fuzz targets when libFuzzer is not linked:
 * feed every file named on the command line (a folder: every file in it)
 * to LLVMFuzzerTestOneInput, once each. `make check` replays the seed
 * corpus and every crasher found so far this way, so a fixed bug stays
 * fixed on machines without clang.
 *   replay [-v] FILE_OR_FOLDER...   (-v names each input before running it)
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* A target without its own set-up leaves this NULL. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int verbose;
static size_t replayed, unreadable;

static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: %s: cannot open\n", path);
        unreadable++;
        return;
    }
    uint8_t *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 4096;
            uint8_t *nb = realloc(buf, ncap);
            if (!nb) {
                fprintf(stderr, "replay: %s: out of memory\n", path);
                free(buf);
                fclose(f);
                unreadable++;
                return;
            }
            buf = nb;
            cap = ncap;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0)
            break;
        n += r;
    }
    fclose(f);
    if (verbose)
        fprintf(stderr, "replay: %s (%zu bytes)\n", path, n);
    /* an exact-size copy, so that ASan sees a read past the input */
    uint8_t *exact = malloc(n ? n : 1);
    if (exact) {
        memcpy(exact, buf, n);
        LLVMFuzzerTestOneInput(exact, n);
        replayed++;
    } else {
        unreadable++;
    }
    free(exact);
    free(buf);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void run_path(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return;   /* a target may have no crashers folder yet */
    if (!S_ISDIR(sb.st_mode)) {
        run_file(path);
        return;
    }
    struct dirent **names;
    int n = scandir(path, &names, NULL, by_name);
    for (int i = 0; i < n; i++) {
        if (names[i]->d_name[0] != '.' &&
            strcmp(names[i]->d_name, "README") != 0) {
            size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
            char *p = malloc(len);
            if (p) {
                snprintf(p, len, "%s/%s", path, names[i]->d_name);
                run_path(p);
                free(p);
            }
        }
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    int first = 1;
    if (argc > 1 && !strcmp(argv[1], "-v")) {
        verbose = 1;
        first = 2;
    }
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    for (int i = first; i < argc; i++)
        run_path(argv[i]);
    printf("%zu inputs replayed\n", replayed);
    return unreadable ? 1 : 0;
}
