/* skills.c - the `skills:` key: each skill's id, name, category,
 * sources, patterns and exclusions, triggers, examples and flags; and the
 * trigger tables built from them once every file is read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "engine/engine.h"
#include "util/util.h"

/* An error at node n of the file being read. */
#define bad(c, n, ...) sm_ynode_fail((c)->err, (c)->file, (n), __VA_ARGS__)

static const char *const CATEGORIES[] = {
    "languages", "ml", "math_data", "engineering", "cloud", "leadership",
    "education", NULL};


/* ---- skills ---- */

bool sm_rules_valid_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '_'))
            return false;
    return true;
}

static bool valid_trigger(const char *s)
{
    size_t n = strlen(s);
    if (!n || (n == 1 && s[0] == '*'))
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '*' && i == n - 1)
            break;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              strchr("+#./-_", ch)))
            return false;
    }
    return true;
}

static sm_status dup_strings(sm_rules_ctx *c, const sm_ynode *const *items,
                             size_t k,
                             char ***out, int **lines, int **cols)
{
    char **v = calloc(k ? k : 1, sizeof *v);
    int *l = calloc(k ? k : 1, sizeof *l);
    int *co = calloc(k ? k : 1, sizeof *co);
    if (!v || !l || !co)
        goto oom;
    for (size_t i = 0; i < k; i++) {
        if (!(v[i] = sm_strdup(items[i]->value)))
            goto oom;
        l[i] = items[i]->line;
        co[i] = items[i]->col;
    }
    *out = v;
    if (lines)
        *lines = l;
    else
        free(l);
    if (cols)
        *cols = co;
    else
        free(co);
    return SM_OK;
oom:
    if (v)
        for (size_t i = 0; i < k; i++)
            free(v[i]);
    free(v);
    free(l);
    free(co);
    return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
}

void sm_skill_release(sm_skill *k)
{
    for (size_t i = 0; i < k->npats; i++)
        sm_regex_release(&k->pats[i]);
    for (size_t i = 0; i < k->nexcl; i++)
        sm_regex_release(&k->excl[i]);
    free(k->pats);
    free(k->excl);
    free(k->pat_src);
    free(k->excl_src);
    for (size_t i = 0; i < k->ntriggers; i++)
        free(k->triggers[i]);
    free(k->triggers);
    for (size_t i = 0; i < k->nsources; i++)
        free(k->sources[i]);
    free(k->sources);
    free(k->source_joined);
    for (size_t i = 0; i < k->nex_match; i++)
        free(k->ex_match[i]);
    for (size_t i = 0; i < k->nex_nomatch; i++)
        free(k->ex_nomatch[i]);
    free(k->ex_match);
    free(k->ex_nomatch);
    free(k->ex_match_line);
    free(k->ex_nomatch_line);
    free(k->ex_match_col);
    free(k->ex_nomatch_col);
    free((char *)k->info.id);
    free((char *)k->info.name);
    free((char *)k->info.category);
}

