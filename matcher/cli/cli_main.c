/* cli_main.c - argv -> a command. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char USAGE[] =
    "Usage: skillmatch COMMAND [OPTION]... [ARG]...\n"
    "Find Machine Learning Engineer skills in resumes and job descriptions\n"
    "and score them against the junior, mid and senior profiles.\n"
    "\n"
    "Commands:\n"
    "  check FILE...          the full report for each resume ('-' is stdin)\n"
    "  screen PATH...         folders and files of resumes: one ranked row each\n"
    "  lint PATH...           job-description drafts against their claimed level\n"
    "  explain FILE SKILL     why a skill matched, or why it did not (SKILL:\n"
    "                         an id, a name, or a group id of TOP GAPS)\n"
    "  rules check [DIR]      validate rules and run every rule example\n"
    "  rules list             every skill: id, name, category, source\n"
    "  rules show ID          one skill's patterns, triggers and examples\n"
    "  rules export --format pcre|json   the patterns, for other tools\n"
    "\n"
    "Options:\n"
    "  --rules DIR            rules folder (default: $SKILLMATCH_RULES, or the\n"
    "                         one installed with the program)\n"
    "  -f, --format F         check: text, json (an array), jsonl, html;\n"
    "                         rules list: text, tsv, json;\n"
    "                         screen: table, csv, tsv, jsonl, json, html\n"
    "                         (html: one self-contained page, no network);\n"
    "                         lint: text, json, github, sarif, junit, markdown\n"
    "  -o, --output FILE      write there instead of standard output\n"
    "      --color WHEN       auto, always or never (NO_COLOR is honoured)\n"
    "      --level L          check: the level --min-score applies to;\n"
    "                         screen: alone, rows suggested L; lint: the\n"
    "                         level the drafts claim\n"
    "      --min-score X      check: exit 1 when the score is below X (0..1);\n"
    "                         screen: rows scoring X or more (for --level L);\n"
    "                         with --job: the match score\n"
    "      --today YYYY-MM    the month 'present' means (default: now);\n"
    "                         'latest': the latest date each document shows\n"
    "      --max-size BYTES   largest input read (default 10M; K, M, G)\n"
    "  -j, --jobs N           screen: worker threads (default 0: all cores)\n"
    "      --top N            screen: the first N rows (errors are all kept)\n"
    "      --files-from FILE  screen: paths one a line ('-': stdin; NUL ok)\n"
    "      --stdin-jsonl      screen: {\"id\":..., \"text\":...} lines on stdin,\n"
    "                         rows in input order (a filter for parallel)\n"
    "      --hidden, --follow screen: walk hidden entries, follow links\n"
    "      --exclude GLOB     screen, lint: leave out what GLOB matches in\n"
    "                         folder walks (the path under the folder named,\n"
    "                         or the base name; GLOB/ for folders); repeatable\n"
    "      --no-ignore        screen, lint: walks do not read .gitignore and\n"
    "                         .ignore files\n"
    "  -t, --type T[,T...]    screen: walk only files of these types (by name,\n"
    "                         as ripgrep's; see --type-list); what a file is,\n"
    "                         the reader still tells by its content\n"
    "      --type-list        the types and their file names\n"
    "      --pre COMMAND      read every file through COMMAND, run without a\n"
    "                         shell: the path is its argument, the bytes its\n"
    "                         stdin; it writes text (.doc: --pre antiword)\n"
    "      --timeout SECONDS  time a converter (pdftotext, --pre) may take\n"
    "                         (default 30)\n"
    "      --no-progress      screen: no progress bar on a terminal\n"
    "      --job POSTING      check, screen, explain: match against this job\n"
    "                         posting ('-': stdin); screen takes several\n"
    "      --jobs DIR         screen: every posting in DIR (best per resume,\n"
    "                         a resume x posting matrix in csv and json);\n"
    "                         a number N is worker threads (-j N)\n"
    "      --fail-on LEVEL    lint: exit 1 on findings at error (default),\n"
    "                         warning, info (or note), or never\n"
    "      --config FILE      check, screen, lint: the configuration for every\n"
    "                         input (default: .skillmatch.yml found from each\n"
    "                         input's folder upward to the repository root;\n"
    "                         stdin: the current folder); its levels: years\n"
    "                         decide check's and screen's suggested level\n"
    "      --stdin-filename NAME  the name '-' (standard input) goes by in\n"
    "                         every output and message\n"
    "  -q, --quiet            no warnings\n"
    "  -h, --help             this help; after a command, its own help\n"
    "  -V, --version          the version\n"
    "\n"
    "Exit status: 0 success; 1 a check failed (--min-score not met, lint\n"
    "findings at or above --fail-on); 2 usage,\n"
    "rules or configuration error; 3 an input could not be read.\n"
    "See skillmatch(1).\n";

enum {
    OPT_RULES = 256, OPT_COLOR, OPT_LEVEL, OPT_MIN_SCORE, OPT_TODAY,
    OPT_MAX_SIZE, OPT_VERSION, OPT_FULL_SCAN, OPT_TOP, OPT_FILES_FROM,
    OPT_STDIN_JSONL, OPT_HIDDEN, OPT_FOLLOW, OPT_FAIL_ON, OPT_CONFIG,
    OPT_PROGRESS, OPT_NO_PROGRESS, OPT_TYPE_LIST, OPT_PRE, OPT_TIMEOUT,
    OPT_JOB, OPT_JOBS_DIR, OPT_STDIN_NAME, OPT_EXCLUDE, OPT_NO_IGNORE
};

static const struct option LONG_OPTS[] = {
    {"rules", required_argument, NULL, OPT_RULES},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"level", required_argument, NULL, OPT_LEVEL},
    {"min-score", required_argument, NULL, OPT_MIN_SCORE},
    {"today", required_argument, NULL, OPT_TODAY},
    {"max-size", required_argument, NULL, OPT_MAX_SIZE},
    {"full-scan", no_argument, NULL, OPT_FULL_SCAN},
    {"jobs", required_argument, NULL, 'j'},
    {"top", required_argument, NULL, OPT_TOP},
    {"files-from", required_argument, NULL, OPT_FILES_FROM},
    {"stdin-jsonl", no_argument, NULL, OPT_STDIN_JSONL},
    {"hidden", no_argument, NULL, OPT_HIDDEN},
    {"follow", no_argument, NULL, OPT_FOLLOW},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"type", required_argument, NULL, 't'},
    {"type-list", no_argument, NULL, OPT_TYPE_LIST},
    {"pre", required_argument, NULL, OPT_PRE},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"job", required_argument, NULL, OPT_JOB},
    {"stdin-filename", required_argument, NULL, OPT_STDIN_NAME},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"no-ignore", no_argument, NULL, OPT_NO_IGNORE},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0}};

static bool parse_size(const char *s, size_t *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || v < 0)
        return false;
    switch (*end) {
    case 'k': case 'K': v *= 1024; end++; break;
    case 'm': case 'M': v *= 1024 * 1024; end++; break;
    case 'g': case 'G': v *= 1024.0 * 1024 * 1024; end++; break;
    }
    if (*end == 'B' || *end == 'b')
        end++;
    if (*end || !(v >= 1 && v <= 1e12))   /* NaN fails both */
        return false;
    *out = (size_t)v;
    return true;
}

