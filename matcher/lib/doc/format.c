/* format.c - which reader a file needs: by content first (magic bytes,
 * JSON's first byte, an HTML doctype), then by extension; and the names and
 * file globs of the formats (--type, --type-list). */
#include <string.h>
#include <strings.h>

#include "doc/formats.h"

static const struct {
    const char *name, *globs;
} FORMATS[SM_FORMAT_COUNT] = {
    [SM_FORMAT_TEXT] = {"text", "*.txt, *.text, *.rst, *.org, *.adoc, *.asciidoc"},
    [SM_FORMAT_MARKDOWN] = {"markdown", "*.md, *.markdown, *.mdown, *.mkd"},
    [SM_FORMAT_HTML] = {"html", "*.html, *.htm, *.xhtml"},
    [SM_FORMAT_PDF] = {"pdf", "*.pdf"},
    [SM_FORMAT_DOCX] = {"docx", "*.docx"},
    [SM_FORMAT_ODT] = {"odt", "*.odt"},
    [SM_FORMAT_JSON_RESUME] = {"jsonresume", "*.json"},
    [SM_FORMAT_PRE] = {"pre", ""},
};

const char *sm_format_name(sm_format f)
{
    return f >= 0 && f < SM_FORMAT_COUNT ? FORMATS[f].name : "unknown";
}

const char *sm_format_globs(sm_format f)
{
    return f >= 0 && f < SM_FORMAT_COUNT ? FORMATS[f].globs : "";
}

sm_status sm_format_parse(const char *name, sm_format *out)
{
    for (int f = 0; f < SM_FORMAT_COUNT; f++)
        if (!strcasecmp(name, FORMATS[f].name)) {
            *out = (sm_format)f;
            return SM_OK;
        }
    if (!strcasecmp(name, "json") || !strcasecmp(name, "resume.json")) {
        *out = SM_FORMAT_JSON_RESUME;
        return SM_OK;
    }
    if (!strcasecmp(name, "md") || !strcasecmp(name, "txt")) {
        *out = !strcasecmp(name, "md") ? SM_FORMAT_MARKDOWN : SM_FORMAT_TEXT;
        return SM_OK;
    }
    return SM_ERR_ARG;
}

void sm_format_extension(const char *name, char *out, size_t cap)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    out[0] = '\0';
    if (!dot || dot == base || strlen(dot + 1) >= cap)
        return;
    size_t i = 0;
    for (const char *p = dot + 1; *p; p++)
        out[i++] = (char)sm_lower((unsigned char)*p);
    out[i] = '\0';
}

static bool ext_in(const char *ext, const char *globs)
{
    size_t n = strlen(ext);
    if (!n)
        return false;
    for (const char *g = strstr(globs, "*."); g; g = strstr(g + 2, "*.")) {
        if (!strncmp(g + 2, ext, n) && (g[2 + n] == ',' || !g[2 + n]))
            return true;
    }
    return false;
}

/* After a byte-order mark and white space, data starts with `tag`
 * (ASCII, compared without case). */
static bool starts_with_ci(const unsigned char *p, size_t n, const char *tag)
{
    size_t i = 0, k = strlen(tag);
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
                     p[i] == '\r'))
        i++;
    return n - i >= k && !strncasecmp((const char *)p + i, tag, k);
}

sm_format sm_format_detect(const char *name, const void *data, size_t len)
{
    const unsigned char *p = data;
    char ext[16];
    sm_format_extension(name ? name : "", ext, sizeof ext);
    if (len >= 5 && !memcmp(p, "%PDF-", 5))
        return SM_FORMAT_PDF;
    if (len >= 4 && !memcmp(p, "PK\3\4", 4))
        return SM_FORMAT_DOCX;           /* read_zip.c tells DOCX from ODT */
    if (starts_with_ci(p, len, "{"))
        return SM_FORMAT_JSON_RESUME;    /* if it is one: see read.c */
    if (starts_with_ci(p, len, "<!doctype html") ||
        starts_with_ci(p, len, "<html"))
        return SM_FORMAT_HTML;
    if (ext_in(ext, FORMATS[SM_FORMAT_HTML].globs) && starts_with_ci(p, len, "<"))
        return SM_FORMAT_HTML;
    /* a PDF whose header is a little late (allowed: within 1 KiB) */
    if (len > 5 && memmem(p, len < 1024 ? len : 1024, "%PDF-", 5))
        return SM_FORMAT_PDF;
    if (ext_in(ext, FORMATS[SM_FORMAT_MARKDOWN].globs))
        return SM_FORMAT_MARKDOWN;
    return SM_FORMAT_TEXT;
}
