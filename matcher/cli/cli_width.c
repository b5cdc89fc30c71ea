/* cli_width.c - how wide text is on a terminal, and a table made to fit
 * one: display width of UTF-8 (wcwidth(3) under C.UTF-8, a small table
 * when that locale is missing: CJK and emoji 2 columns, combining marks
 * 0), text shortened at its end or in its middle with an ellipsis ("…" in
 * a UTF-8 locale, else "..."), and the columns of a table shrunk or left
 * out, in a given order, until its rows fit the width. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cli_width.h"

/* One code point of UTF-8 at s: its value and length (an invalid byte is
 * U+FFFD, one byte). */
static unsigned decode(const unsigned char *s, int *len)
{
    unsigned c = s[0];
    int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
          : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (!n) {
        *len = 1;
        return 0xFFFD;
    }
    unsigned v = n == 1 ? c : c & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        v = v << 6 | (s[i] & 0x3F);
    }
    *len = n;
    return v;
}

/* The small table, for when C.UTF-8 is missing. */
static int table_width(unsigned c)
{
    if ((c >= 0x300 && c <= 0x36F) || (c >= 0x200B && c <= 0x200F) ||
        (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
        (c >= 0x20D0 && c <= 0x20FF))
        return 0;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
        (c >= 0x1F900 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

static locale_t utf8(void)
{
    static int tried;
    static locale_t loc;
    if (!tried) {
        tried = 1;
        loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    }
    return loc;
}

static int cp_width(unsigned c)
{
    locale_t loc = utf8();
    if (!loc)
        return table_width(c);
    locale_t old = uselocale(loc);
    int w = wcwidth((wchar_t)c);
    uselocale(old);
    return w < 0 ? 1 : w;
}

size_t tw_width(const char *s)
{
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int n;
        w += (size_t)cp_width(decode(p, &n));
        p += n;
    }
    return w;
}

/* "…" when the user's locale is UTF-8, else "...". */
static const char *ellipsis(size_t *w)
{
    const char *v = getenv("LC_ALL");
    if (!v || !*v)
        v = getenv("LC_CTYPE");
    if (!v || !*v)
        v = getenv("LANG");
    bool u = v && (strstr(v, "UTF-8") || strstr(v, "utf8") ||
                   strstr(v, "UTF8") || strstr(v, "utf-8"));
    *w = u ? 1 : 3;
    return u ? "\xE2\x80\xA6" : "...";
}

/* The byte length of the longest prefix of s no wider than w. */
static size_t prefix(const char *s, size_t w)
{
    size_t used = 0, i = 0;
    while (s[i]) {
        int n;
        size_t cw = (size_t)cp_width(decode((const unsigned char *)s + i, &n));
        if (used + cw > w)
            break;
        used += cw;
        i += (size_t)n;
    }
    return i;
}

/* The byte offset of the shortest suffix of s no wider than w (the
 * longest one that fits). */
static size_t suffix(const char *s, size_t w)
{
    size_t len = strlen(s), best = len;
    /* walk forward: the suffix starting at i fits when the rest is <= w */
    size_t total = tw_width(s), before = 0;
    for (size_t i = 0; i < len;) {
        if (total - before <= w) {
            best = i;
            break;
        }
        int n;
        before += (size_t)cp_width(decode((const unsigned char *)s + i, &n));
        i += (size_t)n;
    }
    return best;
}

void tw_fit(const char *s, size_t w, bool middle, char *out, size_t cap)
{
    size_t ew;
    const char *ell = ellipsis(&ew);
    if (tw_width(s) <= w || w < ew) {
        size_t k = tw_width(s) <= w ? strlen(s) : prefix(s, w);
        snprintf(out, cap, "%.*s", (int)k, s);
        return;
    }
    size_t room = w - ew;
    if (!middle) {
        snprintf(out, cap, "%.*s%s", (int)prefix(s, room), s, ell);
        return;
    }
    size_t head = prefix(s, (room + 1) / 2);
    size_t used = tw_width(s) - tw_width(s + head);
    size_t tail = suffix(s + head, room - used) + head;
    snprintf(out, cap, "%.*s%s%s", (int)head, s, ell, s + tail);
}

void tw_layout(tw_col *c, int nc, const tw_step *steps, size_t width)
{
    for (const tw_step *st = steps; width && st->col >= 0; st++) {
        size_t total = 0;
        int shown = 0;
        for (int i = 0; i < nc; i++)
            if (c[i].shown) {
                total += c[i].width;
                shown++;
            }
        total += shown > 1 ? 2 * (size_t)(shown - 1) : 0;
        if (total <= width)
            return;
        tw_col *k = &c[st->col];
        if (!k->shown)
            continue;
        if (st->min == 0) {
            k->shown = false;      /* left out */
            continue;
        }
        size_t over = total - width;
        if (k->width > st->min)
            k->width = k->width - st->min > over ? k->width - over : st->min;
    }
}

void tw_cell(FILE *f, const char *s, const tw_col *c, bool last)
{
    char buf[4096];
    tw_fit(s, c->width, c->middle, buf, sizeof buf);
    fputs(buf, f);
    if (last)
        return;
    for (size_t k = tw_width(buf); k < c->width + 2; k++)
        fputc(' ', f);
}
