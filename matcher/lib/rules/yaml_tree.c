/* yaml_tree.c - libyaml event loop -> a small tree of nodes that keep their
 * line and column, so that the rules loader can name file:line:col in every
 * error. Aliases and anchors are refused (no "billion laughs"); nesting
 * depth and node count are bounded. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "rules/rules.h"
#include "util/util.h"

enum { MAX_DEPTH = 64, MAX_NODES = 1000000 };

void sm_ynode_free(sm_ynode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n; i++)
        sm_ynode_free(n->items[i]);
    free(n->items);
    free(n->value);
    free(n);
}

static sm_ynode *node_new(sm_ynode_kind kind, const yaml_mark_t *m)
{
    sm_ynode *n = calloc(1, sizeof *n);
    if (n) {
        n->self = n;
        n->kind = kind;
        n->line = (int)m->line + 1;
        n->col = (int)m->column + 1;
    }
    return n;
}

static bool node_add(sm_ynode *parent, sm_ynode *child)
{
    sm_ynode **slot = SM_PUSH(parent->items, parent->n, parent->cap);
    if (!slot)
        return false;
    *slot = child;
    return true;
}

sm_status sm_yaml_parse(const char *file, const char *data, size_t len,
                        sm_ynode **out, sm_error *err)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    sm_ynode *stack[MAX_DEPTH + 1];
    int depth = 0;
    size_t nodes = 0;
    sm_ynode *root = NULL;
    sm_status st = SM_OK;
    bool done = false;

    if (!yaml_parser_initialize(&parser))
        return sm_fail(err, SM_ERR_NOMEM, file, 0, 0, "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);

    while (!done) {
        if (!yaml_parser_parse(&parser, &ev)) {
            const yaml_mark_t *m = &parser.problem_mark;
            st = sm_fail(err, SM_ERR_RULES, file, (int)m->line + 1,
                         (int)m->column + 1, "YAML: %s%s%s",
                         parser.problem ? parser.problem : "syntax error",
                         parser.context ? " " : "",
                         parser.context ? parser.context : "");
            break;
        }
        sm_ynode *n = NULL;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (root) {
                st = sm_fail(err, SM_ERR_RULES, file,
                             (int)ev.start_mark.line + 1,
                             (int)ev.start_mark.column + 1,
                             "only one YAML document per file");
            }
            break;
        case YAML_ALIAS_EVENT:
            st = sm_fail(err, SM_ERR_RULES, file, (int)ev.start_mark.line + 1,
                         (int)ev.start_mark.column + 1,
                         "YAML aliases are not allowed in rules");
            break;
        case YAML_SCALAR_EVENT:
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            const yaml_char_t *anchor =
                ev.type == YAML_SCALAR_EVENT ? ev.data.scalar.anchor
                : ev.type == YAML_SEQUENCE_START_EVENT
                    ? ev.data.sequence_start.anchor
                    : ev.data.mapping_start.anchor;
            if (anchor) {
                st = sm_fail(err, SM_ERR_RULES, file,
                             (int)ev.start_mark.line + 1,
                             (int)ev.start_mark.column + 1,
                             "YAML anchors are not allowed in rules");
                break;
            }
            if (++nodes > MAX_NODES) {
                st = sm_fail(err, SM_ERR_RULES, file,
                             (int)ev.start_mark.line + 1,
                             (int)ev.start_mark.column + 1,
                             "too many YAML nodes (limit %d)", MAX_NODES);
                break;
            }
            n = node_new(ev.type == YAML_SCALAR_EVENT ? SM_Y_SCALAR
                         : ev.type == YAML_SEQUENCE_START_EVENT ? SM_Y_SEQ
                                                                 : SM_Y_MAP,
                         &ev.start_mark);
            if (!n) {
                st = sm_fail(err, SM_ERR_NOMEM, file, 0, 0, "out of memory");
                break;
            }
            if (ev.type == YAML_SCALAR_EVENT) {
                n->value = sm_strndup((const char *)ev.data.scalar.value,
                                      ev.data.scalar.length);
                n->len = ev.data.scalar.length;
                n->quoted = ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
                if (!n->value) {
                    free(n);
                    st = sm_fail(err, SM_ERR_NOMEM, file, 0, 0,
                                 "out of memory");
                    break;
                }
            }
            if (depth > 0) {
                if (!node_add(stack[depth - 1], n)) {
                    sm_ynode_free(n);
                    st = sm_fail(err, SM_ERR_NOMEM, file, 0, 0,
                                 "out of memory");
                    break;
                }
            } else if (!root) {
                root = n;
            } else {
                sm_ynode_free(n);
            }
            if (ev.type != YAML_SCALAR_EVENT) {
                if (depth >= MAX_DEPTH) {
                    st = sm_fail(err, SM_ERR_RULES, file,
                                 (int)ev.start_mark.line + 1,
                                 (int)ev.start_mark.column + 1,
                                 "YAML nesting deeper than %d", MAX_DEPTH);
                    break;
                }
                stack[depth++] = n;
            }
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            if (depth > 0)
                depth--;
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
        if (st != SM_OK)
            break;
    }
    yaml_parser_delete(&parser);
    if (st != SM_OK) {
        sm_ynode_free(root);
        return st;
    }
    *out = root;   /* NULL for an empty file */
    return SM_OK;
}

