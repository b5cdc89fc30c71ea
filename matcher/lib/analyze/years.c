/* years.c - years of experience. The date ranges of the whole text are
 * found first (the grammar is dates.c), then what each one dates: a job,
 * or a degree, a course, a certificate, a birth date (left out), from its
 * section and the words of its clause; each job's block runs from its
 * title, just before the range, to the next job's. Years = the jobs'
 * ranges merged where they overlap. A total the person states in the
 * summary or headline ("5+ years", "over a decade", "7 yrs exp", "Total
 * Experience : 3.5 Years") wins, as people mean it; the method says which
 * was used. One pass over the text, and one over the ranges. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze/analyze.h"
#include "analyze/dates.h"
#include "analyze/sections.h"
#include "analyze/years.h"
#include "doc/doc.h"
#include "doc/formats.h"
#include "rules/rules.h"
#include "util/util.h"

typedef sm_job_range range;

enum {
    TITLE_BACK = 100,        /* how far before a range its title can start */
    CLAUSE_AHEAD = 60        /* the words after a range that say what it is */
};

static int line_cmp(const void *a, const void *b)
{
    const range *x = a, *y = b;
    return x->line != y->line ? (x->line < y->line ? -1 : 1)
                              : (x->from > y->from) - (x->from < y->from);
}

/* Where a clause ends, for the words around a range: a line break, ; | ·
 * or a sentence's end: ". " after a word of four letters or more, a digit
 * or a bracket - not the dot of an abbreviation ("B.Tech. ", "MSc. ",
 * "Ltd. "). */
static bool clause_end(const char *t, size_t i, size_t n)
{
    unsigned char c = (unsigned char)t[i];
    if (c == '\n' || c == ';' || c == '|')
        return true;
    if (c == '.' && i + 1 < n && t[i + 1] == ' ' && i > 0) {
        unsigned char p = (unsigned char)t[i - 1];
        if (sm_is_digit(p) || p == ')')
            return true;
        size_t k = i;
        while (k > 0 && sm_is_alpha((unsigned char)t[k - 1]))
            k--;
        return i - k >= 4 && !(k > 0 && t[k - 1] == '.');
    }
    return c == 0xB7 && i > 0 && (unsigned char)t[i - 1] == 0xC2;
}

static bool section_holds_no_work(const sm_rules *r, int sec)
{
    const char *name = sm_section_name(r, sec);
    return !strcmp(name, "education") || !strcmp(name, "skills") ||
           !strcmp(name, "certifications") || !strcmp(name, "courses") ||
           !strcmp(name, "interests");
}

/* ---- stated totals ---- */

typedef struct {
    double years;
    size_t start, end;       /* the words as written: "5+ years" */
    bool total;              /* labelled a total ("Total Experience") */
} stated;

static size_t word_at(const char *t, size_t i, size_t n, const char *w)
{
    if (i >= n || sm_lower((unsigned char)t[i]) != sm_lower((unsigned char)w[0]))
        return 0;
    size_t l = strlen(w);
    if (i + l > n || strncasecmp(t + i, w, l) ||
        (i + l < n && sm_is_alpha((unsigned char)t[i + l])) ||
        (i > 0 && sm_is_alpha((unsigned char)t[i - 1])))
        return 0;
    return l;
}

/* Does the text just before b (back to a clause end, at most `back`
 * bytes) hold word w? */
static bool word_before(const char *t, size_t b, size_t back, const char *w)
{
    size_t lo = b > back ? b - back : 0;
    for (size_t i = b; i > lo; i--) {
        if (t[i - 1] == '\n' || t[i - 1] == '.' || t[i - 1] == '|' ||
            t[i - 1] == ';')
            break;
        if (word_at(t, i - 1, b, w))
            return true;
    }
    return false;
}

/* "experience" or "exp" in the clause after e (at most `ahead` bytes). */
static bool experience_after(const char *t, size_t e, size_t n, size_t ahead)
{
    size_t hi = e + ahead < n ? e + ahead : n;
    for (size_t i = e; i < hi; i++) {
        if (t[i] == '\n' || t[i] == '|' || t[i] == ';' ||
            (t[i] == '.' && i + 1 < n && t[i + 1] == ' '))
            break;
        if (word_at(t, i, n, "experience") || word_at(t, i, n, "exp") ||
            word_at(t, i, n, "experienced"))
            return true;
    }
    return false;
}

/* "Experience: 5", "experience of 11+", "Total Experience : 3.5": the
 * label right before the number at i. */
