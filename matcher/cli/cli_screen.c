/* cli_screen.c - `skillmatch screen`: many resumes, one row each.
 *
 * Files: the main thread walks and sorts the paths, then feeds them to the
 * worker pool; each worker has its own sm_scratch (the rules are shared
 * read-only) and writes into the row it was handed. When every row is in,
 * the rows are sorted by suggested level (senior, mid, junior, none), then
 * by the score of that level (junior's for none) to 3 decimals, highest
 * first, then by path; rows of inputs that failed come last, by path. So
 * the output is the same whatever -j. JSON objects, the only
 * large part of a row, go to a temporary file per worker until the rows
 * are written, which keeps memory small for any number of files.
 *
 * JSON lines (--stdin-jsonl): a filter. Rows come out in input order as
 * soon as they and all before them are done, so the output of a split
 * input is the concatenation of the outputs of its parts (GNU parallel
 * --pipe -k, Hadoop Streaming, Spark's pipe()). */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_screen.h"

enum { PROGRESS_MS = 100 };

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
} worker_state;

/* ---- one document, on a worker ---- */

static char *dup_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static char *dup_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

static void fail_row(screen_row *r, const char *msg)
{
    r->ok = false;
    free(r->error);
    r->error = strdup(msg);
}

/* The warnings of a document, as the lines `check` would print. */
static char *doc_warnings(const sm_doc *doc)
{
    size_t n = sm_doc_warning_count(doc);
    char *all = NULL;
    for (size_t i = 0; i < n; i++) {
        const sm_error *e = sm_doc_warning(doc, i);
        char *next = e->line > 0
            ? dup_printf("%sskillmatch: %s:%d:%d: warning: %s\n",
                         all ? all : "", e->file, e->line, e->col, e->msg)
            : dup_printf("%sskillmatch: %s: warning: %s\n", all ? all : "",
                         e->file, e->msg);
        free(all);
        if (!(all = next))
            break;
    }
    return all;
}

/* A JSON-lines document: {"id": ..., "text": ...}. Fills *id (the caller
 * frees it) and the text's place; on failure fills the row's error. */
static json_t *parse_line(screen_row *r, char **id, const char **text,
                          size_t *len)
{
    json_error_t je;
    json_t *j = json_loadb(r->line, r->line_len, JSON_ALLOW_NUL, &je);
    char *msg = NULL;
    *id = NULL;
    if (!j) {
        msg = dup_printf("line %zu: invalid JSON: %s (column %d)", r->line_no,
                         je.text, je.column);
    } else if (!json_is_object(j)) {
        msg = dup_printf("line %zu: not a JSON object", r->line_no);
    } else {
        json_t *jid = json_object_get(j, "id");
        json_t *jt = json_object_get(j, "text");
        if (json_is_string(jid))
            *id = strdup(json_string_value(jid));
        else if (json_is_integer(jid))
            *id = dup_printf("%lld", (long long)json_integer_value(jid));
        if (!jid)
            msg = dup_printf("line %zu: no \"id\"", r->line_no);
        else if (!*id)
            msg = dup_printf("line %zu: \"id\" is not a string or an integer",
                             r->line_no);
        else if (!jt)
            msg = dup_printf("line %zu: no \"text\"", r->line_no);
        else if (!json_is_string(jt))
            msg = dup_printf("line %zu: \"text\" is not a string", r->line_no);
        else {
            *text = json_string_value(jt);
            *len = json_string_length(jt);
            return j;
        }
    }
    if (*id) {
        free(r->file);
        r->file = *id;
        *id = NULL;
    }
    fail_row(r, msg ? msg : "out of memory");
    free(msg);
    json_decref(j);
    return NULL;
}

/* Keep the JSON of a row: in the worker's file, or in the row. */
static void keep_json(worker_state *w, screen_row *r, char *js)
{
    size_t len = strlen(js), put = 0;
    if (w->spill_fd >= 0) {
        while (put < len) {
            ssize_t k = pwrite(w->spill_fd, js + put, len - put,
                               w->spill_off + (off_t)put);
            if (k <= 0)
                break;
            put += (size_t)k;
        }
    }
    r->json_len = len;
    if (w->spill_fd >= 0 && put == len) {
        r->spill = w->index;
        r->json_off = w->spill_off;
        w->spill_off += (off_t)len;
        free(js);
    } else {
        r->json = js;            /* no file, or it is full: memory */
    }
}

