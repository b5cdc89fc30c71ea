/* eval.c - how right is the matcher? Runs it over a labeled set (every
 * document with a sidecar NAME.gold.yaml: skills, hedged, years, level)
 * and prints per-skill and overall true/false positives, false negatives,
 * precision, recall and F1, the years-of-experience error, and a level
 * confusion matrix.
 *
 *   eval [--rules DIR] [--today YYYY-MM] [-v] [DIR...]   (default corpus/eval)
 *
 * A skill counts as predicted when at least one of its pieces of evidence
 * is not hedged; hedged-only skills are neither predicted nor gold. */
#include <dirent.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "skillmatch.h"

enum { MAX_SKILLS = 512, MAX_DOCS = 4096 };

typedef struct {
    char *ids[MAX_SKILLS];
    size_t n;
    double years;            /* < 0: null */
    int level;               /* sm_level, -1 unknown */
    bool ok;
} gold;

typedef struct {
    long tp, fp, fn, gold_n;
} counts;

static counts per_skill[MAX_SKILLS];
static long confusion[4][4];
static int verbose;

/* ---- reading a gold sidecar with libyaml's document API ---- */

static yaml_node_t *map_get(yaml_document_t *d, yaml_node_t *m, const char *k)
{
    if (!m || m->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
         p < m->data.mapping.pairs.top; p++) {
        yaml_node_t *key = yaml_document_get_node(d, p->key);
        if (key && key->type == YAML_SCALAR_NODE &&
            !strcmp((char *)key->data.scalar.value, k))
            return yaml_document_get_node(d, p->value);
    }
    return NULL;
}

static bool read_gold(const char *path, gold *g)
{
    FILE *f = fopen(path, "rb");
    yaml_parser_t p;
    yaml_document_t d;
    memset(g, 0, sizeof *g);
    g->years = -1;
    g->level = -1;
    if (!f)
        return false;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_file(&p, f);
    if (!yaml_parser_load(&p, &d)) {
        fprintf(stderr, "eval: %s:%zu:%zu: %s\n", path, p.problem_mark.line + 1,
                p.problem_mark.column + 1, p.problem ? p.problem : "YAML error");
        yaml_parser_delete(&p);
        fclose(f);
        return false;
    }
    yaml_node_t *root = yaml_document_get_root_node(&d);
    yaml_node_t *skills = map_get(&d, root, "skills");
    if (skills && skills->type == YAML_SEQUENCE_NODE)
        for (yaml_node_item_t *i = skills->data.sequence.items.start;
             i < skills->data.sequence.items.top && g->n < MAX_SKILLS; i++) {
            yaml_node_t *s = yaml_document_get_node(&d, *i);
            if (s && s->type == YAML_SCALAR_NODE)
                g->ids[g->n++] = strdup((char *)s->data.scalar.value);
        }
    yaml_node_t *y = map_get(&d, root, "years");
    if (y && y->type == YAML_SCALAR_NODE &&
        strcmp((char *)y->data.scalar.value, "null") &&
        strcmp((char *)y->data.scalar.value, "~") && y->data.scalar.length)
        g->years = atof((char *)y->data.scalar.value);
    yaml_node_t *l = map_get(&d, root, "level");
    if (l && l->type == YAML_SCALAR_NODE) {
        sm_level lv;
        if (!strcmp((char *)l->data.scalar.value, "none"))
            g->level = SM_LEVEL_NONE;
        else if (sm_level_parse((char *)l->data.scalar.value, &lv) == SM_OK)
            g->level = lv;
    }
    g->ok = true;
    yaml_document_delete(&d);
    yaml_parser_delete(&p);
    fclose(f);
    return true;
}

static void gold_free(gold *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->ids[i]);
}

static bool in_gold(const gold *g, const char *id)
{
    for (size_t i = 0; i < g->n; i++)
        if (!strcmp(g->ids[i], id))
            return true;
    return false;
}

static bool predicted(const sm_skill_match *m)
{
    for (size_t i = 0; i < m->n_evidence; i++)
        if (!m->evidence[i].context)
            return true;
    return false;
}

static int skill_index(const sm_rules *r, const char *id)
{
    for (size_t i = 0; i < sm_rules_skill_count(r); i++)
        if (!strcmp(sm_rules_skill(r, i)->id, id))
            return (int)i;
    return -1;
}

typedef struct {
    long docs, dated, within1;
    double abs_err;
    long resumes;
} totals;

