/* sections.c - which resume section each line is in, from its headings:
 * "## Skills", "SKILLS", "Technical Skills:", "3. Experience", a line
 * underlined with === or ---, and inline "Skills: Python, SQL". The
 * heading vocabulary and each section's strength live in the rules
 * (sections.yaml). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "doc/doc.h"
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

int *sm_sections_assign(const sm_rules *r, sm_scratch *sc, const sm_doc *doc,
                        sm_error *err)
{
    int *sec = malloc((doc->nlines ? doc->nlines : 1) * sizeof *sec);
    if (!sec) {
        sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
        return NULL;
    }
    int cur = -1;
    bool failed = false;
    for (size_t ln = 0; ln < doc->nlines; ln++) {
        const char *s = doc->text + doc->line_starts[ln];
        size_t end = ln + 1 < doc->nlines ? doc->line_starts[ln + 1] - 1
                                          : doc->len;
        size_t len = end - doc->line_starts[ln], b, e;
        sec[ln] = cur;
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
                cur = sec[ln] = h;
                continue;
            }
            if (underlined || s[0] == '#' || all_caps(s + b, e - b)) {
                cur = sec[ln] = -1;   /* a heading we do not know: other */
                continue;
            }
        }
        /* "Skills: Python, SQL" - the label names this line's section */
        const char *colon = memchr(s, ':', len < 40 ? len : 40);
        if (colon) {
            strip_heading(s, (size_t)(colon - s), &b, &e);
            if (e > b) {
                int h = heading_section(r, sc, s + b, e - b, err, &failed);
                if (failed)
                    break;
                if (h >= 0)
                    sec[ln] = h;
            }
        }
    }
    if (failed) {
        free(sec);
        return NULL;
    }
    return sec;
}
