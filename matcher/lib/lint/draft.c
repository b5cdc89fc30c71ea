/* draft.c - a draft made ready for the checks: the parts not linted
 * blanked (front matter, ``` / ~~~ fences, HTML comments) so that offsets,
 * lines and columns stay the draft's; the inline skillmatch-disable
 * directives; the title and the level the draft claims (--level, front
 * matter, title words); and the helpers the check engines (engines.c)
 * share: matching with captures and adding findings. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint/lint.h"
#include "analyze/analyze.h"
#include "doc/doc.h"
#include "engine/engine.h"
#include "rules/rules.h"
#include "util/util.h"

enum { MAX_TITLE = 300, LABEL_LINES_FACTOR = 3 };

/* ---- text helpers ---- */

size_t sm_lint_line_end(const char *t, size_t len, size_t i)
{
    const char *nl = memchr(t + i, '\n', len - i);
    return nl ? (size_t)(nl - t) : len;
}

static void blank(sm_lint_ctx *c, size_t a, size_t b)
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

void sm_lint_position(const sm_lint_ctx *c, size_t off, int *line, int *col)
{
    sm_doc_position(c->doc, off, line, col);
}

/* ---- matching with captures ---- */

/* 1 and the span of the next match at or after `start`, 0 for none, -1 on
 * a PCRE2 error (err filled). */
int sm_lint_find(sm_lint_ctx *c, const sm_regex *re, const char *subj,
                 size_t len,
                 size_t start, size_t *ms, size_t *me)
{
    return sm_regex_find_into(re, c->s, c->md, subj, len, start, SIZE_MAX,
                              ms, me, c->err);
}

/* The next match of re in the text from *pos on: 1, and *pos past it (one
 * byte on, after an empty match); 0 for none; -1 on a match error. */
int sm_lint_next_match(sm_lint_ctx *c, const sm_regex *re, size_t *pos,
                       size_t *ms, size_t *me)
{
    int rc = sm_lint_find(c, re, c->text, c->len, *pos, ms, me);
    if (rc > 0)
        *pos = *me > *ms ? *me : *me + 1;
    return rc;
}