static sm_status load_skill(sm_rules_ctx *c, const sm_ynode *m, sm_skill *k)
{
    static const char *const keys[] = {
        "id", "name", "category", "source", "triggers", "patterns",
        "exclude", "needs_context", "ignore_hedges", "owned", "examples",
        NULL};
    static const char *const ex_keys[] = {"match", "no_match", NULL};
    const sm_ynode *id, *name, *cat, *n;
    sm_status st;

    if ((st = sm_rules_need_kind(c, m, SM_Y_MAP, "a skill")) != SM_OK ||
        (st = sm_rules_check_keys(c, m, "skill", keys)) != SM_OK ||
        (st = sm_rules_need_string(c, m, "id", "skill", &id)) != SM_OK)
        return st;
    if (!sm_rules_valid_id(id->value))
        return bad(c, id, "skill id '%s' may hold only a-z, 0-9 and _",
                   id->value);
    if ((st = sm_rules_need_string(c, m, "name", "skill", &name)) != SM_OK ||
        (st = sm_rules_need_string(c, m, "category", "skill", &cat)) != SM_OK)
        return st;
    int ci = -1;
    for (int i = 0; CATEGORIES[i]; i++)
        if (!strcmp(CATEGORIES[i], cat->value))
            ci = i;
    if (ci < 0)
        return bad(c, cat, "skill '%s': unknown category '%s' (expected "
                   "languages, ml, math_data, engineering, cloud, "
                   "leadership or education)", id->value, cat->value);
    k->category_idx = ci;
    k->info.id = sm_strdup(id->value);
    k->info.name = sm_strdup(name->value);
    k->info.category = sm_strdup(cat->value);
    k->info.file = c->file;
    k->info.line = m->line;
    if (!k->info.id || !k->info.name || !k->info.category)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");

    if (!(n = sm_ymap_get(m, "source")))
        return bad(c, id, "skill '%s': 'source' is missing", id->value);
    if ((st = sm_rules_sources(c, n, "source", &k->sources,
                               &k->nsources)) != SM_OK)
        return st;
    if (!(k->source_joined = sm_rules_join(k->sources, k->nsources, ", ")))
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    k->info.source = k->source_joined;

    if (!(n = sm_ymap_get(m, "patterns")))
        return bad(c, id, "skill '%s': 'patterns' is missing", id->value);
    if ((st = sm_rules_compile_list(c, n, "skill", id->value, &k->pats,
                                    &k->npats)) !=
        SM_OK)
        return st;
    if (k->npats == 0)
        return bad(c, n, "skill '%s': at least one pattern is needed",
                   id->value);
    if ((n = sm_ymap_get(m, "exclude")) &&
        (st = sm_rules_compile_list(c, n, "exclusion of", id->value, &k->excl,
                           &k->nexcl)) != SM_OK)
        return st;
    k->pat_src = calloc(k->npats, sizeof *k->pat_src);
    k->excl_src = calloc(k->nexcl ? k->nexcl : 1, sizeof *k->excl_src);
    if (!k->pat_src || !k->excl_src)
        return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0, "out of memory");
    for (size_t i = 0; i < k->npats; i++)
        k->pat_src[i] = k->pats[i].src;
    for (size_t i = 0; i < k->nexcl; i++)
        k->excl_src[i] = k->excl[i].src;
    k->info.patterns = (const char *const *)k->pat_src;
    k->info.n_patterns = k->npats;
    k->info.excludes = (const char *const *)k->excl_src;
    k->info.n_excludes = k->nexcl;

    if ((n = sm_ymap_get(m, "triggers"))) {
        const sm_ynode *const *items;
        size_t cnt;
        if ((st = sm_rules_strings(c, n, "triggers", &items, &cnt)) != SM_OK)
            return st;
        for (size_t i = 0; i < cnt; i++)
            if (!valid_trigger(items[i]->value))
                return bad(c, items[i], "skill '%s': trigger '%s' must be a "
                           "lowercase word, optionally ending in *",
                           id->value, items[i]->value);
        if ((st = dup_strings(c, items, cnt, &k->triggers, NULL, NULL)) !=
            SM_OK)
            return st;
        k->ntriggers = cnt;
    }
    k->info.triggers = (const char *const *)k->triggers;
    k->info.n_triggers = k->ntriggers;

    if ((n = sm_ymap_get(m, "needs_context")) &&
        (st = sm_rules_bool(c, n, "needs_context", &k->info.needs_context)) !=
            SM_OK)
        return st;

    if ((n = sm_ymap_get(m, "ignore_hedges")) &&
        (st = sm_rules_bool(c, n, "ignore_hedges",
                            &k->ignore_hedges)) != SM_OK)
        return st;

    if ((n = sm_ymap_get(m, "owned")) &&
        (st = sm_rules_bool(c, n, "owned", &k->owned)) != SM_OK)
        return st;

    if ((n = sm_ymap_get(m, "examples"))) {
        const sm_ynode *e;
        if ((st = sm_rules_need_kind(c, n, SM_Y_MAP, "examples")) != SM_OK ||
            (st = sm_rules_check_keys(c, n, "examples", ex_keys)) != SM_OK)
            return st;
        const sm_ynode *const *items;
        size_t cnt;
        if ((e = sm_ymap_get(n, "match"))) {
            if ((st = sm_rules_strings(c, e, "examples.match", &items,
                                       &cnt)) !=
                    SM_OK ||
                (st = dup_strings(c, items, cnt, &k->ex_match,
                                  &k->ex_match_line, &k->ex_match_col)) !=
                    SM_OK)
                return st;
            k->nex_match = cnt;
        }
        if ((e = sm_ymap_get(n, "no_match"))) {
            if ((st = sm_rules_strings(c, e, "examples.no_match", &items,
                                       &cnt)) !=
                    SM_OK ||
                (st = dup_strings(c, items, cnt, &k->ex_nomatch,
                                  &k->ex_nomatch_line, &k->ex_nomatch_col)) !=
                    SM_OK)
                return st;
            k->nex_nomatch = cnt;
        }
    }
    return SM_OK;
}

