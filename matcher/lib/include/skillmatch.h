/*
 * skillmatch.h - find Machine Learning Engineer skills in a resume or a
 * job-description draft and score it against the junior, mid and senior
 * profiles.
 *
 * This is the library's only public header; the command-line program uses
 * nothing else.
 *
 * Conventions
 *  - Every object that a *_load, *_new or sm_analyze hands back is released
 *    by its *_free, and every *_free accepts NULL.
 *  - Out-parameters are written only when the call returns SM_OK.
 *  - The library never prints on its own, never exits and never aborts on
 *    bad input: it returns a status and fills the sm_error it is given
 *    (which may be NULL).
 *  - An sm_rules is immutable once loaded and may be shared by any number of
 *    threads. An sm_scratch belongs to one thread at a time.
 *  - Strings returned by accessors belong to the object they came from and
 *    live as long as it does; functions that return `char *` hand the
 *    caller a buffer to release with free().
 */
#ifndef SKILLMATCH_H
#define SKILLMATCH_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SM_VERSION "0.1.0"

/* SM_API marks the library's exported functions: the library is built with
 * -fvisibility=hidden, so that only what this header declares is visible
 * in libskillmatch.so (and, localized with objcopy, in libskillmatch.a). */
#if defined(__GNUC__) && __GNUC__ >= 4
#define SM_API __attribute__((visibility("default")))
#else
#define SM_API
#endif

typedef enum {
    SM_OK = 0,
    SM_ERR_NOMEM,       /* out of memory */
    SM_ERR_IO,          /* a file could not be opened or read */
    SM_ERR_BINARY,      /* the input is not text (NUL bytes, image, ...) */
    SM_ERR_TOO_LARGE,   /* the input is larger than the size limit */
    SM_ERR_EMPTY,       /* the input holds no text */
    SM_ERR_RULES,       /* a rules file is invalid */
    SM_ERR_REGEX,       /* a rule pattern does not compile */
    SM_ERR_MATCH,       /* PCRE2 failed while matching (limit hit, ...) */
    SM_ERR_EXAMPLE,     /* a rule example does not hold */
    SM_ERR_ARG,         /* a bad argument (unknown skill id, ...) */
    SM_ERR_UNSUPPORTED  /* a file format this build cannot read */
} sm_status;

/* Where and why something failed. `file` is empty, and `line`/`col` are 0,
 * where there is no such place. Lines and columns are 1-based; columns
 * count Unicode code points. */
typedef struct {
    sm_status code;
    char file[512];
    int line, col;
    char msg[512];
} sm_error;

/* A static description of a status; never free it. */
SM_API const char *sm_strerror(sm_status st);

/* ---- rules ------------------------------------------------------------ */

typedef struct sm_rules sm_rules;

/* Load every *.yaml file of `dir` (skills, profiles, context, sections,
 * lint checks, facts). The facts the sources cite are read from the folder
 * itself or from `dir/../corpus/facts.yaml`. Patterns are compiled and
 * JIT-compiled here, once.
 * Threads: with many patterns (the bundled rules have hundreds), the JIT
 * compile runs on up to 8 threads (no more than the online CPUs), which
 * are joined before sm_rules_load() returns; none outlives the call and
 * none touches the caller's data. A build with -DSM_NO_JIT starts none. */
SM_API sm_status sm_rules_load(const char *dir, sm_rules **out, sm_error *err);
SM_API void sm_rules_free(sm_rules *rules);

/* Warnings found while loading (for instance: no facts, so sources were
 * not checked). Index from 0 to count-1. */
SM_API size_t sm_rules_warning_count(const sm_rules *rules);
SM_API const sm_error *sm_rules_warning(const sm_rules *rules, size_t i);

typedef struct {
    const char *id, *name, *category;
    const char *source;          /* the sources joined with ", " */
    const char *file;            /* where the skill is defined */
    int line;
    size_t n_patterns;
    const char *const *patterns;
    size_t n_excludes;
    const char *const *excludes;
    size_t n_triggers;
    const char *const *triggers;
    int needs_context;
} sm_skill_info;

