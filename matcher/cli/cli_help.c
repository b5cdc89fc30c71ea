/* cli_help.c - each command's own --help: its usage, what it does and the
 * options it takes. The options listed here are the ones
 * tools/completion/options.yaml gives the command; tests/completion/run.sh
 * holds the two (and the completions written from the YAML) together. */
#include <string.h>

#include "cli.h"

/* How screen and lint walk folders and read what they find. */
#define WALK_OPTIONS                                                        \
    "      --hidden           walk hidden files and folders\n" \
    "      --follow           follow symbolic links\n" \
    "      --exclude GLOB     leave out what GLOB matches in folder walks\n" \
    "                         (repeatable; GLOB/ for folders only)\n" \
    "      --no-ignore        do not honour .gitignore and .ignore files\n" \
    "  -t, --type T[,T...]    walk only files of these types (see --type-list)\n" \
    "      --type-list        the types and their file names\n" \
    "      --pre COMMAND      read every file through COMMAND (no shell)\n" \
    "      --timeout SECONDS  time a converter may take (default 30)\n"

static const char CHECK[] =
    "Usage: skillmatch check [OPTION]... FILE...\n"
    "The full report for each resume ('-' is standard input): the suggested\n"
    "level and how sure it is, coverage per level, years of experience, the\n"
    "skills found with their evidence, the gaps to the next level. With\n"
    "--job, the match against a job posting instead.\n"
    "\n"
    "Options:\n"
    "      --rules DIR        rules folder (default: $SKILLMATCH_RULES, or the\n"
    "                         one installed with the program)\n"
    "  -f, --format F         text (default), json (an array, whatever the\n"
    "                         number of files), jsonl or html\n"
    "  -o, --output FILE      write there instead of standard output\n"
    "      --color WHEN       auto, always or never (NO_COLOR is honoured)\n"
    "      --level L          junior, mid or senior: the level --min-score\n"
    "                         applies to (default: the suggested one)\n"
    "      --min-score X      exit 1 when the score is below X (0..1); with\n"
    "                         --job: the match score\n"
    "      --today YYYY-MM    the month 'present' means (default: now);\n"
    "                         'latest': the latest date each document shows\n"
    "      --max-size BYTES   largest input read (default 10M; K, M, G)\n"
    "      --pre COMMAND      read every file through COMMAND (no shell)\n"
    "      --timeout SECONDS  time a converter may take (default 30)\n"
    "      --config FILE      configuration, for its levels: ladder (default:\n"
    "                         .skillmatch.yml found from each input's\n"
    "                         folder upward)\n"
    "      --job POSTING      match against this job posting ('-': stdin)\n"
    "      --stdin-filename NAME  the name '-' (standard input) goes by\n"
    "                         in every output and message\n"
    "  -q, --quiet            no warnings\n"
    "  -h, --help             this help\n"
    "\n"
    "Exit status: 0 success; 1 --min-score not met; 2 usage or rules error;\n"
    "3 an input could not be read. See skillmatch(1).\n";

static const char SCREEN[] =
    "Usage: skillmatch screen [OPTION]... PATH...\n"
    "Folders and files of resumes: one ranked row each, the same whatever\n"
    "-j; a file that cannot be read gets a row with its error.\n"
    "\n"
    "Options:\n"
    "      --rules DIR        rules folder (default: $SKILLMATCH_RULES, or the\n"
    "                         one installed with the program)\n"
    "  -f, --format F         table (default), csv, tsv, jsonl, json or html\n"
    "  -o, --output FILE      write there instead of standard output\n"
    "      --level L          alone, rows suggested L; with --min-score, rows\n"
    "                         scoring X or more for L\n"
    "      --min-score X      rows scoring X or more (0..1); with --job: the\n"
    "                         best match\n"
    "      --today YYYY-MM    the month 'present' means (default: now);\n"
    "                         'latest': the latest date each document shows\n"
    "      --max-size BYTES   largest input read (default 10M; K, M, G)\n"
    "  -j, --jobs N           worker threads (default 0: all cores)\n"
    "      --jobs DIR         every posting in DIR, as --job (not a number)\n"
    "      --top N            the first N rows (errors are all kept)\n"
    "      --files-from FILE  paths one a line ('-': stdin; NUL ok)\n"
    "      --stdin-jsonl      {\"id\":..., \"text\":...} lines on stdin, rows in\n"
    "                         input order (a filter for parallel)\n"
    WALK_OPTIONS
    "      --no-progress      no progress bar on a terminal\n"
    "      --config FILE      configuration, for its levels: ladder (default:\n"
    "                         .skillmatch.yml found from each input's\n"
    "                         folder upward)\n"
    "      --job POSTING      rank by match against this posting; several\n"
    "                         give each resume its best\n"
    "      --stdin-filename NAME  the name '-' (standard input) goes by\n"
    "                         in every output and message\n"
    "  -q, --quiet            no warnings, summary or progress\n"
    "  -h, --help             this help\n"
    "\n"
    "Exit status: 0 success; 2 usage or rules error; 3 an input could not\n"
    "be read (the others are still reported). See skillmatch(1).\n";

