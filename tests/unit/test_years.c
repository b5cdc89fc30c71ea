/* The date and range grammar (analyze/dates.c), years of experience on
 * flattened text (years.c), sections found inside lines (sections.c), and
 * the context rules (cues.c, score.c), on the project's rules. Every
 * form is tried in several spellings; "present" is 2026-11. */
#include <math.h>

#include "analyze/cues.h"
#include "analyze/dates.h"
#include "analyze/sections.h"
#include "analyze/analyze.h"
#include "rules/rules.h"
#include "unit.h"

static sm_rules *rules;
static sm_scratch *scratch;

#define M(y, m) ((y) * 12 + (m) - 1)

/* The first range of text: 1 and its months, or 0. */
static int first_range(const char *t, sm_date_range *d)
{
    size_t n = strlen(t);
    for (size_t i = 0; i < n; i++)
        if (sm_date_may_start(t, i, n) && sm_date_range_at(t, i, n, d))
            return 1;
    return 0;
}

static void check_range(const char *t, int from, int to)
{
    sm_date_range d;
    int ok = first_range(t, &d);
    bool right = ok && d.from == from && (to < 0 ? d.open : !d.open && d.to == to);
    if (right) {
        unit_pass++;
        return;
    }
    unit_fail++;
    if (!ok)
        fprintf(stderr, "range of \"%s\": none\n", t);
    else
        fprintf(stderr, "range of \"%s\": %d/%02d - %s%d/%02d, want %d/%02d - "
                "%d/%02d\n", t, d.from / 12, d.from % 12 + 1,
                d.open ? "open " : "", d.to / 12, d.to % 12 + 1, from / 12,
                from % 12 + 1, to < 0 ? 0 : to / 12, to < 0 ? 0 : to % 12 + 1);
}

static void check_no_range(const char *t)
{
    sm_date_range d;
    if (!first_range(t, &d)) {
        unit_pass++;
    } else {
        unit_fail++;
        fprintf(stderr, "\"%s\" read as a range: %.*s\n", t,
                (int)(d.end - d.start), t + d.start);
    }
}

enum { OPEN = -1 };