SM_API size_t sm_rules_skill_count(const sm_rules *rules);
SM_API const sm_skill_info *sm_rules_skill(const sm_rules *rules, size_t i);
/* NULL when no skill has that id. */
SM_API const sm_skill_info *sm_rules_skill_find(const sm_rules *rules,
                                                const char *id);

/* ---- per-thread state ------------------------------------------------- */

typedef struct sm_scratch sm_scratch;

/* Match data, JIT stack and match limits for one thread. NULL when out of
 * memory. */
SM_API sm_scratch *sm_scratch_new(const sm_rules *rules);
SM_API void sm_scratch_free(sm_scratch *s);

/* Run every `match` / `no_match` example of the rules through the whole
 * pipeline. `on_failure` (may be NULL) is called once per failing example
 * with its file:line:col; returns the number of failures in *failures.
 * Returns an error status only when matching itself failed. */
typedef void (*sm_failure_cb)(const sm_error *failure, void *ud);
SM_API sm_status sm_rules_check_examples(const sm_rules *rules, sm_scratch *s,
                                         sm_failure_cb on_failure, void *ud,
                                         size_t *failures, size_t *examples,
                                         sm_error *err);

/* ---- documents -------------------------------------------------------- */

typedef struct sm_doc sm_doc;

#define SM_DEFAULT_MAX_SIZE ((size_t)10 << 20)   /* 10 MiB */

/* Read `path` ("-" is standard input) and normalize it. `max_size` 0 means
 * SM_DEFAULT_MAX_SIZE. Invalid UTF-8 is repaired, with a warning; NUL
 * bytes make it SM_ERR_BINARY. */
SM_API sm_status sm_doc_load_file(const char *path, size_t max_size,
                                  sm_doc **out,
                                  sm_error *err);
/* The same from memory; `name` is used in messages and output. */
SM_API sm_status sm_doc_load_mem(const char *name, const void *data,
                                 size_t len,
                                 size_t max_size, sm_doc **out, sm_error *err);
SM_API void sm_doc_free(sm_doc *doc);

/* The formats a document is read from. The format is told by content
 * (magic bytes, the structure of JSON, an HTML doctype), then by the
 * extension; never by the extension alone. */
typedef enum {
    SM_FORMAT_TEXT = 0,      /* plain text (and anything not recognised) */
    SM_FORMAT_MARKDOWN,      /* text with a Markdown extension */
    SM_FORMAT_HTML,          /* visible text only (libxml2) */
    SM_FORMAT_PDF,           /* through poppler's pdftotext, run as a child */
    SM_FORMAT_DOCX,          /* word/document.xml, headers and footers */
    SM_FORMAT_ODT,           /* content.xml and styles.xml */
    SM_FORMAT_JSON_RESUME,   /* the resume.json schema */
    SM_FORMAT_PRE,           /* converted by the caller's --pre command */
    SM_FORMAT_COUNT
} sm_format;

/* "text", "markdown", "html", "pdf", "docx", "odt", "jsonresume", "pre";
 * static. */
SM_API const char *sm_format_name(sm_format f);
/* The file names of a format, as globs joined by ", " ("*.pdf"); static.
 * "" for SM_FORMAT_PRE. */
SM_API const char *sm_format_globs(sm_format f);
/* SM_OK and the format for a name of sm_format_name() ("json" and "md"
 * too); SM_ERR_ARG otherwise. */
SM_API sm_status sm_format_parse(const char *name, sm_format *out);
SM_API sm_format sm_doc_format(const sm_doc *doc);

typedef struct {
    size_t max_size;         /* 0: SM_DEFAULT_MAX_SIZE; also bounds what a
                                converter writes */
    int timeout_ms;          /* a converter's time; 0: SM_DEFAULT_TIMEOUT_MS */
    const char *pre;         /* a program every file goes through (its path
                                as argument, its bytes on standard input;
                                its output is read as text); NULL: none */
    const char *stdin_name;  /* the document's name when path is "-"
                                (standard input); NULL: "<stdin>" */
} sm_read_options;