static bool label_before(const char *t, size_t i)
{
    size_t j = i;
    for (int step = 0; step < 4 && j > 0; step++) {
        while (j > 0 && (t[j - 1] == ' ' || t[j - 1] == ':' ||
                         t[j - 1] == '-' || t[j - 1] == '('))
            j--;
        size_t k = j;
        while (k > 0 && sm_is_alpha((unsigned char)t[k - 1]))
            k--;
        size_t l = j - k;
        if (l == 10 && !strncasecmp(t + k, "experience", 10))
            return true;
        if (l == 3 && !strncasecmp(t + k, "exp", 3))
            return true;
        if (!((l == 2 && (!strncasecmp(t + k, "of", 2) ||
                          !strncasecmp(t + k, "is", 2))) ||
              (l == 5 && !strncasecmp(t + k, "total", 5))))
            return false;
        j = k;
    }
    return false;
}

static const char *const QUALIFIERS[] = {
    "over", "more than", "nearly", "almost", "about", "around",
    "approximately", "approx", "close to", "at least", "a total of",
    "roughly", NULL};

/* A qualifier ending right before i ("over ", "more than "): its start. */
static size_t qualifier_before(const char *t, size_t i)
{
    size_t j = i;
    while (j > 0 && (t[j - 1] == ' ' || t[j - 1] == '.'))
        j--;
    if (j > 0 && t[j - 1] == '~')
        return j - 1;
    for (const char *const *q = QUALIFIERS; *q; q++) {
        size_t l = strlen(*q);
        if (j >= l && !strncasecmp(t + j - l, *q, l) &&
            (j == l || !sm_is_alpha((unsigned char)t[j - l - 1])))
            return j - l;
    }
    return i;
}

/* A number of years at t[i]: "4.4", "3,5", "five", "a decade", "two
 * decades"; its value, and in *dec whether it is a count of decades. */
static size_t amount_at(const char *t, size_t i, size_t n, double *v,
                        bool *dec)
{
    static const char *const WORDS[] = {
        "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", NULL};
    *dec = false;
    if (!t[i] || !strchr("0123456789otfsenadOTFSENAD", t[i]))
        return 0;                    /* (no amount starts otherwise) */
    if (sm_is_digit((unsigned char)t[i])) {
        /* not the middle of a number: "1.5" read from its 5 */
        if (i > 0 && (sm_is_digit((unsigned char)t[i - 1]) ||
                      ((t[i - 1] == '.' || t[i - 1] == ',') && i > 1 &&
                       sm_is_digit((unsigned char)t[i - 2]))))
            return 0;
        size_t j = i;
        double x = 0;
        while (j < n && sm_is_digit((unsigned char)t[j]) && j - i < 3)
            x = x * 10 + (t[j++] - '0');
        if (j < n && sm_is_digit((unsigned char)t[j]))
            return 0;
        if (j + 1 < n && (t[j] == '.' || t[j] == ',') &&
            sm_is_digit((unsigned char)t[j + 1]) &&
            !(j + 2 < n && sm_is_digit((unsigned char)t[j + 2]))) {
            x += (t[j + 1] - '0') / 10.0;
            j += 2;
        }
        *v = x;
        return j - i;
    }
    size_t l;
    if ((l = word_at(t, i, n, "a decade")) || (l = word_at(t, i, n, "decade"))) {
        *v = 1;
        *dec = true;
        return l;
    }
    for (int k = 0; WORDS[k]; k++)
        if ((l = word_at(t, i, n, WORDS[k]))) {
            *v = k + 1;
            size_t j = i + l;
            if (j < n && t[j] == ' ' && (word_at(t, j + 1, n, "decades"))) {
                *dec = true;
                return j + 1 - i;     /* the unit is read next */
            }
            return l;
        }
    return 0;
}

/* The unit after an amount: years, yrs, ... (or decades); its length. */
static size_t unit_at(const char *t, size_t i, size_t n, bool dec)
{
    static const char *const YEARS[] = {"years", "year", "yrs", "yr", NULL};
    if (dec)
        return word_at(t, i, n, "decades");
    for (const char *const *u = YEARS; *u; u++) {
        size_t l = strlen(*u);
        if (i + l <= n && !strncasecmp(t + i, *u, l) &&
            (i + l == n || !sm_is_alpha((unsigned char)t[i + l]))) {
            if (i + l < n && (t[i + l] == '\'' || t[i + l] == '.'))
                l++;
            return l;
        }
    }
    return 0;
}

/* The stated total at t[i], if one starts there: "5+ years of experience",
 * "over a decade", "Total Experience : 3.5 Years", "10+ years in retail"
 * (a qualifier without "experience": in the summary zone only). */
