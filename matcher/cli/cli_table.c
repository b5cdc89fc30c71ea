/* cli_table.c - the rows of `skillmatch screen` as an aligned table, CSV
 * or TSV (written by cli_delim.c), JSON lines or one JSON array; the HTML
 * page is cli_screen_html.c's. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli_screen.h"
#include "cli_width.h"

static const char *const FORMATS[] = {"table", "csv", "tsv", "jsonl", "json",
                                      "html", NULL};

bool screen_format_parse(const char *name, screen_format *out)
{
    for (int i = 0; FORMATS[i]; i++)
        if (!strcmp(name, FORMATS[i])) {
            *out = (screen_format)i;
            return true;
        }
    return false;
}

/* $COLUMNS when set, else the terminal's width, else 80; no limit for a
 * file written with -o. */
int screen_out_width(const cli_opts *o)
{
    if (o->output && strcmp(o->output, "-"))
        return 0;
    const char *c = getenv("COLUMNS");
    int n = c ? atoi(c) : 0;
    if (n > 0)
        return n;
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
        ws.ws_col > 0)
        return ws.ws_col;
    return 0; /* a pipe gets whole rows, for grep and cut */
}

/* Append s to buf (of cap bytes, holding n), cut to fit; the new n. */
static size_t append(char *buf, size_t cap, size_t n, const char *s)
{
    size_t k = strlen(s);
    if (n + k >= cap)
        k = cap - 1 - n;
    memcpy(buf + n, s, k);
    buf[n + k] = '\0';
    return n + k;
}

/* The gap ids joined by `sep` into buf. */
static void join_gaps(const screen_row *r, const char *sep, char *buf,
                      size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; i < TOP_GAPS && r->gaps[i] && n + 1 < cap; i++) {
        if (i)
            n = append(buf, cap, n, sep);
        n = append(buf, cap, n, r->gaps[i]);
    }
}

/* ---- CSV and TSV (cells made safe by cli_delim.c) ---- */

static void delimited_row(screen_out *so, const char *const *cells, int n)
{
    delim_row(so->f, so->format == FMT_CSV, cells, n);
}

/* The base name of a posting's path, for a column head. */
static const char *posting_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b && b[1] ? b + 1 : path;
}

/* --job rows: one posting: file, match, missing, years and fits; several:
 * file, a score per posting (the matrix), the best one and its missing. */
static void delimited_job(screen_out *so, const screen_row *r)
{
    size_t np = so->postings->n, nc = np == 1 ? 9 : np + 7, c = 0;
    const char **cells = calloc(nc, sizeof *cells);
    char (*sc)[16] = calloc(np + 1, sizeof *sc), years[32] = "",
         gaps[256] = "";
    if (!cells || !sc) {
        so->failed = true;
        free(cells);
        free(sc);
        return;
    }
    cells[c++] = r->file;
    for (size_t i = 0; r->ok && i < np; i++)
        snprintf(sc[i], sizeof sc[i], "%.3f", r->match[i]);
    if (r->ok && r->years >= 0)
        snprintf(years, sizeof years, "%.2f", r->years);
    for (int i = 0; r->ok && i < TOP_GAPS && r->missing[i]; i++) {
        if (i)
            strcat(gaps, ";");
        strcat(gaps, r->missing[i]);
    }
    if (np == 1) {
        cells[c++] = sc[0];
    } else {
        for (size_t i = 0; i < np; i++)
            cells[c++] = sc[i];
        cells[c++] = r->ok ? so->postings->paths[r->best] : "";
        cells[c++] = r->ok ? sc[r->best] : "";
    }
    cells[c++] = gaps;
    cells[c++] = years;
    if (np == 1) {
        cells[c++] = r->ok ? sm_fit_name(r->years_fit) : "";
        cells[c++] = r->ok ? sm_level_name(r->level) : "";
        cells[c++] = r->ok ? sm_fit_name(r->level_fit) : "";
    }
    cells[c++] = r->ok ? "ok" : "error";
    cells[c++] = r->ok ? "" : r->error;
    delimited_row(so, cells, (int)c);
    free(cells);
    free(sc);
}

