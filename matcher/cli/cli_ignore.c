/* cli_ignore.c - what a folder walk leaves out: --exclude GLOB (on the
 * path relative to the walk's root and on the base name, as ripgrep's
 * -g '!GLOB'), and the .gitignore and .ignore files of the folders walked
 * (a subset of git's rules: '#' comments, '!' negation, a trailing '/' for
 * folders only, a leading or inner '/' anchoring to the file's folder,
 * '*', '?', '[...]', '**'; the nearest file wins, and in one folder
 * .ignore over .gitignore, as ripgrep does). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_walk.h"

/* ---- globs ---- */

/* A [...] class at p (just after '['): *end past its ']'; -1 when it is
 * not a class (no closing bracket), else whether c is in it. */
static int class_match(const char *p, char c, const char **end)
{
    bool neg = *p == '!' || *p == '^', in = false;
    if (neg)
        p++;
    const char *start = p;
    for (; *p && (*p != ']' || p == start); p++) {
        char lo = *p, hi = *p;
        if (p[1] == '-' && p[2] && p[2] != ']') {
            hi = p[2];
            p += 2;
        }
        if (c >= lo && c <= hi)
            in = true;
    }
    if (!*p)
        return -1;
    *end = p + 1;
    return in != neg;
}

/* Does glob p match s? A star and '?' stop at '/', a double star does
 * not (followed by '/', it is zero or more folders). */
static bool glob_match(const char *p, const char *s)
{
    for (;;) {
        if (p[0] == '*' && p[1] == '*') {
            const char *q = p + 2;
            if (*q == '/') {
                for (const char *t = s;; t++) {
                    if (glob_match(q + 1, t))
                        return true;
                    if (!(t = strchr(t, '/')))
                        return false;
                }
            }
            for (const char *t = s;; t++) {
                if (glob_match(q, t))
                    return true;
                if (!*t)
                    return false;
            }
        }
        switch (*p) {
        case '\0':
            return !*s;
        case '*':
            for (const char *t = s;; t++) {
                if (glob_match(p + 1, t))
                    return true;
                if (!*t || *t == '/')
                    return false;
            }
        case '?':
            if (!*s || *s == '/')
                return false;
            p++, s++;
            continue;
        case '[': {
            const char *end;
            int m = *s && *s != '/' ? class_match(p + 1, *s, &end) : 0;
            if (m == 0)
                return false;
            if (m > 0) {
                p = end, s++;
                continue;
            }
            break;                   /* not a class: a plain '[' */
        }
        case '\\':
            if (p[1])
                p++;
            break;
        }
        if (*p != *s)
            return false;
        p++, s++;
    }
}

bool walk_excluded(const cli_opts *o, const char *rel, bool is_dir)
{
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    for (int i = 0; i < o->nexcludes; i++) {
        char g[1024];
        snprintf(g, sizeof g, "%s", o->excludes[i]);
        size_t n = strlen(g);
        bool dir_only = n > 1 && g[n - 1] == '/';
        if (dir_only)
            g[n - 1] = '\0';
        if (dir_only && !is_dir)
            continue;
        if (glob_match(g, rel) || glob_match(g, base))
            return true;
    }
    return false;
}

/* ---- ignore files ---- */

typedef struct {
    char *pat;
    bool neg, dir_only, anchored;
} ignore_rule;

struct ignore_file {
    char *dir;
    ignore_rule *v;              /* .gitignore's rules, then .ignore's:
                                    the last that matches decides */
    size_t n, cap;
};

static bool read_rules(ignore_file *f, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    FILE *in = fopen(path, "r");
    if (!in)
        return true;
    char line[4096];
    bool ok = true;
    while (ok && fgets(line, sizeof line, in)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        while (n && line[n - 1] == ' ' && (n < 2 || line[n - 2] != '\\'))
            line[--n] = '\0';        /* trailing spaces, unless escaped */
        if (!n || line[0] == '#')
            continue;
        ignore_rule r = {0};
        char *p = line;
        if (*p == '!') {
            r.neg = true;
            p++;
        } else if (*p == '\\' && (p[1] == '!' || p[1] == '#')) {
            p++;
        }
        n = strlen(p);
        if (n && p[n - 1] == '/') {
            r.dir_only = true;
            p[--n] = '\0';
        }
        if (!n)
            continue;
        r.anchored = strchr(p, '/') != NULL;
        if (*p == '/')
            p++;
        if (f->n == f->cap) {
            size_t cap = f->cap ? f->cap * 2 : 16;
            ignore_rule *v = realloc(f->v, cap * sizeof *v);
            if (!v) {
                ok = false;
                break;
            }
            f->v = v;
            f->cap = cap;
        }
        if (!(r.pat = strdup(p))) {
            ok = false;
            break;
        }
        f->v[f->n++] = r;
    }
    fclose(in);
    return ok;
}

ignore_file *ignore_read(const char *dir, bool *oom)
{
    ignore_file *f = calloc(1, sizeof *f);
    if (!f || !(f->dir = strdup(dir))) {
        free(f);
        *oom = true;
        return NULL;
    }
    /* .ignore after .gitignore, so that its rules win */
    if (!read_rules(f, ".gitignore") || !read_rules(f, ".ignore"))
        *oom = true;
    if (!f->n) {
        ignore_free(f);
        return NULL;
    }
    return f;
}

void ignore_free(ignore_file *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].pat);
    free(f->v);
    free(f->dir);
    free(f);
}

int ignore_match(const ignore_file *f, const char *path, bool is_dir)
{
    size_t dl = strlen(f->dir);
    if (strncmp(path, f->dir, dl))
        return 0;
    const char *rel = path + dl;
    while (*rel == '/')
        rel++;
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    for (size_t i = f->n; i-- > 0;) {
        const ignore_rule *r = &f->v[i];
        if (r->dir_only && !is_dir)
            continue;
        if (glob_match(r->pat, r->anchored ? rel : base))
            return r->neg ? -1 : 1;
    }
    return 0;
}
