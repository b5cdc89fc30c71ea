/* cli_config.h - which .skillmatch.yml applies to an input (cli_config.c),
 * for lint (its checks and ladder) and for check and screen (its level
 * ladder): --config FILE for every input, else the first one found from
 * the input's folder upward (standard input: the current folder),
 * stopping at the repository root; each file loaded once, before any
 * worker starts. */
#ifndef SM_CLI_CONFIG_H
#define SM_CLI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

typedef struct {
    const sm_rules *rules;
    sm_lint_config *forced;      /* --config */
    char **dirs;                 /* folders asked about ... */
    int *of_dir;                 /* ... and their configuration (-1: none) */
    size_t ndirs;
    char **paths;                /* configurations loaded, by path */
    sm_lint_config **cfgs;
    size_t npaths;
} cli_configs;

/* Load --config when given; EXIT_OK, or EXIT_USAGE after the message
 * (file:line:col). */
int cli_configs_open(cli_configs *c, const cli_opts *o, const sm_rules *rules);
/* The configuration of input `path` ("-": standard input), NULL when none
 * applies; *failed (left alone otherwise) after a message naming the
 * configuration's mistake, or when out of memory. */
const sm_lint_config *cli_config_for(cli_configs *c, const char *path,
                                     bool *failed);
/* The analysis options for `path`: o's, with its configuration's ladder. */
sm_options cli_config_options(cli_configs *c, const cli_opts *o,
                              const char *path, bool *failed);
/* cli_configs_open(), then the options of each of paths[0..n): an array
 * to free(), or NULL after the messages (every mistaken file named) with
 * nothing left to free. */
sm_options *cli_configs_options(cli_configs *c, const cli_opts *o,
                                const sm_rules *rules, char *const *paths,
                                size_t n);
void cli_configs_free(cli_configs *c);

#endif
