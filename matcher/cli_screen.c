/* cli_screen.c - `skillmatch screen`: placeholder until bulk screening
 * lands; it says so and fails. */
#include "cli.h"

int cmd_screen(cli_opts *o)
{
    (void)o;
    cli_error("screen: not available in this version");
    return EXIT_USAGE;
}
