/* lint_rules.c - the `lint:` key of the rules (title words, checks) and the
 * salary figures of the facts, into an sm_lint_rules. Used for the rules
 * folder and for a configuration's extra folder alike. Every error names
 * file:line:col; patterns are compiled once, here, and their examples are
 * run so that a wrong pattern never reaches a draft. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules/rules.h"
#include "engine/engine.h"
#include "util/util.h"

typedef struct {
    const sm_rules *r;
    sm_lint_rules *lr;
    const char *file;
    sm_error *err;
} ctx;

/* An error at node n of the file being read. */
#define bad(c, n, ...) sm_ynode_fail((c)->err, (c)->file, (n), __VA_ARGS__)

static sm_status oom(ctx *c)
{
    return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
}

static sm_status keys(ctx *c, const sm_ynode *map, const char *what,
                      const char *const *allowed)
{
    if (!map || map->kind != SM_Y_MAP)
        return bad(c, map, "%s must be a mapping", what);
    return sm_ymap_check_keys(c->file, map, what, allowed, c->err);
}

/* A non-empty string at map[key] into *out (a copy); absent is fine
 * unless `required`. */
static sm_status text(ctx *c, const sm_ynode *map, const char *key,
                      const char *what, bool required, char **out)
{
    const sm_ynode *n = sm_ymap_get(map, key);
    if (!n) {
        if (required)
            return bad(c, map, "%s: '%s' is missing", what, key);
        return SM_OK;
    }
    if (n->kind != SM_Y_SCALAR || n->len == 0)
        return bad(c, n, "%s: '%s' must be a non-empty string", what, key);
    free(*out);
    if (!(*out = sm_strdup(n->value)))
        return oom(c);
    return SM_OK;
}

static sm_status number(ctx *c, const sm_ynode *n, const char *what,
                        double lo, double hi, double *out)
{
    return sm_ynode_number(c->file, n, what, lo, hi, out, c->err);
}

/* A scalar or a list of scalars. */
static sm_status strings(ctx *c, const sm_ynode *n, const char *what,
                         const sm_ynode *const **items, size_t *count)
{
    return sm_ynode_strings(c->file, n, what, items, count, c->err);
}

/* ---- sources: "NNN:L" or "NNN:L-M", each line covered by a fact ---- */

static sm_status check_source(ctx *c, const sm_ynode *n)
{
    return sm_rules_check_source(c->r, c->file, n, c->err);
}

/* source: one string or a list, joined with ", ". */
static sm_status sources(ctx *c, const sm_ynode *map, char **out)
{
    const sm_ynode *n = sm_ymap_get(map, "source");
    const sm_ynode *const *items;
    size_t k;
    sm_status st;
    if (!n)
        return SM_OK;
    if ((st = strings(c, n, "source", &items, &k)) != SM_OK)
        return st;
    size_t len = 1;
    for (size_t i = 0; i < k; i++) {
        if ((st = check_source(c, items[i])) != SM_OK)
            return st;
        len += items[i]->len + 2;
    }
    char *s = malloc(len);
    if (!s)
        return oom(c);
    s[0] = '\0';
    for (size_t i = 0; i < k; i++) {
        if (i)
            strcat(s, ", ");
        strcat(s, items[i]->value);
    }
    free(*out);
    *out = s;
    return SM_OK;
}

static sm_status parse_levels(ctx *c, const sm_ynode *n, unsigned *out)
{
    const sm_ynode *const *items;
    size_t k;
    sm_status st = strings(c, n, "levels", &items, &k);
    if (st != SM_OK)
        return st;
    *out = 0;
    for (size_t i = 0; i < k; i++) {
        sm_level lv;
        if (sm_level_parse(items[i]->value, &lv) != SM_OK)
            return bad(c, items[i], "level must be junior, mid or senior, "
                       "not '%s'", items[i]->value);
        *out |= 1u << lv;
    }
    return SM_OK;
}

/* ---- patterns ---- */

static sm_status compile(ctx *c, const sm_ynode *n, const char *what,
                         sm_regex *re)
{
    if (n->kind != SM_Y_SCALAR || n->len == 0)
        return bad(c, n, "%s: a pattern must be a non-empty string", what);
    sm_status st = sm_rules_compile(re, c->file, n, 0, what,
                                    &c->lr->max_capture, c->err);
    if (st == SM_OK)
        sm_regex_jit(re);
    return st;
}

