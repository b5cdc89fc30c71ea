/* lint.c - one job-description draft -> findings.
 *
 * The draft's text is copied with everything that must not be linted
 * blanked out (front matter, ``` / ~~~ fences, HTML comments), so that
 * offsets, lines and columns stay those of the draft. The level it claims
 * comes from --level, its front matter or its title; the matcher then runs
 * on the blanked copy, and each check of the rules (and of the
 * configuration's extra rules) turns what was found into findings, which
 * the inline skillmatch-disable comments and the configuration filter. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

enum { MAX_TITLE = 300, LABEL_LINES_FACTOR = 3 };

typedef enum { DIR_DISABLE, DIR_ENABLE, DIR_NEXT_LINE } dir_kind;

typedef struct {
    dir_kind kind;
    int line;                    /* original line of the comment */
    char **ids;                  /* none: every check */
    size_t nids;
} directive;

typedef struct {
    const sm_lint_def *check;
    sm_severity severity;
    int line, col;
    char *message;
    const char *source;
    bool whole;                  /* about the whole draft, not a place */
    size_t seq;
} pending;

typedef struct {
    const sm_rules *r;
    const sm_lint_config *cfg;
    const sm_lint_rules *sets[2];   /* the rules' lint, the config's extra */
    sm_scratch *s;
    const sm_doc *doc;
    sm_doc masked;               /* doc with the blanked text */
    char *text;                  /* blanked copy of doc->text */
    size_t len;
    size_t body;                 /* offset where the body starts */
    pcre2_match_data *md;
    directive *dirs;
    size_t ndirs, capdirs;
    pending *found;
    size_t nfound, capfound;
    sm_lint_result *res;
    int fm_level_line, fm_level_col;   /* a front-matter level not told */
    char fm_level_bad[64];
    sm_error *err;
} lint_ctx;

/* ---- text helpers ---- */

static size_t line_end(const char *t, size_t len, size_t i)
{
    const char *nl = memchr(t + i, '\n', len - i);
    return nl ? (size_t)(nl - t) : len;
}

static void blank(lint_ctx *c, size_t a, size_t b)
{
    for (size_t i = a; i < b && i < c->len; i++)
        if (c->text[i] != '\n')
            c->text[i] = ' ';
}

static bool blank_line(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r')
            return false;
    return true;
}

static void position(const lint_ctx *c, size_t off, int *line, int *col)
{
    sm_doc_position(c->doc, off, line, col);
}

/* ---- matching with captures ---- */

/* 1 and the span of the next match at or after `start`, 0 for none, -1 on
 * a PCRE2 error (err filled). */
static int find(lint_ctx *c, const sm_regex *re, const char *subj, size_t len,
                size_t start, size_t *ms, size_t *me)
{
    if (start > len)
        return 0;
    int rc = pcre2_match(re->code, (PCRE2_SPTR)subj, len, start,
                         PCRE2_NO_UTF_CHECK, c->md, c->s->mctx);
    if (rc == PCRE2_ERROR_NOMATCH) {
        SM_WORK(len - start + 1);
        return 0;
    }
    if (rc < 0) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(rc, buf, sizeof buf);
        sm_fail(c->err, SM_ERR_MATCH, re->file, re->line, re->col,
                "pattern '%.80s': %s", re->src, (char *)buf);
        return -1;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
    *ms = ov[0];
    *me = ov[1];
    SM_WORK(ov[1] > start ? ov[1] - start + 1 : 1);
    return 1;
}

/* The next match of re in the text from *pos on: 1, and *pos past it (one
 * byte on, after an empty match); 0 for none; -1 on a match error. */
static int next_match(lint_ctx *c, const sm_regex *re, size_t *pos,
                      size_t *ms, size_t *me)
{
    int rc = find(c, re, c->text, c->len, *pos, ms, me);
    if (rc > 0)
        *pos = *me > *ms ? *me : *me + 1;
    return rc;
}

/* The span of named group `name` of the last match; false when unset. */
static bool group(const lint_ctx *c, const sm_regex *re, const char *name,
                  size_t *gs, size_t *ge)
{
    int g = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
    if (g < 0 || (uint32_t)g >= pcre2_get_ovector_count(c->md))
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
    if (ov[2 * g] == PCRE2_UNSET)
        return false;
    *gs = ov[2 * g];
    *ge = ov[2 * g + 1];
    return true;
}

/* ---- findings ---- */

/* Expand {name} placeholders of `tpl` from the pairs in vars (NULL
 * terminated); unknown names stay as they are. */
static char *expand(const char *tpl, const char *const *vars)
{
    size_t cap = strlen(tpl) + 64, n = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    for (const char *p = tpl; *p;) {
        const char *val = NULL;
        size_t skip = 1;
        if (*p == '{') {
            const char *e = strchr(p, '}');
            for (const char *const *v = vars; e && v[0]; v += 2)
                if (strlen(v[0]) == (size_t)(e - p - 1) &&
                    !strncmp(v[0], p + 1, (size_t)(e - p - 1))) {
                    val = v[1] ? v[1] : "";
                    skip = (size_t)(e - p) + 1;
                }
        }
        size_t add = val ? strlen(val) : 1;
        if (n + add + 1 > cap) {
            cap = (n + add + 1) * 2;
            char *o = realloc(out, cap);
            if (!o) {
                free(out);
                return NULL;
            }
            out = o;
        }
        memcpy(out + n, val ? val : p, add);
        n += add;
        p += skip;
    }
    out[n] = '\0';
    return out;
}

static sm_severity effective(const lint_ctx *c, const sm_lint_def *k)
{
    return sm_lint_check_severity(c->r, c->cfg, &k->info);
}

static sm_status add(lint_ctx *c, const sm_lint_def *k, sm_severity sev,
                     int line, int col, const char *source,
                     const char *const *vars)
{
    pending *p = SM_PUSH(c->found, c->nfound, c->capfound);
    if (!p)
        return sm_fail(c->err, SM_ERR_NOMEM, c->doc->name, 0, 0,
                       "out of memory");
    p->check = k;
    p->severity = sev;
    p->line = line;
    p->col = col;
    p->seq = c->nfound;
    p->source = source ? source : k->source;
    /* what is missing from a draft has no place of its own */
    p->whole = k->kind == SM_LINT_MISSING ||
               k->kind == SM_LINT_UNKNOWN_LEVEL ||
               (k->kind == SM_LINT_PHRASES && k->require);
    if (!(p->message = expand(k->message, vars))) {
        c->nfound--;
        return sm_fail(c->err, SM_ERR_NOMEM, c->doc->name, 0, 0,
                       "out of memory");
    }
    return SM_OK;
}

