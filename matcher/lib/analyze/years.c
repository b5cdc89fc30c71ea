/* years.c - years of experience: job date ranges ("Jan 2019 - Present",
 * "2016-2020", "06/2018 - 03/2021", "March 2015 to date", "2019-now"),
 * merged where they overlap, education dates left out; and explicit totals
 * ("7+ years of experience"). The larger of the two is the answer, and the
 * method says how it was counted. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze/analyze.h"
#include "doc/doc.h"
#include "rules/rules.h"
#include "util/util.h"

typedef sm_job_range range;

static const char *const MONTHS[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

/* The bytes a date can start with: see date_at(). */
static const bool DATE_START[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['j'] = 1, ['f'] = 1, ['m'] = 1, ['a'] = 1, ['s'] = 1, ['o'] = 1,
    ['n'] = 1, ['d'] = 1, ['J'] = 1, ['F'] = 1, ['M'] = 1, ['A'] = 1,
    ['S'] = 1, ['O'] = 1, ['N'] = 1, ['D'] = 1};

static bool word_start(const char *t, size_t i)
{
    unsigned char c = i ? (unsigned char)t[i - 1] : 0;
    return i == 0 || !sm_is_alnum(c);
}

static size_t skip_spaces(const char *t, size_t i, size_t n)
{
    while (i < n && (t[i] == ' ' || t[i] == ','))
        i++;
    return i;
}

/* A 4-digit year 1950..2099 at t[i], not part of a longer number. */
static int year_at(const char *t, size_t i, size_t n)
{
    if (i + 4 > n || (i + 4 < n && sm_is_digit((unsigned char)t[i + 4])))
        return 0;
    for (int k = 0; k < 4; k++)
        if (!sm_is_digit((unsigned char)t[i + k]))
            return 0;
    int y = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 +
        (t[i + 3] - '0');
    return y >= 1950 && y <= 2099 ? y : 0;
}

/* A month name at t[i] (jan, January, Sept.): 1..12 and its length. */
static int month_at(const char *t, size_t i, size_t n, size_t *len)
{
    static const char *const FULL[] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    /* this runs at many words of every line: the first three letters,
     * as one number, rule most out */
    if (!word_start(t, i) || i + 3 > n)
        return 0;
    uint32_t key = (uint32_t)sm_lower((unsigned char)t[i]) << 16 |
                   (uint32_t)sm_lower((unsigned char)t[i + 1]) << 8 |
                   sm_lower((unsigned char)t[i + 2]);
#define KEY3(a, b, c) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (c))
    static const uint32_t KEYS[12] = {
        KEY3('j', 'a', 'n'), KEY3('f', 'e', 'b'), KEY3('m', 'a', 'r'),
        KEY3('a', 'p', 'r'), KEY3('m', 'a', 'y'), KEY3('j', 'u', 'n'),
        KEY3('j', 'u', 'l'), KEY3('a', 'u', 'g'), KEY3('s', 'e', 'p'),
        KEY3('o', 'c', 't'), KEY3('n', 'o', 'v'), KEY3('d', 'e', 'c')};
#undef KEY3
    for (int m = 0; m < 12; m++) {
        if (key != KEYS[m])
            continue;
        size_t fl = strlen(FULL[m]);
        if (i + fl <= n && !strncasecmp(t + i, FULL[m], fl) &&
            (i + fl == n || !sm_is_alpha((unsigned char)t[i + fl]))) {
            *len = fl;
            return m + 1;
        }
        if (i + 3 <= n && !strncasecmp(t + i, MONTHS[m], 3)) {
            size_t l = 3;
            if (m == 8 && i + 4 <= n &&
                sm_lower((unsigned char)t[i + 3]) == 't')
                l = 4;   /* Sept */
            if (i + l == n || !sm_is_alpha((unsigned char)t[i + l])) {
                if (i + l < n && t[i + l] == '.')
                    l++;
                *len = l;
                return m + 1;
            }
        }
    }
    return 0;
}

