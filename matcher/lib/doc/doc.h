/* doc.h - the document: a file or buffer read as UTF-8 (read.c), made
 * normalized text whose every offset maps back to line:col (normalize.c),
 * the tokenizer, and a normalized offset's line. Depends on util. */
#ifndef SM_DOC_H
#define SM_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "skillmatch.h"

/* s[0..n) with each byte that does not begin valid UTF-8 replaced by
 * U+FFFD, NUL-ended; its length in *len. NULL when out of memory. */
char *sm_utf8_repair(const char *s, size_t n, size_t *len);

/* ---- documents (read.c, normalize.c) ---- */
typedef struct {
    size_t norm;             /* offset in the normalized text */
    int line, col;           /* the original position there */
} sm_anchor;

struct sm_doc {
    char *name;
    char *text;              /* normalized, NUL-terminated */
    size_t len;
    sm_anchor *anchors;      /* ascending by norm */
    size_t nanchors, capanchors;
    size_t *line_starts;     /* normalized offset of each line */
    size_t nlines;
    sm_error *warnings;
    size_t nwarnings, capwarnings;
    sm_format format;
    struct sm_doc_src *src;  /* converted formats: places (doc/formats.h) */
};

/* `data` read as plain text whatever it holds (no format is told from its
 * bytes): a rule example that mentions "%PDF-" or starts with "{" is
 * still a line of a resume. SM_ERR_EMPTY, SM_ERR_BINARY as for a file. */
sm_status sm_doc_from_text(const char *name, const void *data, size_t len,
                           sm_doc **out, sm_error *err);

/* Normalize valid UTF-8 `in` into doc->text with anchors and line starts. */
sm_status sm_normalize(sm_doc *doc, const char *in, size_t len, sm_error *err);
void sm_doc_warn(sm_doc *doc, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The next token of text[*pos..len), as sm_tokenize() cuts them; false at
 * the end. */
bool sm_token_next(const char *text, size_t len, size_t *pos, sm_token *tok);

/* A dated job: found in the text by analyze/years.c, or given by a
 * structured format's reader (a JSON Resume's work dates, formats.h). */
typedef struct {
    int from, to;            /* months since year 0 */
    size_t line;             /* 0-based line of the range */
    size_t start, end;       /* the job's block: from its title to the next
                                job's (or its section's end) */
    unsigned kind;           /* SM_JOB_* (analyze/years.h) */
} sm_job_range;

/* The 0-based line of a normalized offset. */
size_t sm_doc_line_of(const sm_doc *doc, size_t offset);

#endif