static void test_grammar(void)
{
    /* month names to the present, in several spellings */
    check_range("September 2020 to Present", M(2020, 9), OPEN);
    check_range("Sept. 2020 - present", M(2020, 9), OPEN);
    check_range("sep 2020 till date", M(2020, 9), OPEN);
    check_range("SEPT 2020 - CURRENT", M(2020, 9), OPEN);
    check_range("Sep, 2020 -- now", M(2020, 9), OPEN);
    /* apostrophe years */
    check_range("Jan'18 - till date", M(2018, 1), OPEN);
    check_range("Jan '18 to date", M(2018, 1), OPEN);
    check_range("Mar'15 - Dec'17", M(2015, 3), M(2017, 12));
    check_range("'15 - '17", M(2015, 1), M(2017, 1));
    check_range("Jan-18 - Now", M(2018, 1), OPEN);
    /* a year to the present */
    check_range("2016 - Current", M(2016, 1), OPEN);
    check_range("2016-current", M(2016, 1), OPEN);
    check_range("2016 to today", M(2016, 1), OPEN);
    check_range("2016 - ongoing", M(2016, 1), OPEN);
    check_range("2016 onwards", M(2016, 1), OPEN);
    check_range("March 2015 - Till Now", M(2015, 3), OPEN);
    /* since */
    check_range("Since 2019", M(2019, 1), OPEN);
    check_range("since March 2019", M(2019, 3), OPEN);
    check_range("Acme (since 2023)", M(2023, 1), OPEN);
    check_range("Since: Aug 2016", M(2016, 8), OPEN);
    /* MM/YYYY and its kin */
    check_range("06/2015 - 03/2019", M(2015, 6), M(2019, 3));
    check_range("6/2015 to 3/2019", M(2015, 6), M(2019, 3));
    check_range("06.2015 - 03.2019", M(2015, 6), M(2019, 3));
    check_range("06-2015 - 03-2019", M(2015, 6), M(2019, 3));
    check_range("03/2022 - Present", M(2022, 3), OPEN);
    /* YYYY.MM, YYYY-MM, YYYY/MM */
    check_range("2018.03 - 2021.11", M(2018, 3), M(2021, 11));
    check_range("2018-03 - 2021-11", M(2018, 3), M(2021, 11));
    check_range("2018/03 to 2021/11", M(2018, 3), M(2021, 11));
    check_range("2021.12 - now", M(2021, 12), OPEN);
    /* academic and fiscal years */
    check_range("2019-20", M(2019, 1), M(2020, 1));
    check_range("2019/20", M(2019, 1), M(2020, 1));
    check_range("M.Sc., 2014-16", M(2014, 1), M(2016, 1));
    check_range("2016-17 to 2022-23", M(2016, 1), M(2023, 1));
    check_range("FY2017-FY2019", M(2017, 1), M(2019, 1));
    check_range("FY17 - FY19", M(2017, 1), M(2019, 1));
    check_range("FY 2017 to FY 2019", M(2017, 1), M(2019, 1));
    check_range("FY2018-19", M(2018, 1), M(2019, 1));
    /* years, and words between them */
    check_range("2014-2017", M(2014, 1), M(2017, 1));
    check_range("2014 - 2017", M(2014, 1), M(2017, 1));
    check_range("2014 through 2017", M(2014, 1), M(2017, 1));
    check_range("2014 thru 2017", M(2014, 1), M(2017, 1));
    check_range("from 2014 until 2017", M(2014, 1), M(2017, 1));
    check_range("2014 ~ 2017", M(2014, 1), M(2017, 1));
    check_range("Mar 2016 - 2019", M(2016, 3), M(2019, 1));
    /* a shared year, days, seasons */
    check_range("Jun - Aug 2024", M(2024, 6), M(2024, 8));
    check_range("Nov - Feb 2020", M(2019, 11), M(2020, 2));
    check_range("01 Jan 2019 - 31 Dec 2020", M(2019, 1), M(2020, 12));
    check_range("15-Mar-2019 to 30-Jun-2021", M(2019, 3), M(2021, 6));
    check_range("Summer 2024 - Fall 2024", M(2024, 6), M(2024, 9));
    check_range("January, 2019 - February, 2021", M(2019, 1), M(2021, 2));
    /* ordinal days, w.e.f., Feb'2015, "Oct 17 - Jan 20" */
    check_range("from 1st Jan 2019 to 31st March 2021", M(2019, 1), M(2021, 3));
    check_range("2nd Feb 2018 - 23rd Aug 2019", M(2018, 2), M(2019, 8));
    check_range("w.e.f. June 2015", M(2015, 6), OPEN);
    check_range("WEF 01 Jan 2020", M(2020, 1), OPEN);
    check_range("Feb'2015 - Mar'2017", M(2015, 2), M(2017, 3));
    check_range("Oct 17 - Jan 20", M(2017, 10), M(2020, 1));
    check_range("Mar 19 - Present", M(2019, 3), OPEN);
    check_no_range("Oct 17 - Jan 2020 webinar");
    /* MM/YY, and other languages' months and present */
    check_range("10/17 - 09/19", M(2017, 10), M(2019, 9));
    check_range("03/21 - present", M(2021, 3), OPEN);
    check_range("marzo 2024 - presente", M(2024, 3), OPEN);
    check_range("enero 2023 - febrero 2024", M(2023, 1), M(2024, 2));
    check_range("ene. 2023 - dic. 2024", M(2023, 1), M(2024, 12));
    check_range("M\xc3\xa4rz 2019 - heute", M(2019, 3), OPEN);
    check_range("Oktober 2015 bis Dez 2018", M(2015, 10), M(2018, 12));
    check_range("janvier 2020 - aujourd'hui", M(2020, 1), OPEN);
    check_range("d\xc3\xa9" "cembre 2018 - juin 2021", M(2018, 12), M(2021, 6));
    check_range("setembro 2019 - atual", M(2019, 9), OPEN);
    check_range("gennaio 2020 - in corso", M(2020, 1), OPEN);
    /* numbers that are no ranges */
    check_no_range("DOB: 12/03/1988");
    check_no_range("Date of Birth 05-08-1992");
    check_no_range("Call (512) 555-2019 today");
    check_no_range("+82 10-2345-6789");
    check_no_range("2000-3000 users a day");
    check_no_range("Python 2.7 - 3.10");
    check_no_range("4.4 years of experience");
    check_no_range("Mayor of Springfield, 2019");
    check_no_range("Born 1990.05.14");
    check_no_range("Marketing budget 2019 - cut by 10%");
    check_no_range("24/7 support, rated 10/10");
    check_no_range("Maybe 2019, Marsh 2020, Augusta 2021");
    /* a single date */
    int m = 0;
    CHECK_INT(sm_date_at("Sept. 2023", 0, 10, &m), 10);
    CHECK_INT(m, M(2023, 9));
    CHECK_INT(sm_date_at("2019-20", 0, 7, &m), 7);
    CHECK_INT(m, M(2020, 1));
    CHECK_INT(sm_date_at("Mayor", 0, 5, &m), 0);
}