static sm_status add_at(lint_ctx *c, const sm_lint_def *k, size_t off,
                        const char *const *vars)
{
    int line, col;
    position(c, off, &line, &col);
    return add(c, k, effective(c, k), line, col, NULL, vars);
}

/* A one-line copy of text[a..b) for a message: runs of white space
 * folded, cut with "..." at a character boundary when it is longer than
 * `cap` allows. */
static void quote(const char *t, size_t a, size_t b, char *out, size_t cap)
{
    size_t n = 0, i = a;
    bool space = false;
    for (; i < b; i++) {
        char ch = t[i];
        if (ch == '\n' || ch == ' ' || ch == '\t' || ch == '\r') {
            space = n > 0;
            continue;
        }
        if (n + (space ? 1 : 0) + 4 >= cap)
            break;
        if (space)
            out[n++] = ' ';
        space = false;
        out[n++] = ch;
    }
    if (i < b) {
        while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0 && (unsigned char)out[n - 1] >= 0xC0)
            n--;
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n] = '\0';
}

/* ---- the parts not linted, and the inline directives ---- */

static bool starts_with(const char *t, size_t a, size_t b, const char *w)
{
    size_t n = strlen(w);
    return b - a >= n && !strncmp(t + a, w, n);
}

static sm_status parse_directive(lint_ctx *c, size_t a, size_t b, int line)
{
    static const struct {
        const char *word;
        dir_kind kind;
    } WORDS[] = {{"skillmatch-disable-next-line", DIR_NEXT_LINE},
                 {"skillmatch-disable", DIR_DISABLE},
                 {"skillmatch-enable", DIR_ENABLE}};
    const char *t = c->doc->text;
    while (a < b && isspace((unsigned char)t[a]))
        a++;
    for (size_t w = 0; w < sizeof WORDS / sizeof *WORDS; w++) {
        size_t n = strlen(WORDS[w].word);
        if (!starts_with(t, a, b, WORDS[w].word) ||
            (a + n < b && !isspace((unsigned char)t[a + n]) &&
             t[a + n] != ','))
            continue;
        directive *d = SM_PUSH(c->dirs, c->ndirs, c->capdirs);
        if (!d)
            return sm_fail(c->err, SM_ERR_NOMEM, c->doc->name, 0, 0,
                           "out of memory");
        memset(d, 0, sizeof *d);
        d->kind = WORDS[w].kind;
        d->line = line;
        size_t i = a + n;
        while (i < b) {
            while (i < b && (isspace((unsigned char)t[i]) || t[i] == ','))
                i++;
            size_t s = i;
            while (i < b && !isspace((unsigned char)t[i]) && t[i] != ',')
                i++;
            if (i == s)
                break;
            char **ids = realloc(d->ids, (d->nids + 1) * sizeof *ids);
            if (!ids || !(ids[d->nids] = sm_strndup(t + s, i - s))) {
                if (ids)
                    d->ids = ids;
                return sm_fail(c->err, SM_ERR_NOMEM, c->doc->name, 0, 0,
                               "out of memory");
            }
            d->ids = ids;
            d->nids++;
        }
        return SM_OK;
    }
    return SM_OK;
}

/* A fence opener/closer: up to 3 spaces, then 3+ ` or ~; *after is
 * where the run of fence characters ends. */
static size_t fence_at(const char *t, size_t a, size_t b, char *ch,
                       size_t *after)
{
    size_t i = a;
    while (i < b && i - a < 3 && t[i] == ' ')
        i++;
    if (i >= b || (t[i] != '`' && t[i] != '~'))
        return 0;
    size_t k = i;
    while (k < b && t[k] == t[i])
        k++;
    if (k - i < 3)
        return 0;
    *ch = t[i];
    *after = k;
    return k - i;
}

/* Front matter, fences and comments: blanked, directives collected. */
static sm_status blank_out(lint_ctx *c, size_t *fm_a, size_t *fm_b)
{
    const char *t = c->doc->text;
    size_t len = c->len, i = 0;
    sm_status st;
    *fm_a = *fm_b = 0;
    /* front matter: "---" on the first line, up to "---" or "..." */
    size_t e0 = line_end(t, len, 0);
    size_t l0 = e0;
    while (l0 > 0 && (t[l0 - 1] == ' ' || t[l0 - 1] == '\t'))
        l0--;
    if (l0 == 3 && !strncmp(t, "---", 3)) {
        for (size_t p = e0 + 1; p < len;) {
            size_t e = line_end(t, len, p), q = e;
            while (q > p && (t[q - 1] == ' ' || t[q - 1] == '\t'))
                q--;
            if (q - p == 3 && (!strncmp(t + p, "---", 3) ||
                               !strncmp(t + p, "...", 3))) {
                *fm_a = e0 + 1;
                *fm_b = p;
                blank(c, 0, e);
                i = e < len ? e + 1 : len;
                break;
            }
            p = e + 1;
        }
    }
    c->body = i;
    size_t fence_len = 0;
    char fence_ch = 0;
    size_t fence_start = 0;
    while (i < len) {
        size_t e = line_end(t, len, i);
        char ch = 0;
        size_t after = 0;
        size_t fl = fence_at(t, i, e, &ch, &after);
        if (fence_len) {
            if (fl >= fence_len && ch == fence_ch && blank_line(t, after, e)) {
                blank(c, fence_start, e);
                fence_len = 0;
            }
            i = e + 1;
            continue;
        }
        if (fl) {
            fence_len = fl;
            fence_ch = ch;
            fence_start = i;
            i = e + 1;
            continue;
        }
        /* comments on this line; one may run over several lines */
        size_t p = i;
        while (p < e) {
            const char *open = NULL;
            for (size_t q = p; q + 4 <= e && !open; q++)
                if (!strncmp(t + q, "<!--", 4))
                    open = t + q;
            if (!open)
                break;
            size_t a = (size_t)(open - t);
            const char *close = NULL;
            for (size_t q = a + 4; q + 3 <= len && !close; q++)
                if (!strncmp(t + q, "-->", 3))
                    close = t + q;
            size_t b = close ? (size_t)(close - t) + 3 : len;
            int line, col;
            position(c, a, &line, &col);
            if ((st = parse_directive(c, a + 4, close ? b - 3 : b, line)) !=
                SM_OK)
                return st;
            blank(c, a, b);
            p = b;
            if (b > e)   /* go on from the line where the comment ends */
                e = line_end(t, len, b);
        }
        i = e + 1;
    }
    if (fence_len)   /* an unclosed fence runs to the end */
        blank(c, fence_start, len);
    return SM_OK;
}

