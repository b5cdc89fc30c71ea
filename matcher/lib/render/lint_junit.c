/* lint_junit.c - lint results as JUnit XML: a test suite per draft, a
 * test case per finding, failures at or above --fail-on. */
#include <stdio.h>
#include <string.h>

#include "lint/lint.h"
#include "render/render.h"
#include "util/util.h"

/* XML 1.0 text or attribute: the five entities, line breaks kept in
 * attributes as character references, characters XML forbids and
 * invalid UTF-8 replaced by U+FFFD. */
static void xml_escape(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        if (c < 0x80) {
            switch (c) {
            case '&': fputs("&amp;", out); break;
            case '<': fputs("&lt;", out); break;
            case '>': fputs("&gt;", out); break;
            case '"': fputs("&quot;", out); break;
            case '\'': fputs("&apos;", out); break;
            case '\n': fputs("&#10;", out); break;
            case '\t': fputs("&#9;", out); break;
            case '\r': fputs("&#13;", out); break;
            default:
                if (c < 0x20 || c == 0x7F)
                    fputs("\xEF\xBF\xBD", out);
                else
                    fputc(c, out);
            }
            p++;
            continue;
        }
        size_t k = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                   : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        bool valid = k > 0;
        for (size_t i = 1; valid && i < k; i++)
            valid = (p[i] & 0xC0) == 0x80;
        /* U+FFFE and U+FFFF are not XML characters either */
        if (valid && k == 3 && c == 0xEF && p[1] == 0xBF &&
            (p[2] == 0xBE || p[2] == 0xBF))
            valid = false;
        if (valid) {
            fwrite(p, 1, k, out);
            p += k;
        } else {
            fputs("\xEF\xBF\xBD", out);
            p++;
        }
    }
}

sm_status sm_render_lint_junit(const sm_lint_renderer *lr)
{
    const sm_lint_result *const *rs = lr->rs;
    size_t n = lr->n;
    FILE *out = lr->out;
    sm_severity fail_on = lr->fail_on;
    size_t tests = 0, failures = 0;
    for (size_t i = 0; i < n; i++) {
        tests += rs[i]->nfindings ? rs[i]->nfindings : 1;
        if (fail_on != SM_SEVERITY_OFF)
            failures += sm_lint_result_count(rs[i], fail_on);
    }
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
    fprintf(out, "<testsuites name=\"skillmatch lint\" tests=\"%zu\" "
            "failures=\"%zu\" errors=\"0\">\n", tests, failures);
    for (size_t i = 0; i < n; i++) {
        const sm_lint_result *r = rs[i];
        size_t f = fail_on != SM_SEVERITY_OFF
                       ? sm_lint_result_count(r, fail_on)
                       : 0;
        fputs("  <testsuite name=\"", out);
        xml_escape(out, r->file);
        fprintf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
                "skipped=\"0\" file=\"", r->nfindings ? r->nfindings : 1, f);
        xml_escape(out, r->file);
        fputs("\">\n    <properties>\n", out);
        fprintf(out, "      <property name=\"level\" value=\"%s\"/>\n",
                sm_level_name(r->level));
        fprintf(out, "      <property name=\"level_source\" value=\"%s\"/>\n",
                sm_level_source_name(r->level_source));
        fputs("    </properties>\n", out);
        if (!r->nfindings) {
            fputs("    <testcase name=\"no findings\" classname=\"", out);
            xml_escape(out, r->file);
            fputs("\"/>\n", out);
        }
        for (size_t j = 0; j < r->nfindings; j++) {
            const sm_lint_finding *x = &r->findings[j];
            bool failed = fail_on != SM_SEVERITY_OFF && x->severity >= fail_on;
            /* the name says which finding it is: a check can have several
             * findings at one place (missing requirements) */
            char name[120];
            size_t len = strlen(x->message);
            snprintf(name, sizeof name, "%s", x->message);
            if (len >= sizeof name) {   /* cut at a character boundary */
                size_t cut = sizeof name - 4;
                while (cut > 0 && ((unsigned char)name[cut] & 0xC0) == 0x80)
                    cut--;
                memcpy(name + cut, "...", 4);
            }
            fprintf(out, "    <testcase name=\"%s %d:%d: ", x->check->id,
                    x->line, x->col);
            xml_escape(out, name);
            fputs("\" classname=\"", out);
            xml_escape(out, r->file);
            fputs("\">\n", out);
            if (failed) {
                fprintf(out, "      <failure type=\"%s\" message=\"",
                        sm_severity_name(x->severity));
                xml_escape(out, x->message);
                fputs("\">", out);
            } else {
                fputs("      <system-out>", out);
            }
            xml_escape(out, r->file);
            fprintf(out, ":%d:%d: %s: ", x->line, x->col,
                    sm_severity_name(x->severity));
            xml_escape(out, x->message);
            fprintf(out, " [%s]</%s>\n", x->check->id,
                    failed ? "failure" : "system-out");
            fputs("    </testcase>\n", out);
        }
        fputs("  </testsuite>\n", out);
    }
    fputs("</testsuites>\n", out);
    return SM_OK;
}
