/* sections.c - which resume section each part of a document is in, from
 * its headings: "## Skills", "SKILLS", "Technical Skills:", "3.
 * Experience", a line underlined with === or ---, and inline "Skills:
 * Python, SQL"; and headings inside running text, as flattened resumes
 * have them ("... Git EXPERIENCE Data Scientist ...", "... dashboards.
 * Education: MSc ...", "Oslo · Work history · Kahoot!"). The heading
 * vocabulary and each section's strength live in the rules
 * (sections.yaml). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "analyze/sections.h"
#include "doc/doc.h"
#include "doc/formats.h"
#include "engine/engine.h"
#include "rules/rules.h"
#include "util/util.h"

enum { MAX_HEADING = 60 };

const char *sm_section_name(const sm_rules *r, int idx)
{
    return idx >= 0 && (size_t)idx < r->nsections ? r->sections[idx].name
                                                  : "other";
}

double sm_section_strength(const sm_rules *r, int idx)
{
    return idx >= 0 && (size_t)idx < r->nsections ? r->sections[idx].strength
                                                  : 1.0;
}

bool sm_section_is_education(const sm_rules *r, int idx)
{
    return !strcmp(sm_section_name(r, idx), "education");
}

/* Strip heading decoration: markdown #, numbering, emphasis, a final colon.
 * Returns the span of the heading words in [*b, *e). */
static void strip_heading(const char *s, size_t len, size_t *b, size_t *e)
{
    size_t i = 0, j = len;
    while (i < j && (s[i] == '#' || s[i] == ' ' || s[i] == '*' ||
                     s[i] == '_' || s[i] == '=' || s[i] == '|'))
        i++;
    /* "1.", "2)", "IV.", "A." numbering */
    size_t k = i;
    while (k < j && (isdigit((unsigned char)s[k]) ||
                     strchr("IVXivx", s[k])))
        k++;
    if (k > i && k < j && (s[k] == '.' || s[k] == ')') && k - i <= 4 &&
        k + 1 < j && s[k + 1] == ' ')
        i = k + 2;
    while (j > i && (s[j - 1] == ' ' || s[j - 1] == ':' || s[j - 1] == '*' ||
                     s[j - 1] == '_' || s[j - 1] == '=' || s[j - 1] == '#' ||
                     s[j - 1] == '|' || s[j - 1] == '-'))
        j--;
    *b = i;
    *e = j;
}

static bool is_rule_line(const char *s, size_t len)
{
    if (len < 3)
        return false;
    for (size_t i = 0; i < len; i++)
        if (s[i] != '=' && s[i] != '-' && s[i] != '_' && s[i] != ' ')
            return false;
    return true;
}

/* Short, letters and spaces, no lowercase letter: an ALL CAPS heading. */
static bool all_caps(const char *s, size_t len)
{
    size_t letters = 0, words = 1;
    if (len < 3 || len > 40)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (islower(ch))
            return false;
        if (isupper(ch))
            letters++;
        else if (ch == ' ')
            words++;
        else if (!strchr("&/-,'", ch))
            return false;
    }
    return letters >= 3 && words <= 5;
}

/* The section whose heading matches s[0..len) entirely, or -2. */
static int heading_section(const sm_rules *r, sm_scratch *sc, const char *s,
                           size_t len, sm_error *err, bool *failed)
{
    for (size_t i = 0; i < r->nsections; i++)
        for (size_t j = 0; j < r->sections[i].nheadings; j++) {
            size_t ms, me;
            int rc = sm_regex_find(&r->sections[i].headings[j], sc, s, len, 0,
                                   &ms, &me, err);
            if (rc < 0) {
                *failed = true;
                return -2;
            }
            if (rc == 1)
                return (int)i;
        }
    return -2;
}

/* Record that the section is `sec` from offset `at` on. */
static bool mark(sm_sections *m, size_t at, int sec)
{
    if (m->nmarks && m->marks[m->nmarks - 1].section == sec)
        return true;
    if (m->nmarks && m->marks[m->nmarks - 1].at == at) {
        m->marks[m->nmarks - 1].section = sec;   /* replaced at once */
        if (m->nmarks > 1 && m->marks[m->nmarks - 2].section == sec)
            m->nmarks--;
        return true;
    }
    sm_section_mark *k = SM_PUSH(m->marks, m->nmarks, m->capmarks);
    if (!k)
        return false;
    *k = (sm_section_mark){at, sec};
    return true;
}

/* Where a segment of running text ends and the next can start with a
 * heading: | ; · a spaced dash, and a sentence's end (". " - not the dot
 * of "B.Tech"). */