static bool names(const directive *d, const char *id)
{
    if (!d->nids)
        return true;
    for (size_t i = 0; i < d->nids; i++)
        if (!strcmp(d->ids[i], id))
            return true;
    return false;
}

/* Is check `id` turned off at `line` by the inline comments? A finding
 * about the whole draft is also turned off by a skillmatch-disable comment
 * that names its check anywhere. */
static bool silenced(const lint_ctx *c, const char *id, int line, bool whole)
{
    bool off = false;
    for (size_t i = 0; whole && i < c->ndirs; i++)
        if (c->dirs[i].kind == DIR_DISABLE && c->dirs[i].nids &&
            names(&c->dirs[i], id))
            return true;
    for (size_t i = 0; i < c->ndirs; i++) {
        const directive *d = &c->dirs[i];
        if (d->kind == DIR_NEXT_LINE) {
            if (d->line + 1 == line && names(d, id))
                return true;
        } else if (d->kind == DIR_DISABLE && d->line <= line) {
            if (names(d, id))
                off = true;
        } else if (d->kind == DIR_ENABLE && d->line < line) {
            if (names(d, id))
                off = false;
        }
    }
    return off;
}

/* ---- the title and the level it names ---- */

static sm_status title_words(lint_ctx *c, const char *title, size_t len,
                             sm_level *out)
{
    sm_level best = SM_LEVEL_NONE;
    int best_strength = 0;
    size_t best_at = 0;
    for (int k = 0; k < 2; k++) {
        const sm_lint_rules *lr = c->sets[k];
        for (size_t i = 0; lr && i < lr->nwords; i++) {
            const sm_title_word *w = &lr->words[i];
            size_t ms, me;
            int rc = find(c, &w->re, title, len, 0, &ms, &me);
            if (rc < 0)
                return SM_ERR_MATCH;
            if (rc && (w->strength > best_strength ||
                       (w->strength == best_strength && ms < best_at))) {
                best = w->level;
                best_strength = w->strength;
                best_at = ms;
            }
        }
    }
    *out = best;
    return SM_OK;
}

static int any_match(lint_ctx *c, const sm_regex *v, size_t n, const char *s,
                     size_t len)
{
    for (size_t i = 0; i < n; i++) {
        size_t ms, me;
        int rc = find(c, &v[i], s, len, 0, &ms, &me);
        if (rc)
            return rc;
    }
    return 0;
}

/* Markdown decoration around a line: "# ", "**", "> ", "- ", trailing
 * "#", "*", ":". */
static void strip(const char *t, size_t *a, size_t *b)
{
    while (*a < *b && strchr("#*_> \t", t[*a]))
        (*a)++;
    while (*b > *a && strchr("#*_ \t:", t[*b - 1]))
        (*b)--;
}

