/* read_pdf.c - PDF through poppler's pdftotext, run as a child (see
 * docs/formats.md for why a child and not libpoppler in-process): reading
 * order as pdftotext's default (non -layout) mode gives it, which keeps
 * the columns of a two-column page apart; pages (form feeds) become line
 * breaks, and each line's place is its page and line there. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    const char *argv[] = {PDFTOTEXT, "-enc", "UTF-8", "-eol", "unix",
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
    /* pages end with a form feed; each line's place is page:line */
    int page = 1, line = 1;
    bool any = false;
    const char *p = res.out, *end = res.out + res.len;
    while (p < end) {
        const char *nl = p;
        while (nl < end && *nl != '\n' && *nl != '\f')
            nl++;
        if (nl > p || (nl < end && *nl == '\n')) {
            sm_conv_at(c, SM_PLACE_PAGE, page, line);
            sm_conv_put(c, p, (size_t)(nl - p));
            for (const char *q = p; q < nl && !any; q++)
                any = *q != ' ' && *q != '\t' && *q != '\r';
        }
        if (nl < end && *nl == '\n') {
            sm_conv_put(c, "\n", 1);
            line++;
        } else if (nl < end) {       /* a page ends: a line break, so that
                                        the next page's first line is a
                                        line of its own */
            sm_conv_break(c);
            page++;
            line = 1;
        }
        p = nl + 1;
    }
    free(res.out);
    if (!any)
        return sm_fail(err, SM_ERR_EMPTY, in->name, 0, 0,
                       "no text layer: a scanned PDF? run OCR first (for "
                       "instance --pre with an OCR script)");
    return SM_OK;
}
