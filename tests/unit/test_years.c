/* Years of experience (analyze/years.c) on the project's rules: the date
 * formats of a job range, "present" and its synonyms, overlapping ranges
 * merged, stated totals, and education (and skills) dates left out. */
#include <math.h>

#include "analyze/analyze.h"
#include "doc/doc.h"
#include "unit.h"

enum { TODAY_Y = 2026, TODAY_M = 11 };
#define TODAY (TODAY_Y * 12 + TODAY_M - 1)
#define M(y, m) ((y) * 12 + (m) - 1)    /* months since year 0 */

static sm_rules *rules;
static sm_scratch *scratch;

/* The years of `text`; false when the pipeline failed. */
static bool years_of(const char *text, sm_years *y)
{
    sm_doc *d = NULL;
    sm_error e = {0};
    int *sec = NULL;
    memset(y, 0, sizeof *y);
    bool ok = sm_doc_load_mem("t.txt", text, strlen(text), 0, &d, &e) == SM_OK &&
              (sec = sm_sections_assign(rules, scratch, d, &e)) != NULL &&
              sm_years_find(rules, scratch, d, sec, TODAY_Y, TODAY_M, y,
                            &e) == SM_OK;
    if (!ok)
        fprintf(stderr, "years of \"%s\": %s\n", text, e.msg);
    free(sec);
    sm_doc_free(d);
    return ok;
}

/* One range in `text`, from..to (months since year 0). */
static void check_range(const char *text, int from, int to)
{
    sm_years y;
    if (!years_of(text, &y)) {
        CHECK(false);
        return;
    }
    CHECK_INT(y.nranges, 1);
    if (y.nranges == 1) {
        if (y.ranges[0].from != from || y.ranges[0].to != to)
            fprintf(stderr, "  in \"%s\"\n", text);
        CHECK_INT(y.ranges[0].from, from);
        CHECK_INT(y.ranges[0].to, to);
    }
    free(y.ranges);
}

static void check_years(const char *text, double want, const char *method)
{
    sm_years y;
    if (!years_of(text, &y)) {
        CHECK(false);
        return;
    }
    if (fabs(y.years - want) > 1e-9)
        fprintf(stderr, "  \"%s\": %g years, want %g\n", text, y.years, want);
    CHECK(fabs(y.years - want) < 1e-9);
    if (method && !strstr(y.method, method))
        fprintf(stderr, "  \"%s\": method \"%s\"\n", text, y.method);
    CHECK(!method || strstr(y.method, method) != NULL);
    free(y.ranges);
}

static void test_formats(void)
{
    check_range("Acme 2016-2020\n", M(2016, 1), M(2020, 1));
    check_range("Acme 2016 - 2020\n", M(2016, 1), M(2020, 1));
    check_range("Acme, Jan 2019 - Dec 2021\n", M(2019, 1), M(2021, 12));
    check_range("Acme, January 2019 to December 2021\n", M(2019, 1),
                M(2021, 12));
    check_range("Acme 06/2018 - 03/2021\n", M(2018, 6), M(2021, 3));
    check_range("Acme, Sep 2020 \xe2\x80\x93 Aug 2022\n", M(2020, 9),
                M(2022, 8));                       /* an en dash */
    check_range("Acme, Mar 2016 - 2019\n", M(2016, 3), M(2019, 1));
    check_range("Acme, 2019 until 2021\n", M(2019, 1), M(2021, 1));
    /* a date alone is no range */
    sm_years y;
    CHECK(years_of("Born 1990. Acme 2021.\n", &y) && y.nranges == 0);
    free(y.ranges);
}

static void test_present(void)
{
    check_range("Acme, Jan 2019 - Present\n", M(2019, 1), TODAY);
    check_range("Acme, March 2015 to date\n", M(2015, 3), TODAY);
    check_range("Acme 2019 - now\n", M(2019, 1), TODAY);
    check_range("Acme 2019 - current\n", M(2019, 1), TODAY);
    check_range("Acme 2019 - ongoing\n", M(2019, 1), TODAY);
    check_range("Acme, since 2022\n", M(2022, 1), TODAY);
    /* an end after today stops at today; a start after it is no range */
    check_range("Acme 2025 - 2030\n", M(2025, 1), TODAY);
    sm_years y;
    CHECK(years_of("Acme 2028 - 2030\n", &y) && y.nranges == 0);
    free(y.ranges);
}

static void test_overlaps(void)
{
    const sm_job_range two[] = {{M(2018, 1), M(2021, 1), 0},
                                {M(2020, 1), M(2022, 1), 1}};
    CHECK(fabs(sm_years_merged(two, 2, NULL) - 4.0) < 1e-9);
    const sm_job_range apart[] = {{M(2010, 1), M(2011, 1), 0},
                                  {M(2015, 1), M(2017, 1), 1}};
    CHECK(fabs(sm_years_merged(apart, 2, NULL) - 3.0) < 1e-9);
    const sm_job_range inside[] = {{M(2012, 1), M(2014, 1), 1},
                                   {M(2010, 1), M(2020, 1), 0}};
    CHECK(fabs(sm_years_merged(inside, 2, NULL) - 10.0) < 1e-9);
    const bool keep[] = {true, false};
    CHECK(fabs(sm_years_merged(apart, 2, keep) - 1.0) < 1e-9);
    CHECK(fabs(sm_years_merged(apart, 0, NULL)) < 1e-9);
    /* in a document: each range kept, the overlap counted once */
    check_years("A: Jan 2018 - Dec 2020\nB: Jan 2020 - Dec 2021\n", 3.9,
                "2 date ranges of work, overlaps merged");
    check_years("A: 2010 - 2012\nB: 2014 - 2016\n", 4, "2 date ranges");
}

static void test_stated(void)
{
    check_years("Over 12 years of experience in software.\nAcme 2020 - 2022\n",
                12, "stated total at line 1 (12 years), more than the date "
                "ranges give");
    check_years("7+ years of experience building models.\n", 7,
                "stated total at line 1 (7 years)");
    /* the ranges win when they give more */
    check_years("2 years of experience.\nAcme 2010 - 2020\n", 10,
                "1 date range of work");
    check_years("Python and PyTorch.\n", -1,
                "no dated jobs or stated total found");
}

static void test_education(void)
{
    check_years("Education\nBSc, 2010 - 2014\nExperience\nAcme 2020 - 2022\n",
                2, "1 date range of work, overlaps merged, education left "
                "out");
    check_years("MSc Computer Science, State University, 2012 - 2014\n"
                "Acme 2020 - 2022\n", 2, "1 date range");
    check_years("Education\nPhD, 2001 - 2006\n", -1, "no dated jobs");
    /* dates in the skills section are no jobs either */
    check_years("Skills\nPython 2015 - 2020\n", -1, "no dated jobs");
}

int main(void)
{
    sm_error e;
    if (sm_rules_load(unit_rules_dir(), &rules, &e) != SM_OK) {
        fprintf(stderr, "%s:%d:%d: %s\n", e.file, e.line, e.col, e.msg);
        unit_fail++;
        return unit_done("years");
    }
    scratch = sm_scratch_new(rules);
    test_formats();
    test_present();
    test_overlaps();
    test_stated();
    test_education();
    sm_scratch_free(scratch);
    sm_rules_free(rules);
    return unit_done("years");
}
