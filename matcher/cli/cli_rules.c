/* cli_rules.c - `skillmatch rules check|list|show|export`. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void on_failure(const sm_error *f, void *ud)
{
    (void)ud;
    cli_report(f, NULL);
}

static int rules_check(cli_opts *o)
{
    if (o->nargs > 2) {
        cli_error("rules check: at most one folder");
        return EXIT_USAGE;
    }
    if (o->nargs == 2)
        o->rules_dir = o->args[1];
    sm_rules *rules = cli_load_rules(o);
    if (!rules)
        return EXIT_USAGE;
    sm_scratch *s = sm_scratch_new(rules);
    size_t failures = 0, examples = 0;
    sm_error err = {0};
    int rc = EXIT_OK;
    if (!s) {
        cli_error("out of memory");
        rc = EXIT_USAGE;
    } else if (sm_rules_check_examples(rules, s, on_failure, NULL, &failures,
                                       &examples, &err) != SM_OK) {
        cli_report(&err, NULL);
        rc = EXIT_USAGE;
    } else {
        if (!o->quiet)
            printf("%zu skills, %zu examples: %zu passed, %zu failed\n",
                   sm_rules_skill_count(rules), examples, examples - failures,
                   failures);
        if (failures)
            rc = EXIT_USAGE;
    }
    sm_scratch_free(s);
    sm_rules_free(rules);
    return rc;
}

static json_t *string_array(const char *const *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, json_string(v[i]));
    return a;
}

static json_t *skill_json(const sm_skill_info *k)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "id", json_string(k->id));
    json_object_set_new(o, "name", json_string(k->name));
    json_object_set_new(o, "category", json_string(k->category));
    json_object_set_new(o, "source", json_string(k->source));
    json_object_set_new(o, "patterns", string_array(k->patterns, k->n_patterns));
    json_object_set_new(o, "exclude", string_array(k->excludes, k->n_excludes));
    json_object_set_new(o, "triggers", string_array(k->triggers, k->n_triggers));
    json_object_set_new(o, "needs_context", json_boolean(k->needs_context));
    return o;
}

static json_t *skills_json(const sm_rules *rules)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < sm_rules_skill_count(rules); i++)
        json_array_append_new(a, skill_json(sm_rules_skill(rules, i)));
    return a;
}

static bool dump_json(json_t *j, FILE *f)
{
    bool ok = j && json_dumpf(j, f, JSON_INDENT(2)) == 0;
    fputc('\n', f);
    json_decref(j);
    return ok;
}

static int rules_list(cli_opts *o, sm_rules *rules, FILE *f)
{
    const char *fmt = o->format ? o->format : "text";
    size_t n = sm_rules_skill_count(rules);
    if (!strcmp(fmt, "json"))
        return dump_json(skills_json(rules), f) ? EXIT_OK : EXIT_USAGE;
    bool tsv = !strcmp(fmt, "tsv");
    if (!tsv && strcmp(fmt, "text")) {
        cli_error("rules list: unknown format '%s' (text, tsv or json)", fmt);
        return EXIT_USAGE;
    }
    size_t wi = 2, wn = 4, wc = 8;
    for (size_t i = 0; i < n; i++) {
        const sm_skill_info *k = sm_rules_skill(rules, i);
        if (strlen(k->id) > wi) wi = strlen(k->id);
        if (strlen(k->name) > wn) wn = strlen(k->name);
        if (strlen(k->category) > wc) wc = strlen(k->category);
    }
    static const char *const HEAD[] = {"id", "name", "category", "source"};
    if (tsv)
        delim_row(f, false, HEAD, 4);
    else
        fprintf(f, "%-*s  %-*s  %-*s  %s\n", (int)wi, "ID", (int)wn, "NAME",
                (int)wc, "CATEGORY", "SOURCE");
    for (size_t i = 0; i < n; i++) {
        const sm_skill_info *k = sm_rules_skill(rules, i);
        const char *cells[] = {k->id, k->name, k->category, k->source};
        if (tsv)
            delim_row(f, false, cells, 4);
        else
            fprintf(f, "%-*s  %-*s  %-*s  %s\n", (int)wi, k->id, (int)wn,
                    k->name, (int)wc, k->category, k->source);
    }
    return EXIT_OK;
}

static int rules_show(cli_opts *o, sm_rules *rules, FILE *f)
{
    if (o->nargs != 2) {
        cli_error("rules show: give one skill id");
        return EXIT_USAGE;
    }
    const sm_skill_info *k = sm_rules_skill_find(rules, o->args[1]);
    if (!k) {
        cli_error("rules show: unknown skill '%s'", o->args[1]);
        return EXIT_USAGE;
    }
    if (o->format && !strcmp(o->format, "json"))
        return dump_json(skill_json(k), f) ? EXIT_OK : EXIT_USAGE;
    fprintf(f, "%s: %s\n  category: %s\n  source: %s\n  defined at: %s:%d\n",
            k->id, k->name, k->category, k->source, k->file, k->line);
    fprintf(f, "  triggers:");
    for (size_t i = 0; i < k->n_triggers; i++)
        fprintf(f, " %s", k->triggers[i]);
    fprintf(f, "\n  needs context: %s\n", k->needs_context ? "yes" : "no");
    for (size_t i = 0; i < k->n_patterns; i++)
        fprintf(f, "  pattern %zu: %s\n", i + 1, k->patterns[i]);
    for (size_t i = 0; i < k->n_excludes; i++)
        fprintf(f, "  exclude %zu: %s\n", i + 1, k->excludes[i]);
    return EXIT_OK;
}

static int rules_export(cli_opts *o, sm_rules *rules, FILE *f)
{
    const char *fmt = o->format ? o->format : "pcre";
    size_t n = sm_rules_skill_count(rules);
    if (!strcmp(fmt, "json"))
        return dump_json(skills_json(rules), f) ? EXIT_OK : EXIT_USAGE;
    if (strcmp(fmt, "pcre")) {
        cli_error("rules export: unknown format '%s' (pcre or json)", fmt);
        return EXIT_USAGE;
    }
    /* one pattern per line, caseless as skillmatch compiles them */
    for (size_t i = 0; i < n; i++) {
        const sm_skill_info *k = sm_rules_skill(rules, i);
        for (size_t j = 0; j < k->n_patterns; j++)
            fprintf(f, "(?i)%s\n", k->patterns[j]);
    }
    return EXIT_OK;
}

int cmd_rules(cli_opts *o)
{
    if (o->nargs < 1) {
        cli_error("rules: give check, list, show ID or export");
        return EXIT_USAGE;
    }
    const char *sub = o->args[0];
    if (!strcmp(sub, "check"))
        return rules_check(o);
    int (*fn)(cli_opts *, sm_rules *, FILE *) =
        !strcmp(sub, "list") ? rules_list
        : !strcmp(sub, "show") ? rules_show
        : !strcmp(sub, "export") ? rules_export : NULL;
    if (!fn) {
        cli_error("rules: unknown subcommand '%s' (check, list, show, export)",
                  sub);
        return EXIT_USAGE;
    }
    if (!strcmp(sub, "list") && o->nargs != 1) {
        cli_error("rules list takes no argument");
        return EXIT_USAGE;
    }
    sm_rules *rules = cli_load_rules(o);
    if (!rules)
        return EXIT_USAGE;
    cli_out out;
    int rc = EXIT_USAGE;
    if (cli_out_open(&out, o->output)) {
        rc = fn(o, rules, out.f);
        if (!cli_out_close(&out, rc == EXIT_OK) && rc == EXIT_OK)
            rc = EXIT_USAGE;
    }
    sm_rules_free(rules);
    return rc;
}
