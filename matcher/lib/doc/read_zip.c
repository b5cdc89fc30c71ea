/* read_zip.c - DOCX and ODT are ZIP archives: this opens one from memory
 * with libzip, tells which it is (word/document.xml, or an OpenDocument
 * text mimetype), and hands its parts to read_docx.c or read_odt.c:
 * headers, the body, footers for DOCX; styles.xml's headers and footers
 * and content.xml for ODT. Every part is inflated to at most
 * SM_ZIP_PART_MAX bytes, whatever its directory entry claims, and all parts
 * together to at most SM_ZIP_TOTAL_MAX (zip bombs). */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "doc/formats.h"

enum {
    SM_ZIP_PART_MAX = 64 << 20,      /* one part, inflated */
    SM_ZIP_TOTAL_MAX = 128 << 20,    /* all parts read */
    SM_ZIP_MAX_PARTS = 64            /* headers and footers read */
};

#define ODT_MIME "application/vnd.oasis.opendocument.text"

/* Inflate entry `idx` of `z` (named `part`): a buffer to free (NUL-ended)
 * and its length, or an error. */
static sm_status read_part(zip_t *z, zip_int64_t idx, const char *name,
                           const char *part, size_t *total, char **out,
                           size_t *outlen, sm_error *err)
{
    zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)idx, 0);
    if (!f)
        return sm_fail(err, SM_ERR_BINARY, name, 0, 0,
                       "corrupt document: %s cannot be read (%s)", part,
                       zip_strerror(z));
    char *buf = NULL;
    size_t len = 0, cap = 0;
    sm_status st = SM_OK;
    for (;;) {
        if (len + 65536 + 1 > cap &&
            !sm_reserve((void **)&buf, &cap, len + 65536 + 1, 1)) {
            st = sm_fail(err, SM_ERR_NOMEM, name, 0, 0, "out of memory");
            break;
        }
        zip_int64_t k = zip_fread(f, buf + len, 65536);
        if (k < 0) {
            st = sm_fail(err, SM_ERR_BINARY, name, 0, 0,
                         "corrupt document: %s: %s", part,
                         zip_file_strerror(f));
            break;
        }
        if (k == 0)
            break;
        len += (size_t)k;
        *total += (size_t)k;
        if (len > SM_ZIP_PART_MAX || *total > SM_ZIP_TOTAL_MAX) {
            st = sm_fail(err, SM_ERR_TOO_LARGE, name, 0, 0,
                         "%s inflates to more than %d MiB; not read (a zip "
                         "bomb?)", part,
                         (len > SM_ZIP_PART_MAX ? SM_ZIP_PART_MAX
                                                : SM_ZIP_TOTAL_MAX) >> 20);
            break;
        }
    }
    zip_fclose(f);
    if (st != SM_OK) {
        free(buf);
        return st;
    }
    buf[len] = '\0';
    *out = buf;
    *outlen = len;
    return SM_OK;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The DOCX parts word/header*.xml or word/footer*.xml, in name order. */
static size_t parts_like(zip_t *z, const char *prefix, const char **out,
                         size_t cap)
{
    size_t n = 0, pl = strlen(prefix);
    zip_int64_t count = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < count && n < cap; i++) {
        const char *e = zip_get_name(z, (zip_uint64_t)i, 0);
        size_t el = e ? strlen(e) : 0;
        if (e && el > pl + 4 && !strncmp(e, prefix, pl) &&
            !strcmp(e + el - 4, ".xml"))
            out[n++] = e;
    }
    qsort(out, n, sizeof *out, name_cmp);
    return n;
}

static sm_status docx_part(zip_t *z, const char *name, const char *part,
                           int which, size_t *total, sm_conv *c,
                           sm_error *err)
{
    zip_int64_t idx = zip_name_locate(z, part, 0);
    char *xml = NULL;
    size_t len;
    if (idx < 0)
        return SM_OK;
    sm_status st = read_part(z, idx, name, part, total, &xml, &len, err);
    if (st == SM_OK)
        st = sm_docx_part(c, name, part, xml, len, which, err);
    if (st == SM_OK)
        sm_conv_break(c);
    free(xml);
    return st;
}

static sm_status read_docx(zip_t *z, const char *name, sm_conv *c,
                           sm_error *err)
{
    const char *parts[SM_ZIP_MAX_PARTS];
    size_t total = 0, n;
    sm_status st = SM_OK;
    n = parts_like(z, "word/header", parts, SM_ZIP_MAX_PARTS);
    for (size_t i = 0; st == SM_OK && i < n; i++)
        st = docx_part(z, name, parts[i], 1, &total, c, err);
    if (st == SM_OK)
        st = docx_part(z, name, "word/document.xml", 0, &total, c, err);
    n = parts_like(z, "word/footer", parts, SM_ZIP_MAX_PARTS);
    for (size_t i = 0; st == SM_OK && i < n; i++)
        st = docx_part(z, name, parts[i], 2, &total, c, err);
    return st;
}

static sm_status read_odt(zip_t *z, const char *name, sm_conv *c,
                          sm_error *err)
{
    size_t total = 0;
    sm_status st = SM_OK;
    /* styles.xml first: its headers come at the top, as a DOCX's do */
    static const char *const PARTS[] = {"styles.xml", "content.xml"};
    for (size_t i = 0; st == SM_OK && i < 2; i++) {
        zip_int64_t idx = zip_name_locate(z, PARTS[i], 0);
        char *xml = NULL;
        size_t len;
        if (idx < 0) {
            if (i == 1)
                st = sm_fail(err, SM_ERR_BINARY, name, 0, 0,
                             "corrupt document: an ODT without content.xml");
            continue;
        }
        st = read_part(z, idx, name, PARTS[i], &total, &xml, &len, err);
        if (st == SM_OK)
            st = sm_odt_part(c, name, PARTS[i], xml, len, err);
        if (st == SM_OK)
            sm_conv_break(c);
        free(xml);
    }
    return st;
}

sm_status sm_read_zip(const sm_read_input *in, sm_conv *c, sm_error *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(in->data, in->len, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)
                   : NULL;
    sm_status st;
    if (!z) {
        st = sm_fail(err, SM_ERR_BINARY, in->name, 0, 0,
                     "corrupt or truncated ZIP (DOCX, ODT): %s; not read",
                     zip_error_strerror(&ze));
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return st;
    }
    zip_error_fini(&ze);
    /* an ODT starts with its mimetype, stored */
    char mime[64] = "";
    zip_int64_t mi = zip_name_locate(z, "mimetype", 0);
    if (mi >= 0) {
        zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)mi, 0);
        zip_int64_t k = f ? zip_fread(f, mime, sizeof mime - 1) : -1;
        mime[k > 0 ? k : 0] = '\0';
        if (f)
            zip_fclose(f);
    }
    if (!strcmp(mime, ODT_MIME)) {
        c->src->format = SM_FORMAT_ODT;
        st = read_odt(z, in->name, c, err);
    } else if (zip_name_locate(z, "word/document.xml", 0) >= 0) {
        c->src->format = SM_FORMAT_DOCX;
        st = read_docx(z, in->name, c, err);
    } else {
        st = sm_fail(err, SM_ERR_UNSUPPORTED, in->name, 0, 0,
                     "a ZIP archive that is neither a DOCX nor an ODT text "
                     "document%s%s; not read", mime[0] ? " (" : "",
                     mime[0] ? "other OpenDocument)" : "");
    }
    zip_discard(z);                  /* read-only: frees the source too */
    return st;
}
