/* test_formats.c - the document readers as a library: format detection,
 * HTML visible text and places, DOCX/ODT paragraphs, tabs, breaks, lists,
 * text boxes once; JSON Resume sections, paths and work dates; the PDF
 * page layout's reading order; --pre; and their failures. Fixtures from
 * tests/formats/ (run from the repository root). */
#include "doc/formats.h"
#include "unit.h"

#include <zip.h>

static sm_doc *load(const char *name, const char *data, size_t len)
{
    sm_doc *d = NULL;
    sm_error e = {0};
    if (sm_doc_read_mem(name, data, len, NULL, &d, &e) != SM_OK) {
        fprintf(stderr, "%s: %s\n", name, e.msg);
        return NULL;
    }
    return d;
}

static sm_doc *load_s(const char *name, const char *s)
{
    return load(name, s, strlen(s));
}

/* The place of the first occurrence of `what` in the doc's text. */
static const char *place_of(const sm_doc *d, const char *what, char *buf,
                            size_t cap)
{
    const char *t = sm_doc_text(d, NULL), *p = strstr(t, what);
    if (!p)
        return "(not in the text)";
    const char *r = sm_doc_place(d, (size_t)(p - t), buf, cap);
    return r ? r : "(no place)";
}

static void test_detect(void)
{
    CHECK_INT(sm_format_detect("a.txt", "%PDF-1.4\n", 9), SM_FORMAT_PDF);
    CHECK_INT(sm_format_detect("cv", "PK\3\4xx", 6), SM_FORMAT_DOCX);
    CHECK_INT(sm_format_detect("a.md", "<!DOCTYPE html><p>x", 19),
              SM_FORMAT_HTML);
    CHECK_INT(sm_format_detect("a.txt", "  <html><body>x", 15), SM_FORMAT_HTML);
    CHECK_INT(sm_format_detect("a.html", "<p>x</p>", 8), SM_FORMAT_HTML);
    /* a Markdown draft that starts with an HTML comment stays Markdown */
    CHECK_INT(sm_format_detect("a.md", "<!-- x -->\n# T", 14),
              SM_FORMAT_MARKDOWN);
    CHECK_INT(sm_format_detect("a.txt", "Skills: C++", 11), SM_FORMAT_TEXT);
    CHECK_INT(sm_format_detect("x", "{\"basics\":{}}", 13),
              SM_FORMAT_JSON_RESUME);
    sm_format f;
    CHECK_INT(sm_format_parse("pdf", &f), SM_OK);
    CHECK_INT(f, SM_FORMAT_PDF);
    CHECK_INT(sm_format_parse("json", &f), SM_OK);
    CHECK_INT(f, SM_FORMAT_JSON_RESUME);
    CHECK_INT(sm_format_parse("doc", &f), SM_ERR_ARG);
    CHECK_STR(sm_format_globs(SM_FORMAT_DOCX), "*.docx");
}

static void test_html(void)
{
    const char *h = "<!DOCTYPE html>\n<html><head><title>T</title>\n"
                    "<style>p { Kubernetes }</style></head>\n"
                    "<body><script>Rust()</script><!-- Go -->\n"
                    "<template>Scala</template>\n"
                    "<h1>Ana</h1><p>Python &amp; SQL<br>Spark</p>\n"
                    "<ul><li>PyTorch</li><li>C&#43;&#43;</li></ul>\n"
                    "<p>one\n   two</p></body></html>\n";
    sm_doc *d = load_s("r.html", h);
    CHECK(d != NULL);
    if (!d)
        return;
    const char *t = sm_doc_text(d, NULL);
    CHECK_INT(sm_doc_format(d), SM_FORMAT_HTML);
    CHECK(!strstr(t, "Kubernetes") && !strstr(t, "Rust") &&
          !strstr(t, "Go") && !strstr(t, "Scala") && !strstr(t, "T\n"));
    CHECK(strstr(t, "Ana\nPython & SQL\nSpark\n* PyTorch\n* C++\none two") !=
          NULL);
    char buf[64];
    CHECK_STR(place_of(d, "Python", buf, sizeof buf), "6:16");
    CHECK_STR(place_of(d, "Spark", buf, sizeof buf), "6:36");
    /* a list item's line starts at its <li>, the bullet before the text */
    CHECK_STR(place_of(d, "PyTorch", buf, sizeof buf), "7:11");
    sm_doc_free(d);
    /* HTML without a charset is UTF-8 */
    d = load_s("u.html", "<html><body><p>Zoë: Python</p></body></html>");
    CHECK(d && strstr(sm_doc_text(d, NULL), "Zoë") != NULL);
    sm_doc_free(d);
}

