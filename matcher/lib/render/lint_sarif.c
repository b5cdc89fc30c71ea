/* lint_sarif.c - lint results as SARIF 2.1.0: every check the drafts
 * were linted with as a rule, every finding as a result. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "lint/lint.h"
#include "render/render.h"
#include "rules/rules.h"
#include "util/util.h"

static const char *sarif_level(sm_severity s)
{
    return s == SM_SEVERITY_ERROR ? "error"
           : s == SM_SEVERITY_WARNING ? "warning"
                                      : "note";
}

/* "missing-required" -> "MissingRequired": SARIF's friendly rule name. */
static json_t *rule_name(const char *id)
{
    char buf[128];
    size_t n = 0;
    bool up = true;
    for (const char *p = id; *p && n + 1 < sizeof buf; p++) {
        if (*p == '-' || *p == '_') {
            up = true;
            continue;
        }
        buf[n++] = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p;
        up = false;
    }
    buf[n] = '\0';
    return json_string(buf);
}

static json_t *text_obj(const char *s)
{
    json_t *o = json_object();
    if (o &&
        json_object_set_new(o, "text", sm_json_string_any(s ? s : "")) != 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* A file name as a URI reference: RFC 3986 unreserved characters and '/'
 * as they are, everything else percent-encoded; "./" dropped. */
static char *uri_of(const char *path, bool *absolute)
{
    static const char hex[] = "0123456789ABCDEF";
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    *absolute = path[0] == '/';
    size_t n = strlen(path);
    char *u = malloc(n * 3 + 8);
    if (!u)
        return NULL;
    size_t o = 0;
    if (*absolute) {
        memcpy(u, "file://", 7);
        o = 7;
    }
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
            u[o++] = (char)*p;
        } else {
            u[o++] = '%';
            u[o++] = hex[*p >> 4];
            u[o++] = hex[*p & 15];
        }
    }
    u[o] = '\0';
    return u;
}

/* Every check the results were linted with, once, in order. */
static const sm_lint_check_info **all_checks(const sm_lint_result *const *rs,
                                             size_t n, size_t *count)
{
    const sm_lint_check_info **v = NULL;
    size_t nv = 0, cap = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = sm_lint_check_count(rs[i]->rules, rs[i]->cfg);
        for (size_t j = 0; j < k; j++) {
            const sm_lint_check_info *c =
                sm_lint_check(rs[i]->rules, rs[i]->cfg, j);
            bool have = false;
            for (size_t x = 0; x < nv && !have; x++)
                have = !strcmp(v[x]->id, c->id);
            if (have)
                continue;
            const sm_lint_check_info **slot = SM_PUSH(v, nv, cap);
            if (!slot) {
                free(v);
                return NULL;
            }
            *slot = c;
        }
    }
    *count = nv;
    if (!v)
        v = calloc(1, sizeof *v);
    return v;
}

