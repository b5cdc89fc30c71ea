/* read_html.c - HTML with libxml2's HTML parser, as events (no tree):
 * visible text only (nothing of script, style, template, noscript, title,
 * svg, nor comments, which are never asked for); entities decoded by the
 * parser; block elements and <br> end lines, <li> starts a bullet line;
 * white space folded as a browser does, except in <pre>. Each line's place
 * is the source line and column where its text starts. */
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "doc/formats.h"

typedef struct {
    sm_conv *c;
    htmlParserCtxtPtr ctxt;
    int hidden;              /* depth inside elements that are not shown */
    int pre;                 /* depth inside <pre> */
    bool space;              /* a space is due before the next text */
    int line, col;           /* where the parser was at the last event */
} html_state;

static const char *const HIDDEN[] = {"script", "style", "template",
                                     "noscript", "title", "svg", "math",
                                     "iframe", "object", "head", NULL};
static const char *const BLOCK[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
    "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    "caption", "section", "article", "header", "footer", "nav", "aside",
    "main", "blockquote", "address", "figure", "figcaption", "pre", "hr",
    "form", "fieldset", "legend", "details", "summary", "body", "html", NULL};

static bool in(const char *const *list, const xmlChar *name)
{
    for (; *list; list++)
        if (!strcasecmp(*list, (const char *)name))
            return true;
    return false;
}

static void here(html_state *s)
{
    xmlParserInputPtr in = s->ctxt->input;
    s->line = in ? in->line : 0;
    s->col = in ? in->col : 0;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **attrs)
{
    (void)attrs;
    html_state *s = ((htmlParserCtxtPtr)ctx)->_private;
    if (in(HIDDEN, name)) {
        s->hidden++;
    } else if (!s->hidden && (in(BLOCK, name) || !strcasecmp((const char *)name, "br"))) {
        if (!strcasecmp((const char *)name, "br") && sm_conv_line_empty(s->c))
            sm_conv_put(s->c, "\n", 1);     /* <br> on an empty line: a
                                               blank line, as shown */
        sm_conv_break(s->c);
        s->space = false;
        if (!strcasecmp((const char *)name, "li")) {
            here(s);
            sm_conv_at(s->c, SM_PLACE_LINE, s->line, s->col + 1);
            sm_conv_puts(s->c, "* ");
        }
        if (!strcasecmp((const char *)name, "pre"))
            s->pre++;
    }
    here(s);
    s->col++;                        /* past the tag's '>' */
}

static void on_end(void *ctx, const xmlChar *name)
{
    html_state *s = ((htmlParserCtxtPtr)ctx)->_private;
    if (in(HIDDEN, name)) {
        s->hidden -= s->hidden > 0;
    } else if (!s->hidden && in(BLOCK, name)) {
        sm_conv_break(s->c);
        s->space = false;
        if (!strcasecmp((const char *)name, "pre"))
            s->pre -= s->pre > 0;
    }
    here(s);
}

static bool blank(xmlChar ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
    html_state *s = ((htmlParserCtxtPtr)ctx)->_private;
    sm_conv *c = s->c;
    if (s->hidden)
        return;
    int line = s->line, col = s->col;
    for (int i = 0; i < len; i++) {
        if (s->pre && ch[i] == '\n') {
            sm_conv_put(c, "\n", 1);
            line++;
            col = 1;
            continue;
        }
        if (blank(ch[i])) {
            if (!sm_conv_line_empty(c))
                s->space = true;
            if (ch[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            continue;
        }
        int j = i;
        while (j < len && !blank(ch[j]))
            j++;
        if (sm_conv_line_empty(c))
            sm_conv_at(c, SM_PLACE_LINE, line, col);
        if (s->space && !sm_conv_line_empty(c))
            sm_conv_put(c, " ", 1);
        s->space = false;
        sm_conv_put(c, (const char *)ch + i, (size_t)(j - i));
        for (int k = i; k < j; k++)   /* columns count characters */
            col += (ch[k] & 0xC0) != 0x80;
        i = j - 1;
    }
    here(s);
}

sm_status sm_read_html(const sm_read_input *in, sm_conv *c, sm_error *err)
{
    sm_xml_init();
    if (in->len > 0x7FFFFFFF)
        return sm_fail(err, SM_ERR_TOO_LARGE, in->name, 0, 0,
                       "HTML larger than 2 GiB");
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(in->data,
                                                        (int)in->len);
    if (!ctxt)
        return sm_fail(err, SM_ERR_NOMEM, in->name, 0, 0, "out of memory");
    html_state s = {.c = c, .ctxt = ctxt, .line = 1, .col = 1};
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    *ctxt->sax = sax;                /* no tree: only these events */
    ctxt->_private = &s;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
    /* without a declared charset, UTF-8 (the parser would take Latin-1) */
    size_t head = in->len < 2048 ? in->len : 2048;
    if (!memmem(in->data, head, "charset", 7))
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    if (ctxt->myDoc)
        xmlFreeDoc(ctxt->myDoc);
    htmlFreeParserCtxt(ctxt);
    return SM_OK;
}