static sm_status compile_list(ctx *c, const sm_ynode *n, const char *what,
                              sm_regex **out, size_t *count)
{
    const sm_ynode *const *items;
    size_t k;
    sm_status st = strings(c, n, what, &items, &k);
    if (st != SM_OK)
        return st;
    sm_regex *v = calloc(k ? k : 1, sizeof *v);
    if (!v)
        return oom(c);
    for (size_t i = 0; i < k; i++)
        if ((st = compile(c, items[i], what, &v[i])) != SM_OK) {
            for (size_t j = 0; j < i; j++)
                sm_regex_release(&v[j]);
            free(v);
            return st;
        }
    *out = v;
    *count = k;
    return SM_OK;
}

/* Does `re` find something in `s`? -1 on a matching error. */
static int probe(const sm_regex *re, const char *s)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re->code,
                                                                NULL);
    if (!md)
        return -1;
    int rc = pcre2_match(re->code, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
    pcre2_match_data_free(md);
    return rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

/* examples: {match: [...], no_match: [...]} run against one pattern. */
static sm_status examples(ctx *c, const sm_ynode *map, const sm_regex *re)
{
    static const char *const ex_keys[] = {"match", "no_match", NULL};
    const sm_ynode *n = sm_ymap_get(map, "examples");
    sm_status st;
    if (!n)
        return SM_OK;
    if ((st = keys(c, n, "examples", ex_keys)) != SM_OK)
        return st;
    for (int want = 1; want >= 0; want--) {
        const sm_ynode *l = sm_ymap_get(n, want ? "match" : "no_match");
        const sm_ynode *const *items;
        size_t k;
        if (!l)
            continue;
        if ((st = strings(c, l, want ? "examples.match" : "examples.no_match",
                          &items, &k)) != SM_OK)
            return st;
        for (size_t i = 0; i < k; i++) {
            int got = probe(re, items[i]->value);
            if (got < 0)
                return bad(c, items[i], "example \"%.200s\": matching "
                           "failed", items[i]->value);
            if (got != want)
                return bad(c, items[i], "example \"%.200s\" %s",
                           items[i]->value, want ? "should match but does "
                           "not" : "should not match but does");
        }
    }
    return SM_OK;
}

/* The patterns of list n compiled and added to *list (of *count). */
static sm_status add_patterns(ctx *c, const sm_ynode *n, const char *what,
                              sm_regex **list, size_t *count)
{
    sm_regex *v;
    size_t k;
    sm_status st = compile_list(c, n, what, &v, &k);
    if (st != SM_OK)
        return st;
    sm_regex *all = realloc(*list, (*count + k + 1) * sizeof *all);
    if (!all) {
        for (size_t i = 0; i < k; i++)
            sm_regex_release(&v[i]);
        free(v);
        return oom(c);
    }
    memcpy(all + *count, v, k * sizeof *v);
    free(v);
    *list = all;
    *count += k;
    return SM_OK;
}

/* ---- title ---- */

static sm_status load_title(ctx *c, const sm_ynode *m)
{
    static const char *const tkeys[] = {"lines", "labels", "roles", "words",
                                        NULL};
    static const char *const wkeys[] = {"level", "strength", "pattern",
                                        "examples", NULL};
    sm_lint_rules *lr = c->lr;
    const sm_ynode *n;
    sm_status st;
    if ((st = keys(c, m, "lint.title", tkeys)) != SM_OK)
        return st;
    if ((n = sm_ymap_get(m, "lines"))) {
        double v;
        if ((st = number(c, n, "lint.title.lines", 1, 100, &v)) != SM_OK)
            return st;
        lr->title_lines = (int)v;
    }
    if ((n = sm_ymap_get(m, "labels")) &&
        (st = add_patterns(c, n, "lint.title.labels", &lr->labels,
                           &lr->nlabels)) != SM_OK)
        return st;
    if ((n = sm_ymap_get(m, "roles")) &&
        (st = add_patterns(c, n, "lint.title.roles", &lr->roles,
                           &lr->nroles)) != SM_OK)
        return st;
    if (!(n = sm_ymap_get(m, "words")))
        return SM_OK;
    if (n->kind != SM_Y_SEQ)
        return bad(c, n, "lint.title.words must be a list");
    for (size_t i = 0; i < n->n; i++) {
        const sm_ynode *w = n->items[i], *lv, *pat, *sn;
        if ((st = keys(c, w, "title word", wkeys)) != SM_OK)
            return st;
        if (!(lv = sm_ymap_get(w, "level")) || lv->kind != SM_Y_SCALAR)
            return bad(c, w, "title word: 'level' is missing");
        if (!(pat = sm_ymap_get(w, "pattern")))
            return bad(c, w, "title word: 'pattern' is missing");
        sm_title_word *t = SM_PUSH(lr->words, lr->nwords, lr->capwords);
        if (!t)
            return oom(c);
        memset(t, 0, sizeof *t);
        t->strength = 1;
        if ((st = compile(c, pat, "title word", &t->re)) != SM_OK) {
            lr->nwords--;
            return st;
        }
        if (sm_level_parse(lv->value, &t->level) != SM_OK)
            return bad(c, lv, "title word: level must be junior, mid or "
                       "senior, not '%s'", lv->value);
        if ((sn = sm_ymap_get(w, "strength"))) {
            double v;
            if ((st = number(c, sn, "title word strength", 1, 9, &v)) !=
                SM_OK)
                return st;
            t->strength = (int)v;
        }
        if ((st = examples(c, w, &t->re)) != SM_OK)
            return st;
    }
    return SM_OK;
}

/* ---- checks ---- */

static const struct {
    const char *name;
    sm_lint_kind kind;
} KINDS[] = {
    {"missing-required", SM_LINT_MISSING}, {"years", SM_LINT_YEARS},
    {"phrases", SM_LINT_PHRASES}, {"duplicate", SM_LINT_DUPLICATE},
    {"salary", SM_LINT_SALARY}, {"unknown-level", SM_LINT_UNKNOWN_LEVEL}};

static bool valid_check_id(const char *s)
{
    if (!*s || *s == '-')
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '-' || *s == '_'))
            return false;
    return true;
}

