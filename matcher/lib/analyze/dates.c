/* dates.c - the date and range grammar: see dates.h. Every function looks
 * at most a few dozen bytes ahead of where it is called, so a scan of a
 * document that calls them at each word is linear. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "analyze/dates.h"
#include "util/util.h"

/* A point: a date, or a span of two years ("2019-20", "FY2017-18"). Month
 * 0: only the year is known. */
typedef struct {
    int y1, m1, y2, m2;
    bool has_year;           /* "Jun" alone, in "Jun - Aug 2024", has none */
    bool short_year;         /* "Oct 17": a year only in a range of such */
} point;

static bool word_start(const char *t, size_t i)
{
    return i == 0 || !sm_is_alnum((unsigned char)t[i - 1]);
}

/* A word of letters at t[i], caseless, whole: its length or 0. */
static size_t word_is(const char *t, size_t i, size_t n, const char *w)
{
    if (i >= n || sm_lower((unsigned char)t[i]) != (unsigned char)w[0])
        return 0;                    /* (most words: told by the first) */
    size_t l = strlen(w);
    if (i + l > n || strncasecmp(t + i, w, l) ||
        (i + l < n && sm_is_alpha((unsigned char)t[i + l])))
        return 0;
    return l;
}

static size_t spaces(const char *t, size_t i, size_t n)
{
    size_t j = i;
    while (j < n && t[j] == ' ')
        j++;
    return j - i;
}

/* Digits at t[i..]: how many (at most `max` + 1, to tell longer runs). */
static size_t digits(const char *t, size_t i, size_t n, size_t max)
{
    size_t k = 0;
    while (i + k < n && k <= max && sm_is_digit((unsigned char)t[i + k]))
        k++;
    return k;
}

static int num(const char *t, size_t i, size_t k)
{
    int v = 0;
    for (size_t j = 0; j < k; j++)
        v = v * 10 + (t[i + j] - '0');
    return v;
}

/* A four-digit year 1950..2099 at t[i], not part of a longer number. */
static int year4(const char *t, size_t i, size_t n)
{
    if (digits(t, i, n, 4) != 4)
        return 0;
    int y = num(t, i, 4);
    return y >= 1950 && y <= 2099 ? y : 0;
}

/* A two-digit year: '18 -> 2018, '95 -> 1995. */
static int year2(int v)
{
    return v <= 60 ? 2000 + v : 1900 + v;
}

/* Month names and abbreviations: English, Spanish, Portuguese, French,
 * German, Italian. (The longest that fits wins: "june" over "jun".) */
static const struct {
    const char *w;
    int m;
} MONTH_NAMES[] = {
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3},
    {"mar", 3}, {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6},
    {"jun", 6}, {"july", 7}, {"jul", 7}, {"august", 8}, {"aug", 8},
    {"september", 9}, {"sept", 9}, {"sep", 9}, {"october", 10},
    {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12},
    {"dec", 12},
    /* es */
    {"enero", 1}, {"ene", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4},
    {"abr", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8},
    {"ago", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"dic", 12},
    /* pt */
    {"janeiro", 1}, {"fevereiro", 2}, {"fev", 2}, {"mar\xc3\xa7o", 3},
    {"maio", 5}, {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"set", 9},
    {"outubro", 10}, {"out", 10}, {"dezembro", 12}, {"dez", 12},
    /* fr */
    {"janvier", 1}, {"janv", 1}, {"f\xc3\xa9vrier", 2}, {"fevrier", 2},
    {"f\xc3\xa9v", 2}, {"mars", 3}, {"avril", 4}, {"avr", 4}, {"mai", 5},
    {"juin", 6}, {"juillet", 7}, {"juil", 7}, {"ao\xc3\xbbt", 8},
    {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"d\xc3\xa9" "cembre", 12}, {"decembre", 12},
    /* de */
    {"januar", 1}, {"j\xc3\xa4nner", 1}, {"februar", 2},
    {"m\xc3\xa4rz", 3}, {"maerz", 3}, {"juni", 6}, {"juli", 7},
    {"oktober", 10}, {"okt", 10}, {"dezember", 12},
    /* it */
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
    {"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
    {"dicembre", 12}};

