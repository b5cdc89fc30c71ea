/* read.c - a file or a memory buffer -> checked UTF-8 -> a normalized
 * document. Sends PDF, DOCX, ODT, HTML and JSON Resume to their readers
 * (doc/formats.h), which convert them to text with a place per line;
 * refuses binary input, repairs invalid UTF-8 with a warning and converts
 * UTF-16 with a byte-order mark. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc/doc.h"
#include "doc/formats.h"
#include "util/util.h"

void sm_doc_warn(sm_doc *doc, int line, int col, const char *fmt, ...)
{
    sm_error *w = SM_PUSH(doc->warnings, doc->nwarnings, doc->capwarnings);
    if (!w)
        return;
    va_list ap;
    memset(w, 0, sizeof *w);
    snprintf(w->file, sizeof w->file, "%s", doc->name);
    w->line = line;
    w->col = col;
    va_start(ap, fmt);
    vsnprintf(w->msg, sizeof w->msg, fmt, ap);
    va_end(ap);
}

void sm_doc_free(sm_doc *doc)
{
    if (!doc)
        return;
    free(doc->name);
    free(doc->text);
    free(doc->anchors);
    free(doc->line_starts);
    free(doc->warnings);
    sm_doc_src_free(doc->src);
    free(doc);
}

const char *sm_doc_name(const sm_doc *doc) { return doc->name; }
size_t sm_doc_warning_count(const sm_doc *doc) { return doc->nwarnings; }
const sm_error *sm_doc_warning(const sm_doc *doc, size_t i)
{
    return i < doc->nwarnings ? &doc->warnings[i] : NULL;
}
const char *sm_doc_text(const sm_doc *doc, size_t *len)
{
    if (len)
        *len = doc->len;
    return doc->text;
}

/* Length of the valid UTF-8 sequence at p, or 0 when it is invalid. */
static size_t utf8_valid(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
    else return 0;
    if (n < len)
        return 0;
    unsigned cp = c & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

char *sm_utf8_repair(const char *s, size_t n, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t bad = 0, o = 0;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_valid(p + i, n - i);
        bad += !k;
        i += k ? k : 1;
    }
    char *out = malloc(n + bad * 2 + 1);   /* a byte becomes three */
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_valid(p + i, n - i);
        if (k) {
            memcpy(out + o, p + i, k);
            o += k;
            i += k;
        } else {
            o += put_utf8(out + o, 0xFFFD);
            i++;
        }
    }
    out[o] = '\0';
    *len = o;
    return out;
}

/* UTF-16 (after its BOM) -> UTF-8; unpaired surrogates become U+FFFD. */
static char *utf16_to_utf8(const unsigned char *p, size_t n, bool be,
                           size_t *outlen)
{
    char *o = malloc(n / 2 * 3 + 4);
    size_t k = 0;
    if (!o)
        return NULL;
    for (size_t i = 0; i + 1 < n; i += 2) {
        unsigned u = be ? (unsigned)(p[i] << 8 | p[i + 1])
                        : (unsigned)(p[i + 1] << 8 | p[i]);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            unsigned v = be ? (unsigned)(p[i + 2] << 8 | p[i + 3])
                            : (unsigned)(p[i + 3] << 8 | p[i + 2]);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
                i += 2;
            } else {
                u = 0xFFFD;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD;
        }
        k += put_utf8(o + k, u);
    }
    o[k] = '\0';
    *outlen = k;
    return o;
}

/* Text (of a file, or converted by a reader: `src`, taken over) -> a
 * normalized document. */