#define SM_DEFAULT_TIMEOUT_MS 30000

/* sm_doc_load_file() with options (opt may be NULL). PDF needs the
 * pdftotext program (Debian: poppler-utils): without it, SM_ERR_UNSUPPORTED
 * naming the package. */
SM_API sm_status sm_doc_read(const char *path, const sm_read_options *opt,
                      sm_doc **out, sm_error *err);
/* sm_doc_load_mem() with options. */
SM_API sm_status sm_doc_read_mem(const char *name, const void *data, size_t len,
                          const sm_read_options *opt, sm_doc **out,
                          sm_error *err);
/* Where normalized byte `offset` comes from in the original, for people:
 * "page 2, line 14" (PDF), "paragraph 31" (DOCX, ODT), "work[2].highlights[0]"
 * (JSON Resume), "12:5" (HTML source line:column). Written to buf, which it
 * returns; NULL for plain text and Markdown, whose line:col says it. */
SM_API const char *sm_doc_place(const sm_doc *doc, size_t offset, char *buf,
                         size_t cap);

SM_API const char *sm_doc_name(const sm_doc *doc);
SM_API size_t sm_doc_warning_count(const sm_doc *doc);
SM_API const sm_error *sm_doc_warning(const sm_doc *doc, size_t i);
/* The normalized text (UTF-8, NUL-terminated). */
SM_API const char *sm_doc_text(const sm_doc *doc, size_t *len);
/* Map a byte offset of the normalized text to the original line and
 * column. */
SM_API void sm_doc_position(const sm_doc *doc, size_t offset, int *line,
                            int *col);

/* ---- tokenizer -------------------------------------------------------- */

typedef struct {
    size_t start, len;   /* byte span in the normalized text */
} sm_token;

/* Split normalized `text` into tokens, keeping C++, C#, .NET, Node.js,
 * CI/CD, scikit-learn, A/B and the like whole. Tokens are compared without
 * regard to case. Writes at most `cap` tokens to `out` and returns how many
 * there are in all. */
SM_API size_t sm_tokenize(const char *text, size_t len, sm_token *out,
                          size_t cap);

/* ---- analysis --------------------------------------------------------- */

typedef enum { SM_LEVEL_NONE = 0, SM_LEVEL_JUNIOR, SM_LEVEL_MID,
               SM_LEVEL_SENIOR } sm_level;
#define SM_LEVEL_COUNT 3  /* junior, mid, senior */

SM_API const char *sm_level_name(sm_level level);       /* "none", "junior",
                                 ... */
/* SM_OK and the level for "junior", "mid", "senior" (case ignored). */
SM_API sm_status sm_level_parse(const char *name, sm_level *out);

enum {
    SM_ANALYZE_FULL_SCAN = 1u << 0   /* run every rule on every paragraph
                                        (no trigger prefilter); same result,
                                        slower: for tests */
};

/* sm_options.today_year: "present" is the latest date the document
 * itself shows (an archive's resumes), or today when it shows none. */
#define SM_TODAY_LATEST (-1)

/* A team's level ladder: the years of experience each level takes, from
 * the `levels:` key of a .skillmatch.yml (sm_lint_config_ladder()). It
 * replaces the profiles' years (rules/profiles.yaml) where it sets them,
 * so the suggested level follows the team's ladder; it belongs to the
 * configuration it came from. */
typedef struct sm_ladder sm_ladder;

/* The file the ladder was read from; static for its life. */
SM_API const char *sm_ladder_source(const sm_ladder *ladder);

typedef struct {
    unsigned flags;
    int today_year, today_month;     /* "present" in date ranges; 0: now;
                                        SM_TODAY_LATEST: see above */
    const sm_ladder *ladder;         /* years per level; NULL: the
                                        profiles' */
} sm_options;

typedef struct sm_result sm_result;

