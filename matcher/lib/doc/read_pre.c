/* read_pre.c - --pre COMMAND, as in ripgrep: the user's own converter for
 * any other format (legacy .doc through antiword, RTF, OCR of a scanned
 * PDF). It runs without a shell with the file's path as its one argument
 * and the file's bytes on its standard input, under the same time and
 * output limits as pdftotext; what it writes is read as text. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc/formats.h"

sm_status sm_read_pre(const sm_read_input *in, sm_conv *c, sm_error *err)
{
    const char *cmd = in->opt->pre;
    int fd = sm_child_memfd(in->data, in->len);
    if (fd < 0)
        return sm_fail(err, SM_ERR_IO, in->name, 0, 0,
                       "cannot hand the file to --pre %s", cmd);
    const char *argv[] = {cmd, in->path ? in->path : "-", NULL};
    sm_child ch = {.argv = argv, .stdin_fd = fd, .max_out = in->opt->max_size,
                   .timeout_ms = in->opt->timeout_ms};
    sm_child_result res;
    sm_status st = sm_child_run(&ch, in->name, &res, err);
    close(fd);
    if (st == SM_ERR_UNSUPPORTED)
        return sm_fail(err, st, in->name, 0, 0,
                       "--pre %s: no such program (it runs without a shell: "
                       "give a program, or a script with a #! line)", cmd);
    if (st != SM_OK)
        return st;
    if (res.signal || res.exit_code) {
        size_t n = strcspn(res.errtext, "\n");
        if (res.signal)
            st = sm_fail(err, SM_ERR_IO, in->name, 0, 0,
                         "--pre %s was killed by signal %d", cmd, res.signal);
        else
            st = sm_fail(err, SM_ERR_IO, in->name, 0, 0,
                         "--pre %s exited with status %d%s%.*s", cmd,
                         res.exit_code, n ? ": " : "", (int)(n < 300 ? n : 300),
                         res.errtext);
        free(res.out);
        return st;
    }
    /* places: the converter's own lines */
    int line = 1;
    const char *p = res.out, *end = res.out + res.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl + 1 : end;
        sm_conv_at(c, SM_PLACE_LINE, line++, 1);
        sm_conv_put(c, p, (size_t)(stop - p));
        p = stop;
    }
    free(res.out);
    return SM_OK;
}