static size_t boundary_len(const char *s, size_t i, size_t len)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '|' || c == ';' || c == '*')
        return 1;
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == len || s[i + 1] == ' '))
        return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xB7)
        return 2;                                    /* middle dot */
    if (c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < len && s[i + 1] == ' ')
        return 1;                                    /* "Name - Experience:" */
    return 0;
}

/* A heading word: letters (any UTF-8 letter byte), and & / ' - inside. */
static size_t heading_word(const char *s, size_t i, size_t len, bool *caps)
{
    size_t j = i, upper = 0, lower = 0;
    while (j < len) {
        unsigned char c = (unsigned char)s[j];
        if (sm_is_alpha(c) || c >= 0x80) {
            if (c >= 0x80 && c == 0xC2 && j + 1 < len &&
                (unsigned char)s[j + 1] == 0xB7)
                break;                               /* middle dot */
            upper += c >= 'A' && c <= 'Z';
            lower += c >= 'a' && c <= 'z';
            j++;
        } else if (j > i && strchr("&/'-", c) && j + 1 < len &&
                   sm_is_alpha((unsigned char)s[j + 1])) {
            j++;
        } else if (j == i && c == '&') {
            j++;
        } else {
            break;
        }
    }
    *caps = upper >= 2 && !lower;
    return j - i;
}

enum { INLINE_WORDS = 4 };

/* The words of a possible heading at s[i..): their ends (at most
 * INLINE_WORDS), and whether each is in capitals. */
static size_t heading_words(const char *s, size_t i, size_t len,
                            size_t *ends, bool *caps)
{
    size_t k = 0;
    while (k < INLINE_WORDS && i < len) {
        size_t w = heading_word(s, i, len, &caps[k]);
        if (!w)
            break;
        ends[k++] = i + w;
        i += w;
        if (i < len && s[i] == ' ')
            i++;
        else
            break;
    }
    return k;
}

/* What follows a heading ending at s[e]: a colon or a spaced dash (a
 * label), the segment's end, or a date: then it can be one. */
static bool ends_heading(const char *s, size_t e, size_t len)
{
    size_t j = e;
    while (j < len && s[j] == ' ')
        j++;
    if (j == len || boundary_len(s, j, len))
        return true;
    if (s[j] == ':')
        return true;
    if (s[j] == '-' && j > e && j + 1 < len && s[j + 1] == ' ')
        return true;
    return sm_is_digit((unsigned char)s[j]);
}

/* Headings inside the line s[0..len) (at offset base), in order, into m;
 * *cur is the section in effect, and what a heading here leaves for the
 * rest of the text. */
static sm_status inline_headings(const sm_rules *r, sm_scratch *sc,
                                 const char *s, size_t len, size_t base,
                                 int *cur, sm_sections *m, sm_error *err)
{
    bool seg = true, failed = false, lower = false;
    size_t i = 0;
    /* in a line without a lower-case letter, capitals tell nothing */
    for (size_t k = 0; k < len && !lower; k++)
        lower = s[k] >= 'a' && s[k] <= 'z';
    while (i < len) {
        size_t bl = boundary_len(s, i, len);
        if (bl || s[i] == ' ') {
            seg = seg || bl;
            i += bl ? bl : 1;
            continue;
        }
        size_t ends[INLINE_WORDS];
        bool caps[INLINE_WORDS];
        /* a heading starts a segment, or is in capitals */
        bool upper = s[i] >= 'A' && s[i] <= 'Z';
        size_t k = seg || (upper && lower)
                       ? heading_words(s, i, len, ends, caps) : 0;
        int found = -2;
        size_t found_end = 0;
        /* a label or a segment of its own, after a boundary: "Education:
         * MSc", "· Work history ·" - the longest that is a heading */
        for (size_t w = k; seg && w > 0 && found < -1; w--)
            if (ends_heading(s, ends[w - 1], len)) {
                found = heading_section(r, sc, s + i, ends[w - 1] - i, err,
                                        &failed);
                found_end = ends[w - 1];
            }
        /* words in capitals between others: "... Git EXPERIENCE Data",
         * "SKILLS Python, SQL EXPERIENCE Data": from each word of a run of
         * capitals to the run's end (the heading is its tail) */
        if (found < -1 && k && caps[0] && lower) {
            size_t w = 0;
            while (w < k && caps[w])
                w++;
            size_t after = ends[w - 1];
            while (after < len && s[after] == ' ')
                after++;
            bool more_caps = false;
            if (w == k && after < len) {
                bool c2;
                more_caps = heading_word(s, after, len, &c2) && c2;
            }
            if (!more_caps && !(after < len && s[after] >= 'a' &&
                                s[after] <= 'z')) {
                found = heading_section(r, sc, s + i, ends[w - 1] - i, err,
                                        &failed);
                found_end = ends[w - 1];
            }
        }
        if (failed)
            return err ? err->code : SM_ERR_MATCH;
        if (found >= 0) {
            *cur = found;
            if (!mark(m, base + i, found))
                return sm_fail(err, SM_ERR_NOMEM, NULL, 0, 0,
                               "out of memory");
            i = found_end;
            seg = false;
            continue;
        }
        /* on to the next word */
        bool c1 = false;
        size_t w = heading_word(s, i, len, &c1);
        seg = false;
        i += w ? w : 1;
        while (i < len && s[i] != ' ' && !boundary_len(s, i, len))
            i++;
    }
    return SM_OK;
}