/* --type pdf,docx: a bit per format; false on an unknown name. */
static bool parse_types(const char *list, unsigned *out, const char **bad)
{
    static char name[64];
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        snprintf(name, sizeof name, "%.*s", (int)(n < 63 ? n : 63), p);
        sm_format f;
        if (!n || sm_format_parse(name, &f) != SM_OK || f == SM_FORMAT_PRE) {
            *bad = name;
            return false;
        }
        *out |= 1u << f;
        p += n + (p[n] == ',');
    }
    return true;
}

static void type_list(void)
{
    for (int f = 0; f < SM_FORMAT_COUNT; f++)
        if (*sm_format_globs((sm_format)f))
            printf("%s: %s\n", sm_format_name((sm_format)f),
                   sm_format_globs((sm_format)f));
}

/* The word of argv an option error is about. getopt leaves optind on a
 * bundle of short options ("-dash.txt") until its last letter, and past
 * it after: the word is argv[optind] while inside it, else the one before
 * (`at` is optind before the call that failed). */
static const char *bad_word(char **argv, int argc, int at)
{
    if (!optopt)                         /* a long option: always passed */
        return argv[optind - 1];
    if (optind == at && optind < argc)
        return argv[optind];
    const char *prev = argv[optind - 1];
    size_t n = strlen(prev);
    if (prev[0] == '-' && prev[1] != '-' && n > 1 && prev[n - 1] == optopt)
        return prev;
    return optind < argc ? argv[optind] : prev;
}