static const char LINT[] =
    "Usage: skillmatch lint [OPTION]... PATH...\n"
    "Job-description drafts against the level they claim (--level, else\n"
    "front matter 'level:', else the title): findings for people and CI.\n"
    "\n"
    "Options:\n"
    "      --rules DIR        rules folder (default: $SKILLMATCH_RULES, or the\n"
    "                         one installed with the program)\n"
    "  -f, --format F         text (default), json, github, sarif, junit or\n"
    "                         markdown\n"
    "  -o, --output FILE      write there instead of standard output\n"
    "      --color WHEN       auto, always or never (NO_COLOR is honoured)\n"
    "      --level L          the level the drafts claim: junior, mid, senior\n"
    "      --fail-on LEVEL    exit 1 on findings at error (default), warning,\n"
    "                         info (or note), or never\n"
    "      --config FILE      configuration (default: .skillmatch.yml found\n"
    "                         from each draft's folder upward)\n"
    "      --max-size BYTES   largest input read (default 10M; K, M, G)\n"
    "  -j, --jobs N           worker threads (default 0: all cores)\n"
    "      --files-from FILE  paths one a line ('-': stdin; NUL ok)\n"
    WALK_OPTIONS
    "      --stdin-filename NAME  the name '-' (standard input) goes by\n"
    "                         in every output and message\n"
    "  -q, --quiet            no warnings or summary\n"
    "  -h, --help             this help\n"
    "\n"
    "Exit status: 0 no finding at or above --fail-on; 1 there are; 2 usage,\n"
    "rules or configuration error; 3 a draft could not be read.\n"
    "See skillmatch(1).\n";

static const char EXPLAIN[] =
    "Usage: skillmatch explain [OPTION]... FILE SKILL\n"
    "Why a skill matched in FILE, with its evidence and context, or why it\n"
    "did not. SKILL is an id, a display name in any case, or a group id as\n"
    "screen's TOP GAPS prints it. With --job, why the posting's skill is\n"
    "matched or missing.\n"
    "\n"
    "Options:\n"
    "      --rules DIR        rules folder (default: $SKILLMATCH_RULES, or the\n"
    "                         one installed with the program)\n"
    "      --today YYYY-MM    the month 'present' means (default: now);\n"
    "                         'latest': the latest date each document shows\n"
    "      --max-size BYTES   largest input read (default 10M; K, M, G)\n"
    "      --pre COMMAND      read the file through COMMAND (no shell)\n"
    "      --timeout SECONDS  time a converter may take (default 30)\n"
    "      --job POSTING      explain against this job posting\n"
    "      --stdin-filename NAME  the name '-' (standard input) goes by\n"
    "                         in every output and message\n"
    "  -q, --quiet            no warnings\n"
    "  -h, --help             this help\n"
    "\n"
    "See skillmatch(1).\n";

static const char RULES[] =
    "Usage: skillmatch rules check [DIR]\n"
    "       skillmatch rules list [-f text|tsv|json]\n"
    "       skillmatch rules show ID\n"
    "       skillmatch rules export --format pcre|json\n"
    "Validate a rules folder and run every rule's examples; list the skills;\n"
    "show one skill's patterns, triggers and examples; export the patterns.\n"
    "\n"
    "Options:\n"
    "      --rules DIR        rules folder (default: $SKILLMATCH_RULES, or the\n"
    "                         one installed with the program)\n"
    "  -f, --format F         list: text, tsv, json; export: pcre, json\n"
    "  -o, --output FILE      write there instead of standard output\n"
    "  -q, --quiet            no warnings\n"
    "  -h, --help             this help\n"
    "\n"
    "Exit status: 0 success; 2 usage or rules error, or an example that\n"
    "fails.\n"
    "See skillmatch(1).\n";

const char *cli_help(const char *command)
{
    static const struct {
        const char *name, *text;
    } helps[] = {{"check", CHECK},     {"screen", SCREEN}, {"lint", LINT},
                 {"explain", EXPLAIN}, {"rules", RULES}};
    for (size_t i = 0; i < sizeof helps / sizeof *helps; i++)
        if (!strcmp(command, helps[i].name))
            return helps[i].text;
    return NULL;
}
