/* xml_safe.c - libxml2 set up for files from strangers: no network, no
 * DTD loaded, entities never substituted (a document with a DOCTYPE is
 * refused by the readers, which is where billion laughs live), the
 * parser's own limits kept (no XML_PARSE_HUGE), and messages captured
 * instead of printed. */
#include <pthread.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "doc/formats.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void)
{
    xmlInitParser();
}

void sm_xml_init(void)
{
    pthread_once(&once, init);
}

static void on_error(void *arg, xmlErrorPtr e)
{
    char *buf = arg;
    if (!buf || buf[0] || !e || e->level < XML_ERR_ERROR)
        return;                      /* keep the first error */
    size_t n = e->message ? strcspn(e->message, "\n") : 0;
    snprintf(buf, 300, "line %d: %.*s", e->line, (int)(n < 200 ? n : 200),
             e->message ? e->message : "parse error");
}

xmlTextReaderPtr sm_xml_reader(const char *xml, size_t len, const char *url,
                               char *errbuf, size_t errcap)
{
    sm_xml_init();
    if (len > 0x7FFFFFFF)
        return NULL;
    if (errbuf && errcap)
        errbuf[0] = '\0';
    xmlTextReaderPtr r = xmlReaderForMemory(
        xml, (int)len, url, NULL,
        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
            XML_PARSE_NOCDATA);
    if (r && errbuf && errcap >= 300)
        xmlTextReaderSetStructuredErrorHandler(r, on_error, errbuf);
    return r;
}