static bool stated_at(const char *t, size_t i, size_t n, bool zone,
                      stated *out)
{
    double v;
    bool dec, plus = false;
    /* what follows the word at i must be a unit ("years", "yrs") or
     * "decade(s)": this rules out nearly every word at once */
    size_t w = i;
    while (w < n && (sm_is_alnum((unsigned char)t[w]) ||
                     ((t[w] == '.' || t[w] == ',') && w + 1 < n &&
                      sm_is_digit((unsigned char)t[w + 1]))))
        w++;
    while (w < n && (t[w] == '+' || t[w] == ' '))
        w++;
    if (w + 5 < n && !strncasecmp(t + w, "plus ", 5))
        w += 5;
    if (w >= n || !strchr("yYdD", t[w]) || !t[w])
        return false;
    size_t l = amount_at(t, i, n, &v, &dec);
    if (!l)
        return false;
    size_t j = i + l;
    if (j < n && t[j] == '+')
        plus = true, j++;
    j += j < n && t[j] == ' ';
    if (!plus && word_at(t, j, n, "plus"))
        plus = true, j += 5;
    size_t ul = unit_at(t, j, n, dec);
    if (!ul && !(dec && l > 6))      /* "a decade" needs no unit */
        return false;
    size_t e = ul ? j + ul : i + l;
    if (dec)
        v *= 10;
    /* "11 years 7 months", "5 yrs 9 mos" */
    size_t k = e + (e < n && t[e] == ' ');
    if (k < n && sm_is_digit((unsigned char)t[k])) {
        size_t d = k;
        double mo = 0;
        while (d < n && sm_is_digit((unsigned char)t[d]) && d - k < 2)
            mo = mo * 10 + (t[d++] - '0');
        d += d < n && t[d] == ' ';
        if (word_at(t, d, n, "months") || word_at(t, d, n, "month") ||
            word_at(t, d, n, "mos") || word_at(t, d, n, "mo")) {
            v += mo / 12;
            while (d < n && sm_is_alpha((unsigned char)t[d]))
                d++;
            e = d;
        }
    }
    if (v <= 0 || v > 50)
        return false;
    /* a job's length, an age, a time ago */
    if (word_before(t, i, 30, "duration") || word_before(t, i, 30, "tenure") ||
        word_at(t, e + 1, n, "old") || word_at(t, e + 1, n, "ago") ||
        word_at(t, e + 1, n, "warranty"))
        return false;
    size_t q = qualifier_before(t, i);
    bool strong = plus || q < i;
    bool label = label_before(t, q);
    bool exp = experience_after(t, e, n, 48);
    /* without a qualifier, "2 years of reporting" or "one year as a
     * developer" is a stint, not a total */
    if (!(label || exp || (zone && strong)))
        return false;
    out->years = v;
    out->start = q;
    out->end = e;
    out->total = label && word_before(t, q, 40, "total");
    return true;
}

/* ---- the ranges ---- */

typedef struct {
    sm_date_range d;
    size_t title;            /* where its clause starts */
    bool work;
    unsigned kind;           /* SM_JOB_* */
} cand;

/* Does t[0..n) hold one of words[] as a whole word (caseless; a word
 * ending in "." ends there)? */
static bool holds_word(const char *t, size_t n, const char *const *words)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && sm_is_alpha((unsigned char)t[i - 1]))
            continue;
        unsigned char c = sm_lower((unsigned char)t[i]);
        for (const char *const *w = words; *w; w++) {
            size_t l = strlen(*w);
            if ((unsigned char)(*w)[0] != c || i + l > n ||
                strncasecmp(t + i, *w, l))
                continue;
            if (i + l == n || !sm_is_alpha((unsigned char)t[i + l]) ||
                (*w)[l - 1] == '.')
                return true;
        }
    }
    return false;
}

bool sm_years_clause_education(const char *t, size_t n)
{
    static const char *const WORDS[] = {
        "bachelor", "bachelors", "bachelor's", "master of", "master's",
        "masters", "degree", "b.sc", "m.sc", "bsc", "msc", "b.s.", "m.s.",
        "b.tech", "m.tech", "btech", "mtech", "b.e.", "b.e", "m.e.", "b.a.",
        "m.a.", "b.com", "m.com", "bca", "mca", "mba", "phd", "ph.d",
        "doctorate", "coursework", "gpa", "cgpa", "diploma", "graduated",
        "graduation", "bootcamp", "boot camp", "student", "thesis",
        "school", "semester", "certified", "certification", "certificate",
        "expired", "born", "birth", "dob", NULL};
    return holds_word(t, n, WORDS);
}

