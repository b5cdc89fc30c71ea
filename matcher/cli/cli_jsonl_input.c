/* cli_jsonl_input.c - JSON lines from a descriptor, each a document.
 * See cli_jsonl_input.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_jsonl_input.h"

bool jsonl_reader_init(jsonl_reader *lr, int fd, size_t limit)
{
    *lr = (jsonl_reader){.fd = fd, .cap = 65536, .limit = limit};
    lr->buf = malloc(lr->cap);
    return lr->buf != NULL;
}

void jsonl_reader_free(jsonl_reader *lr)
{
    free(lr->buf);
    lr->buf = NULL;
}

int jsonl_read_line(jsonl_reader *lr, const char **line, size_t *len,
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
            if (!nb) {
                errno = ENOMEM;
                return -1;
            }
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

bool jsonl_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

static char *strdupf(const char *fmt, ...)
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

json_t *jsonl_parse(const char *line, size_t len, size_t line_no, char **id,
                    const char **text, size_t *text_len, char **msg)
{
    json_error_t je;
    json_t *j = json_loadb(line, len, JSON_ALLOW_NUL, &je);
    *id = NULL;
    *msg = NULL;
    if (!j) {
        *msg = strdupf("line %zu: invalid JSON: %s (column %d)", line_no,
                       je.text, je.column);
        return NULL;
    }
    if (!json_is_object(j)) {
        *msg = strdupf("line %zu: not a JSON object", line_no);
        json_decref(j);
        return NULL;
    }
    json_t *jid = json_object_get(j, "id");
    json_t *jt = json_object_get(j, "text");
    if (json_is_string(jid))
        *id = strdup(json_string_value(jid));
    else if (json_is_integer(jid))
        *id = strdupf("%lld", (long long)json_integer_value(jid));
    if (!jid)
        *msg = strdupf("line %zu: no \"id\"", line_no);
    else if (!*id)
        *msg = strdupf("line %zu: \"id\" is not a string or an integer",
                       line_no);
    else if (!jt)
        *msg = strdupf("line %zu: no \"text\"", line_no);
    else if (!json_is_string(jt))
        *msg = strdupf("line %zu: \"text\" is not a string", line_no);
    else {
        *text = json_string_value(jt);
        *text_len = json_string_length(jt);
        return j;
    }
    json_decref(j);
    return NULL;
}
