/* The literal prefilter: which literals the parser finds in a pattern, and
 * the promise the matcher relies on - wherever a pattern matches, the
 * paragraph holds its literals, where the offsets say - checked for every
 * pattern of the project's rules against the sample resumes, line by line
 * and whole. */
#include <dirent.h>

#include "engine/engine.h"
#include "rules/rules.h"
#include "unit.h"

/* The factors of `pattern` joined by "&", each one's literals sorted and
 * joined by "|" ("" for none). */
static const char *lits_of(const char *pattern)
{
    static char buf[1024];
    char **v;
    size_t n;
    int breaks;
    sm_prefilter_literals(pattern, &v, &n, &breaks, NULL);
    buf[0] = '\0';
    for (size_t f = 0; f < n;) {
        size_t e = f;
        while (e < n && v[e])
            e++;
        for (size_t i = f + 1; i < e; i++)   /* insertion sort */
            for (size_t j = i; j > f && strcmp(v[j - 1], v[j]) > 0; j--) {
                char *t = v[j];
                v[j] = v[j - 1];
                v[j - 1] = t;
            }
        if (f)
            strncat(buf, "&", sizeof buf - strlen(buf) - 1);
        for (size_t i = f; i < e; i++) {
            if (i > f)
                strncat(buf, "|", sizeof buf - strlen(buf) - 1);
            strncat(buf, v[i], sizeof buf - strlen(buf) - 1);
            free(v[i]);
        }
        f = e + 1;
    }
    free(v);
    return buf;
}

/* The most line breaks a match of `pattern` spans (-1: no bound). */
static int breaks_of(const char *pattern)
{
    char **v;
    size_t n;
    int breaks;
    sm_prefilter_literals(pattern, &v, &n, &breaks, NULL);
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
    return breaks;
}

/* Each literal of `pattern` with the bytes a match holds before it, at
 * least and at most ("*" for no bound): "model@0-0&production@9-10". */
static const char *offsets_of(const char *pattern)
{
    static char buf[1024];
    char **v;
    size_t n;
    int breaks;
    uint32_t *off;
    sm_prefilter_literals(pattern, &v, &n, &breaks, &off);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char item[128];
        if (!v[i]) {
            if (i + 1 < n)
                strncat(buf, "&", sizeof buf - strlen(buf) - 1);
            continue;
        }
        if (off[2 * i + 1] == SM_OFF_ANY)
            snprintf(item, sizeof item, "%s%s@%u-*",
                     i && v[i - 1] ? "|" : "", v[i], off[2 * i]);
        else
            snprintf(item, sizeof item, "%s%s@%u-%u",
                     i && v[i - 1] ? "|" : "", v[i], off[2 * i],
                     off[2 * i + 1]);
        strncat(buf, item, sizeof buf - strlen(buf) - 1);
        free(v[i]);
    }
    free(v);
    free(off);
    return buf;
}

static void test_offsets(void)
{
    CHECK_STR(offsets_of("(?<!\\w)python(?!\\w)"), "python@0-0");
    /* a white-space run is one byte in plain text: \s+ and \s* too */
    CHECK_STR(offsets_of("models?\\s+in\\s+production"),
              "production@9-10&model@0-0&in@6-7");
    CHECK_STR(offsets_of("deep\\s*learning"), "learning@4-5&deep@0-0");
    /* other classes and \w repeat without bound; \W and . may be UTF-8 */
    CHECK_STR(offsets_of("[\\s-]+pipeline"), "pipeline@1-*");
    CHECK_STR(offsets_of("\\w{2,3}flow"), "flow@2-3");
    CHECK_STR(offsets_of("\\W?flow"), "flow@0-4");
    CHECK_STR(offsets_of(".flow"), "flow@1-4");
    CHECK_STR(offsets_of("[a-z]flow"), "flow@1-1");
    CHECK_STR(offsets_of("[^a-z]flow"), "flow@1-4");
    CHECK_STR(offsets_of("r\xC3\xA9sum\xC3\xA9"), "sum@2-5");
    /* alternatives keep their own places; a repeated literal gets both */
    CHECK_STR(offsets_of("(?:ab|abcd)\\s+spark"), "spark@3-5&ab@0-0|abcd@0-0");
    CHECK_STR(offsets_of("(?:x\\s+kafka|kafka)"), "kafka@0-2");
    CHECK_STR(offsets_of("(?:github|gitlab)\\s+ci"),
              "github@0-0|gitlab@0-0&ci@7-7");
    /* a group's literals move by what comes before the group */
    CHECK_STR(offsets_of("ml\\s?(?:ops\\s+platform)"),
              "platform@6-7&ops@2-3&ml@0-0");
    /* lookarounds, anchors and \b take no bytes */
    CHECK_STR(offsets_of("^(?<=a)\\bspark(?=\\s)"), "spark@0-0");
    /* a run split by a quantifier starts anew after it */
    CHECK_STR(offsets_of("ab+cde"), "cde@2-*&ab@0-0");
    /* (?R) is not an option setting: nothing is claimed */
    CHECK_STR(offsets_of("spark(?R)?"), "");
}