static void eval_doc(const sm_rules *rules, sm_scratch *s, const char *path,
                     const char *gold_path, const sm_options *opt, bool resume,
                     totals *t)
{
    gold g;
    sm_doc *doc = NULL;
    sm_result *res = NULL;
    sm_error err;
    if (!read_gold(gold_path, &g)) {
        fprintf(stderr, "eval: %s: cannot read gold labels\n", gold_path);
        return;
    }
    if (sm_doc_load_file(path, 0, &doc, &err) != SM_OK ||
        sm_analyze(rules, s, doc, opt, &res, &err) != SM_OK) {
        fprintf(stderr, "eval: %s: %s\n", path, err.msg);
        sm_doc_free(doc);
        gold_free(&g);
        return;
    }
    for (size_t i = 0; i < g.n; i++)
        if (skill_index(rules, g.ids[i]) < 0)
            fprintf(stderr, "eval: %s: unknown skill id '%s'\n", gold_path,
                    g.ids[i]);
    size_t n;
    const sm_skill_match *m = sm_result_skills(res, &n);
    for (size_t i = 0; i < n; i++) {
        int k = skill_index(rules, m[i].id);
        if (!predicted(&m[i]) || k < 0)
            continue;
        if (in_gold(&g, m[i].id)) {
            per_skill[k].tp++;
        } else {
            per_skill[k].fp++;
            if (verbose)
                printf("  FP %-22s %s:%d \"%s\"\n", m[i].id, path,
                       m[i].evidence[0].line, m[i].evidence[0].text);
        }
    }
    for (size_t i = 0; i < g.n; i++) {
        int k = skill_index(rules, g.ids[i]);
        if (k < 0)
            continue;
        per_skill[k].gold_n++;
        bool found = false;
        for (size_t j = 0; j < n; j++)
            if (!strcmp(m[j].id, g.ids[i]) && predicted(&m[j]))
                found = true;
        if (!found) {
            per_skill[k].fn++;
            if (verbose)
                printf("  FN %-22s %s\n", g.ids[i], path);
        }
    }
    t->docs++;
    if (resume) {
        t->resumes++;
        double y = sm_result_years(res);
        if (g.years >= 0) {
            double e = fabs((y < 0 ? 0 : y) - g.years);
            t->dated++;
            t->abs_err += e;
            if (e <= 1.0)
                t->within1++;
            else if (verbose)
                printf("  YEARS %s: got %g, gold %g (%s)\n", path, y, g.years,
                       sm_result_years_method(res));
        }
        if (g.level >= 0) {
            int p = sm_result_level(res);
            confusion[g.level][p]++;
            if (verbose && p != g.level)
                printf("  LEVEL %s: got %s, gold %s (%s)\n", path,
                       sm_level_name((sm_level)p),
                       sm_level_name((sm_level)g.level), sm_result_reason(res));
        }
    }
    sm_result_free(res);
    sm_doc_free(doc);
    gold_free(&g);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every document with a sidecar in dir (recursively), in name order. */
static void walk(const sm_rules *rules, sm_scratch *s, const char *dir,
                 const sm_options *opt, totals *t)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "eval: %s: cannot open\n", dir);
        return;
    }
    char *names[MAX_DOCS];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < MAX_DOCS)
        if (e->d_name[0] != '.')
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, name_cmp);
    for (size_t i = 0; i < n; i++) {
        char path[4096], gpath[4200];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len = strlen(names[i]);
        DIR *sub = opendir(path);
        if (sub) {
            closedir(sub);
            walk(rules, s, path, opt, t);
        } else if (!(len > 10 && !strcmp(names[i] + len - 10, ".gold.yaml"))) {
            snprintf(gpath, sizeof gpath, "%s.gold.yaml", path);
            FILE *f = fopen(gpath, "r");
            if (f) {
                fclose(f);
                bool resume = !strstr(path, "/jobs/");
                eval_doc(rules, s, path, gpath, opt, resume, t);
            }
        }
        free(names[i]);
    }
}

static double ratio(long a, long b) { return b ? (double)a / b : 0; }

/* The floors file: "NAME VALUE" lines (precision, recall, level_accuracy,
 * each 0..1), '#' comments. Each figure below its floor is printed; the
 * number of those is returned, or -1 when the file cannot be read. */
static int below_floors(const char *path, double precision, double recall,
                        double accuracy)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "eval: %s: cannot read the floors\n", path);
        return -1;
    }
    char line[256];
    int below = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        char name[64];
        double floor;
        lineno++;
        if (line[0] == '#' || sscanf(line, "%63s", name) != 1)
            continue;
        if (sscanf(line, "%63s %lf", name, &floor) != 2) {
            fprintf(stderr, "eval: %s:%d: expected NAME VALUE\n", path,
                    lineno);
            fclose(f);
            return -1;
        }
        double have = !strcmp(name, "precision") ? precision
                    : !strcmp(name, "recall") ? recall
                    : !strcmp(name, "level_accuracy") ? accuracy : -1;
        if (have < 0) {
            fprintf(stderr, "eval: %s:%d: unknown figure '%s'\n", path,
                    lineno, name);
            fclose(f);
            return -1;
        }
        if (have < floor) {
            printf("below floor: %s %.3f < %.3f\n", name, have, floor);
            below++;
        }
    }
    fclose(f);
    if (!below)
        printf("floors (%s): all met\n", path);
    return below;
}