static sm_result *run_opt(const char *text, int ty, int tm)
{
    sm_doc *d = NULL;
    sm_result *r = NULL;
    sm_error e;
    sm_options o = {.today_year = ty, .today_month = tm};
    if (sm_doc_load_mem("t.txt", text, strlen(text), 0, &d, &e) != SM_OK ||
        sm_analyze(rules, scratch, d, &o, &r, &e) != SM_OK)
        fprintf(stderr, "analyze failed: %s\n", e.msg);
    sm_doc_free(d);
    return r;
}

static sm_result *run(const char *text) { return run_opt(text, 2026, 11); }

static void check_years(const char *text, double want, const char *method)
{
    sm_result *r = run(text);
    double got = r ? sm_result_years(r) : -99;
    const char *how = r ? sm_result_years_method(r) : "";
    if (fabs(got - want) < 0.051 && (!method || !strncmp(how, method,
                                                         strlen(method)))) {
        unit_pass++;
    } else {
        unit_fail++;
        fprintf(stderr, "years of \"%.70s\": got %g (%s), want %g (%s...)\n",
                text, got, how, want, method ? method : "any");
    }
    sm_result_free(r);
}

static void test_years_flat(void)
{
    /* one line: ranges found first, education and credentials left out */
    check_years("Ana Lima Data Scientist EXPERIENCE Data Scientist, Acme, "
                "Jan 2019 - Dec 2020 built churn models. Analyst, Beta, "
                "2017 - 2019 reports. EDUCATION BSc Mathematics, 2013 - 2017",
                3.9, "ranges: 2 jobs");
    check_years("Work: Acme, ML Engineer, 03/2022 - Present; Beta, 06/2019 - "
                "02/2022. Education: M.Sc. Statistics, 2017 - 2019. "
                "Certifications: CKA 2021 - 2024 (expired).", 7.3,
                "ranges: 2 jobs");
    check_years("Engineer at Acme 2015-2020 | B.Tech Computer Science 2011 - "
                "2015 | DOB 12/03/1990 | Mob 98450-12763", 5, "ranges: 1 job");
    /* overlaps merged; an internship and part-time work counted */
    check_years("Acme, Data Analyst, 01/2021 - 06/2023. Teaching assistant, "
                "part-time, 09/2021 - 05/2023. Beta, ML Engineer, 07/2023 - "
                "present.", 5.8, "ranges: 3 jobs (1 part-time");
    check_years("Machine learning intern, Acme, Jun - Aug 2024. Junior ML "
                "engineer, Beta, since March 2025.", 1.8,
                "ranges: 2 jobs (1 internship counted)");
    /* stated totals win over ranges, and are read as written */
    check_years("SUMMARY Data scientist with 4.4 years of experience. "
                "EXPERIENCE Acme, Jul 2021 - present.", 4.4, "stated: 4.4 years");
    check_years("Summary: 1.5 years of experience in NLP.\nExperience: "
                "Acme 2023 - present\n", 1.5, "stated: 1.5 years");
    check_years("ML Engineer (5+ years), London. Employment: Acme, Sep 2022 - "
                "Present.", 5, "stated: 5+ years");
    check_years("Over a decade of experience in payments. Lead, Acme, 2021 - "
                "Present.", 10, "stated: Over a decade");
    check_years("Backend developer, 7 yrs exp. Currently at Acme since Aug "
                "2019.", 7, "stated: 7 yrs");
    check_years("Name : K | Total Experience : 3.5 Years | Relevant "
                "Experience : 2 Years | Skills : Python", 3.5,
                "stated: 3.5 Years");
    check_years("PROFILE: Total IT experience of 11+ years in testing.", 11,
                "stated: 11+ years");
    check_years("Summary: more than fifteen years of experience.", 15,
                "stated: more than fifteen years");
    check_years("Total experience: 6 years 6 months\n", 6.5, "stated: 6 years");
    /* not totals: a job's length, a stint, an age */
    check_years("Experience ML Engineer Company Name Grab Dates Employed Mar "
                "2021 - Present Employment Duration 5 yrs 9 mos", 5.7,
                "ranges: 1 job");
    check_years("Analyst turned ML engineer: 2 years of reporting, then ML.\n"
                "Acme, 2019 - 2023\n", 4, "ranges: 1 job");
    check_years("Summary: 29 years old, eager to learn.\nAcme 2024 - present\n",
                2.8, "ranges: 1 job");
    check_years("Python, SQL.", -1, "no dated jobs");
}