static sm_status set_title(lint_ctx *c, const char *s, size_t n, size_t off)
{
    if (n > MAX_TITLE) {   /* cut before the character MAX_TITLE is in */
        n = MAX_TITLE;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    free(c->res->title);
    c->res->title = malloc(n + 8);
    if (!c->res->title)
        return sm_fail(c->err, SM_ERR_NOMEM, c->doc->name, 0, 0,
                       "out of memory");
    quote(s, 0, n, c->res->title, n + 8);
    int col;
    position(c, off, &c->res->title_line, &col);
    return SM_OK;
}

/* The title: a labelled line ("Job title: ..."), else the first heading
 * that names a role, the first line that does, the first heading, the
 * first line. */
static sm_status find_title(lint_ctx *c)
{
    const char *t = c->text;
    const sm_lint_rules *lr = c->r->lint;
    size_t first = SIZE_MAX, first_heading = SIZE_MAX, role_line = SIZE_MAX;
    size_t role_heading = SIZE_MAX, spans[4][2] = {{0}};
    int seen = 0, limit = lr->title_lines;
    size_t i = c->body;
    while (i < c->len && seen < limit * LABEL_LINES_FACTOR) {
        size_t e = line_end(t, c->len, i), a = i, b = e;
        size_t next = e + 1;
        if (blank_line(t, i, e)) {
            i = next;
            continue;
        }
        seen++;
        bool heading = t[a] == '#' ||
                       (b - a > 4 && !strncmp(t + a, "**", 2) &&
                        !strncmp(t + b - 2, "**", 2));
        if (!heading && next < c->len) {   /* setext: === or --- under it */
            size_t ne = line_end(t, c->len, next), k = next;
            while (k < ne && (t[k] == '=' || t[k] == '-'))
                k++;
            heading = k - next >= 3 && blank_line(t, k, ne);
        }
        strip(t, &a, &b);
        if (b <= a) {
            i = next;
            continue;
        }
        /* "Job title: Senior Data Scientist" */
        for (size_t l = 0; l < lr->nlabels; l++) {
            size_t ms, me;
            int rc = find(c, &lr->labels[l], t + a, b - a, 0, &ms, &me);
            if (rc < 0)
                return SM_ERR_MATCH;
            if (rc && ms == 0 && me < b - a) {
                size_t ta = a + me, tb = b;
                strip(t, &ta, &tb);
                if (tb > ta)
                    return set_title(c, t + ta, tb - ta, ta);
            }
        }
        if (seen <= limit) {
            int rc = b - a <= 150 || heading
                         ? any_match(c, lr->roles, lr->nroles, t + a, b - a)
                         : 0;
            if (rc < 0)
                return SM_ERR_MATCH;
            if (rc && heading && role_heading == SIZE_MAX) {
                role_heading = a;
                spans[0][0] = a, spans[0][1] = b;
            }
            if (rc && role_line == SIZE_MAX && b - a <= 120) {
                role_line = a;
                spans[1][0] = a, spans[1][1] = b;
            }
            if (heading && first_heading == SIZE_MAX) {
                first_heading = a;
                spans[2][0] = a, spans[2][1] = b;
            }
            if (first == SIZE_MAX) {
                first = a;
                spans[3][0] = a, spans[3][1] = b;
            }
        }
        i = next;
    }
    size_t order[4] = {role_heading, role_line, first_heading, first};
    for (int k = 0; k < 4; k++)
        if (order[k] != SIZE_MAX)
            return set_title(c, t + spans[k][0], spans[k][1] - spans[k][0],
                             spans[k][0]);
    return SM_OK;
}

/* A scalar node for `key: value` lines of front matter that is not valid
 * YAML ("title: ML Engineer: Ads" is an error to YAML). */
static sm_ynode *scan_key(const char *t, size_t a, size_t b, const char *key)
{
    size_t klen = strlen(key);
    int line = 1;
    for (size_t i = a; i < b; line++) {
        size_t e = line_end(t, b, i);
        if (e - i > klen && !strncmp(t + i, key, klen) && t[i + klen] == ':') {
            size_t v = i + klen + 1, w = e;
            while (v < w && (t[v] == ' ' || t[v] == '\t'))
                v++;
            while (w > v && (t[w - 1] == ' ' || t[w - 1] == '\t'))
                w--;
            if (w - v >= 2 && (t[v] == '"' || t[v] == '\'') &&
                t[w - 1] == t[v]) {
                v++;
                w--;
            }
            sm_ynode *n = calloc(1, sizeof *n);
            if (!n || !(n->value = sm_strndup(t + v, w - v))) {
                free(n);
                return NULL;
            }
            n->kind = SM_Y_SCALAR;
            n->len = w - v;
            n->line = line;
            n->col = (int)(v - i) + 1;
            return n;
        }
        i = e + 1;
    }
    return NULL;
}

/* front matter: `level:` and `title:` (YAML; a line scan when it is not
 * valid YAML). The nodes belong to *keep. */
static sm_status front_matter(lint_ctx *c, size_t a, size_t b,
                              const sm_ynode **level, sm_ynode *keep[3])
{
    const char *t = c->doc->text;
    const sm_ynode *lv = NULL, *ti = NULL;
    sm_error yerr;
    *level = NULL;
    if (sm_yaml_parse(c->doc->name, t + a, b - a, &keep[0], &yerr) == SM_OK &&
        keep[0] && keep[0]->kind == SM_Y_MAP) {
        lv = sm_ymap_get(keep[0], "level");
        ti = sm_ymap_get(keep[0], "title");
    } else {
        lv = keep[1] = scan_key(t, a, b, "level");
        ti = keep[2] = scan_key(t, a, b, "title");
    }
    if (lv && lv->kind == SM_Y_SCALAR)
        *level = lv;
    if (ti && ti->kind == SM_Y_SCALAR && ti->len) {
        /* the node's line is relative to the front matter */
        size_t off = a;
        for (int l = 1; l < ti->line && off < b; l++)
            off = line_end(t, b, off) + 1;
        return set_title(c, ti->value, ti->len, off);
    }
    return SM_OK;
}

static sm_status claimed_level(lint_ctx *c, const sm_lint_options *opt,
                               size_t fm_a, size_t fm_b)
{
    sm_lint_result *res = c->res;
    const sm_ynode *lv = NULL;
    sm_ynode *keep[3] = {NULL, NULL, NULL};
    sm_status st = SM_OK;
    if (fm_b > fm_a && (st = front_matter(c, fm_a, fm_b, &lv, keep)) !=
                           SM_OK)
        goto done;
    if (!res->title && (st = find_title(c)) != SM_OK)
        goto done;
    if (opt && opt->level != SM_LEVEL_NONE) {
        res->level = opt->level;
        res->level_source = SM_LEVEL_FROM_OPTION;
        goto done;
    }
    if (lv) {
        sm_level l = SM_LEVEL_NONE;
        if (sm_level_parse(lv->value, &l) != SM_OK &&
            (st = title_words(c, lv->value, lv->len, &l)) != SM_OK)
            goto done;
        if (l != SM_LEVEL_NONE) {
            res->level = l;
            res->level_source = SM_LEVEL_FROM_FRONT_MATTER;
            goto done;
        }
        /* say so, and fall back on the title */
        size_t off = fm_a;
        for (int n = 1; n < lv->line && off < fm_b; n++)
            off = line_end(c->doc->text, fm_b, off) + 1;
        int col;
        position(c, off, &c->fm_level_line, &col);
        c->fm_level_col = lv->col;
        snprintf(c->fm_level_bad, sizeof c->fm_level_bad, "%s", lv->value);
    }
    if (res->title) {
        sm_level l;
        if ((st = title_words(c, res->title, strlen(res->title), &l)) !=
            SM_OK)
            goto done;
        if (l != SM_LEVEL_NONE) {
            res->level = l;
            res->level_source = SM_LEVEL_FROM_TITLE;
        }
    }
done:
    for (int i = 0; i < 3; i++)
        sm_ynode_free(keep[i]);
    return st;
}

/* ---- checks ---- */

/* The level as messages say it: "a junior", "a mid-level", "a senior". */
static const char *level_text(sm_level lv)
{
    return lv == SM_LEVEL_MID ? "mid-level" : sm_level_name(lv);
}

static bool applies(unsigned levels, sm_level level)
{
    return !levels || (level != SM_LEVEL_NONE && (levels & (1u << level)));
}

static int title_line(const lint_ctx *c)
{
    return c->res->title ? c->res->title_line : 1;
}

static void years_of(const lint_ctx *c, sm_level lv, double *lo, double *hi)
{
    const sm_profile *p = c->r->by_level[lv];
    *lo = p->years_min;
    *hi = p->years_max;
    if (c->cfg && c->cfg->have_years[lv]) {
        *lo = c->cfg->years[lv].min;
        *hi = c->cfg->years[lv].max;
    }
}

static void range_text(double lo, double hi, char *out, size_t cap)
{
    if (hi < 0)
        snprintf(out, cap, "%g+", lo);
    else if (hi == lo)
        snprintf(out, cap, "%g", lo);
    else
        snprintf(out, cap, "%g-%g", lo, hi);
}

static sm_status check_missing(lint_ctx *c, const sm_lint_def *k,
                               const sm_hits *hits)
{
    sm_level lv = c->res->level;
    if (lv == SM_LEVEL_NONE || !applies(k->levels, lv))
        return SM_OK;
    const sm_profile *p = c->r->by_level[lv];
    int ew = k->error_weight, mw = k->min_weight;
    int ci = sm_lint_config_index(c->cfg, k->id);
    if (ci >= 0 && c->cfg->error_weight[ci] > 0)
        ew = c->cfg->error_weight[ci];
    if (ci >= 0 && c->cfg->min_weight[ci] > 0)
        mw = c->cfg->min_weight[ci];
    bool overridden = ci >= 0 && c->cfg->severity[ci] >= 0;
    sm_severity base = effective(c, k);

    /* point at the requirements heading, else at the title */
    int line = title_line(c);
    for (size_t i = c->body; k->nanchors && i < c->len;) {
        size_t e = line_end(c->text, c->len, i), a = i, b = e;
        strip(c->text, &a, &b);
        if (b > a && b - a < 80) {
            int rc = any_match(c, k->anchors, k->nanchors, c->text + a,
                               b - a);
            if (rc < 0)
                return SM_ERR_MATCH;
            if (rc) {
                int col;
                position(c, a, &line, &col);
                break;
            }
        }
        i = e + 1;
    }

    unsigned char *seen = calloc(c->r->nskills + 1, 1);
    if (!seen)
        return sm_fail(c->err, SM_ERR_NOMEM, c->doc->name, 0, 0,
                       "out of memory");
    for (size_t i = 0; i < hits->n; i++)
        seen[hits->hits[i].skill] = 1;
    sm_status st = SM_OK;
    for (size_t i = 0; i < p->nreqs && st == SM_OK; i++) {
        const sm_requirement *q = &p->reqs[i];
        bool found = false;
        for (size_t j = 0; j < q->nskills; j++)
            found |= seen[q->skills[j]];
        if (found || q->weight < mw)
            continue;
        char weight[16];
        snprintf(weight, sizeof weight, "%d", q->weight);
        const char *vars[] = {"level", level_text(lv), "skill", q->name,
                              "weight", weight, "reason", q->reason,
                              "source", q->source, NULL};
        sm_severity sev = !overridden && q->weight >= ew ? SM_SEVERITY_ERROR
                                                         : base;
        st = add(c, k, sev, line, 1, q->source, vars);
    }
    free(seen);
    return st;
}

static double number_word(const char *s, size_t n)
{
    static const char *const W[] = {
        "zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", NULL};
    if (n && isdigit((unsigned char)s[0]))
        return strtod(s, NULL);
    for (int i = 0; W[i]; i++)
        if (strlen(W[i]) == n && !strncasecmp(W[i], s, n))
            return i;
    if (n == 1 && (s[0] == 'a' || s[0] == 'A'))
        return 1;
    return -1;
}

static sm_level level_of_years(const lint_ctx *c, double years)
{
    double jl, jh, ml, mh, sl, sh;
    years_of(c, SM_LEVEL_JUNIOR, &jl, &jh);
    years_of(c, SM_LEVEL_MID, &ml, &mh);
    years_of(c, SM_LEVEL_SENIOR, &sl, &sh);
    /* the boundary lies halfway between one level's top and the next
     * one's bottom, as in scoring */
    double jm = ((jh >= 0 ? jh : jl) + ml) / 2;
    double ms = ((mh >= 0 ? mh : ml) + sl) / 2;
    return years < jm ? SM_LEVEL_JUNIOR
           : years < ms ? SM_LEVEL_MID
                        : SM_LEVEL_SENIOR;
}

/* The largest number of years the draft asks for, by the phrases of years
 * check k: *best (< 0: none), *best_max (< 0: open) and where. */
static sm_status asked_years(lint_ctx *c, const sm_lint_def *k, double *best,
                             double *best_max, size_t *at)
{
    *best = *best_max = -1;
    *at = 0;
    for (size_t i = 0; i < k->nphrases; i++) {
        const sm_regex *re = &k->phrases[i].re;
        size_t pos = c->body, ms, me;
        int rc;
        while ((rc = next_match(c, re, &pos, &ms, &me)) > 0) {
            size_t gs, ge;
            if (!group(c, re, "min", &gs, &ge))
                continue;
            double lo = number_word(c->text + gs, ge - gs), hi = -1;
            if (group(c, re, "max", &gs, &ge))
                hi = number_word(c->text + gs, ge - gs);
            if (lo < 0 || lo > 40)
                continue;
            if (lo > *best) {
                *best = lo;
                *best_max = hi > lo ? hi : -1;
                *at = ms;
            }
        }
        if (rc < 0)
            return SM_ERR_MATCH;
    }
    return SM_OK;
}

static sm_status check_years(lint_ctx *c, const sm_lint_def *k)
{
    sm_level lv = c->res->level;
    if (lv == SM_LEVEL_NONE || !applies(k->levels, lv))
        return SM_OK;
    /* the largest number of years the draft asks for is what it asks */
    double best, best_max;
    size_t at;
    sm_status st = asked_years(c, k, &best, &best_max, &at);
    if (st != SM_OK)
        return st;
    if (best < 0)
        return SM_OK;
    sm_level asked = level_of_years(c, best);
    if (asked == lv)
        return SM_OK;
    double lo, hi;
    char asked_s[32], expected[32];
    years_of(c, lv, &lo, &hi);
    if (best_max > 0)
        snprintf(asked_s, sizeof asked_s, "%g-%g", best, best_max);
    else
        snprintf(asked_s, sizeof asked_s, "%g+", best);
    range_text(lo, hi, expected, sizeof expected);
    const char *vars[] = {"level", level_text(lv), "asked", asked_s,
                          "asked_level", level_text(asked), "expected",
                          expected, NULL};
    return add_at(c, k, at, vars);
}

static bool reported(const lint_ctx *c, const sm_lint_def *k, int line)
{
    for (size_t i = 0; i < c->nfound; i++)
        if (c->found[i].check == k && c->found[i].line == line)
            return true;
    return false;
}

static sm_status check_phrases(lint_ctx *c, const sm_lint_def *k)
{
    sm_level lv = c->res->level;
    bool any = false;
    for (size_t i = 0; i < k->nphrases; i++) {
        const sm_lint_phrase *ph = &k->phrases[i];
        if (!k->require &&
            !applies(ph->levels ? ph->levels : k->levels, lv))
            continue;
        size_t pos = c->body, ms, me;
        int last_line = 0, rc;
        while ((rc = next_match(c, &ph->re, &pos, &ms, &me)) > 0) {
            any = true;
            if (k->require)
                break;
            int line, col;
            position(c, ms, &line, &col);
            if (line == last_line || reported(c, k, line))
                continue;   /* one finding per check and line */
            last_line = line;
            char quoted[120];
            quote(c->text, ms, me, quoted, sizeof quoted);
            const char *vars[] = {"level", level_text(lv), "text", quoted,
                                  "what", ph->what ? ph->what : quoted, NULL};
            sm_status st = add(c, k, effective(c, k), line, col, NULL, vars);
            if (st != SM_OK)
                return st;
        }
        if (rc < 0)
            return SM_ERR_MATCH;
    }
    if (k->require && !any && applies(k->levels, lv)) {
        const char *vars[] = {"level", level_text(lv), NULL};
        return add(c, k, effective(c, k), title_line(c), 1, NULL, vars);
    }
    return SM_OK;
}

/* A skill's name as written, for comparing: letters only, lower case,
 * no final s ("scikit-learn" = "Scikit Learn", "LLMs" = "LLM"). */
static void name_key(const char *t, size_t a, size_t b, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = a; i < b && n + 1 < cap; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (isalpha(ch) || ch >= 0x80)
            out[n++] = (char)tolower(ch);
    }
    if (n > 3 && out[n - 1] == 's')
        n--;
    out[n] = '\0';
}