enum { NMONTH_NAMES = sizeof MONTH_NAMES / sizeof *MONTH_NAMES };

/* The names of each first letter, and the first two letters a word
 * that starts a date can have (a month's, a season's, "since", "FY"):
 * made once, at first use (pthread_once: the threads share them). */
static uint8_t by_letter[26][24];
static uint8_t nby_letter[26];
static bool two_letters[26][26];
static pthread_once_t by_letter_once = PTHREAD_ONCE_INIT;

static void two_add(const char *w)
{
    int a = w[0] - 'a', b = w[1] - 'a';
    if (a >= 0 && a < 26 && b >= 0 && b < 26)
        two_letters[a][b] = true;
}

static void by_letter_init(void)
{
    static const char *const OTHERS[] = {"since", "fy", "wef", "spring",
                                         "summer", "fall", "autumn", "winter",
                                         NULL};
    for (size_t k = 0; k < NMONTH_NAMES; k++) {
        int c = MONTH_NAMES[k].w[0] - 'a';
        if (c >= 0 && c < 26 && nby_letter[c] < 24)
            by_letter[c][nby_letter[c]++] = (uint8_t)k;
        two_add(MONTH_NAMES[k].w);
    }
    for (const char *const *w = OTHERS; *w; w++)
        two_add(*w);
}

/* A month name or abbreviation at t[i] (Jan, Jan., January, Sept.,
 * marzo, März): 1..12, its length in *len. */
static int month_at(const char *t, size_t i, size_t n, size_t *len)
{
    if (i + 3 > n || !sm_is_alpha((unsigned char)t[i]))
        return 0;
    unsigned char c = sm_lower((unsigned char)t[i]);
    int best = 0;
    size_t bl = 0;
    pthread_once(&by_letter_once, by_letter_init);
    for (size_t q = 0; q < nby_letter[c - 'a']; q++) {
        size_t k = by_letter[c - 'a'][q];
        const char *w = MONTH_NAMES[k].w;
        if ((unsigned char)w[0] != c ||
            (unsigned char)w[1] != sm_lower((unsigned char)t[i + 1]))
            continue;
        size_t l = strlen(w);
        if (l > bl && i + l <= n && !strncasecmp(t + i, w, l) &&
            (i + l == n || !(sm_is_alpha((unsigned char)t[i + l]) ||
                             (unsigned char)t[i + l] >= 0x80))) {
            best = MONTH_NAMES[k].m;
            bl = l;
        }
    }
    if (!best)
        return 0;
    if (i + bl < n && t[i + bl] == '.')
        bl++;
    *len = bl;
    return best;
}

/* A season: the month it starts in. */
static int season_at(const char *t, size_t i, size_t n, size_t *len)
{
    static const struct { const char *w; int m; } S[] = {
        {"spring", 3}, {"summer", 6}, {"fall", 9}, {"autumn", 9},
        {"winter", 1}};
    for (size_t k = 0; k < sizeof S / sizeof *S; k++)
        if ((*len = word_is(t, i, n, S[k].w)))
            return S[k].m;
    return 0;
}

/* A year after a month name: " 2019", ", 2019", "-2019", "'19", "-19". */
static size_t year_after_month(const char *t, size_t i, size_t n, int *y,
                               bool *short_year)
{
    size_t j = i;
    *short_year = false;
    if (j < n && t[j] == '\'' && (*y = year4(t, j + 1, n)))
        return j + 5 - i;             /* "Feb'2015" */
    if (j < n && t[j] == '\'' && digits(t, j + 1, n, 2) == 2) {
        *y = year2(num(t, j + 1, 2));
        return j + 3 - i;
    }
    if (j < n && (t[j] == ',' || t[j] == '-' || t[j] == '/' || t[j] == '.'))
        j++;
    j += spaces(t, j, n);
    if (j < n && t[j] == '\'' && digits(t, j + 1, n, 2) == 2) {
        *y = year2(num(t, j + 1, 2));
        return j + 3 - i;
    }
    if ((*y = year4(t, j, n)))
        return j + 4 - i;
    /* "Jan-18": a dash and two digits that are not a day of a date */
    if (j == i + 1 && t[i] == '-' && digits(t, j, n, 2) == 2 &&
        !(j + 2 < n && (t[j + 2] == '-' || t[j + 2] == '/'))) {
        *y = year2(num(t, j, 2));
        return j + 2 - i;
    }
    /* "Oct 17": a day or a year; a range of two such (or to the present)
     * decides */
    if (j == i + 1 && t[i] == ' ' && digits(t, j, n, 2) == 2 &&
        !(j + 2 < n && (sm_is_alnum((unsigned char)t[j + 2]) ||
                        t[j + 2] == ',' || t[j + 2] == '/'))) {
        *y = year2(num(t, j, 2));
        *short_year = true;
        return j + 2 - i;
    }
    return 0;
}

