/* normalize.c - the tokenizer's first half: Unicode punctuation to ASCII,
 * ligatures expanded, words broken by a hyphen at a line end joined, runs
 * of spaces folded, CRLF to LF. Case is kept (patterns match caselessly).
 * Every original line stays one normalized line, and anchors map each
 * normalized offset back to the original line and column. The second half,
 * sm_tokenize(), cuts normalized text into tokens. */
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "util/util.h"

enum { ANCHOR_GAP = 256 };

typedef struct {
    sm_doc *doc;
    char *o;
    size_t n, cap;
    int exp_line, exp_col;   /* where the last anchor predicts we are */
    bool oom;
} out_buf;

static bool reserve(out_buf *b, size_t more)
{
    if (b->n + more + 1 <= b->cap)
        return true;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < b->n + more + 1)
        ncap *= 2;
    char *p = realloc(b->o, ncap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->o = p;
    b->cap = ncap;
    return true;
}

/* Write one code point (len bytes at s) that stands for the original
 * character at line:col. */
static void emit(out_buf *b, const char *s, size_t len, int line, int col)
{
    if (b->oom || !reserve(b, len))
        return;
    sm_doc *doc = b->doc;
    /* an anchor at least every ANCHOR_GAP bytes, so that sm_doc_position()
     * counts few characters even on a line of megabytes */
    if (line != b->exp_line || col != b->exp_col ||
        (doc->nanchors && b->n - doc->anchors[doc->nanchors - 1].norm >=
                              ANCHOR_GAP)) {
        sm_anchor *a = SM_PUSH(doc->anchors, doc->nanchors, doc->capanchors);
        if (!a) {
            b->oom = true;
            return;
        }
        a->norm = b->n;
        a->line = line;
        a->col = col;
    }
    memcpy(b->o + b->n, s, len);
    b->n += len;
    /* after a line break, the next line's first character is where
     * sm_doc_position() counts it without an anchor: a document of a
     * million short lines needs no anchor a line */
    bool nl = len == 1 && *s == '\n';
    b->exp_line = nl ? line + 1 : line;
    b->exp_col = nl ? 1 : col + 1;
}

/* emit() for each byte of s[0..len), printable ASCII and single spaces
 * on one line from line:col; between the anchors emit() would make, in
 * bulk. */
static void emit_run(out_buf *b, const char *s, size_t len, int line, int col)
{
    while (len && !b->oom) {
        emit(b, s, 1, line, col);    /* its anchor, when one is due */
        s++;
        len--;
        col++;
        if (b->oom || !b->doc->nanchors)
            continue;
        size_t since = b->n - b->doc->anchors[b->doc->nanchors - 1].norm;
        size_t room = since >= ANCHOR_GAP ? 0 : ANCHOR_GAP - since;
        if (room > len)
            room = len;
        if (!room || !reserve(b, room))
            continue;
        memcpy(b->o + b->n, s, room);
        b->n += room;
        s += room;
        len -= room;
        col += (int)room;
        b->exp_col = col;
    }
}

