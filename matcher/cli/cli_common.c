/* cli_common.c - diagnostics, finding and loading the rules, output
 * files written atomically, and check's JSON array or lines. */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef SM_RULES_DIR
#define SM_RULES_DIR "/usr/local/share/skillmatch/rules"
#endif

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("skillmatch: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void cli_report(const sm_error *e, const char *kind)
{
    fputs("skillmatch: ", stderr);
    if (e->file[0]) {
        fputs(e->file, stderr);
        if (e->line > 0) {
            fprintf(stderr, ":%d", e->line);
            if (e->col > 0)
                fprintf(stderr, ":%d", e->col);
        }
        fputs(": ", stderr);
    }
    if (kind)
        fprintf(stderr, "%s: ", kind);
    fprintf(stderr, "%s\n", e->msg[0] ? e->msg : sm_strerror(e->code));
}

void cli_warn_doc(const sm_doc *doc, const cli_opts *o)
{
    if (o->quiet)
        return;
    for (size_t i = 0; i < sm_doc_warning_count(doc); i++)
        cli_report(sm_doc_warning(doc, i), "warning");
}

sm_read_options cli_read_options(const cli_opts *o)
{
    sm_read_options r = {.max_size = o->max_size, .pre = o->pre,
                         .timeout_ms = o->timeout * 1000,
                         .stdin_name = o->stdin_name};
    return r;
}

static bool is_dir(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

const char *cli_default_rules(void)
{
    static char found[PATH_MAX];
    const char *env = getenv("SKILLMATCH_RULES");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *dir = dirname(exe);
        static const char *const rel[] = {"../share/skillmatch/rules",
                                          "../rules", NULL};
        for (const char *const *r = rel; *r; r++) {
            char rel_path[PATH_MAX + 64];
            snprintf(rel_path, sizeof rel_path, "%s/%s", dir, *r);
            if (is_dir(rel_path) && realpath(rel_path, found))
                return found;
        }
    }
    return SM_RULES_DIR;
}

sm_rules *cli_load_rules(const cli_opts *o)
{
    sm_rules *rules = NULL;
    sm_error err = {0};
    const char *dir = o->rules_dir ? o->rules_dir : cli_default_rules();
    if (sm_rules_load(dir, &rules, &err) != SM_OK) {
        cli_report(&err, NULL);
        return NULL;
    }
    if (!o->quiet)
        for (size_t i = 0; i < sm_rules_warning_count(rules); i++)
            cli_report(sm_rules_warning(rules, i), "warning");
    return rules;
}

bool cli_out_open(cli_out *out, const char *path)
{
    memset(out, 0, sizeof *out);
    if (!path || !strcmp(path, "-")) {
        out->f = stdout;
        return true;
    }
    /* A device or a pipe (-o /dev/stdout) is written as it is; only a
     * regular file goes through a temporary file renamed into place. */
    struct stat sb;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        if (!(out->f = fopen(path, "w"))) {
            cli_error("%s: cannot write: %s", path, strerror(errno));
            return false;
        }
        out->final = path;
        return true;
    }
    size_t n = strlen(path) + 16;
    out->tmp = malloc(n);
    if (!out->tmp) {
        cli_error("%s: out of memory", path);
        return false;
    }
    snprintf(out->tmp, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(out->tmp);
    if (fd < 0 || !(out->f = fdopen(fd, "w"))) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(out->tmp);
        }
        free(out->tmp);
        out->tmp = NULL;
        return false;
    }
    /* mkstemp makes the file 0600; a report is an ordinary file */
    mode_t um = umask(0);
    umask(um);
    fchmod(fd, 0666 & ~um);
    out->final = path;
    return true;
}

bool cli_out_close(cli_out *out, bool keep)
{
    bool ok = true;
    if (!out->f)
        return false;
    if (fflush(out->f) != 0 || ferror(out->f))
        ok = false;
    if (out->f == stdout) {
        if (!ok)
            cli_error("write error on standard output");
        return ok;
    }
    if (!out->tmp) {            /* a device or pipe, written directly */
        if (fclose(out->f) != 0)
            ok = false;
        out->f = NULL;
        if (!ok)
            cli_error("%s: write failed", out->final);
        return ok;
    }
    if (fclose(out->f) != 0)
        ok = false;
    out->f = NULL;
    if (ok && keep && rename(out->tmp, out->final) != 0) {
        cli_error("%s: %s", out->final, strerror(errno));
        ok = false;
    }
    if (!ok || !keep)
        unlink(out->tmp);
    if (!ok && keep)
        cli_error("%s: write failed", out->final);
    free(out->tmp);
    out->tmp = NULL;
    return ok;
}

bool cli_check_format(const char *fmt, bool *json, bool *lines, bool *html)
{
    fmt = fmt ? fmt : "text";
    *json = !strcmp(fmt, "json") || !strcmp(fmt, "jsonl");
    *lines = !strcmp(fmt, "jsonl");
    *html = !strcmp(fmt, "html");
    if (!*json && !*html && strcmp(fmt, "text")) {
        cli_error("check: unknown format '%s' (text, json, jsonl or html)",
                  fmt);
        return false;
    }
    return true;
}

void cli_json_list_begin(cli_json_list *l, FILE *f, bool lines)
{
    l->f = f;
    l->lines = lines;
    l->n = 0;
}

void cli_json_list_item(cli_json_list *l, const char *js)
{
    if (!l->lines)
        fputs(l->n ? ",\n" : "[\n", l->f);
    fputs(js, l->f);
    if (l->lines)
        fputc('\n', l->f);
    l->n++;
}

void cli_json_list_end(cli_json_list *l)
{
    if (!l->lines)
        fputs(l->n ? "\n]\n" : "[]\n", l->f);
}