/* A date at t[i]: "Jan 2019", "January, 2019", "06/2018", "2018-06",
 * "2019". Sets *month (month 0 when only the year is given). */
static size_t date_at(const char *t, size_t i, size_t n, int *year, int *month)
{
    size_t ml;
    int m = month_at(t, i, n, &ml);
    if (m) {
        size_t j = skip_spaces(t, i + ml, n);
        if (j < n && t[j] == '\'' && j + 3 <= n &&
            sm_is_digit((unsigned char)t[j + 1]) &&
            sm_is_digit((unsigned char)t[j + 2]) &&
            (j + 3 == n || !sm_is_digit((unsigned char)t[j + 3]))) {
            *year = 2000 + (t[j + 1] - '0') * 10 + (t[j + 2] - '0');
            if (*year > 2060)
                *year -= 100;
            *month = m;
            return j + 3 - i;
        }
        int y = year_at(t, j, n);
        if (!y)
            return 0;
        *year = y;
        *month = m;
        return j + 4 - i;
    }
    if (!word_start(t, i) || !sm_is_digit((unsigned char)t[i]))
        return 0;
    /* MM/YYYY or MM.YYYY */
    size_t j = i;
    while (j < n && j - i < 2 && sm_is_digit((unsigned char)t[j]))
        j++;
    if (j < n && (t[j] == '/' || t[j] == '.') && j > i) {
        int mm = atoi(t + i);
        int y = year_at(t, j + 1, n);
        if (y && mm >= 1 && mm <= 12) {
            *year = y;
            *month = mm;
            return j + 5 - i;
        }
    }
    int y = year_at(t, i, n);
    if (!y)
        return 0;
    /* YYYY-MM or YYYY/MM (not YYYY-YYYY) */
    j = i + 4;
    if (j + 1 < n && (t[j] == '-' || t[j] == '/' || t[j] == '.') &&
        sm_is_digit((unsigned char)t[j + 1])) {
        size_t k = j + 1;
        while (k < n && sm_is_digit((unsigned char)t[k]))
            k++;
        if (k - (j + 1) <= 2) {
            int mm = atoi(t + j + 1);
            if (mm >= 1 && mm <= 12) {
                *year = y;
                *month = mm;
                return k - i;
            }
        }
    }
    *year = y;
    *month = 0;
    return 4;
}

static size_t present_at(const char *t, size_t i, size_t n)
{
    static const char *const WORDS[] = {
        "present", "current", "currently", "now", "today", "to date",
        "till date", "date", "ongoing", "to present", "to now", NULL};
    for (const char *const *w = WORDS; *w; w++) {
        size_t l = strlen(*w);
        if (i + l <= n && !strncasecmp(t + i, *w, l) &&
            (i + l == n || !sm_is_alpha((unsigned char)t[i + l])))
            return l;
    }
    return 0;
}

/* The separator of a range: "-", "to", "until", "till", "~", "through". */
static size_t separator_at(const char *t, size_t i, size_t n)
{
    static const char *const WORDS[] = {"to", "until", "till", "through",
                                        "thru", NULL};
    size_t j = i;
    while (j < n && t[j] == ' ')
        j++;
    if (j < n && (t[j] == '-' || t[j] == '~')) {
        j++;
        while (j < n && (t[j] == '-' || t[j] == ' '))
            j++;
        return j - i;
    }
    for (const char *const *w = WORDS; *w; w++) {
        size_t l = strlen(*w);
        if (j + l < n && !strncasecmp(t + j, *w, l) && t[j + l] == ' ') {
            j += l;
            while (j < n && t[j] == ' ')
                j++;
            return j - i;
        }
    }
    return 0;
}

/* Does the line name a degree or schooling? Whole words only: "MBA" is not
 * in "Lombard". */
