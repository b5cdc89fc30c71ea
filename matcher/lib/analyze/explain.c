/* explain.c - every candidate match of one skill, and what became of it;
 * the skill named by its id or display name (any case), or an any-of
 * group of the profiles (what it is, then each of its skills). */
#include <string.h>
#include <strings.h>
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

/* One skill's candidates (the sections map made by the caller). */
static sm_status explain_skill(const sm_rules *rules, sm_scratch *s,
                               const sm_doc *doc, const sm_sections *sec,
                               const sm_skill *sk, FILE *out, sm_error *err)
{
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
                    "text\n", sk->info.id);
        fprintf(out, "  result: %s (%zu candidate%s, %zu accepted)\n",
                x.accepted ? "found" : "not found", x.count,
                x.count == 1 ? "" : "s", x.accepted);
    }
    free(hits.hits);
    return st;
}

/* The skill `what` names: its id, else its id or display name in any
 * case ("PyTorch", "pytorch"). */
static const sm_skill *skill_named(const sm_rules *rules, const char *what)
{
    sm_skill *sk;
    HASH_FIND_STR(rules->by_id, what, sk);
    if (sk)
        return sk;
    for (size_t i = 0; i < rules->nskills; i++)
        if (!strcasecmp(rules->skills[i].info.id, what) ||
            !strcasecmp(rules->skills[i].info.name, what))
            return &rules->skills[i];
    return NULL;
}

/* The first requirement of a profile, required or nice to have, whose id
 * (or display name, any case) is `what`: the any-of groups that screen's
 * TOP GAPS column names (ml_expertise, cloud). */
static const sm_requirement *group_named(const sm_rules *rules,
                                         const char *what)
{
    for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++) {
        const sm_profile *p = rules->by_level[lv];
        for (int nice = 0; p && nice < 2; nice++) {
            const sm_requirement *q = nice ? p->nice : p->reqs;
            size_t n = nice ? p->nnice : p->nreqs;
            for (size_t i = 0; i < n; i++)
                if (!strcasecmp(q[i].id, what) ||
                    (q[i].name && !strcasecmp(q[i].name, what)))
                    return &q[i];
        }
    }
    return NULL;
}

/* What a group is: the levels that ask for it and with what weight, its
 * reason, and the skills any of which meets it. */
static void explain_group(const sm_rules *rules, const sm_doc *doc,
                          const sm_requirement *g, FILE *out)
{
    fprintf(out, "%s: %s (%s), a requirement met by any of %zu skill%s\n",
            doc->name, g->id, g->name ? g->name : g->id, g->nskills,
            g->nskills == 1 ? "" : "s");
    for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++) {
        const sm_profile *p = rules->by_level[lv];
        for (int nice = 0; p && nice < 2; nice++) {
            const sm_requirement *q = nice ? p->nice : p->reqs;
            size_t n = nice ? p->nnice : p->nreqs;
            for (size_t i = 0; i < n; i++)
                if (!strcmp(q[i].id, g->id))
                    fprintf(out, "  %s: %s, weight %d\n", p->name,
                            nice ? "nice to have" : "required", q[i].weight);
        }
    }
    if (g->reason)
        fprintf(out, "  why: %s%s%s%s\n", g->reason, g->source ? " (" : "",
                g->source ? g->source : "", g->source ? ")" : "");
    fprintf(out, "  skills:");
    for (size_t i = 0; i < g->nskills; i++)
        fprintf(out, "%s %s", i ? "," : "", rules->skills[g->skills[i]].info.id);
    fputc('\n', out);
}

sm_status sm_explain(const sm_rules *rules, sm_scratch *s, const sm_doc *doc,
                     const char *id, FILE *out, sm_error *err)
{
    const sm_skill *sk = skill_named(rules, id);
    const sm_requirement *g = sk ? NULL : group_named(rules, id);
    if (!sk && !g)
        return sm_fail(err, SM_ERR_ARG, NULL, 0, 0,
                       "unknown skill or group '%s' (see 'skillmatch rules "
                       "list')", id);
    sm_sections *sec = sm_sections_map(rules, s, doc, err);
    if (!sec)
        return err ? err->code : SM_ERR_NOMEM;
    sm_status st = SM_OK;
    if (sk) {
        st = explain_skill(rules, s, doc, sec, sk, out, err);
    } else {
        explain_group(rules, doc, g, out);
        for (size_t i = 0; i < g->nskills && st == SM_OK; i++)
            st = explain_skill(rules, s, doc, sec, &rules->skills[g->skills[i]],
                               out, err);
    }
    sm_sections_free(sec);
    return st;
}