/* "AWS (Amazon Web Services)", "scikit-learn/sklearn": one mention. */
static bool alias_gap(const char *t, size_t a, size_t b)
{
    while (a < b && (t[a] == ' ' || t[a] == '"' || t[a] == '\''))
        a++;
    if (a < b && (t[a] == '(' || t[a] == '/' || t[a] == '['))
        a++;
    while (a < b && t[a] == ' ')
        a++;
    static const char *const WORDS[] = {"aka", "a.k.a.", "a.k.a", "i.e.",
                                        "or", "also", "also known as", NULL};
    for (const char *const *w = WORDS; *w; w++) {
        size_t n = strlen(*w);
        if (b - a >= n && !strncasecmp(t + a, *w, n) &&
            (a + n == b || t[a + n] == ' ' || t[a + n] == ',')) {
            a += n;
            break;
        }
    }
    while (a < b && (t[a] == ' ' || t[a] == ',' || t[a] == ':'))
        a++;
    return a == b;
}

static sm_status report_duplicate(lint_ctx *c, const sm_lint_def *k,
                                  const sm_skill *sk, const sm_hit *first,
                                  const sm_hit *h)
{
    char a[80], b[80], line0[16];
    int l0, c0;
    position(c, first->start, &l0, &c0);
    snprintf(line0, sizeof line0, "%d", l0);
    quote(c->text, first->start, first->end, a, sizeof a);
    quote(c->text, h->start, h->end, b, sizeof b);
    const char *vars[] = {"skill", sk->info.name, "first", a, "second", b,
                          "first_line", line0, NULL};
    return add_at(c, k, h->start, vars);
}

