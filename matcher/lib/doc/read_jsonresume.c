/* read_jsonresume.c - the open resume.json schema (jsonresume.org) ->
 * lines under the headings its structure gives: basics (name, label,
 * summary), work and volunteer (position, name, dates, summary,
 * highlights), education (studyType, area, institution, dates), skills
 * (name, level, keywords), projects, publications, certificates,
 * languages, interests.
 * Each line's place is its JSON path ("work[2].highlights[0]") and its
 * section comes from the structure; the work dates become the job ranges
 * years.c counts (YYYY, YYYY-MM, YYYY-MM-DD; no endDate: present). Only
 * the known keys are walked, so nesting depth costs nothing here (jansson
 * bounds it while parsing). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "doc/formats.h"

typedef struct {
    sm_conv *c;
    char path[256];
} jr;

static const char *str(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The lines of `text` at JSON path `path`, with `prefix` before the first. */
static void put_at(jr *j, const char *path, const char *prefix,
                   const char *text)
{
    if (!text || !*text)
        return;
    int id = sm_conv_path(j->c, path);
    sm_conv_break(j->c);
    sm_conv_at(j->c, SM_PLACE_PATH, id, 0);
    if (prefix)
        sm_conv_puts(j->c, prefix);
    sm_conv_puts(j->c, text);
    sm_conv_put(j->c, "\n", 1);
}

static void heading(jr *j, const char *title, const char *section,
                    const char *path)
{
    int id = sm_conv_path(j->c, path);
    sm_conv_break(j->c);
    sm_conv_section(j->c, section);
    sm_conv_at(j->c, SM_PLACE_PATH, id, 0);
    sm_conv_put(j->c, "\n", 1);
    sm_conv_puts(j->c, title);
    sm_conv_put(j->c, "\n", 1);
}

/* A date of the schema: YYYY, YYYY-MM or YYYY-MM-DD; 0 when it is not. */
static int parse_date(const char *s, int *year, int *month)
{
    int y = 0, m = 0;
    if (!s)
        return 0;
    for (int i = 0; i < 4; i++) {
        if (!sm_is_digit((unsigned char)s[i]))
            return 0;
        y = y * 10 + (s[i] - '0');
    }
    if (s[4] == '-') {
        if (!sm_is_digit((unsigned char)s[5]) ||
            !sm_is_digit((unsigned char)s[6]))
            return 0;
        m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m < 1 || m > 12)
            return 0;
        if (s[7] == '-') {
            if (!sm_is_digit((unsigned char)s[8]) ||
                !sm_is_digit((unsigned char)s[9]) || s[10])
                return 0;
        } else if (s[7]) {
            return 0;
        }
    } else if (s[4]) {
        return 0;
    }
    *year = y;
    *month = m;
    return 1;
}

/* "2019-01 - present" for people; the range for years.c when it is work. */
static void dates(jr *j, const json_t *e, const char *path, bool work,
                  size_t first_line)
{
    const char *sd = str(e, "startDate"), *ed = str(e, "endDate");
    char line[96];
    if (!sd && !ed)
        return;
    snprintf(line, sizeof line, "%s - %s", sd ? sd : "?",
             ed && *ed ? ed : "present");
    char p[340];
    snprintf(p, sizeof p, "%s.startDate", path);
    put_at(j, p, NULL, line);
    int y1, m1, y2 = 0, m2 = 0;
    if (!work || !parse_date(sd, &y1, &m1))
        return;
    bool present = !ed || !*ed;
    if (!present && !parse_date(ed, &y2, &m2))
        return;
    sm_doc_src *src = j->c->src;
    sm_job_range *r = SM_PUSH(src->jobs, src->njobs, src->capjobs);
    if (!r) {
        j->c->oom = true;
        return;
    }
    /* the same month arithmetic as the text grammar of years.c */
    r->from = y1 * 12 + (m1 ? m1 - 1 : 0);
    if (present)
        r->to = -1;
    else if (m1 && !m2 && y2 > y1)
        r->to = y2 * 12;
    else
        r->to = y2 * 12 + (m2 ? m2 - 1 : (y2 == y1 ? 6 : 0));
    r->line = first_line;
}

static void list(jr *j, const json_t *arr, const char *path, const char *prefix)
{
    size_t i;
    const json_t *v;
    char p[300];
    json_array_foreach(arr, i, v) {
        snprintf(p, sizeof p, "%s[%zu]", path, i);
        put_at(j, p, prefix, json_string_value(v));
    }
}

