/* cli_check_job.c - `skillmatch check RESUME... --job POSTING`: each
 * resume against one posting, as text, JSON or one HTML page; --min-score
 * applies to the match score. */
#include <stdlib.h>
#include <string.h>

#include "cli_config.h"
#include "cli_job.h"

int cmd_check_job(cli_opts *o)
{
    bool json, lines, html;
    if (!cli_check_format(o->format, &json, &lines, &html))
        return EXIT_USAGE;
    if (o->npostings != 1 || o->postings_dir) {
        cli_error("check: give one --job POSTING (screen matches against "
                  "several)");
        return EXIT_USAGE;
    }
    if (o->nargs < 1) {
        cli_error("check: no file given (use '-' for standard input)");
        return EXIT_USAGE;
    }
    bool stdin_twice = !strcmp(o->postings[0], "-");
    for (int i = 0; i < o->nargs; i++)
        if (stdin_twice && !strcmp(o->args[i], "-")) {
            cli_error("check: standard input ('-') named for both the "
                      "resume and the posting");
            return EXIT_USAGE;
        }
    sm_rules *rules = cli_load_rules(o);
    if (!rules)
        return EXIT_USAGE;
    /* every input's configuration (its level ladder), before any output:
     * a mistake in one is a usage error */
    cli_configs cfgs;
    sm_options *opts = cli_configs_options(&cfgs, o, rules, o->args,
                                           (size_t)o->nargs);
    if (!opts) {
        sm_rules_free(rules);
        return EXIT_USAGE;
    }
    sm_scratch *s = sm_scratch_new(rules);
    cli_jobs J;
    int rc = s ? cli_jobs_load(o, rules, s, &J) : EXIT_USAGE;
    cli_out out;
    if (rc != EXIT_OK || !cli_out_open(&out, o->output)) {
        if (rc == EXIT_OK)
            cli_jobs_free(&J), rc = EXIT_USAGE;
        else if (s)
            cli_jobs_free(&J);
        sm_scratch_free(s);
        cli_configs_free(&cfgs);
        free(opts);
        sm_rules_free(rules);
        return rc;
    }
    bool failed_check = false, first = true;
    cli_json_list list;
    cli_json_list_begin(&list, out.f, lines);
    /* html: every resume's result and match, written after the last */
    const sm_result **kr = html ? calloc((size_t)o->nargs, sizeof *kr) : NULL;
    const sm_match **km = html ? calloc((size_t)o->nargs, sizeof *km) : NULL;
    size_t nkept = 0;
    if (html && (!kr || !km)) {
        cli_error("out of memory");
        rc = EXIT_USAGE;
        o->nargs = 0;
    }
    for (int i = 0; i < o->nargs; i++) {
        sm_doc *doc = NULL;
        sm_result *res = NULL;
        sm_match *m = NULL;
        sm_error err = {0};
        sm_read_options ro = cli_read_options(o);
        sm_status st = sm_doc_read(o->args[i], &ro, &doc, &err);
        if (st == SM_OK) {
            cli_warn_doc(doc, o);
            st = sm_analyze(rules, s, doc, &opts[i], &res, &err);
        }
        if (st == SM_OK)
            st = sm_match_job(rules, J.v[0], res, &m, &err);
        if (st != SM_OK) {
            cli_report(&err, NULL);
            rc = st == SM_ERR_NOMEM ? EXIT_USAGE : EXIT_INPUT;
            sm_result_free(res);
            sm_doc_free(doc);
            if (st == SM_ERR_NOMEM)
                break;
            continue;
        }
        if (html) {
            kr[nkept] = res;
            km[nkept++] = m;
        } else if (json) {
            char *js = sm_render_match_json(m, lines ? 0 : SM_RENDER_PRETTY);
            if (!js) {
                cli_error("out of memory");
                rc = EXIT_USAGE;
            } else {
                cli_json_list_item(&list, js);
                free(js);
            }
        } else {
            if (!first)
                fputc('\n', out.f);
            sm_render_match_text(m, out.f, o->color ? SM_RENDER_COLOR : 0);
        }
        first = false;
        double score = sm_match_score(m);
        if (o->min_score >= 0 && score < o->min_score) {
            failed_check = true;
            if (!o->quiet)
                cli_error("%s: match score %.2f for %s is below --min-score "
                          "%.2f", sm_result_file(res), score,
                          sm_job_file(J.v[0]), o->min_score);
        }
        if (!html) {
            sm_match_free(m);
            sm_result_free(res);
        }
        sm_doc_free(doc);
    }
    if (json)
        cli_json_list_end(&list);
    if (html && nkept &&
        sm_render_html_check(rules, kr, km, nkept, out.f) == SM_ERR_NOMEM) {
        cli_error("out of memory");
        rc = EXIT_USAGE;
    }
    for (size_t i = 0; i < nkept; i++) {
        sm_match_free((sm_match *)km[i]);
        sm_result_free((sm_result *)kr[i]);
    }
    free(kr);
    free(km);
    if (!cli_out_close(&out, true) && rc == EXIT_OK)
        rc = EXIT_INPUT;
    cli_jobs_free(&J);
    sm_scratch_free(s);
    cli_configs_free(&cfgs);
    free(opts);
    sm_rules_free(rules);
    if (rc == EXIT_OK && failed_check)
        rc = EXIT_CHECK_FAILED;
    return rc;
}
