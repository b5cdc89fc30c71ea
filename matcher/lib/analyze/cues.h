/* cues.h - context rules that are not negation or hedge (the
 * `context:` keys `ownership` and `weak` of context.yaml; loaded by
 * rules/context.c, applied by match.c). Private to the library.
 *
 * ownership: a skill marked `owned: true` (a degree) is the person's only
 *   in one of `sections` (education) or where the words around it say so
 *   ("PhD in Statistics", "holds an MSc", "Jane Doe, PhD"), and never
 *   where they name other people ("two PhD students", "PhD researchers").
 * weak: cues that make a mention weaker evidence without making it a wish
 *   ("familiar with", "exposure to"): the hit counts, at `strength`. */
#ifndef SM_ANALYZE_CONTEXT_H
#define SM_ANALYZE_CONTEXT_H

#include "analyze/analyze.h"
#include "engine/engine.h"
#include "rules/rules.h"
#include "util/util.h"

/* An sm_match_doc() flag: the text is a job posting, whose degrees are
 * asked for ("PhD preferred"), not held: ownership does not apply. (Far
 * from the public SM_ANALYZE_* bits.) */
#define SM_MATCH_POSTING (1u << 30)

/* The rules themselves (sm_context_rules) are in rules/rules.h. */

/* Is the hit t[hs..he) of an owned skill, in section `section`, the
 * person's? [cb, hs) is the clause before it, [he, ce) the clause after.
 * 1 yes, 0 no, -1 on a PCRE2 error (err filled); *why names the cue or
 * the reason. */
int sm_context_owned(const sm_rules *r, sm_scratch *s, const char *t,
                     size_t cb, size_t hs, size_t he, size_t ce, int section,
                     const char **why, sm_error *err);
/* Can a weak cue match anywhere in t[b..e) (a paragraph)? Most hold none
 * of their words: then no hit there needs sm_context_weak(). */
bool sm_context_weak_possible(const sm_rules *r, const char *t, size_t b,
                              size_t e);
/* The strength a weak cue around the hit leaves it (1 when none), and
 * the cue in *id; -1 on a PCRE2 error. */
double sm_context_weak(const sm_rules *r, sm_scratch *s, const char *t,
                       size_t cb, size_t hs, size_t he, size_t ce,
                       const char **id, sm_error *err);

#endif