static void test_breaks(void)
{
    CHECK_INT(breaks_of("python"), 0);
    CHECK_INT(breaks_of("machine\\s+learning"), 1);   /* one white run */
    CHECK_INT(breaks_of("machine\\s*learning"), 1);
    CHECK_INT(breaks_of("(?:\\w+\\s+){0,3}model"), 3);
    CHECK_INT(breaks_of("[^.;]{0,60}model"), 60);
    CHECK_INT(breaks_of("machine[\\s-]+learning"), -1);
    CHECK_INT(breaks_of("model[^.]*ship"), -1);
    CHECK_INT(breaks_of("model.*ship"), 0);             /* . stops at \n */
    CHECK_INT(breaks_of("(?s)model.*ship"), -1);
    CHECK_INT(breaks_of("model\\Wship"), 1);
    CHECK_INT(breaks_of("model\\W+ship"), -1);
    CHECK_INT(breaks_of("model[[:alpha:]]+ship"), 0);
    CHECK_INT(breaks_of("model[[:space:]]ship"), 1);
    CHECK_INT(breaks_of("model[\\t-\\r]ship"), 1);
    CHECK_INT(breaks_of("model|deep\\s+learning"), 1);
    CHECK_INT(breaks_of("(?=\\s+x)model"), 0);
    CHECK_INT(breaks_of("(?:model\\s){2,4}x"), 4);
    CHECK_INT(breaks_of("ml"), 0);               /* no literals, still known */
    CHECK_INT(breaks_of("(?x)ml"), -1);          /* syntax it does not read */
}

