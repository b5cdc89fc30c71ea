/* formats.h - what the document readers share (matcher/lib/doc/): the
 * converted text a reader builds with a place in the original for each of
 * its lines (conv.c), format detection (format.c), converters run as
 * children without a shell (child.c), safe XML parsing (xml_safe.c) and
 * the readers themselves (read_pdf.c, read_zip.c, read_docx.c, read_odt.c,
 * read_html.c, read_jsonresume.c, read_pre.c). read.c calls them; the rest
 * of the library sees only sm_doc_place(), sm_doc_job_ranges() and
 * sm_doc_line_section(). Kept out of internal.h on purpose. */
#ifndef SM_DOC_FORMATS_H
#define SM_DOC_FORMATS_H

#include "doc/doc.h"
#include "util/util.h"

/* ---- places (conv.c) ---- */
typedef enum {
    SM_PLACE_LINE,           /* a = line, b = column of the line's first
                                character in the source (HTML) */
    SM_PLACE_PAGE,           /* a = page, b = line on the page (PDF) */
    SM_PLACE_PARA,           /* a = paragraph, b = part: 0 body, 1 header,
                                2 footer (DOCX, ODT) */
    SM_PLACE_PATH            /* a = index of a JSON path in paths[] */
} sm_place_kind;

typedef struct {
    uint8_t kind;
    int a, b;
} sm_place;

/* What a converted document keeps beside its text; doc->src. */
typedef struct sm_doc_src {
    sm_format format;
    sm_place *lines;         /* one per line of the converted text */
    size_t nlines, caplines;
    char **paths;            /* JSON paths the places name */
    size_t npaths, cappaths;
    const char **sections;   /* per line: a section name from the file's
                                structure (static strings), or NULL */
    sm_job_range *jobs;      /* dated work from the structure; to < 0:
                                present */
    size_t njobs, capjobs;
} sm_doc_src;

void sm_doc_src_free(sm_doc_src *src);

/* Text being converted: UTF-8 and, for each line, its place. */
typedef struct {
    char *text;
    size_t len, cap, max;    /* max: the most bytes it may hold */
    sm_doc_src *src;
    sm_place cur;            /* the place of lines started from now on */
    const char *cur_section;
    bool need_line;          /* the next byte starts a line */
    bool oom, too_large;
} sm_conv;

bool sm_conv_init(sm_conv *c, sm_format format, size_t max);
void sm_conv_free(sm_conv *c);
/* The place (and structural section, may be NULL) of the lines started
 * from now on. */
void sm_conv_at(sm_conv *c, sm_place_kind kind, int a, int b);
void sm_conv_section(sm_conv *c, const char *section);
/* Append s[0..n); each '\n' in it starts a line at the current place; NUL
 * bytes are dropped. */
void sm_conv_put(sm_conv *c, const char *s, size_t n);
void sm_conv_puts(sm_conv *c, const char *s);
/* End the current line unless it is empty (a paragraph's end). */
void sm_conv_break(sm_conv *c);
/* True when the current line holds nothing yet. */
bool sm_conv_line_empty(const sm_conv *c);
/* The index of a new JSON path in src->paths, or -1 out of memory. */
int sm_conv_path(sm_conv *c, const char *path);
/* Finish: every line has its place. SM_OK, or an error for `name` when
 * memory or the size limit ran out. */
sm_status sm_conv_finish(sm_conv *c, const char *name, sm_error *err);

/* ---- detection (format.c) ---- */
/* The format of data[0..len) named `name` (its extension is looked at
 * only when the content does not tell): SM_FORMAT_TEXT for anything that
 * is not recognised. ZIP archives are SM_FORMAT_DOCX until read_zip.c
 * looks inside. */
sm_format sm_format_detect(const char *name, const void *data, size_t len);
/* The lower-cased extension of name's last component ("" if none). */
void sm_format_extension(const char *name, char *out, size_t cap);

/* ---- converters as children (child.c) ---- */
typedef struct {
    const char *const *argv; /* argv[0] looked up in PATH; no shell */
    int stdin_fd;            /* the child's standard input, -1: /dev/null */
    size_t max_out;          /* more output than this: stopped */
    int timeout_ms;          /* longer than this: killed (with its group) */
} sm_child;

