/* conv.c - converted text: what a reader of PDF, DOCX, ODT, HTML or JSON
 * Resume builds (UTF-8, and for each of its lines a place in the
 * original), and the places of a document read from one, for people. */
#include <stdlib.h>
#include <string.h>

#include "doc/formats.h"

void sm_doc_src_free(sm_doc_src *src)
{
    if (!src)
        return;
    for (size_t i = 0; i < src->npaths; i++)
        free(src->paths[i]);
    free(src->paths);
    free(src->lines);
    free(src->sections);
    free(src->jobs);
    free(src);
}

bool sm_conv_init(sm_conv *c, sm_format format, size_t max)
{
    memset(c, 0, sizeof *c);
    c->max = max;
    c->need_line = true;
    if (!(c->src = calloc(1, sizeof *c->src)))
        return false;
    c->src->format = format;
    return true;
}

void sm_conv_free(sm_conv *c)
{
    free(c->text);
    sm_doc_src_free(c->src);
    memset(c, 0, sizeof *c);
}

void sm_conv_at(sm_conv *c, sm_place_kind kind, int a, int b)
{
    c->cur.kind = (uint8_t)kind;
    c->cur.a = a;
    c->cur.b = b;
}

void sm_conv_section(sm_conv *c, const char *section)
{
    c->cur_section = section;
}

/* The current place for a line that starts now. */
static bool start_line(sm_conv *c)
{
    sm_doc_src *src = c->src;
    size_t old_cap = src->caplines;
    sm_place *p = SM_PUSH(src->lines, src->nlines, src->caplines);
    if (!p)
        return false;
    *p = c->cur;
    if (src->caplines != old_cap || !src->sections) {
        const char **ns = realloc(src->sections,
                                  src->caplines * sizeof *ns);
        if (!ns)
            return false;
        src->sections = ns;
    }
    src->sections[src->nlines - 1] = c->cur_section;
    c->need_line = false;
    return true;
}

static bool room(sm_conv *c, size_t more)
{
    if (c->len + more > c->max) {
        c->too_large = true;
        return false;
    }
    if (c->len + more + 1 > c->cap &&
        !sm_reserve((void **)&c->text, &c->cap, c->len + more + 1, 1)) {
        c->oom = true;
        return false;
    }
    return true;
}

void sm_conv_put(sm_conv *c, const char *s, size_t n)
{
    while (n && !c->oom && !c->too_large) {
        if (c->need_line && !start_line(c)) {
            c->oom = true;
            return;
        }
        const char *nl = memchr(s, '\n', n);
        size_t k = nl ? (size_t)(nl - s) + 1 : n;
        if (!room(c, k))
            return;
        for (size_t i = 0; i < k; i++)
            if (s[i])
                c->text[c->len++] = s[i];
        if (nl)
            c->need_line = true;
        s += k;
        n -= k;
    }
}

void sm_conv_puts(sm_conv *c, const char *s)
{
    sm_conv_put(c, s, strlen(s));
}

bool sm_conv_line_empty(const sm_conv *c)
{
    return c->need_line || !c->len || c->text[c->len - 1] == '\n';
}

void sm_conv_break(sm_conv *c)
{
    if (!sm_conv_line_empty(c))
        sm_conv_put(c, "\n", 1);
}

int sm_conv_path(sm_conv *c, const char *path)
{
    sm_doc_src *src = c->src;
    char **slot = SM_PUSH(src->paths, src->npaths, src->cappaths);
    if (!slot || !(*slot = sm_strdup(path))) {
        if (slot)
            src->npaths--;
        c->oom = true;
        return -1;
    }
    return (int)(src->npaths - 1);
}

sm_status sm_conv_finish(sm_conv *c, const char *name, sm_error *err)
{
    /* the line after the last newline, empty, has a place too */
    if (!c->oom && !c->too_large && (c->need_line || !c->src->nlines) &&
        !start_line(c))
        c->oom = true;
    if (!c->oom && !c->too_large && !room(c, 0))
        c->oom = true;
    if (c->too_large)
        return sm_fail(err, SM_ERR_TOO_LARGE, name, 0, 0,
                       "its text is larger than the limit of %zu bytes",
                       c->max);
    if (c->oom)
        return sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
    c->text[c->len] = '\0';
    return SM_OK;
}

/* ---- places of a read document ---- */

const char *sm_doc_place(const sm_doc *doc, size_t offset, char *buf,
                         size_t cap)
{
    const sm_doc_src *src = doc->src;
    int line, col;
    if (!src || !cap || src->format == SM_FORMAT_PRE)
        return NULL;
    sm_doc_position(doc, offset, &line, &col);
    if (line < 1 || (size_t)line > src->nlines)
        return NULL;
    const sm_place *p = &src->lines[line - 1];
    static const char *const PART[] = {"", "header ", "footer "};
    switch (p->kind) {
    case SM_PLACE_PAGE:
        snprintf(buf, cap, "page %d, line %d", p->a, p->b);
        break;
    case SM_PLACE_PARA:
        snprintf(buf, cap, "%sparagraph %d", PART[p->b >= 0 && p->b < 3 ? p->b : 0],
                 p->a);
        break;
    case SM_PLACE_PATH:
        snprintf(buf, cap, "%s",
                 p->a >= 0 && (size_t)p->a < src->npaths ? src->paths[p->a]
                                                         : "?");
        break;
    default:
        snprintf(buf, cap, "%d:%d", p->a, p->b + col - 1);
        break;
    }
    return buf;
}

sm_format sm_doc_format(const sm_doc *doc)
{
    return doc->format;
}

bool sm_doc_job_ranges(const sm_doc *doc, int today, sm_job_range **out,
                       size_t *n)
{
    const sm_doc_src *src = doc->src;
    if (!src || src->format != SM_FORMAT_JSON_RESUME)
        return false;
    sm_job_range *v = malloc((src->njobs + 1) * sizeof *v);
    size_t k = 0;
    if (!v)
        return false;
    for (size_t i = 0; i < src->njobs; i++) {
        sm_job_range r = src->jobs[i];
        if (r.to < 0 || r.to > today)
            r.to = today;
        if (r.from > r.to)
            continue;                /* starts in the future, or reversed */
        v[k++] = r;
    }
    *out = v;
    *n = k;
    return true;
}

const char *sm_doc_line_section(const sm_doc *doc, size_t line)
{
    const sm_doc_src *src = doc->src;
    if (!src || !src->sections || line >= src->nlines)
        return NULL;
    return src->sections[line];
}
