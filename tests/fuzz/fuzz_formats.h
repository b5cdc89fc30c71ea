/* fuzz_formats.h - what the fuzz targets of the document readers
 * (fuzz_html, fuzz_zip, fuzz_office_xml, fuzz_jsonresume, fuzz_pdf_layout)
 * check after a reader ran on any input: the converted text has no NUL and
 * a place for each of its lines; once finished and normalized, every
 * offset has a place that prints. */
#ifndef SM_FUZZ_FORMATS_H
#define SM_FUZZ_FORMATS_H

#include <string.h>

#include "doc/formats.h"
#include "fuzz.h"

static inline void fuzz_check_conv(sm_conv *c, sm_status st)
{
    sm_error err = {0};
    if (st == SM_OK)
        st = sm_conv_finish(c, "fuzz", &err);
    if (st != SM_OK) {
        sm_conv_free(c);
        return;
    }
    size_t lines = 1;
    for (size_t i = 0; i < c->len; i++) {
        FUZZ_ASSERT(c->text[i] != '\0');
        lines += c->text[i] == '\n';
    }
    FUZZ_ASSERT(c->src->nlines == lines);
    sm_conv_free(c);
}

/* The whole path from bytes named `name` to a document, and its places. */
static inline void fuzz_check_doc(const char *name, const uint8_t *data,
                                  size_t size)
{
    sm_doc *doc = NULL;
    sm_error err = {0};
    if (sm_doc_read_mem(name, data, size, NULL, &doc, &err) != SM_OK) {
        FUZZ_ASSERT(err.msg[0] != '\0');       /* a refusal says why */
        return;
    }
    size_t len;
    const char *text = sm_doc_text(doc, &len);
    FUZZ_ASSERT(strlen(text) == len);
    char buf[300];
    for (size_t off = 0; off <= len; off += len / 7 + 1) {
        int line, col;
        sm_doc_position(doc, off, &line, &col);
        FUZZ_ASSERT(line >= 1 && col >= 1);
        const char *p = sm_doc_place(doc, off, buf, sizeof buf);
        FUZZ_ASSERT(!p || strlen(p) < sizeof buf);
    }
    sm_doc_free(doc);
}

#endif