SM_API sm_status sm_analyze(const sm_rules *rules, sm_scratch *s,
                            const sm_doc *doc,
                            const sm_options *opt, sm_result **out,
                            sm_error *err);
SM_API void sm_result_free(sm_result *r);

typedef struct {
    int line, col;               /* in the original file */
    const char *text;            /* the text found */
    const char *section;         /* skills, experience, projects, ... */
    const char *pattern;         /* the pattern that matched */
    double strength;             /* 1 = strong; less for hedged or weak */
    const char *context;         /* the context rule that lowered it */
    const char *place;           /* where in a PDF, DOCX, ODT, HTML or
                                    JSON Resume (sm_doc_place()); NULL for
                                    text, where line:col say it */
} sm_evidence;

typedef struct {
    const char *id, *name, *category;
    double strength;             /* the strongest evidence */
    double years;                /* years of dated jobs that mention it;
                                    negative when none does */
    size_t n_evidence;           /* at most SM_EVIDENCE_MAX */
    const sm_evidence *evidence; /* the first mentions, and the strongest */
    size_t n_mentions;           /* all of them: n_evidence and the rest */
} sm_skill_match;

/* The evidence a result keeps of one skill: a document that names a skill
 * a million times costs no more memory than one that names it this often. */
#define SM_EVIDENCE_MAX 64

typedef struct {
    const char *id;              /* a skill id or an any-of group id */
    const char *name;
    int weight;
    const char *reason, *source;
} sm_gap;

typedef struct {
    sm_level level;
    double score;                /* weighted coverage, 0..1 */
    size_t n_missing;
    const sm_gap *missing;       /* heaviest first */
} sm_level_score;

SM_API const char *sm_result_file(const sm_result *r);
SM_API sm_level sm_result_level(const sm_result *r);
SM_API const char *sm_result_reason(const sm_result *r);
/* "high", "medium" or "low" */
SM_API const char *sm_result_confidence(const sm_result *r);
/* Years of experience, or a negative value when the text states none. */
SM_API double sm_result_years(const sm_result *r);
SM_API const char *sm_result_years_method(const sm_result *r);
/* The file of the ladder that set the years per level (sm_options.ladder),
 * or NULL when they are the profiles'. */
SM_API const char *sm_result_levels_from(const sm_result *r);
/* Years of dated jobs whose description shows machine learning, or a
 * negative value when no dated job does. */
SM_API double sm_result_ml_years(const sm_result *r);
SM_API const sm_skill_match *sm_result_skills(const sm_result *r, size_t *n);
/* `level` is SM_LEVEL_JUNIOR .. SM_LEVEL_SENIOR; NULL otherwise. */
SM_API const sm_level_score *sm_result_level_score(const sm_result *r,
                                                   sm_level level);

/* ---- output ----------------------------------------------------------- */

enum {
    SM_RENDER_COLOR = 1u << 0,   /* ANSI colour in text output */
    SM_RENDER_PRETTY = 1u << 1,  /* indented JSON */
    SM_RENDER_STATUS = 1u << 2   /* JSON: "status": "ok" after "file" (one
                                    row of a screening) */
};

/* The report for people. */
SM_API sm_status sm_render_text(const sm_result *r, FILE *out, unsigned flags);
/* One JSON object; the caller frees the returned string. NULL when out of
 * memory. */
SM_API char *sm_render_json(const sm_result *r, unsigned flags);
/* The JSON object of an input that could not be analysed:
 * {"file": file, "status": "error", "error": message}. The caller frees
 * the returned string; NULL when out of memory. */
SM_API char *sm_render_json_error(const char *file, const char *message,
                                  unsigned flags);

/* Every candidate match of skill `id` in `doc`: the pattern, the text, the
 * section, and the exclusion or context rule that rejected it, as text.
 * `id` may also be a skill's display name (any case: "PyTorch"), or the id
 * of a profiles' any-of group ("ml_expertise", "cloud"): what the group is,
 * the levels that ask for it, then each of its skills. SM_ERR_ARG when it
 * names none. */
