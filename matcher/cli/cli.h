/* cli.h - what the command-line program's files share. Only the public
 * library header is used. */
#ifndef SM_CLI_H
#define SM_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "skillmatch.h"

/* exit codes */
enum { EXIT_OK = 0, EXIT_CHECK_FAILED = 1, EXIT_USAGE = 2, EXIT_INPUT = 3 };

typedef struct {
    const char *rules_dir;    /* --rules, or NULL for the default */
    const char *format;       /* --format, or NULL for the command default */
    const char *output;       /* -o */
    int color;                /* 1 on, 0 off */
    bool quiet;               /* -q */
    const char *level;        /* --level */
    double min_score;         /* --min-score, < 0 unset */
    sm_options analyze;       /* --today, --full-scan */
    size_t max_size;          /* --max-size */
    int jobs;                 /* -j */
    int top;                  /* --top */
    const char *files_from;   /* --files-from */
    bool stdin_jsonl;         /* --stdin-jsonl */
    bool hidden, follow;      /* --hidden, --follow */
    const char **excludes;    /* --exclude GLOB..., nexcludes of them */
    int nexcludes;
    bool no_ignore;           /* --no-ignore: .gitignore, .ignore unread */
    const char *fail_on;      /* --fail-on */
    const char *config;       /* --config */
    const char *stdin_name;   /* --stdin-filename: the name of '-' */
    bool progress;            /* --progress / --no-progress decided */
    const char *pre;          /* --pre COMMAND: every file through it */
    int timeout;              /* --timeout SECONDS for converters; 0 */
    unsigned types;           /* --type: bit 1 << sm_format; 0: all */
    const char **postings;    /* --job FILE..., npostings of them */
    int npostings;
    const char *postings_dir; /* --jobs DIR */
    int nargs;
    char **args;
} cli_opts;

/* Messages on stderr: "skillmatch: file:line:col: message". */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_report(const sm_error *e, const char *kind);
void cli_warn_doc(const sm_doc *doc, const cli_opts *o);
/* What the readers take from the options (--max-size, --pre, --timeout). */
sm_read_options cli_read_options(const cli_opts *o);

/* The rules folder: --rules, $SKILLMATCH_RULES, next to the program, or
 * the installed one. */
const char *cli_default_rules(void);
sm_rules *cli_load_rules(const cli_opts *o);

/* Output to -o FILE through a temporary file renamed into place on
 * success, or to stdout. */
typedef struct {
    FILE *f;
    char *tmp;
    const char *final;
} cli_out;
bool cli_out_open(cli_out *out, const char *path);
/* Returns false when writing failed; `keep` false discards the file. */
bool cli_out_close(cli_out *out, bool keep);

/* check's JSON (cli_common.c): one array whatever the number of files
 * ("[\n" objects joined by ",\n" "\n]\n", "[]\n" for none), or with
 * `lines` one compact object a line (--format jsonl). */
typedef struct {
    FILE *f;
    bool lines;
    size_t n;
} cli_json_list;
void cli_json_list_begin(cli_json_list *l, FILE *f, bool lines);
void cli_json_list_item(cli_json_list *l, const char *js);
void cli_json_list_end(cli_json_list *l);
/* check's --format: "text", "json", "jsonl" or "html" (NULL: text);
 * false after a message for another. */
bool cli_check_format(const char *fmt, bool *json, bool *lines, bool *html);

/* One CSV (RFC 4180, CRLF) or TSV row, spreadsheet-safe (cli_delim.c):
 * a cell starting with = + - @ tab or CR gets a leading apostrophe;
 * control bytes are escaped (\xHH; TSV also \t \n \r \\). NULL cells
 * are empty. */
void delim_row(FILE *f, bool csv, const char *const *cells, int n);
/* Does a cell start like a spreadsheet formula? */
bool delim_formula(const char *s);

/* A command's own --help text (cli_help.c); NULL for an unknown one. */
const char *cli_help(const char *command);

int cmd_check(cli_opts *o);
int cmd_check_job(cli_opts *o);
int cmd_explain_job(cli_opts *o);
int cmd_explain(cli_opts *o);
int cmd_rules(cli_opts *o);
int cmd_screen(cli_opts *o);
int cmd_lint(cli_opts *o);

#endif
