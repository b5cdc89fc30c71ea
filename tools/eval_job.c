/* eval_job.c - `make eval`, part two: resume x posting matching on
 * corpus/eval_job (see its README). Prints micro-F1 of the missing skills
 * and Spearman's rho of the match score with the labeled coverage, for
 * skillmatch and for a plain keyword overlap; exits 1 unless skillmatch
 * beats the overlap on both and every non-tech resume scores below every
 * ML resume on each posting. */
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skillmatch.h"

#define DIR "corpus/eval_job"
enum { MAXW = 64, MAXP = 64, MAXTOK = 8192 };

typedef struct { char *w[MAXW]; int n; } words;   /* "a|b" groups */

static void split(char *s, words *out)
{
    char *save = NULL;
    out->n = 0;
    for (char *t = strtok_r(s, " \t\r\n", &save); t && out->n < MAXW;
         t = strtok_r(NULL, " \t\r\n", &save))
        if (strcmp(t, "-"))
            out->w[out->n++] = strdup(t);
}

/* The gold group of posting `g` that holds id, or -1. */
static int group_of(const words *g, const char *id)
{
    for (int i = 0; i < g->n; i++) {
        const char *p = g->w[i];
        size_t k = strlen(id);
        while (*p) {
            size_t len = strcspn(p, "|");
            if (len == k && !strncmp(p, id, k))
                return i;
            p += len + (p[len] == '|');
        }
    }
    return -1;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = '\0';
    fclose(f);
    return s;
}

static void lower(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

/* ---- the baseline: plain keyword overlap ---- */

static const char *const STOP[] = {"the", "and", "for", "with", "you",
    "our", "are", "have", "has", "will", "that", "this", "from", "your",
    "can", "who", "all", "any", "was", "were", "them", "its", "into", NULL};

static int tokens(const char *text, char toks[][32], int cap)
{
    int n = 0;
    for (const char *p = text; *p && n < cap;) {
        while (*p && !isalnum((unsigned char)*p) && *p != '+')
            p++;
        const char *q = p;
        while (*q && (isalnum((unsigned char)*q) || *q == '+'))
            q++;
        size_t len = (size_t)(q - p);
        if (len >= 2 && len < 32) {
            char w[32];
            for (size_t i = 0; i < len; i++)
                w[i] = (char)tolower((unsigned char)p[i]);
            w[len] = '\0';
            bool stop = false;
            for (int i = 0; STOP[i]; i++)
                stop |= !strcmp(STOP[i], w);
            bool dup = false;
            for (int i = 0; i < n && !dup; i++)
                dup = !strcmp(toks[i], w);
            if (!stop && !dup)
                strcpy(toks[n++], w);
        }
        p = q;
    }
    return n;
}

static double overlap(const char *posting, const char *resume)
{
    static char a[MAXTOK][32], b[MAXTOK][32];
    int na = tokens(posting, a, MAXTOK), nb = tokens(resume, b, MAXTOK);
    int hit = 0;
    for (int i = 0; i < na; i++)
        for (int k = 0; k < nb; k++)
            if (!strcmp(a[i], b[k])) {
                hit++;
                break;
            }
    return na ? (double)hit / na : 0;
}

/* A skill named in lower-case text: its id (underscores as spaces), its
 * display name or the name's parenthesis ("AWS"), as a substring. */
static bool names_skill(const char *text, const sm_skill_info *k)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", k->id);
    for (char *p = buf; *p; p++)
        if (*p == '_')
            *p = ' ';
    if (strstr(text, buf))
        return true;
    snprintf(buf, sizeof buf, "%s", k->name);
    lower(buf);
    char *par = strchr(buf, '(');
    if (par) {
        char *end = strchr(par, ')');
        if (end) {
            *end = '\0';
            if (strlen(par + 1) >= 2 && strstr(text, par + 1))
                return true;
        }
        while (par > buf && par[-1] == ' ')
            par--;
        *par = '\0';
    }
    return strlen(buf) >= 2 && strstr(text, buf);
}

/* ---- scoring ---- */

typedef struct { double tp, fp, fn; } counts;

static bool in_words(const words *w, const char *s)
{
    for (int i = 0; i < w->n; i++)
        if (!strcmp(w->w[i], s))
            return true;
    return false;
}

/* Predicted ids against the gold missing groups of a posting whose asks
 * are `asks`; the predictions of one group count once. */
