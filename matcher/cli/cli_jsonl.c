/* cli_jsonl.c - `screen --stdin-jsonl`: JSON lines in, rows out.
 *
 * A filter: Rows come out in input order as
 * soon as they and all before them are done, so the output of a split
 * input is the concatenation of the outputs of its parts (GNU parallel
 * --pipe -k, Hadoop Streaming, Spark's pipe()). */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_jsonl_input.h"
#include "cli_screen.h"

/* The input held by rows not yet written, at most: past it, reading
 * waits for the workers (one huge line is still read). */
#define MAX_IN_FLIGHT ((size_t)64 << 20)

typedef struct {
    screen_row **win;        /* rows in flight, by input position */
    size_t cap, pushed, flushed;
    size_t bytes;            /* their input lines' lengths */
    size_t seen;             /* tasks known done */
    screen_row **table;      /* table rows kept for the end */
    size_t ntable, captable;
    bool oom;
} stream;

static bool grow_rows(screen_row ***v, size_t *cap)
{
    size_t ncap = *cap ? *cap * 2 : 256;
    screen_row **nv = realloc(*v, ncap * sizeof *nv);
    if (!nv)
        return false;
    *v = nv;
    *cap = ncap;
    return true;
}

/* Write the rows that are done and have nothing undone before them; with
 * `all`, wait for every row. */
static void flush(screen_run *R, stream *S, bool all)
{
    while (S->flushed < S->pushed) {
        screen_row *r = S->win[S->flushed % S->cap];
        while (!atomic_load_explicit(&r->done, memory_order_acquire)) {
            if (!all && S->pushed - S->flushed < S->cap &&
                S->bytes <= MAX_IN_FLIGHT)
                return;
            /* wake for a batch of rows, not for each one */
            size_t want = S->seen + S->cap / 4;
            if (want >= S->pushed)
                want = S->pushed - 1;
            S->seen = cli_pool_wait(R->pool, want,
                                    R->prog.on ? PROGRESS_MS : -1);
            screen_progress_draw(&R->prog, R->pool);
        }
        S->flushed++;
        S->bytes -= r->line_len;
        screen_count(R, r);
        screen_print_warnings(r, &R->prog);
        if (!screen_keep_row(&R->filter, r)) {
            screen_row_free(r);
        } else if (R->out.format != FMT_TABLE) {
            screen_out_row(&R->out, r);
            screen_row_free(r);
        } else if (S->ntable < S->captable ||
                   grow_rows(&S->table, &S->captable)) {
            S->table[S->ntable++] = r;
        } else {
            S->oom = true;
            screen_row_free(r);
        }
    }
}

bool screen_stdin(screen_run *R)
{
    stream S = {0};
    jsonl_reader lr;
    size_t max = R->o->max_size ? R->o->max_size : SM_DEFAULT_MAX_SIZE;
    /* JSON escapes make a text up to six times longer (\u0001) */
    bool have_lr = jsonl_reader_init(
        &lr, STDIN_FILENO, max < ((size_t)1 << 40) ? max * 6 + 4096 : max);
    S.cap = R->queue_cap * 2 + (size_t)R->jobs;
    S.win = calloc(S.cap, sizeof *S.win);
    if (!have_lr || !S.win || !screen_run_start(R, false)) {
        if (have_lr)
            jsonl_reader_free(&lr);
        free(S.win);
        cli_error("out of memory");
        return false;
    }
    screen_progress_start(&R->prog, R->o->progress, 0);
    screen_out_begin(&R->out);
    const char *line;
    size_t len, line_no = 0;
    bool too_long;
    int rc = 0;
    while (!S.oom && (rc = jsonl_read_line(&lr, &line, &len, &too_long)) > 0) {
        line_no++;
        if (!too_long && jsonl_blank(line, len))
            continue;
        screen_row *r = calloc(1, sizeof *r);
        char name[64];
        snprintf(name, sizeof name, "<stdin>:%zu", line_no);
        if (r && !(r->file = strdup(name))) {
            free(r);
            r = NULL;
        }
        if (r && too_long) {
            r->kind = INPUT_FAILED;
            r->error = screen_strdupf("line %zu: longer than the limit of %zu "
                                      "bytes", line_no, lr.limit);
        } else if (r && (r->line = malloc(len + 1))) {
            memcpy(r->line, line, len);
            r->line[len] = '\0';
            r->line_len = len;
        }
        if (!r || (too_long ? !r->error : !r->line)) {
            screen_row_free(r);
            S.oom = true;
            break;
        }
        r->line_no = line_no;
        r->ladder = R->stdin_ladder;
        r->order = S.pushed;
        r->spill = -1;
        flush(R, &S, false);     /* waits while the window is full */
        S.win[S.pushed++ % S.cap] = r;
        S.bytes += r->line_len;
        R->inputs++;
        screen_push(R, r);
        flush(R, &S, false);
        screen_progress_draw(&R->prog, R->pool);
    }
    if (rc < 0) {
        cli_error("standard input: %s", strerror(errno));
        R->read_error = true;
    }
    flush(R, &S, true);
    screen_progress_clear(&R->prog);
    if (R->out.format == FMT_TABLE)
        screen_out_table(&R->out, S.table, S.ntable);
    else
        screen_out_end(&R->out);
    for (size_t i = 0; i < S.ntable; i++)
        screen_row_free(S.table[i]);
    free(S.table);
    free(S.win);
    jsonl_reader_free(&lr);
    if (S.oom)
        cli_error("out of memory");
    return !S.oom;
}
