/* names.c - the names of levels, severities and where a draft's level
 * came from: printed by the renderers, parsed from rules, configuration
 * and options; and the kinds of a posting's asks. */
#include <strings.h>

#include "util/util.h"

const char *sm_level_name(sm_level level)
{
    static const char *const names[] = {"none", "junior", "mid", "senior"};
    return (unsigned)level <= SM_LEVEL_SENIOR ? names[level] : "none";
}

sm_status sm_level_parse(const char *name, sm_level *out)
{
    for (int lv = SM_LEVEL_JUNIOR; lv <= SM_LEVEL_SENIOR; lv++)
        if (!strcasecmp(name, sm_level_name((sm_level)lv))) {
            *out = (sm_level)lv;
            return SM_OK;
        }
    return SM_ERR_ARG;
}

const char *sm_severity_name(sm_severity sev)
{
    static const char *const names[] = {"off", "info", "warning", "error"};
    return (unsigned)sev <= SM_SEVERITY_ERROR ? names[sev] : "off";
}

sm_status sm_severity_parse(const char *name, sm_severity *out)
{
    for (int s = SM_SEVERITY_OFF; s <= SM_SEVERITY_ERROR; s++)
        if (!strcasecmp(name, sm_severity_name((sm_severity)s))) {
            *out = (sm_severity)s;
            return SM_OK;
        }
    if (!strcasecmp(name, "note")) {
        *out = SM_SEVERITY_INFO;
        return SM_OK;
    }
    return SM_ERR_ARG;
}

const char *sm_level_source_name(sm_level_source src)
{
    static const char *const names[] = {"none", "front-matter", "title",
                                        "option"};
    return (unsigned)src <= SM_LEVEL_FROM_OPTION ? names[src] : "none";
}

const char *sm_ask_kind_name(sm_ask_kind kind)
{
    return kind == SM_ASK_PREFERRED ? "preferred" : "required";
}
