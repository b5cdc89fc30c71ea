/* cli_screen.h - what the files of `skillmatch screen` share: the rows
 * and their output formats (cli_table.c); the inputs come from the walk
 * (cli_walk.h) and are analysed by the pool (cli_pool.h). */
#ifndef SM_CLI_SCREEN_H
#define SM_CLI_SCREEN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "cli.h"
#include "cli_config.h"
#include "cli_pool.h"
#include "cli_walk.h"
#include "cli_job.h"

/* ---- rows (cli_screen.c fills them, cli_table.c writes them) ---- */

typedef enum { FMT_TABLE, FMT_CSV, FMT_TSV, FMT_JSONL, FMT_JSON, FMT_HTML }
    screen_format;

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
    sm_format format;        /* what it was read as (ok rows) */
    /* --job: the match score against each posting, the best one, its top
     * missing required skills (ids owned by the rules) */
    double *match;
    size_t nmatch, best;
    const char *missing[TOP_GAPS];
    sm_fit years_fit, level_fit;
    const sm_ladder *ladder;     /* its configuration's level ladder, or
                                    NULL (set before it is queued) */
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
    const sm_rules *rules;   /* html: the skills' names */
    sm_html_screen *html;    /* html: the page being written */
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
/* The table's width: $COLUMNS, else the terminal's; 0 (no limit) for a
 * pipe and for -o FILE. */
int screen_out_width(const cli_opts *o);
/* The html format (cli_screen_html.c): the page, its rows, its end. */
void screen_html_begin(screen_out *so);
void screen_html_row(screen_out *so, const char *json, size_t len);
void screen_html_end(screen_out *so);


/* ---- a run of screen (cli_screen.c, cli_jsonl.c, cli_progress.c) ---- */

enum { PROGRESS_MS = 100 };   /* the progress bar's redraws, at most */

typedef struct {
    const sm_rules *rules;
    const cli_opts *o;
    const cli_jobs *postings;   /* --job: match against these */
    sm_scratch *scratch;
    unsigned json_flags;     /* SM_RENDER_* for the rows' JSON */
    bool want_json;
    int index;
    int spill_fd;            /* -1: JSON stays in the row */
    off_t spill_off;
} screen_worker;

typedef struct {
    sm_level level;          /* --level, or NONE */
    double min_score;        /* < 0: none */
    long top;                /* < 0: none */
    size_t shown_ok, hidden;
} screen_filter;

typedef struct {
    bool on;
    size_t total;            /* 0: not known (a stream) */
    struct timespec start, last;
} screen_progress;

typedef struct {
    cli_opts *o;
    sm_rules *rules;
    cli_jobs postings;       /* --job, --jobs DIR */
    int jobs;
    size_t queue_cap;
    screen_worker *ws;
    void **states;
    int *spill_fds;
    cli_pool *pool;
    screen_out out;
    screen_filter filter;
    screen_progress prog;
    size_t inputs, ok, failed;
    size_t per_format[SM_FORMAT_COUNT];   /* ok rows by what they were */
    size_t left_hidden, left_links, left_repeats;
    bool read_error;
    cli_configs configs;     /* --config, .skillmatch.yml */
    const sm_ladder *stdin_ladder;   /* --stdin-jsonl: the current
                                        folder's */
    bool config_failed;      /* a configuration's mistake, reported */
    const sm_ladder **ladders;   /* the ladders of the ok rows ... */
    size_t *ladder_rows;     /* ... and how many rows each */
    size_t nladders;
} screen_run;

/* A formatted string to free(); NULL when out of memory. */
char *screen_strdupf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* Does the row stay? Error rows always do. */
bool screen_keep_row(screen_filter *f, const screen_row *r);
void screen_print_warnings(screen_row *r, screen_progress *p);
/* Queue a row, drawing the progress bar while the queue is full. */
void screen_push(screen_run *R, screen_row *r);
void screen_row_free(screen_row *r);
bool screen_run_start(screen_run *R, bool spill);
bool screen_stdin(screen_run *R);
void screen_progress_start(screen_progress *p, bool on, size_t total);
void screen_progress_draw(screen_progress *p, cli_pool *pool);
void screen_progress_clear(screen_progress *p);
void screen_count(screen_run *R, const screen_row *r);

#endif