SM_API sm_status sm_explain(const sm_rules *rules, sm_scratch *s,
                            const sm_doc *doc,
                            const char *id, FILE *out, sm_error *err);

/* ---- lint: job-description drafts ------------------------------------ */

/* `skillmatch lint` as a library. A draft (Markdown or text) claims a level
 * through its front matter (`level: senior`), its title ("Senior ...",
 * "... Engineer II", "Entry-Level ...") or the caller's choice; the checks
 * defined under the `lint:` key of the rules then compare it with that
 * level's profile. Text inside ``` or ~~~ fences and inside HTML comments
 * is not linted; `<!-- skillmatch-disable CHECK... -->`,
 * `<!-- skillmatch-enable [CHECK...] -->` and
 * `<!-- skillmatch-disable-next-line CHECK... -->` turn checks off for a
 * stretch of lines (no CHECK: every check). */

typedef enum {
    SM_SEVERITY_OFF = 0,         /* only in a configuration: check disabled */
    SM_SEVERITY_INFO,
    SM_SEVERITY_WARNING,
    SM_SEVERITY_ERROR
} sm_severity;

/* "off", "info", "warning", "error"; static, never free it. */
SM_API const char *sm_severity_name(sm_severity sev);
/* SM_OK and the severity for one of those names (case ignored; "note" is
 * "info"); SM_ERR_ARG otherwise. */
SM_API sm_status sm_severity_parse(const char *name, sm_severity *out);

/* One check, as the rules (or a configuration's extra rules) define it.
 * Strings live as long as the rules or configuration that hold it. */
typedef struct {
    const char *id;              /* stable: "missing-required", ... */
    const char *kind;            /* the engine: missing-required, years,
                                    phrases, duplicate, salary,
                                    unknown-level */
    sm_severity severity;        /* default severity */
    const char *summary;         /* one line */
    const char *description;     /* what it checks and why */
    const char *help;            /* how to fix a finding */
    const char *source;          /* article source "NNN:L", or NULL */
    const char *file;            /* where it is defined */
    int line;
} sm_lint_check_info;

/* A .skillmatch.yml: severities per check (or off), an extra folder of
 * `lint:` rules, level thresholds and the default --fail-on. Immutable
 * once loaded; share it across threads. `skillmatch check` and `screen`
 * read the same file for its level ladder (sm_lint_config_ladder()). */
typedef struct sm_lint_config sm_lint_config;

/* The configuration that applies to a draft (or, for check and screen, a
 * resume) in folder `dir`: the first
 * .skillmatch.yml (or .skillmatch.yaml) found from `dir` upward, stopping
 * after the repository root (a folder holding .git) or the file-system
 * root. *path is a path to free(), or NULL when there is none. */
SM_API sm_status sm_lint_config_find(const char *dir, char **path,
                                     sm_error *err);
/* Parse the configuration at `path` for `rules` (check ids are checked
 * against them). Errors name file:line:col. */
SM_API sm_status sm_lint_config_load(const char *path, const sm_rules *rules,
                                     sm_lint_config **out, sm_error *err);
SM_API void sm_lint_config_free(sm_lint_config *cfg);
/* The configuration's `fail_on` ("error", "warning", "info" or "never"),
 * or NULL when it sets none. */
SM_API const char *sm_lint_config_fail_on(const sm_lint_config *cfg);
SM_API const char *sm_lint_config_path(const sm_lint_config *cfg);
/* The configuration's level ladder, for sm_options.ladder: NULL when its
 * `levels:` key sets no years (salary alone is lint's). It lives as long
 * as cfg. */
SM_API const sm_ladder *sm_lint_config_ladder(const sm_lint_config *cfg);

/* Every check that applies with `cfg` (may be NULL): the rules' own, then
 * the configuration's extra ones. Index from 0 to count-1. */
SM_API size_t sm_lint_check_count(const sm_rules *rules,
                                  const sm_lint_config *cfg);
SM_API const sm_lint_check_info *sm_lint_check(const sm_rules *rules,
                                               const sm_lint_config *cfg,
                                               size_t i);
