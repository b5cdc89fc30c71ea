/* fuzz_zip.c - ZIP bytes -> the DOCX/ODT reader: libzip, the part size
 * bounds, then WordprocessingML or OpenDocument parts. */
#include "fuzz_formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sm_read_options opt = {.max_size = SM_DEFAULT_MAX_SIZE};
    sm_read_input in = {"fuzz.docx", NULL, data, size, &opt};
    sm_conv c;
    sm_error err = {0};
    if (!sm_conv_init(&c, SM_FORMAT_DOCX, opt.max_size))
        return 0;
    sm_status st = sm_read_zip(&in, &c, &err);
    FUZZ_ASSERT(st == SM_OK || err.msg[0]);
    fuzz_check_conv(&c, st);
    return 0;
}
