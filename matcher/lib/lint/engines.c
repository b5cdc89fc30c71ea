/* engines.c - the six check engines, each turning what the matcher and
 * the draft's text show into findings: missing-required, years,
 * phrases, duplicate, salary and unknown-level; sm_lint_run_check()
 * picks the one a check of the rules names. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint/lint.h"
#include "analyze/analyze.h"
#include "doc/doc.h"
#include "engine/engine.h"
#include "rules/rules.h"
#include "util/util.h"

/* ---- checks ---- */

/* The level as messages say it: "a junior", "a mid-level", "a senior". */
static const char *level_text(sm_level lv)
{
    return lv == SM_LEVEL_MID ? "mid-level" : sm_level_name(lv);
}

static bool applies(unsigned levels, sm_level level)
{
    return !levels || (level != SM_LEVEL_NONE && (levels & (1u << level)));
}

static void years_of(const sm_lint_ctx *c, sm_level lv, double *lo, double *hi)
{
    sm_ladder_years(c->r, c->cfg ? &c->cfg->ladder : NULL, lv, lo, hi);
}

static sm_status check_missing(sm_lint_ctx *c, const sm_lint_def *k,
                               const sm_hits *hits)
{
    sm_level lv = c->res->level;
    if (lv == SM_LEVEL_NONE || !applies(k->levels, lv))
        return SM_OK;
    const sm_profile *p = c->r->by_level[lv];
    int ew = k->error_weight, mw = k->min_weight;
    int ci = sm_lint_config_index(c->cfg, k->id);
    if (ci >= 0 && c->cfg->error_weight[ci] > 0)
        ew = c->cfg->error_weight[ci];
    if (ci >= 0 && c->cfg->min_weight[ci] > 0)
        mw = c->cfg->min_weight[ci];
    bool overridden = ci >= 0 && c->cfg->severity[ci] >= 0;
    sm_severity base = sm_lint_severity_of(c, k);

    /* point at the requirements heading, else at the title */
    int line = sm_lint_title_line(c);
    for (size_t i = c->body; k->nanchors && i < c->len;) {
        size_t e = sm_lint_line_end(c->text, c->len, i), a = i, b = e;
        sm_lint_strip(c->text, &a, &b);
        if (b > a && b - a < 80) {
            int rc = sm_lint_any_match(c, k->anchors, k->nanchors, c->text + a,
                                       b - a);
            if (rc < 0)
                return SM_ERR_MATCH;
            if (rc) {
                int col;
                sm_lint_position(c, a, &line, &col);
                break;
            }
        }
        i = e + 1;
    }

    unsigned char *seen = calloc(c->r->nskills + 1, 1);
    if (!seen)
        return sm_fail(c->err, SM_ERR_NOMEM, c->doc->name, 0, 0,
                       "out of memory");
    for (size_t i = 0; i < hits->n; i++)
        seen[hits->hits[i].skill] = 1;
    sm_status st = SM_OK;
    for (size_t i = 0; i < p->nreqs && st == SM_OK; i++) {
        const sm_requirement *q = &p->reqs[i];
        bool found = false;
        for (size_t j = 0; j < q->nskills; j++)
            found |= seen[q->skills[j]];
        if (found || q->weight < mw)
            continue;
        char weight[16];
        snprintf(weight, sizeof weight, "%d", q->weight);
        const char *vars[] = {"level", level_text(lv), "skill", q->name,
                              "weight", weight, "reason", q->reason,
                              "source", q->source, NULL};
        sm_severity sev = !overridden && q->weight >= ew ? SM_SEVERITY_ERROR
                                                         : base;
        st = sm_lint_add(c, k, sev, line, 1, q->source, vars);
    }
    free(seen);
    return st;
}

static double number_word(const char *s, size_t n)
{
    static const char *const W[] = {
        "zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", NULL};
    if (n && isdigit((unsigned char)s[0]))
        return strtod(s, NULL);
    for (int i = 0; W[i]; i++)
        if (strlen(W[i]) == n && !strncasecmp(W[i], s, n))
            return i;
    if (n == 1 && (s[0] == 'a' || s[0] == 'A'))
        return 1;
    return -1;
}

