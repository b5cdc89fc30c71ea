/* fuzz_office_xml.c - XML bytes as a DOCX part (word/document.xml, a
 * header) and as an ODT part (content.xml, styles.xml): what fuzz_zip
 * rarely reaches through deflate and CRCs. */
#include "fuzz_formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const ODT[] = {"content.xml", "styles.xml"};
    const char *xml = (const char *)data;
    for (int which = 0; which < 2; which++) {
        sm_conv c;
        sm_error err = {0};
        if (!sm_conv_init(&c, SM_FORMAT_DOCX, SM_DEFAULT_MAX_SIZE))
            return 0;
        fuzz_check_conv(&c, sm_docx_part(&c, "fuzz.docx", "word/document.xml",
                                         xml, size, which, &err));
        if (!sm_conv_init(&c, SM_FORMAT_ODT, SM_DEFAULT_MAX_SIZE))
            return 0;
        fuzz_check_conv(&c, sm_odt_part(&c, "fuzz.odt", ODT[which], xml, size,
                                        &err));
    }
    return 0;
}