static void test_literals(void)
{
    /* plain words, case folded */
    CHECK_STR(lits_of("Kubernetes"), "kubernetes");
    CHECK_STR(lits_of("(?<![\\w.])python(?:\\s?3)?(?!\\w)"), "python");
    /* every mandatory part is a factor, the most selective first */
    CHECK_STR(lits_of("(?<!\\w)(?:weight|channel)\\s+pruning(?!\\w)"),
              "pruning&channel|weight");
    CHECK_STR(lits_of("models?\\s+(?:in|into)\\s+production"),
              "production&model&in|into");
    /* an alternation: one literal per branch */
    CHECK_STR(lits_of("(?:github\\s+actions|gitlab[\\s-]ci)"),
              "actions|gitlab");
    CHECK_STR(lits_of("docker|podman"), "docker|podman");
    CHECK_STR(lits_of("(?-i:Julia|JULIA|julia)"), "julia");
    /* a branch with nothing known spoils the whole alternation */
    CHECK_STR(lits_of("docker|\\w+c"), "");
    CHECK_STR(lits_of("docker|"), "");
    /* optional parts are not required */
    CHECK_STR(lits_of("colou?r"), "colo");
    CHECK_STR(lits_of("(?:deep\\s+)?learning"), "learning");
    CHECK_STR(lits_of("ab(?:xyz)?cd"), "ab&cd");
    CHECK_STR(lits_of("data(?:bricks)*"), "data");
    /* a quantified character ends a run after its first copy */
    CHECK_STR(lits_of("mlo+ps"), "mlo&ps");
    CHECK_STR(lits_of("tens{1,2}orflow"), "orflow&tens");
    /* escaped punctuation is literal; classes and \w are not */
    CHECK_STR(lits_of("c\\+\\+\\s?(?:17|20)"), "c++&17|20");
    CHECK_STR(lits_of("node\\.js"), "node.js");
    CHECK_STR(lits_of("[a-z]+\\.jl"), ".jl");
    CHECK_STR(lits_of("scikit[\\s-]learn"), "scikit&learn");
    /* a required group's own factors count; an alternative's best one */
    CHECK_STR(lits_of("(?:deep\\s+learning)\\s+model"),
              "learning&model&deep");
    CHECK_STR(lits_of("(?:deep\\s+learning|neural\\s+nets?)"),
              "learning|neural");
    /* lookarounds are not part of the match */
    CHECK_STR(lits_of("(?<=python )pandas"), "pandas");
    CHECK_STR(lits_of("(?=.*tensorflow)keras"), "keras");
    /* inline options and named groups */
    CHECK_STR(lits_of("(?-i:PyTorch)"), "pytorch");
    CHECK_STR(lits_of("(?i)spark"), "spark");
    CHECK_STR(lits_of("(?<lang>golang)"), "golang");
    /* non-ASCII text is not a literal (caseless UTF matching) */
    CHECK_STR(lits_of("r\xC3\xA9sum\xC3\xA9"), "sum");
    /* constructs the parser does not know: nothing claimed */
    CHECK_STR(lits_of("(?x) python # comment"), "");
    CHECK_STR(lits_of("\\Qc++\\E"), "");
    CHECK_STR(lits_of("(python)\\1"), "");
    CHECK_STR(lits_of("\\x{41}pple"), "");
    CHECK_STR(lits_of("(*UCP)python"), "");
    CHECK_STR(lits_of("python{"), "");
    CHECK_STR(lits_of("(?#note)python"), "");
    CHECK_STR(lits_of("(unclosed"), "");
    CHECK_STR(lits_of("stray)"), "");
    /* two letters make a literal, one does not */
    CHECK_STR(lits_of("ml|ai"), "ai|ml");
    CHECK_STR(lits_of("r|ai"), "");
}

/* Literal index over regexes made from `patterns` (NULL-ended). */
static size_t compile_all(const char *const *patterns, sm_regex *re)
{
    size_t n = 0;
    for (; patterns[n]; n++)
        if (sm_regex_compile(&re[n], patterns[n], 0, "t", 1, 1, NULL) != SM_OK)
            CHECK(!"the test pattern compiles");
    return n;
}

