/* cli_pool.c - a fixed set of worker threads fed through a bounded queue.
 * Pushing waits while the queue is full, so the producer never runs
 * further ahead of the workers than the queue allows, and memory stays
 * bounded however many tasks there are. Tasks carry their own result
 * slot; the pool only counts finished tasks. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cli_pool.h"

typedef struct {
    cli_pool *pool;
    void *state;
    pthread_t tid;
} worker;

struct cli_pool {
    pthread_mutex_t mu;
    pthread_cond_t not_empty, not_full, progress;
    void **queue;            /* ring buffer */
    size_t cap, head, count;
    size_t done;
    size_t waiting_for;      /* cli_pool_wait() wakes when done passes it */
    bool stopping;
    cli_pool_fn fn;
    worker *workers;
    int nworkers, started;
};

int cli_pool_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

static void *work(void *arg)
{
    worker *w = arg;
    cli_pool *p = w->pool;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->count && !p->stopping)
            pthread_cond_wait(&p->not_empty, &p->mu);
        if (!p->count)
            break;                       /* stopping and nothing left */
        void *task = p->queue[p->head];
        p->head = (p->head + 1) % p->cap;
        p->count--;
        /* wake a waiting producer only once half the queue is free, so
         * that it fills it in one go instead of a task per wake-up */
        if (p->count <= p->cap / 2)
            pthread_cond_signal(&p->not_full);
        pthread_mutex_unlock(&p->mu);
        p->fn(task, w->state);
        pthread_mutex_lock(&p->mu);
        if (p->done++ == p->waiting_for)   /* the one the waiter wants */
            pthread_cond_broadcast(&p->progress);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* An absolute CLOCK_MONOTONIC deadline `ms` from now. */
static struct timespec deadline(int ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}

cli_pool *cli_pool_new(int nworkers, size_t queue_cap, cli_pool_fn fn,
                       void **states)
{
    cli_pool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->not_empty, &ca);
    pthread_cond_init(&p->not_full, &ca);
    pthread_cond_init(&p->progress, &ca);
    pthread_condattr_destroy(&ca);
    p->fn = fn;
    p->cap = queue_cap ? queue_cap : 1;
    p->nworkers = nworkers > 0 ? nworkers : 1;
    p->queue = calloc(p->cap, sizeof *p->queue);
    p->workers = calloc((size_t)p->nworkers, sizeof *p->workers);
    if (!p->queue || !p->workers) {
        cli_pool_free(p);
        return NULL;
    }
    for (int i = 0; i < p->nworkers; i++) {
        worker *w = &p->workers[i];
        w->pool = p;
        w->state = states ? states[i] : NULL;
        if (pthread_create(&w->tid, NULL, work, w) != 0) {
            cli_pool_free(p);
            return NULL;
        }
        p->started++;
    }
    return p;
}

bool cli_pool_push(cli_pool *p, void *task, int timeout_ms)
{
    struct timespec until = {0, 0};
    if (timeout_ms >= 0)
        until = deadline(timeout_ms);
    pthread_mutex_lock(&p->mu);
    while (p->count == p->cap) {
        if (timeout_ms < 0) {
            pthread_cond_wait(&p->not_full, &p->mu);
        } else if (pthread_cond_timedwait(&p->not_full, &p->mu, &until) ==
                   ETIMEDOUT) {
            if (p->count == p->cap) {
                pthread_mutex_unlock(&p->mu);
                return false;
            }
        }
    }
    p->queue[(p->head + p->count) % p->cap] = task;
    p->count++;
    pthread_cond_signal(&p->not_empty);
    pthread_mutex_unlock(&p->mu);
    return true;
}

size_t cli_pool_wait(cli_pool *p, size_t seen, int timeout_ms)
{
    struct timespec until = {0, 0};
    if (timeout_ms >= 0)
        until = deadline(timeout_ms);
    pthread_mutex_lock(&p->mu);
    p->waiting_for = seen;
    while (p->done <= seen) {
        if (timeout_ms < 0)
            pthread_cond_wait(&p->progress, &p->mu);
        else if (pthread_cond_timedwait(&p->progress, &p->mu, &until) ==
                 ETIMEDOUT)
            break;
    }
    size_t done = p->done;
    pthread_mutex_unlock(&p->mu);
    return done;
}

size_t cli_pool_done(cli_pool *p)
{
    pthread_mutex_lock(&p->mu);
    size_t done = p->done;
    pthread_mutex_unlock(&p->mu);
    return done;
}

void cli_pool_free(cli_pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stopping = true;
    pthread_cond_broadcast(&p->not_empty);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->started; i++)
        pthread_join(p->workers[i].tid, NULL);
    pthread_cond_destroy(&p->not_empty);
    pthread_cond_destroy(&p->not_full);
    pthread_cond_destroy(&p->progress);
    pthread_mutex_destroy(&p->mu);
    free(p->queue);
    free(p->workers);
    free(p);
}
