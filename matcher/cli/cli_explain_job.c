/* cli_explain_job.c - `skillmatch explain RESUME SKILL --job POSTING`. */
#include <string.h>

#include "cli.h"

int cmd_explain_job(cli_opts *o)
{
    if (o->nargs != 2 || o->npostings != 1 || o->postings_dir) {
        cli_error("explain: give a RESUME, a SKILL id and one --job POSTING");
        return EXIT_USAGE;
    }
    if (!strcmp(o->args[0], "-") && !strcmp(o->postings[0], "-")) {
        cli_error("explain: standard input ('-') named twice");
        return EXIT_USAGE;
    }
    sm_rules *rules = cli_load_rules(o);
    if (!rules)
        return EXIT_USAGE;
    sm_scratch *s = sm_scratch_new(rules);
    sm_doc *job = NULL, *doc = NULL;
    sm_error err = {0};
    int rc = EXIT_OK;
    sm_status st = s ? sm_doc_load_file(o->postings[0], o->max_size, &job,
                                        &err)
                     : SM_ERR_NOMEM;
    if (st == SM_OK)
        st = sm_doc_load_file(o->args[0], o->max_size, &doc, &err);
    if (st == SM_OK) {
        cli_warn_doc(job, o);
        cli_warn_doc(doc, o);
        st = sm_explain_job(rules, s, job, doc, &o->analyze, o->args[1],
                            stdout, &err);
    }
    if (st != SM_OK) {
        cli_report(&err, NULL);
        rc = st == SM_ERR_ARG || st == SM_ERR_RULES ? EXIT_USAGE : EXIT_INPUT;
    }
    sm_doc_free(doc);
    sm_doc_free(job);
    sm_scratch_free(s);
    sm_rules_free(rules);
    return rc;
}