/* "2019-20", "2014-16", "2019/20": the second year of an academic or
 * fiscal year, or of a short span (at most eight years on); not a month
 * ("2018-03"), not the start of a longer number or a date. */
static size_t span_tail(const char *t, size_t i, size_t n, int y, int *y2)
{
    if (i + 3 > n || (t[i] != '-' && t[i] != '/') ||
        digits(t, i + 1, n, 2) != 2)
        return 0;
    if (i + 3 < n && (sm_is_alnum((unsigned char)t[i + 3]) ||
                      ((t[i + 3] == '-' || t[i + 3] == '/' ||
                        t[i + 3] == '.') &&
                       i + 4 < n && sm_is_digit((unsigned char)t[i + 4]))))
        return 0;
    int yy = num(t, i + 1, 2), base = y % 100;
    int d = yy > base ? yy - base : yy + 100 - base;
    if (d < 1 || d > 8)
        return 0;
    *y2 = y + d;
    return 3;
}

/* A point at t[i]; its length, or 0. A range's first point is not read
 * from inside a longer number ("12/03/1988" from its middle, "555-2019");
 * its second, after the separator, may follow one ("2014-2017"). */
static size_t point_at(const char *t, size_t i, size_t n, bool second,
                       point *p)
{
    size_t j = i, ml = 0;
    int m, y;
    memset(p, 0, sizeof *p);
    if (!word_start(t, i))
        return 0;
    if (!second && i >= 2 &&
        (t[i - 1] == '/' || t[i - 1] == '.' || t[i - 1] == '-') &&
        sm_is_digit((unsigned char)t[i - 2]))
        return 0;
    /* a day before a month name: "17 Jan 1999", "1st March 2021" */
    size_t d = digits(t, j, n, 2);
    if (d >= 1 && d <= 2) {
        size_t k = j + d;
        if (k + 2 < n && (!strncasecmp(t + k, "st", 2) ||
                          !strncasecmp(t + k, "nd", 2) ||
                          !strncasecmp(t + k, "rd", 2) ||
                          !strncasecmp(t + k, "th", 2)))
            k += 2;
        if (k < n && (t[k] == ' ' || t[k] == '-') && month_at(t, k + 1, n, &ml))
            j = k + 1;
    }
    if ((m = month_at(t, j, n, &ml)) || (m = season_at(t, j, n, &ml))) {
        bool sy;
        size_t yl = year_after_month(t, j + ml, n, &y, &sy);
        p->m1 = p->m2 = m;
        if (!yl)
            return j + ml - i;        /* "Jun" of "Jun - Aug 2024" */
        p->y1 = p->y2 = y;
        p->has_year = true;
        p->short_year = sy;
        return j + ml + yl - i;
    }
    if (j != i)
        return 0;
    /* FY2017, FY17, FY'17, FY 2017 */
    if (i + 2 < n && sm_lower((unsigned char)t[i]) == 'f' &&
        sm_lower((unsigned char)t[i + 1]) == 'y') {
        size_t k = i + 2;
        if (t[k] == ' ' || t[k] == '\'' || t[k] == '-')
            k++;
        if ((y = year4(t, k, n)))
            k += 4;
        else if (digits(t, k, n, 2) == 2)
            y = year2(num(t, k, 2)), k += 2;
        else
            return 0;
        p->y1 = p->y2 = y;
        p->has_year = true;
        k += span_tail(t, k, n, y, &p->y2);
        return k - i;
    }
    /* '18 */
    if (t[i] == '\'' && digits(t, i + 1, n, 2) == 2 &&
        !(i + 3 < n && sm_is_alnum((unsigned char)t[i + 3]))) {
        p->y1 = p->y2 = year2(num(t, i + 1, 2));
        p->has_year = true;
        return 3;
    }
    d = digits(t, i, n, 4);
    /* MM/YYYY, MM.YYYY, MM-YYYY */
    if ((d == 1 || d == 2) && i + d < n &&
        (t[i + d] == '/' || t[i + d] == '.' || t[i + d] == '-')) {
        int mm = num(t, i, d);
        if (mm >= 1 && mm <= 12 && (y = year4(t, i + d + 1, n))) {
            p->y1 = p->y2 = y;
            p->m1 = p->m2 = mm;
            p->has_year = true;
            return d + 5;
        }
        /* MM/YY ("10/17 - 09/19"): a slash and two digits that end the
         * number (not a day and month: "12/03/1988") */
        size_t e = i + d + 1;
        if (mm >= 1 && mm <= 12 && t[i + d] == '/' &&
            digits(t, e, n, 2) == 2 &&
            !(e + 2 < n && (t[e + 2] == '/' || t[e + 2] == '.' ||
                            sm_is_alpha((unsigned char)t[e + 2])))) {
            p->y1 = p->y2 = year2(num(t, e, 2));
            p->m1 = p->m2 = mm;
            p->has_year = true;
            return e + 2 - i;
        }
        return 0;
    }
    if (d != 4 || !(y = year4(t, i, n)))
        return 0;
    p->y1 = p->y2 = y;
    p->has_year = true;
    j = i + 4;
    size_t sl = span_tail(t, j, n, y, &p->y2);
    if (sl)
        return 4 + sl;
    /* YYYY.MM, YYYY-MM, YYYY/MM (not YYYY-YYYY, a range) */
    if (j + 1 < n && (t[j] == '.' || t[j] == '-' || t[j] == '/')) {
        size_t k = digits(t, j + 1, n, 2);
        if (k >= 1 && k <= 2) {
            int mm = num(t, j + 1, k);
            if (mm >= 1 && mm <= 12) {
                p->m1 = p->m2 = mm;
                size_t e = j + 1 + k;
                /* YYYY.MM.DD: a day too */
                if (e + 2 < n && t[e] == t[j] && digits(t, e + 1, n, 2) == 2)
                    e += 3;
                return e - i;
            }
        }
    }
    return 4;
}

