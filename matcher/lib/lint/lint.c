/* lint.c - one job-description draft -> findings.
 *
 * The draft's text is copied with everything that must not be linted
 * blanked out (front matter, ``` / ~~~ fences, HTML comments), so that
 * offsets, lines and columns stay those of the draft. The level it claims
 * comes from --level, its front matter or its title; the matcher then runs
 * on the blanked copy, and each check of the rules (and of the
 * configuration's extra rules) turns what was found into findings, which
 * the inline skillmatch-disable comments and the configuration filter.
 * This file is the entry point and the result; the draft's handling is
 * draft.c, the check engines engines.c. */
#include <stdlib.h>
#include <string.h>

#include "lint/lint.h"
#include "analyze/analyze.h"
#include "analyze/cues.h"
#include "analyze/sections.h"
#include "doc/doc.h"
#include "engine/engine.h"
#include "rules/rules.h"
#include "util/util.h"

/* ---- the result ---- */

static int pending_cmp(const void *a, const void *b)
{
    const sm_lint_pending *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    int d = strcmp(x->check->id, y->check->id);
    if (d)
        return d;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static sm_status finish(sm_lint_ctx *c)
{
    sm_lint_result *res = c->res;
    if (c->nfound)
        qsort(c->found, c->nfound, sizeof *c->found, pending_cmp);
    res->findings = calloc(c->nfound + 1, sizeof *res->findings);
    res->strings = calloc(c->nfound + 1, sizeof *res->strings);
    if (!res->findings || !res->strings)
        return sm_fail(c->err, SM_ERR_NOMEM, c->doc->name, 0, 0,
                       "out of memory");
    for (size_t i = 0; i < c->nfound; i++) {
        sm_lint_pending *p = &c->found[i];
        if (sm_lint_silenced(c, p->check->id, p->line, p->whole)) {
            free(p->message);
            p->message = NULL;
            continue;
        }
        sm_lint_finding *f = &res->findings[res->nfindings++];
        f->check = &p->check->info;
        f->severity = p->severity;
        f->line = p->line;
        f->col = p->col;
        f->message = p->message;
        f->source = p->source;
        res->strings[res->nstrings++] = p->message;
        p->message = NULL;
    }
    return SM_OK;
}

static void ctx_release(sm_lint_ctx *c)
{
    for (size_t i = 0; i < c->ndirs; i++) {
        for (size_t j = 0; j < c->dirs[i].nids; j++)
            free(c->dirs[i].ids[j]);
        free(c->dirs[i].ids);
    }
    free(c->dirs);
    for (size_t i = 0; i < c->nfound; i++)
        free(c->found[i].message);
    free(c->found);
    free(c->text);
    pcre2_match_data_free(c->md);
}

sm_status sm_lint(const sm_rules *rules, const sm_lint_config *cfg,
                  sm_scratch *s, const sm_doc *doc, const sm_lint_options *opt,
                  sm_lint_result **out, sm_error *err)
{
    sm_lint_ctx c = {.r = rules, .cfg = cfg, .s = s, .doc = doc, .err = err};
    sm_hits hits = {0};
    sm_status st = SM_OK;
    if (!rules->lint || !rules->lint->nchecks)
        return sm_fail(err, SM_ERR_RULES, rules->dir, 0, 0, "the rules "
                       "define no lint checks (the 'lint:' key, see "
                       "rules/lint.yaml)");
    c.sets[0] = rules->lint;
    c.sets[1] = cfg ? cfg->extra : NULL;
    uint32_t caps = rules->lint->max_capture;
    if (c.sets[1] && c.sets[1]->max_capture > caps)
        caps = c.sets[1]->max_capture;
    c.len = doc->len;
    c.text = sm_strndup(doc->text, doc->len);
    c.md = pcre2_match_data_create(caps + 1, NULL);
    c.res = calloc(1, sizeof *c.res);
    if (!c.text || !c.md || !c.res || !(c.res->file = sm_strdup(doc->name))) {
        st = sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
        goto done;
    }
    c.res->rules = rules;
    c.res->cfg = cfg;
    c.masked = *doc;
    c.masked.text = c.text;

    size_t fm_a, fm_b;
    if ((st = sm_lint_blank_out(&c, &fm_a, &fm_b)) != SM_OK ||
        (st = sm_lint_claimed_level(&c, opt, fm_a, fm_b)) != SM_OK)
        goto done;
    /* resume sections mean nothing in a job description: every line is
     * "other", and any accepted hit counts as a mention */
    sm_section_mark other = {0, -1};
    sm_sections sections = {&other, 1, 1};
    if ((st = sm_match_doc(rules, s, &c.masked, &sections, SM_MATCH_POSTING,
                           -1, NULL, NULL, &hits, err)) != SM_OK)
        goto done;
    /* the years the draft asks, whatever the checks say of them: by the
     * phrases of the rules' first years check */
    c.res->years_asked = c.res->years_asked_max = -1;
    for (size_t i = 0; i < rules->lint->nchecks && st == SM_OK; i++) {
        size_t at;
        if (rules->lint->checks[i].kind == SM_LINT_YEARS) {
            st = sm_lint_asked_years(&c, &rules->lint->checks[i],
                                     &c.res->years_asked,
                                     &c.res->years_asked_max, &at);
            break;
        }
    }
    for (int k = 0; k < 2 && st == SM_OK; k++)
        for (size_t i = 0; c.sets[k] && i < c.sets[k]->nchecks && st == SM_OK;
             i++)
            st = sm_lint_run_check(&c, &c.sets[k]->checks[i], &hits);
    if (st == SM_OK)
        st = finish(&c);
done:
    if (st == SM_ERR_MATCH && err && !err->file[0])
        snprintf(err->file, sizeof err->file, "%s", doc->name);
    free(hits.hits);
    ctx_release(&c);
    if (st != SM_OK) {
        sm_lint_result_free(c.res);
        return st;
    }
    *out = c.res;
    return SM_OK;
}

sm_status sm_lint_title_level(const sm_rules *rules, sm_scratch *s,
                              const char *title, sm_level *out, sm_error *err)
{
    sm_lint_ctx c = {.r = rules, .s = s, .err = err};
    if (!rules->lint)
        return sm_fail(err, SM_ERR_RULES, rules->dir, 0, 0, "the rules "
                       "define no title words");
    c.sets[0] = rules->lint;
    c.md = pcre2_match_data_create(rules->lint->max_capture + 1, NULL);
    if (!c.md)
        return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0, "out of memory");
    sm_level lv;
    sm_status st = sm_lint_title_words(&c, title, strlen(title), &lv);
    pcre2_match_data_free(c.md);
    if (st == SM_OK)
        *out = lv;
    return st;
}

void sm_lint_result_free(sm_lint_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nstrings; i++)
        free(r->strings[i]);
    free(r->strings);
    free(r->findings);
    free(r->title);
    free(r->file);
    free(r);
}

const char *sm_lint_result_file(const sm_lint_result *r) { return r->file; }
sm_level sm_lint_result_level(const sm_lint_result *r) { return r->level; }
sm_level_source sm_lint_result_level_source(const sm_lint_result *r)
{
    return r->level_source;
}

const char *sm_lint_result_title(const sm_lint_result *r, int *line)
{
    if (line)
        *line = r->title ? r->title_line : 0;
    return r->title;
}

double sm_lint_result_years_asked(const sm_lint_result *r, double *max)
{
    if (max)
        *max = r->years_asked_max;
    return r->years_asked;
}

const sm_lint_finding *sm_lint_result_findings(const sm_lint_result *r,
                                               size_t *n)
{
    *n = r->nfindings;
    return r->findings;
}

size_t sm_lint_result_count(const sm_lint_result *r, sm_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        if (r->findings[i].severity >= sev && sev != SM_SEVERITY_OFF)
            n++;
    return n;
}
