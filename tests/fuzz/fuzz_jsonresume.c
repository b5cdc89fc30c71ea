/* fuzz_jsonresume.c - JSON bytes -> the JSON Resume reader (jansson, the
 * schema walk, work dates), then the whole read of a .json document and its
 * job ranges. */
#include "fuzz_formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sm_read_options opt = {.max_size = SM_DEFAULT_MAX_SIZE};
    sm_read_input in = {"fuzz.json", NULL, data, size, &opt};
    sm_conv c;
    sm_error err = {0};
    if (!sm_conv_init(&c, SM_FORMAT_JSON_RESUME, opt.max_size))
        return 0;
    fuzz_check_conv(&c, sm_read_jsonresume(&in, &c, &err));

    sm_doc *doc = NULL;
    if (sm_doc_read_mem("fuzz.json", data, size, NULL, &doc, &err) == SM_OK) {
        sm_job_range *v;
        size_t n;
        int today = 2026 * 12;
        if (sm_doc_job_ranges(doc, today, &v, &n)) {
            for (size_t i = 0; i < n; i++)
                FUZZ_ASSERT(v[i].from <= v[i].to && v[i].to <= today &&
                            v[i].line < doc->nlines);
            free(v);
        }
        sm_doc_free(doc);
    }
    fuzz_check_doc("fuzz.json", data, size);
    return 0;
}
