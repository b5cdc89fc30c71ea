/* fuzz_jsonl.c - the bytes of `screen --stdin-jsonl`: the line reader
 * over a descriptor (with a small buffer and a small limit, so that
 * growth, partial lines and the dropping of long lines are reached with
 * small inputs), then each line as a document {"id", "text"}, read and
 * analysed as screen's worker does, with the JSON of its row.
 *
 * Besides crashes it checks: the lines read are the input (every byte is
 * in a line or is a newline) when none was too long; a line too long is
 * reported as such; a parsed line has an id and a text; a failed one says
 * why with its line number. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli_jsonl_input.h"
#include "fuzz.h"
#include "skillmatch.h"

enum { LIMIT = 1024, FIRST_CAP = 16 };

static sm_rules *rules;
static sm_scratch *scratch;
static FILE *sink;
static int fd = -1;

static void shut_down(void)
{
    if (fd >= 0)
        close(fd);
    sm_scratch_free(scratch);
    sm_rules_free(rules);
    if (sink)
        fclose(sink);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_rules("fuzz_jsonl", &rules, &scratch, &sink);
    fd = memfd_create("fuzz_jsonl", 0);
    if (fd < 0) {
        perror("fuzz_jsonl: memfd_create");
        exit(1);
    }
    atexit(shut_down);
    return 0;
}

static void one_document(const char *line, size_t len, size_t line_no)
{
    char *id = NULL, *msg = NULL;
    const char *text = NULL;
    size_t tlen = 0;
    json_t *j = jsonl_parse(line, len, line_no, &id, &text, &tlen, &msg);
    if (!j) {
        char want[32];
        snprintf(want, sizeof want, "line %zu: ", line_no);
        FUZZ_ASSERT(msg && !strncmp(msg, want, strlen(want)));
        free(id);
        free(msg);
        return;
    }
    FUZZ_ASSERT(id && text && !msg);
    sm_doc *doc = NULL;
    sm_result *res = NULL;
    sm_error err = {0};
    if (sm_doc_load_mem(id, text, tlen, SM_DEFAULT_MAX_SIZE, &doc, &err) ==
        SM_OK) {
        sm_options opt = {.today_year = 2026, .today_month = 1};
        sm_status st = sm_analyze(rules, scratch, doc, &opt, &res, &err);
        FUZZ_ASSERT(st == SM_OK || (st == SM_ERR_MATCH && err.msg[0]));
        if (st == SM_OK) {
            char *js = sm_render_json(res, 0);
            FUZZ_ASSERT(js != NULL);
            json_t *back = json_loads(js, 0, NULL);
            FUZZ_ASSERT(back != NULL);
            json_decref(back);
            free(js);
            sm_result_free(res);
        }
        sm_doc_free(doc);
    } else {
        FUZZ_ASSERT(err.msg[0]);
    }
    json_decref(j);
    free(id);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size ||
        lseek(fd, 0, SEEK_SET) != 0)
        return 0;
    jsonl_reader lr;
    FUZZ_ASSERT(jsonl_reader_init(&lr, fd, LIMIT));
    char *small = realloc(lr.buf, FIRST_CAP);   /* reach the growth */
    FUZZ_ASSERT(small != NULL);
    lr.buf = small;
    lr.cap = FIRST_CAP;

    size_t newlines = 0, bytes = 0, line_no = 0, len;
    for (size_t i = 0; i < size; i++)
        newlines += data[i] == '\n';
    const char *line;
    bool too_long, any_too_long = false;
    int rc;
    while ((rc = jsonl_read_line(&lr, &line, &len, &too_long)) > 0) {
        line_no++;
        FUZZ_ASSERT(line_no <= newlines + 1);
        FUZZ_ASSERT(lr.cap <= 4 * (LIMIT + FIRST_CAP));
        if (too_long) {
            any_too_long = true;
            continue;
        }
        FUZZ_ASSERT(len <= LIMIT && !memchr(line, '\n', len));
        bytes += len;
        if (!jsonl_blank(line, len))
            one_document(line, len, line_no);
    }
    FUZZ_ASSERT(rc == 0);
    if (!any_too_long)
        FUZZ_ASSERT(bytes + newlines == size);
    jsonl_reader_free(&lr);
    return 0;
}
