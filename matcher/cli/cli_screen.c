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
 *
 * The JSON-lines filter (--stdin-jsonl) is cli_jsonl.c, the progress bar
 * cli_progress.c. */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_jsonl_input.h"
#include "cli_screen.h"

/* ---- one document, on a worker ---- */

char *screen_strdupf(const char *fmt, ...)
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
            ? screen_strdupf("%sskillmatch: %s:%d:%d: warning: %s\n",
                             all ? all : "", e->file, e->line, e->col, e->msg)
            : screen_strdupf("%sskillmatch: %s: warning: %s\n", all ? all : "",
                             e->file, e->msg);
        free(all);
        if (!(all = next))
            break;
    }
    return all;
}

/* A JSON-lines document: {"id": ..., "text": ...}. Fills *id (the caller
 * frees it) and the text's place; on failure fills the row's error, and
 * names the row by the line's id when it had one. */
static json_t *parse_line(screen_row *r, char **id, const char **text,
                          size_t *len)
{
    char *msg = NULL;
    json_t *j = jsonl_parse(r->line, r->line_len, r->line_no, id, text, len,
                            &msg);
    if (j)
        return j;
    if (*id) {
        free(r->file);
        r->file = *id;
        *id = NULL;
    }
    fail_row(r, msg ? msg : "out of memory");
    free(msg);
    return NULL;
}

