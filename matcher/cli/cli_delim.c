/* cli_delim.c - every CSV and TSV row the program writes (screen's rows
 * and matrix, rules list), made safe to open in a spreadsheet:
 *   - a cell that starts with '=', '+', '-', '@', a tab or a carriage
 *     return gets a leading apostrophe, so that no formula runs (the OWASP
 *     rule against CSV injection);
 *   - no control byte reaches the file raw: in CSV a line break stays
 *     inside the quotes (RFC 4180) and the others (ESC, NUL, DEL, C1) are
 *     written as \xHH; in TSV, which has no quoting, tab, line breaks and
 *     backslash are \t, \n, \r, \\ and the others \xHH;
 *   - CSV rows end in CRLF (RFC 4180), TSV rows in LF. */
#include <string.h>

#include "cli.h"

/* A byte (or, for C1 controls, the UTF-8 pair 0xC2 0x80..0x9F) that must
 * not reach the file as it is: its length, 0 when it may. */
static int control_at(const unsigned char *s)
{
    if (*s < 0x20 || *s == 0x7f)
        return 1;
    if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
        return 2;
    return 0;
}

static void hex(FILE *f, const unsigned char *s, int n)
{
    for (int i = 0; i < n; i++)
        fprintf(f, "\\x%02X", s[i]);
}

bool delim_formula(const char *s)
{
    return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
           s[0] == '\t' || s[0] == '\r';
}

static void csv_cell(FILE *f, const char *s)
{
    bool quote = delim_formula(s) || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        fputc('"', f);
    if (delim_formula(s))
        fputc('\'', f);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int n = *p == '\t' || *p == '\n' || *p == '\r' ? 0 : control_at(p);
        if (n) {
            hex(f, p, n);
            p += n;
            continue;
        }
        if (*p == '"')
            fputc('"', f);
        fputc(*p++, f);
    }
    if (quote)
        fputc('"', f);
}

static void tsv_cell(FILE *f, const char *s)
{
    if (delim_formula(s))
        fputc('\'', f);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int n = control_at(p);
        switch (*p) {
        case '\t': fputs("\\t", f); p++; continue;
        case '\n': fputs("\\n", f); p++; continue;
        case '\r': fputs("\\r", f); p++; continue;
        case '\\': fputs("\\\\", f); p++; continue;
        }
        if (n) {
            hex(f, p, n);
            p += n;
        } else {
            fputc(*p++, f);
        }
    }
}

void delim_row(FILE *f, bool csv, const char *const *cells, int n)
{
    for (int i = 0; i < n; i++) {
        if (i)
            fputc(csv ? ',' : '\t', f);
        (csv ? csv_cell : tsv_cell)(f, cells[i] ? cells[i] : "");
    }
    fputs(csv ? "\r\n" : "\n", f);
}