static bool education_line(const char *t, size_t n)
{
    static const char *const WORDS[] = {
        "bachelor", "master of", "master's", "masters", "degree", "b.sc",
        "m.sc", "bsc", "msc", "b.s.", "m.s.", "b.tech", "m.tech", "b.e.",
        "phd", "ph.d", "coursework", "gpa", "diploma", "graduated",
        "bootcamp", "boot camp", "student", "mba", NULL};
    for (const char *const *w = WORDS; *w; w++) {
        size_t l = strlen(*w);
        for (size_t i = 0; i + l <= n; i++) {
            if (sm_lower((unsigned char)t[i]) != (*w)[0] ||
                strncasecmp(t + i, *w, l) != 0)
                continue;
            bool before = i == 0 || !sm_is_alpha((unsigned char)t[i - 1]);
            bool after = i + l == n || !sm_is_alpha((unsigned char)t[i + l]) ||
                         (*w)[l - 1] == '.';
            if (before && after)
                return true;
        }
    }
    return false;
}

static int range_cmp(const void *a, const void *b)
{
    const range *x = a, *y = b;
    return x->from != y->from ? (x->from < y->from ? -1 : 1)
                              : (x->to < y->to ? -1 : x->to > y->to);
}

/* "7+ years of experience", "over 10 years' experience", "5 yrs exp". */
static double stated_years(const char *t, size_t n, size_t *where)
{
    double best = -1;
    for (size_t i = 0; i < n; i++) {
        if (!sm_is_digit((unsigned char)t[i]) || !word_start(t, i))
            continue;
        char *end;
        double v = strtod(t + i, &end);
        size_t j = (size_t)(end - t);
        if (v <= 0 || v > 50 || j > n)
            continue;
        while (j < n && (t[j] == '+' || t[j] == ' '))
            j++;
        size_t k = j;
        while (k < n && sm_is_alpha((unsigned char)t[k]))
            k++;
        if (!((k - j == 5 && !strncasecmp(t + j, "years", 5)) ||
              (k - j == 4 && !strncasecmp(t + j, "year", 4)) ||
              (k - j == 3 && !strncasecmp(t + j, "yrs", 3)) ||
              (k - j == 2 && !strncasecmp(t + j, "yr", 2))))
            continue;
        /* "over 12 years in retail", "10+ years of building": a total */
        bool plus = memchr(t + i, '+', j - i) != NULL;
        bool over = (i >= 5 && !strncasecmp(t + i - 5, "over ", 5)) ||
                    (i >= 10 && !strncasecmp(t + i - 10, "more than ", 10));
        if ((plus || over) && k + 4 <= n &&
            (!strncasecmp(t + k, " in ", 4) || !strncasecmp(t + k, " of ", 4) ||
             !strncasecmp(t + k, "' ", 2))) {
            if (v > best) {
                best = v;
                *where = i;
            }
            continue;
        }
        /* "experience" within the next few words, on the same line */
        size_t lim = k + 48 < n ? k + 48 : n;
        for (size_t m = k; m < lim && t[m] != '\n'; m++) {
            if (!strncasecmp(t + m, "experience", 10) ||
                !strncasecmp(t + m, "exp.", 4) ||
                !strncasecmp(t + m, "exp ", 4)) {
                if (v > best) {
                    best = v;
                    *where = i;
                }
                break;
            }
            if (t[m] == '.' || t[m] == ';')
                break;
        }
    }
    return best;
}

double sm_years_merged(const sm_job_range *v, size_t n, const bool *keep)
{
    enum { FEW = 32 };               /* (one resume's jobs: on the stack) */
    range few[FEW];
    range *w = n <= FEW ? few : malloc(n * sizeof *w);
    size_t k = 0;
    if (!w)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!keep || keep[i])
            w[k++] = v[i];
    if (!k) {
        if (w != few)
            free(w);
        return 0;
    }
    sm_sort(w, k, sizeof *w, range_cmp);
    int months = 0, cf = w[0].from, ct = w[0].to;
    for (size_t i = 1; i < k; i++) {
        if (w[i].from <= ct) {
            if (w[i].to > ct)
                ct = w[i].to;
        } else {
            months += ct - cf;
            cf = w[i].from;
            ct = w[i].to;
        }
    }
    months += ct - cf;
    if (w != few)
        free(w);
    return (double)(long)(months / 12.0 * 10 + 0.5) / 10;
}