/* A ZIP in memory holding the given parts (name, content, ...). */
static char *make_zip(size_t *len, const char *const *parts, size_t n)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    zip_source_keep(src);
    for (size_t i = 0; i + 1 < n; i += 2) {
        zip_source_t *s = zip_source_buffer(z, parts[i + 1],
                                            strlen(parts[i + 1]), 0);
        zip_file_add(z, parts[i], s, ZIP_FL_OVERWRITE);
    }
    zip_close(z);
    zip_source_open(src);
    zip_source_seek(src, 0, SEEK_END);
    *len = (size_t)zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    char *buf = malloc(*len);
    zip_source_read(src, buf, *len);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&ze);
    return buf;
}

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
          "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""

static void test_docx(void)
{
    const char *doc =
        "<?xml version=\"1.0\"?><w:document " W "><w:body>"
        "<w:p><w:r><w:t>SKILLS</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/></w:numPr><w:tabs><w:tab/></w:tabs></w:pPr>"
        "<w:r><w:t>Python</w:t><w:tab/><w:t xml:space=\"preserve\">SQL </w:t>"
        "<w:br/><w:t>Spark</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Docker</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>"
        "<w:p><w:r><w:t>PyTorch</w:t></w:r></w:p></w:txbxContent></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>PyTorch"
        "</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
        "<w:p><w:del><w:r><w:delText>Rust</w:delText></w:r></w:del>"
        "<w:r><w:instrText>HYPERLINK Go</w:instrText><w:t>end</w:t></w:r></w:p>"
        "</w:body></w:document>";
    const char *hdr = "<?xml version=\"1.0\"?><w:hdr " W "><w:p><w:r><w:t>"
                      "Ana Lopez</w:t></w:r></w:p></w:hdr>";
    const char *parts[] = {"[Content_Types].xml", "<Types/>",
                           "word/document.xml", doc,
                           "word/header1.xml", hdr};
    size_t len;
    char *z = make_zip(&len, parts, 6);
    sm_doc *d = load("cv.bin", z, len);
    CHECK(d != NULL);
    if (d) {
        const char *t = sm_doc_text(d, NULL);
        char buf[64];
        CHECK_INT(sm_doc_format(d), SM_FORMAT_DOCX);
        CHECK(strstr(t, "Ana Lopez\nSKILLS\n* Python SQL\nSpark\nDocker\n"
                        "Kubernetes\nPyTorch\nend") != NULL);
        CHECK(!strstr(t, "Rust") && !strstr(t, "HYPERLINK"));
        CHECK(strstr(t, "PyTorch") == strrchr(t, 'P') - 0 ||
              !strstr(strstr(t, "PyTorch") + 1, "PyTorch"));   /* once */
        CHECK_STR(place_of(d, "Ana", buf, sizeof buf), "header paragraph 1");
        CHECK_STR(place_of(d, "Python", buf, sizeof buf), "paragraph 2");
        CHECK_STR(place_of(d, "Spark", buf, sizeof buf), "paragraph 2");
        CHECK_STR(place_of(d, "Kubernetes", buf, sizeof buf), "paragraph 4");
    }
    sm_doc_free(d);
    free(z);

    /* a ZIP that is neither: its reason */
    const char *other[] = {"a.txt", "hello"};
    z = make_zip(&len, other, 2);
    sm_error e = {0};
    CHECK_INT(sm_doc_read_mem("a.zip", z, len, NULL, &d, &e),
              SM_ERR_UNSUPPORTED);
    CHECK(strstr(e.msg, "neither a DOCX nor an ODT") != NULL);
    free(z);
    /* a DOCTYPE in document.xml is refused */
    const char *dt[] = {"word/document.xml",
                        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]>"
                        "<w:document " W "><w:body><w:p><w:r><w:t>&a;</w:t>"
                        "</w:r></w:p></w:body></w:document>"};
    z = make_zip(&len, dt, 2);
    CHECK_INT(sm_doc_read_mem("d.docx", z, len, NULL, &d, &e), SM_ERR_BINARY);
    CHECK(strstr(e.msg, "DOCTYPE") != NULL);
    free(z);
}

