/* cli_check.c - `skillmatch check FILE...`: the full report per resume,
 * as text, JSON or one HTML page (kept until every file is read). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_config.h"

int cmd_check(cli_opts *o)
{
    if (o->npostings || o->postings_dir)
        return cmd_check_job(o);     /* cli_check_job.c */
    bool json, lines, html;
    if (!cli_check_format(o->format, &json, &lines, &html))
        return EXIT_USAGE;
    if (o->nargs < 1) {
        cli_error("check: no file given (use '-' for standard input)");
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
    const sm_result **kept = html ? calloc((size_t)o->nargs, sizeof *kept)
                                  : NULL;
    size_t nkept = 0;
    cli_out out;
    if (!s || (html && !kept) || !cli_out_open(&out, o->output)) {
        free(kept);
        sm_scratch_free(s);
        cli_configs_free(&cfgs);
        free(opts);
        sm_rules_free(rules);
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    bool failed_check = false, first = true;
    cli_json_list list;
    cli_json_list_begin(&list, out.f, lines);
    for (int i = 0; i < o->nargs; i++) {
        sm_doc *doc = NULL;
        sm_result *res = NULL;
        sm_error err = {0};
        sm_read_options ro = cli_read_options(o);
        sm_status st = sm_doc_read(o->args[i], &ro, &doc, &err);
        if (st == SM_OK) {
            cli_warn_doc(doc, o);
            st = sm_analyze(rules, s, doc, &opts[i], &res, &err);
        }
        if (st != SM_OK) {
            cli_report(&err, NULL);
            rc = st == SM_ERR_NOMEM ? EXIT_USAGE : EXIT_INPUT;
            sm_doc_free(doc);
            if (st == SM_ERR_NOMEM)
                break;
            continue;
        }
        if (html) {
            kept[nkept++] = res;     /* written after the last file */
        } else if (json) {
            char *js = sm_render_json(res, lines ? 0 : SM_RENDER_PRETTY);
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
            sm_render_text(res, out.f, o->color ? SM_RENDER_COLOR : 0);
        }
        first = false;
        if (o->min_score >= 0) {
            sm_level lv = sm_result_level(res);
            if (o->level)
                sm_level_parse(o->level, &lv);
            const sm_level_score *ls = sm_result_level_score(res, lv);
            double score = ls ? ls->score : 0;
            if (score < o->min_score) {
                failed_check = true;
                if (!o->quiet)
                    cli_error("%s: %s score %.2f is below --min-score %.2f",
                              sm_result_file(res), sm_level_name(lv), score,
                              o->min_score);
            }
        }
        if (!html)
            sm_result_free(res);
        sm_doc_free(doc);
    }
    if (json)
        cli_json_list_end(&list);
    if (html && nkept &&
        sm_render_html_check(rules, kept, NULL, nkept, out.f) == SM_ERR_NOMEM) {
        cli_error("out of memory");
        rc = EXIT_USAGE;
    }
    for (size_t i = 0; i < nkept; i++)
        sm_result_free((sm_result *)kept[i]);
    free(kept);
    if (!cli_out_close(&out, true) && rc == EXIT_OK)
        rc = EXIT_INPUT;
    sm_scratch_free(s);
    cli_configs_free(&cfgs);
    free(opts);
    sm_rules_free(rules);
    if (rc == EXIT_OK && failed_check)
        rc = EXIT_CHECK_FAILED;
    return rc;
}
