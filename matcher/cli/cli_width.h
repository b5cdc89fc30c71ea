/* cli_width.h - display width and tables that fit a terminal
 * (cli_width.c), for screen's table (cli_table.c). */
#ifndef SM_CLI_WIDTH_H
#define SM_CLI_WIDTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Columns UTF-8 text takes: CJK and emoji 2, combining marks 0. */
size_t tw_width(const char *s);
/* s cut to at most w columns into out, with an ellipsis at its end, or in
 * its middle when `middle` (a file name keeps its start and end). */
void tw_fit(const char *s, size_t w, bool middle, char *out, size_t cap);

typedef struct {
    size_t width;                /* the widest cell, then what it may take */
    bool shown, middle;
} tw_col;

/* One step of making a table fit: column `col` shrunk to `min` columns,
 * or left out when min is 0. Ends with col -1. */
typedef struct {
    int col;
    size_t min;
} tw_step;

/* Take the steps in order until the columns shown, two spaces apart, fit
 * `width` (0: no limit). */
void tw_layout(tw_col *c, int nc, const tw_step *steps, size_t width);
/* A cell fitted to its column and padded, unless it is the last. */
void tw_cell(FILE *f, const char *s, const tw_col *c, bool last);

#endif