/* The span of named group `name` of the last match; false when unset. */
bool sm_lint_group(const sm_lint_ctx *c, const sm_regex *re, const char *name,
                   size_t *gs, size_t *ge)
{
    return sm_regex_group(re, c->md, name, gs, ge);
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

sm_severity sm_lint_severity_of(const sm_lint_ctx *c, const sm_lint_def *k)
{
    return sm_lint_check_severity(c->r, c->cfg, &k->info);
}

sm_status sm_lint_add(sm_lint_ctx *c, const sm_lint_def *k, sm_severity sev,
                      int line, int col, const char *source,
                      const char *const *vars)
{
    sm_lint_pending *p = SM_PUSH(c->found, c->nfound, c->capfound);
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

sm_status sm_lint_add_at(sm_lint_ctx *c, const sm_lint_def *k, size_t off,
                         const char *const *vars)
{
    int line, col;
    sm_lint_position(c, off, &line, &col);
    return sm_lint_add(c, k, sm_lint_severity_of(c, k), line, col, NULL, vars);
}

/* A one-line copy of text[a..b) for a message: runs of white space
 * folded, cut with "..." at a character boundary when it is longer than
 * `cap` allows. */
void sm_lint_quote(const char *t, size_t a, size_t b, char *out, size_t cap)
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

static sm_status parse_directive(sm_lint_ctx *c, size_t a, size_t b, int line)
{
    static const struct {
        const char *word;
        sm_lint_dir_kind kind;
    } WORDS[] = {{"skillmatch-disable-next-line", SM_LINT_DIR_NEXT_LINE},
                 {"skillmatch-disable", SM_LINT_DIR_DISABLE},
                 {"skillmatch-enable", SM_LINT_DIR_ENABLE}};
    const char *t = c->doc->text;
    while (a < b && isspace((unsigned char)t[a]))
        a++;
    for (size_t w = 0; w < sizeof WORDS / sizeof *WORDS; w++) {
        size_t n = strlen(WORDS[w].word);
        if (!starts_with(t, a, b, WORDS[w].word) ||
            (a + n < b && !isspace((unsigned char)t[a + n]) &&
             t[a + n] != ','))
            continue;
        sm_lint_directive *d = SM_PUSH(c->dirs, c->ndirs, c->capdirs);
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
sm_status sm_lint_blank_out(sm_lint_ctx *c, size_t *fm_a, size_t *fm_b)
{
    const char *t = c->doc->text;
    size_t len = c->len, i = 0;
    sm_status st;
    *fm_a = *fm_b = 0;
    /* front matter: "---" on the first line, up to "---" or "..." */
    size_t e0 = sm_lint_line_end(t, len, 0);
    size_t l0 = e0;
    while (l0 > 0 && (t[l0 - 1] == ' ' || t[l0 - 1] == '\t'))
        l0--;
    if (l0 == 3 && !strncmp(t, "---", 3)) {
        for (size_t p = e0 + 1; p < len;) {
            size_t e = sm_lint_line_end(t, len, p), q = e;
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
        size_t e = sm_lint_line_end(t, len, i);
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
            sm_lint_position(c, a, &line, &col);
            if ((st = parse_directive(c, a + 4, close ? b - 3 : b, line)) !=
                SM_OK)
                return st;
            blank(c, a, b);
            p = b;
            if (b > e)   /* go on from the line where the comment ends */
                e = sm_lint_line_end(t, len, b);
        }
        i = e + 1;
    }
    if (fence_len)   /* an unclosed fence runs to the end */
        blank(c, fence_start, len);
    return SM_OK;
}

bool sm_lint_directive_names(const sm_lint_directive *d, const char *id)
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
bool sm_lint_silenced(const sm_lint_ctx *c, const char *id, int line,
                      bool whole)
{
    bool off = false;
    for (size_t i = 0; whole && i < c->ndirs; i++)
        if (c->dirs[i].kind == SM_LINT_DIR_DISABLE && c->dirs[i].nids &&
            sm_lint_directive_names(&c->dirs[i], id))
            return true;
    for (size_t i = 0; i < c->ndirs; i++) {
        const sm_lint_directive *d = &c->dirs[i];
        if (d->kind == SM_LINT_DIR_NEXT_LINE) {
            if (d->line + 1 == line && sm_lint_directive_names(d, id))
                return true;
        } else if (d->kind == SM_LINT_DIR_DISABLE && d->line <= line) {
            if (sm_lint_directive_names(d, id))
                off = true;
        } else if (d->kind == SM_LINT_DIR_ENABLE && d->line < line) {
            if (sm_lint_directive_names(d, id))
                off = false;
        }
    }
    return off;
}

/* ---- the title and the level it names ---- */

/* The line findings about the whole draft point at: its title's. */
int sm_lint_title_line(const sm_lint_ctx *c)
{
    return c->res->title ? c->res->title_line : 1;
}

sm_status sm_lint_title_words(sm_lint_ctx *c, const char *title, size_t len,
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
            int rc = sm_lint_find(c, &w->re, title, len, 0, &ms, &me);
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

int sm_lint_any_match(sm_lint_ctx *c, const sm_regex *v, size_t n,
                      const char *s,
                      size_t len)
{
    for (size_t i = 0; i < n; i++) {
        size_t ms, me;
        int rc = sm_lint_find(c, &v[i], s, len, 0, &ms, &me);
        if (rc)
            return rc;
    }
    return 0;
}

/* Markdown decoration around a line: "# ", "**", "> ", "- ", trailing
 * "#", "*", ":". */
void sm_lint_strip(const char *t, size_t *a, size_t *b)
{
    while (*a < *b && strchr("#*_> \t", t[*a]))
        (*a)++;
    while (*b > *a && strchr("#*_ \t:", t[*b - 1]))
        (*b)--;
}

static sm_status set_title(sm_lint_ctx *c, const char *s, size_t n, size_t off)
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
    sm_lint_quote(s, 0, n, c->res->title, n + 8);
    int col;
    sm_lint_position(c, off, &c->res->title_line, &col);
    return SM_OK;
}

/* The title: a labelled line ("Job title: ..."), else the first heading
 * that names a role, the first line that does, the first heading, the
 * first line. */
static sm_status find_title(sm_lint_ctx *c)
{
    const char *t = c->text;
    const sm_lint_rules *lr = c->r->lint;
    size_t first = SIZE_MAX, first_heading = SIZE_MAX, role_line = SIZE_MAX;
    size_t role_heading = SIZE_MAX, spans[4][2] = {{0}};
    int seen = 0, limit = lr->title_lines;
    size_t i = c->body;
    while (i < c->len && seen < limit * LABEL_LINES_FACTOR) {
        size_t e = sm_lint_line_end(t, c->len, i), a = i, b = e;
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
            size_t ne = sm_lint_line_end(t, c->len, next), k = next;
            while (k < ne && (t[k] == '=' || t[k] == '-'))
                k++;
            heading = k - next >= 3 && blank_line(t, k, ne);
        }
        sm_lint_strip(t, &a, &b);
        if (b <= a) {
            i = next;
            continue;
        }
        /* "Job title: Senior Data Scientist" */
        for (size_t l = 0; l < lr->nlabels; l++) {
            size_t ms, me;
            int rc = sm_lint_find(c, &lr->labels[l], t + a, b - a, 0, &ms,
                                  &me);
            if (rc < 0)
                return SM_ERR_MATCH;
            if (rc && ms == 0 && me < b - a) {
                size_t ta = a + me, tb = b;
                sm_lint_strip(t, &ta, &tb);
                if (tb > ta)
                    return set_title(c, t + ta, tb - ta, ta);
            }
        }
        if (seen <= limit) {
            int rc = b - a <= 150 || heading
                         ? sm_lint_any_match(c, lr->roles, lr->nroles, t + a,
                                             b - a)
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
        size_t e = sm_lint_line_end(t, b, i);
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
static sm_status front_matter(sm_lint_ctx *c, size_t a, size_t b,
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
            off = sm_lint_line_end(t, b, off) + 1;
        return set_title(c, ti->value, ti->len, off);
    }
    return SM_OK;
}

sm_status sm_lint_claimed_level(sm_lint_ctx *c, const sm_lint_options *opt,
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
            (st = sm_lint_title_words(c, lv->value, lv->len, &l)) != SM_OK)
            goto done;
        if (l != SM_LEVEL_NONE) {
            res->level = l;
            res->level_source = SM_LEVEL_FROM_FRONT_MATTER;
            goto done;
        }
        /* say so, and fall back on the title */
        size_t off = fm_a;
        for (int n = 1; n < lv->line && off < fm_b; n++)
            off = sm_lint_line_end(c->doc->text, fm_b, off) + 1;
        int col;
        sm_lint_position(c, off, &c->fm_level_line, &col);
        c->fm_level_col = lv->col;
        snprintf(c->fm_level_bad, sizeof c->fm_level_bad, "%s", lv->value);
    }
    if (res->title) {
        sm_level l;
        if ((st = sm_lint_title_words(c, res->title, strlen(res->title),
                                      &l)) !=
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
