/* fuzz_pdf_layout.c - pdftotext -bbox-layout XHTML bytes -> the PDF
 * reader's layout: blocks, their boxes (any numbers, NaN, overlapping),
 * reading order, lines and their places. (pdftotext itself runs as a child
 * under time and output limits; its crashes are its own.) */
#include "fuzz_formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sm_conv c;
    sm_error err = {0};
    bool any = false;
    if (!sm_conv_init(&c, SM_FORMAT_PDF, SM_DEFAULT_MAX_SIZE))
        return 0;
    fuzz_check_conv(&c, sm_pdf_lay_out("fuzz.pdf", (const char *)data, size,
                                       &c, &any, &err));
    return 0;
}