static void test_litindex(void)
{
    const char *const pats[] = {"kubernetes|pytorch",
                                "pytorch\\s+(?:jobs|tasks)", "torch",
                                "tensorflow", NULL};
    sm_regex re[4] = {{0}};
    sm_regex *ptr[4] = {&re[0], &re[1], &re[2], &re[3]};
    size_t n = compile_all(pats, re);
    sm_litindex ix;
    sm_litscan sc;
    CHECK(sm_litindex_build(&ix, ptr, n));
    CHECK_INT((int)ix.nlits, 6);     /* jobs kubernetes pytorch tasks ... */
    CHECK(sm_litscan_init(&sc, &ix));
    /* caseless; one literal inside another is found too */
    CHECK(sm_litscan_run(&ix, &sc, "Ran PYTORCH jobs", 16));
    CHECK(sm_regex_may_match(&re[0], &sc));
    CHECK(sm_regex_may_match(&re[1], &sc));
    CHECK(sm_regex_may_match(&re[2], &sc));
    CHECK(!sm_regex_may_match(&re[3], &sc));
    size_t np;
    const uint32_t *p = sm_litscan_places(&sc, re[2].lit_id[0], &np);
    CHECK_INT((int)np, 1);
    CHECK_INT(np ? (int)p[0] : -1, 6);
    /* factors: each must be there */
    CHECK(sm_litscan_run(&ix, &sc, "Ran PyTorch", 11));
    CHECK(sm_regex_may_match(&re[0], &sc));
    CHECK(!sm_regex_may_match(&re[1], &sc));
    /* every place, overlapping ones too, in order */
    CHECK(sm_litscan_run(&ix, &sc, "torch torchtorch", 16));
    p = sm_litscan_places(&sc, re[2].lit_id[0], &np);
    CHECK_INT((int)np, 3);
    CHECK_INT(np == 3 ? (int)(p[0] + p[1] + p[2]) : -1, 0 + 6 + 11);
    /* the Kelvin sign and the long s match k and s caselessly; such a text
     * is not plain, nor one with a run of white space or a NUL */
    const char *kelvin = "\xE2\x84\xAA" "ubernetes";
    CHECK(!sm_litscan_run(&ix, &sc, kelvin, strlen(kelvin)));
    CHECK(sm_regex_may_match(&re[0], &sc));
    CHECK(!sm_litscan_run(&ix, &sc, "two\n\nlines", 11));
    CHECK(!sm_litscan_run(&ix, &sc, "a  b", 4));
    CHECK(!sm_litscan_run(&ix, &sc, "a\0b", 3));
    CHECK(sm_litscan_run(&ix, &sc, "a b\nc", 5));
    /* a long plain text is scanned as two halves at once: every place
     * is found once, wherever the middle falls */
    for (size_t shift = 0; shift < 12; shift++) {
        char text[512];
        size_t len = 0, want = 0, got_ok = 1;
        for (size_t i = 0; i < shift; i++)
            text[len++] = 'x';
        while (len + 7 < 400) {
            memcpy(text + len, "torch ", 6);
            len += 6;
            want++;
        }
        CHECK(sm_litscan_run(&ix, &sc, text, len));
        p = sm_litscan_places(&sc, re[2].lit_id[0], &np);
        for (size_t i = 0; i < np; i++)
            got_ok &= p[i] == shift + 6 * i;
        CHECK_INT((int)np, (int)want);
        CHECK(got_ok);
    }
    /* most places in the second half: its findings are joined to few */
    {
        char text[1024];
        size_t len = 0, want = 0;
        while (len < 300)
            text[len++] = 'x';
        while (len + 7 < sizeof text) {
            memcpy(text + len, "torch ", 6);
            len += 6;
            want++;
        }
        CHECK(sm_litscan_run(&ix, &sc, text, len));
        p = sm_litscan_places(&sc, re[2].lit_id[0], &np);
        CHECK_INT((int)np, (int)want);
        CHECK_INT(np ? (int)p[np - 1] : -1, (int)(300 + 6 * (want - 1)));
    }
    /* a pattern with nothing known always runs */
    sm_regex none = {0};
    CHECK(sm_regex_may_match(&none, &sc));
    sm_litscan_free(&sc);
    sm_litindex_free(&ix);
    for (size_t i = 0; i < n; i++)
        sm_regex_release(&re[i]);
}

/* An anchored pattern's first bytes answer calls at other bytes; the
 * answers are the pattern's own. */
static void test_first_bytes(void)
{
    static const struct {
        const char *pattern, *text;
        bool known;
        int found;
    } cases[] = {
        {"^(?:skills?|tools)$", "Skills", true, 1},
        {"^(?:skills?|tools)$", "TOOLS", true, 1},
        {"^(?:skills?|tools)$", "Python", true, 0},
        {"^(?:skills?|tools)$", "", true, 0},
        {"^abc", "ABCD", true, 1},       /* one first byte, either case */
        {"(?-i)^Abc", "Abc", true, 1},
        {"(?-i)^Abc", "abc", true, 0},   /* PCRE2 itself says no */
        {"^x?", "", false, 1},           /* may match nothing: not used */
        {"abc", "xxabc", false, 1},      /* not anchored */
    };
    sm_scratch *sc = sm_scratch_new(NULL);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sm_regex re;
        size_t ms, me;
        if (sm_regex_compile(&re, cases[i].pattern, 0, "t", 1, 1, NULL) !=
            SM_OK) {
            CHECK(!"the test pattern compiles");
            continue;
        }
        CHECK(re.first_known == cases[i].known);
        CHECK_INT(sm_regex_find(&re, sc, cases[i].text, strlen(cases[i].text),
                                0, &ms, &me, NULL),
                  cases[i].found);
        sm_regex_release(&re);
    }
    sm_scratch_free(sc);
}

static size_t checked, matched;

/* In a plain text, does a match at [ms, me) hold, for each factor of
 * re, one of its literals as many bytes in as the offsets say? */
/* Does factor f of re hold a literal where the offsets say, in a match
 * starting at ms? */