/* work[] and volunteer[]: a heading line, dates, summary, highlights. */
static void jobs(jr *j, const json_t *arr, const char *key, bool work)
{
    size_t i;
    const json_t *e;
    char p[300], line[600];
    json_array_foreach(arr, i, e) {
        if (!json_is_object(e))
            continue;
        snprintf(p, sizeof p, "%s[%zu]", key, i);
        const char *pos = str(e, "position"), *org = str(e, "name");
        if (!org)
            org = str(e, "organization");
        snprintf(line, sizeof line, "%s%s%s", pos ? pos : "",
                 pos && org ? ", " : "", org ? org : "");
        sm_conv_break(j->c);
        size_t first = j->c->src->nlines - (j->c->need_line ? 0 : 1);
        char pp[320];
        snprintf(pp, sizeof pp, "%s.%s", p, pos ? "position" : "name");
        if (line[0])
            put_at(j, pp, NULL, line);
        else
            first = j->c->src->nlines;
        dates(j, e, p, work, first);
        snprintf(pp, sizeof pp, "%s.summary", p);
        put_at(j, pp, NULL, str(e, "summary"));
        snprintf(pp, sizeof pp, "%s.highlights", p);
        list(j, json_object_get(e, "highlights"), pp, "* ");
        sm_conv_break(j->c);
        sm_conv_put(j->c, "\n", 1);     /* a blank line between jobs */
    }
}

