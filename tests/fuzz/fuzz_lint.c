/* fuzz_lint.c - draft bytes -> reader, front matter, title level, fences
 * and inline directives, every lint check, and all six renderers, with the
 * project's rules loaded once ($SM_FUZZ_RULES, or ./rules). The level is
 * told from the draft, or forced by the input's size so that each
 * profile's checks get their turn. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "skillmatch.h"

static sm_rules *rules;
static sm_scratch *scratch;
static FILE *sink;

static void shut_down(void)
{
    sm_scratch_free(scratch);
    sm_rules_free(rules);
    if (sink)
        fclose(sink);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_rules("fuzz_lint", &rules, &scratch, &sink);
    atexit(shut_down);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sm_doc *doc = NULL;
    sm_error err = {0};
    if (sm_doc_load_mem("draft.md", data, size, 0, &doc, &err) != SM_OK)
        return 0;

    sm_lint_options opt = {.level = (sm_level)(size % 4)};
    sm_lint_result *res = NULL;
    sm_status st = sm_lint(rules, NULL, scratch, doc, &opt, &res, &err);
    if (st != SM_OK) {
        FUZZ_ASSERT(st == SM_ERR_MATCH && err.msg[0]);
        sm_doc_free(doc);
        return 0;
    }
    size_t n, len;
    sm_doc_text(doc, &len);
    const sm_lint_finding *f = sm_lint_result_findings(res, &n);
    for (size_t i = 0; i < n; i++) {
        FUZZ_ASSERT(f[i].check && f[i].message);
        FUZZ_ASSERT(f[i].line >= 1 && f[i].col >= 1);
        FUZZ_ASSERT(i == 0 || f[i - 1].line <= f[i].line);
    }
    FUZZ_ASSERT(sm_lint_result_count(res, SM_SEVERITY_INFO) <= n);
    int line = 0;
    const char *title = sm_lint_result_title(res, &line);
    if (title) {
        sm_level lv;
        FUZZ_ASSERT(line >= 1);
        st = sm_lint_title_level(rules, scratch, title, &lv, &err);
        FUZZ_ASSERT(st == SM_OK || st == SM_ERR_MATCH);
    }

    const sm_lint_result *one[] = {res};
    sm_lint_render_options ro = {.flags = SM_RENDER_COLOR,
                                 .fail_on = SM_SEVERITY_WARNING};
    for (int fmt = SM_LINT_TEXT; fmt <= SM_LINT_MARKDOWN; fmt++) {
        if (fmt == SM_LINT_JSON || fmt == SM_LINT_SARIF) {
            /* the JSON formats must parse back */
            char *buf = NULL;
            size_t blen = 0;
            FILE *m = open_memstream(&buf, &blen);
            FUZZ_ASSERT(m != NULL);
            FUZZ_ASSERT(sm_lint_render(one, 1, (sm_lint_format)fmt, &ro, m) ==
                        SM_OK);
            fclose(m);
            json_error_t jerr;
            json_t *back = json_loadb(buf, blen, 0, &jerr);
            if (!back)
                fprintf(stderr, "fuzz_lint: bad JSON: %s\n%s\n", jerr.text,
                        buf);
            FUZZ_ASSERT(back != NULL);
            json_decref(back);
            free(buf);
        } else {
            FUZZ_ASSERT(sm_lint_render(one, 1, (sm_lint_format)fmt, &ro,
                                       sink) == SM_OK);
        }
    }
    sm_lint_result_free(res);
    sm_doc_free(doc);
    return 0;
}