/* Which of the alias's names the hit's text is, or -1. */
static int name_of(lint_ctx *c, const sm_lint_alias *a, const sm_hit *h)
{
    for (size_t i = 0; i < a->nnames; i++) {
        size_t ms, me;
        int rc = find(c, &a->names[i], c->text + h->start, h->end - h->start,
                      0, &ms, &me);
        if (rc)
            return rc < 0 ? -2 : (int)i;
    }
    return -1;
}

static sm_status check_duplicate(lint_ctx *c, const sm_lint_def *k,
                                 const sm_hits *hits)
{
    const char *t = c->text;
    for (size_t i = 0; i < hits->n;) {
        size_t j = i;
        int skill = hits->hits[i].skill;
        while (j < hits->n && hits->hits[j].skill == skill)
            j++;
        const sm_skill *sk = &c->r->skills[skill];
        const sm_lint_alias *alias = NULL;
        for (size_t x = 0; x < k->naliases; x++)
            if (k->aliases[x].skill == skill)
                alias = &k->aliases[x];
        bool by_category = false;
        for (size_t x = 0; x < k->ncategories && !by_category; x++)
            by_category = !strcmp(k->categories[x], sk->info.category);
        /* the first hit of each name; a later hit of another name that
         * does not merely spell out the one before it is a second ask */
        int first_name = -1;
        const sm_hit *first = NULL;
        char first_key[64] = "";
        for (size_t m = i; m < j && (alias || by_category); m++) {
            const sm_hit *h = &hits->hits[m];
            int name = -1, hl, hc;
            position(c, h->start, &hl, &hc);
            if (c->res->title && hl == c->res->title_line)
                continue;   /* the title names the job, it asks nothing */
            char key[64] = "";
            if (alias) {
                name = name_of(c, alias, h);
                if (name == -2)
                    return SM_ERR_MATCH;
                if (name < 0)
                    continue;
            } else {
                name_key(t, h->start, h->end, key, sizeof key);
                if (!key[0])
                    continue;
            }
            if (!first) {
                first = h;
                first_name = name;
                snprintf(first_key, sizeof first_key, "%s", key);
                continue;
            }
            if (alias ? name == first_name : !strcmp(key, first_key))
                continue;
            const sm_hit *prev = &hits->hits[m - 1];
            if (prev->end <= h->start && alias_gap(t, prev->end, h->start))
                continue;
            sm_status st = report_duplicate(c, k, sk, first, h);
            if (st != SM_OK)
                return st;
            break;   /* one finding per skill */
        }
        i = j;
    }
    return SM_OK;
}

/* "$135,000", "$135k", "135,000 USD", "$1.2M" -> dollars; -1 when it is
 * not an amount. `*k` says whether a k/M suffix was written. */
static double amount(const char *s, size_t n, bool *suffix)
{
    char buf[48];
    size_t m = 0;
    *suffix = false;
    double mult = 1;
    for (size_t i = 0; i < n && m + 1 < sizeof buf; i++) {
        char ch = s[i];
        if (isdigit((unsigned char)ch) || ch == '.')
            buf[m++] = ch;
        else if (ch == 'k' || ch == 'K') {
            mult = 1e3;
            *suffix = true;
        } else if (ch == 'm' || ch == 'M') {
            mult = 1e6;
            *suffix = true;
        }
    }
    buf[m] = '\0';
    if (!m)
        return -1;
    return strtod(buf, NULL) * mult;
}