static void test_today_latest(void)
{
    const char *t = "Acme, Data Scientist, Jan 2019 - Present. Beta, 2015 - "
                    "2018. Updated March 2021.";
    sm_result *r = run_opt(t, SM_TODAY_LATEST, 0);
    CHECK(r && fabs(sm_result_years(r) - 5.2) < 0.051);
    CHECK(r && strstr(sm_result_years_method(r), "present taken as 2021-03"));
    sm_result_free(r);
    r = run_opt(t, 2026, 11);
    CHECK(r && fabs(sm_result_years(r) - 10.8) < 0.051);
    sm_result_free(r);
    /* the latest date shown may be a start: present is then that month */
    r = run_opt("Acme 2024 - present\n", SM_TODAY_LATEST, 0);
    CHECK(r && sm_result_years(r) == 0);
    sm_result_free(r);
    r = run_opt("Python and SQL\n", SM_TODAY_LATEST, 0);
    CHECK(r && sm_result_years(r) < 0);
    sm_result_free(r);
}

/* The section name at the first occurrence of `word` in text. */
static const char *section_of(const char *text, const char *word)
{
    static char name[32];
    sm_doc *d = NULL;
    sm_error e;
    snprintf(name, sizeof name, "(error)");
    if (sm_doc_load_mem("t.txt", text, strlen(text), 0, &d, &e) != SM_OK)
        return name;
    sm_sections *m = sm_sections_map(rules, scratch, d, &e);
    size_t tl;
    const char *txt = sm_doc_text(d, &tl), *at = strstr(txt, word);
    if (m && at)
        snprintf(name, sizeof name, "%s",
                 sm_section_name(rules, sm_section_at(m, d,
                                 (size_t)(at - txt))));
    sm_sections_free(m);
    sm_doc_free(d);
    return name;
}

