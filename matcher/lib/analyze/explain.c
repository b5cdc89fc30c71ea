/* explain.c - every candidate match of one skill, and what became of it. */
#include <string.h>
#include <stdlib.h>

#include "analyze/analyze.h"
#include "analyze/sections.h"
#include "doc/doc.h"
#include "rules/rules.h"
#include "util/util.h"

typedef struct {
    const sm_rules *rules;
    const sm_doc *doc;
    const sm_sections *sections;
    FILE *out;
    size_t count, accepted;
} explain_ctx;

static void on_candidate(const sm_hit *h, sm_cand_status st, const char *why,
                         void *ud)
{
    explain_ctx *x = ud;
    const sm_skill *sk = &x->rules->skills[h->skill];
    int line, col;
    sm_doc_position(x->doc, h->start, &line, &col);
    fprintf(x->out, "  %d:%d  \"", line, col);
    for (size_t i = h->start; i < h->end; i++)
        fputc(x->doc->text[i] == '\n' ? ' ' : x->doc->text[i], x->out);
    fprintf(x->out, "\"  section %s\n", sm_section_name(x->rules, h->section));
    fprintf(x->out, "      pattern %d: %s\n", h->pattern + 1,
            sk->pats[h->pattern].src);
    switch (st) {
    case SM_CAND_ACCEPTED:
        x->accepted++;
        fprintf(x->out, "      accepted, strength %.2f", h->strength);
        if (h->context)
            fprintf(x->out, " (lowered by context rule %s)", h->context);
        else if (h->strength < 1)
            fprintf(x->out, " (weak section)");
        fputc('\n', x->out);
        break;
    case SM_CAND_EXCLUDED:
        fprintf(x->out, "      rejected: %s\n", why);
        break;
    case SM_CAND_NEGATED:
        fprintf(x->out, "      rejected: negated by context rule %s\n", why);
        break;
    case SM_CAND_UNCORROBORATED:
        fprintf(x->out, "      rejected: %s (needs context)\n", why);
        break;
    }
    x->count++;
}

sm_status sm_explain(const sm_rules *rules, sm_scratch *s, const sm_doc *doc,
                     const char *id, FILE *out, sm_error *err)
{
    sm_skill *sk;
    HASH_FIND_STR(rules->by_id, id, sk);
    if (!sk)
        return sm_fail(err, SM_ERR_ARG, NULL, 0, 0,
                       "unknown skill '%s' (see 'skillmatch rules list')", id);
    sm_sections *sec = sm_sections_map(rules, s, doc, err);
    if (!sec)
        return err ? err->code : SM_ERR_NOMEM;
    explain_ctx x = {rules, doc, sec, out, 0, 0};
    sm_hits hits = {0};
    fprintf(out, "%s: %s (%s), defined at %s:%d\n", doc->name, sk->info.id,
            sk->info.name, sk->info.file, sk->info.line);
    fprintf(out, "  triggers:");
    for (size_t i = 0; i < sk->ntriggers; i++)
        fprintf(out, " %s", sk->triggers[i]);
    fprintf(out, "%s\n", sk->ntriggers ? "" : " (none: runs everywhere)");
    for (size_t i = 0; i < sk->nexcl; i++)
        fprintf(out, "  exclusion %zu: %s\n", i + 1, sk->excl[i].src);
    if (sk->info.needs_context)
        fprintf(out, "  needs context: counts only when corroborated\n");
    /* a full scan, so that candidates show even where no trigger is */
    sm_status st = sm_match_doc(rules, s, doc, sec, SM_ANALYZE_FULL_SCAN,
                                sk->index, on_candidate, &x, &hits, err);
    if (st == SM_OK) {
        if (!x.count)
            fprintf(out, "  no candidate: no pattern of '%s' matches the "
                    "text\n", id);
        fprintf(out, "  result: %s (%zu candidate%s, %zu accepted)\n",
                x.accepted ? "found" : "not found", x.count,
                x.count == 1 ? "" : "s", x.accepted);
    }
    free(hits.hits);
    sm_sections_free(sec);
    return st;
}