static void check_release(sm_lint_def *k)
{
    free(k->id);
    free(k->kind_name);
    free(k->summary);
    free(k->description);
    free(k->help);
    free(k->source);
    free(k->message);
    for (size_t i = 0; i < k->nphrases; i++) {
        sm_regex_release(&k->phrases[i].re);
        free(k->phrases[i].what);
    }
    free(k->phrases);
    for (size_t i = 0; i < k->ncues; i++)
        sm_regex_release(&k->cues[i]);
    free(k->cues);
    for (size_t i = 0; i < k->nexcludes; i++)
        sm_regex_release(&k->excludes[i]);
    free(k->excludes);
    for (size_t i = 0; i < k->nanchors; i++)
        sm_regex_release(&k->anchors[i]);
    free(k->anchors);
    for (size_t i = 0; i < k->ncategories; i++)
        free(k->categories[i]);
    free(k->categories);
    for (size_t i = 0; i < k->naliases; i++) {
        for (size_t j = 0; j < k->aliases[i].nnames; j++)
            sm_regex_release(&k->aliases[i].names[j]);
        free(k->aliases[i].names);
    }
    free(k->aliases);
}

/* phrases: a list of patterns, each a string or {pattern, what, levels,
 * examples}. Years and salary patterns must name their groups. */
static sm_status load_phrases(ctx *c, const sm_ynode *n, sm_lint_def *k)
{
    static const char *const pkeys[] = {"pattern", "what", "levels",
                                        "examples", NULL};
    sm_status st;
    if (n->kind != SM_Y_SEQ || n->n == 0)
        return bad(c, n, "check '%s': 'patterns' must be a non-empty list",
                   k->id);
    k->phrases = calloc(n->n, sizeof *k->phrases);
    if (!k->phrases)
        return oom(c);
    for (size_t i = 0; i < n->n; i++) {
        const sm_ynode *p = n->items[i], *pat = p;
        sm_lint_phrase *ph = &k->phrases[i];
        if (p->kind == SM_Y_MAP) {
            if ((st = keys(c, p, "phrase", pkeys)) != SM_OK)
                return st;
            if (!(pat = sm_ymap_get(p, "pattern")))
                return bad(c, p, "phrase: 'pattern' is missing");
        }
        if ((st = compile(c, pat, "phrase", &ph->re)) != SM_OK)
            return st;
        k->nphrases++;
        if (p->kind == SM_Y_MAP) {
            const sm_ynode *lv = sm_ymap_get(p, "levels");
            if ((st = text(c, p, "what", "phrase", false, &ph->what)) !=
                    SM_OK ||
                (lv && (st = parse_levels(c, lv, &ph->levels)) != SM_OK) ||
                (st = examples(c, p, &ph->re)) != SM_OK)
                return st;
        }
        const char *need = k->kind == SM_LINT_YEARS    ? "min"
                           : k->kind == SM_LINT_SALARY ? "low"
                                                       : NULL;
        if (need && pcre2_substring_number_from_name(
                        ph->re.code, (PCRE2_SPTR)need) < 0)
            return bad(c, pat, "check '%s': the pattern needs a group named "
                       "'%s' ((?<%s>...))", k->id, need, need);
    }
    return SM_OK;
}