/* The severity of check `id` with `cfg`: its default unless the
 * configuration changes it (SM_SEVERITY_OFF when turned off). */
SM_API sm_severity sm_lint_check_severity(const sm_rules *rules,
                                          const sm_lint_config *cfg,
                                          const sm_lint_check_info *check);

typedef enum {
    SM_LEVEL_FROM_NONE = 0,      /* the level could not be told */
    SM_LEVEL_FROM_FRONT_MATTER,
    SM_LEVEL_FROM_TITLE,
    SM_LEVEL_FROM_OPTION
} sm_level_source;

/* "none", "front-matter", "title", "option"; static. */
SM_API const char *sm_level_source_name(sm_level_source src);

/* The level a job title names ("Sr. Data Scientist", "ML Engineer II",
 * "Entry-Level AI Engineer"), from the rules' title words: SM_LEVEL_NONE
 * in *out when it names none. */
SM_API sm_status sm_lint_title_level(const sm_rules *rules, sm_scratch *s,
                                     const char *title, sm_level *out,
                                     sm_error *err);

typedef struct {
    sm_level level;              /* SM_LEVEL_NONE: tell it from the draft;
                                    otherwise it overrides the draft */
} sm_lint_options;

typedef struct {
    const sm_lint_check_info *check;
    sm_severity severity;        /* after the configuration */
    int line, col;               /* 1-based; columns in code points */
    const char *message;
    const char *source;          /* the article source behind it, or NULL */
} sm_lint_finding;

typedef struct sm_lint_result sm_lint_result;

/* Lint one draft. `cfg` and `opt` may be NULL. The result refers to the
 * rules and the configuration: free it before them. Fails with
 * SM_ERR_RULES when the rules define no lint checks. */
SM_API sm_status sm_lint(const sm_rules *rules, const sm_lint_config *cfg,
                         sm_scratch *s, const sm_doc *doc,
                         const sm_lint_options *opt,
                         sm_lint_result **out, sm_error *err);
SM_API void sm_lint_result_free(sm_lint_result *r);

SM_API const char *sm_lint_result_file(const sm_lint_result *r);
SM_API sm_level sm_lint_result_level(const sm_lint_result *r);
SM_API sm_level_source sm_lint_result_level_source(const sm_lint_result *r);
/* The draft's title and its line, or NULL when it has none. */
SM_API const char *sm_lint_result_title(const sm_lint_result *r, int *line);
/* Findings sorted by line, column and check id. */
SM_API const sm_lint_finding *sm_lint_result_findings(const sm_lint_result *r,
                                                      size_t *n);
/* The most years of experience the draft asks for ("5+ years": 5; "3-5
 * years": 3, with 5 in *max), whatever the checks make of them; negative
 * when it asks none. *max (may be NULL) is negative when open. */
SM_API double sm_lint_result_years_asked(const sm_lint_result *r, double *max);
/* How many findings are at `sev` or above. */
SM_API size_t sm_lint_result_count(const sm_lint_result *r, sm_severity sev);

typedef enum {
    SM_LINT_TEXT,      /* file:line:col: severity: message [check] */
    SM_LINT_JSON,      /* [{file, level, level_source, title, findings}] */
    SM_LINT_GITHUB,    /* workflow commands (::error file=...::message) */
    SM_LINT_SARIF,     /* SARIF 2.1.0 */
    SM_LINT_JUNIT,     /* JUnit XML: a testsuite per draft, a testcase per
                          finding */
    SM_LINT_MARKDOWN   /* a summary table (for $GITHUB_STEP_SUMMARY) */
} sm_lint_format;

/* SM_OK and the format for "text", "json", "github", "sarif", "junit" or
 * "markdown"; SM_ERR_ARG otherwise. */
SM_API sm_status sm_lint_format_parse(const char *name, sm_lint_format *out);

typedef struct {
    unsigned flags;              /* SM_RENDER_COLOR for text */
    sm_severity fail_on;         /* JUnit: findings at or above it are
                                    failures, the others pass with their
                                    message in system-out; OFF = never */
} sm_lint_render_options;