static void test_odt(void)
{
    const char *content =
        "<?xml version=\"1.0\"?><office:document-content "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
        "<office:body><office:text><text:h>SKILLS</text:h>"
        "<text:list><text:list-item><text:p>Python<text:tab/>SQL</text:p>"
        "</text:list-item></text:list>"
        "<text:p>Spark<text:s text:c=\"3\"/>Docker<text:line-break/>MLflow</text:p>"
        "<text:p><office:annotation><text:p>Rust</text:p></office:annotation>end</text:p>"
        "</office:text></office:body></office:document-content>";
    const char *parts[] = {"mimetype", "application/vnd.oasis.opendocument.text",
                           "content.xml", content};
    size_t len;
    char *z = make_zip(&len, parts, 4);
    sm_doc *d = load("cv.odt", z, len);
    CHECK(d != NULL);
    if (d) {
        const char *t = sm_doc_text(d, NULL);
        char buf[64];
        CHECK_INT(sm_doc_format(d), SM_FORMAT_ODT);
        CHECK(strstr(t, "SKILLS\n* Python SQL\nSpark Docker\nMLflow\nend") !=
              NULL);
        CHECK(!strstr(t, "Rust"));
        CHECK_STR(place_of(d, "MLflow", buf, sizeof buf), "paragraph 3");
    }
    sm_doc_free(d);
    free(z);
}

static void test_jsonresume(void)
{
    const char *j =
        "{\"basics\": {\"name\": \"Ana\", \"label\": \"ML Engineer\","
        " \"summary\": \"Python and SQL.\"},"
        " \"work\": [{\"name\": \"A\", \"position\": \"MLE\","
        "   \"startDate\": \"2019-01\", \"endDate\": \"2021-01-15\","
        "   \"highlights\": [\"Spark jobs\", \"PyTorch models\"]},"
        "  {\"name\": \"B\", \"position\": \"Lead\", \"startDate\": \"2020\"},"
        "  {\"name\": \"C\", \"startDate\": \"bad\"}],"
        " \"skills\": [{\"name\": \"Cloud\", \"keywords\": [\"AWS\", \"Docker\"]}]}";
    sm_doc *d = load_s("x", j);
    CHECK(d != NULL);
    if (!d)
        return;
    char buf[64];
    CHECK_INT(sm_doc_format(d), SM_FORMAT_JSON_RESUME);
    CHECK_STR(place_of(d, "PyTorch", buf, sizeof buf), "work[0].highlights[1]");
    CHECK_STR(place_of(d, "Python", buf, sizeof buf), "basics.summary");
    CHECK_STR(place_of(d, "AWS", buf, sizeof buf), "skills[0]");
    CHECK(strstr(sm_doc_text(d, NULL), "Cloud: AWS, Docker") != NULL);
    sm_job_range *v;
    size_t n;
    CHECK(sm_doc_job_ranges(d, 2026 * 12, &v, &n));
    CHECK_INT(n, 2);                 /* "bad" is no date */
    if (n == 2) {
        CHECK_INT(v[0].from, 2019 * 12);
        CHECK_INT(v[0].to, 2021 * 12);
        CHECK_INT(v[1].from, 2020 * 12);
        CHECK_INT(v[1].to, 2026 * 12);   /* no endDate: present */
    }
    free(v);
    /* sections from the structure */
    size_t line = 0;
    const char *t = sm_doc_text(d, NULL), *p = strstr(t, "Spark");
    for (const char *q = t; q < p; q++)
        line += *q == '\n';
    CHECK_STR(sm_doc_line_section(d, line), "experience");
    sm_doc_free(d);

    /* JSON that is no resume: text, unless named .json */
    d = load_s("notes.txt", "{\"a\": 1} Python");
    CHECK(d && sm_doc_format(d) == SM_FORMAT_TEXT);
    sm_doc_free(d);
    sm_error e = {0};
    CHECK_INT(sm_doc_read_mem("x.json", "{\"a\": 1}", 8, NULL, &d, &e),
              SM_ERR_UNSUPPORTED);
    CHECK_INT(sm_doc_read_mem("x.json", "{\"basics\": ", 11, NULL, &d, &e),
              SM_ERR_BINARY);
    CHECK(strstr(e.msg, "invalid JSON at line 1") != NULL);
}