sm_status sm_lint_asked_years(sm_lint_ctx *c, const sm_lint_def *k,
                              double *best, double *best_max, size_t *at)
{
    *best = *best_max = -1;
    *at = 0;
    for (size_t i = 0; i < k->nphrases; i++) {
        const sm_regex *re = &k->phrases[i].re;
        size_t pos = c->body, ms, me;
        int rc;
        while ((rc = sm_lint_next_match(c, re, &pos, &ms, &me)) > 0) {
            size_t gs, ge;
            if (!sm_lint_group(c, re, "min", &gs, &ge))
                continue;
            double lo = number_word(c->text + gs, ge - gs), hi = -1;
            if (sm_lint_group(c, re, "max", &gs, &ge))
                hi = number_word(c->text + gs, ge - gs);
            if (lo < 0 || lo > 40)
                continue;
            if (lo > *best) {
                *best = lo;
                *best_max = hi > lo ? hi : -1;
                *at = ms;
            }
        }
        if (rc < 0)
            return SM_ERR_MATCH;
    }
    return SM_OK;
}

static sm_status check_years(sm_lint_ctx *c, const sm_lint_def *k)
{
    sm_level lv = c->res->level;
    if (lv == SM_LEVEL_NONE || !applies(k->levels, lv))
        return SM_OK;
    /* the largest number of years the draft asks for is what it asks */
    double best, best_max;
    size_t at;
    sm_status st = sm_lint_asked_years(c, k, &best, &best_max, &at);
    if (st != SM_OK)
        return st;
    if (best < 0)
        return SM_OK;
    sm_level asked = sm_ladder_level(c->r, c->cfg ? &c->cfg->ladder : NULL,
                                     best);
    if (asked == lv)
        return SM_OK;
    double lo, hi;
    char asked_s[32], expected[32];
    years_of(c, lv, &lo, &hi);
    if (best_max > 0)
        snprintf(asked_s, sizeof asked_s, "%g-%g", best, best_max);
    else
        snprintf(asked_s, sizeof asked_s, "%g+", best);
    sm_ladder_range_text(lo, hi, expected, sizeof expected);
    const char *vars[] = {"level", level_text(lv), "asked", asked_s,
                          "asked_level", level_text(asked), "expected",
                          expected, NULL};
    return sm_lint_add_at(c, k, at, vars);
}

static bool reported(const sm_lint_ctx *c, const sm_lint_def *k, int line)
{
    for (size_t i = 0; i < c->nfound; i++)
        if (c->found[i].check == k && c->found[i].line == line)
            return true;
    return false;
}

static sm_status check_phrases(sm_lint_ctx *c, const sm_lint_def *k)
{
    sm_level lv = c->res->level;
    bool any = false;
    for (size_t i = 0; i < k->nphrases; i++) {
        const sm_lint_phrase *ph = &k->phrases[i];
        if (!k->require &&
            !applies(ph->levels ? ph->levels : k->levels, lv))
            continue;
        size_t pos = c->body, ms, me;
        int last_line = 0, rc;
        while ((rc = sm_lint_next_match(c, &ph->re, &pos, &ms, &me)) > 0) {
            any = true;
            if (k->require)
                break;
            int line, col;
            sm_lint_position(c, ms, &line, &col);
            if (line == last_line || reported(c, k, line))
                continue;   /* one finding per check and line */
            last_line = line;
            char quoted[120];
            sm_lint_quote(c->text, ms, me, quoted, sizeof quoted);
            const char *vars[] = {"level", level_text(lv), "text", quoted,
                                  "what", ph->what ? ph->what : quoted, NULL};
            sm_status st = sm_lint_add(c, k, sm_lint_severity_of(c, k), line,
                                       col, NULL, vars);
            if (st != SM_OK)
                return st;
        }
        if (rc < 0)
            return SM_ERR_MATCH;
    }
    if (k->require && !any && applies(k->levels, lv)) {
        const char *vars[] = {"level", level_text(lv), NULL};
        return sm_lint_add(c, k, sm_lint_severity_of(c, k),
                           sm_lint_title_line(c), 1, NULL, vars);
    }
    return SM_OK;
}

