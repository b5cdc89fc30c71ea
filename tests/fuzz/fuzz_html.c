/* fuzz_html.c - HTML bytes -> the HTML reader (libxml2's HTML parser as
 * events), then the whole read of a .html document. */
#include "fuzz_formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sm_read_options opt = {.max_size = SM_DEFAULT_MAX_SIZE};
    sm_read_input in = {"fuzz.html", NULL, data, size, &opt};
    sm_conv c;
    sm_error err = {0};
    if (!sm_conv_init(&c, SM_FORMAT_HTML, opt.max_size))
        return 0;
    fuzz_check_conv(&c, sm_read_html(&in, &c, &err));
    fuzz_check_doc("fuzz.html", data, size);
    return 0;
}
