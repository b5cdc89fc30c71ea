/* render_lint.c - lint results -> text, JSON, GitHub workflow commands,
 * SARIF 2.1.0, JUnit XML and a Markdown summary. JSON and SARIF are built
 * with jansson so that every string is escaped correctly; the escaping of
 * the other formats is each format's own and lives here. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"
#include "lint/lint.h"
#include "rules/rules.h"
#include "util/util.h"

static const char *sarif_level(sm_severity s)
{
    return s == SM_SEVERITY_ERROR ? "error"
           : s == SM_SEVERITY_WARNING ? "warning"
                                      : "note";
}

typedef struct {
    size_t drafts, errors, warnings, infos;
} totals;

static totals count(const sm_lint_result *const *rs, size_t n)
{
    totals t = {n, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < rs[i]->nfindings; j++) {
            sm_severity s = rs[i]->findings[j].severity;
            if (s == SM_SEVERITY_ERROR)
                t.errors++;
            else if (s == SM_SEVERITY_WARNING)
                t.warnings++;
            else
                t.infos++;
        }
    return t;
}

static void plural(FILE *out, size_t n, const char *one, const char *many)
{
    fprintf(out, "%zu %s", n, n == 1 ? one : many);
}

static void summary_line(FILE *out, const totals *t)
{
    plural(out, t->drafts, "draft", "drafts");
    fputs(": ", out);
    plural(out, t->errors, "error", "errors");
    fputs(", ", out);
    plural(out, t->warnings, "warning", "warnings");
    fputs(", ", out);
    plural(out, t->infos, "note", "notes");
}

/* ---- text ---- */

static void render_text(const sm_lint_result *const *rs, size_t n,
                        unsigned flags, FILE *out)
{
    bool color = flags & SM_RENDER_COLOR;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < rs[i]->nfindings; j++) {
            const sm_lint_finding *f = &rs[i]->findings[j];
            const char *c = f->severity == SM_SEVERITY_ERROR ? "\033[1;31m"
                            : f->severity == SM_SEVERITY_WARNING
                                ? "\033[1;33m"
                                : "\033[1;36m";
            fprintf(out, "%s%s:%d:%d:%s %s%s%s: %s [%s]\n",
                    color ? "\033[1m" : "", rs[i]->file, f->line, f->col,
                    color ? "\033[0m" : "", color ? c : "",
                    sm_severity_name(f->severity), color ? "\033[0m" : "",
                    f->message, f->check->id);
        }
}

/* ---- GitHub workflow commands ---- */

/* Data: %, CR and LF; a property also : and , (as @actions/core does). */
static void gh_escape(FILE *out, const char *s, bool property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':':
            if (property) {
                fputs("%3A", out);
                break;
            }
            fputc(*s, out);
            break;
        case ',':
            if (property) {
                fputs("%2C", out);
                break;
            }
            fputc(*s, out);
            break;
        default: fputc(*s, out);
        }
    }
}

enum { GITHUB_SHOWN = 10 };   /* annotations of one kind shown per step */

static void render_github(const sm_lint_result *const *rs, size_t n,
                          FILE *out)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < rs[i]->nfindings; j++) {
            const sm_lint_finding *f = &rs[i]->findings[j];
            const char *cmd = f->severity == SM_SEVERITY_ERROR ? "error"
                              : f->severity == SM_SEVERITY_WARNING
                                  ? "warning"
                                  : "notice";
            char title[160];
            snprintf(title, sizeof title, "skillmatch: %s", f->check->id);
            fprintf(out, "::%s file=", cmd);
            gh_escape(out, rs[i]->file, true);
            fprintf(out, ",line=%d,col=%d,title=", f->line, f->col);
            gh_escape(out, title, true);
            fputs("::", out);
            gh_escape(out, f->message, false);
            fputc('\n', out);
        }
    totals t = count(rs, n);
    fputs("skillmatch lint: ", out);
    summary_line(out, &t);
    if (t.errors > GITHUB_SHOWN || t.warnings > GITHUB_SHOWN ||
        t.infos > GITHUB_SHOWN)
        fprintf(out, " (GitHub shows only %d annotations of each kind per "
                "step: see the job summary or the log above for all)",
                GITHUB_SHOWN);
    fputc('\n', out);
}

/* ---- Markdown (the job summary) ---- */

static void md_escape(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '|': fputs("\\|", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '\n': case '\r': fputc(' ', out); break;
        case '`': case '*': case '_': case '[': case ']': case '\\':
            fputc('\\', out);
            fputc(*s, out);
            break;
        default: fputc(*s, out);
        }
    }
}

enum { MARKDOWN_ROWS = 500 };   /* a job summary holds at most 1 MiB */