sm_status sm_years_find(const sm_rules *r, sm_scratch *s, const sm_doc *doc,
                        const int *line_sections, int today_year,
                        int today_month, sm_years *out, sm_error *err)
{
    range *v = NULL;
    size_t nv = 0, cap = 0;
    int today = today_year * 12 + (today_month - 1);
    (void)s;
    out->years = -1;
    out->method[0] = '\0';

    for (size_t ln = 0; ln < doc->nlines; ln++) {
        const char *t = doc->text + doc->line_starts[ln];
        size_t n = (ln + 1 < doc->nlines ? doc->line_starts[ln + 1] - 1
                                         : doc->len) -
                   doc->line_starts[ln];
        if (sm_section_is_education(r, line_sections[ln]) ||
            !strcmp(sm_section_name(r, line_sections[ln]), "skills"))
            continue;
        bool edu = false, edu_known = false;
        /* every date has a digit (a year, or a month as a number): a line
         * without one holds none */
        size_t d = 0;
        while (d < n && !sm_is_digit((unsigned char)t[d]))
            d++;
        if (d == n)
            continue;
        for (size_t i = 0; i < n; i++) {
            int y1, m1, y2 = 0, m2 = 0;
            /* a date starts a word, with a digit or a month's initial */
            if (!DATE_START[(unsigned char)t[i]] || !word_start(t, i))
                continue;
            size_t l1 = date_at(t, i, n, &y1, &m1);
            if (!l1)
                continue;
            size_t j = i + l1;
            size_t sl = separator_at(t, j, n);
            bool since = i >= 6 && !strncasecmp(t + i - 6, "since ", 6);
            int from = y1 * 12 + (m1 ? m1 - 1 : 0), to;
            if (!sl && since) {           /* "since 2022": to the present */
                to = today;
                i = j - 1;
            } else if (!sl) {
                i = j - 1;
                continue;
            } else {
                j += sl;
                size_t l2 = present_at(t, j, n);
                bool present = l2 > 0;
                if (!present)
                    l2 = date_at(t, j, n, &y2, &m2);
                if (!l2) {
                    i = j - 1;
                    continue;
                }
                i = j + l2 - 1;
                to = present ? today
                             : y2 * 12 + (m2 ? m2 - 1 : (y2 == y1 ? 6 : 0));
                if (m1 && !m2 && !present && y2 > y1)
                    to = y2 * 12;         /* "Mar 2016 - 2019" */
            }
            if (!edu_known) {
                edu = education_line(t, n);
                edu_known = true;
            }
            if (edu || from > to || from > today || to - from > 50 * 12)
                continue;
            if (to > today)
                to = today;
            range *slot = SM_PUSH(v, nv, cap);
            if (!slot) {
                free(v);
                return sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0,
                               "out of memory");
            }
            slot->from = from;
            slot->to = to;
            slot->line = ln;
        }
    }
    double ranged = nv ? sm_years_merged(v, nv, NULL) : -1;
    size_t where = 0;
    double stated = stated_years(doc->text, doc->len, &where);
    if (stated > ranged && stated > 0) {
        int line, col;
        sm_doc_position(doc, where, &line, &col);
        out->years = stated;
        snprintf(out->method, sizeof out->method,
                 "stated total at line %d (%g years)%s", line, stated,
                 nv ? ", more than the date ranges give" : "");
    } else if (nv) {
        out->years = ranged;
        snprintf(out->method, sizeof out->method,
                 "%zu date range%s of work, overlaps merged, education left "
                 "out", nv, nv == 1 ? "" : "s");
    } else {
        snprintf(out->method, sizeof out->method,
                 "no dated jobs or stated total found");
    }
    /* round to a tenth of a year */
    if (out->years >= 0)
        out->years = (double)(long)(out->years * 10 + 0.5) / 10;
    out->ranges = v;
    out->nranges = nv;
    return SM_OK;
}
