/* render_match_text.c - a resume x posting match -> the report a person
 * reads, every line within 80 columns. */
#include <string.h>

#include "render/render.h"
#include "job/job.h"
#include "util/util.h"

enum { COLS = 80, BAR = 30 };

typedef struct {
    const char *bold, *green, *yellow, *dim, *reset;
} palette;

static const palette COLOR = {"\033[1m", "\033[32m", "\033[33m", "\033[2m",
                              "\033[0m"};
static const palette PLAIN = {"", "", "", "", ""};

/* Columns a UTF-8 string takes (one per code point). */
static size_t cols(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

/* s cut to `width` columns, "..." at the end when cut. */
static void put_cut(FILE *out, const char *s, size_t width)
{
    size_t len = strlen(s);
    if (cols(s, len) <= width) {
        fputs(s, out);
        return;
    }
    size_t keep = width > 3 ? width - 3 : 0, n = 0, i = 0;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == keep)
            break;
    fwrite(s, 1, i, out);
    fputs("...", out);
}

/* Words of s, wrapped at COLS, each line after the first indented by
 * `indent`; the first starts at column `at`. */
static void wrap(FILE *out, const char *s, size_t at, size_t indent)
{
    size_t col = at;
    bool first = true;
    for (;;) {
        while (*s == ' ')
            s++;
        size_t w = strcspn(s, " ");
        if (!w)
            break;
        size_t wc = cols(s, w);
        if (!first && col + 1 + wc > COLS) {
            fprintf(out, "\n%*s", (int)indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', out);
            col++;
        }
        fwrite(s, 1, w, out);
        col += wc;
        s += w;
        first = false;
    }
    fputc('\n', out);
}

static void bar(FILE *out, double score, const palette *c)
{
    int full = (int)(score * BAR + 0.5);
    fputc('[', out);
    fputs(c->green, out);
    for (int i = 0; i < BAR; i++) {
        if (i == full)
            fputs(c->dim, out);
        fputc(i < full ? '#' : '.', out);
    }
    fputs(c->reset, out);
    fputc(']', out);
}

static void years_text(double lo, double hi, char *buf, size_t cap)
{
    if (lo < 0)
        snprintf(buf, cap, "none stated");
    else if (hi >= 0)
        snprintf(buf, cap, "%g-%g", lo, hi);
    else
        snprintf(buf, cap, "%g+", lo);
}

sm_status sm_render_match_text(const sm_match *m, FILE *out, unsigned flags)
{
    const palette *c = flags & SM_RENDER_COLOR ? &COLOR : &PLAIN;
    const sm_job *j = m->job;
    const sm_result *r = m->resume;
    char head[1200], asked[64];
    double max, lo = sm_job_years_asked(j, &max);
    years_text(lo, max, asked, sizeof asked);

    snprintf(head, sizeof head, "%s against %s", sm_result_file(r), j->file);
    fputs(c->bold, out);
    put_cut(out, head, COLS);
    fprintf(out, "%s\n", c->reset);
    fprintf(out, "  Posting  %s level; years asked: %s; %zu required, %zu "
            "preferred skills\n", sm_level_name(j->level), asked, j->nreq,
            j->nasks - j->nreq);
    fputs("  Match    ", out);
    bar(out, m->score, c);
    fprintf(out, " %.2f\n", m->score);
    double had = sm_result_years(r);
    if (had >= 0)
        fprintf(out, "  Years    %g against %s: %s\n", had, asked,
                sm_fit_name(m->years_fit));
    else
        fprintf(out, "  Years    unknown against %s: %s\n", asked,
                sm_fit_name(m->years_fit));
    fprintf(out, "  Level    %s against %s: %s\n",
            sm_level_name(sm_result_level(r)), sm_level_name(j->level),
            sm_fit_name(m->level_fit));
    fputs("  ", out);
    wrap(out, m->verdict, 2, 2);
    fputc('\n', out);

    fprintf(out, "  %sAdd to the resume for this job (%zu, heaviest "
            "first)%s\n", c->bold, m->nmissing, c->reset);
    for (size_t i = 0; i < m->nmissing; i++) {
        const sm_match_item *it = &m->items[m->nmatched + i];
        char what[300], where[32];
        if (it->near_name)
            snprintf(what, sizeof what, "%s (you show %s)", it->ask->name,
                     it->near_name);
        else
            snprintf(what, sizeof what, "%s", it->ask->name);
        fprintf(out, "    %s%-9s%s  ", c->yellow,
                sm_ask_kind_name(it->ask->kind), c->reset);
        put_cut(out, what, COLS - 15);
        fputc('\n', out);
        int n = snprintf(where, sizeof where, "line %d: ", it->ask->line);
        fprintf(out, "               %s%s\"", c->dim, where);
        put_cut(out, it->ask->text, COLS - 15 - (size_t)n - 2);
        fprintf(out, "\"%s\n", c->reset);
    }
    if (!m->nmissing)
        fputs("    (nothing: the resume shows every skill asked)\n", out);
    fputc('\n', out);

    fprintf(out, "  %sShown (%zu)%s\n", c->bold, m->nmatched, c->reset);
    size_t w = 0;
    for (size_t i = 0; i < m->nmatched; i++) {
        size_t k = cols(m->items[i].ask->name, SIZE_MAX);
        if (k > w)
            w = k;
    }
    if (w > 24)
        w = 24;
    for (size_t i = 0; i < m->nmatched; i++) {
        const sm_match_item *it = &m->items[i];
        const sm_evidence *e = &it->have->evidence[0];
        char lead[64], name[300];
        if (it->by_alternative)  /* "TensorFlow or PyTorch": one shown */
            snprintf(name, sizeof name, "%s: %s", it->ask->name,
                     it->near_name);
        else
            snprintf(name, sizeof name, "%s", it->ask->name);
        fputs("    ", out);
        put_cut(out, name, w);
        for (size_t k = cols(name, SIZE_MAX); k < w; k++)
            fputc(' ', out);
        int n = snprintf(lead, sizeof lead, "  %c line %d \"",
                         it->ask->kind == SM_ASK_REQUIRED ? 'R' : 'P',
                         e->line);
        fputs(lead, out);
        size_t used = 4 + w + (size_t)n, tail = strlen(e->section) + 5;
        put_cut(out, e->text, COLS > used + tail + 4 ? COLS - used - tail
                                                      : 4);
        fprintf(out, "\" in %s\n", e->section);
    }
    if (!m->nmatched)
        fputs("    (none)\n", out);
    if (m->nmatched)
        fputs("    (R required, P preferred)\n", out);
    return ferror(out) ? SM_ERR_IO : SM_OK;
}
