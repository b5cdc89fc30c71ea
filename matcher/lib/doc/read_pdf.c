/* read_pdf.c - PDF through poppler's pdftotext, run as a child (see
 * docs/formats.md for why a child and not libpoppler in-process). It
 * writes each page's text blocks with their boxes (-bbox-layout, XHTML),
 * which pdf_layout.c puts in reading order, columns first; each page ends
 * with a line break, and each line's place is its page and line there. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlreader.h>

#include "doc/formats.h"

#define PDFTOTEXT "pdftotext"
#define POPPLER_PACKAGE "poppler-utils"

/* The last line of pdftotext's standard error that says "Error" (else its
 * first line), for a message ("" when none). */
static void last_error(const char *errtext, char *out, size_t cap)
{
    const char *best = NULL;
    for (const char *p = errtext; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
        if (!strncmp(p, "Error", 5) || !strncmp(p, "Command Line Error", 18))
            best = p;
    out[0] = '\0';
    if (!best && errtext[0])
        best = errtext;
    if (best) {
        size_t n = strcspn(best, "\n");
        snprintf(out, cap, "%.*s", (int)(n < 300 ? n : 300), best);
    }
}

static double attr_num(xmlTextReaderPtr r, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(r, BAD_CAST name);
    double d = v ? strtod((const char *)v, NULL) : 0;
    xmlFree(v);
    return d == d ? d : 0;           /* NaN: 0 */
}

typedef struct {
    sm_pdf_block *b;
    size_t n, cap;
    char *text;
    size_t len, cap_text;
    size_t *order;
    size_t cap_order;
} page_buf;

static bool page_put(page_buf *p, const char *s, size_t n)
{
    if (!sm_reserve((void **)&p->text, &p->cap_text, p->len + n + 1, 1))
        return false;
    memcpy(p->text + p->len, s, n);
    p->len += n;
    return true;
}

/* A page's blocks, in reading order, into c: a line each of their lines. */
static bool page_emit(page_buf *p, int page, double width, sm_conv *c)
{
    if (!p->n)
        return true;
    if (!sm_reserve((void **)&p->order, &p->cap_order, p->n, sizeof *p->order))
        return false;
    sm_pdf_order(p->b, p->n, width, p->order);
    int line = 1;
    for (size_t i = 0; i < p->n; i++) {
        const sm_pdf_block *b = &p->b[p->order[i]];
        if (!b->len || !p->text)
            continue;                /* (an empty block: no text at all) */
        const char *s = p->text + b->text, *end = s + b->len;
        while (s < end) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            const char *stop = nl ? nl : end;
            sm_conv_break(c);
            sm_conv_at(c, SM_PLACE_PAGE, page, line++);
            sm_conv_put(c, s, (size_t)(stop - s));
            s = nl ? nl + 1 : end;
        }
    }
    sm_conv_break(c);
    p->n = 0;
    p->len = 0;
    return true;
}