int main(int argc, char **argv)
{
    const char *rules_dir = getenv("SKILLMATCH_RULES");
    sm_options opt = {.today_year = 2026, .today_month = 11};
    const char *dirs[64], *floors = NULL;
    int ndirs = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rules") && i + 1 < argc)
            rules_dir = argv[++i];
        else if (!strcmp(argv[i], "--today") && i + 1 < argc)
            sscanf(argv[++i], "%d-%d", &opt.today_year, &opt.today_month);
        else if (!strcmp(argv[i], "--floors") && i + 1 < argc)
            floors = argv[++i];
        else if (!strcmp(argv[i], "-v"))
            verbose = 1;
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: eval [--rules DIR] [--today YYYY-MM] "
                    "[--floors FILE] [-v] [DIR...]\n");
            return 2;
        } else if (ndirs < 64)
            dirs[ndirs++] = argv[i];
    }
    if (!rules_dir || !*rules_dir)
        rules_dir = "rules";
    if (!ndirs)
        dirs[ndirs++] = "corpus/eval";
    sm_rules *rules;
    sm_error err;
    if (sm_rules_load(rules_dir, &rules, &err) != SM_OK) {
        fprintf(stderr, "eval: %s:%d:%d: %s\n", err.file, err.line, err.col,
                err.msg);
        return 2;
    }
    sm_scratch *s = sm_scratch_new(rules);
    totals t = {0};
    for (int i = 0; i < ndirs; i++)
        walk(rules, s, dirs[i], &opt, &t);

    printf("%-24s %5s %5s %5s %5s %6s %6s %6s\n", "skill", "gold", "tp", "fp",
           "fn", "prec", "recall", "f1");
    long tp = 0, fp = 0, fn = 0;
    int weak = 0;
    for (size_t k = 0; k < sm_rules_skill_count(rules); k++) {
        counts *c = &per_skill[k];
        tp += c->tp;
        fp += c->fp;
        fn += c->fn;
        double p = ratio(c->tp, c->tp + c->fp), r = ratio(c->tp, c->tp + c->fn);
        double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
        bool flag = c->gold_n >= 5 && c->tp + c->fp > 0 && p < 0.90;
        weak += flag;
        printf("%-24s %5ld %5ld %5ld %5ld %6.3f %6.3f %6.3f%s\n",
               sm_rules_skill(rules, k)->id, c->gold_n, c->tp, c->fp, c->fn,
               c->tp + c->fp ? p : 1.0, c->gold_n ? r : 1.0,
               c->gold_n || c->fp ? f1 : 1.0, flag ? "  < 0.90 precision" : "");
    }
    double p = ratio(tp, tp + fp), r = ratio(tp, tp + fn);
    printf("\noverall (micro): tp %ld, fp %ld, fn %ld; precision %.3f, recall "
           "%.3f, F1 %.3f\n", tp, fp, fn, p, r,
           p + r > 0 ? 2 * p * r / (p + r) : 0);
    printf("skills with 5+ gold occurrences below 0.90 precision: %d\n", weak);
    printf("documents: %ld (%ld resumes)\n", t.docs, t.resumes);
    printf("years: %ld resumes with gold years; within +-1 year: %ld (%.1f%%); "
           "mean absolute error %.2f\n", t.dated, t.within1,
           100 * ratio(t.within1, t.dated), t.dated ? t.abs_err / t.dated : 0);
    printf("\nlevel confusion (rows gold, columns suggested)\n%-8s", "");
    for (int c = 0; c < 4; c++)
        printf(" %7s", sm_level_name((sm_level)c));
    printf("\n");
    long right = 0, all = 0;
    for (int g = 0; g < 4; g++) {
        printf("%-8s", sm_level_name((sm_level)g));
        for (int c = 0; c < 4; c++) {
            printf(" %7ld", confusion[g][c]);
            all += confusion[g][c];
            if (g == c)
                right += confusion[g][c];
        }
        printf("\n");
    }
    printf("level accuracy: %ld of %ld (%.1f%%)\n", right, all,
           100 * ratio(right, all));
    sm_scratch_free(s);
    sm_rules_free(rules);
    int below = floors ? below_floors(floors, p, r, ratio(right, all)) : 0;
    return below < 0 ? 2 : below > 0 ? 1 : 0;
}