static void screen_task(void *task, void *state)
{
    screen_row *r = task;
    worker_state *w = state;
    sm_doc *doc = NULL;
    sm_result *res = NULL;
    sm_error err = {0};
    sm_status st = SM_OK;
    json_t *j = NULL;

    r->ok = true;
    if (r->line) {
        char *id = NULL;
        const char *text = NULL;
        size_t len = 0;
        if ((j = parse_line(r, &id, &text, &len))) {
            free(r->file);
            r->file = id;
            st = sm_doc_load_mem(id, text, len, w->o->max_size, &doc, &err);
        }
        free(r->line);
        r->line = NULL;
    } else if (r->kind == INPUT_FAILED) {
        r->ok = false;
    } else {
        const char *what = r->kind == INPUT_SNIFF ? walk_sniff(r->file) : NULL;
        if (what) {
            char *msg = dup_printf("unsupported file type (%s)", what);
            fail_row(r, msg ? msg : "unsupported file type");
            free(msg);
        } else {
            st = sm_doc_load_file(r->file, w->o->max_size, &doc, &err);
            char *name = strcmp(r->file, "-") ? NULL : strdup("<stdin>");
            if (name) {              /* the name check and errors give it */
                free(r->file);
                r->file = name;
            }
        }
    }
    if (r->ok && st == SM_OK)
        st = sm_analyze(w->rules, w->scratch, doc, &w->o->analyze, &res, &err);
    if (r->ok && st != SM_OK) {
        /* where the message came from: the rule's file:line:col when it is
         * not the document's, the line of a JSON-lines document */
        const char *why = err.msg[0] ? err.msg : sm_strerror(st);
        char *msg = err.line > 0 && strcmp(err.file, r->file)
            ? dup_printf("%s:%d:%d: %s", err.file, err.line, err.col, why)
            : r->line_no ? dup_printf("line %zu: %s", r->line_no, why)
                         : NULL;
        fail_row(r, msg ? msg : why);
        free(msg);
    }
    if (r->ok) {
        r->level = sm_result_level(res);
        for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++)
            r->score[lv - 1] = sm_result_level_score(res, (sm_level)lv)->score;
        r->years = sm_result_years(res);
        /* the gaps to the level above the suggested one (senior's own
         * when senior) */
        sm_level next = r->level < SM_LEVEL_SENIOR ? (sm_level)(r->level + 1)
                                                   : SM_LEVEL_SENIOR;
        const sm_level_score *ls = sm_result_level_score(res, next);
        for (size_t i = 0; i < TOP_GAPS && i < ls->n_missing; i++)
            r->gaps[i] = ls->missing[i].id;
        if (!w->o->quiet && sm_doc_warning_count(doc))
            r->warnings = doc_warnings(doc);
        bool oom = false;
        char *js = w->postings->n
            ? screen_job_row(w->postings, w->rules, res, r, w->want_json,
                             w->json_flags, &oom)
            : w->want_json ? sm_render_json(res, w->json_flags) : NULL;
        if (js)
            keep_json(w, r, js);
        else if (oom || w->want_json)
            fail_row(r, "out of memory");
    }
    if (!r->ok && !r->error)
        r->error = strdup("out of memory");
    sm_result_free(res);
    sm_doc_free(doc);
    json_decref(j);
    atomic_store_explicit(&r->done, true, memory_order_release);
}

/* ---- progress on stderr ---- */

typedef struct {
    bool on;
    size_t total;            /* 0: not known (a stream) */
    struct timespec start, last;
} progress;

