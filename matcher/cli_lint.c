/* cli_screen.c - `skillmatch lint`: placeholder until draft linting
 * lands; it says so and fails. */
#include "cli.h"

int cmd_lint(cli_opts *o)
{
    (void)o;
    cli_error("lint: not available in this version");
    return EXIT_USAGE;
}
