/* embed.c - the smallest program that embeds libskillmatch: load the
 * rules, read one resume, print its suggested level and the skills found.
 *
 *   cc embed.c $(pkg-config --cflags --libs skillmatch) -o embed
 *   ./embed "$(pkg-config --variable=rulesdir skillmatch)" resume.txt
 *
 * make install, the Debian packages and tests/install/run.sh build it
 * against the installed library, shared and static. */
#include <stdio.h>
#include <stdlib.h>

#include <skillmatch.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: embed RULES_DIR RESUME\n");
        return 2;
    }
    sm_error err = {0};
    sm_rules *rules = NULL;
    sm_doc *doc = NULL;
    sm_result *res = NULL;
    sm_scratch *s = NULL;
    int rc = 1;

    if (sm_rules_load(argv[1], &rules, &err) != SM_OK)
        goto fail;
    if (!(s = sm_scratch_new(rules))) {
        snprintf(err.msg, sizeof err.msg, "out of memory");
        goto fail;
    }
    if (sm_doc_read(argv[2], NULL, &doc, &err) != SM_OK)
        goto fail;
    if (sm_analyze(rules, s, doc, NULL, &res, &err) != SM_OK)
        goto fail;

    size_t n = 0;
    const sm_skill_match *skills = sm_result_skills(res, &n);
    printf("skillmatch %s: %s: %s (%s)\n", SM_VERSION, sm_result_file(res),
           sm_level_name(sm_result_level(res)), sm_result_reason(res));
    printf("%zu skills:", n);
    for (size_t i = 0; i < n && i < 5; i++)
        printf(" %s", skills[i].id);
    printf("%s\n", n > 5 ? " ..." : "");
    rc = 0;
    goto done;
fail:
    fprintf(stderr, "embed: %s%s%s\n", err.file, *err.file ? ": " : "",
            err.msg);
done:
    sm_result_free(res);
    sm_doc_free(doc);
    sm_scratch_free(s);
    sm_rules_free(rules);
    return rc;
}