static double since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) +
           (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void progress_start(progress *p, bool on, size_t total)
{
    p->on = on;
    p->total = total;
    clock_gettime(CLOCK_MONOTONIC, &p->start);
    p->last = p->start;
}

static void progress_draw(progress *p, cli_pool *pool)
{
    if (!p->on || since(&p->last) < PROGRESS_MS / 1000.0)
        return;
    size_t done = cli_pool_done(pool);
    clock_gettime(CLOCK_MONOTONIC, &p->last);
    double t = since(&p->start), rate = t > 0 ? (double)done / t : 0;
    fputs("\r\033[K", stderr);
    if (p->total) {
        enum { BAR = 24 };
        int full = (int)((double)done / (double)p->total * BAR);
        fputc('[', stderr);
        for (int i = 0; i < BAR; i++)
            fputc(i < full ? '#' : '.', stderr);
        fprintf(stderr, "] %zu/%zu files  %.0f/s", done, p->total, rate);
        if (rate > 0 && done < p->total) {
            long left = (long)((double)(p->total - done) / rate + 0.5);
            fprintf(stderr, "  %ld:%02ld left", left / 60, left % 60);
        }
    } else {
        fprintf(stderr, "%zu documents  %.0f/s", done, rate);
    }
    fflush(stderr);
}

static void progress_clear(progress *p)
{
    if (p->on) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}

/* ---- sorting and filters ---- */

/* Scores compare as the CSV shows them (3 decimals), so that rows that
 * look equal are ordered by path. */
static long score_key(const screen_row *r)
{
    if (r->nmatch)               /* --job: the best match */
        return (long)(r->match[r->best] * 1000 + 0.5);
    int lv = r->level == SM_LEVEL_NONE ? SM_LEVEL_JUNIOR : (int)r->level;
    return (long)(r->score[lv - 1] * 1000 + 0.5);
}

static int row_cmp(const void *a, const void *b)
{
    const screen_row *x = *(screen_row *const *)a, *y = *(screen_row *const *)b;
    if (x->ok != y->ok)
        return x->ok ? -1 : 1;
    if (x->ok) {
        if (x->level != y->level && !x->nmatch)
            return x->level > y->level ? -1 : 1;
        long kx = score_key(x), ky = score_key(y);
        if (kx != ky)
            return kx > ky ? -1 : 1;
    }
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

typedef struct {
    sm_level level;          /* --level, or NONE */
    double min_score;        /* < 0: none */
    long top;                /* < 0: none */
    size_t shown_ok, hidden;
} row_filter;

/* Does the row stay? Error rows always do. */
static bool keep_row(row_filter *f, const screen_row *r)
{
    if (!r->ok)
        return true;
    if (f->min_score >= 0) {
        sm_level lv = f->level != SM_LEVEL_NONE ? f->level : r->level;
        double s = r->nmatch ? r->match[r->best]
                   : lv != SM_LEVEL_NONE ? r->score[lv - 1] : 0;
        if (s < f->min_score)
            goto drop;
    } else if (f->level != SM_LEVEL_NONE && r->level != f->level) {
        goto drop;
    }
    if (f->top >= 0 && (long)f->shown_ok >= f->top)
        goto drop;
    f->shown_ok++;
    return true;
drop:
    f->hidden++;
    return false;
}

static void row_free(screen_row *r)
{
    if (!r)
        return;
    free(r->file);
    free(r->error);
    free(r->warnings);
    free(r->json);
    free(r->line);
    free(r->match);
    free(r);
}

static void print_warnings(screen_row *r, progress *p)
{
    if (!r->warnings)
        return;
    progress_clear(p);
    fputs(r->warnings, stderr);
    free(r->warnings);
    r->warnings = NULL;
}

/* ---- the run ---- */

typedef struct {
    cli_opts *o;
    sm_rules *rules;
    cli_jobs postings;       /* --job, --jobs DIR */
    int jobs;
    size_t queue_cap;
    worker_state *ws;
    void **states;
    int *spill_fds;
    cli_pool *pool;
    screen_out out;
    row_filter filter;
    progress prog;
    size_t inputs, ok, failed;
    size_t left_hidden, left_links, left_repeats;
    bool read_error;
} run;

static int make_spill_file(void)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/skillmatch-XXXXXX",
             dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd >= 0)
        unlink(path);            /* gone when closed, or when we die */
    return fd;
}

static bool run_start(run *R, bool spill)
{
    R->ws = calloc((size_t)R->jobs, sizeof *R->ws);
    R->states = calloc((size_t)R->jobs, sizeof *R->states);
    R->spill_fds = calloc((size_t)R->jobs, sizeof *R->spill_fds);
    if (!R->ws || !R->states || !R->spill_fds)
        return false;
    bool json = R->out.format == FMT_JSON || R->out.format == FMT_JSONL;
    for (int i = 0; i < R->jobs; i++)
        R->ws[i].spill_fd = -1;
    for (int i = 0; i < R->jobs; i++) {
        worker_state *w = &R->ws[i];
        w->rules = R->rules;
        w->o = R->o;
        w->postings = &R->postings;
        w->index = i;
        w->want_json = json;
        w->json_flags = SM_RENDER_STATUS |
                        (R->out.format == FMT_JSON ? SM_RENDER_PRETTY : 0);
        w->spill_fd = spill && json ? make_spill_file() : -1;
        R->spill_fds[i] = w->spill_fd;
        if (!(w->scratch = sm_scratch_new(R->rules)))
            return false;
        R->states[i] = w;
    }
    R->out.spill_fds = R->spill_fds;
    R->pool = cli_pool_new(R->jobs, R->queue_cap, screen_task, R->states);
    return R->pool != NULL;
}