static void delimited(screen_out *so, const screen_row *r)
{
    if (so->postings && so->postings->n) {
        delimited_job(so, r);
        return;
    }
    char sc[SM_LEVEL_COUNT][16], years[32] = "", gaps[256];
    if (!r->ok) {
        const char *cells[] = {r->file, "", "", "", "", "", "", "error",
                               r->error};
        delimited_row(so, cells, 9);
        return;
    }
    for (int i = 0; i < SM_LEVEL_COUNT; i++)
        snprintf(sc[i], sizeof sc[i], "%.3f", r->score[i]);
    if (r->years >= 0)
        snprintf(years, sizeof years, "%.2f", r->years);
    join_gaps(r, ";", gaps, sizeof gaps);
    const char *cells[] = {r->file, sm_level_name(r->level), sc[0], sc[1],
                           sc[2], years, gaps, "ok", ""};
    delimited_row(so, cells, 9);
}

/* ---- JSON ---- */

/* The JSON object of a row: from memory, from its worker's spill file, or
 * made now for an error. The caller frees it. */
static char *row_json(screen_out *so, const screen_row *r, size_t *len)
{
    char *js = NULL;
    if (!r->ok) {
        js = sm_render_json_error(r->file, r->error,
                                  so->format == FMT_JSON ? SM_RENDER_PRETTY
                                                         : 0);
        *len = js ? strlen(js) : 0;
    } else if (r->json) {
        js = strdup(r->json);
        *len = r->json_len;
    } else if (r->spill >= 0 && (js = malloc(r->json_len + 1))) {
        size_t got = 0;
        while (got < r->json_len) {
            ssize_t k = pread(so->spill_fds[r->spill], js + got,
                              r->json_len - got, r->json_off + (off_t)got);
            if (k <= 0)
                break;
            got += (size_t)k;
        }
        if (got < r->json_len) {
            free(js);
            js = NULL;
        }
        *len = r->json_len;
    }
    if (!js) {
        cli_error("%s: cannot write its JSON (out of memory or temporary "
                  "file lost)", r->file);
        so->failed = true;
    }
    return js;
}

/* ---- all formats ---- */

void screen_out_begin(screen_out *so)
{
    static const char *const HEAD[] = {"file", "level", "junior", "mid",
                                       "senior", "years", "top_gaps",
                                       "status", "error"};
    if (so->format == FMT_HTML)
        screen_html_begin(so);
    if ((so->format != FMT_CSV && so->format != FMT_TSV))
        return;
    size_t np = so->postings ? so->postings->n : 0;
    if (!np) {
        delimited_row(so, HEAD, 9);
        return;
    }
    static const char *const ONE[] = {"file", "match", "missing", "years",
                                      "years_fit", "level", "level_fit",
                                      "status", "error"};
    if (np == 1) {
        delimited_row(so, ONE, 9);
        return;
    }
    const char **cells = calloc(np + 7, sizeof *cells);
    if (!cells) {
        so->failed = true;
        return;
    }
    size_t c = 0;
    cells[c++] = "file";
    for (size_t i = 0; i < np; i++)
        cells[c++] = so->postings->paths[i];
    const char *const TAIL[] = {"best_job", "best_score", "missing", "years",
                                "status", "error"};
    for (size_t i = 0; i < 6; i++)
        cells[c++] = TAIL[i];
    delimited_row(so, cells, (int)c);
    free(cells);
}

void screen_out_row(screen_out *so, const screen_row *r)
{
    if (so->format == FMT_CSV || so->format == FMT_TSV) {
        delimited(so, r);
    } else {
        size_t len;
        char *js = row_json(so, r, &len);
        if (js && so->format == FMT_HTML) {
            screen_html_row(so, js, len);
            free(js);
        } else if (js) {
            if (so->format == FMT_JSON)
                fputs(so->written ? ",\n" : "[\n", so->f);
            fwrite(js, 1, len, so->f);
            if (so->format == FMT_JSONL)
                fputc('\n', so->f);
            free(js);
        }
    }
    so->written++;
}

void screen_out_end(screen_out *so)
{
    if (so->format == FMT_JSON)
        fputs(so->written ? "\n]\n" : "[]\n", so->f);
    if (so->format == FMT_HTML)
        screen_html_end(so);
}

