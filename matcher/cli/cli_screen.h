/* cli_screen.h - what the files of `skillmatch screen` share: the inputs
 * found by the walk (cli_walk.c), the worker pool (cli_pool.c) and the
 * rows and their output formats (cli_table.c). */
#ifndef SM_CLI_SCREEN_H
#define SM_CLI_SCREEN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "cli_job.h"

/* ---- inputs (cli_walk.c) ---- */

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
} screen_inputs;

/* Every file named by the arguments and by --files-from, folders walked,
 * sorted by path (byte order) so that the work does not depend on the
 * order a file system lists folders in. False (a message printed) when
 * --files-from cannot be read or memory runs out. */
bool walk_inputs(const cli_opts *o, screen_inputs *in);
void walk_inputs_free(screen_inputs *in);

/* What the first bytes of an INPUT_SNIFF file say: NULL when it may be
 * text, else a static description ("PDF document", "ZIP archive"...). */
const char *walk_sniff(const char *path);

/* ---- worker pool (cli_pool.c) ---- */

typedef struct cli_pool cli_pool;
/* Runs one task on a worker; `state` is that worker's own state. */
typedef void (*cli_pool_fn)(void *task, void *state);

/* `nworkers` threads, each handed states[i]; at most `queue_cap` tasks
 * wait. NULL when the threads cannot be started. */
cli_pool *cli_pool_new(int nworkers, size_t queue_cap, cli_pool_fn fn,
                       void **states);
/* Queue a task, waiting while the queue is full; gives up after
 * `timeout_ms` (< 0: never) and returns false, the task not queued. */
bool cli_pool_push(cli_pool *p, void *task, int timeout_ms);
/* Wait until more than `seen` tasks are done or `timeout_ms` passed;
 * returns how many are done. */
size_t cli_pool_wait(cli_pool *p, size_t seen, int timeout_ms);
/* How many tasks are done. */
size_t cli_pool_done(cli_pool *p);
/* Finish the queued tasks, stop the workers, release the pool (NULL is
 * fine). */
void cli_pool_free(cli_pool *p);
/* The number of processors online (at least 1). */
int cli_pool_cpus(void);

/* ---- rows (cli_screen.c fills them, cli_table.c writes them) ---- */

typedef enum { FMT_TABLE, FMT_CSV, FMT_TSV, FMT_JSONL, FMT_JSON } screen_format;

enum { TOP_GAPS = 3 };

typedef struct {
    char *file;              /* path, or the id of a JSON-lines document */
    input_kind kind;
    bool ok;
    char *error;             /* !ok: why (also INPUT_FAILED's reason) */
    sm_level level;
    double score[SM_LEVEL_COUNT];
    double years;            /* < 0: not stated */
    const char *gaps[TOP_GAPS];   /* gap ids to the next level, owned by
                                     the rules; NULL-padded */
    char *warnings;          /* lines to print on stderr, or NULL */
    char *json;              /* the JSON object, when held in memory */
    int spill;               /* else: the worker file holding it (-1 none) */
    off_t json_off;
    size_t json_len;
    /* input of a JSON-lines document, freed once analysed */
    char *line;
    size_t line_len;
    size_t line_no;
    size_t order;            /* input position: the last tie-breaker */
    /* --job: the match score against each posting, the best one, its top
     * missing required skills (ids owned by the rules) */
    double *match;
    size_t nmatch, best;
    const char *missing[TOP_GAPS];
    sm_fit years_fit, level_fit;
    atomic_bool done;
} screen_row;

/* A resume against every posting of J (cli_screen_job.c): fills the row's
 * match fields and returns its JSON when `want_json` (NULL otherwise, or
 * with *oom set when out of memory). */
char *screen_job_row(const cli_jobs *J, const sm_rules *rules,
                     const sm_result *res, screen_row *r, bool want_json,
                     unsigned json_flags, bool *oom);

typedef struct {
    screen_format format;
    FILE *f;
    int width;               /* table: columns available, 0: no limit */
    size_t written;          /* rows written so far */
    const int *spill_fds;    /* worker files holding spilled JSON */
    const cli_jobs *postings;   /* --job: the postings (n 0: none) */
    bool failed;             /* a write or a spill read failed */
} screen_out;

bool screen_format_parse(const char *name, screen_format *out);
/* Write everything that comes before the rows (a CSV header, "["). */
void screen_out_begin(screen_out *so);
/* One row (not for tables). */
void screen_out_row(screen_out *so, const screen_row *r);
/* A table of all the rows, aligned. */
void screen_out_table(screen_out *so, screen_row *const *rows, size_t n);
/* Close the output ("]"). */
void screen_out_end(screen_out *so);
/* Columns of the terminal on standard output, $COLUMNS, or 0. */
int screen_out_width(const cli_opts *o);

#endif