static void run_stop(run *R)
{
    cli_pool_free(R->pool);
    R->pool = NULL;
    for (int i = 0; R->ws && i < R->jobs; i++) {
        sm_scratch_free(R->ws[i].scratch);
        if (R->ws[i].spill_fd >= 0)
            close(R->ws[i].spill_fd);
    }
    free(R->ws);
    free(R->states);
    free(R->spill_fds);
    R->ws = NULL;
    R->states = NULL;
    R->spill_fds = NULL;
}

/* Queue a row, drawing the progress bar while the queue is full. */
static void push(run *R, screen_row *r)
{
    while (!cli_pool_push(R->pool, r, R->prog.on ? PROGRESS_MS : -1))
        progress_draw(&R->prog, R->pool);
}

static void count(run *R, const screen_row *r)
{
    if (r->ok)
        R->ok++;
    else
        R->failed++;
}

static void write_rows(run *R, screen_row *const *rows, size_t n)
{
    if (R->out.format == FMT_TABLE) {
        screen_out_table(&R->out, rows, n);
        return;
    }
    screen_out_begin(&R->out);
    for (size_t i = 0; i < n; i++)
        screen_out_row(&R->out, rows[i]);
    screen_out_end(&R->out);
}

/* Paths and folders: every row in, sorted, filtered, written. */
static bool screen_files(run *R)
{
    screen_inputs in;
    if (!walk_inputs(R->o, &in))
        return false;
    size_t n = in.n;
    screen_row **rows = calloc(n + 1, sizeof *rows);
    bool ok = rows != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        if (!(rows[i] = calloc(1, sizeof **rows))) {
            ok = false;
            break;
        }
        rows[i]->file = in.v[i].path;
        rows[i]->kind = in.v[i].kind;
        rows[i]->error = in.v[i].error;
        rows[i]->spill = -1;
        rows[i]->order = i;
        in.v[i].path = in.v[i].error = NULL;
    }
    R->left_hidden = in.hidden;
    R->left_links = in.links;
    R->left_repeats = in.repeats;
    walk_inputs_free(&in);
    if (ok)
        ok = run_start(R, true);
    if (ok) {
        progress_start(&R->prog, R->o->progress, n);
        for (size_t i = 0; i < n; i++) {
            push(R, rows[i]);
            progress_draw(&R->prog, R->pool);
        }
        size_t done = 0;
        while (done < n) {
            done = cli_pool_wait(R->pool, done, R->prog.on ? PROGRESS_MS : -1);
            progress_draw(&R->prog, R->pool);
        }
        progress_clear(&R->prog);
        R->inputs = n;
        for (size_t i = 0; i < n; i++) {
            count(R, rows[i]);
            print_warnings(rows[i], &R->prog);
        }
        qsort(rows, n, sizeof *rows, row_cmp);
        size_t shown = 0;
        for (size_t i = 0; i < n; i++) {
            if (keep_row(&R->filter, rows[i]))
                rows[shown++] = rows[i];
            else
                row_free(rows[i]);
        }
        write_rows(R, rows, shown);
        n = shown;
    } else {
        cli_error("out of memory");
    }
    for (size_t i = 0; rows && i < n; i++)
        row_free(rows[i]);
    free(rows);
    return ok;
}

/* ---- JSON lines from standard input ---- */

typedef struct {
    int fd;
    char *buf;
    size_t start, end, cap;
    size_t limit;            /* longest line kept */
    bool eof;
} line_reader;

/* The next line, without its newline, in *line (valid until the next
 * call). A line longer than the limit is read to its end and dropped:
 * *too_long is set. Returns 1, 0 at the end, -1 on a read error. */