/* names: [{skill: ID, names: [PATTERN, ...]}]: each pattern matches one
 * name of the skill, whole. */
static sm_status load_aliases(ctx *c, const sm_ynode *n, sm_lint_def *k)
{
    static const char *const akeys[] = {"skill", "names", NULL};
    sm_status st;
    if (n->kind != SM_Y_SEQ)
        return bad(c, n, "check '%s': 'names' must be a list", k->id);
    k->aliases = calloc(n->n ? n->n : 1, sizeof *k->aliases);
    if (!k->aliases)
        return oom(c);
    for (size_t i = 0; i < n->n; i++) {
        const sm_ynode *m = n->items[i], *sk, *nm;
        sm_lint_alias *a = &k->aliases[i];
        if ((st = keys(c, m, "names entry", akeys)) != SM_OK)
            return st;
        if (!(sk = sm_ymap_get(m, "skill")) || sk->kind != SM_Y_SCALAR)
            return bad(c, m, "names entry: 'skill' is missing");
        sm_skill *s;
        HASH_FIND_STR(c->r->by_id, sk->value, s);
        if (!s)
            return bad(c, sk, "names entry: unknown skill '%s'", sk->value);
        a->skill = s->index;
        k->naliases++;
        if (!(nm = sm_ymap_get(m, "names")))
            return bad(c, m, "names entry: 'names' is missing");
        const sm_ynode *const *items;
        size_t cnt;
        if ((st = strings(c, nm, "names", &items, &cnt)) != SM_OK)
            return st;
        if (cnt < 2)
            return bad(c, nm, "names entry: give two names or more");
        a->names = calloc(cnt, sizeof *a->names);
        if (!a->names)
            return oom(c);
        for (size_t j = 0; j < cnt; j++) {
            st = sm_regex_compile(&a->names[j], items[j]->value,
                                  PCRE2_ANCHORED | PCRE2_ENDANCHORED,
                                  c->file, items[j]->line, items[j]->col,
                                  c->err);
            if (st != SM_OK) {
                c->err->code = SM_ERR_RULES;
                return SM_ERR_RULES;
            }
            sm_regex_jit(&a->names[j]);
            a->nnames++;
        }
    }
    return SM_OK;
}