static void test_layout(void)
{
    /* a sidebar beside two multi-line paragraphs: the sidebar first */
    sm_pdf_block two[] = {
        {50, 100, 120, 112, 0, 0, 1},   /* Python */
        {200, 100, 550, 136, 0, 0, 3},  /* experience */
        {50, 120, 120, 132, 0, 0, 1},   /* SQL */
        {200, 150, 550, 186, 0, 0, 3},  /* experience */
    };
    size_t o[4];
    sm_pdf_order(two, 4, 612, o);
    CHECK(o[0] == 0 && o[1] == 2 && o[2] == 1 && o[3] == 3);
    /* titles with their dates at the right: row by row */
    sm_pdf_block rows[] = {
        {50, 100, 400, 112, 0, 0, 1},   /* title 1 */
        {480, 100, 560, 112, 0, 0, 1},  /* date 1 */
        {50, 120, 400, 156, 0, 0, 3},   /* bullets */
        {50, 170, 400, 182, 0, 0, 1},   /* title 2 */
        {480, 170, 560, 182, 0, 0, 1},  /* date 2 */
    };
    size_t r[5];
    sm_pdf_order(rows, 5, 612, r);
    CHECK(r[0] == 0 && r[1] == 1 && r[2] == 2 && r[3] == 3 && r[4] == 4);
}

static void test_pre(void)
{
    sm_read_options o = {.pre = "tr"};   /* no argument for tr: it fails */
    sm_doc *d = NULL;
    sm_error e = {0};
    CHECK_INT(sm_doc_read_mem("a.doc", "abc", 3, &o, &d, &e), SM_ERR_IO);
    CHECK(strstr(e.msg, "--pre tr exited with status") != NULL);
    o.pre = "cat";                       /* cat - reads standard input */
    CHECK_INT(sm_doc_read_mem("a.doc", "Python\n", 7, &o, &d, &e), SM_OK);
    if (d) {
        CHECK_STR(sm_doc_text(d, NULL), "Python\n");
        CHECK_INT(sm_doc_format(d), SM_FORMAT_PRE);
    }
    sm_doc_free(d);
    o.pre = "/nonexistent/converter";
    CHECK_INT(sm_doc_read_mem("a.doc", "x", 1, &o, &d, &e), SM_ERR_UNSUPPORTED);
    o.pre = "sleep";                     /* "sleep -": fails at once */
    o.timeout_ms = 500;
    CHECK(sm_doc_read_mem("a.doc", "x", 1, &o, &d, &e) != SM_OK);
}

static void test_pdf(void)
{
    sm_doc *d = NULL;
    sm_error e = {0};
    CHECK_INT(sm_doc_read("tests/formats/same/mid.pdf", NULL, &d, &e), SM_OK);
    if (d) {
        char buf[64];
        CHECK_INT(sm_doc_format(d), SM_FORMAT_PDF);
        CHECK_STR(place_of(d, "CERTIFICATIONS", buf, sizeof buf),
                  "page 1, line 49");
    }
    sm_doc_free(d);
    CHECK_INT(sm_doc_read("tests/formats/hostile/image_only.pdf", NULL, &d,
                          &e), SM_ERR_EMPTY);
    CHECK(strstr(e.msg, "no text layer") != NULL);
}

int main(void)
{
    test_detect();
    test_html();
    test_docx();
    test_odt();
    test_jsonresume();
    test_layout();
    test_pre();
    test_pdf();
    return unit_done("formats");
}