/* A skill's name as written, for comparing: letters only, lower case,
 * no final s ("scikit-learn" = "Scikit Learn", "LLMs" = "LLM"). */
static void name_key(const char *t, size_t a, size_t b, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = a; i < b && n + 1 < cap; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (isalpha(ch) || ch >= 0x80)
            out[n++] = (char)tolower(ch);
    }
    if (n > 3 && out[n - 1] == 's')
        n--;
    out[n] = '\0';
}

/* "AWS (Amazon Web Services)", "scikit-learn/sklearn": one mention. */
static bool alias_gap(const char *t, size_t a, size_t b)
{
    while (a < b && (t[a] == ' ' || t[a] == '"' || t[a] == '\''))
        a++;
    if (a < b && (t[a] == '(' || t[a] == '/' || t[a] == '['))
        a++;
    while (a < b && t[a] == ' ')
        a++;
    static const char *const WORDS[] = {"aka", "a.k.a.", "a.k.a", "i.e.",
                                        "or", "also", "also known as", NULL};
    for (const char *const *w = WORDS; *w; w++) {
        size_t n = strlen(*w);
        if (b - a >= n && !strncasecmp(t + a, *w, n) &&
            (a + n == b || t[a + n] == ' ' || t[a + n] == ',')) {
            a += n;
            break;
        }
    }
    while (a < b && (t[a] == ' ' || t[a] == ',' || t[a] == ':'))
        a++;
    return a == b;
}

static sm_status report_duplicate(sm_lint_ctx *c, const sm_lint_def *k,
                                  const sm_skill *sk, const sm_hit *first,
                                  const sm_hit *h)
{
    char a[80], b[80], line0[16];
    int l0, c0;
    sm_lint_position(c, first->start, &l0, &c0);
    snprintf(line0, sizeof line0, "%d", l0);
    sm_lint_quote(c->text, first->start, first->end, a, sizeof a);
    sm_lint_quote(c->text, h->start, h->end, b, sizeof b);
    const char *vars[] = {"skill", sk->info.name, "first", a, "second", b,
                          "first_line", line0, NULL};
    return sm_lint_add_at(c, k, h->start, vars);
}

/* Which of the alias's names the hit's text is, or -1. */
static int name_of(sm_lint_ctx *c, const sm_lint_alias *a, const sm_hit *h)
{
    for (size_t i = 0; i < a->nnames; i++) {
        size_t ms, me;
        int rc = sm_lint_find(c, &a->names[i], c->text + h->start,
                              h->end - h->start,
                              0, &ms, &me);
        if (rc)
            return rc < 0 ? -2 : (int)i;
    }
    return -1;
}

