/* regex.c - PCRE2 compile at load (which checks every pattern); the JIT
 * where it pays, a pattern's copy compiled after it has run often (or all
 * at load, on every core, when SKILLMATCH_JIT=eager); finding a match with
 * a thread's scratch (scratch.c). A negative pcre2_match() result other
 * than NOMATCH is an error, never "no match". */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/engine.h"
#include "util/util.h"

enum { MAX_PATTERN = 64 * 1024 };

/* For a pattern anchored at the start offset (by ^, or PCRE2_ANCHORED),
 * the bytes a match can begin with, when PCRE2 knows them: a call at a
 * place holding another byte is answered without running the pattern.
 * A known first code unit that is an ASCII letter stands for both its
 * cases (the pattern may be caseless); other ones are not used. */
static void first_bytes(sm_regex *re)
{
    uint32_t opts = 0, type = 0, unit = 0, empty = 1;
    const uint8_t *map = NULL;
    re->first_known = false;
    if (pcre2_pattern_info(re->code, PCRE2_INFO_ALLOPTIONS, &opts) != 0 ||
        !(opts & PCRE2_ANCHORED) ||
        pcre2_pattern_info(re->code, PCRE2_INFO_MATCHEMPTY, &empty) != 0 ||
        empty)
        return;
    if (pcre2_pattern_info(re->code, PCRE2_INFO_FIRSTBITMAP, &map) == 0 &&
        map) {
        memcpy(re->first, map, sizeof re->first);
        re->first_known = true;
    } else if (pcre2_pattern_info(re->code, PCRE2_INFO_FIRSTCODETYPE,
                                  &type) == 0 && type == 1 &&
               pcre2_pattern_info(re->code, PCRE2_INFO_FIRSTCODEUNIT,
                                  &unit) == 0 && unit < 0x80) {
        memset(re->first, 0, sizeof re->first);
        re->first[unit / 8] |= (uint8_t)(1u << unit % 8);
        if ((unit | 0x20) >= 'a' && (unit | 0x20) <= 'z') {
            unit ^= 0x20;            /* the other case */
            re->first[unit / 8] |= (uint8_t)(1u << unit % 8);
        }
        re->first_known = true;
    }
}

/* PCRE2's words for error code rc. */
static void pcre2_text(int rc, char *buf, size_t cap)
{
    if (pcre2_get_error_message(rc, (PCRE2_UCHAR *)buf, cap) < 0 && cap)
        snprintf(buf, cap, "PCRE2 error %d", rc);
}

sm_status sm_regex_match_fail(const sm_regex *re, int rc, sm_error *err)
{
    char buf[256];
    pcre2_text(rc, buf, sizeof buf);
    return sm_fail(err, SM_ERR_MATCH, re->file, re->line, re->col,
                   "pattern '%.80s': %s", re->src, buf);
}

sm_status sm_regex_compile(sm_regex *re, const char *src, uint32_t extra,
                           const char *file, int line, int col, sm_error *err)
{
    int ec;
    PCRE2_SIZE eo;
    memset(re, 0, sizeof *re);
    re->search = re->bound = SM_NO_FACTOR;   /* until sm_regex_plan_all() */
    if (strlen(src) > MAX_PATTERN)
        return sm_fail(err, SM_ERR_REGEX, file, line, col,
                       "pattern longer than %d bytes", MAX_PATTERN);
    /* USE_OFFSET_LIMIT: the matcher may say where a match must start by */
    re->code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                             PCRE2_CASELESS | PCRE2_UTF |
                                 PCRE2_USE_OFFSET_LIMIT | extra,
                             &ec, &eo, NULL);
    if (!re->code) {
        char buf[256];
        pcre2_text(ec, buf, sizeof buf);
        return sm_fail(err, SM_ERR_REGEX, file, line, col,
                       "bad pattern: %s at offset %zu", buf, (size_t)eo);
    }
    first_bytes(re);
    re->src = sm_strdup(src);
    if (!re->src) {
        pcre2_code_free(re->code);
        re->code = NULL;
        return sm_fail(err, SM_ERR_NOMEM, file, line, col, "out of memory");
    }
    re->file = file;
    re->line = line;
    re->col = col;
    /* the literal parser reads the default syntax only */
    if (!(extra & ~(uint32_t)(PCRE2_ANCHORED | PCRE2_ENDANCHORED |
                              PCRE2_MULTILINE | PCRE2_DOTALL |
                              PCRE2_DOLLAR_ENDONLY | PCRE2_NO_AUTO_CAPTURE)))
        sm_prefilter_literals(src, &re->lits, &re->nlits, &re->max_breaks,
                              &re->lit_off);
    else
        re->max_breaks = -1;
    return SM_OK;
}