static void dollars(double v, char *out, size_t cap)
{
    long n = (long)(v + 0.5);
    char digits[24], grouped[32];
    snprintf(digits, sizeof digits, "%ld", n);
    size_t len = strlen(digits), o = 0;
    for (size_t i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            grouped[o++] = ',';
        grouped[o++] = digits[i];
    }
    grouped[o] = '\0';
    snprintf(out, cap, "$%s", grouped);
}

static void money_range(double lo, double hi, char *out, size_t cap)
{
    char a[48], b[48];
    dollars(lo, a, sizeof a);
    if (hi < 0)
        snprintf(out, cap, "%s+", a);
    else if (hi == lo)
        snprintf(out, cap, "%s", a);
    else {
        dollars(hi, b, sizeof b);
        snprintf(out, cap, "%s-%s", a, b);
    }
}

static sm_status check_salary(lint_ctx *c, const sm_lint_def *k)
{
    sm_level lv = c->res->level;
    if (lv == SM_LEVEL_NONE || !applies(k->levels, lv))
        return SM_OK;
    const sm_lint_range *want;
    if (c->cfg && c->cfg->have_salary[lv])
        want = &c->cfg->salary[lv];
    else if (c->r->lint->have_salary[lv])
        want = &c->r->lint->salary[lv];
    else
        return SM_OK;
    double margin = k->margin;
    int ci = sm_lint_config_index(c->cfg, k->id);
    if (ci >= 0 && c->cfg->margin[ci] >= 0)
        margin = c->cfg->margin[ci];
    for (size_t i = 0; i < k->nphrases; i++) {
        const sm_regex *re = &k->phrases[i].re;
        size_t pos = c->body, ms, me;
        int rc;
        while ((rc = next_match(c, re, &pos, &ms, &me)) > 0) {
            size_t gs, ge, hs, he;
            if (!group(c, re, "low", &gs, &ge))
                continue;
            bool has_high = group(c, re, "high", &hs, &he);
            /* the line must talk about pay, and not about a bonus */
            size_t la = ms, lb = line_end(c->text, c->len, ms);
            while (la > 0 && c->text[la - 1] != '\n')
                la--;
            int cue = k->ncues ? any_match(c, k->cues, k->ncues,
                                           c->text + la, lb - la)
                               : 1;
            int excl = any_match(c, k->excludes, k->nexcludes, c->text + la,
                                 lb - la);
            if (cue < 0 || excl < 0)
                return SM_ERR_MATCH;
            if (!cue || excl)
                continue;
            bool ks, hk = false;
            double lo = amount(c->text + gs, ge - gs, &ks), hi = lo;
            if (has_high) {
                hi = amount(c->text + hs, he - hs, &hk);
                if (!ks && hk && lo < 1000)
                    lo *= hi >= 1e6 ? 1e6 : 1e3;   /* "$135-165k" */
            }
            if (lo < 10000 || hi < lo)
                continue;   /* hourly, monthly or not a salary */
            bool below = hi < want->min * (1 - margin);
            bool above = want->max >= 0 && lo > want->max * (1 + margin);
            if (!below && !above)
                continue;
            char stated[112], expected[112];
            money_range(lo, hi, stated, sizeof stated);
            money_range(want->min, want->max, expected, sizeof expected);
            const char *vars[] = {"level", level_text(lv), "stated",
                                  stated, "expected", expected, "sources",
                                  want->sources, "direction",
                                  below ? "below" : "above", NULL};
            int line, col;
            position(c, ms, &line, &col);
            sm_status st = add(c, k, effective(c, k), line, col,
                               want->sources[0] ? want->sources : NULL, vars);
            if (st != SM_OK)
                return st;
        }
        if (rc < 0)
            return SM_ERR_MATCH;
    }
    return SM_OK;
}

static sm_status check_unknown(lint_ctx *c, const sm_lint_def *k)
{
    if (c->res->level != SM_LEVEL_NONE && !c->fm_level_bad[0])
        return SM_OK;
    char why[300] = "";
    int line = title_line(c), col = 1;
    if (c->fm_level_bad[0]) {
        int n = snprintf(why, sizeof why, "the front matter says level "
                         "'%s', which is not junior, mid or senior",
                         c->fm_level_bad);
        if (c->res->level != SM_LEVEL_NONE && n > 0 &&
            (size_t)n < sizeof why)
            snprintf(why + n, sizeof why - (size_t)n, " (the %s says %s, "
                     "which is used)",
                     c->res->level_source == SM_LEVEL_FROM_OPTION
                         ? "option" : "title",
                     sm_level_name(c->res->level));
        line = c->fm_level_line;
        col = c->fm_level_col;
    } else if (c->res->title) {
        snprintf(why, sizeof why, "the title '%.150s' names no level",
                 c->res->title);
    } else {
        snprintf(why, sizeof why, "the draft has no title");
    }
    const char *vars[] = {"why", why, "title",
                          c->res->title ? c->res->title : "", NULL};
    return add(c, k, effective(c, k), line, col, NULL, vars);
}

static sm_status run_check(lint_ctx *c, const sm_lint_def *k,
                           const sm_hits *hits)
{
    if (effective(c, k) == SM_SEVERITY_OFF)
        return SM_OK;
    switch (k->kind) {
    case SM_LINT_MISSING: return check_missing(c, k, hits);
    case SM_LINT_YEARS: return check_years(c, k);
    case SM_LINT_PHRASES: return check_phrases(c, k);
    case SM_LINT_DUPLICATE: return check_duplicate(c, k, hits);
    case SM_LINT_SALARY: return check_salary(c, k);
    case SM_LINT_UNKNOWN_LEVEL: return check_unknown(c, k);
    }
    return SM_OK;
}

/* ---- the result ---- */

