/* html_util.c - what the HTML reports share: text escaped for HTML, JSON
 * made safe inside a <script type="application/json"> element, the page
 * around the data (doctype, Content-Security-Policy, the embedded style
 * sheet and script), and the names of the rules' skills for the page. */
#include <string.h>

#include "render/render.h"

/* The length of the valid UTF-8 sequence at s (1-4), or 0. */
static size_t utf8_len(const unsigned char *s)
{
    unsigned char c = s[0];
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0
             ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (!n || (n == 2 && c < 0xC2) || (n == 4 && c > 0xF4))
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (n == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)))
        return 0;                    /* overlong, or a surrogate */
    if (n == 4 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)))
        return 0;
    return n;
}

void sm_html_text(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        switch (*p) {
        case '&': fputs("&amp;", out); p++; continue;
        case '<': fputs("&lt;", out); p++; continue;
        case '>': fputs("&gt;", out); p++; continue;
        case '"': fputs("&quot;", out); p++; continue;
        case '\'': fputs("&#39;", out); p++; continue;
        }
        size_t n = utf8_len(p);
        if (!n || (*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f) {
            fputs("\xEF\xBF\xBD", out);
            p++;
            continue;
        }
        fwrite(p, 1, n, out);
        p += n;
    }
}

void sm_html_json(FILE *out, const char *json, size_t len)
{
    const char *p = json, *end = json + len, *run = json;
    for (; p < end; p++) {
        const char *esc = NULL;
        size_t skip = 1;
        if (*p == '<')
            esc = "\\u003c";
        else if (*p == '>')
            esc = "\\u003e";
        else if (*p == '&')
            esc = "\\u0026";
        else if ((unsigned char)p[0] == 0xE2 && end - p >= 3 &&
                 (unsigned char)p[1] == 0x80 &&
                 ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9)) {
            esc = (unsigned char)p[2] == 0xA8 ? "\\u2028" : "\\u2029";
            skip = 3;
        }
        if (!esc)
            continue;
        fwrite(run, 1, (size_t)(p - run), out);
        fputs(esc, out);
        p += skip - 1;
        run = p + 1;
    }
    fwrite(run, 1, (size_t)(end - run), out);
}

void sm_html_page_open(FILE *out, const char *title, const char *kind)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
          "<meta charset=\"utf-8\">\n", out);
    /* nothing but the page's own script and style sheet, by their hashes:
     * no network, no other script, no plugin, no form, no base URL */
    fprintf(out, "<meta http-equiv=\"Content-Security-Policy\" "
            "content=\"default-src 'none'; script-src 'sha256-%s'; "
            "style-src 'sha256-%s'; img-src data:; base-uri 'none'; "
            "form-action 'none'\">\n", sm_html_js_sha256, sm_html_css_sha256);
    fputs("<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\">\n<meta name=\"generator\" content=\"skillmatch "
          SM_VERSION "\">\n<title>", out);
    sm_html_text(out, title);
    fputs("</title>\n<style>", out);
    fputs(sm_html_css, out);
    fputs("</style>\n</head>\n<body class=\"", out);
    sm_html_text(out, kind);
    fputs("\">\n<main id=\"sm-main\"><noscript>This report is drawn by its "
          "own script; allow JavaScript for this file to see it.</noscript>"
          "</main>\n<script type=\"application/json\" id=\"sm-data\">", out);
}

void sm_html_page_close(FILE *out)
{
    fputs("</script>\n<script>", out);
    fputs(sm_html_js, out);
    fputs("</script>\n</body>\n</html>\n", out);
}

json_t *sm_html_skill_names(const sm_rules *rules)
{
    json_t *o = json_object();
    bool ok = o != NULL;
    size_t n = sm_rules_skill_count(rules);
    for (size_t i = 0; ok && i < n; i++) {
        const sm_skill_info *s = sm_rules_skill(rules, i);
        json_t *a = json_array();
        sm_json_append(a, json_string(s->name), &ok);
        sm_json_append(a, json_string(s->category ? s->category : ""), &ok);
        sm_json_put(o, s->id, a, &ok);
    }
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}