/* ---- JIT compilation, when it pays ---- */

/* A pattern's JIT copy. The interpreter runs re->code, which nothing
 * changes after load; the JIT compiles a copy of it, made by the one
 * thread whose find is the SM_JIT_AFTER-th, and published with a release
 * store: a thread sees either no copy (and runs the interpreter) or a
 * finished one. For one resume the JIT costs more than it saves (the
 * compile, and the kernel clearing the pages it asks for); in a bulk run
 * the patterns that run often get it. */
struct sm_jit_slot {
    _Atomic(pcre2_code *) code;   /* the JIT copy; NULL until made */
    atomic_uint finds;            /* finds so far, up to SM_JIT_AFTER */
};

enum { JIT_LAZY, JIT_EAGER, JIT_OFF };

static int jit_mode(void)
{
    const char *m = getenv("SKILLMATCH_JIT");
    if (m && strcmp(m, "eager") == 0)
        return JIT_EAGER;
    if (m && strcmp(m, "off") == 0)
        return JIT_OFF;
    return JIT_LAZY;
}

static pcre2_code *jit_copy(const sm_regex *re)
{
    pcre2_code *c = pcre2_code_copy(re->code);
    if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) == 0) {
        atomic_store_explicit(&re->jit->code, c, memory_order_release);
        return c;
    }
    pcre2_code_free(c);
    return NULL;
}

void sm_regex_jit(sm_regex *re)
{
    /* SM_NO_JIT builds use the interpreter only: `make valgrind` does,
     * since JIT code reads whole vectors past the subject by design, and
     * so that the fallback is tested. A slot that cannot be had leaves
     * the interpreter in charge too. */
#ifndef SM_NO_JIT
    int mode = jit_mode();
    if (!re->code || re->jit || mode == JIT_OFF ||
        !(re->jit = calloc(1, sizeof *re->jit)))
        return;
    if (mode == JIT_EAGER) {
        atomic_store_explicit(&re->jit->finds, SM_JIT_AFTER,
                              memory_order_relaxed);
        jit_copy(re);
    }
#else
    (void)re;
#endif
}

/* The JIT copy to run, or NULL for the interpreter; counts the find. */
static pcre2_code *jit_code(const sm_regex *re)
{
    if (!re->jit)
        return NULL;
    pcre2_code *c = atomic_load_explicit(&re->jit->code,
                                         memory_order_acquire);
    if (c || atomic_load_explicit(&re->jit->finds, memory_order_relaxed) >=
                 SM_JIT_AFTER)
        return c;
    if (atomic_fetch_add_explicit(&re->jit->finds, 1,
                                  memory_order_relaxed) + 1 == SM_JIT_AFTER)
        return jit_copy(re);
    return NULL;
}

#ifndef SM_NO_JIT
typedef struct {
    sm_regex *const *res;
    size_t n;
    atomic_size_t next;
} jit_job;

static void *jit_worker(void *arg)
{
    jit_job *j = arg;
    for (size_t i; (i = atomic_fetch_add(&j->next, 1)) < j->n;)
        sm_regex_jit(j->res[i]);
    return NULL;
}
#endif

