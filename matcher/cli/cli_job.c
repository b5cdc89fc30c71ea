/* cli_job.c - the postings of --job FILE (repeatable, '-' for standard
 * input) and --jobs DIR (its files, sorted by name, not walked further),
 * loaded once and analysed once for every resume to be matched against. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_job.h"

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static bool add_path(cli_jobs *J, const char *path)
{
    if (J->n == J->cap) {
        size_t cap = J->cap ? J->cap * 2 : 8;
        char **np = realloc(J->paths, cap * sizeof *np);
        sm_job **nj = realloc(J->v, cap * sizeof *nj);
        if (np)
            J->paths = np;
        if (nj)
            J->v = nj;
        if (!np || !nj)
            return false;
        J->cap = cap;
    }
    if (!(J->paths[J->n] = strdup(path)))
        return false;
    J->v[J->n++] = NULL;
    return true;
}

static bool add_dir(cli_jobs *J, const char *dir, bool hidden)
{
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, by_name);
    if (n < 0) {
        cli_error("--jobs %s: %s", dir, strerror(errno));
        return false;
    }
    bool ok = true, any = false;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        char path[4096];
        struct stat sb;
        snprintf(path, sizeof path, "%s%s%s", dir,
                 dir[strlen(dir) - 1] == '/' ? "" : "/", name);
        if (ok && (hidden || name[0] != '.') && stat(path, &sb) == 0 &&
            S_ISREG(sb.st_mode)) {
            ok = add_path(J, path);
            any = true;
        }
        free(names[i]);
    }
    free(names);
    if (ok && !any) {
        cli_error("--jobs %s: no posting in this folder", dir);
        return false;
    }
    if (!ok)
        cli_error("out of memory");
    return ok;
}

int cli_jobs_load(const cli_opts *o, const sm_rules *rules, sm_scratch *s,
                  cli_jobs *J)
{
    memset(J, 0, sizeof *J);
    for (int i = 0; i < o->npostings; i++)
        if (!add_path(J, o->postings[i])) {
            cli_error("out of memory");
            return EXIT_USAGE;
        }
    if (o->postings_dir && !add_dir(J, o->postings_dir, o->hidden))
        return EXIT_USAGE;
    for (size_t i = 0; i < J->n; i++) {
        sm_doc *doc = NULL;
        sm_error err = {0};
        sm_status st = sm_doc_load_file(J->paths[i], o->max_size, &doc, &err);
        if (st == SM_OK) {
            cli_warn_doc(doc, o);
            st = sm_job_new(rules, s, doc, &o->analyze, &J->v[i], &err);
        }
        sm_doc_free(doc);
        if (st != SM_OK) {
            cli_report(&err, NULL);
            return st == SM_ERR_IO || st == SM_ERR_BINARY ||
                           st == SM_ERR_EMPTY || st == SM_ERR_TOO_LARGE ||
                           st == SM_ERR_UNSUPPORTED
                       ? EXIT_INPUT : EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

void cli_jobs_free(cli_jobs *J)
{
    for (size_t i = 0; i < J->n; i++) {
        sm_job_free(J->v[i]);
        free(J->paths[i]);
    }
    free(J->v);
    free(J->paths);
    memset(J, 0, sizeof *J);
}