/* Write the findings of `n` results in `fmt` to `out`. File names are
 * written as given; SARIF makes them relative URIs (uriBaseId
 * "%SRCROOT%") unless they are absolute. SM_ERR_IO when writing to `out`
 * failed (it is flushed), in every format. */
SM_API sm_status sm_lint_render(const sm_lint_result *const *results, size_t n,
                                sm_lint_format fmt,
                                const sm_lint_render_options *opt, FILE *out);

/* ---- a resume against a job posting --------------------------------- */

/* A posting goes through the same rules as a resume (sm_analyze), and
 * through what lint knows of a job description: the level it claims and
 * the years it asks. Its skills are split into required and preferred by
 * its headings ("Requirements", "Must have" / "Nice to have", "Bonus")
 * and the phrasing of their line ("... is a plus", "familiarity with");
 * the patterns, the weights and the skill families are the `job:` key of
 * the rules (rules/job.yaml). A posting with no such structure asks for
 * everything it names. Negated words ("we don't use Java") ask nothing. */

typedef struct sm_job sm_job;

typedef enum { SM_ASK_REQUIRED = 1, SM_ASK_PREFERRED } sm_ask_kind;
/* "required", "preferred"; static. */
SM_API const char *sm_ask_kind_name(sm_ask_kind kind);

/* One skill a posting asks for. */
typedef struct {
    const char *id, *name;       /* the rule's id and display name */
    sm_ask_kind kind;
    int line;                    /* the posting's line that asks for it */
    const char *text;            /* that line, trimmed */
    const char *why;             /* why it is required or preferred */
    double weight;               /* the rules' weight of its kind */
    int alt;                     /* the index (in sm_job_asks()) of an ask
                                    of the same family named with it as an
                                    alternative ("TensorFlow or PyTorch",
                                    "AWS/GCP"), or -1 */
} sm_ask;

/* Analyse posting `doc`. Fails with SM_ERR_RULES when the rules have no
 * `job:` key. Immutable once made: share it across threads. */
SM_API sm_status sm_job_new(const sm_rules *rules, sm_scratch *s, const sm_doc *doc,
                     const sm_options *opt, sm_job **out, sm_error *err);
SM_API void sm_job_free(sm_job *job);
SM_API const char *sm_job_file(const sm_job *job);
SM_API sm_level sm_job_level(const sm_job *job);
/* As sm_lint_result_years_asked(). */
SM_API double sm_job_years_asked(const sm_job *job, double *max);
/* Required ones first, then preferred; each in the posting's order. */
SM_API const sm_ask *sm_job_asks(const sm_job *job, size_t *n);

typedef enum { SM_FIT_UNKNOWN = 0, SM_FIT_OK, SM_FIT_UNDER, SM_FIT_OVER }
    sm_fit;
/* "unknown", "ok", "under", "over"; static. */
SM_API const char *sm_fit_name(sm_fit fit);

/* One ask and what the resume shows of it. */
typedef struct {
    const sm_ask *ask;
    const sm_skill_match *have;  /* the resume's skill, NULL when missing */
    const char *near_id, *near_name;   /* missing: a skill of the same
                                          family the resume shows, or NULL;
                                          matched by an alternative: it */
    int by_alternative;          /* matched: the resume shows not this
                                    skill but its alternative (`alt`) */
} sm_match_item;

typedef struct sm_match sm_match;

/* Match resume result `r` against `job`. The match refers to both: free
 * it before them. Fails only when out of memory. */
SM_API sm_status sm_match_job(const sm_rules *rules, const sm_job *job,
                       const sm_result *r, sm_match **out, sm_error *err);
