/* read_odt.c - an OpenDocument text part (content.xml, and the headers and
 * footers of styles.xml) -> lines: text:p and text:h are lines,
 * text:line-break a break inside one, text:tab a tab, text:s its spaces;
 * the first paragraph of a list item starts with a bullet; tables' cells
 * and text boxes come in document order; annotations and tracked
 * deletions are not text. Each line's place is its paragraph. */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "doc/formats.h"

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"

static bool is(const xmlChar *local, const char *name)
{
    return local && !strcmp((const char *)local, name);
}

static bool ns_is(const xmlChar *ns, const char *uri)
{
    return ns && !strcmp((const char *)ns, uri);
}

sm_status sm_odt_part(sm_conv *c, const char *name, const char *part,
                      const char *xml, size_t len, sm_error *err)
{
    char why[320];
    xmlTextReaderPtr r = sm_xml_reader(xml, len, part, why, sizeof why);
    if (!r)
        return sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
    /* styles.xml holds text only in its headers and footers */
    bool styles = !strcmp(part, "styles.xml");
    int para = 0, in_para = 0, skip = -1, region = styles ? -1 : 0, ret;
    int region_depth = -1;
    bool bullet = false, para_text = false;
    sm_status st = SM_OK;
    while ((ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const xmlChar *local = xmlTextReaderConstLocalName(r);
        const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
        int depth = xmlTextReaderDepth(r);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            st = sm_fail(err, SM_ERR_BINARY, name, 0, 0,
                         "%s has a DOCTYPE, which LibreOffice never writes "
                         "(entity expansion: billion laughs?); not read",
                         part);
            break;
        }
        if (skip >= 0) {
            if (type == XML_READER_TYPE_END_ELEMENT && depth == skip)
                skip = -1;
            continue;
        }
        if (type == XML_READER_TYPE_ELEMENT) {
            bool empty = xmlTextReaderIsEmptyElement(r);
            if ((ns_is(ns, OFFICE_NS) && is(local, "annotation")) ||
                (ns_is(ns, TEXT_NS) && (is(local, "tracked-changes") ||
                                        is(local, "note-citation")))) {
                if (!empty)
                    skip = depth;
                continue;
            }
            if (styles && ns_is(ns, STYLE_NS) &&
                (is(local, "header") || is(local, "footer") ||
                 is(local, "header-first") || is(local, "footer-first")) &&
                !empty) {
                region = is(local, "header") || is(local, "header-first") ? 1
                                                                          : 2;
                region_depth = depth;
                continue;
            }
            if (region < 0 || !ns_is(ns, TEXT_NS))
                continue;
            if (is(local, "p") || is(local, "h")) {
                sm_conv_break(c);
                sm_conv_at(c, SM_PLACE_PARA, ++para, region);
                para_text = false;
                if (bullet) {
                    sm_conv_puts(c, "* ");
                    bullet = false;
                    para_text = true;
                }
                if (empty)
                    sm_conv_put(c, "\n", 1);
                else
                    in_para++;
            } else if (is(local, "list-item")) {
                bullet = true;
            } else if (in_para && is(local, "tab")) {
                sm_conv_puts(c, "\t");
                para_text = true;
            } else if (in_para && is(local, "line-break")) {
                sm_conv_puts(c, "\n");
                para_text = true;
            } else if (in_para && is(local, "s")) {
                xmlChar *n = xmlTextReaderGetAttributeNs(r, BAD_CAST "c",
                                                         BAD_CAST TEXT_NS);
                long k = n ? strtol((const char *)n, NULL, 10) : 1;
                xmlFree(n);
                for (long i = 0; i < (k < 1 ? 1 : k > 64 ? 64 : k); i++)
                    sm_conv_puts(c, " ");
                para_text = true;
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (region > 0 && depth == region_depth) {
                region = -1;
                continue;
            }
            if (ns_is(ns, TEXT_NS) && (is(local, "p") || is(local, "h")) &&
                in_para) {
                in_para--;
                if (!sm_conv_line_empty(c) || !para_text)
                    sm_conv_put(c, "\n", 1);
                para_text = true;
            }
        } else if (in_para && region >= 0 &&
                   (type == XML_READER_TYPE_TEXT ||
                    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
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
