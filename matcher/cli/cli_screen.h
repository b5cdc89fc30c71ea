/* cli_screen.h - what the files of `skillmatch screen` share: the rows
 * and their output formats (cli_table.c); the inputs come from the walk
 * (cli_walk.h) and are analysed by the pool (cli_pool.h). */
#ifndef SM_CLI_SCREEN_H
#define SM_CLI_SCREEN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "cli.h"
#include "cli_pool.h"
#include "cli_walk.h"

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
    atomic_bool done;
} screen_row;

typedef struct {
    screen_format format;
    FILE *f;
    int width;               /* table: columns available, 0: no limit */
    size_t written;          /* rows written so far */
    const int *spill_fds;    /* worker files holding spilled JSON */
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
