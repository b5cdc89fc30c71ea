/* explain_job.c - why a posting's skill counts as matched or missing: the
 * posting's side (asked or not, required or preferred, and why), the
 * resume's candidates (sm_explain()), and the outcome. */
#include <string.h>

#include "job/job.h"

sm_status sm_explain_job(const sm_rules *rules, sm_scratch *s,
                         const sm_doc *posting, const sm_doc *resume,
                         const sm_options *opt, const char *id, FILE *out,
                         sm_error *err)
{
    if (!sm_rules_skill_find(rules, id))
        return sm_fail(err, SM_ERR_ARG, NULL, 0, 0,
                       "unknown skill '%s' (see 'skillmatch rules list')", id);
    sm_job *job = NULL;
    sm_result *res = NULL;
    sm_match *m = NULL;
    sm_status st = sm_job_new(rules, s, posting, opt, &job, err);
    if (st == SM_OK)
        st = sm_analyze(rules, s, resume, opt, &res, err);
    if (st == SM_OK)
        st = sm_match_job(rules, job, res, &m, err);
    if (st != SM_OK)
        goto done;
    const sm_ask *ask = NULL;
    for (size_t i = 0; i < job->nasks && !ask; i++)
        if (!strcmp(job->asks[i].id, id))
            ask = &job->asks[i];
    fprintf(out, "posting %s:\n", job->file);
    if (!ask) {
        fprintf(out, "  does not ask for '%s' (no accepted mention; a "
                "negated or hedged one asks nothing)\n", id);
        st = sm_explain(rules, s, posting, id, out, err);
        goto done;
    }
    fprintf(out, "  asks for %s (%s), %s, line %d: \"%s\"\n  %s\n",
            ask->name, ask->id, sm_ask_kind_name(ask->kind), ask->line,
            ask->text, ask->why);
    if (ask->alt >= 0)
        fprintf(out, "  alternative on that line: %s\n",
                job->asks[ask->alt].id);
    fprintf(out, "resume:\n");
    if ((st = sm_explain(rules, s, resume, id, out, err)) != SM_OK)
        goto done;
    const sm_match_item *it = NULL;
    for (size_t i = 0; i < m->nmatched + m->nmissing && !it; i++)
        if (m->items[i].ask == ask)
            it = &m->items[i];
    if (it && it->have && it->by_alternative)
        fprintf(out, "match: matched by its alternative %s\n", it->near_id);
    else if (it && it->have)
        fprintf(out, "match: matched (strength %.2f)\n", it->have->strength);
    else if (it && it->near_id)
        fprintf(out, "match: missing %s (you show %s)\n", ask->name,
                it->near_name);
    else
        fprintf(out, "match: missing (no mention of strength %.1f or more)\n",
                SM_SHOWN);
done:
    sm_match_free(m);
    sm_result_free(res);
    sm_job_free(job);
    return st;
}