sm_status sm_render_lint_sarif(const sm_lint_renderer *lr)
{
    const sm_lint_result *const *rs = lr->rs;
    size_t n = lr->n;
    FILE *out = lr->out;
    bool ok = true;
    size_t nchecks = 0;
    const sm_lint_check_info **checks = all_checks(rs, n, &nchecks);
    json_t *root = json_object(), *runs = json_array(), *run = json_object();
    json_t *tool = json_object(), *driver = json_object();
    json_t *rules = json_array(), *results = json_array();
    if (!checks || !root || !runs || !run || !tool || !driver || !rules ||
        !results) {
        free(checks);
        json_decref(root);
        json_decref(runs);
        json_decref(run);
        json_decref(tool);
        json_decref(driver);
        json_decref(rules);
        json_decref(results);
        return SM_ERR_NOMEM;
    }
    sm_json_put(root, "$schema", json_string("https://json.schemastore.org/"
                                             "sarif-2.1.0.json"), &ok);
    sm_json_put(root, "version", json_string("2.1.0"), &ok);
    sm_json_put(driver, "name", json_string("skillmatch"), &ok);
    sm_json_put(driver, "version", json_string(SM_VERSION), &ok);
    sm_json_put(driver, "semanticVersion", json_string(SM_VERSION), &ok);
    for (size_t i = 0; i < nchecks && ok; i++) {
        const sm_lint_check_info *c = checks[i];
        json_t *r = json_object(), *cfg = json_object(),
               *props = json_object(), *tags = json_array();
        if (!r || !cfg || !props || !tags) {
            json_decref(r);
            json_decref(cfg);
            json_decref(props);
            json_decref(tags);
            ok = false;
            break;
        }
        sm_json_put(r, "id", json_string(c->id), &ok);
        sm_json_put(r, "name", rule_name(c->id), &ok);
        sm_json_put(r, "shortDescription", text_obj(c->summary), &ok);
        sm_json_put(r, "fullDescription", text_obj(c->description), &ok);
        sm_json_put(r, "help", text_obj(c->help), &ok);
        sm_json_put(cfg, "level", json_string(sarif_level(c->severity)), &ok);
        sm_json_put(r, "defaultConfiguration", cfg, &ok);
        sm_json_append(tags, json_string("job-description"), &ok);
        sm_json_append(tags, json_string(c->kind), &ok);
        sm_json_put(props, "tags", tags, &ok);
        if (c->source)
            sm_json_put(props, "source", json_string(c->source), &ok);
        sm_json_put(r, "properties", props, &ok);
        sm_json_append(rules, r, &ok);
    }
    sm_json_put(driver, "rules", rules, &ok);
    sm_json_put(tool, "driver", driver, &ok);
    sm_json_put(run, "tool", tool, &ok);
    sm_json_put(run, "columnKind", json_string("unicodeCodePoints"), &ok);
    for (size_t i = 0; i < n && ok; i++) {
        bool absolute;
        char *uri = uri_of(rs[i]->file, &absolute);
        if (!uri) {
            ok = false;
            break;
        }
        for (size_t j = 0; j < rs[i]->nfindings && ok; j++) {
            const sm_lint_finding *f = &rs[i]->findings[j];
            json_t *res = json_object(), *locs = json_array(),
                   *loc = json_object(), *phys = json_object(),
                   *art = json_object(), *reg = json_object();
            if (!res || !locs || !loc || !phys || !art || !reg) {
                json_decref(res);
                json_decref(locs);
                json_decref(loc);
                json_decref(phys);
                json_decref(art);
                json_decref(reg);
                ok = false;
                break;
            }
            size_t index = 0;
            for (size_t x = 0; x < nchecks; x++)
                if (!strcmp(checks[x]->id, f->check->id))
                    index = x;
            sm_json_put(res, "ruleId", json_string(f->check->id), &ok);
            sm_json_put(res, "ruleIndex", json_integer((json_int_t)index),
                        &ok);
            sm_json_put(res, "level", json_string(sarif_level(f->severity)),
                        &ok);
            sm_json_put(res, "message", text_obj(f->message), &ok);
            sm_json_put(art, "uri", json_string(uri), &ok);
            if (!absolute)
                sm_json_put(art, "uriBaseId", json_string("%SRCROOT%"), &ok);
            sm_json_put(reg, "startLine", json_integer(f->line), &ok);
            sm_json_put(reg, "startColumn", json_integer(f->col), &ok);
            sm_json_put(phys, "artifactLocation", art, &ok);
            sm_json_put(phys, "region", reg, &ok);
            sm_json_put(loc, "physicalLocation", phys, &ok);
            sm_json_append(locs, loc, &ok);
            sm_json_put(res, "locations", locs, &ok);
            if (f->source) {
                json_t *props = json_object();
                sm_json_put(props, "source", json_string(f->source), &ok);
                sm_json_put(res, "properties", props, &ok);
            }
            sm_json_append(results, res, &ok);
        }
        free(uri);
    }
    sm_json_put(run, "results", results, &ok);
    sm_json_append(runs, run, &ok);
    sm_json_put(root, "runs", runs, &ok);
    free(checks);
    char *s = ok ? json_dumps(root, JSON_INDENT(2)) : NULL;
    json_decref(root);
    if (!s)
        return SM_ERR_NOMEM;
    fprintf(out, "%s\n", s);
    free(s);
    return SM_OK;
}
