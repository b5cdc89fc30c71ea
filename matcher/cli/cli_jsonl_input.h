/* cli_jsonl_input.h - the bytes of `screen --stdin-jsonl`: lines read from
 * a descriptor with a bound on the longest one kept, and each line parsed
 * as a document {"id": ..., "text": ...}. No rules, no rows: the filter
 * (cli_jsonl.c) and the worker (cli_screen.c) use these, and so does the
 * fuzz target fuzz_jsonl. */
#ifndef SM_CLI_JSONL_INPUT_H
#define SM_CLI_JSONL_INPUT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int fd;
    char *buf;
    size_t start, end, cap;
    size_t limit;            /* longest line kept */
    bool eof;
} jsonl_reader;

/* Read from `fd`, keeping lines of at most `limit` bytes. False when out
 * of memory. */
bool jsonl_reader_init(jsonl_reader *lr, int fd, size_t limit);
void jsonl_reader_free(jsonl_reader *lr);

/* The next line, without its newline, in *line (valid until the next
 * call). A line longer than the limit is read to its end and dropped:
 * *too_long is set. Returns 1, 0 at the end, -1 on a read error (errno)
 * or when out of memory (ENOMEM). The memory held is at most about twice
 * the limit, whatever the input. */
int jsonl_read_line(jsonl_reader *lr, const char **line, size_t *len,
                    bool *too_long);

/* Only spaces, tabs and CRs: a line to skip. */
bool jsonl_blank(const char *s, size_t n);

/* Line `line_no` as a document. On success returns the JSON (the caller
 * json_decref()s it; *text, *text_len point into it) with the id in *id.
 * On failure returns NULL with the reason in *msg ("line 3: no \"text\"",
 * NULL when out of memory) and the id in *id when the line had one. The
 * caller frees *id and *msg. */
json_t *jsonl_parse(const char *line, size_t len, size_t line_no, char **id,
                    const char **text, size_t *text_len, char **msg);

#endif