static sm_status load_check(ctx *c, const sm_ynode *m, sm_lint_def *k)
{
    static const char *const ckeys[] = {
        "id", "kind", "severity", "summary", "description", "help",
        "message", "source", "levels", "patterns", "require", "cues",
        "excludes", "anchors", "error_weight", "min_weight", "margin",
        "categories", "names", NULL};
    const sm_ynode *n;
    sm_status st;
    if ((st = keys(c, m, "lint check", ckeys)) != SM_OK ||
        (st = text(c, m, "id", "lint check", true, &k->id)) != SM_OK)
        return st;
    k->info.file = c->file;
    k->info.line = m->line;
    if (!valid_check_id(k->id))
        return bad(c, sm_ymap_get(m, "id"), "check id '%s' may hold only "
                   "a-z, 0-9, - and _", k->id);
    if ((st = text(c, m, "kind", "lint check", true, &k->kind_name)) != SM_OK)
        return st;
    bool known = false;
    for (size_t i = 0; i < sizeof KINDS / sizeof *KINDS; i++)
        if (!strcmp(KINDS[i].name, k->kind_name)) {
            k->kind = KINDS[i].kind;
            known = true;
        }
    if (!known)
        return bad(c, sm_ymap_get(m, "kind"), "check '%s': unknown kind "
                   "'%s' (expected missing-required, years, phrases, "
                   "duplicate, salary or unknown-level)", k->id,
                   k->kind_name);
    k->info.severity = SM_SEVERITY_WARNING;
    if ((n = sm_ymap_get(m, "severity"))) {
        sm_severity sev;
        if (n->kind != SM_Y_SCALAR ||
            sm_severity_parse(n->value, &sev) != SM_OK ||
            sev == SM_SEVERITY_OFF)
            return bad(c, n, "check '%s': severity must be error, warning "
                       "or info", k->id);
        k->info.severity = sev;
    }
    if ((st = text(c, m, "summary", "lint check", true, &k->summary)) !=
            SM_OK ||
        (st = text(c, m, "description", "lint check", false,
                   &k->description)) != SM_OK ||
        (st = text(c, m, "help", "lint check", false, &k->help)) != SM_OK ||
        (st = text(c, m, "message", "lint check", true, &k->message)) !=
            SM_OK ||
        (st = sources(c, m, &k->source)) != SM_OK)
        return st;
    if ((n = sm_ymap_get(m, "levels")) &&
        (st = parse_levels(c, n, &k->levels)) != SM_OK)
        return st;

    n = sm_ymap_get(m, "patterns");
    bool wants_patterns = k->kind == SM_LINT_YEARS ||
                          k->kind == SM_LINT_PHRASES ||
                          k->kind == SM_LINT_SALARY;
    if (wants_patterns && !n)
        return bad(c, m, "check '%s': 'patterns' is missing", k->id);
    if (!wants_patterns && n)
        return bad(c, n, "check '%s': a %s check takes no patterns", k->id,
                   k->kind_name);
    if (n && (st = load_phrases(c, n, k)) != SM_OK)
        return st;

    /* options that belong to one kind only */
    static const struct {
        const char *key;
        sm_lint_kind kind;
    } OWN[] = {{"require", SM_LINT_PHRASES}, {"cues", SM_LINT_SALARY},
               {"excludes", SM_LINT_SALARY}, {"margin", SM_LINT_SALARY},
               {"anchors", SM_LINT_MISSING}, {"error_weight", SM_LINT_MISSING},
               {"min_weight", SM_LINT_MISSING},
               {"categories", SM_LINT_DUPLICATE},
               {"names", SM_LINT_DUPLICATE}};
    for (size_t i = 0; i < sizeof OWN / sizeof *OWN; i++)
        if ((n = sm_ymap_get(m, OWN[i].key)) && k->kind != OWN[i].kind)
            return bad(c, n, "check '%s': '%s' does not apply to a %s check",
                       k->id, OWN[i].key, k->kind_name);

    if ((n = sm_ymap_get(m, "require"))) {
        if (n->kind != SM_Y_SCALAR || n->quoted ||
            (strcmp(n->value, "true") && strcmp(n->value, "false")))
            return bad(c, n, "check '%s': require must be true or false",
                       k->id);
        k->require = !strcmp(n->value, "true");
    }
    if ((n = sm_ymap_get(m, "cues")) &&
        (st = compile_list(c, n, "cues", &k->cues, &k->ncues)) != SM_OK)
        return st;
    if ((n = sm_ymap_get(m, "excludes")) &&
        (st = compile_list(c, n, "excludes", &k->excludes, &k->nexcludes)) !=
            SM_OK)
        return st;
    if ((n = sm_ymap_get(m, "anchors")) &&
        (st = compile_list(c, n, "anchors", &k->anchors, &k->nanchors)) !=
            SM_OK)
        return st;
    k->error_weight = 5;
    k->min_weight = 1;
    k->margin = 0.25;
    double v;
    if ((n = sm_ymap_get(m, "error_weight"))) {
        if ((st = number(c, n, "error_weight", 1, 6, &v)) != SM_OK)
            return st;
        k->error_weight = (int)v;
    }
    if ((n = sm_ymap_get(m, "min_weight"))) {
        if ((st = number(c, n, "min_weight", 1, 6, &v)) != SM_OK)
            return st;
        k->min_weight = (int)v;
    }
    if ((n = sm_ymap_get(m, "margin"))) {
        if ((st = number(c, n, "margin", 0, 10, &v)) != SM_OK)
            return st;
        k->margin = v;
    }
    if ((n = sm_ymap_get(m, "categories"))) {
        const sm_ynode *const *items;
        size_t cnt;
        if ((st = strings(c, n, "categories", &items, &cnt)) != SM_OK)
            return st;
        k->categories = calloc(cnt ? cnt : 1, sizeof *k->categories);
        if (!k->categories)
            return oom(c);
        for (size_t i = 0; i < cnt; i++) {
            bool used = false;
            for (size_t j = 0; j < c->r->nskills && !used; j++)
                used = !strcmp(c->r->skills[j].info.category,
                               items[i]->value);
            if (!used)
                return bad(c, items[i], "check '%s': no skill has the "
                           "category '%s'", k->id, items[i]->value);
            if (!(k->categories[i] = sm_strdup(items[i]->value)))
                return oom(c);
            k->ncategories++;
        }
    }
    if ((n = sm_ymap_get(m, "names")) && (st = load_aliases(c, n, k)) != SM_OK)
        return st;
    return SM_OK;
}