static void render_markdown(const sm_lint_result *const *rs, size_t n,
                            FILE *out)
{
    totals t = count(rs, n);
    fputs("### skillmatch lint\n\n", out);
    summary_line(out, &t);
    fputs("\n\n| Draft | Level | Told from | Errors | Warnings | Notes |\n"
          "|---|---|---|---:|---:|---:|\n", out);
    for (size_t i = 0; i < n; i++) {
        size_t e = 0, w = 0, x = 0;
        for (size_t j = 0; j < rs[i]->nfindings; j++) {
            sm_severity s = rs[i]->findings[j].severity;
            e += s == SM_SEVERITY_ERROR;
            w += s == SM_SEVERITY_WARNING;
            x += s == SM_SEVERITY_INFO;
        }
        fputs("| ", out);
        md_escape(out, rs[i]->file);
        fprintf(out, " | %s | %s | %zu | %zu | %zu |\n",
                sm_level_name(rs[i]->level),
                sm_level_source_name(rs[i]->level_source), e, w, x);
    }
    if (!t.errors && !t.warnings && !t.infos)
        return;
    fputs("\n| Draft | Line | Severity | Check | Message |\n"
          "|---|---:|---|---|---|\n", out);
    size_t rows = 0, all = t.errors + t.warnings + t.infos;
    for (size_t i = 0; i < n && rows < MARKDOWN_ROWS; i++)
        for (size_t j = 0; j < rs[i]->nfindings && rows < MARKDOWN_ROWS;
             j++, rows++) {
            const sm_lint_finding *f = &rs[i]->findings[j];
            fputs("| ", out);
            md_escape(out, rs[i]->file);
            fprintf(out, " | %d:%d | %s | %s | ", f->line, f->col,
                    sm_severity_name(f->severity), f->check->id);
            md_escape(out, f->message);
            fputs(" |\n", out);
        }
    if (all > rows)
        fprintf(out, "\n%zu more findings are in the log.\n", all - rows);
}

/* ---- JSON ---- */

static json_t *opt_string(const char *s)
{
    return s ? sm_json_string_any(s) : json_null();
}

static sm_status render_json(const sm_lint_result *const *rs, size_t n,
                             FILE *out)
{
    bool ok = true;
    json_t *arr = json_array();
    if (!arr)
        return SM_ERR_NOMEM;
    for (size_t i = 0; i < n && ok; i++) {
        const sm_lint_result *r = rs[i];
        json_t *o = json_object(), *fs = json_array();
        if (!o || !fs) {
            json_decref(o);
            json_decref(fs);
            ok = false;
            break;
        }
        sm_json_put(o, "file", sm_json_string_any(r->file), &ok);
        sm_json_put(o, "level", json_string(sm_level_name(r->level)), &ok);
        sm_json_put(o, "level_source",
                    json_string(sm_level_source_name(r->level_source)), &ok);
        sm_json_put(o, "title", opt_string(r->title), &ok);
        for (size_t j = 0; j < r->nfindings && ok; j++) {
            const sm_lint_finding *f = &r->findings[j];
            json_t *x = json_object();
            if (!x) {
                ok = false;
                break;
            }
            sm_json_put(x, "check", json_string(f->check->id), &ok);
            sm_json_put(x, "severity",
                        json_string(sm_severity_name(f->severity)), &ok);
            sm_json_put(x, "line", json_integer(f->line), &ok);
            sm_json_put(x, "col", json_integer(f->col), &ok);
            sm_json_put(x, "message", sm_json_string_any(f->message), &ok);
            sm_json_put(x, "source", opt_string(f->source), &ok);
            sm_json_append(fs, x, &ok);
        }
        sm_json_put(o, "findings", fs, &ok);
        sm_json_append(arr, o, &ok);
    }
    char *s = ok ? json_dumps(arr, JSON_INDENT(2)) : NULL;
    json_decref(arr);
    if (!s)
        return SM_ERR_NOMEM;
    fprintf(out, "%s\n", s);
    free(s);
    return SM_OK;
}

/* ---- SARIF 2.1.0 ---- */

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

static sm_status render_sarif(const sm_lint_result *const *rs, size_t n,
                              FILE *out)
{
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

/* ---- JUnit XML ---- */

/* XML 1.0 text or attribute: the five entities, line breaks kept in
 * attributes as character references, characters XML forbids and
 * invalid UTF-8 replaced by U+FFFD. */
static void xml_escape(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        if (c < 0x80) {
            switch (c) {
            case '&': fputs("&amp;", out); break;
            case '<': fputs("&lt;", out); break;
            case '>': fputs("&gt;", out); break;
            case '"': fputs("&quot;", out); break;
            case '\'': fputs("&apos;", out); break;
            case '\n': fputs("&#10;", out); break;
            case '\t': fputs("&#9;", out); break;
            case '\r': fputs("&#13;", out); break;
            default:
                if (c < 0x20 || c == 0x7F)
                    fputs("\xEF\xBF\xBD", out);
                else
                    fputc(c, out);
            }
            p++;
            continue;
        }
        size_t k = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                   : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        bool valid = k > 0;
        for (size_t i = 1; valid && i < k; i++)
            valid = (p[i] & 0xC0) == 0x80;
        /* U+FFFE and U+FFFF are not XML characters either */
        if (valid && k == 3 && c == 0xEF && p[1] == 0xBF &&
            (p[2] == 0xBE || p[2] == 0xBF))
            valid = false;
        if (valid) {
            fwrite(p, 1, k, out);
            p += k;
        } else {
            fputs("\xEF\xBF\xBD", out);
            p++;
        }
    }
}