static sm_status check_duplicate(sm_lint_ctx *c, const sm_lint_def *k,
                                 const sm_hits *hits)
{
    const char *t = c->text;
    for (size_t i = 0; i < hits->n;) {
        size_t j = i;
        int skill = hits->hits[i].skill;
        while (j < hits->n && hits->hits[j].skill == skill)
            j++;
        const sm_skill *sk = &c->r->skills[skill];
        const sm_lint_alias *alias = NULL;
        for (size_t x = 0; x < k->naliases; x++)
            if (k->aliases[x].skill == skill)
                alias = &k->aliases[x];
        bool by_category = false;
        for (size_t x = 0; x < k->ncategories && !by_category; x++)
            by_category = !strcmp(k->categories[x], sk->info.category);
        /* the first hit of each name; a later hit of another name that
         * does not merely spell out the one before it is a second ask */
        int first_name = -1;
        const sm_hit *first = NULL;
        char first_key[64] = "";
        for (size_t m = i; m < j && (alias || by_category); m++) {
            const sm_hit *h = &hits->hits[m];
            int name = -1, hl, hc;
            sm_lint_position(c, h->start, &hl, &hc);
            if (c->res->title && hl == c->res->title_line)
                continue;   /* the title names the job, it asks nothing */
            char key[64] = "";
            if (alias) {
                name = name_of(c, alias, h);
                if (name == -2)
                    return SM_ERR_MATCH;
                if (name < 0)
                    continue;
            } else {
                name_key(t, h->start, h->end, key, sizeof key);
                if (!key[0])
                    continue;
            }
            if (!first) {
                first = h;
                first_name = name;
                snprintf(first_key, sizeof first_key, "%s", key);
                continue;
            }
            if (alias ? name == first_name : !strcmp(key, first_key))
                continue;
            const sm_hit *prev = &hits->hits[m - 1];
            if (prev->end <= h->start && alias_gap(t, prev->end, h->start))
                continue;
            sm_status st = report_duplicate(c, k, sk, first, h);
            if (st != SM_OK)
                return st;
            break;   /* one finding per skill */
        }
        i = j;
    }
    return SM_OK;
}

/* "$135,000", "$135k", "135,000 USD", "$1.2M" -> dollars; -1 when it is
 * not an amount. `*k` says whether a k/M suffix was written. */
static double amount(const char *s, size_t n, bool *suffix)
{
    char buf[48];
    size_t m = 0;
    *suffix = false;
    double mult = 1;
    for (size_t i = 0; i < n && m + 1 < sizeof buf; i++) {
        char ch = s[i];
        if (isdigit((unsigned char)ch) || ch == '.')
            buf[m++] = ch;
        else if (ch == 'k' || ch == 'K') {
            mult = 1e3;
            *suffix = true;
        } else if (ch == 'm' || ch == 'M') {
            mult = 1e6;
            *suffix = true;
        }
    }
    buf[m] = '\0';
    if (!m)
        return -1;
    return strtod(buf, NULL) * mult;
}

static void dollars(double v, char *out, size_t cap)
{
    long n = (long)(v + 0.5);
    char digits[24], grouped[32];
    snprintf(digits, sizeof digits, "%ld", n);
    size_t len = strlen(digits), o = 0;
    for (size_t i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            grouped[o++] = ',';
        grouped[o++] = digits[i];
    }
    grouped[o] = '\0';
    snprintf(out, cap, "$%s", grouped);
}

static void money_range(double lo, double hi, char *out, size_t cap)
{
    char a[48], b[48];
    dollars(lo, a, sizeof a);
    if (hi < 0)
        snprintf(out, cap, "%s+", a);
    else if (hi == lo)
        snprintf(out, cap, "%s", a);
    else {
        dollars(hi, b, sizeof b);
        snprintf(out, cap, "%s-%s", a, b);
    }
}