static void point_info(sm_lint_def *k)
{
    k->info.id = k->id;
    k->info.kind = k->kind_name;
    k->info.summary = k->summary;
    k->info.description = k->description ? k->description : k->summary;
    k->info.help = k->help ? k->help : k->summary;
    k->info.source = k->source;
}

static sm_status load_checks(ctx *c, const sm_ynode *list,
                             const sm_lint_rules *base)
{
    sm_lint_rules *lr = c->lr;
    sm_status st;
    if (list->kind != SM_Y_SEQ)
        return bad(c, list, "lint.checks must be a list");
    for (size_t i = 0; i < list->n; i++) {
        const sm_ynode *m = list->items[i];
        const sm_ynode *idn = sm_ymap_get(m, "id");
        if (idn && idn->kind == SM_Y_SCALAR) {
            for (size_t j = 0; j < lr->nchecks; j++)
                if (!strcmp(lr->checks[j].id, idn->value))
                    return bad(c, idn, "duplicate check id '%s' (first "
                               "defined at %s:%d)", idn->value,
                               lr->checks[j].info.file,
                               lr->checks[j].info.line);
            for (size_t j = 0; base && j < base->nchecks; j++)
                if (!strcmp(base->checks[j].id, idn->value))
                    return bad(c, idn, "check id '%s' is already defined "
                               "by the rules (%s:%d)", idn->value,
                               base->checks[j].info.file,
                               base->checks[j].info.line);
        }
        sm_lint_def *k = SM_PUSH(lr->checks, lr->nchecks, lr->capchecks);
        if (!k)
            return oom(c);
        memset(k, 0, sizeof *k);
        if ((st = load_check(c, m, k)) != SM_OK)
            return st;
    }
    /* the array may have moved: point every public view again */
    for (size_t i = 0; i < lr->nchecks; i++)
        point_info(&lr->checks[i]);
    return SM_OK;
}

sm_lint_rules *sm_lint_rules_new(void)
{
    sm_lint_rules *lr = calloc(1, sizeof *lr);
    if (lr) {
        lr->title_lines = 8;
        for (int i = 0; i <= SM_LEVEL_COUNT; i++)
            lr->salary[i].max = -1;
    }
    return lr;
}

sm_status sm_lint_rules_load(const sm_rules *r, sm_lint_rules **lrp,
                             const char *file, const sm_ynode *node,
                             sm_error *err)
{
    static const char *const top[] = {"title", "checks", NULL};
    const sm_lint_rules *base = r && r->lint != *lrp ? r->lint : NULL;
    if (!*lrp && !(*lrp = sm_lint_rules_new()))
        return sm_fail(err, SM_ERR_NOMEM, file, 0, 0, "out of memory");
    ctx c = {r, *lrp, file, err};
    const sm_ynode *n;
    sm_status st = keys(&c, node, "lint", top);
    if (st == SM_OK && (n = sm_ymap_get(node, "title")))
        st = load_title(&c, n);
    if (st == SM_OK && (n = sm_ymap_get(node, "checks")))
        st = load_checks(&c, n, base);
    return st;
}

void sm_lint_rules_free(sm_lint_rules *lr)
{
    if (!lr)
        return;
    for (size_t i = 0; i < lr->nchecks; i++)
        check_release(&lr->checks[i]);
    free(lr->checks);
    for (size_t i = 0; i < lr->nwords; i++)
        sm_regex_release(&lr->words[i].re);
    free(lr->words);
    for (size_t i = 0; i < lr->nlabels; i++)
        sm_regex_release(&lr->labels[i]);
    free(lr->labels);
    for (size_t i = 0; i < lr->nroles; i++)
        sm_regex_release(&lr->roles[i]);
    free(lr->roles);
    free(lr);
}