sm_status sm_pdf_lay_out(const char *name, const char *xml, size_t len,
                         sm_conv *c, bool *any, sm_error *err)
{
    char why[320];
    xmlTextReaderPtr r = sm_xml_reader(xml, len, "pdftotext", why, sizeof why);
    page_buf p = {0};
    int page = 0, ret;
    double width = 612;
    bool in_word = false, first_word = true, oom = false;
    sm_pdf_block *blk = NULL;
    if (!r)
        return sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
    while (!oom && (ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const char *el = (const char *)xmlTextReaderConstLocalName(r);
        if (type == XML_READER_TYPE_ELEMENT && el) {
            bool empty = xmlTextReaderIsEmptyElement(r);
            if (!strcmp(el, "page")) {
                page++;
                width = attr_num(r, "width");
                if (empty)
                    continue;
            } else if (!strcmp(el, "block")) {
                blk = SM_PUSH(p.b, p.n, p.cap);
                if (!blk) {
                    oom = true;
                    break;
                }
                blk->x0 = attr_num(r, "xMin");
                blk->y0 = attr_num(r, "yMin");
                blk->x1 = attr_num(r, "xMax");
                blk->y1 = attr_num(r, "yMax");
                blk->text = p.len;
                blk->len = 0;
                blk->nlines = 0;
            } else if (!strcmp(el, "line") && blk) {
                if (blk->nlines++)
                    oom = !page_put(&p, "\n", 1);
                first_word = true;
            } else if (!strcmp(el, "word") && blk && !empty) {
                in_word = true;
                if (!first_word)
                    oom = !page_put(&p, " ", 1);
                first_word = false;
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT && el) {
            if (!strcmp(el, "word")) {
                in_word = false;
            } else if (!strcmp(el, "block") && blk) {
                blk->len = p.len - blk->text;
                blk = NULL;
            } else if (!strcmp(el, "page")) {
                oom = !page_emit(&p, page, width, c);
            }
        } else if (in_word && blk && type == XML_READER_TYPE_TEXT) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            if (v && *v) {
                oom = !page_put(&p, v, strlen(v));
                *any = true;
            }
        }
        if (c->oom || c->too_large)
            break;
    }
    sm_status st = SM_OK;
    if (oom)
        st = sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
    else if (ret < 0)
        st = sm_fail(err, SM_ERR_BINARY, name, 0, 0,
                     "corrupt PDF: pdftotext's layout cannot be read (%s)",
                     why[0] ? why : "not XML");
    xmlFreeTextReader(r);
    free(p.b);
    free(p.text);
    free(p.order);
    return st;
}

sm_status sm_read_pdf(const sm_read_input *in, sm_conv *c, sm_error *err)
{
    const sm_read_options *opt = in->opt;
    char arg[4096];
    int fd = -1;
    const char *file = "-";
    /* from a path pdftotext reads the file itself; otherwise the bytes go
     * on its standard input */
    if (in->path && strcmp(in->path, "-")) {
        snprintf(arg, sizeof arg, "%s%s", in->path[0] == '-' ? "./" : "",
                 in->path);
        file = arg;
    } else if ((fd = sm_child_memfd(in->data, in->len)) < 0) {
        return sm_fail(err, SM_ERR_IO, in->name, 0, 0,
                       "cannot hand the PDF to " PDFTOTEXT);
    }
    const char *argv[] = {PDFTOTEXT, "-enc", "UTF-8", "-bbox-layout",
                          file, "-", NULL};
    sm_child ch = {.argv = argv, .stdin_fd = fd, .max_out = opt->max_size,
                   .timeout_ms = opt->timeout_ms};
    sm_child_result res;
    sm_status st = sm_child_run(&ch, in->name, &res, err);
    if (fd >= 0)
        close(fd);
    if (st == SM_ERR_UNSUPPORTED)
        return sm_fail(err, st, in->name, 0, 0,
                       "reading PDF needs " PDFTOTEXT ", which is not "
                       "installed: install " POPPLER_PACKAGE
                       " (apt-get install " POPPLER_PACKAGE ")");
    if (st != SM_OK) {
        if (err)
            err->code = st;
        return st;
    }
    char why[400];
    last_error(res.errtext, why, sizeof why);
    if (res.signal) {
        st = sm_fail(err, SM_ERR_BINARY, in->name, 0, 0,
                     "corrupt PDF: " PDFTOTEXT " was killed by signal %d",
                     res.signal);
    } else if (res.exit_code != 0) {
        if (strstr(res.errtext, "password") ||
            strstr(res.errtext, "ncrypt"))
            st = sm_fail(err, SM_ERR_UNSUPPORTED, in->name, 0, 0,
                         "encrypted PDF: it needs a password; not read");
        else if (res.exit_code == 3)
            st = sm_fail(err, SM_ERR_UNSUPPORTED, in->name, 0, 0,
                         "the PDF forbids copying its text; not read");
        else
            st = sm_fail(err, SM_ERR_BINARY, in->name, 0, 0,
                         "corrupt PDF; not read (" PDFTOTEXT " exit %d%s%s)",
                         res.exit_code, why[0] ? ": " : "", why);
    }
    if (st != SM_OK) {
        free(res.out);
        return st;
    }
    bool any = false;
    st = sm_pdf_lay_out(in->name, res.out, res.len, c, &any, err);
    if (st != SM_OK) {
        free(res.out);
        return st;
    }
    free(res.out);
    if (!any)
        return sm_fail(err, SM_ERR_EMPTY, in->name, 0, 0,
                       "no text layer: a scanned PDF? run OCR first (for "
                       "instance --pre with an OCR script)");
    return SM_OK;
}
