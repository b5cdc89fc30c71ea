/* cli_table.c - the rows of `skillmatch screen` as an aligned table, CSV
 * (RFC 4180 quoting), TSV, JSON lines or one JSON array; the HTML page is
 * cli_screen_html.c's. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli_screen.h"

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

int screen_out_width(const cli_opts *o)
{
    if (o->output && strcmp(o->output, "-"))
        return 0;
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
        ws.ws_col > 0)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    int n = c ? atoi(c) : 0;
    return n > 0 ? n : 0;
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

/* ---- CSV and TSV ---- */

static void csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* TSV has no quoting: tab, line breaks and backslash are escaped. */
static void tsv_field(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\t': fputs("\\t", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\\': fputs("\\\\", f); break;
        default: fputc(*s, f);
        }
    }
}

static void delimited_row(screen_out *so, const char *const *cells, int n)
{
    bool csv = so->format == FMT_CSV;
    for (int i = 0; i < n; i++) {
        if (i)
            fputc(csv ? ',' : '\t', so->f);
        (csv ? csv_field : tsv_field)(so->f, cells[i]);
    }
    fputc('\n', so->f);
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

/* ---- table ---- */

/* Columns a UTF-8 string takes (one per code point). */
static size_t cols(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static void cell(FILE *f, const char *s, size_t width, bool last)
{
    static const char SPACES[] = "                                ";
    fputs(s, f);
    if (last)
        return;
    for (size_t k = cols(s); k < width + 2;) {
        size_t m = width + 2 - k < sizeof SPACES - 1 ? width + 2 - k
                                                      : sizeof SPACES - 1;
        fwrite(SPACES, 1, m, f);
        k += m;
    }
}

/* The first `width` columns of s, "..." at the end when cut. */
static void cut(char *s, size_t width)
{
    if (cols(s) <= width)
        return;
    size_t keep = width > 3 ? width - 3 : 0, n = 0, i = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == keep)
            break;
    }
    strcpy(s + i, width >= 3 ? "..." : "");
}

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

static void screen_out_table_job(screen_out *so, screen_row *const *rows,
                                 size_t n)
{
    char name[4608];
    static const char *const HEAD[JCOLS] = {"FILE", "MATCH", "BEST JOB",
                                            "MISSING", "YEARS", "LEVEL",
                                            "STATUS"};
    bool several = so->postings->n > 1;
    size_t w[JCOLS];
    job_cells *cells = malloc((n ? n : 1) * sizeof *cells);
    if (!cells) {
        so->failed = true;
        return;
    }
    for (int c = 0; c < JCOLS; c++)
        w[c] = strlen(HEAD[c]);
    for (size_t i = 0; i < n; i++) {
        job_cells_of(so, rows[i], &cells[i]);
        const char *v[] = {shown_name(rows[i]->file, name, sizeof name),
                           cells[i].match, cells[i].best, cells[i].missing,
                           cells[i].years, cells[i].level};
        for (int c = 0; c < J_STATUS; c++)
            if (cols(v[c]) > w[c])
                w[c] = cols(v[c]);
    }
    if (so->width > 0) {         /* the missing skills give way */
        size_t other = strlen("STATUS");
        for (int c = 0; c < JCOLS; c++)
            if (c != J_MISSING && c != J_STATUS &&
                (several || c != J_BEST))
                other += w[c] + 2;
        size_t room = (size_t)so->width > other + 2
                          ? (size_t)so->width - other - 2 : 0;
        if (room < 12)
            room = 12;
        if (w[J_MISSING] > room)
            w[J_MISSING] = room;
    }
    for (int c = 0; c < JCOLS; c++)
        if (several || c != J_BEST)
            cell(so->f, HEAD[c], w[c], c == J_STATUS);
    fputc('\n', so->f);
    for (size_t i = 0; i < n; i++) {
        const screen_row *r = rows[i];
        char status[600];
        cut(cells[i].missing, w[J_MISSING]);
        if (r->ok)
            strcpy(status, "ok");
        else
            snprintf(status, sizeof status, "error: %s", r->error);
        const char *v[] = {shown_name(r->file, name, sizeof name),
                           cells[i].match, cells[i].best, cells[i].missing,
                           cells[i].years, cells[i].level, status};
        for (int c = 0; c < JCOLS; c++)
            if (several || c != J_BEST)
                cell(so->f, v[c], w[c], c == J_STATUS);
        fputc('\n', so->f);
        so->written++;
    }
    free(cells);
}

void screen_out_table(screen_out *so, screen_row *const *rows, size_t n)
{
    if (so->postings && so->postings->n) {
        screen_out_table_job(so, rows, n);
        return;
    }
    char name[4608];
    static const char *const HEAD[NCOLS] = {
        "FILE", "LEVEL", "JUNIOR", "MID", "SENIOR", "YEARS", "TOP GAPS",
        "STATUS"};
    size_t w[NCOLS];
    /* each row's cells, made once for the widths and the printing */
    table_cells *cells = malloc((n ? n : 1) * sizeof *cells);
    table_cells one;
    for (int c = 0; c < NCOLS; c++)
        w[c] = strlen(HEAD[c]);
    for (size_t i = 0; i < n; i++) {
        table_cells *tc = cells ? &cells[i] : &one;
        table_cells_of(rows[i], tc);
        const char *v[] = {shown_name(rows[i]->file, name, sizeof name),
                           tc->level, tc->score[0], tc->score[1],
                           tc->score[2], tc->years, tc->gaps};
        for (int c = 0; c < C_STATUS; c++)
            if (cols(v[c]) > w[c])
                w[c] = cols(v[c]);
    }
    /* On a narrow terminal the gaps give way; the file names never do. */
    if (so->width > 0) {
        size_t other = strlen("STATUS");
        for (int c = 0; c < NCOLS; c++)
            if (c != C_GAPS && c != C_STATUS)
                other += w[c] + 2;
        size_t room = (size_t)so->width > other + 2
                          ? (size_t)so->width - other - 2 : 0;
        if (room < 12)
            room = 12;
        if (w[C_GAPS] > room)
            w[C_GAPS] = room;
    }
    for (int c = 0; c < NCOLS; c++)
        cell(so->f, HEAD[c], w[c], c == C_STATUS);
    fputc('\n', so->f);
    for (size_t i = 0; i < n; i++) {
        const screen_row *r = rows[i];
        table_cells *tc = cells ? &cells[i] : &one;
        char status[600];
        if (!cells)                  /* out of memory: made again */
            table_cells_of(r, tc);
        cut(tc->gaps, w[C_GAPS]);
        if (r->ok)
            strcpy(status, "ok");
        else
            snprintf(status, sizeof status, "error: %s", r->error);
        const char *v[] = {shown_name(r->file, name, sizeof name), tc->level,
                           tc->score[0], tc->score[1], tc->score[2],
                           tc->years, tc->gaps, status};
        for (int c = 0; c < NCOLS; c++)
            cell(so->f, v[c], w[c], c == C_STATUS);
        fputc('\n', so->f);
        so->written++;
    }
    free(cells);
}