static sm_status text_doc(const char *name, const void *data, size_t len,
                          size_t max_size, sm_format format, sm_doc_src *src,
                          sm_doc **out, sm_error *err)
{
    const unsigned char *p = data;
    char *conv = NULL;
    sm_status st;
    if (len > max_size) {
        sm_doc_src_free(src);
        return sm_fail(err, SM_ERR_TOO_LARGE, name, 0, 0,
                       "file is larger than the limit of %zu bytes", max_size);
    }

    sm_doc *doc = calloc(1, sizeof *doc);
    if (!doc || !(doc->name = sm_strdup(name))) {
        free(doc);
        sm_doc_src_free(src);
        return sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
    }
    doc->format = format;
    doc->src = src;

    if (!src && len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
                             (p[0] == 0xFE && p[1] == 0xFF))) {
        conv = utf16_to_utf8(p + 2, len - 2, p[0] == 0xFE, &len);
        if (!conv) {
            st = sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
            goto fail;
        }
        p = (const unsigned char *)conv;
        sm_doc_warn(doc, 0, 0, "converted from UTF-16 to UTF-8");
    }
    if (!src && len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        p += 3;
        len -= 3;
    }
    const void *nul = memchr(p, '\0', len);
    if (nul) {
        st = sm_fail(err, SM_ERR_BINARY, name, 0, 0,
                     "binary file (NUL byte at offset %zu); not read",
                     (size_t)((const unsigned char *)nul - p));
        goto fail;
    }

    /* Repair invalid UTF-8: each bad byte becomes U+FFFD. Eight ASCII
     * bytes at a time while there are; the place of the first bad byte is
     * counted only when there is one. */
    size_t bad = 0, first = 0, first_line = 0, first_col = 0;
    for (size_t i = 0; i < len;) {
        uint64_t w;
        if (i + 8 <= len) {
            memcpy(&w, p + i, 8);
            if (!(w & 0x8080808080808080u)) {
                i += 8;
                continue;
            }
        }
        size_t k = utf8_valid(p + i, len - i);
        if (!k) {
            if (!bad++)
                first = i;
            k = 1;
        }
        i += k;
    }
    if (bad) {                       /* line and column of the first */
        size_t line = 1, col = 1;
        for (size_t i = 0; i < first;) {
            size_t k = utf8_valid(p + i, len - i);
            if (p[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            i += k ? k : 1;
        }
        first_line = line;
        first_col = col;
    }
    const char *text = (const char *)p;
    char *fixed = NULL;
    if (bad) {
        fixed = sm_utf8_repair(text, len, &len);
        if (!fixed) {
            st = sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
            goto fail;
        }
        text = fixed;
        sm_doc_warn(doc, (int)first_line, (int)first_col,
                    "invalid UTF-8 (%zu byte%s replaced with U+FFFD)", bad,
                    bad == 1 ? "" : "s");
    }
    st = sm_normalize(doc, text, len, err);
    free(fixed);
    if (st != SM_OK)
        goto fail;
    free(conv);
    *out = doc;
    return SM_OK;
fail:
    free(conv);
    sm_doc_free(doc);
    return st;
}

/* data[0..len) of `name` (on disk at `path`, or NULL) -> a document,
 * through the reader its format needs. */
static sm_status read_bytes(const char *name, const char *path,
                            const void *data, size_t len,
                            const sm_read_options *opt, sm_doc **out,
                            sm_error *err)
{
    sm_read_options o = opt ? *opt : (sm_read_options){0};
    if (!o.max_size)
        o.max_size = SM_DEFAULT_MAX_SIZE;
    if (o.timeout_ms <= 0)
        o.timeout_ms = SM_DEFAULT_TIMEOUT_MS;
    if (!name)
        name = "-";
    sm_format f = o.pre ? SM_FORMAT_PRE : sm_format_detect(name, data, len);
    if (f == SM_FORMAT_TEXT || f == SM_FORMAT_MARKDOWN)
        return text_doc(name, data, len, o.max_size, f, NULL, out, err);

    sm_read_input in = {name, path, data, len, &o};
    sm_error e = {0};
    sm_conv c;
    sm_status st;
    if (!sm_conv_init(&c, f, o.max_size))
        return sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
    switch (f) {
    case SM_FORMAT_PDF: st = sm_read_pdf(&in, &c, &e); break;
    case SM_FORMAT_DOCX: st = sm_read_zip(&in, &c, &e); break;
    case SM_FORMAT_HTML: st = sm_read_html(&in, &c, &e); break;
    case SM_FORMAT_JSON_RESUME: st = sm_read_jsonresume(&in, &c, &e); break;
    default: st = sm_read_pre(&in, &c, &e); break;
    }
    if (st == SM_ERR_UNSUPPORTED && f == SM_FORMAT_JSON_RESUME && !e.msg[0]) {
        sm_conv_free(&c);            /* JSON, but no resume: text */
        return text_doc(name, data, len, o.max_size, SM_FORMAT_TEXT, NULL,
                        out, err);
    }
    if (st == SM_OK)
        st = sm_conv_finish(&c, name, &e);
    if (st != SM_OK) {
        sm_conv_free(&c);
        if (err)
            *err = e;
        return st;
    }
    if (c.len == 0 || !c.text) {
        st = sm_fail(err, SM_ERR_EMPTY, name, 0, 0, "no text in this %s file",
                     sm_format_name(c.src->format));
    } else {
        st = text_doc(name, c.text, c.len, (size_t)-1, c.src->format, c.src,
                      out, err);
        c.src = NULL;                /* text_doc() took it */
    }
    sm_conv_free(&c);
    return st;
}

sm_status sm_doc_read_mem(const char *name, const void *data, size_t len,
                          const sm_read_options *opt, sm_doc **out,
                          sm_error *err)
{
    size_t max = opt && opt->max_size ? opt->max_size : SM_DEFAULT_MAX_SIZE;
    if (!name)
        name = "-";
    if (len > max)
        return sm_fail(err, SM_ERR_TOO_LARGE, name, 0, 0,
                       "file is larger than the limit of %zu bytes", max);
    return read_bytes(name, NULL, data, len, opt, out, err);
}

sm_status sm_doc_from_text(const char *name, const void *data, size_t len,
                           sm_doc **out, sm_error *err)
{
    return text_doc(name, data, len, SM_DEFAULT_MAX_SIZE, SM_FORMAT_TEXT,
                    NULL, out, err);
}

sm_status sm_doc_load_mem(const char *name, const void *data, size_t len,
                          size_t max_size, sm_doc **out, sm_error *err)
{
    sm_read_options o = {.max_size = max_size};
    return sm_doc_read_mem(name, data, len, &o, out, err);
}

sm_status sm_doc_load_file(const char *path, size_t max_size, sm_doc **out,
                           sm_error *err)
{
    sm_read_options o = {.max_size = max_size};
    return sm_doc_read(path, &o, out, err);
}

sm_status sm_doc_read(const char *path, const sm_read_options *opt,
                      sm_doc **out, sm_error *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = !is_stdin ? path
                       : opt && opt->stdin_name ? opt->stdin_name : "<stdin>";
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    struct stat sb;
    char *buf = NULL;
    size_t len = 0, cap = 0, expect = 0;
    size_t max_size = opt && opt->max_size ? opt->max_size
                                           : SM_DEFAULT_MAX_SIZE;
    sm_status st;

    if (fd < 0)
        return sm_fail(err, SM_ERR_IO, name, 0, 0, "%s", strerror(errno));
    if (fstat(fd, &sb) == 0) {
        if (S_ISDIR(sb.st_mode)) {
            st = sm_fail(err, SM_ERR_IO, name, 0, 0, "is a directory");
            goto done;
        }
        if (S_ISREG(sb.st_mode) && (size_t)sb.st_size > max_size) {
            st = sm_fail(err, SM_ERR_TOO_LARGE, name, 0, 0,
                         "file is larger than the limit of %zu bytes "
                         "(%lld bytes)", max_size, (long long)sb.st_size);
            goto done;
        }
        if (S_ISREG(sb.st_mode)) {
            cap = (size_t)sb.st_size + 1;
            expect = (size_t)sb.st_size;
        }
    }
    if (cap < 4096)
        cap = 4096;
    buf = malloc(cap);
    if (!buf) {
        st = sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
        goto done;
    }
    for (;;) {
        if (len == cap) {
            if (len > max_size) {
                st = sm_fail(err, SM_ERR_TOO_LARGE, name, 0, 0,
                             "file is larger than the limit of %zu bytes",
                             max_size);
                goto done;
            }
            size_t ncap = cap * 2;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                st = sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
                goto done;
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            st = sm_fail(err, SM_ERR_IO, name, 0, 0, "%s", strerror(errno));
            goto done;
        }
        if (r == 0)
            break;
        len += (size_t)r;
        /* a regular file is read to the size fstat() gave, without one
         * more read() to see the end: one call fewer per file when
         * screening thousands */
        if (expect && len == expect)
            break;
    }
    if (len > max_size) {
        st = sm_fail(err, SM_ERR_TOO_LARGE, name, 0, 0,
                     "file is larger than the limit of %zu bytes", max_size);
        goto done;
    }
    if (len == 0) {
        st = sm_fail(err, SM_ERR_EMPTY, name, 0, 0, "empty file");
        goto done;
    }
    st = read_bytes(name, is_stdin ? NULL : path, buf, len, opt, out, err);
done:
    free(buf);
    if (!is_stdin)
        close(fd);
    return st;
}
