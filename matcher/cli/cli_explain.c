/* cli_explain.c - `skillmatch explain FILE SKILL`: SKILL a skill id, a
 * display name, or a group id (the library resolves it). */
#include "cli.h"

int cmd_explain(cli_opts *o)
{
    if (o->npostings || o->postings_dir)
        return cmd_explain_job(o);   /* cli_explain_job.c */
    if (o->nargs != 2) {
        cli_error("explain: give a FILE and a SKILL (an id, a name, or a "
                  "group id as screen's TOP GAPS shows)");
        return EXIT_USAGE;
    }
    sm_rules *rules = cli_load_rules(o);
    if (!rules)
        return EXIT_USAGE;
    sm_scratch *s = sm_scratch_new(rules);
    sm_doc *doc = NULL;
    sm_error err = {0};
    int rc = EXIT_OK;
    sm_read_options ro = cli_read_options(o);
    sm_status st = s ? sm_doc_read(o->args[0], &ro, &doc, &err)
                     : SM_ERR_NOMEM;
    if (st == SM_OK) {
        cli_warn_doc(doc, o);
        st = sm_explain(rules, s, doc, o->args[1], stdout, &err);
    }
    if (st == SM_ERR_ARG && !err.file[0]) {     /* no such skill */
        cli_error("explain: %s", err.msg);
        rc = EXIT_USAGE;
    } else if (st != SM_OK) {
        cli_report(&err, NULL);
        rc = st == SM_ERR_ARG ? EXIT_USAGE : EXIT_INPUT;
    }
    sm_doc_free(doc);
    sm_scratch_free(s);
    sm_rules_free(rules);
    return rc;
}