unsigned sm_years_clause_kind(const char *t, size_t n)
{
    static const char *const INTERN[] = {"intern", "internship", "interns",
                                         NULL};
    static const char *const PART[] = {"part-time", "part time", "freelance",
                                       "freelancer", NULL};
    return (holds_word(t, n, INTERN) ? SM_JOB_INTERNSHIP : 0u) |
           (holds_word(t, n, PART) ? SM_JOB_PART_TIME : 0u);
}

sm_status sm_years_find(const sm_rules *r, sm_scratch *s, const sm_doc *doc,
                        const sm_sections *secs, int today_year,
                        int today_month, bool latest, sm_years *out,
                        sm_error *err)
{
    const char *t = doc->text;
    size_t n = doc->len;
    cand *c = NULL;
    size_t nc = 0, capc = 0;
    range *v = NULL;
    size_t nv = 0, capv = 0;
    int last = 0;                    /* the latest month the text shows */
    bool capped = false;
    (void)s;
    out->years = -1;
    out->method[0] = '\0';

    /* 1. every range, and the latest date */
    SM_WORK(n);
    for (size_t i = 0; i < n;) {
        if (!sm_date_may_start(t, i, n)) {
            /* on past the word */
            size_t j = i + 1;
            while (j < n && sm_is_alpha((unsigned char)t[j]) &&
                   sm_is_alpha((unsigned char)t[i]))
                j++;
            i = j;
            continue;
        }
        sm_date_range d;
        int m;
        size_t l;
        if (sm_date_range_at(t, i, n, &d)) {
            if (nc == SM_YEARS_MAX_RANGES) {
                capped = true;       /* no resume has that many jobs */
                break;
            }
            cand *k = SM_PUSH(c, nc, capc);
            if (!k)
                goto oom;
            memset(k, 0, sizeof *k);
            k->d = d;
            if (d.from > last)
                last = d.from;
            if (!d.open && d.to > last)
                last = d.to;
            i = d.end;
        } else if ((l = sm_date_at(t, i, n, &m))) {
            if (m > last)
                last = m;
            i += l;
        } else {
            i++;
        }
    }
    int today = today_year * 12 + (today_month - 1);
    if (latest && last > 0)
        today = last;

    /* 2. what each range dates: its section, and the words of its clause
     * (its title before it, back to the last range; a few words after,
     * up to the next) */
    size_t first_work = n;
    for (size_t k = 0; k < nc; k++) {
        cand *x = &c[k];
        /* the title is in the range's section, after the last range */
        size_t lo = sm_section_start(secs, doc, x->d.start);
        if (k && c[k - 1].d.end > lo)
            lo = c[k - 1].d.end;
        size_t hi = k + 1 < nc ? c[k + 1].d.start : n;
        size_t b = x->d.start, e = x->d.end;
        while (b > lo && x->d.start - b < TITLE_BACK && !clause_end(t, b - 1, n))
            b--;
        while (b < x->d.start && b > lo && sm_is_alnum((unsigned char)t[b - 1]))
            b++;                      /* not from the middle of a word */
        while (e < hi && e - x->d.end < CLAUSE_AHEAD && !clause_end(t, e, n))
            e++;
        x->title = b;
        int sec = sm_section_at(secs, doc, x->d.start);
        x->work = !section_holds_no_work(r, sec) &&
                  !sm_years_clause_education(t + b, e - b);
        x->kind = sm_years_clause_kind(t + b, e - b);
        int to = x->d.open ? today : x->d.to;
        if (to > today)
            to = today;
        if (x->d.from > today || to < x->d.from || to - x->d.from > 50 * 12)
            x->work = false;
        x->d.to = to;
        if (x->work && first_work == n)
            first_work = x->d.start;
    }

    /* 3. the jobs and their blocks: to the next job's title, or the end
     * of the section */
    size_t next_title = n;
    for (size_t k = nc; k-- > 0;) {
        if (!c[k].work)
            continue;
        range *slot = SM_PUSH(v, nv, capv);
        if (!slot)
            goto oom;
        size_t end = sm_section_end(secs, doc, c[k].d.start);
        slot->from = c[k].d.from;
        slot->to = c[k].d.to;
        slot->line = sm_doc_line_of(doc, c[k].d.start);
        slot->start = c[k].title;
        slot->end = next_title < end ? next_title : end;
        slot->kind = c[k].kind;
        next_title = c[k].title;
    }
    for (size_t a = 0, b = nv ? nv - 1 : 0; a < b; a++, b--) {
        range tmp = v[a];             /* back into document order */
        v[a] = v[b];
        v[b] = tmp;
    }

    /* a JSON Resume's work dates are its jobs: nothing to guess; each
     * job's block runs from its first line to the next job's, or to the
     * end of its section */
    sm_job_range *jv = NULL;
    size_t njv = 0;
    bool structured = sm_doc_job_ranges(doc, today, &jv, &njv);
    if (structured) {
        free(v);
        v = jv;
        nv = njv;
        sm_sort(v, nv, sizeof *v, line_cmp);
        for (size_t k = 0; k < nv; k++) {
            v[k].start = v[k].line < doc->nlines ? doc->line_starts[v[k].line]
                                                 : n;
            v[k].kind = 0;
        }
        for (size_t k = 0; k < nv; k++) {
            size_t end = sm_section_end(secs, doc, v[k].start);
            if (k + 1 < nv && v[k + 1].start < end)
                end = v[k + 1].start;
            v[k].end = end > v[k].start ? end : v[k].start;
        }
    }

    /* 4. a stated total: in the summary, or before the first job */
    stated best = {-1, 0, 0, false}, st;
    for (size_t i = 0; i < n; i++) {
        if (!(sm_is_alnum((unsigned char)t[i]) || t[i] == '~') ||
            (i > 0 && sm_is_alnum((unsigned char)t[i - 1])))
            continue;
        /* most words are no amount: tried as if in the zone first, and
         * the section looked up only then */
        if (!stated_at(t, i, n, true, &st))
            continue;
        int sec = sm_section_at(secs, doc, i);
        const char *name = sm_section_name(r, sec);
        bool zone = !strcmp(name, "summary") ||
                    (i < first_work && !section_holds_no_work(r, sec) &&
                     strcmp(name, "projects"));
        if ((nv && !zone) || (!zone && !stated_at(t, i, n, false, &st)))
            continue;
        if ((st.total && !best.total) ||
            (st.total == best.total && st.years > best.years))
            best = st;
        i = st.end;
    }

    double ranged = nv ? sm_years_merged(v, nv, NULL) : -1;
    if (best.years > 0) {
        int line, col;
        sm_doc_position(doc, best.start, &line, &col);
        int len = (int)(best.end - best.start);
        out->years = best.years;
        if (nv)
            snprintf(out->method, sizeof out->method,
                     "stated: %.*s at line %d (the date ranges give %g)",
                     len > 60 ? 60 : len, t + best.start, line, ranged);
        else
            snprintf(out->method, sizeof out->method, "stated: %.*s at line %d",
                     len > 60 ? 60 : len, t + best.start, line);
    } else if (nv) {
        size_t interns = 0, part = 0;
        for (size_t k = 0; k < nv; k++) {
            interns += (v[k].kind & SM_JOB_INTERNSHIP) != 0;
            part += (v[k].kind & SM_JOB_PART_TIME) != 0;
        }
        char extra[96] = "";
        if (interns && part)
            snprintf(extra, sizeof extra, " (%zu internship%s and %zu "
                     "part-time or freelance counted)", interns,
                     interns == 1 ? "" : "s", part);
        else if (interns || part)
            snprintf(extra, sizeof extra, " (%zu %s counted)",
                     interns ? interns : part,
                     interns ? (interns == 1 ? "internship" : "internships")
                             : "part-time or freelance");
        char now[64] = "";
        if (latest && last > 0)
            snprintf(now, sizeof now, "; present taken as %04d-%02d, the "
                     "latest date shown", today / 12, today % 12 + 1);
        out->years = ranged;
        snprintf(out->method, sizeof out->method,
                 "ranges: %zu job%s%s%s, overlaps merged, education left out%s",
                 nv, nv == 1 ? "" : "s",
                 structured ? " (the work dates of the JSON Resume)" : "",
                 extra, now);
    } else {
        snprintf(out->method, sizeof out->method,
                 "no dated jobs or stated total found");
    }
    if (capped) {
        size_t l = strlen(out->method);
        snprintf(out->method + l, sizeof out->method - l, " (only the first "
                 "%d date ranges read)", SM_YEARS_MAX_RANGES);
    }
    if (out->years >= 0)
        out->years = (double)(long)(out->years * 10 + 0.5) / 10;
    free(c);
    out->ranges = v;
    out->nranges = nv;
    return SM_OK;
oom:
    free(c);
    free(v);
    return sm_fail(err, SM_ERR_NOMEM, doc->name, 0, 0, "out of memory");
}