static void test_sections_flat(void)
{
    const char *t = "Priya Raman | Data Scientist SUMMARY Data scientist "
                    "building models. SKILLS Python, SQL EXPERIENCE Data "
                    "Scientist, Acme, 2021 - Present built XGBoost models. "
                    "EDUCATION B.Tech, VIT";
    CHECK_STR(section_of(t, "Priya"), "other");
    CHECK_STR(section_of(t, "building"), "summary");
    CHECK_STR(section_of(t, "Python"), "skills");
    CHECK_STR(section_of(t, "XGBoost"), "experience");
    CHECK_STR(section_of(t, "B.Tech"), "education");
    /* labels after a sentence, a bar, a middle dot, a spaced dash */
    t = "Built dashboards in Tableau. Education: MSc Statistics, Lyon. "
        "Interests: chess, running";
    CHECK_STR(section_of(t, "Tableau"), "other");
    CHECK_STR(section_of(t, "MSc"), "education");
    CHECK_STR(section_of(t, "chess"), "interests");
    t = "Ingrid \xc2\xb7 Oslo \xc2\xb7 Work history \xc2\xb7 Kahoot! ML "
        "Engineer \xc2\xb7 Education \xc2\xb7 MSc Informatics";
    CHECK_STR(section_of(t, "Kahoot"), "experience");
    CHECK_STR(section_of(t, "Informatics"), "education");
    t = "Hana - Budapest - Experience: ML Engineer at Lumen | Courses: "
        "Neural Networks (online)";
    CHECK_STR(section_of(t, "Lumen"), "experience");
    CHECK_STR(section_of(t, "Neural"), "courses");
    t = "JOSEPH ANTWI WORK HISTORY Machine Learning Engineer, Hubtel. "
        "ACADEMIC BACKGROUND BSc Computer Science, KNUST. TECHNICAL SKILLS "
        "Python";
    CHECK_STR(section_of(t, "Hubtel"), "experience");
    CHECK_STR(section_of(t, "KNUST"), "education");
    CHECK_STR(section_of(t, "Python"), "skills");
    /* capitals and heading words inside sentences are no headings */
    CHECK_STR(section_of("Led QA TRAINING for new staff at Acme.", "Acme"),
              "other");
    CHECK_STR(section_of("Strong experience with Spark and Kafka.", "Spark"),
              "other");
    CHECK_STR(section_of("EXPERIENCE WITH AWS AND GCP IN PRODUCTION", "GCP"),
              "other");
    /* a heading on a line of its own still holds for the lines below */
    CHECK_STR(section_of("Skills\nPython, SQL\nExperience\nAcme: Docker\n",
                         "Docker"), "experience");
}

static const sm_skill_match *find(const sm_result *r, const char *id)
{
    size_t n;
    const sm_skill_match *m = sm_result_skills(r, &n);
    for (size_t i = 0; r && i < n; i++)
        if (!strcmp(m[i].id, id))
            return &m[i];
    return NULL;
}

static void check_skill(const char *text, const char *id, bool want)
{
    sm_result *r = run(text);
    bool got = r && find(r, id) != NULL;
    if (got == want) {
        unit_pass++;
    } else {
        unit_fail++;
        fprintf(stderr, "%s in \"%s\": %s, want %s\n", id, text,
                got ? "found" : "not found", want ? "found" : "not found");
    }
    sm_result_free(r);
}

