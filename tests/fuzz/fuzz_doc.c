/* fuzz_doc.c - document bytes -> reader, normalizer, tokenizer, sections,
 * matcher, years, scorer, both renderers and explain, with the project's
 * rules loaded once ($SM_FUZZ_RULES, or ./rules).
 *
 * Besides crashes it checks what must hold for any input: the text has no
 * NUL inside, tokens and evidence lie inside it, positions are 1-based,
 * the JSON parses back. With SM_FUZZ_ORACLE=1 (the default when replayed
 * by `make check`) it also checks that the trigger prefilter does not
 * change the result. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "skillmatch.h"

static sm_rules *rules;
static sm_scratch *scratch;
static FILE *sink;
static int oracle;

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
    fuzz_load_rules("fuzz_doc", &rules, &scratch, &sink);
    const char *o = getenv("SM_FUZZ_ORACLE");
#ifdef SM_FUZZ_REPLAY
    oracle = !(o && *o == '0');   /* replays in `make check` check it */
#else
    oracle = o && *o == '1';
#endif
    atexit(shut_down);
    return 0;
}

static char *analyze_json(const sm_doc *doc, unsigned flags, sm_status *st)
{
    sm_options opt = {.flags = flags, .today_year = 2026, .today_month = 1};
    sm_result *res = NULL;
    sm_error err = {0};
    char *js = NULL;
    *st = sm_analyze(rules, scratch, doc, &opt, &res, &err);
    if (*st != SM_OK) {
        /* the only acceptable failure is a reported PCRE2 limit */
        FUZZ_ASSERT(*st == SM_ERR_MATCH && err.msg[0]);
        return NULL;
    }
    size_t len, n;
    sm_doc_text(doc, &len);
    const sm_skill_match *m = sm_result_skills(res, &n);
    for (size_t i = 0; i < n; i++) {
        FUZZ_ASSERT(m[i].n_evidence > 0);
        for (size_t j = 0; j < m[i].n_evidence; j++) {
            const sm_evidence *e = &m[i].evidence[j];
            FUZZ_ASSERT(e->line >= 1 && e->col >= 1);
            FUZZ_ASSERT(strlen(e->text) <= len);
            FUZZ_ASSERT(e->strength >= 0 && e->strength <= 1);
        }
    }
    for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++) {
        const sm_level_score *ls = sm_result_level_score(res, (sm_level)lv);
        FUZZ_ASSERT(ls && ls->score >= 0 && ls->score <= 1);
    }
    js = sm_render_json(res, flags & SM_ANALYZE_FULL_SCAN ? 0
                                                          : SM_RENDER_PRETTY);
    FUZZ_ASSERT(js != NULL);
    json_error_t jerr;
    json_t *back = json_loads(js, 0, &jerr);
    FUZZ_ASSERT(back != NULL);
    json_decref(back);
    FUZZ_ASSERT(sm_render_text(res, sink, SM_RENDER_COLOR) == SM_OK);
    sm_result_free(res);
    return js;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sm_doc *doc = NULL;
    sm_error err = {0};
    if (sm_doc_load_mem("fuzz.txt", data, size, 0, &doc, &err) != SM_OK)
        return 0;

    size_t len;
    const char *text = sm_doc_text(doc, &len);
    FUZZ_ASSERT(strlen(text) == len);

    enum { CAP = 256 };
    sm_token tok[CAP];
    size_t nt = sm_tokenize(text, len, tok, CAP);
    for (size_t i = 0; i < nt && i < CAP; i++)
        FUZZ_ASSERT(tok[i].len > 0 && tok[i].start + tok[i].len <= len);

    size_t offsets[] = {0, len / 3, len / 2, len ? len - 1 : 0, len};
    for (size_t i = 0; i < sizeof offsets / sizeof *offsets; i++) {
        int line, col;
        sm_doc_position(doc, offsets[i], &line, &col);
        FUZZ_ASSERT(line >= 1 && col >= 1);
    }

    sm_status st, st_full;
    char *fast = analyze_json(doc, 0, &st);
    if (oracle && st == SM_OK) {
        char *full = analyze_json(doc, SM_ANALYZE_FULL_SCAN, &st_full);
        json_t *a = json_loads(fast, 0, NULL), *b = json_loads(full, 0, NULL);
        if (a && b && !json_equal(a, b)) {
            fprintf(stderr, "fuzz_doc: the trigger prefilter changes the "
                    "result\n--- prefilter ---\n%s\n--- full scan ---\n%s\n",
                    fast, full);
            abort();
        }
        json_decref(a);
        json_decref(b);
        free(full);
    }
    free(fast);

    /* explain one skill, chosen by the input so that all get their turn */
    size_t nskills = sm_rules_skill_count(rules);
    if (nskills) {
        const sm_skill_info *k = sm_rules_skill(rules, size % nskills);
        st = sm_explain(rules, scratch, doc, k->id, sink, &err);
        FUZZ_ASSERT(st == SM_OK || st == SM_ERR_MATCH);
    }
    sm_doc_free(doc);
    return 0;
}