/* ---- table (made to fit by cli_width.c) ---- */

enum { C_FILE, C_LEVEL, C_J, C_M, C_S, C_YEARS, C_GAPS, C_STATUS, NCOLS };

typedef struct {
    char level[8], score[SM_LEVEL_COUNT][8], years[16], gaps[256];
} table_cells;

static void table_cells_of(const screen_row *r, table_cells *c)
{
    if (!r->ok) {
        strcpy(c->level, "-");
        for (int i = 0; i < SM_LEVEL_COUNT; i++)
            strcpy(c->score[i], "-");
        strcpy(c->years, "-");
        strcpy(c->gaps, "-");
        return;
    }
    snprintf(c->level, sizeof c->level, "%s", sm_level_name(r->level));
    for (int i = 0; i < SM_LEVEL_COUNT; i++)
        snprintf(c->score[i], sizeof c->score[i], "%.2f", r->score[i]);
    if (r->years >= 0)
        snprintf(c->years, sizeof c->years, "%.1f", r->years);
    else
        strcpy(c->years, "-");
    join_gaps(r, ", ", c->gaps, sizeof c->gaps);
    if (!c->gaps[0])
        strcpy(c->gaps, "-");
}

/* A file name as the table shows it: a control character (a newline in a
 * name) becomes '?', as ls -q does, so that a row stays one line. */
static const char *shown_name(const char *name, char *buf, size_t cap)
{
    size_t i = 0;
    for (; name[i] && i + 1 < cap; i++)
        buf[i] = (unsigned char)name[i] < 0x20 || name[i] == 0x7f ? '?'
                                                                 : name[i];
    buf[i] = '\0';
    return buf;
}

/* --job: FILE, MATCH, (BEST JOB,) MISSING, YEARS, LEVEL, STATUS. */
enum { J_FILE, J_MATCH, J_BEST, J_MISSING, J_YEARS, J_LEVEL, J_STATUS,
       JCOLS };

typedef struct {
    char match[8], best[256], missing[256], years[16], level[8];
} job_cells;

static void job_cells_of(const screen_out *so, const screen_row *r,
                         job_cells *c)
{
    if (!r->ok) {
        strcpy(c->match, "-");
        strcpy(c->best, "-");
        strcpy(c->missing, "-");
        strcpy(c->years, "-");
        strcpy(c->level, "-");
        return;
    }
    snprintf(c->match, sizeof c->match, "%.2f", r->match[r->best]);
    snprintf(c->best, sizeof c->best, "%s",
             posting_name(so->postings->paths[r->best]));
    size_t n = 0;
    c->missing[0] = '\0';
    for (int i = 0; i < TOP_GAPS && r->missing[i]; i++) {
        if (i)
            n = append(c->missing, sizeof c->missing, n, ", ");
        n = append(c->missing, sizeof c->missing, n, r->missing[i]);
    }
    if (!c->missing[0])
        strcpy(c->missing, "-");
    if (r->years >= 0)
        snprintf(c->years, sizeof c->years, "%.1f", r->years);
    else
        strcpy(c->years, "-");
    snprintf(c->level, sizeof c->level, "%s", sm_level_name(r->level));
}

/* Print the head and rows of a table of nc columns (cells: n rows of nc
 * strings), shrunk by `steps` to the output's width. */
static void table_print(screen_out *so, const char *const *head, int nc,
                        const char *const *cells, size_t n, tw_col *c,
                        const tw_step *steps)
{
    for (int k = 0; k < nc; k++) {
        size_t hw = tw_width(head[k]);
        if (c[k].width < hw)
            c[k].width = hw;
        for (size_t i = 0; i < n; i++) {
            size_t w = tw_width(cells[i * nc + k]);
            if (w > c[k].width)
                c[k].width = w;
        }
    }
    tw_layout(c, nc, steps, so->width > 0 ? (size_t)so->width : 0);
    int last = nc - 1;
    for (size_t i = 0; i <= n; i++) {
        const char *const *v = i ? cells + (i - 1) * nc : head;
        for (int k = 0; k < nc; k++)
            if (c[k].shown)
                tw_cell(so->f, v[k], &c[k], k == last);
        fputc('\n', so->f);
    }
    so->written += n;
}