/* A word for the present at t[i]: its length. */
static size_t present_at(const char *t, size_t i, size_t n)
{
    static const char *const W[] = {
        "present", "presente", "current", "currently", "now", "today",
        "to date", "till date", "till now", "till today", "until now",
        "until today", "to present", "to now", "to today", "up to date",
        "date", "ongoing", "continuing", "actualidad", "actualmente", "hoy",
        "atual", "atualmente", "aujourd'hui", "heute", "jetzt", "oggi",
        "in corso", "en cours", NULL};
    size_t best = 0;
    for (const char *const *w = W; *w; w++) {
        size_t l = strlen(*w);
        if (i + l <= n && !strncasecmp(t + i, *w, l) &&
            (i + l == n || !sm_is_alpha((unsigned char)t[i + l])) && l > best)
            best = l;
    }
    return best;
}

/* The separator of a range at t[i] (spaces around it included). */
static size_t separator_at(const char *t, size_t i, size_t n)
{
    static const char *const W[] = {"to", "until", "till", "through", "thru",
                                    "upto", "up to", "bis", "hasta",
                                    "at\xc3\xa9", NULL};
    size_t j = i + spaces(t, i, n);
    if (j < n && (t[j] == '-' || t[j] == '~')) {
        while (j < n && (t[j] == '-' || t[j] == '~'))
            j++;
        return j + spaces(t, j, n) - i;
    }
    for (const char *const *w = W; *w; w++) {
        size_t l = word_is(t, j, n, *w);
        if (l && j + l < n && t[j + l] == ' ')
            return j + l + spaces(t, j + l, n) - i;
    }
    return 0;
}