static int read_line(line_reader *lr, const char **line, size_t *len,
                     bool *too_long)
{
    *too_long = false;
    size_t scanned = lr->start;
    for (;;) {
        char *nl = memchr(lr->buf + scanned, '\n', lr->end - scanned);
        if (nl || (lr->eof && (lr->end > lr->start || *too_long))) {
            size_t stop = nl ? (size_t)(nl - lr->buf) : lr->end;
            *line = lr->buf + lr->start;
            *len = stop - lr->start;
            lr->start = nl ? stop + 1 : stop;
            if (*len > lr->limit)
                *too_long = true;
            return 1;
        }
        if (lr->eof)
            return 0;
        if (lr->end - lr->start > lr->limit) {
            *too_long = true;            /* drop it, read on to its end */
            lr->start = lr->end = 0;
        }
        if (lr->start > 0) {             /* move the partial line down */
            memmove(lr->buf, lr->buf + lr->start, lr->end - lr->start);
            lr->end -= lr->start;
            lr->start = 0;
        }
        scanned = lr->end;
        if (lr->end == lr->cap) {
            char *nb = realloc(lr->buf, lr->cap * 2);
            if (!nb)
                return -1;
            lr->buf = nb;
            lr->cap *= 2;
        }
        ssize_t r = read(lr->fd, lr->buf + lr->end, lr->cap - lr->end);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            lr->eof = true;
        lr->end += (size_t)r;
    }
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r", s[i]))
            return false;
    return true;
}

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
static void flush(run *R, stream *S, bool all)
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
            progress_draw(&R->prog, R->pool);
        }
        S->flushed++;
        S->bytes -= r->line_len;
        count(R, r);
        print_warnings(r, &R->prog);
        if (!keep_row(&R->filter, r)) {
            row_free(r);
        } else if (R->out.format != FMT_TABLE) {
            screen_out_row(&R->out, r);
            row_free(r);
        } else if (S->ntable < S->captable ||
                   grow_rows(&S->table, &S->captable)) {
            S->table[S->ntable++] = r;
        } else {
            S->oom = true;
            row_free(r);
        }
    }
}

static bool screen_stdin(run *R)
{
    stream S = {0};
    line_reader lr = {.fd = STDIN_FILENO, .cap = 65536};
    size_t max = R->o->max_size ? R->o->max_size : SM_DEFAULT_MAX_SIZE;
    /* JSON escapes make a text up to six times longer (\u0001) */
    lr.limit = max < ((size_t)1 << 40) ? max * 6 + 4096 : max;
    S.cap = R->queue_cap * 2 + (size_t)R->jobs;
    lr.buf = malloc(lr.cap);
    S.win = calloc(S.cap, sizeof *S.win);
    if (!lr.buf || !S.win || !run_start(R, false)) {
        free(lr.buf);
        free(S.win);
        cli_error("out of memory");
        return false;
    }
    progress_start(&R->prog, R->o->progress, 0);
    screen_out_begin(&R->out);
    const char *line;
    size_t len, line_no = 0;
    bool too_long;
    int rc = 0;
    while (!S.oom && (rc = read_line(&lr, &line, &len, &too_long)) > 0) {
        line_no++;
        if (!too_long && blank(line, len))
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
            r->error = dup_printf("line %zu: longer than the limit of %zu "
                                  "bytes", line_no, lr.limit);
        } else if (r && (r->line = malloc(len + 1))) {
            memcpy(r->line, line, len);
            r->line[len] = '\0';
            r->line_len = len;
        }
        if (!r || (too_long ? !r->error : !r->line)) {
            row_free(r);
            S.oom = true;
            break;
        }
        r->line_no = line_no;
        r->order = S.pushed;
        r->spill = -1;
        flush(R, &S, false);     /* waits while the window is full */
        S.win[S.pushed++ % S.cap] = r;
        S.bytes += r->line_len;
        R->inputs++;
        push(R, r);
        flush(R, &S, false);
        progress_draw(&R->prog, R->pool);
    }
    if (rc < 0) {
        cli_error("standard input: %s", strerror(errno));
        R->read_error = true;
    }
    flush(R, &S, true);
    progress_clear(&R->prog);
    if (R->out.format == FMT_TABLE)
        screen_out_table(&R->out, S.table, S.ntable);
    else
        screen_out_end(&R->out);
    for (size_t i = 0; i < S.ntable; i++)
        row_free(S.table[i]);
    free(S.table);
    free(S.win);
    free(lr.buf);
    if (S.oom)
        cli_error("out of memory");
    return !S.oom;
}

/* ---- the command ---- */