static bool factor_holds(const sm_regex *re, const sm_litscan *sc, size_t f,
                         size_t ms)
{
    for (size_t e = f; e < re->nlits && re->lits[e]; e++) {
        size_t n;
        const uint32_t *p = sm_litscan_places(sc, re->lit_id[e], &n);
        for (size_t j = 0; j < n; j++)
            if (p[j] >= ms + re->lit_off[2 * e] &&
                (re->lit_off[2 * e + 1] == SM_OFF_ANY ||
                 p[j] <= ms + re->lit_off[2 * e + 1]))
                return true;
    }
    return false;
}

/* In plain text, does a match starting at ms hold the factors the
 * matcher's plan for re looks at (see sm_regex_plan_all()) where the offsets
 * say? */
static bool offsets_hold(const sm_regex *re, const sm_litscan *sc, size_t ms)
{
    if (re->search != SM_NO_FACTOR && !factor_holds(re, sc, re->search, ms))
        return false;
    for (size_t c = 0; c < re->ncheck; c++)
        if (!factor_holds(re, sc, re->check[c], ms))
            return false;
    return re->bound == SM_NO_FACTOR || factor_holds(re, sc, re->bound, ms);
}

/* Every regex of the rules against one text: a match must pass the
 * prefilter, and in plain text hold its literals where the offsets say. */
static void check_text(const sm_rules *r, sm_scratch *s, const char *t,
                       size_t len)
{
    sm_litscan sc;
    if (!sm_litscan_init(&sc, &r->lits)) {
        CHECK(!"out of memory");
        return;
    }
    bool plain = sm_litscan_run(&r->lits, &sc, t, len);
    for (size_t k = 0; k < r->nskills; k++) {
        const sm_skill *sk = &r->skills[k];
        for (size_t i = 0; i < sk->npats + sk->nexcl; i++) {
            const sm_regex *re = i < sk->npats ? &sk->pats[i]
                                               : &sk->excl[i - sk->npats];
            size_t ms, me;
            checked++;
            if (sm_regex_find(re, s, t, len, 0, &ms, &me, NULL) == 1) {
                matched++;
                if (!sm_regex_may_match(re, &sc)) {
                    CHECK(!"a match the prefilter would skip");
                    fprintf(stderr, "  pattern %s\n  text %.*s\n", re->src,
                            (int)len, t);
                }
                if (plain && re->lit_off && !offsets_hold(re, &sc, ms)) {
                    CHECK(!"a match whose literals are not where said");
                    fprintf(stderr, "  pattern %s\n  text %.*s\n", re->src,
                            (int)len, t);
                }
            }
        }
    }
    sm_litscan_free(&sc);
}

static void test_rules_promise(void)
{
    sm_rules *r = NULL;
    sm_error err;
    const char *dirs[] = {"corpus/resumes", "corpus/eval/resumes", NULL};
    if (sm_rules_load(unit_rules_dir(), &r, &err) != SM_OK) {
        CHECK(!"the project's rules load");
        return;
    }
    sm_scratch *s = sm_scratch_new(r);
    for (const char **d = dirs; *d; d++) {
        DIR *dir = opendir(*d);
        struct dirent *e;
        while (dir && (e = readdir(dir))) {
            char path[512];
            sm_doc *doc = NULL;
            if (e->d_name[0] == '.')
                continue;
            snprintf(path, sizeof path, "%s/%s", *d, e->d_name);
            if (sm_doc_load_file(path, 0, &doc, NULL) != SM_OK)
                continue;
            size_t len;
            const char *t = sm_doc_text(doc, &len);
            check_text(r, s, t, len);
            for (const char *p = t; p < t + len;) {
                const char *nl = memchr(p, '\n', (size_t)(t + len - p));
                size_t n = nl ? (size_t)(nl - p) : (size_t)(t + len - p);
                check_text(r, s, p, n);
                p += n + 1;
            }
            sm_doc_free(doc);
        }
        if (dir)
            closedir(dir);
    }
    CHECK(matched > 1000);              /* the test saw real matches */
    sm_scratch_free(s);
    sm_rules_free(r);
}

int main(void)
{
    test_literals();
    test_offsets();
    test_breaks();
    test_litindex();
    test_first_bytes();
    test_rules_promise();
    return unit_done("prefilter");
}