/* ---- reading a tree ---- */

const sm_ynode *sm_ymap_get(const sm_ynode *map, const char *key)
{
    if (!map || map->kind != SM_Y_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->n; i += 2)
        if (map->items[i]->kind == SM_Y_SCALAR &&
            strcmp(map->items[i]->value, key) == 0)
            return map->items[i + 1];
    return NULL;
}

sm_status sm_ymap_check_keys(const char *file, const sm_ynode *map,
                             const char *what, const char *const *allowed,
                             sm_error *err)
{
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const sm_ynode *k = map->items[i];
        if (k->kind != SM_Y_SCALAR)
            return sm_fail(err, SM_ERR_RULES, file, k->line, k->col,
                           "%s: keys must be plain strings", what);
        bool ok = false;
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = !strcmp(*a, k->value);
        if (!ok) {
            char list[400] = "";
            for (const char *const *a = allowed; *a; a++)
                snprintf(list + strlen(list), sizeof list - strlen(list),
                         "%s%s", *a, a[1] ? ", " : "");
            return sm_fail(err, SM_ERR_RULES, file, k->line, k->col,
                           "%s: unknown key '%s' (expected: %s)", what,
                           k->value, list);
        }
        for (size_t j = 0; j < i; j += 2)
            if (!strcmp(map->items[j]->value, k->value))
                return sm_fail(err, SM_ERR_RULES, file, k->line, k->col,
                               "%s: key '%s' given twice", what, k->value);
    }
    return SM_OK;
}

sm_status sm_ynode_fail(sm_error *err, const char *file, const sm_ynode *n,
                        const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return sm_fail(err, SM_ERR_RULES, file, n ? n->line : 0, n ? n->col : 0,
                   "%s", msg);
}

sm_status sm_ynode_number(const char *file, const sm_ynode *n,
                          const char *what, double lo, double hi, double *out,
                          sm_error *err)
{
    char *end;
    if (!n || n->kind != SM_Y_SCALAR)
        return sm_fail(err, SM_ERR_RULES, file, n ? n->line : 0,
                       n ? n->col : 0, "%s must be a number", what);
    errno = 0;
    double v = strtod(n->value, &end);
    if (end == n->value || *end || errno)
        return sm_fail(err, SM_ERR_RULES, file, n->line, n->col,
                       "%s must be a number, not '%s'", what, n->value);
    if (!(v >= lo && v <= hi))   /* NaN fails both */
        return sm_fail(err, SM_ERR_RULES, file, n->line, n->col,
                       "%s must be between %g and %g", what, lo, hi);
    *out = v;
    return SM_OK;
}

sm_status sm_ynode_strings(const char *file, const sm_ynode *n,
                           const char *what, const sm_ynode *const **items,
                           size_t *count, sm_error *err)
{
    if (n->kind == SM_Y_SCALAR) {
        *items = (const sm_ynode *const *)&n->self;
        *count = 1;
        return SM_OK;
    }
    if (n->kind != SM_Y_SEQ)
        return sm_fail(err, SM_ERR_RULES, file, n->line, n->col,
                       "%s must be a string or a list of strings", what);
    for (size_t i = 0; i < n->n; i++)
        if (n->items[i]->kind != SM_Y_SCALAR)
            return sm_fail(err, SM_ERR_RULES, file, n->items[i]->line,
                           n->items[i]->col, "%s: each item must be a string",
                           what);
    *items = (const sm_ynode *const *)n->items;
    *count = n->n;
    return SM_OK;
}

sm_status sm_yaml_load_file(const char *path, size_t max_bytes,
                            sm_status fail_code, sm_ynode **root,
                            sm_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return sm_fail(err, fail_code, path, 0, 0, "%s", strerror(errno));
    char *buf = malloc(max_bytes + 1);
    if (!buf) {
        fclose(f);
        return sm_fail(err, SM_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    size_t n = fread(buf, 1, max_bytes + 1, f);
    bool failed = ferror(f);
    fclose(f);
    if (failed || n > max_bytes) {
        free(buf);
        return sm_fail(err, fail_code, path, 0, 0, failed ? "read error" :
                       "larger than %zu bytes", max_bytes);
    }
    sm_status st = sm_yaml_parse(path, buf, n, root, err);
    free(buf);
    return st;
}