static void summary(const run *R)
{
    const char *what = R->o->stdin_jsonl ? "document" : "file";
    fprintf(stderr, "skillmatch: screened %zu %s%s: %zu ok, %zu failed",
            R->inputs, what, R->inputs == 1 ? "" : "s", R->ok, R->failed);
    const char *sep = "; left out: ";
    if (R->left_hidden) {
        fprintf(stderr, "%s%zu hidden (--hidden reads them)", sep,
                R->left_hidden);
        sep = ", ";
    }
    if (R->left_links) {
        fprintf(stderr, "%s%zu symbolic link%s (--follow follows them)", sep,
                R->left_links, R->left_links == 1 ? "" : "s");
        sep = ", ";
    }
    if (R->left_repeats)
        fprintf(stderr, "%s%zu folder%s reached twice", sep, R->left_repeats,
                R->left_repeats == 1 ? "" : "s");
    if (R->filter.hidden)
        fprintf(stderr, "; %zu not shown (filters)", R->filter.hidden);
    fputc('\n', stderr);
}

/* --job and --jobs: the postings, analysed once on this thread. */
static int screen_load_postings(cli_opts *o, run *R)
{
    memset(&R->postings, 0, sizeof R->postings);
    if (!o->npostings && !o->postings_dir)
        return EXIT_OK;
    sm_scratch *s = sm_scratch_new(R->rules);
    int rc = s ? cli_jobs_load(o, R->rules, s, &R->postings) : EXIT_USAGE;
    sm_scratch_free(s);
    return rc;
}

static int usage(const char *msg)
{
    cli_error("screen: %s", msg);
    return EXIT_USAGE;
}

int cmd_screen(cli_opts *o)
{
    screen_format fmt;
    const char *fname = o->format ? o->format
                      : o->stdin_jsonl ? "jsonl" : "table";
    if (!screen_format_parse(fname, &fmt)) {
        cli_error("screen: unknown format '%s' (table, csv, tsv, jsonl or "
                  "json)", fname);
        return EXIT_USAGE;
    }
    if (o->stdin_jsonl && (o->nargs || o->files_from))
        return usage("--stdin-jsonl reads standard input only; give no "
                     "path or --files-from with it");
    if (!o->stdin_jsonl && !o->nargs && !o->files_from)
        return usage("no folder or file given (or --files-from FILE, "
                     "--stdin-jsonl)");
    if (o->stdin_jsonl && o->top >= 0)
        return usage("--top sorts every row; with --stdin-jsonl rows keep "
                     "their input order (sort downstream)");
    int stdin_uses = o->files_from && !strcmp(o->files_from, "-");
    for (int i = 0; i < o->nargs; i++)
        stdin_uses += !strcmp(o->args[i], "-");
    for (int i = 0; i < o->npostings; i++)
        stdin_uses += !strcmp(o->postings[i], "-") + o->stdin_jsonl;
    if (stdin_uses > 1)
        return usage("standard input ('-') named more than once");

    run R = {.o = o};
    R.filter.level = SM_LEVEL_NONE;
    if (o->level)
        sm_level_parse(o->level, &R.filter.level);
    R.filter.min_score = o->min_score;
    R.filter.top = o->top;
    R.jobs = o->jobs > 0 ? o->jobs : cli_pool_cpus();
    R.queue_cap = (size_t)R.jobs * 16;
    if (!(R.rules = cli_load_rules(o)))
        return EXIT_USAGE;
    int jrc = screen_load_postings(o, &R);
    cli_out out;
    if (jrc != EXIT_OK || !cli_out_open(&out, o->output)) {
        cli_jobs_free(&R.postings);
        sm_rules_free(R.rules);
        return jrc != EXIT_OK ? jrc : EXIT_USAGE;
    }
    R.out.postings = &R.postings;
    R.out.format = fmt;
    R.out.f = out.f;
    R.out.width = fmt == FMT_TABLE ? screen_out_width(o) : 0;

    bool ok = o->stdin_jsonl ? screen_stdin(&R) : screen_files(&R);
    run_stop(&R);
    bool written = cli_out_close(&out, ok) && !R.out.failed;
    if (ok && !o->quiet)
        summary(&R);
    cli_jobs_free(&R.postings);
    sm_rules_free(R.rules);
    if (!ok)
        return EXIT_USAGE;
    return R.failed || R.read_error || !written ? EXIT_INPUT : EXIT_OK;
}
