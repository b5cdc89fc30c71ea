/* cli_progress.c - screen's progress bar on a terminal's standard error:
 * files done of all, the rate and the time left (a stream: documents and
 * the rate), redrawn every PROGRESS_MS at most. */
#include <stdio.h>
#include <time.h>

#include "cli_screen.h"

static double since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) +
           (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

void screen_progress_start(screen_progress *p, bool on, size_t total)
{
    p->on = on;
    p->total = total;
    clock_gettime(CLOCK_MONOTONIC, &p->start);
    p->last = p->start;
}

void screen_progress_draw(screen_progress *p, cli_pool *pool)
{
    if (!p->on || since(&p->last) < PROGRESS_MS / 1000.0)
        return;
    size_t done = cli_pool_done(pool);
    clock_gettime(CLOCK_MONOTONIC, &p->last);
    double t = since(&p->start), rate = t > 0 ? (double)done / t : 0;
    fputs("\r\033[K", stderr);
    if (p->total) {
        enum { BAR = 24 };
        int full = (int)((double)done / (double)p->total * BAR);
        fputc('[', stderr);
        for (int i = 0; i < BAR; i++)
            fputc(i < full ? '#' : '.', stderr);
        fprintf(stderr, "] %zu/%zu files  %.0f/s", done, p->total, rate);
        if (rate > 0 && done < p->total) {
            long left = (long)((double)(p->total - done) / rate + 0.5);
            fprintf(stderr, "  %ld:%02ld left", left / 60, left % 60);
        }
    } else {
        fprintf(stderr, "%zu documents  %.0f/s", done, rate);
    }
    fflush(stderr);
}

void screen_progress_clear(screen_progress *p)
{
    if (p->on) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}