static unsigned decode(const unsigned char *p, size_t *k)
{
    unsigned c = p[0];
    if (c < 0x80) { *k = 1; return c; }
    if (c < 0xE0) { *k = 2; return (c & 0x1F) << 6 | (p[1] & 0x3F); }
    if (c < 0xF0) {
        *k = 3;
        return (c & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    }
    *k = 4;
    return (c & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 |
           (p[3] & 0x3F);
}

enum { K_COPY, K_SPACE, K_DROP, K_NEWLINE, K_MAP };

/* What normalization does with code point cp; for K_MAP, *rep is the ASCII
 * replacement. */
static int classify(unsigned cp, const char **rep)
{
    if (cp < 0x80) {
        if (cp == '\n' || cp == '\f' || cp == '\v' || cp == '\r')
            return K_NEWLINE;
        if (cp == ' ' || cp == '\t' || cp < 0x20 || cp == 0x7F)
            return K_SPACE;
        return K_COPY;
    }
    switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        return K_SPACE;
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
    case 0xFEFF:
        return K_DROP;
    case 0x2028: case 0x2029: case 0x0085:
        return K_NEWLINE;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x00B4: case 0x02BC:
        *rep = "'"; return K_MAP;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x00AB: case 0x00BB:
        *rep = "\""; return K_MAP;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        *rep = "-"; return K_MAP;
    case 0x2022: case 0x2023: case 0x2043: case 0x2219: case 0x00B7:
    case 0x25AA: case 0x25AB: case 0x25A0: case 0x25A1: case 0x25CF:
    case 0x25CB: case 0x25E6: case 0x25C6: case 0x25C7: case 0x25B6:
    case 0x25BA: case 0x2605: case 0x2606: case 0x2713: case 0x2714:
    case 0x2756: case 0x27A2: case 0x27A4: case 0x2794: case 0x2192:
    case 0xF0A7: case 0xF0B7: case 0xF0D8: case 0xF0FC:
        *rep = "*"; return K_MAP;
    case 0x2026: *rep = "..."; return K_MAP;
    case 0xFB00: *rep = "ff"; return K_MAP;
    case 0xFB01: *rep = "fi"; return K_MAP;
    case 0xFB02: *rep = "fl"; return K_MAP;
    case 0xFB03: *rep = "ffi"; return K_MAP;
    case 0xFB04: *rep = "ffl"; return K_MAP;
    case 0xFB05: case 0xFB06: *rep = "st"; return K_MAP;
    case 0xFF0B: *rep = "+"; return K_MAP;
    case 0xFF03: *rep = "#"; return K_MAP;
    case 0xFF0F: *rep = "/"; return K_MAP;
    case 0xFF0C: *rep = ","; return K_MAP;
    case 0xFF1A: *rep = ":"; return K_MAP;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return K_SPACE;
    return K_COPY;
}

static bool is_lower_ascii(int c) { return c >= 'a' && c <= 'z'; }

/* The output ends with a word of two or more letters and a hyphen: a word
 * broken at the line end, when the next line starts in lower case. */
static bool ends_with_broken_word(const out_buf *b)
{
    if (b->n < 3 || b->o[b->n - 1] != '-')
        return false;
    size_t i = b->n - 1, letters = 0;
    while (i > 0 && sm_is_alpha((unsigned char)b->o[i - 1])) {
        i--;
        letters++;
    }
    return letters >= 2 && (i == 0 || b->o[i - 1] != '-');
}

sm_status sm_normalize(sm_doc *doc, const char *in, size_t len, sm_error *err)
{
    out_buf b = {.doc = doc, .exp_line = 0, .exp_col = 0};
    const unsigned char *p = (const unsigned char *)in;
    int line = 1, col = 1;
    bool pending_space = false, at_line_start = true;
    int space_line = 0, space_col = 0;
    size_t i = 0;
    SM_WORK(len);
    size_t nls = 0, capls = 0;

    size_t *ls = SM_PUSH(doc->line_starts, nls, capls);
    if (!ls)
        return sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
    *ls = 0;

    while (i < len && !b.oom) {
        if (p[i] > 0x20 && p[i] < 0x7F) {   /* a run of plain characters */
            size_t j = i + 1;
            /* and single spaces between them, which stay as they are */
            while (j < len &&
                   ((p[j] > 0x20 && p[j] < 0x7F) ||
                    (p[j] == ' ' && j + 1 < len && p[j + 1] > 0x20 &&
                     p[j + 1] < 0x7F)))
                j++;
            if (pending_space) {
                emit(&b, " ", 1, space_line, space_col);
                pending_space = false;
            }
            emit_run(&b, (const char *)p + i, j - i, line, col);
            at_line_start = false;
            col += (int)(j - i);
            i = j;
            continue;
        }
        size_t k;
        unsigned cp = decode(p + i, &k);
        const char *rep = NULL;
        int kind = classify(cp, &rep);

        if (kind == K_NEWLINE) {
            size_t adv = k;
            if (cp == '\r' && i + 1 < len && p[i + 1] == '\n')
                adv = 2;
            pending_space = false;
            /* Join a word broken by a hyphen at the line end: move the
             * rest of the word up from the next line. */
            size_t j = i + adv;
            int ncol = 1;
            while (j < len && (p[j] == ' ' || p[j] == '\t')) {
                j++;
                ncol++;
            }
            size_t moved_to = i + adv;
            int moved_col = 1;
            if (ends_with_broken_word(&b) && j < len && is_lower_ascii(p[j])) {
                b.n--;   /* drop the hyphen, and an anchor made for it */
                if (doc->nanchors && doc->anchors[doc->nanchors - 1].norm > b.n)
                    doc->nanchors--;
                while (j < len && sm_is_alpha(p[j])) {
                    emit(&b, (const char *)p + j, 1, line + 1, ncol);
                    j++;
                    ncol++;
                }
                moved_to = j;
                moved_col = ncol;
            }
            emit(&b, "\n", 1, line, col);
            ls = SM_PUSH(doc->line_starts, nls, capls);
            if (!ls) {
                b.oom = true;
                break;
            }
            *ls = b.n;
            line++;
            col = moved_col;
            i = moved_to;
            at_line_start = true;
            continue;
        }
        if (kind == K_SPACE) {
            if (!at_line_start && !pending_space) {
                pending_space = true;
                space_line = line;
                space_col = col;
            }
        } else if (kind != K_DROP) {
            if (pending_space) {
                emit(&b, " ", 1, space_line, space_col);
                pending_space = false;
            }
            if (kind == K_MAP) {
                for (const char *r = rep; *r; r++)
                    emit(&b, r, 1, line, col);
            } else {
                emit(&b, (const char *)p + i, k, line, col);
            }
            at_line_start = false;
        }
        i += k;
        col++;
    }
    if (b.oom || !reserve(&b, 1)) {
        free(b.o);
        return sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
    }
    b.o[b.n] = '\0';
    doc->text = b.o;
    doc->len = b.n;
    doc->nlines = nls;
    return SM_OK;
}

void sm_doc_position(const sm_doc *doc, size_t offset, int *line, int *col)
{
    size_t lo = 0, hi = doc->nanchors;
    if (offset > doc->len)
        offset = doc->len;
    if (!doc->nanchors) {
        *line = 1;
        *col = 1;
        return;
    }
    while (hi - lo > 1) {   /* last anchor with norm <= offset */
        size_t mid = (lo + hi) / 2;
        if (doc->anchors[mid].norm <= offset)
            lo = mid;
        else
            hi = mid;
    }
    const sm_anchor *a = &doc->anchors[lo];
    int l = a->line, c = a->col;
    for (size_t i = a->norm; i < offset; i++) {
        unsigned char ch = (unsigned char)doc->text[i];
        if (ch == '\n') {           /* see emit() */
            l++;
            c = 1;
        } else if ((ch & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

size_t sm_doc_line_of(const sm_doc *doc, size_t off)
{
    size_t lo = 0, hi = doc->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (doc->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* ---- tokenizer ---- */

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

bool sm_token_next(const char *text, size_t len, size_t *pos, sm_token *tok)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t i = *pos;
    for (; i < len; i++) {
        if (word_byte(t[i]))
            break;
        if (t[i] == '.' && i + 1 < len && word_byte(t[i + 1]) &&
            (i == 0 || !word_byte(t[i - 1])))
            break;                     /* .NET */
    }
    if (i >= len) {
        *pos = len;
        return false;
    }
    size_t start = i;
    if (t[i] == '.')
        i++;
    while (i < len) {
        if (word_byte(t[i])) {
            i++;
        } else if ((t[i] == '.' || t[i] == '-' || t[i] == '/' ||
                    t[i] == '_') &&
                   i + 1 < len && word_byte(t[i + 1])) {
            i += 2;                    /* node.js, scikit-learn, ci/cd */
        } else {
            break;
        }
    }
    /* c++, c#, f#: a letter followed by ++ or # and then no word byte */
    if (i < len && sm_is_alpha(t[i - 1])) {
        size_t j = i;
        if (t[j] == '#')
            j++;
        else if (j + 1 < len && t[j] == '+' && t[j + 1] == '+')
            j += 2;
        if (j > i && (j == len || !word_byte(t[j])))
            i = j;
    }
    tok->start = start;
    tok->len = i - start;
    *pos = i;
    return true;
}

size_t sm_tokenize(const char *text, size_t len, sm_token *out, size_t cap)
{
    size_t n = 0, pos = 0;
    sm_token tok;
    while (sm_token_next(text, len, &pos, &tok)) {
        if (n < cap)
            out[n] = tok;
        n++;
    }
    return n;
}
