/* cli_job.h - the postings given with --job and --jobs (cli_job.c). */
#ifndef SM_CLI_JOB_H
#define SM_CLI_JOB_H

#include "cli.h"

typedef struct {
    sm_job **v;              /* analysed postings, in the order given */
    char **paths;
    size_t n, cap;
} cli_jobs;

/* Load and analyse every posting of --job and --jobs. EXIT_OK, or the exit
 * status to give (the error printed). */
int cli_jobs_load(const cli_opts *o, const sm_rules *rules, sm_scratch *s,
                  cli_jobs *J);
void cli_jobs_free(cli_jobs *J);

#endif
