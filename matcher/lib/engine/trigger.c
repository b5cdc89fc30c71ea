/* trigger.c - the trigger words of the rules: the tables the loader
 * fills (a word or a prefix -> skills, uthash), and the copy of each that
 * a scratch keeps for lookups as a paragraph's words are read. */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "util/util.h"

/* ---- the tables ---- */

sm_status sm_trigger_add(sm_trigger **table, const char *key, int skill)
{
    sm_trigger *t;
    HASH_FIND_STR(*table, key, t);
    if (!t) {
        t = calloc(1, sizeof *t);
        if (!t || !(t->key = sm_strdup(key))) {
            free(t);
            return SM_ERR_NOMEM;
        }
        HASH_ADD_KEYPTR(hh, *table, t->key, strlen(t->key), t);
    }
    for (size_t i = 0; i < t->n; i++)
        if (t->skills[i] == skill)
            return SM_OK;
    int *slot = SM_PUSH(t->skills, t->n, t->cap);
    if (!slot)
        return SM_ERR_NOMEM;
    *slot = skill;
    return SM_OK;
}

void sm_trigger_table_free(sm_trigger **table)
{
    sm_trigger *t, *tmp;
    HASH_ITER(hh, *table, t, tmp) {
        HASH_DEL(*table, t);
        free(t->key);
        free(t->skills);
        free(t);
    }
}

/* ---- the lookup copy ---- */

bool sm_trigger_index_build(sm_trigger_index *ix, const sm_trigger *table)
{
    size_t n = HASH_COUNT(table), cap = 16;
    while (cap < n * 2)
        cap *= 2;
    ix->slots = calloc(cap, sizeof *ix->slots);
    ix->filter = calloc(65536 / 64, sizeof *ix->filter);
    ix->mask = cap - 1;
    if (!ix->slots || !ix->filter) {
        sm_trigger_index_free(ix);
        return false;
    }
    for (const sm_trigger *t = table; t; t = t->hh.next) {
        uint64_t h = SM_FNV_BASIS;
        for (const char *c = t->key; *c; c++)
            h = (h ^ (unsigned char)*c) * SM_FNV_PRIME;
        size_t i = (size_t)h & ix->mask;
        while (ix->slots[i].key)
            i = (i + 1) & ix->mask;
        ix->slots[i] = (sm_trigger_slot){h, t->key, strlen(t->key),
                                         t->skills, t->n};
        ix->filter[(h & 0xFFFF) / 64] |= (uint64_t)1 << (h & 63);
    }
    return true;
}

void sm_trigger_index_free(sm_trigger_index *ix)
{
    free(ix->slots);
    free(ix->filter);
    ix->slots = NULL;
    ix->filter = NULL;
}