sm_sections *sm_sections_map(const sm_rules *r, sm_scratch *sc,
                             const sm_doc *doc, sm_error *err)
{
    sm_sections *m = calloc(1, sizeof *m);
    if (!m || !mark(m, 0, -1)) {
        sm_sections_free(m);
        sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
        return NULL;
    }
    int cur = -1;
    bool failed = false, oom = false;
    for (size_t ln = 0; ln < doc->nlines && !failed && !oom; ln++) {
        size_t at = doc->line_starts[ln];
        const char *s = doc->text + at;
        size_t end = ln + 1 < doc->nlines ? doc->line_starts[ln + 1] - 1
                                          : doc->len;
        size_t len = end - at, b, e;
        oom = !mark(m, at, cur);
        SM_WORK(len + 1);
        /* a JSON Resume's structure says the line's section (the rules
         * may not know it: then "other") */
        const char *named = doc->src ? sm_doc_line_section(doc, ln) : NULL;
        if (named) {
            int idx = -1;
            for (size_t i = 0; i < r->nsections; i++)
                if (!strcmp(r->sections[i].name, named))
                    idx = (int)i;
            oom = oom || !mark(m, at, idx);
            continue;
        }
        if (len == 0 || is_rule_line(s, len))
            continue;
        strip_heading(s, len, &b, &e);
        if (e > b && e - b <= MAX_HEADING) {
            int h = heading_section(r, sc, s + b, e - b, err, &failed);
            if (failed)
                break;
            bool underlined = false;
            if (ln + 1 < doc->nlines) {
                const char *nx = doc->text + doc->line_starts[ln + 1];
                size_t nend = ln + 2 < doc->nlines
                                  ? doc->line_starts[ln + 2] - 1
                                  : doc->len;
                underlined = is_rule_line(nx, nend - doc->line_starts[ln + 1]);
            }
            if (h >= 0) {
                cur = h;
                oom = !mark(m, at, cur);
                continue;
            }
            if (underlined || s[0] == '#' || all_caps(s + b, e - b)) {
                cur = -1;   /* a heading we do not know: other */
                oom = !mark(m, at, cur);
                continue;
            }
        }
        /* "Skills: Python, SQL" - the label names this line's section */
        int line_sec = cur;
        const char *colon = memchr(s, ':', len < 40 ? len : 40);
        size_t from = 0;
        if (colon) {
            strip_heading(s, (size_t)(colon - s), &b, &e);
            if (e > b) {
                int h = heading_section(r, sc, s + b, e - b, err, &failed);
                if (failed)
                    break;
                if (h >= 0) {
                    line_sec = h;
                    oom = !mark(m, at, h);
                    from = (size_t)(colon - s) + 1;
                }
            }
        }
        /* headings further on in the line hold for the text after them */
        int inl = line_sec;
        if (inline_headings(r, sc, s + from, len - from, at + from, &inl, m,
                            err) != SM_OK) {
            failed = true;
            break;
        }
        if (inl != line_sec)
            cur = inl;
    }
    if (failed || oom) {
        if (oom)
            sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
        sm_sections_free(m);
        return NULL;
    }
    return m;
}

void sm_sections_free(sm_sections *m)
{
    if (!m)
        return;
    free(m->marks);
    free(m);
}

/* The index of the last mark at or before off. */
static size_t mark_at(const sm_sections *m, size_t off)
{
    size_t lo = 0, hi = m->nmarks;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (m->marks[mid].at <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

int sm_section_at(const sm_sections *m, const sm_doc *doc, size_t off)
{
    (void)doc;
    return m->nmarks ? m->marks[mark_at(m, off)].section : -1;
}

size_t sm_section_start(const sm_sections *m, const sm_doc *doc, size_t off)
{
    (void)doc;
    return m->nmarks ? m->marks[mark_at(m, off)].at : 0;
}

size_t sm_section_end(const sm_sections *m, const sm_doc *doc, size_t off)
{
    size_t k = m->nmarks ? mark_at(m, off) + 1 : 0;
    return k < m->nmarks ? m->marks[k].at : doc->len;
}