static void render_junit(const sm_lint_result *const *rs, size_t n,
                         sm_severity fail_on, FILE *out)
{
    size_t tests = 0, failures = 0;
    for (size_t i = 0; i < n; i++) {
        tests += rs[i]->nfindings ? rs[i]->nfindings : 1;
        if (fail_on != SM_SEVERITY_OFF)
            failures += sm_lint_result_count(rs[i], fail_on);
    }
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
    fprintf(out, "<testsuites name=\"skillmatch lint\" tests=\"%zu\" "
            "failures=\"%zu\" errors=\"0\">\n", tests, failures);
    for (size_t i = 0; i < n; i++) {
        const sm_lint_result *r = rs[i];
        size_t f = fail_on != SM_SEVERITY_OFF
                       ? sm_lint_result_count(r, fail_on)
                       : 0;
        fputs("  <testsuite name=\"", out);
        xml_escape(out, r->file);
        fprintf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
                "skipped=\"0\" file=\"", r->nfindings ? r->nfindings : 1, f);
        xml_escape(out, r->file);
        fputs("\">\n    <properties>\n", out);
        fprintf(out, "      <property name=\"level\" value=\"%s\"/>\n",
                sm_level_name(r->level));
        fprintf(out, "      <property name=\"level_source\" value=\"%s\"/>\n",
                sm_level_source_name(r->level_source));
        fputs("    </properties>\n", out);
        if (!r->nfindings) {
            fputs("    <testcase name=\"no findings\" classname=\"", out);
            xml_escape(out, r->file);
            fputs("\"/>\n", out);
        }
        for (size_t j = 0; j < r->nfindings; j++) {
            const sm_lint_finding *x = &r->findings[j];
            bool failed = fail_on != SM_SEVERITY_OFF && x->severity >= fail_on;
            /* the name says which finding it is: a check can have several
             * findings at one place (missing requirements) */
            char name[120];
            size_t len = strlen(x->message);
            snprintf(name, sizeof name, "%s", x->message);
            if (len >= sizeof name) {   /* cut at a character boundary */
                size_t cut = sizeof name - 4;
                while (cut > 0 && ((unsigned char)name[cut] & 0xC0) == 0x80)
                    cut--;
                memcpy(name + cut, "...", 4);
            }
            fprintf(out, "    <testcase name=\"%s %d:%d: ", x->check->id,
                    x->line, x->col);
            xml_escape(out, name);
            fputs("\" classname=\"", out);
            xml_escape(out, r->file);
            fputs("\">\n", out);
            if (failed) {
                fprintf(out, "      <failure type=\"%s\" message=\"",
                        sm_severity_name(x->severity));
                xml_escape(out, x->message);
                fputs("\">", out);
            } else {
                fputs("      <system-out>", out);
            }
            xml_escape(out, r->file);
            fprintf(out, ":%d:%d: %s: ", x->line, x->col,
                    sm_severity_name(x->severity));
            xml_escape(out, x->message);
            fprintf(out, " [%s]</%s>\n", x->check->id,
                    failed ? "failure" : "system-out");
            fputs("    </testcase>\n", out);
        }
        fputs("  </testsuite>\n", out);
    }
    fputs("</testsuites>\n", out);
}

/* ---- entry points ---- */

sm_status sm_lint_format_parse(const char *name, sm_lint_format *out)
{
    static const char *const names[] = {"text", "json", "github", "sarif",
                                        "junit", "markdown", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(name, names[i])) {
            *out = (sm_lint_format)i;
            return SM_OK;
        }
    return SM_ERR_ARG;
}

sm_status sm_lint_render(const sm_lint_result *const *results, size_t n,
                         sm_lint_format fmt,
                         const sm_lint_render_options *opt, FILE *out)
{
    unsigned flags = opt ? opt->flags : 0;
    sm_severity fail_on = opt ? opt->fail_on : SM_SEVERITY_ERROR;
    switch (fmt) {
    case SM_LINT_TEXT: render_text(results, n, flags, out); return SM_OK;
    case SM_LINT_JSON: return render_json(results, n, out);
    case SM_LINT_GITHUB: render_github(results, n, out); return SM_OK;
    case SM_LINT_SARIF: return render_sarif(results, n, out);
    case SM_LINT_JUNIT: render_junit(results, n, fail_on, out); return SM_OK;
    case SM_LINT_MARKDOWN: render_markdown(results, n, out); return SM_OK;
    }
    return SM_ERR_ARG;
}