static void count(counts *c, const words *asks, const words *gold,
                  char *const *pred, int np)
{
    bool seen[MAXW] = {false};
    for (int i = 0; i < np; i++) {
        int g = group_of(asks, pred[i]);
        bool dup = false;
        for (int k = 0; k < i && !dup; k++)
            dup = !strcmp(pred[k], pred[i]) ||
                  (g >= 0 && group_of(asks, pred[k]) == g);
        if (dup)
            continue;
        if (g >= 0)
            seen[g] = true;
        if (g >= 0 && in_words(gold, asks->w[g]))
            c->tp++;
        else
            c->fp++;
    }
    for (int g = 0; g < asks->n; g++)
        if (!seen[g] && in_words(gold, asks->w[g]))
            c->fn++;
}

static double f1(const counts *c)
{
    double p = c->tp + c->fp > 0 ? c->tp / (c->tp + c->fp) : 0;
    double r = c->tp + c->fn > 0 ? c->tp / (c->tp + c->fn) : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void ranks(const double *v, int n, double *out)
{
    for (int i = 0; i < n; i++) {
        int less = 0, same = 0;
        for (int k = 0; k < n; k++) {
            less += v[k] < v[i];
            same += v[k] == v[i];
        }
        out[i] = less + (same + 1) / 2.0;   /* ties: their mean rank */
    }
}

static double spearman(const double *x, const double *y, int n)
{
    double rx[MAXP * 8], ry[MAXP * 8], mx = 0, my = 0, sxy = 0, sxx = 0,
           syy = 0;
    ranks(x, n, rx);
    ranks(y, n, ry);
    for (int i = 0; i < n; i++) {
        mx += rx[i] / n;
        my += ry[i] / n;
    }
    for (int i = 0; i < n; i++) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : 0;
}

typedef struct {
    char name[256];
    words req, pref, asks;
    bool ml;                     /* an ML posting ("ml: yes") */
    sm_job *job;
    char *text;
} posting;

static bool load_posting(posting *p, const sm_rules *rules, sm_scratch *s,
                         const char *name)
{
    char path[512], *gold;
    snprintf(p->name, sizeof p->name, "%s", name);
    snprintf(path, sizeof path, DIR "/postings/%s.gold", name);
    gold = slurp(path);
    char *nl = gold ? strchr(gold, '\n') : NULL;
    if (!nl)
        return false;
    *nl = '\0';
    char *second = strchr(nl + 1, ':');
    p->req.n = p->pref.n = 0;
    char *third = second ? strchr(second, '\n') : NULL;
    if (third)
        *third++ = '\0';
    split(strchr(gold, ':') + 1, &p->req);
    if (second)
        split(second + 1, &p->pref);
    p->ml = third && strstr(third, "ml: yes");
    free(gold);
    p->asks.n = 0;
    for (int i = 0; i < p->req.n; i++)
        p->asks.w[p->asks.n++] = p->req.w[i];
    for (int i = 0; i < p->pref.n; i++)
        p->asks.w[p->asks.n++] = p->pref.w[i];
    snprintf(path, sizeof path, DIR "/postings/%s", name);
    sm_doc *d = NULL;
    sm_error e;
    if (sm_doc_load_file(path, 0, &d, &e) != SM_OK ||
        sm_job_new(rules, s, d, NULL, &p->job, &e) != SM_OK) {
        fprintf(stderr, "eval_job: %s: %s\n", path, e.msg);
        sm_doc_free(d);
        return false;
    }
    sm_doc_free(d);
    p->text = slurp(path);
    lower(p->text);
    return true;
}

/* The labeled coverage: weighted share of the asks not missing. */
static double coverage(const posting *p, const words *gold)
{
    double got = 0, all = 0;
    for (int i = 0; i < p->asks.n; i++) {
        double w = i < p->req.n ? 2 : 1;
        all += w;
        if (!in_words(gold, p->asks.w[i]))
            got += w;
    }
    return all > 0 ? got / all : 0;
}

int main(void)
{
    sm_rules *rules;
    sm_error e;
    if (sm_rules_load("rules", &rules, &e) != SM_OK) {
        fprintf(stderr, "eval_job: %s:%d: %s\n", e.file, e.line, e.msg);
        return 2;
    }
    sm_scratch *s = sm_scratch_new(rules);
    const sm_options opt = {0, 2026, 11};
    char *pairs = slurp(DIR "/pairs.tsv");
    if (!pairs || !s) {
        fprintf(stderr, "eval_job: cannot read " DIR "/pairs.tsv\n");
        return 2;
    }
    static posting P[MAXP];
    int np = 0, n = 0;
    static double tool[MAXP * 8], base[MAXP * 8], label[MAXP * 8];
    static int pidx[MAXP * 8];
    static bool is_ml[MAXP * 8];
    counts ct = {0}, cb = {0};
    char *save = NULL;
    for (char *line = strtok_r(pairs, "\n", &save); line && n < MAXP * 8;
         line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || !line[0])
            continue;
        char *pj = line, *rs = strchr(pj, '\t'), *miss;
        if (!rs || !(miss = strchr(rs + 1, '\t')))
            continue;
        *rs++ = '\0';
        *miss++ = '\0';
        int k = 0;
        while (k < np && strcmp(P[k].name, pj))
            k++;
        if (k == np) {
            if (np == MAXP || !load_posting(&P[np], rules, s, pj))
                return 2;
            np++;
        }
        posting *p = &P[k];
        words gold;
        char *mcopy = strdup(miss);
        split(mcopy, &gold);
        free(mcopy);

        char path[512];
        snprintf(path, sizeof path, DIR "/resumes/%s", rs);
        sm_doc *d = NULL;
        sm_result *r = NULL;
        sm_match *m = NULL;
        if (sm_doc_load_file(path, 0, &d, &e) != SM_OK ||
            sm_analyze(rules, s, d, &opt, &r, &e) != SM_OK ||
            sm_match_job(rules, p->job, r, &m, &e) != SM_OK) {
            fprintf(stderr, "eval_job: %s: %s\n", path, e.msg);
            return 2;
        }
        size_t nm;
        const sm_match_item *it = sm_match_missing(m, &nm);
        char *pred[MAXW];
        int npred = 0;
        for (size_t i = 0; i < nm && npred < MAXW; i++)
            pred[npred++] = (char *)it[i].ask->id;
        count(&ct, &p->asks, &gold, pred, npred);
        tool[n] = sm_match_score(m);

        char *rt = slurp(path);
        lower(rt);
        char *bpred[MAXW];
        int nb = 0;
        for (size_t i = 0; i < sm_rules_skill_count(rules) && nb < MAXW;
             i++) {
            const sm_skill_info *k2 = sm_rules_skill(rules, i);
            if (names_skill(p->text, k2) && !names_skill(rt, k2))
                bpred[nb++] = (char *)k2->id;
        }
        count(&cb, &p->asks, &gold, bpred, nb);
        base[n] = overlap(p->text, rt);
        label[n] = coverage(p, &gold);
        pidx[n] = k;
        is_ml[n] = !strncmp(rs, "ml-", 3);
        printf("  %-24s %-24s score %.2f  overlap %.2f  labeled %.2f\n",
               pj, rs, tool[n], base[n], label[n]);
        n++;
        free(rt);
        for (int i = 0; i < gold.n; i++)
            free(gold.w[i]);
        sm_match_free(m);
        sm_result_free(r);
        sm_doc_free(d);
    }
    double tf = f1(&ct), bf = f1(&cb);
    double tr = spearman(tool, label, n), br = spearman(base, label, n);
    printf("job match on %s (%d pairs, %d postings)\n", DIR, n, np);
    printf("  %-22s missing micro-F1 %.3f   Spearman rho %.3f\n",
           "skillmatch", tf, tr);
    printf("  %-22s missing micro-F1 %.3f   Spearman rho %.3f\n",
           "keyword overlap", bf, br);
    /* on each ML posting, every non-tech resume below every ML resume
     * that shows something it asks (by the labels) */
    int ok_postings = 0, ml_postings = 0;
    for (int k = 0; k < np; k++) {
        double min_ml = 2, max_other = -1;
        if (!P[k].ml)
            continue;
        ml_postings++;
        for (int i = 0; i < n; i++) {
            if (pidx[i] != k)
                continue;
            if (is_ml[i] && label[i] > 0 && tool[i] < min_ml)
                min_ml = tool[i];
            if (!is_ml[i] && tool[i] > max_other)
                max_other = tool[i];
        }
        ok_postings += max_other < min_ml;
    }
    printf("  non-tech resumes below every ML resume: %d of %d ML postings\n",
           ok_postings, ml_postings);
    bool pass = tf > bf && tr > br && ok_postings == ml_postings;
    printf("eval_job: %s\n", pass ? "pass" : "FAIL (skillmatch must beat "
           "the keyword overlap on both, and rank non-tech resumes last)");
    for (int k = 0; k < np; k++) {
        sm_job_free(P[k].job);
        free(P[k].text);
        for (int i = 0; i < P[k].asks.n; i++)
            free(P[k].asks.w[i]);
    }
    free(pairs);
    sm_scratch_free(s);
    sm_rules_free(rules);
    return pass ? 0 : 1;
}
