/* cli_pool.h - a fixed set of worker threads fed through a bounded queue
 * (cli_pool.c), for `screen` and `lint`. */
#ifndef SM_CLI_POOL_H
#define SM_CLI_POOL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cli_pool cli_pool;
/* Runs one task on a worker; `state` is that worker's own state. */
typedef void (*cli_pool_fn)(void *task, void *state);

/* `nworkers` threads, each handed states[i]; at most `queue_cap` tasks
 * wait. NULL when the threads cannot be started. */
cli_pool *cli_pool_new(int nworkers, size_t queue_cap, cli_pool_fn fn,
                       void **states);
/* Queue a task, waiting while the queue is full; gives up after
 * `timeout_ms` (< 0: never) and returns false, the task not queued. */
bool cli_pool_push(cli_pool *p, void *task, int timeout_ms);
/* Wait until more than `seen` tasks are done or `timeout_ms` passed;
 * returns how many are done. */
size_t cli_pool_wait(cli_pool *p, size_t seen, int timeout_ms);
/* How many tasks are done. */
size_t cli_pool_done(cli_pool *p);
/* Finish the queued tasks, stop the workers, release the pool (NULL is
 * fine). */
void cli_pool_free(cli_pool *p);
/* The number of processors online (at least 1). */
int cli_pool_cpus(void);

#endif