typedef struct {
    char *out;               /* standard output, NUL-ended; caller frees */
    size_t len;
    char errtext[512];       /* the start of its standard error */
    int exit_code;           /* -1 when killed by a signal */
    int signal;
} sm_child_result;

/* Run c->argv[0] and collect its output. SM_ERR_UNSUPPORTED when the
 * program is not found, SM_ERR_TOO_LARGE when its output passed the
 * limit, SM_ERR_IO when it timed out or could not be run; a non-zero exit
 * is SM_OK with exit_code set (the caller tells what it means). */
sm_status sm_child_run(const sm_child *c, const char *name,
                       sm_child_result *res, sm_error *err);

/* A read-only file descriptor holding data[0..len) (memfd), for a child's
 * standard input; -1 on failure. */
int sm_child_memfd(const void *data, size_t len);

/* ---- PDF page layout (pdf_layout.c) ---- */
typedef struct {
    double x0, y0, x1, y1;   /* its box, in points, y downwards */
    size_t text, len;        /* its lines, '\n'-separated, in a buffer */
    int nlines;
} sm_pdf_block;

#define SM_PDF_MAX_BLOCKS 5000   /* more on a page: pdftotext's order */

/* pdftotext -bbox-layout's XHTML xml[0..len) -> lines of c in reading
 * order, a place (page, line) each; *any is set when a word was found. */
sm_status sm_pdf_lay_out(const char *name, const char *xml, size_t len,
                         sm_conv *c, bool *any, sm_error *err);
/* The reading order of a page's blocks into out[0..n). */
void sm_pdf_order(const sm_pdf_block *blocks, size_t n, double page_w,
                  size_t *out);

/* ---- XML (xml_safe.c) ---- */
struct _xmlTextReader;
/* An xmlTextReader over xml[0..len) with no network, no external or
 * expanded entities, and no messages printed; NULL out of memory. */
struct _xmlTextReader *sm_xml_reader(const char *xml, size_t len,
                                     const char *url, char *errbuf,
                                     size_t errcap);
/* Call once before any libxml2 parsing (thread-safe). */
void sm_xml_init(void);

/* ---- readers: each fills `c` from the file's bytes ---- */
typedef struct {
    const char *name;        /* for messages */
    const char *path;        /* on disk, or NULL (memory, standard input) */
    const void *data;
    size_t len;
    const sm_read_options *opt;
} sm_read_input;

sm_status sm_read_pdf(const sm_read_input *in, sm_conv *c, sm_error *err);
/* DOCX or ODT: looks inside the ZIP and sets c->src->format. */
sm_status sm_read_zip(const sm_read_input *in, sm_conv *c, sm_error *err);
sm_status sm_read_html(const sm_read_input *in, sm_conv *c, sm_error *err);
/* SM_ERR_UNSUPPORTED with no message when the data is not a JSON Resume
 * (the caller reads it as text). */
sm_status sm_read_jsonresume(const sm_read_input *in, sm_conv *c,
                             sm_error *err);
sm_status sm_read_pre(const sm_read_input *in, sm_conv *c, sm_error *err);

/* Parts of an office document, called by read_zip.c; `part` names the
 * part in messages ("word/document.xml"), `which` is the place's part (0
 * body, 1 header, 2 footer). */
sm_status sm_docx_part(sm_conv *c, const char *name, const char *part,
                       const char *xml, size_t len, int which,
                       sm_error *err);
sm_status sm_odt_part(sm_conv *c, const char *name, const char *part,
                      const char *xml, size_t len, sm_error *err);

/* ---- for the rest of the library ---- */
/* Dated work from the document's structure (JSON Resume), "present"
 * resolved to `today` (months since year 0): a copy in *out (caller
 * frees) and true; false when the document has no such structure. */
bool sm_doc_job_ranges(const sm_doc *doc, int today, sm_job_range **out,
                       size_t *n);
/* The section the structure gives 0-based line `line`, or NULL. */
const char *sm_doc_line_section(const sm_doc *doc, size_t line);

#endif
