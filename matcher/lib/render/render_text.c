/* render_text.c - a result -> the report a person reads. */
#include <string.h>

#include "render/render.h"
#include "analyze/analyze.h"
#include "rules/rules.h"
#include "util/util.h"

typedef struct {
    const char *bold, *green, *yellow, *dim, *reset;
} palette;

static const palette COLOR = {"\033[1m", "\033[32m", "\033[33m", "\033[2m",
                              "\033[0m"};
static const palette PLAIN = {"", "", "", "", ""};

static void bar(FILE *out, double score, const palette *c)
{
    enum { WIDTH = 20 };
    int full = (int)(score * WIDTH + 0.5);
    fputs("[", out);
    fputs(c->green, out);
    for (int i = 0; i < WIDTH; i++) {
        if (i == full)
            fputs(c->dim, out);
        fputc(i < full ? '#' : '.', out);
    }
    fputs(c->reset, out);
    fputs("]", out);
}

sm_status sm_render_text(const sm_result *r, FILE *out, unsigned flags)
{
    const palette *c = flags & SM_RENDER_COLOR ? &COLOR : &PLAIN;
    fprintf(out, "%s%s%s\n", c->bold, r->file, c->reset);
    fprintf(out, "  Suggested level: %s%s%s (confidence: %s)\n", c->green,
            sm_level_name(r->level), c->reset, r->confidence);
    fprintf(out, "  %s\n", r->reason);
    if (r->levels_from) {
        /* a team's ladder chose the level: say so, and what it is */
        char yr[SM_LEVEL_COUNT + 1][32];
        for (int i = SM_LEVEL_JUNIOR; i <= SM_LEVEL_SENIOR; i++)
            sm_ladder_range_text(r->level_years[i].min,
                                 r->level_years[i].max, yr[i], sizeof yr[i]);
        fprintf(out, "  Levels: from %s (junior %s, mid %s, senior %s years)\n",
                r->levels_from, yr[SM_LEVEL_JUNIOR], yr[SM_LEVEL_MID],
                yr[SM_LEVEL_SENIOR]);
    }
    fputc('\n', out);

    fprintf(out, "  %sCoverage%s\n", c->bold, c->reset);
    for (int i = 0; i < SM_LEVEL_COUNT; i++) {
        fprintf(out, "    %-7s ", sm_level_name(r->levels[i].level));
        bar(out, r->levels[i].score, c);
        fprintf(out, " %3.0f%%\n", r->levels[i].score * 100);
    }
    fputc('\n', out);

    if (r->years >= 0 && r->ml_years >= 0)
        fprintf(out, "  Years of experience: %g (%s); in ML work: %g\n\n",
                r->years, r->years_method, r->ml_years);
    else if (r->years >= 0)
        fprintf(out, "  Years of experience: %g (%s)\n\n", r->years,
                r->years_method);
    else
        fprintf(out, "  Years of experience: unknown (%s)\n\n",
                r->years_method);

    fprintf(out, "  %sSkills found (%zu)%s\n", c->bold, r->nskills, c->reset);
    size_t w = 0;
    for (size_t i = 0; i < r->nskills; i++)
        if (strlen(r->skills[i].name) > w)
            w = strlen(r->skills[i].name);
    for (size_t i = 0; i < r->nskills; i++) {
        const sm_skill_match *m = &r->skills[i];
        const sm_evidence *e = &m->evidence[0];
        if (e->place)                    /* page 2, line 14; paragraph 3 */
            fprintf(out, "    %-*s  %s \"%s\" in %s", (int)w, m->name,
                    e->place, e->text, e->section);
        else
            fprintf(out, "    %-*s  line %-4d \"%s\" in %s", (int)w, m->name,
                    e->line, e->text, e->section);
        if (m->n_mentions > 1)
            fprintf(out, " %s(+%zu more)%s", c->dim, m->n_mentions - 1,
                    c->reset);
        if (m->strength < 1) {
            const char *why = NULL;
            for (size_t j = 0; j < m->n_evidence && !why; j++)
                if (m->evidence[j].strength == m->strength)
                    why = m->evidence[j].context;
            fprintf(out, " %s[weak %.2f%s%s]%s", c->yellow, m->strength,
                    why ? ": " : "", why ? why : "", c->reset);
        }
        fputc('\n', out);
    }
    if (!r->nskills)
        fputs("    (none)\n", out);
    fputc('\n', out);

    /* the gaps to the next level up; for a senior, what senior misses */
    int target = r->level < SM_LEVEL_SENIOR ? r->level + 1 : SM_LEVEL_SENIOR;
    const sm_level_score *ls = &r->levels[target - 1];
    fprintf(out, "  %sGaps to %s (%zu, heaviest first)%s\n", c->bold,
            sm_level_name((sm_level)target), ls->n_missing, c->reset);
    for (size_t i = 0; i < ls->n_missing; i++) {
        const sm_gap *g = &ls->missing[i];
        fprintf(out, "    %s%d%s  %s: \"%s\" %s[%s]%s\n", c->yellow, g->weight,
                c->reset, g->name, g->reason, c->dim, g->source, c->reset);
    }
    if (!ls->n_missing)
        fputs("    (none)\n", out);
    return ferror(out) ? SM_ERR_IO : SM_OK;
}