static void screen_out_table_job(screen_out *so, screen_row *const *rows,
                                 size_t n)
{
    static const char *const HEAD[JCOLS] = {"FILE", "MATCH", "BEST JOB",
                                            "MISSING", "YEARS", "LEVEL",
                                            "STATUS"};
    static const tw_step STEPS[] = {
        {J_MISSING, 12}, {J_FILE, 16}, {J_BEST, 12}, {J_STATUS, 12},
        {J_MISSING, 0}, {J_BEST, 0}, {J_YEARS, 0}, {J_FILE, 8},
        {J_STATUS, 6}, {J_FILE, 4}, {-1, 0}};
    job_cells *jc = malloc((n ? n : 1) * sizeof *jc);
    char (*name)[4608] = malloc((n ? n : 1) * sizeof *name);
    char (*status)[600] = malloc((n ? n : 1) * sizeof *status);
    const char **cells = malloc((n ? n : 1) * JCOLS * sizeof *cells);
    if (!jc || !name || !status || !cells) {
        so->failed = true;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        const screen_row *r = rows[i];
        job_cells_of(so, r, &jc[i]);
        if (r->ok)
            strcpy(status[i], "ok");
        else
            snprintf(status[i], sizeof status[i], "error: %s", r->error);
        const char *v[JCOLS] = {shown_name(r->file, name[i], sizeof name[i]),
                                jc[i].match, jc[i].best, jc[i].missing,
                                jc[i].years, jc[i].level,
                                shown_name(status[i], status[i],
                                           sizeof status[i])};
        memcpy(cells + i * JCOLS, v, sizeof v);
    }
    tw_col c[JCOLS];
    for (int k = 0; k < JCOLS; k++)
        c[k] = (tw_col){.shown = true, .middle = k == J_FILE};
    c[J_BEST].shown = so->postings->n > 1;
    table_print(so, HEAD, JCOLS, cells, n, c, STEPS);
done:
    free(jc);
    free(name);
    free(status);
    free(cells);
}

void screen_out_table(screen_out *so, screen_row *const *rows, size_t n)
{
    if (so->postings && so->postings->n) {
        screen_out_table_job(so, rows, n);
        return;
    }
    static const char *const HEAD[NCOLS] = {
        "FILE", "LEVEL", "JUNIOR", "MID", "SENIOR", "YEARS", "TOP GAPS",
        "STATUS"};
    /* the gaps give way first, then the file names (cut in the middle),
     * then the columns least needed are left out */
    static const tw_step STEPS[] = {
        {C_GAPS, 12}, {C_FILE, 16}, {C_STATUS, 12}, {C_GAPS, 0},
        {C_J, 0}, {C_S, 0}, {C_YEARS, 0}, {C_FILE, 8}, {C_M, 0},
        {C_STATUS, 6}, {C_FILE, 4}, {-1, 0}};
    table_cells *tc = malloc((n ? n : 1) * sizeof *tc);
    char (*name)[4608] = malloc((n ? n : 1) * sizeof *name);
    char (*status)[600] = malloc((n ? n : 1) * sizeof *status);
    const char **cells = malloc((n ? n : 1) * NCOLS * sizeof *cells);
    if (!tc || !name || !status || !cells) {
        so->failed = true;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        const screen_row *r = rows[i];
        table_cells_of(r, &tc[i]);
        if (r->ok)
            strcpy(status[i], "ok");
        else
            snprintf(status[i], sizeof status[i], "error: %s", r->error);
        const char *v[NCOLS] = {shown_name(r->file, name[i], sizeof name[i]),
                                tc[i].level, tc[i].score[0], tc[i].score[1],
                                tc[i].score[2], tc[i].years, tc[i].gaps,
                                shown_name(status[i], status[i],
                                           sizeof status[i])};
        memcpy(cells + i * NCOLS, v, sizeof v);
    }
    tw_col c[NCOLS];
    for (int k = 0; k < NCOLS; k++)
        c[k] = (tw_col){.shown = true, .middle = k == C_FILE};
    table_print(so, HEAD, NCOLS, cells, n, c, STEPS);
done:
    free(tc);
    free(name);
    free(status);
    free(cells);
}
