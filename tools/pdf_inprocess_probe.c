/* pdf_inprocess_probe.c - the other way of reading PDF that issue 13 asked
 * to measure: libpoppler-glib linked in-process, every page's text. Not
 * part of the build; docs/formats.md gives the figures and the choice.
 *   cc -O2 tools/pdf_inprocess_probe.c -o /tmp/probe \
 *      $(pkg-config --cflags --libs poppler-glib)
 *   /tmp/probe FILE.pdf...          (prints the bytes of text read) */
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    size_t bytes = 0;
    for (int i = 1; i < argc; i++) {
        GError *e = NULL;
        gchar *uri = g_filename_to_uri(argv[i], NULL, NULL);
        char *abs = uri ? NULL : realpath(argv[i], NULL);
        if (!uri && abs)
            uri = g_filename_to_uri(abs, NULL, NULL);
        free(abs);
        PopplerDocument *d = uri ? poppler_document_new_from_file(uri, NULL, &e)
                                 : NULL;
        g_free(uri);
        if (!d) {
            fprintf(stderr, "%s: %s\n", argv[i], e ? e->message : "?");
            g_clear_error(&e);
            continue;
        }
        for (int p = 0; p < poppler_document_get_n_pages(d); p++) {
            PopplerPage *pg = poppler_document_get_page(d, p);
            gchar *t = poppler_page_get_text(pg);
            bytes += t ? strlen(t) : 0;
            g_free(t);
            g_object_unref(pg);
        }
        g_object_unref(d);
    }
    printf("%zu bytes of text\n", bytes);
    return 0;
}