static sm_status check_salary(sm_lint_ctx *c, const sm_lint_def *k)
{
    sm_level lv = c->res->level;
    if (lv == SM_LEVEL_NONE || !applies(k->levels, lv))
        return SM_OK;
    const sm_lint_range *want;
    if (c->cfg && c->cfg->ladder.have_salary[lv])
        want = &c->cfg->ladder.salary[lv];
    else if (c->r->lint->have_salary[lv])
        want = &c->r->lint->salary[lv];
    else
        return SM_OK;
    double margin = k->margin;
    int ci = sm_lint_config_index(c->cfg, k->id);
    if (ci >= 0 && c->cfg->margin[ci] >= 0)
        margin = c->cfg->margin[ci];
    for (size_t i = 0; i < k->nphrases; i++) {
        const sm_regex *re = &k->phrases[i].re;
        size_t pos = c->body, ms, me;
        int rc;
        while ((rc = sm_lint_next_match(c, re, &pos, &ms, &me)) > 0) {
            size_t gs, ge, hs, he;
            if (!sm_lint_group(c, re, "low", &gs, &ge))
                continue;
            bool has_high = sm_lint_group(c, re, "high", &hs, &he);
            /* the line must talk about pay, and not about a bonus */
            size_t la = ms, lb = sm_lint_line_end(c->text, c->len, ms);
            while (la > 0 && c->text[la - 1] != '\n')
                la--;
            int cue = k->ncues ? sm_lint_any_match(c, k->cues, k->ncues,
                                                   c->text + la, lb - la)
                               : 1;
            int excl = sm_lint_any_match(c, k->excludes, k->nexcludes,
                                         c->text + la,
                                         lb - la);
            if (cue < 0 || excl < 0)
                return SM_ERR_MATCH;
            if (!cue || excl)
                continue;
            bool ks, hk = false;
            double lo = amount(c->text + gs, ge - gs, &ks), hi = lo;
            if (has_high) {
                hi = amount(c->text + hs, he - hs, &hk);
                if (!ks && hk && lo < 1000)
                    lo *= hi >= 1e6 ? 1e6 : 1e3;   /* "$135-165k" */
            }
            if (lo < 10000 || hi < lo)
                continue;   /* hourly, monthly or not a salary */
            bool below = hi < want->min * (1 - margin);
            bool above = want->max >= 0 && lo > want->max * (1 + margin);
            if (!below && !above)
                continue;
            char stated[112], expected[112];
            money_range(lo, hi, stated, sizeof stated);
            money_range(want->min, want->max, expected, sizeof expected);
            const char *vars[] = {"level", level_text(lv), "stated",
                                  stated, "expected", expected, "sources",
                                  want->sources, "direction",
                                  below ? "below" : "above", NULL};
            int line, col;
            sm_lint_position(c, ms, &line, &col);
            sm_status st = sm_lint_add(c, k, sm_lint_severity_of(c, k), line,
                                       col, want->sources[0] ? want->sources
                                                             : NULL,
                                       vars);
            if (st != SM_OK)
                return st;
        }
        if (rc < 0)
            return SM_ERR_MATCH;
    }
    return SM_OK;
}

static sm_status check_unknown(sm_lint_ctx *c, const sm_lint_def *k)
{
    if (c->res->level != SM_LEVEL_NONE && !c->fm_level_bad[0])
        return SM_OK;
    char why[300] = "";
    int line = sm_lint_title_line(c), col = 1;
    if (c->fm_level_bad[0]) {
        int n = snprintf(why, sizeof why, "the front matter says level "
                         "'%s', which is not junior, mid or senior",
                         c->fm_level_bad);
        if (c->res->level != SM_LEVEL_NONE && n > 0 &&
            (size_t)n < sizeof why)
            snprintf(why + n, sizeof why - (size_t)n, " (the %s says %s, "
                     "which is used)",
                     c->res->level_source == SM_LEVEL_FROM_OPTION
                         ? "option" : "title",
                     sm_level_name(c->res->level));
        line = c->fm_level_line;
        col = c->fm_level_col;
    } else if (c->res->title) {
        snprintf(why, sizeof why, "the title '%.150s' names no level",
                 c->res->title);
    } else {
        snprintf(why, sizeof why, "the draft has no title");
    }
    const char *vars[] = {"why", why, "title",
                          c->res->title ? c->res->title : "", NULL};
    return sm_lint_add(c, k, sm_lint_severity_of(c, k), line, col, NULL, vars);
}

sm_status sm_lint_run_check(sm_lint_ctx *c, const sm_lint_def *k,
                            const sm_hits *hits)
{
    if (sm_lint_severity_of(c, k) == SM_SEVERITY_OFF)
        return SM_OK;
    switch (k->kind) {
    case SM_LINT_MISSING: return check_missing(c, k, hits);
    case SM_LINT_YEARS: return check_years(c, k);
    case SM_LINT_PHRASES: return check_phrases(c, k);
    case SM_LINT_DUPLICATE: return check_duplicate(c, k, hits);
    case SM_LINT_SALARY: return check_salary(c, k);
    case SM_LINT_UNKNOWN_LEVEL: return check_unknown(c, k);
    }
    return SM_OK;
}