SM_API void sm_match_free(sm_match *m);
SM_API const sm_job *sm_match_posting(const sm_match *m);
SM_API const sm_result *sm_match_resume(const sm_match *m);
/* Weighted coverage of the asks, 0..1 (rules/job.yaml has the formula). */
SM_API double sm_match_score(const sm_match *m);
/* The asks shown, in the order of sm_job_asks(). */
SM_API const sm_match_item *sm_match_matched(const sm_match *m, size_t *n);
/* The asks not shown (a mention weaker than a wish to learn is not
 * shown): heaviest first, required before preferred, then in the
 * posting's order. */
SM_API const sm_match_item *sm_match_missing(const sm_match *m, size_t *n);
/* How many of the missing are required. */
SM_API size_t sm_match_missing_required(const sm_match *m);
/* The resume's years against the years asked; its suggested level against
 * the posting's. */
SM_API sm_fit sm_match_years_fit(const sm_match *m);
SM_API sm_fit sm_match_level_fit(const sm_match *m);
/* One sentence. */
SM_API const char *sm_match_verdict(const sm_match *m);

/* The match for people, fitting 80 columns: the score as a bar, years and
 * level fit, what to add to the resume for this job (heaviest first), what
 * it shows. */
SM_API sm_status sm_render_match_text(const sm_match *m, FILE *out, unsigned flags);
/* The resume's JSON object (sm_render_json()) with two more keys:
 * "job": {"file", "level", "required", "preferred", "years_asked"} and
 * "match": {"score", "matched", "missing", "missing_preferred",
 * "years_fit", "level_fit", ...}; ids are rule ids. The caller frees it;
 * NULL when out of memory. */
SM_API char *sm_render_match_json(const sm_match *m, unsigned flags);
/* The "match" object alone, one line. The caller frees it. */
SM_API char *sm_render_match_json_object(const sm_match *m);

/* Why skill `id` counts as matched or missing for `job`: what the posting
 * asks of it and where, then sm_explain() of the resume, then the
 * outcome. */
SM_API sm_status sm_explain_job(const sm_rules *rules, sm_scratch *s,
                         const sm_doc *posting, const sm_doc *resume,
                         const sm_options *opt, const char *id, FILE *out,
                         sm_error *err);

/* ---- HTML reports ----------------------------------------------------- */

/* A report as one self-contained HTML page that opens from disk: its own
 * inline script and style sheet, which a Content-Security-Policy allows
 * by their hashes, and nothing else (no network, no other script). What
 * comes from a document or a file name is data, never markup: JSON in a
 * <script type="application/json"> element with < > & escaped, which the
 * script shows with textContent. */

/* `check --format html`: the reports of `n` resumes, printable. `ms` may
 * be NULL; else ms[i] is rs[i]'s match against a posting (the page then
 * shows the match first). SM_ERR_NOMEM, SM_ERR_IO when writing failed. */
SM_API sm_status sm_render_html_check(const sm_rules *rules,
                                      const sm_result *const *rs,
                                      const sm_match *const *ms, size_t n,
                                      FILE *out);

/* `screen --format html`, a row at a time: the ranked table (sortable,
 * filtered, paged), heat map, level histogram, common gaps and a panel per
 * resume, built by the page on demand. */
typedef struct sm_html_screen sm_html_screen;

/* Start a page on `out`; `postings` (the --job paths, may be 0) name the
 * match columns. */
SM_API sm_status sm_html_screen_new(const sm_rules *rules,
                                    const char *const *postings,
                                    size_t npostings, FILE *out,
                                    sm_html_screen **w);
/* One row, in the order to show: a JSON object of sm_render_json() (with
 * SM_RENDER_STATUS), sm_render_match_json(), screen's rows with a
 * "matches" array, or sm_render_json_error(). The page keeps what it
 * shows (two pieces of evidence a skill; the gaps once for all rows). */
SM_API sm_status sm_html_screen_row(sm_html_screen *w, const char *json,
                                    size_t len);
/* Close the page and free `w` (NULL is fine); SM_ERR_IO when a write
 * failed, SM_ERR_NOMEM when a row could not be kept. */
SM_API sm_status sm_html_screen_finish(sm_html_screen *w);

#ifdef __cplusplus
}
#endif
#endif