static void test_context_rules(void)
{
    /* a degree: in education, or phrased as held - not other people's */
    check_skill("Collaborated with two PhD students on a paper.", "degree_phd",
                false);
    check_skill("Worked with PhD researchers from the lab.", "degree_phd",
                false);
    check_skill("Supervised three PhD students' internships.", "degree_phd",
                false);
    check_skill("Data scientist with a PhD in physics.", "degree_phd", true);
    check_skill("SUMMARY PhD (Statistics), eight years in retail.",
                "degree_phd", true);
    check_skill("Education: PhD, ETH Zurich, 2019", "degree_phd", true);
    check_skill("Jane Doe, PhD", "degree_phd", true);
    check_skill("Mentored two master's students in the lab.", "degree_master",
                false);
    check_skill("She holds an MSc from Delft.", "degree_master", true);
    check_skill("Hired bachelor's graduates every year.", "degree_bachelor",
                false);
    check_skill("bsc computer science, university of nairobi", "degree_bachelor",
                true);
    /* a posting asks for degrees: ownership is not for it */
    {
        const char *post = "Requirements: PhD preferred; Python.";
        sm_doc *d = NULL;
        sm_error e;
        sm_section_mark other = {0, -1};
        sm_sections all = {&other, 1, 1};
        sm_hits hits = {0}, hits2 = {0};
        bool phd = false, phd2 = false;
        if (sm_doc_load_mem("p.md", post, strlen(post), 0, &d, &e) == SM_OK &&
            sm_match_doc(rules, scratch, d, &all, SM_MATCH_POSTING, -1, NULL,
                         NULL, &hits, &e) == SM_OK &&
            sm_match_doc(rules, scratch, d, &all, 0, -1, NULL, NULL, &hits2,
                         &e) == SM_OK) {
            for (size_t i = 0; i < hits.n; i++)
                phd = phd || !strcmp(rules->skills[hits.hits[i].skill].info.id,
                                     "degree_phd");
            for (size_t i = 0; i < hits2.n; i++)
                phd2 = phd2 ||
                       !strcmp(rules->skills[hits2.hits[i].skill].info.id,
                               "degree_phd");
        }
        CHECK(phd);
        CHECK(!phd2);
        free(hits.hits);
        free(hits2.hits);
        sm_doc_free(d);
    }
    /* a course list, an interest, "familiar with": weaker than work */
    sm_result *r = run("Experience: built Docker images for the scorer.\n"
                       "Familiar with Kubernetes, Terraform.\n"
                       "Courses: Neural Networks (online)\n"
                       "Interests: deep learning podcasts\n");
    const sm_skill_match *m;
    CHECK((m = find(r, "docker")) && fabs(m->strength - 1) < 1e-9);
    CHECK((m = find(r, "kubernetes")) && m->strength < 0.7 &&
          !m->evidence[0].context);
    CHECK((m = find(r, "neural_networks")) && m->strength < 0.7 &&
          !strcmp(m->evidence[0].section, "courses"));
    CHECK((m = find(r, "deep_learning")) && m->strength <= 0.5);
    sm_result_free(r);
}

/* A software operations director: many engineering skills, 19 years, and
 * machine learning only as one course line or one interest. */
static const char *DIRECTOR =
    "Director of Software Operations, Acme Bank, Mar 2007 - Present: run "
    "Python and Java services on Kubernetes and Docker in AWS, CI/CD with "
    "Jenkins, Git, SQL databases, unit testing standards, code reviews, "
    "system design reviews; mentor 12 engineers; lead projects end to end; "
    "report to executives and stakeholders; write runbooks and docs; "
    "collaborate with product; strong problem solving and communication.\n";

static void test_level_needs_work(void)
{
    char text[2048];
    snprintf(text, sizeof text, "%sCourses: Neural Networks (online, 2019)\n",
             DIRECTOR);
    sm_result *r = run(text);
    CHECK(r && sm_result_level(r) == SM_LEVEL_NONE);
    sm_result_free(r);
    snprintf(text, sizeof text, "%sInterests: machine learning, chess\n",
             DIRECTOR);
    r = run(text);
    CHECK(r && sm_result_level(r) == SM_LEVEL_NONE);
    sm_result_free(r);
    /* used in the job: machine learning shown */
    snprintf(text, sizeof text, "%sAt Acme Bank I also trained PyTorch "
             "neural network models for fraud detection since 2015.\n",
             DIRECTOR);
    r = run(text);
    CHECK(r && sm_result_level(r) != SM_LEVEL_NONE);
    sm_result_free(r);
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
    test_grammar();
    test_years_flat();
    test_today_latest();
    test_sections_flat();
    test_context_rules();
    test_level_needs_work();
    sm_scratch_free(scratch);
    sm_rules_free(rules);
    return unit_done("years");
}