static void walk(jr *j, const json_t *root)
{
    const json_t *b = json_object_get(root, "basics"), *a;
    char p[300], line[1200];
    size_t i;
    const json_t *e;
    if (json_is_object(b)) {
        sm_conv_section(j->c, NULL);
        put_at(j, "basics.name", NULL, str(b, "name"));
        put_at(j, "basics.label", NULL, str(b, "label"));
        /* the contact line: location, email, phone, url, profiles */
        const json_t *loc = json_object_get(b, "location"), *pr, *x;
        const char *parts[16];
        size_t np = 0, n = 0;
        parts[np++] = str(loc, "city");
        parts[np++] = str(b, "email");
        parts[np++] = str(b, "phone");
        parts[np++] = str(b, "url");
        pr = json_object_get(b, "profiles");
        json_array_foreach(pr, i, x) {
            if (np < 16)
                parts[np++] = str(x, "url") ? str(x, "url") : str(x, "username");
        }
        line[0] = '\0';
        for (size_t k = 0; k < np; k++)
            if (parts[k] && n < sizeof line)
                n += (size_t)snprintf(line + n, sizeof line - n, "%s%s",
                                      n ? " | " : "", parts[k]);
        put_at(j, "basics", NULL, line);
        if (str(b, "summary")) {
            heading(j, "SUMMARY", "summary", "basics");
            put_at(j, "basics.summary", NULL, str(b, "summary"));
        }
    }
    if (json_array_size(a = json_object_get(root, "work"))) {
        heading(j, "EXPERIENCE", "experience", "work");
        jobs(j, a, "work", true);
    }
    if (json_array_size(a = json_object_get(root, "volunteer"))) {
        heading(j, "VOLUNTEER", "volunteer", "volunteer");
        jobs(j, a, "volunteer", false);
    }
    if (json_array_size(a = json_object_get(root, "skills"))) {
        heading(j, "SKILLS", "skills", "skills");
        json_array_foreach(a, i, e) {
            const char *name = str(e, "name"), *level = str(e, "level");
            const json_t *kw = json_object_get(e, "keywords");
            size_t n = 0, k;
            const json_t *w;
            n = (size_t)snprintf(line, sizeof line, "%s%s%s%s%s",
                                 name ? name : "", level ? " (" : "",
                                 level ? level : "", level ? ")" : "",
                                 json_array_size(kw) && name ? ": " : "");
            json_array_foreach(kw, k, w) {
                if (json_is_string(w) && n < sizeof line)
                    n += (size_t)snprintf(line + n, sizeof line - n, "%s%s",
                                          k ? ", " : "", json_string_value(w));
            }
            snprintf(p, sizeof p, "skills[%zu]", i);
            put_at(j, p, NULL, line);
        }
    }
    if (json_array_size(a = json_object_get(root, "projects"))) {
        heading(j, "PROJECTS", "projects", "projects");
        json_array_foreach(a, i, e) {
            char pp[320];
            snprintf(p, sizeof p, "projects[%zu]", i);
            snprintf(pp, sizeof pp, "%s.name", p);
            put_at(j, pp, "* ", str(e, "name"));
            snprintf(pp, sizeof pp, "%s.description", p);
            put_at(j, pp, NULL, str(e, "description"));
            snprintf(pp, sizeof pp, "%s.highlights", p);
            list(j, json_object_get(e, "highlights"), pp, "* ");
            snprintf(pp, sizeof pp, "%s.keywords", p);
            list(j, json_object_get(e, "keywords"), pp, NULL);
        }
    }
    if (json_array_size(a = json_object_get(root, "publications"))) {
        heading(j, "PUBLICATIONS", "publications", "publications");
        json_array_foreach(a, i, e) {
            char pp[320];
            snprintf(p, sizeof p, "publications[%zu]", i);
            snprintf(pp, sizeof pp, "%s.name", p);
            put_at(j, pp, "* ", str(e, "name"));
            snprintf(pp, sizeof pp, "%s.summary", p);
            put_at(j, pp, NULL, str(e, "summary"));
        }
    }
    if (json_array_size(a = json_object_get(root, "education"))) {
        heading(j, "EDUCATION", "education", "education");
        json_array_foreach(a, i, e) {
            const char *st = str(e, "studyType"), *ar = str(e, "area"),
                       *in = str(e, "institution"), *ed = str(e, "endDate");
            snprintf(line, sizeof line, "%s%s%s%s%s%s%s", st ? st : "",
                     st && ar ? " " : "", ar ? ar : "",
                     in && (st || ar) ? ", " : "", in ? in : "",
                     ed ? ", " : "", ed ? ed : "");
            snprintf(p, sizeof p, "education[%zu]", i);
            put_at(j, p, NULL, line);
        }
    }
    if (json_array_size(a = json_object_get(root, "certificates"))) {
        heading(j, "CERTIFICATIONS", "certifications", "certificates");
        json_array_foreach(a, i, e) {
            const char *nm = str(e, "name"), *is = str(e, "issuer"),
                       *dt = str(e, "date");
            snprintf(line, sizeof line, "%s%s%s%s%s", nm ? nm : "",
                     is ? ", " : "", is ? is : "", dt ? ", " : "",
                     dt ? dt : "");
            snprintf(p, sizeof p, "certificates[%zu]", i);
            put_at(j, p, NULL, line);
        }
    }
    if (json_array_size(a = json_object_get(root, "languages"))) {
        heading(j, "LANGUAGES", "languages", "languages");
        json_array_foreach(a, i, e) {
            const char *lg = str(e, "language"), *fl = str(e, "fluency");
            snprintf(line, sizeof line, "%s%s%s%s", lg ? lg : "",
                     fl ? " (" : "", fl ? fl : "", fl ? ")" : "");
            snprintf(p, sizeof p, "languages[%zu]", i);
            put_at(j, p, NULL, line);
        }
    }
    if (json_array_size(a = json_object_get(root, "interests"))) {
        heading(j, "INTERESTS", "interests", "interests");
        json_array_foreach(a, i, e) {
            snprintf(p, sizeof p, "interests[%zu]", i);
            put_at(j, p, NULL, str(e, "name"));
        }
    }
}

sm_status sm_read_jsonresume(const sm_read_input *in, sm_conv *c,
                             sm_error *err)
{
    json_error_t je;
    char ext[16];
    sm_format_extension(in->name, ext, sizeof ext);
    bool named_json = !strcmp(ext, "json");
    json_t *root = json_loadb(in->data, in->len, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        if (!named_json)
            return SM_ERR_UNSUPPORTED;   /* text that starts with '{' */
        return sm_fail(err, SM_ERR_BINARY, in->name, je.line, je.column,
                       "invalid JSON at line %d, column %d: %s; not read",
                       je.line, je.column, je.text);
    }
    if (!json_is_object(root) || (!json_object_get(root, "basics") &&
                                  !json_object_get(root, "work"))) {
        json_decref(root);
        if (!named_json)
            return SM_ERR_UNSUPPORTED;
        return sm_fail(err, SM_ERR_UNSUPPORTED, in->name, 0, 0,
                       "JSON, but not a JSON Resume (an object with "
                       "\"basics\" or \"work\"); not read");
    }
    jr j = {.c = c};
    walk(&j, root);
    json_decref(root);
    return SM_OK;
}