/* Keep the JSON of a row: in the worker's file, or in the row. */
static void keep_json(screen_worker *w, screen_row *r, char *js)
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
    screen_worker *w = state;
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
            char *msg = screen_strdupf("unsupported file type (%s)", what);
            fail_row(r, msg ? msg : "unsupported file type");
            free(msg);
        } else {
            sm_read_options ro = cli_read_options(w->o);
            st = sm_doc_read(r->file, &ro, &doc, &err);
            char *name = strcmp(r->file, "-") ? NULL
                       : strdup(w->o->stdin_name ? w->o->stdin_name
                                                 : "<stdin>");
            if (name) {              /* the name check and errors give it */
                free(r->file);
                r->file = name;
            }
        }
    }
    sm_options opt = w->o->analyze;
    opt.ladder = r->ladder;
    if (r->ok && st == SM_OK)
        st = sm_analyze(w->rules, w->scratch, doc, &opt, &res, &err);
    if (r->ok && st != SM_OK) {
        /* where the message came from: the rule's file:line:col when it is
         * not the document's, the line of a JSON-lines document */
        const char *why = err.msg[0] ? err.msg : sm_strerror(st);
        char *msg = err.line > 0 && strcmp(err.file, r->file)
            ? screen_strdupf("%s:%d:%d: %s", err.file, err.line, err.col, why)
            : r->line_no ? screen_strdupf("line %zu: %s", r->line_no, why)
                         : NULL;
        fail_row(r, msg ? msg : why);
        free(msg);
    }
    if (r->ok) {
        r->format = sm_doc_format(doc);
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

/* Does the row stay? Error rows always do. */
bool screen_keep_row(screen_filter *f, const screen_row *r)
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

void screen_row_free(screen_row *r)
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

void screen_print_warnings(screen_row *r, screen_progress *p)
{
    if (!r->warnings)
        return;
    screen_progress_clear(p);
    fputs(r->warnings, stderr);
    free(r->warnings);
    r->warnings = NULL;
}

/* ---- the run ---- */

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

bool screen_run_start(screen_run *R, bool spill)
{
    R->ws = calloc((size_t)R->jobs, sizeof *R->ws);
    R->states = calloc((size_t)R->jobs, sizeof *R->states);
    R->spill_fds = calloc((size_t)R->jobs, sizeof *R->spill_fds);
    if (!R->ws || !R->states || !R->spill_fds)
        return false;
    bool json = R->out.format == FMT_JSON || R->out.format == FMT_JSONL ||
                R->out.format == FMT_HTML;
    for (int i = 0; i < R->jobs; i++)
        R->ws[i].spill_fd = -1;
    for (int i = 0; i < R->jobs; i++) {
        screen_worker *w = &R->ws[i];
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

static void run_stop(screen_run *R)
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
void screen_push(screen_run *R, screen_row *r)
{
    while (!cli_pool_push(R->pool, r, R->prog.on ? PROGRESS_MS : -1))
        screen_progress_draw(&R->prog, R->pool);
}

/* Count a row of ladder l for the summary; false when out of memory. */
static bool count_ladder(screen_run *R, const sm_ladder *l)
{
    size_t i = 0;
    while (i < R->nladders && R->ladders[i] != l)
        i++;
    if (i == R->nladders) {
        const sm_ladder **v = realloc(R->ladders, (i + 1) * sizeof *v);
        if (v)
            R->ladders = v;
        size_t *c = realloc(R->ladder_rows, (i + 1) * sizeof *c);
        if (c)
            R->ladder_rows = c;
        if (!v || !c)
            return false;
        v[i] = l;
        c[i] = 0;
        R->nladders++;
    }
    R->ladder_rows[i]++;
    return true;
}

void screen_count(screen_run *R, const screen_row *r)
{
    if (r->ok && r->ladder && !count_ladder(R, r->ladder))
        R->read_error = true;    /* the summary would be wrong */
    if (r->ok) {
        R->ok++;
        if (r->format >= 0 && r->format < SM_FORMAT_COUNT)
            R->per_format[r->format]++;
    } else
        R->failed++;
}

static void write_rows(screen_run *R, screen_row *const *rows, size_t n)
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
static bool screen_files(screen_run *R)
{
    screen_inputs in;
    if (!walk_inputs(R->o, NULL, &in))
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
    /* each file's level ladder, found and loaded before the workers */
    for (size_t i = 0; ok && i < n; i++)
        if (rows[i]->kind != INPUT_FAILED)
            rows[i]->ladder = sm_lint_config_ladder(
                cli_config_for(&R->configs, rows[i]->file,
                               &R->config_failed));
    if (R->config_failed) {
        for (size_t i = 0; i < n; i++)
            screen_row_free(rows[i]);
        free(rows);
        return false;
    }
    if (ok)
        ok = screen_run_start(R, true);
    if (ok) {
        screen_progress_start(&R->prog, R->o->progress, n);
        for (size_t i = 0; i < n; i++) {
            screen_push(R, rows[i]);
            screen_progress_draw(&R->prog, R->pool);
        }
        size_t done = 0;
        while (done < n) {
            done = cli_pool_wait(R->pool, done, R->prog.on ? PROGRESS_MS : -1);
            screen_progress_draw(&R->prog, R->pool);
        }
        screen_progress_clear(&R->prog);
        R->inputs = n;
        for (size_t i = 0; i < n; i++) {
            screen_count(R, rows[i]);
            screen_print_warnings(rows[i], &R->prog);
        }
        qsort(rows, n, sizeof *rows, row_cmp);
        size_t shown = 0;
        for (size_t i = 0; i < n; i++) {
            if (screen_keep_row(&R->filter, rows[i]))
                rows[shown++] = rows[i];
            else
                screen_row_free(rows[i]);
        }
        write_rows(R, rows, shown);
        n = shown;
    } else {
        cli_error("out of memory");
    }
    for (size_t i = 0; rows && i < n; i++)
        screen_row_free(rows[i]);
    free(rows);
    return ok;
}

/* ---- the command ---- */

static void summary(const screen_run *R)
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
    /* where the level ladders came from, when not the profiles */
    sep = "; levels from ";
    for (size_t i = 0; i < R->nladders; i++) {
        fprintf(stderr, "%s%s (%zu %s%s)", sep,
                sm_ladder_source(R->ladders[i]), R->ladder_rows[i], what,
                R->ladder_rows[i] == 1 ? "" : "s");
        sep = ", ";
    }
    /* rows per format, when any is more than text or Markdown */
    size_t other = 0;
    for (int f = SM_FORMAT_HTML; f < SM_FORMAT_COUNT; f++)
        other += R->per_format[f];
    sep = "; read as: ";
    for (int f = 0; other && f < SM_FORMAT_COUNT; f++) {
        if (!R->per_format[f])
            continue;
        fprintf(stderr, "%s%zu %s", sep, R->per_format[f],
                sm_format_name((sm_format)f));
        sep = ", ";
    }
    fputc('\n', stderr);
}

/* --job and --jobs: the postings, analysed once on this thread. */
static int screen_load_postings(cli_opts *o, screen_run *R)
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
        cli_error("screen: unknown format '%s' (table, csv, tsv, jsonl, json "
                  "or html)", fname);
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

    screen_run R = {.o = o};
    R.filter.level = SM_LEVEL_NONE;
    if (o->level)
        sm_level_parse(o->level, &R.filter.level);
    R.filter.min_score = o->min_score;
    R.filter.top = o->top;
    R.jobs = o->jobs > 0 ? o->jobs : cli_pool_cpus();
    R.queue_cap = (size_t)R.jobs * 16;
    if (!(R.rules = cli_load_rules(o)))
        return EXIT_USAGE;
    /* --config, else each file's .skillmatch.yml; standard input's from
     * the current folder */
    if (cli_configs_open(&R.configs, o, R.rules) != EXIT_OK) {
        sm_rules_free(R.rules);
        return EXIT_USAGE;
    }
    if (o->stdin_jsonl)
        R.stdin_ladder = sm_lint_config_ladder(
            cli_config_for(&R.configs, "-", &R.config_failed));
    int jrc = R.config_failed ? EXIT_USAGE : screen_load_postings(o, &R);
    cli_out out;
    if (jrc != EXIT_OK || !cli_out_open(&out, o->output)) {
        cli_jobs_free(&R.postings);
        cli_configs_free(&R.configs);
        sm_rules_free(R.rules);
        return jrc != EXIT_OK ? jrc : EXIT_USAGE;
    }
    R.out.postings = &R.postings;
    R.out.rules = R.rules;
    R.out.format = fmt;
    R.out.f = out.f;
    R.out.width = fmt == FMT_TABLE ? screen_out_width(o) : 0;

    bool ok = o->stdin_jsonl ? screen_stdin(&R) : screen_files(&R);
    run_stop(&R);
    bool written = cli_out_close(&out, ok) && !R.out.failed;
    if (ok && !o->quiet)
        summary(&R);
    cli_jobs_free(&R.postings);
    cli_configs_free(&R.configs);
    free(R.ladders);
    free(R.ladder_rows);
    sm_rules_free(R.rules);
    if (!ok)
        return EXIT_USAGE;
    return R.failed || R.read_error || !written ? EXIT_INPUT : EXIT_OK;
}
