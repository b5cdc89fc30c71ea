/* Sections (analyze/sections.c) on the project's rules: which section each
 * line is in, from the headings people write: "## Skills", "SKILLS",
 * "Technical Skills:", "3. Experience", a line underlined with === or
 * ---, an inline "Skills: Python, SQL", and a heading we do not know. */
#include "analyze/analyze.h"
#include "analyze/sections.h"
#include "doc/doc.h"
#include "unit.h"

static sm_rules *rules;
static sm_scratch *scratch;

/* Each line's section name (where the line starts) in `text` (a final newline would add an empty
 * line: the texts have none), joined with '|' into buf. */
static const char *sections_of(const char *text, char *buf, size_t cap)
{
    sm_doc *d = NULL;
    sm_error e = {0};
    sm_sections *sec = NULL;
    buf[0] = '\0';
    if (sm_doc_load_mem("t.txt", text, strlen(text), 0, &d, &e) != SM_OK ||
        !(sec = sm_sections_map(rules, scratch, d, &e))) {
        fprintf(stderr, "sections of \"%s\": %s\n", text, e.msg);
        sm_doc_free(d);
        return "(failed)";
    }
    size_t used = 0;
    for (size_t i = 0; i < d->nlines && used < cap; i++)
        used += (size_t)snprintf(buf + used, cap - used, "%s%s", i ? "|" : "",
                                 sm_section_name(rules, sm_section_at(
                                     sec, d, d->line_starts[i])));
    sm_sections_free(sec);
    sm_doc_free(d);
    return buf;
}

#define CHECK_SECTIONS(text, want)                                         \
    do {                                                                   \
        char b_[512];                                                      \
        CHECK_STR(sections_of(text, b_, sizeof b_), want);                 \
    } while (0)

static void test_headings(void)
{
    CHECK_SECTIONS("Jane Doe\n## Skills\nPython\n## Experience\nAcme",
                   "other|skills|skills|experience|experience");
    CHECK_SECTIONS("SKILLS\nPython\nEXPERIENCE\nAcme",
                   "skills|skills|experience|experience");
    CHECK_SECTIONS("Technical Skills:\nPython", "skills|skills");
    CHECK_SECTIONS("3. Experience\nAcme\n4. Education\nBSc",
                   "experience|experience|education|education");
    CHECK_SECTIONS("**Projects**\nA recommender", "projects|projects");
}

static void test_underlined(void)
{
    CHECK_SECTIONS("Experience\n==========\nAcme",
                   "experience|experience|experience");
    CHECK_SECTIONS("Education\n---------\nBSc",
                   "education|education|education");
}

static void test_inline_and_unknown(void)
{
    /* an inline label names its own line only */
    CHECK_SECTIONS("Experience\nAcme\nSkills: Python, SQL\nMore text",
                   "experience|experience|skills|experience");
    /* a heading we do not know ends the section before it */
    CHECK_SECTIONS("## Skills\nPython\n## Zebra care\nFeeding",
                   "skills|skills|other|other");
    /* prose is no heading */
    CHECK_SECTIONS("Skills\nI have experience with Python.",
                   "skills|skills");
}

static void test_properties(void)
{
    size_t n = 0;
    for (int i = 0; strcmp(sm_section_name(rules, i), "other"); i++)
        n++;
    CHECK(n > 3);
    CHECK_STR(sm_section_name(rules, -1), "other");
    CHECK_STR(sm_section_name(rules, (int)n), "other");
    CHECK(sm_section_strength(rules, -1) == 1.0);
    bool edu = false;
    for (size_t i = 0; i < n; i++)
        if (sm_section_is_education(rules, (int)i))
            edu = !strcmp(sm_section_name(rules, (int)i), "education");
    CHECK(edu);
    CHECK(!sm_section_is_education(rules, -1));
}

int main(void)
{
    sm_error e;
    if (sm_rules_load(unit_rules_dir(), &rules, &e) != SM_OK) {
        fprintf(stderr, "%s:%d:%d: %s\n", e.file, e.line, e.col, e.msg);
        unit_fail++;
        return unit_done("sections");
    }
    scratch = sm_scratch_new(rules);
    test_headings();
    test_underlined();
    test_inline_and_unknown();
    test_properties();
    sm_scratch_free(scratch);
    sm_rules_free(rules);
    return unit_done("sections");
}