bool sm_date_may_start(const char *t, size_t i, size_t n)
{
    static const bool START[256] = {
        ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
        ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['\''] = 1,
        ['j'] = 1, ['f'] = 1, ['m'] = 1, ['a'] = 1, ['s'] = 1, ['o'] = 1,
        ['n'] = 1, ['d'] = 1, ['w'] = 1, ['e'] = 1, ['g'] = 1, ['l'] = 1,
        ['J'] = 1, ['F'] = 1, ['M'] = 1, ['A'] = 1, ['S'] = 1, ['O'] = 1,
        ['N'] = 1, ['D'] = 1, ['W'] = 1, ['E'] = 1, ['G'] = 1, ['L'] = 1};
    if (!(i < n && START[(unsigned char)t[i]] && word_start(t, i)))
        return false;
    if (!sm_is_alpha((unsigned char)t[i]))
        return true;
    /* a letter: only a word that starts as a month, a season, "since" or
     * "FY" can, and that rules out most words at once */
    pthread_once(&by_letter_once, by_letter_init);
    int a = sm_lower((unsigned char)t[i]) - 'a',
        b = i + 1 < n ? sm_lower((unsigned char)t[i + 1]) - 'a' : -1;
    if (i + 1 < n && ((unsigned char)t[i + 1] >= 0x80 ||
                      (a == 'w' - 'a' && t[i + 1] == '.')))
        return true;                 /* "März", "décembre", "w.e.f." */
    return b >= 0 && b < 26 && two_letters[a][b];
}

static int first_month(const point *p)
{
    return p->y1 * 12 + (p->m1 ? p->m1 - 1 : 0);
}

size_t sm_date_at(const char *t, size_t i, size_t n, int *month)
{
    point p;
    size_t l = point_at(t, i, n, false, &p);
    if (!l || !p.has_year || p.short_year)
        return 0;
    *month = p.y2 * 12 + (p.m2 ? p.m2 - 1 : 0);
    return l;
}

bool sm_date_range_at(const char *t, size_t i, size_t n, sm_date_range *out)
{
    point a, b;
    size_t j = i, l;
    bool since = false;
    if ((l = word_is(t, i, n, "since")) || (l = word_is(t, i, n, "w.e.f.")) ||
        (l = word_is(t, i, n, "wef"))) {
        j = i + l + spaces(t, i + l, n);
        if (j < n && t[j] == ':')
            j += 1 + spaces(t, j + 1, n);
        since = true;
    }
    if (!(l = point_at(t, j, n, false, &a)))
        return false;
    j += l;
    out->start = i;
    if (since) {
        if (!a.has_year || a.short_year)
            return false;
        out->from = first_month(&a);
        out->open = true;
        out->end = j;
        return true;
    }
    size_t sl = separator_at(t, j, n);
    if (!sl) {
        /* "2019 onwards" */
        size_t k = j + spaces(t, j, n), w;
        if (a.has_year && !a.short_year && ((w = word_is(t, k, n, "onwards")) ||
                           (w = word_is(t, k, n, "onward")))) {
            out->from = first_month(&a);
            out->open = true;
            out->end = k + w;
            return true;
        }
        /* "2019-20" on its own */
        if (a.has_year && a.y2 > a.y1) {
            out->from = first_month(&a);
            out->to = a.y2 * 12;
            out->open = false;
            out->end = j;
            return true;
        }
        return false;
    }
    j += sl;
    if ((l = present_at(t, j, n))) {
        if (!a.has_year)
            return false;
        out->from = first_month(&a);
        out->open = true;
        out->end = j + l;
        return true;
    }
    if (!(l = point_at(t, j, n, true, &b)) || !b.has_year ||
        (a.has_year && a.short_year != b.short_year) ||
        (!a.has_year && b.short_year))
        return false;
    if (!a.has_year) {                /* "Jun - Aug 2024", "Nov - Feb 2020" */
        if (!b.m1)
            return false;
        a.y1 = a.y2 = a.m1 > b.m1 ? b.y1 - 1 : b.y1;
    }
    out->from = first_month(&a);
    int y2 = b.y2, m2 = b.m2;
    if (m2)
        out->to = y2 * 12 + m2 - 1;
    else if (y2 == a.y1 && !a.m1)
        out->to = y2 * 12 + 6;        /* "2019 - 2019": half a year */
    else
        out->to = y2 * 12;            /* a year alone ends in January */
    out->open = false;
    out->end = j + l;
    return out->to >= out->from;
}
