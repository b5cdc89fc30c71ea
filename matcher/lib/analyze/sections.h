/* sections.h - which resume section each part of a document is in
 * (sections.c). Owns the section map: a section per line, from headings on
 * lines of their own, and changes inside a line, from headings written
 * into running text ("... EXPERIENCE Data Scientist, Acme ...",
 * "... built dashboards. Education: MSc ..."), which flattened resumes
 * (CSV exports, scraped profiles) need. Private to the library. */
#ifndef SM_ANALYZE_SECTIONS_H
#define SM_ANALYZE_SECTIONS_H

#include <stddef.h>

#include "analyze/analyze.h"
#include "rules/rules.h"

/* A change of section: from `at` (a normalized offset) on, the text is in
 * section `section` (an index into rules->sections; -1: other). */
typedef struct {
    size_t at;
    int section;
} sm_section_mark;

/* The changes in document order; the first is at offset 0, and no two
 * neighbours name the same section. */
struct sm_sections {
    sm_section_mark *marks;
    size_t nmarks, capmarks;
};
typedef struct sm_sections sm_sections;

/* The section map of doc; NULL (err filled) on failure. */
sm_sections *sm_sections_map(const sm_rules *rules, sm_scratch *s,
                             const sm_doc *doc, sm_error *err);
void sm_sections_free(sm_sections *m);        /* NULL is fine */
/* The section at normalized offset off. */
int sm_section_at(const sm_sections *m, const sm_doc *doc, size_t off);
/* Where the section at `off` began. */
size_t sm_section_start(const sm_sections *m, const sm_doc *doc, size_t off);
/* The first offset after `off` where the section changes (doc->len when
 * it does not): a job's block ends there. */
size_t sm_section_end(const sm_sections *m, const sm_doc *doc, size_t off);

#endif