/* "CMD: unknown option 'WORD'", and for a word that may be a file's name
 * the ways to give it. */
static int unknown_option(const char *cmd, const char *word)
{
    fprintf(stderr, "skillmatch: %s: unknown option '%s'", cmd, word);
    if (word[1] != '-' && word[1])
        fprintf(stderr, " (a file of that name: 'skillmatch %s -- %s' or "
                "'./%s')", cmd, word, word);
    fputs("\nTry 'skillmatch --help'.\n", stderr);
    return EXIT_USAGE;
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("skillmatch: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'skillmatch --help'.\n", stderr);
    return EXIT_USAGE;
}

int main(int argc, char **argv)
{
    cli_opts o = {.min_score = -1, .color = -1, .jobs = 0, .top = -1};
    int want_progress = -1;
    const char *color = "auto";

    if (argc < 2)
        return usage_error("%s", "no command given");
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        /* help COMMAND: that command's own help */
        const char *h = argc > 2 ? cli_help(argv[2]) : NULL;
        if (argc > 2 && !h)
            return usage_error("unknown command '%s'", argv[2]);
        fputs(h ? h : USAGE, stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version") ||
        !strcmp(cmd, "version")) {
        printf("skillmatch %s\n", SM_VERSION);
        return EXIT_OK;
    }
    int (*run)(cli_opts *) = NULL;
    if (!strcmp(cmd, "check"))
        run = cmd_check;
    else if (!strcmp(cmd, "explain"))
        run = cmd_explain;
    else if (!strcmp(cmd, "rules"))
        run = cmd_rules;
    else if (!strcmp(cmd, "screen"))
        run = cmd_screen;
    else if (!strcmp(cmd, "lint"))
        run = cmd_lint;
    else
        return usage_error("unknown command '%s'", cmd);

    argc--;
    argv++;
    opterr = 0;
    int c, at = optind;
    while ((c = getopt_long(argc, argv, ":f:o:j:t:qhV", LONG_OPTS, NULL)) != -1) {
        switch (c) {
        case OPT_RULES: o.rules_dir = optarg; break;
        case 'f': o.format = optarg; break;
        case 'o': o.output = optarg; break;
        case OPT_COLOR: color = optarg; break;
        case OPT_LEVEL: o.level = optarg; break;
        case OPT_MIN_SCORE: {
            char *end;
            o.min_score = strtod(optarg, &end);
            if (end == optarg || *end || o.min_score < 0 || o.min_score > 1)
                return usage_error("--min-score takes a number from 0 to 1, "
                                   "not '%s'", optarg);
            break;
        }
        case OPT_TODAY: {
            int y, m;
            char extra;
            if (!strcmp(optarg, "latest")) {
                o.analyze.today_year = SM_TODAY_LATEST;
                o.analyze.today_month = 0;
                break;
            }
            if (sscanf(optarg, "%4d-%2d%c", &y, &m, &extra) != 2 || y < 1950 ||
                m < 1 || m > 12)
                return usage_error("--today takes YYYY-MM or 'latest', not "
                                   "'%s'", optarg);
            o.analyze.today_year = y;
            o.analyze.today_month = m;
            break;
        }
        case OPT_MAX_SIZE:
            if (!parse_size(optarg, &o.max_size))
                return usage_error("--max-size takes a size such as 10M, not "
                                   "'%s'", optarg);
            break;
        case OPT_FULL_SCAN: o.analyze.flags |= SM_ANALYZE_FULL_SCAN; break;
        case 'j': {
            char *end;
            /* --jobs DIR: a folder of postings; a number is worker
             * threads, as -j */
            if (*optarg && optarg[strspn(optarg, "0123456789")]) {
                o.postings_dir = optarg;
                break;
            }
            long j = strtol(optarg, &end, 10);
            if (end == optarg || *end || j < 0 || j > 256)
                return usage_error("-j takes a number of jobs from 0 (all "
                                   "cores) to 256, not '%s'", optarg);
            o.jobs = (int)j;
            break;
        }
        case OPT_TOP: {
            char *end;
            long t = strtol(optarg, &end, 10);
            if (end == optarg || *end || t < 0)
                return usage_error("--top takes a whole number, not '%s'",
                                   optarg);
            o.top = (int)t;
            break;
        }
        case OPT_FILES_FROM: o.files_from = optarg; break;
        case OPT_STDIN_JSONL: o.stdin_jsonl = true; break;
        case OPT_HIDDEN: o.hidden = true; break;
        case OPT_FOLLOW: o.follow = true; break;
        case OPT_FAIL_ON: o.fail_on = optarg; break;
        case OPT_CONFIG: o.config = optarg; break;
        case OPT_STDIN_NAME: o.stdin_name = optarg; break;
        case OPT_NO_IGNORE: o.no_ignore = true; break;
        case OPT_EXCLUDE: {
            const char **v = realloc(o.excludes, (size_t)(o.nexcludes + 1) *
                                                     sizeof *v);
            if (!v)
                return usage_error("%s", "out of memory");
            o.excludes = v;
            o.excludes[o.nexcludes++] = optarg;
            break;
        }
        case 't': {
            const char *bad = NULL;
            if (!parse_types(optarg, &o.types, &bad))
                return usage_error("--type: unknown type '%s' (see "
                                   "--type-list)", bad);
            break;
        }
        case OPT_TYPE_LIST: type_list(); return EXIT_OK;
        case OPT_PRE: o.pre = optarg; break;
        case OPT_TIMEOUT: {
            char *end;
            long t = strtol(optarg, &end, 10);
            if (end == optarg || *end || t < 1 || t > 3600)
                return usage_error("--timeout takes seconds from 1 to 3600, "
                                   "not '%s'", optarg);
            o.timeout = (int)t;
            break;
        }
        case OPT_PROGRESS: want_progress = 1; break;
        case OPT_NO_PROGRESS: want_progress = 0; break;
        case OPT_JOB: {
            const char **v = realloc(o.postings, (size_t)(o.npostings + 1) *
                                                     sizeof *v);
            if (!v)
                return usage_error("%s", "out of memory");
            o.postings = v;
            o.postings[o.npostings++] = optarg;
            break;
        }
        case 'q': o.quiet = true; break;
        case 'h': fputs(cli_help(cmd), stdout); return EXIT_OK;
        case 'V':
        case OPT_VERSION: printf("skillmatch %s\n", SM_VERSION); return EXIT_OK;
        case ':':
            fprintf(stderr, "skillmatch: %s: option '%s' needs an argument\n"
                    "Try 'skillmatch --help'.\n", cmd, argv[optind - 1]);
            return EXIT_USAGE;
        default:
            return unknown_option(cmd, bad_word(argv, argc, at));
        }
        at = optind;
    }
    if (!strcmp(color, "always"))
        o.color = 1;
    else if (!strcmp(color, "never"))
        o.color = 0;
    else if (!strcmp(color, "auto")) {
        const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
        o.color = isatty(STDOUT_FILENO) && !(nc && *nc) &&
                  !(term && !strcmp(term, "dumb")) && !o.output;
    } else {
        return usage_error("--color takes auto, always or never, not '%s'",
                           color);
    }
    o.progress = want_progress >= 0 ? want_progress
                                    : isatty(STDERR_FILENO) && !o.quiet;
    if (o.quiet)
        o.progress = false;
    if (o.level) {
        sm_level lv;
        if (sm_level_parse(o.level, &lv) != SM_OK)
            return usage_error("--level takes junior, mid or senior, not '%s'",
                               o.level);
    }
    o.nargs = argc - optind;
    o.args = argv + optind;
    int rc = run(&o);
    free(o.postings);
    free(o.excludes);
    return rc;
}
