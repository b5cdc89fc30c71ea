/* test_html_escape.c - the HTML reports' escaping (render/html_util.c):
 * text as HTML, JSON embedded in a <script type="application/json">, and
 * a screen page whose rows hold markup. */
#include <jansson.h>

#include "unit.h"
#include "render/render.h"

/* What fn writes for s, in a buffer to free. */
static char *text_of(const char *s)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    sm_html_text(f, s);
    fclose(f);
    return buf;
}

static char *json_of(const char *s)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    sm_html_json(f, s, strlen(s));
    fclose(f);
    return buf;
}

int main(void)
{
    char *t = text_of("<img src=x onerror=\"a('b')\"> & </script>");
    CHECK_STR(t, "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; "
                 "&lt;/script&gt;");
    free(t);
    t = text_of("caf\xC3\xA9 \x01 \xFF end");      /* control, bad byte */
    CHECK_STR(t, "caf\xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD end");
    free(t);

    const char *js = "{\"a\":\"</script><!-- & \xE2\x80\xA8\xE2\x80\xA9\"}";
    t = json_of(js);
    CHECK_STR(t, "{\"a\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 "
                 "\\u2028\\u2029\"}");
    CHECK(!strchr(t, '<') && !strchr(t, '>') && !strchr(t, '&'));
    json_t *back = json_loads(t, 0, NULL), *orig = json_loads(js, 0, NULL);
    CHECK(back && orig && json_equal(back, orig));   /* the same data */
    json_decref(back);
    json_decref(orig);
    free(t);

    /* a screen page: a file name and an error that are markup appear only
     * escaped in the data, and the script and style are the embedded ones */
    sm_rules *rules = NULL;
    sm_error err;
    CHECK(sm_rules_load("rules", &rules, &err) == SM_OK);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    sm_html_screen *w = NULL;
    const char *post[] = {"<b>job</b>.md"};
    CHECK(sm_html_screen_new(rules, post, 1, f, &w) == SM_OK);
    char *row = sm_render_json_error("</script><script>x=1</script>.txt",
                                     "<img src=x onerror=y>", 0);
    CHECK(sm_html_screen_row(w, row, strlen(row)) == SM_OK);
    CHECK(sm_html_screen_finish(w) == SM_OK);
    fclose(f);
    free(row);
    CHECK(strstr(buf, "\\u003c/script\\u003e\\u003cscript\\u003ex=1") != NULL);
    CHECK(strstr(buf, "\\u003cimg src=x onerror=y\\u003e") != NULL);
    CHECK(strstr(buf, "\\u003cb\\u003ejob\\u003c/b\\u003e.md") != NULL);
    CHECK(!strstr(buf, "x=1</script>") && !strstr(buf, "<img"));
    /* two script elements, the data's and the embedded one (whose
     * comments may name them) */
    int scripts = 0;
    for (const char *p = buf; (p = strstr(p, "<script")); p++)
        scripts++;
    for (const char *p = sm_html_js; (p = strstr(p, "<script")); p++)
        scripts--;
    CHECK_INT(scripts, 2);
    CHECK(strstr(buf, sm_html_js) != NULL && strstr(buf, sm_html_css) != NULL);
    CHECK(strstr(buf, "default-src 'none'") != NULL);
    char want[128];
    snprintf(want, sizeof want, "script-src 'sha256-%s'", sm_html_js_sha256);
    CHECK(strstr(buf, want) != NULL);
    free(buf);
    sm_rules_free(rules);
    return unit_done("html_escape");
}
