/* read_docx.c - one WordprocessingML part (word/document.xml, a header or
 * a footer) -> lines: a paragraph (w:p) is a line, a w:br or w:cr a line
 * break inside it, w:tab a tab; table cells come in document order, one
 * paragraph a line; a list paragraph (w:numPr) starts with a bullet; text
 * boxes (w:txbxContent) are read once (the VML fallback copy of
 * mc:AlternateContent is skipped); deleted text and field codes are not
 * text. Each line's place is its paragraph. */
#include <string.h>

#include <libxml/xmlreader.h>

#include "doc/formats.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

static bool is(const xmlChar *local, const char *name)
{
    return local && !strcmp((const char *)local, name);
}

sm_status sm_docx_part(sm_conv *c, const char *name, const char *part,
                       const char *xml, size_t len, int which, sm_error *err)
{
    char why[320];
    xmlTextReaderPtr r = sm_xml_reader(xml, len, part, why, sizeof why);
    if (!r)
        return sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
    int para = 0, in_t = 0, in_run = 0, skip = -1, ret;
    bool para_text = false;
    sm_status st = SM_OK;
    while ((ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const xmlChar *local = xmlTextReaderConstLocalName(r);
        const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
        bool w = ns && !strcmp((const char *)ns, W_NS);
        if (skip >= 0) {             /* inside a subtree that is not text */
            if (type == XML_READER_TYPE_END_ELEMENT &&
                xmlTextReaderDepth(r) == skip)
                skip = -1;
            continue;
        }
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            st = sm_fail(err, SM_ERR_BINARY, name, 0, 0,
                         "%s has a DOCTYPE, which Word never writes (entity "
                         "expansion: billion laughs?); not read", part);
            break;
        }
        if (type == XML_READER_TYPE_ELEMENT) {
            bool empty = xmlTextReaderIsEmptyElement(r);
            if ((ns && !strcmp((const char *)ns, MC_NS) && is(local, "Fallback")) ||
                (w && (is(local, "delText") || is(local, "instrText") ||
                       is(local, "del") || is(local, "pPrChange") ||
                       is(local, "rPrChange")))) {
                if (!empty)
                    skip = xmlTextReaderDepth(r);
                continue;
            }
            if (!w)
                continue;
            if (is(local, "p")) {
                sm_conv_break(c);        /* a text box inside a paragraph */
                sm_conv_at(c, SM_PLACE_PARA, ++para, which);
                para_text = false;
                if (empty)
                    sm_conv_put(c, "\n", 1);
            } else if (is(local, "r")) {
                in_run += !empty;
            } else if (is(local, "t")) {
                in_t = !empty;
            } else if (is(local, "numPr") && sm_conv_line_empty(c)) {
                sm_conv_puts(c, "* ");
                para_text = true;
            } else if (in_run && is(local, "tab")) {
                sm_conv_puts(c, "\t");
                para_text = true;
            } else if (in_run && (is(local, "br") || is(local, "cr"))) {
                sm_conv_puts(c, "\n");
                para_text = true;
            } else if (in_run && is(local, "noBreakHyphen")) {
                sm_conv_puts(c, "-");
                para_text = true;
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT && w) {
            if (is(local, "p")) {
                if (!sm_conv_line_empty(c) || !para_text)
                    sm_conv_put(c, "\n", 1);
                para_text = true;        /* the outer paragraph goes on */
            } else if (is(local, "r")) {
                in_run -= in_run > 0;
            } else if (is(local, "t")) {
                in_t = 0;
            }
        } else if (in_t && (type == XML_READER_TYPE_TEXT ||
                            type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                            type == XML_READER_TYPE_WHITESPACE)) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v) {
                sm_conv_puts(c, (const char *)v);
                para_text = true;
            }
        }
        if (c->oom || c->too_large)
            break;
    }
    if (st == SM_OK && ret < 0)
        st = sm_fail(err, SM_ERR_BINARY, name, 0, 0,
                     "corrupt document: %s %s; not read", part,
                     why[0] ? why : "is not well-formed XML");
    xmlFreeTextReader(r);
    return st;
}