static int pending_cmp(const void *a, const void *b)
{
    const pending *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    int d = strcmp(x->check->id, y->check->id);
    if (d)
        return d;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static sm_status finish(lint_ctx *c)
{
    sm_lint_result *res = c->res;
    if (c->nfound)
        qsort(c->found, c->nfound, sizeof *c->found, pending_cmp);
    res->findings = calloc(c->nfound + 1, sizeof *res->findings);
    res->strings = calloc(c->nfound + 1, sizeof *res->strings);
    if (!res->findings || !res->strings)
        return sm_fail(c->err, SM_ERR_NOMEM, c->doc->name, 0, 0,
                       "out of memory");
    for (size_t i = 0; i < c->nfound; i++) {
        pending *p = &c->found[i];
        if (silenced(c, p->check->id, p->line, p->whole)) {
            free(p->message);
            p->message = NULL;
            continue;
        }
        sm_lint_finding *f = &res->findings[res->nfindings++];
        f->check = &p->check->info;
        f->severity = p->severity;
        f->line = p->line;
        f->col = p->col;
        f->message = p->message;
        f->source = p->source;
        res->strings[res->nstrings++] = p->message;
        p->message = NULL;
    }
    return SM_OK;
}

static void ctx_release(lint_ctx *c)
{
    for (size_t i = 0; i < c->ndirs; i++) {
        for (size_t j = 0; j < c->dirs[i].nids; j++)
            free(c->dirs[i].ids[j]);
        free(c->dirs[i].ids);
    }
    free(c->dirs);
    for (size_t i = 0; i < c->nfound; i++)
        free(c->found[i].message);
    free(c->found);
    free(c->text);
    pcre2_match_data_free(c->md);
}

sm_status sm_lint(const sm_rules *rules, const sm_lint_config *cfg,
                  sm_scratch *s, const sm_doc *doc, const sm_lint_options *opt,
                  sm_lint_result **out, sm_error *err)
{
    lint_ctx c = {.r = rules, .cfg = cfg, .s = s, .doc = doc, .err = err};
    sm_hits hits = {0};
    int *sections = NULL;
    sm_status st = SM_OK;
    if (!rules->lint || !rules->lint->nchecks)
        return sm_fail(err, SM_ERR_RULES, rules->dir, 0, 0, "the rules "
                       "define no lint checks (the 'lint:' key, see "
                       "rules/lint.yaml)");
    c.sets[0] = rules->lint;
    c.sets[1] = cfg ? cfg->extra : NULL;
    uint32_t caps = rules->lint->max_capture;
    if (c.sets[1] && c.sets[1]->max_capture > caps)
        caps = c.sets[1]->max_capture;
    c.len = doc->len;
    c.text = sm_strndup(doc->text, doc->len);
    c.md = pcre2_match_data_create(caps + 1, NULL);
    c.res = calloc(1, sizeof *c.res);
    if (!c.text || !c.md || !c.res || !(c.res->file = sm_strdup(doc->name))) {
        st = sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
        goto done;
    }
    c.res->rules = rules;
    c.res->cfg = cfg;
    c.masked = *doc;
    c.masked.text = c.text;

    size_t fm_a, fm_b;
    if ((st = blank_out(&c, &fm_a, &fm_b)) != SM_OK ||
        (st = claimed_level(&c, opt, fm_a, fm_b)) != SM_OK)
        goto done;
    /* resume sections mean nothing in a job description: every line is
     * "other", and any accepted hit counts as a mention */
    if (!(sections = malloc((doc->nlines + 1) * sizeof *sections))) {
        st = sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i <= doc->nlines; i++)
        sections[i] = -1;
    if ((st = sm_match_doc(rules, s, &c.masked, sections, 0, -1, NULL, NULL,
                           &hits, err)) != SM_OK)
        goto done;
    /* the years the draft asks, whatever the checks say of them: by the
     * phrases of the rules' first years check */
    c.res->years_asked = c.res->years_asked_max = -1;
    for (size_t i = 0; i < rules->lint->nchecks && st == SM_OK; i++) {
        size_t at;
        if (rules->lint->checks[i].kind == SM_LINT_YEARS) {
            st = asked_years(&c, &rules->lint->checks[i], &c.res->years_asked,
                             &c.res->years_asked_max, &at);
            break;
        }
    }
    for (int k = 0; k < 2 && st == SM_OK; k++)
        for (size_t i = 0; c.sets[k] && i < c.sets[k]->nchecks && st == SM_OK;
             i++)
            st = run_check(&c, &c.sets[k]->checks[i], &hits);
    if (st == SM_OK)
        st = finish(&c);
done:
    if (st == SM_ERR_MATCH && err && !err->file[0])
        snprintf(err->file, sizeof err->file, "%s", doc->name);
    free(hits.hits);
    free(sections);
    ctx_release(&c);
    if (st != SM_OK) {
        sm_lint_result_free(c.res);
        return st;
    }
    *out = c.res;
    return SM_OK;
}

sm_status sm_lint_title_level(const sm_rules *rules, sm_scratch *s,
                              const char *title, sm_level *out, sm_error *err)
{
    lint_ctx c = {.r = rules, .s = s, .err = err};
    if (!rules->lint)
        return sm_fail(err, SM_ERR_RULES, rules->dir, 0, 0, "the rules "
                       "define no title words");
    c.sets[0] = rules->lint;
    c.md = pcre2_match_data_create(rules->lint->max_capture + 1, NULL);
    if (!c.md)
        return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0, "out of memory");
    sm_level lv;
    sm_status st = title_words(&c, title, strlen(title), &lv);
    pcre2_match_data_free(c.md);
    if (st == SM_OK)
        *out = lv;
    return st;
}

void sm_lint_result_free(sm_lint_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nstrings; i++)
        free(r->strings[i]);
    free(r->strings);
    free(r->findings);
    free(r->title);
    free(r->file);
    free(r);
}

const char *sm_lint_result_file(const sm_lint_result *r) { return r->file; }
sm_level sm_lint_result_level(const sm_lint_result *r) { return r->level; }
sm_level_source sm_lint_result_level_source(const sm_lint_result *r)
{
    return r->level_source;
}

const char *sm_lint_result_title(const sm_lint_result *r, int *line)
{
    if (line)
        *line = r->title ? r->title_line : 0;
    return r->title;
}

double sm_lint_result_years_asked(const sm_lint_result *r, double *max)
{
    if (max)
        *max = r->years_asked_max;
    return r->years_asked;
}

const sm_lint_finding *sm_lint_result_findings(const sm_lint_result *r,
                                               size_t *n)
{
    *n = r->nfindings;
    return r->findings;
}

size_t sm_lint_result_count(const sm_lint_result *r, sm_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        if (r->findings[i].severity >= sev && sev != SM_SEVERITY_OFF)
            n++;
    return n;
}