void sm_regex_jit_all(sm_regex *const *res, size_t n)
{
#ifdef SM_NO_JIT
    (void)res;
    (void)n;
#else
    /* lazily, nothing to compile now, so no threads */
    if (jit_mode() != JIT_EAGER) {
        for (size_t i = 0; i < n; i++)
            sm_regex_jit(res[i]);
        return;
    }
    enum { PER_THREAD = 64, MAX_THREADS = 8 };
    jit_job j = {res, n, 0};
    pthread_t t[MAX_THREADS];
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t want = n / PER_THREAD, started = 0;
    if (cpus > 0 && want > (size_t)cpus)
        want = (size_t)cpus;
    if (want > MAX_THREADS)
        want = MAX_THREADS;
    for (size_t k = 1; k < want; k++)   /* this thread is one of them */
        if (pthread_create(&t[started], NULL, jit_worker, &j) == 0)
            started++;
    jit_worker(&j);
    for (size_t k = 0; k < started; k++)
        pthread_join(t[k], NULL);
#endif
}

void sm_regex_release(sm_regex *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    if (re->jit)
        pcre2_code_free(atomic_load(&re->jit->code));
    free(re->jit);
    free(re->src);
    for (size_t i = 0; i < re->nlits; i++)
        free(re->lits[i]);
    free(re->lits);
    free(re->lit_id);
    free(re->lit_off);
    re->code = NULL;
    re->jit = NULL;
    re->src = NULL;
    re->lits = NULL;
    re->lit_id = NULL;
    re->lit_off = NULL;
    re->nlits = 0;
}

int sm_regex_find(const sm_regex *re, sm_scratch *s, const char *subject,
                  size_t len, size_t start, size_t *mstart, size_t *mend,
                  sm_error *err)
{
    return sm_regex_find_by(re, s, subject, len, start, SIZE_MAX, mstart,
                            mend, err);
}

int sm_regex_find_by(const sm_regex *re, sm_scratch *s, const char *subject,
                     size_t len, size_t start, size_t limit, size_t *mstart,
                     size_t *mend, sm_error *err)
{
    return sm_regex_find_into(re, s, s->md, subject, len, start, limit,
                              mstart, mend, err);
}

int sm_regex_find_into(const sm_regex *re, sm_scratch *s,
                       pcre2_match_data *md, const char *subject, size_t len,
                       size_t start, size_t limit, size_t *mstart,
                       size_t *mend, sm_error *err)
{
    if (start > len || start > limit)
        return 0;
    if (re->first_known && start < len &&
        !(re->first[(unsigned char)subject[start] / 8] >>
          ((unsigned char)subject[start] % 8) & 1))
        return 0;                    /* it cannot begin with this byte */
    bool limited = limit < len;
    if (limited)
        pcre2_set_offset_limit(s->mctx, limit);
    /* JIT code is run directly: pcre2_match() would check the same
     * arguments again on each of the many calls */
    pcre2_code *jc = jit_code(re);
    int rc = jc ? pcre2_jit_match(jc, (PCRE2_SPTR)subject, len, start, 0,
                                  md, s->mctx)
                     : pcre2_match(re->code, (PCRE2_SPTR)subject, len, start,
                                   PCRE2_NO_UTF_CHECK, md, s->mctx);
    if (limited)   /* the context is shared with callers that set none */
        pcre2_set_offset_limit(s->mctx, PCRE2_UNSET);
    if (rc == PCRE2_ERROR_NOMATCH) {
        SM_WORK((limited ? limit : len) - start + 1);
        return 0;
    }
    if (rc < 0) {
        sm_regex_match_fail(re, rc, err);
        return -1;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    *mstart = ov[0];
    *mend = ov[1];
    SM_WORK(ov[1] > start ? ov[1] - start + 1 : 1);
    return 1;
}

bool sm_regex_group(const sm_regex *re, pcre2_match_data *md,
                    const char *name, size_t *gs, size_t *ge)
{
    int g = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
    if (g < 0 || (uint32_t)g >= pcre2_get_ovector_count(md))
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (ov[2 * g] == PCRE2_UNSET)
        return false;
    *gs = ov[2 * g];
    *ge = ov[2 * g + 1];
    return true;
}
