/* shapes.c - write a pathological document of tests/shapes.h to a file,
 * for the benchmark and the hostile tests.
 *   shapes                  the shapes' names, one a line
 *   shapes NAME BYTES FILE  write shape NAME, BYTES long, to FILE */
#include <stdio.h>

#include "../tests/shapes.h"

int main(int argc, char **argv)
{
    if (argc == 1) {
        for (size_t k = 0; k < SM_NSHAPES; k++)
            puts(SM_SHAPES[k].name);
        return 0;
    }
    if (argc != 4) {
        fputs("usage: shapes [NAME BYTES FILE]\n", stderr);
        return 2;
    }
    char *end;
    unsigned long long n = strtoull(argv[2], &end, 10);
    for (size_t k = 0; k < SM_NSHAPES; k++) {
        if (strcmp(SM_SHAPES[k].name, argv[1]))
            continue;
        char *b = *end ? NULL : sm_shape_make(k, (size_t)n);
        FILE *f = b ? fopen(argv[3], "wb") : NULL;
        if (!f || fwrite(b, 1, (size_t)n, f) != n || fclose(f)) {
            perror(argv[3]);
            free(b);
            return 1;
        }
        free(b);
        return 0;
    }
    fprintf(stderr, "shapes: no shape '%s'\n", argv[1]);
    return 2;
}
