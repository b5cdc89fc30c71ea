/* cli_walk.h - the inputs of `screen` and `lint` (cli_walk.c): files
 * named, folders walked (hidden entries and symbolic links only when
 * asked, each folder once, --exclude, .gitignore and .ignore), and
 * --files-from lists. */
#ifndef SM_CLI_WALK_H
#define SM_CLI_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

typedef enum {
    INPUT_READ,         /* named, or a text extension: read it */
    INPUT_SNIFF,        /* found by the walk, extension unknown: look at
                           its first bytes before reading it */
    INPUT_FAILED        /* known to fail already: `error` says why */
} input_kind;

typedef struct {
    char *path;
    input_kind kind;
    char *error;        /* INPUT_FAILED: the message */
} screen_input;

typedef struct {
    screen_input *v;
    size_t n, cap;
    size_t hidden;      /* hidden files and folders left out (--hidden) */
    size_t links;       /* symbolic links left out (--follow) */
    size_t repeats;     /* folders reached twice through links: a loop or
                           a second way in; walked once */
    size_t *per_arg;    /* the inputs each of o->args gave */
} screen_inputs;

/* What a walk keeps; NULL: every file, sorted (screen's way). */
typedef struct {
    const char *const *ext;  /* only files found with one of these
                                extensions (lower case, no dot); others are
                                left out without a word. Named files are
                                always kept. */
    bool keep_order;         /* the arguments' order, and in a folder its
                                entries' name order, instead of a sort of
                                all the paths */
} walk_filter;

/* Every file named by the arguments and by --files-from, folders walked,
 * sorted by path (byte order) so that the work does not depend on the
 * order a file system lists folders in (or, with only->keep_order, in the
 * order walked, which does not either). False (a message printed) when
 * --files-from cannot be read or memory runs out. */
bool walk_inputs(const cli_opts *o, const walk_filter *only,
                 screen_inputs *in);
void walk_inputs_free(screen_inputs *in);

/* ---- what a walk leaves out (cli_ignore.c) ---- */

/* Does an --exclude GLOB match `rel` (the path relative to the walk's
 * root) or its base name? A GLOB ending in '/' takes folders only. */
bool walk_excluded(const cli_opts *o, const char *rel, bool is_dir);

/* The rules of a folder's .gitignore and .ignore; NULL when it has none
 * (or *oom set). */
typedef struct ignore_file ignore_file;
ignore_file *ignore_read(const char *dir, bool *oom);
void ignore_free(ignore_file *f);
/* For `path` (under the file's folder): 1 ignored, -1 re-included by a
 * '!' rule, 0 when no rule says. */
int ignore_match(const ignore_file *f, const char *path, bool is_dir);

/* What the first bytes of an INPUT_SNIFF file say: NULL when it may be
 * text, else a static description ("PDF document", "ZIP archive"...). */
const char *walk_sniff(const char *path);

#endif