sm_status sm_rules_load_skills(sm_rules_ctx *c, const sm_ynode *list)
{
    sm_status st = sm_rules_need_kind(c, list, SM_Y_SEQ, "skills");
    for (size_t i = 0; st == SM_OK && i < list->n; i++) {
        sm_rules *r = c->r;
        const sm_ynode *idn =
            list->items[i]->kind == SM_Y_MAP ? sm_ymap_get(list->items[i],
                                                           "id") : NULL;
        if (idn && idn->kind == SM_Y_SCALAR)
            for (size_t j = 0; j < r->nskills; j++)
                if (!strcmp(r->skills[j].info.id, idn->value))
                    return bad(c, idn, "duplicate skill id '%s' (first "
                               "defined at %s:%d)", idn->value,
                               r->skills[j].info.file,
                               r->skills[j].info.line);
        sm_skill *k = SM_PUSH(r->skills, r->nskills, r->capskills);
        if (!k)
            return sm_fail(c->err, SM_ERR_NOMEM, c->file, 0, 0,
                           "out of memory");
        memset(k, 0, sizeof *k);
        k->index = (int)(r->nskills - 1);
        st = load_skill(c, list->items[i], k);
    }
    return st;
}

int sm_skill_order(const void *a, const void *b)
{
    const sm_skill *x = a, *y = b;
    if (x->category_idx != y->category_idx)
        return x->category_idx < y->category_idx ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}


/* ---- trigger index ---- */

sm_status sm_rules_build_triggers(sm_rules *r, sm_error *err)
{
    for (size_t i = 0; i < r->nskills; i++) {
        sm_skill *k = &r->skills[i];
        if (!k->ntriggers) {
            int *u = realloc(r->untriggered,
                             (r->nuntriggered + 1) * sizeof *u);
            if (!u)
                return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0,
                               "out of memory");
            r->untriggered = u;
            u[r->nuntriggered++] = (int)i;
        }
        for (size_t j = 0; j < k->ntriggers; j++) {
            char key[128];
            size_t len = strlen(k->triggers[j]);
            bool prefix = k->triggers[j][len - 1] == '*';
            if (prefix)
                len--;
            if (len >= sizeof key || (prefix && len >= 64))
                return sm_fail(err, SM_ERR_RULES, k->info.file, k->info.line,
                               0, "skill '%s': trigger too long",
                               k->info.id);
            memcpy(key, k->triggers[j], len);
            key[len] = '\0';
            if (sm_trigger_add(prefix ? &r->prefix : &r->exact, key, (int)i) !=
                SM_OK)
                return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0,
                               "out of memory");
            if (prefix)
                r->prefix_lens |= (uint64_t)1 << len;
            if (prefix && len < 2) {
                r->prefix_short = true;
            } else if (prefix && sm_alnum36((unsigned char)key[0]) >= 0 &&
                       sm_alnum36((unsigned char)key[1]) >= 0) {
                /* (a prefix with another byte never begins a word) */
                r->prefix_lens2[sm_alnum36((unsigned char)key[0]) * 36 +
                                sm_alnum36((unsigned char)key[1])] |=
                    (uint64_t)1 << len;
            }
        }
    }
    return SM_OK;
}
