/* child.c - a converter (pdftotext, the user's --pre command) run as a
 * child process without a shell: posix_spawnp (safe in threads), its own
 * process group so that a timeout kills whatever it started, pipes that no
 * other child inherits, output and time bounded, and memory and CPU capped
 * with prlimit() as soon as it runs. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "doc/formats.h"

extern char **environ;

enum { CHILD_MEMORY = 1024 << 20 };   /* address space: 1 GiB */

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int sm_child_memfd(const void *data, size_t len)
{
    int fd = memfd_create("skillmatch-input", MFD_CLOEXEC);
    const char *p = data;
    if (fd < 0)
        return -1;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            close(fd);
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    if (lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void kill_group(pid_t pid)
{
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
}

sm_status sm_child_run(const sm_child *c, const char *name,
                       sm_child_result *res, sm_error *err)
{
    int out[2] = {-1, -1}, errp[2] = {-1, -1};
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    bool fa_ok = false, attr_ok = false;
    pid_t pid = -1;
    sm_status st = SM_OK;
    size_t cap = 0, nerr = 0;
    const char *prog = c->argv[0];

    memset(res, 0, sizeof *res);
    res->exit_code = -1;
    if (pipe2(out, O_CLOEXEC) || pipe2(errp, O_CLOEXEC)) {
        st = sm_fail(err, SM_ERR_IO, name, 0, 0, "cannot run %s: %s", prog,
                     strerror(errno));
        goto done;
    }
    if (posix_spawn_file_actions_init(&fa) || !(fa_ok = true) ||
        posix_spawnattr_init(&attr) || !(attr_ok = true)) {
        st = sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
        goto done;
    }
    if (c->stdin_fd >= 0)
        posix_spawn_file_actions_adddup2(&fa, c->stdin_fd, 0);
    else
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
    sigset_t none, dfl;
    sigemptyset(&none);
    sigemptyset(&dfl);
    sigaddset(&dfl, SIGPIPE);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &dfl);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP |
                                        POSIX_SPAWN_SETSIGMASK |
                                        POSIX_SPAWN_SETSIGDEF);
    int e = posix_spawnp(&pid, prog, &fa, &attr, (char *const *)c->argv,
                         environ);
    if (e) {
        pid = -1;
        st = sm_fail(err, e == ENOENT ? SM_ERR_UNSUPPORTED : SM_ERR_IO, name,
                     0, 0, "cannot run %s: %s", prog, strerror(e));
        goto done;
    }
    struct rlimit mem = {CHILD_MEMORY, CHILD_MEMORY};
    int secs = c->timeout_ms / 1000 + 1;
    struct rlimit cpu = {(rlim_t)secs, (rlim_t)secs + 1};
    prlimit(pid, RLIMIT_AS, &mem, NULL);
    prlimit(pid, RLIMIT_CPU, &cpu, NULL);
    close(out[1]);
    close(errp[1]);
    out[1] = errp[1] = -1;

    long long deadline = now_ms() + c->timeout_ms;
    bool out_open = true, err_open = true;
    while (out_open || err_open) {
        struct pollfd pf[2] = {{out[0], POLLIN, 0}, {errp[0], POLLIN, 0}};
        long long left = deadline - now_ms();
        if (left <= 0) {
            kill_group(pid);
            st = sm_fail(err, SM_ERR_IO, name, 0, 0,
                         "%s took longer than %d s; stopped", prog,
                         (c->timeout_ms + 999) / 1000);
            goto done;
        }
        if (!out_open)
            pf[0].fd = -1;
        if (!err_open)
            pf[1].fd = -1;
        int r = poll(pf, 2, (int)(left > 1000 ? 1000 : left));
        if (r < 0 && errno != EINTR) {
            kill_group(pid);
            st = sm_fail(err, SM_ERR_IO, name, 0, 0, "%s: %s", prog,
                         strerror(errno));
            goto done;
        }
        if (r <= 0)
            continue;
        if (out_open && pf[0].revents) {
            if (res->len + 65536 + 1 > cap &&
                !sm_reserve((void **)&res->out, &cap, res->len + 65536 + 1,
                            1)) {
                kill_group(pid);
                st = sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
                goto done;
            }
            ssize_t k = read(out[0], res->out + res->len, 65536);
            if (k > 0) {
                res->len += (size_t)k;
                if (res->len > c->max_out) {
                    kill_group(pid);
                    st = sm_fail(err, SM_ERR_TOO_LARGE, name, 0, 0,
                                 "%s wrote more than the limit of %zu "
                                 "bytes; stopped", prog, c->max_out);
                    goto done;
                }
            } else if (k == 0 || errno != EINTR) {
                out_open = false;
            }
        }
        if (err_open && pf[1].revents) {
            char junk[4096];
            char *to = nerr + 1 < sizeof res->errtext ? res->errtext + nerr
                                                      : junk;
            size_t want = to == junk ? sizeof junk
                                     : sizeof res->errtext - 1 - nerr;
            ssize_t k = read(errp[0], to, want);
            if (k > 0 && to != junk) {
                nerr += (size_t)k;
                res->errtext[nerr] = '\0';
            } else if (k == 0 || (k < 0 && errno != EINTR)) {
                err_open = false;
            }
        }
    }
    /* both pipes closed: wait for its end, within the time left */
    for (;;) {
        int status;
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) {
            pid = -1;
            if (WIFEXITED(status)) {
                res->exit_code = WEXITSTATUS(status);
            } else {
                res->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
                if (res->signal == SIGXCPU || res->signal == SIGKILL)
                    st = sm_fail(err, SM_ERR_IO, name, 0, 0,
                                 "%s ran out of time; stopped", prog);
            }
            break;
        }
        if (w < 0 && errno != EINTR) {
            pid = -1;
            break;
        }
        if (now_ms() >= deadline) {
            kill_group(pid);
            st = sm_fail(err, SM_ERR_IO, name, 0, 0,
                         "%s took longer than %d s; stopped", prog,
                         (c->timeout_ms + 999) / 1000);
            break;
        }
        struct timespec ts = {0, 2 * 1000000};
        nanosleep(&ts, NULL);
    }
done:
    if (pid > 0) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    }
    for (int i = 0; i < 2; i++) {
        if (out[i] >= 0)
            close(out[i]);
        if (errp[i] >= 0)
            close(errp[i]);
    }
    if (fa_ok)
        posix_spawn_file_actions_destroy(&fa);
    if (attr_ok)
        posix_spawnattr_destroy(&attr);
    if (st != SM_OK) {
        free(res->out);
        res->out = NULL;
        res->len = 0;
    } else if (!res->out && !(res->out = calloc(1, 1))) {
        st = sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
    } else {
        res->out[res->len] = '\0';
    }
    return st;
}
