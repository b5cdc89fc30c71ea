/* Reading and the tokenizer: normalization, positions, repairs, refusals. */
#include "doc/doc.h"
#include "render/render.h"
#include "unit.h"

static sm_doc *load(const char *text, size_t len)
{
    sm_doc *d = NULL;
    sm_error e;
    if (sm_doc_load_mem("t", text, len, 0, &d, &e) != SM_OK)
        return NULL;
    return d;
}

static void test_punctuation(void)
{
    const char in[] = "\xe2\x80\x9cML\xe2\x80\x9d \xe2\x80\x93 it\xe2\x80\x99s "
                      "\xe2\x80\xa2 e\xef\xac\x83" "cient \xef\xac\x81ne";
    sm_doc *d = load(in, sizeof in - 1);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_STR(sm_doc_text(d, NULL), "\"ML\" - it's * efficient fine");
    sm_doc_free(d);
}

static void test_whitespace_and_crlf(void)
{
    const char in[] = "\xef\xbb\xbf  Skills:\t\tPython   SQL  \r\nnext\xc2\xa0line\rlast";
    sm_doc *d = load(in, sizeof in - 1);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_STR(sm_doc_text(d, NULL), "Skills: Python SQL\nnext line\nlast");
    int line, col;
    const char *t = sm_doc_text(d, NULL);
    sm_doc_position(d, (size_t)(strstr(t, "Python") - t), &line, &col);
    CHECK_INT(line, 1);
    CHECK_INT(col, 12);   /* after the BOM, two spaces and two tabs */
    sm_doc_position(d, (size_t)(strstr(t, "last") - t), &line, &col);
    CHECK_INT(line, 3);
    CHECK_INT(col, 1);
    sm_doc_free(d);
}

static void test_hyphenation(void)
{
    const char in[] = "built machine learn-\n  ing models\nstate-of-the-\nArt";
    sm_doc *d = load(in, sizeof in - 1);
    CHECK(d != NULL);
    if (!d)
        return;
    const char *t = sm_doc_text(d, NULL);
    CHECK_STR(t, "built machine learning\nmodels\nstate-of-the-\nArt");
    int line, col;
    sm_doc_position(d, (size_t)(strstr(t, "models") - t), &line, &col);
    CHECK_INT(line, 2);
    CHECK_INT(col, 7);
    sm_doc_position(d, (size_t)(strstr(t, "ing") - t), &line, &col);
    CHECK_INT(line, 2);
    CHECK_INT(col, 3);
    sm_doc_free(d);
}

static void test_columns_count_code_points(void)
{
    const char in[] = "na\xc3\xafve caf\xc3\xa9 PyTorch";
    sm_doc *d = load(in, sizeof in - 1);
    CHECK(d != NULL);
    if (!d)
        return;
    const char *t = sm_doc_text(d, NULL);
    int line, col;
    sm_doc_position(d, (size_t)(strstr(t, "PyTorch") - t), &line, &col);
    CHECK_INT(col, 12);
    sm_doc_free(d);
}

static void test_invalid_utf8_repaired(void)
{
    const char in[] = "ok\nbad \xff\xfe byte";
    sm_doc *d = load(in, sizeof in - 1);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_STR(sm_doc_text(d, NULL), "ok\nbad \xef\xbf\xbd\xef\xbf\xbd byte");
    CHECK_INT(sm_doc_warning_count(d), 1);
    if (sm_doc_warning_count(d)) {
        const sm_error *w = sm_doc_warning(d, 0);
        CHECK_INT(w->line, 2);
        CHECK_INT(w->col, 5);
        CHECK(strstr(w->msg, "invalid UTF-8") != NULL);
    }
    sm_doc_free(d);
    /* the first bad byte's place, after ASCII read eight bytes at a time
     * and a valid two-byte character (one column) */
    const char far[] = "0123456789abcdef\nsecond line \xc3\xa9 and \xff here";
    d = load(far, sizeof far - 1);
    CHECK(d != NULL);
    if (d && sm_doc_warning_count(d)) {
        const sm_error *w = sm_doc_warning(d, 0);
        CHECK_INT(w->line, 2);
        CHECK_INT(w->col, 19);
    } else {
        CHECK(!"a warning for the bad byte");
    }
    sm_doc_free(d);
}

/* The one repair every writer of file names and texts uses. */
static void test_utf8_repair(void)
{
    size_t n;
    char *r = sm_utf8_repair("a\xff" "b\xc3\xa9\xf0\x9f", 7, &n);
    CHECK_STR(r ? r : "",
              "a\xef\xbf\xbd" "b\xc3\xa9\xef\xbf\xbd\xef\xbf\xbd");
    CHECK_INT((int)n, 13);
    free(r);
    json_t *j = sm_json_string_any("r\xe9sum\xc3\xa9");
    CHECK_STR(j ? json_string_value(j) : "", "r\xef\xbf\xbdsum\xc3\xa9");
    json_decref(j);
    CHECK(sm_json_string_any(NULL) == NULL);
}

static void test_refusals(void)
{
    sm_doc *d = NULL;
    sm_error e;
    CHECK_INT(sm_doc_load_mem("bin", "PNG\0\0x", 6, 0, &d, &e), SM_ERR_BINARY);
    CHECK(strstr(e.msg, "NUL") != NULL);
    CHECK_STR(e.file, "bin");
    CHECK_INT(sm_doc_load_mem("big", "0123456789", 10, 5, &d, &e),
              SM_ERR_TOO_LARGE);
    CHECK(d == NULL);
}

static void test_utf16(void)
{
    const char in[] = "\xff\xfeP\0y\0 \0\x13\x20 \0R\0";   /* "Py – R" */
    sm_doc *d = load(in, sizeof in - 1);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_STR(sm_doc_text(d, NULL), "Py - R");
    sm_doc_free(d);
}

static void test_tokenizer(void)
{
    const char *t = "Used C++, C#, .NET and Node.js; CI/CD with scikit-learn "
                    "A/B tests (F#). e.g. k8s";
    const char *want[] = {"Used", "C++", "C#", ".NET", "and", "Node.js",
                          "CI/CD", "with", "scikit-learn", "A/B", "tests",
                          "F#", "e.g", "k8s"};
    sm_token tok[32];
    size_t n = sm_tokenize(t, strlen(t), tok, 32);
    CHECK_INT(n, sizeof want / sizeof *want);
    for (size_t i = 0; i < n && i < sizeof want / sizeof *want; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.*s", (int)tok[i].len, t + tok[i].start);
        CHECK_STR(buf, want[i]);
    }
    /* the count is right even when the array is too small */
    CHECK_INT(sm_tokenize(t, strlen(t), tok, 2), n);
}

int main(void)
{
    test_punctuation();
    test_whitespace_and_crlf();
    test_hyphenation();
    test_columns_count_code_points();
    test_invalid_utf8_repaired();
    test_utf8_repair();
    test_refusals();
    test_utf16();
    test_tokenizer();
    return unit_done("normalize");
}
