#!/bin/sh
# Hostile input, end to end: each case runs the program on something a
# stranger or a careless user could hand it and checks the exit status, a
# part of the message, and that it finished in time (a hang is a failure).
# Large inputs are made here, in a temporary folder, never committed.
#   tests/hostile/run.sh        (SKILLMATCH_BIN names the program;
#                                HOSTILE_QUICK=1 skips the big inputs, for
#                                slow runs such as valgrind)
SM=${SKILLMATCH_BIN:-matcher/skillmatch}
case $SM in /*) ;; *) SM=$(pwd)/$SM ;; esac
quick=${HOSTILE_QUICK:-0}
limit=${HOSTILE_TIMEOUT:-60}
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
export NO_COLOR=1
unset SKILLMATCH_RULES
pass=0 fail=0 skip=0
R="--rules rules"

# t NAME EXIT STDERR_PART STDOUT_PART COMMAND...
#   the parts are fixed strings ("" for no check)
t() {
    name=$1 want=$2 err=$3 out=$4
    shift 4
    timeout -k 5 "$limit" "$@" >"$T/.out" 2>"$T/.err" </dev/null
    code=$?
    why=
    if [ $code = 124 ] || [ $code = 137 ]; then
        why="did not finish in ${limit}s"
    elif [ "$code" != "$want" ]; then
        why="exit $code, want $want"
    elif [ -n "$err" ] && ! grep -qF -- "$err" "$T/.err"; then
        why="stderr lacks: $err"
    elif [ -n "$out" ] && ! grep -qF -- "$out" "$T/.out"; then
        why="stdout lacks: $out"
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: $why"
        head -c 600 "$T/.err" | sed 's/^/  stderr: /'
    fi
}

skip() {
    skip=$((skip + 1))
    echo "SKIP $1: $2"
}

# ---- documents ------------------------------------------------------------
: >"$T/empty.txt"
t empty 3 "empty.txt: empty file" "" $SM check $R "$T/empty.txt"

printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\001' >"$T/photo.png"
t png 3 "binary file (NUL byte at offset 8)" "" $SM check $R "$T/photo.png"

printf 'Skills: Python\0SQL\n' >"$T/nul.txt"
t nul_bytes 3 "binary file (NUL byte at offset 14)" "" \
    $SM check $R "$T/nul.txt"

printf 'Skills: Python \377\376 SQL \303\n' >"$T/latin.txt"
t invalid_utf8 0 "invalid UTF-8 (3 bytes replaced with U+FFFD)" '"Python"' \
    $SM check $R "$T/latin.txt"

{ printf '\377\376'; printf 'Skills: Python, PyTorch\n' |
    iconv -f UTF-8 -t UTF-16LE; } >"$T/utf16le.txt"
t utf16le_bom 0 "converted from UTF-16 to UTF-8" '"PyTorch"' \
    $SM check $R "$T/utf16le.txt"
{ printf '\376\377'; printf 'Skills: Python, PyTorch\n' |
    iconv -f UTF-8 -t UTF-16BE; } >"$T/utf16be.txt"
t utf16be_bom 0 "converted from UTF-16 to UTF-8" '"PyTorch"' \
    $SM check $R "$T/utf16be.txt"

# text with no spaces is one long token: the prefilter must still see the
# words at its end
printf '我在公司使用机器学习模型进行数据分析并且熟练掌握Python和PyTorch\n' \
    >"$T/cjk.txt"
t cjk_long_token 0 "" '"id": "pytorch"' $SM check $R -f json "$T/cjk.txt"

# 100 MB: refused from its size before a byte is read; from a pipe, as
# soon as the limit is passed
head -c 104857600 /dev/zero | tr '\0' 'a' >"$T/huge.txt"
t huge_100mb 3 "file is larger than the limit of 10485760 bytes (104857600 bytes)" \
    "" $SM check $R "$T/huge.txt"
if [ "$quick" = 1 ]; then
    skip huge_100mb_pipe "quick run"
else
    t huge_100mb_pipe 3 "larger than the limit of 10485760 bytes" "" \
        sh -c "cat '$T/huge.txt' | $SM check $R -"
fi
rm -f "$T/huge.txt"

if [ "$quick" = 1 ]; then
    skip line_10mb "quick run"
    skip mentions_100k "quick run"
else
    # one line of 10 MB, full of skills
    yes 'Built models with Python and PyTorch on AWS, R and SQL;' |
        tr -d '\n' | head -c 10500000 >"$T/line.txt"
    t line_10mb_default 3 "larger than the limit of 10485760 bytes" "" \
        $SM check $R "$T/line.txt"
    t line_10mb 0 "" 'PyTorch' \
        $SM check $R --max-size 20M "$T/line.txt"
    t lint_line_10mb 1 "1 draft: 1 error" "[missing-required]" \
        $SM lint $R --level junior --max-size 20M "$T/line.txt"
    rm -f "$T/line.txt"
    # 100,000 skill mentions in one paragraph
    yes 'Python, SQL, Docker, PyTorch, R' | head -n 20000 >"$T/many.txt"
    t mentions_100k 0 "" "(+19999 more)" $SM check $R "$T/many.txt"
    t lint_mentions_100k 1 "1 draft: 1 error" "[missing-required]" \
        $SM lint $R --level senior "$T/many.txt"
    rm -f "$T/many.txt"
fi

# Pathological shapes (tests/shapes.h: one line, no spaces, every word a
# skill, a million dates, ...) at 10 MB: `check -f json` must finish, and
# take at most 64 MiB plus 4 times the input (measured by tools/peak.c;
# not under sanitizers, whose shadow memory would be counted too, which
# also get smaller inputs). Time is measured in `make bench`, not here.
SHAPES=${SHAPES_BIN:-build/shapes}
PEAK=${PEAK_BIN:-build/peak}
if [ "$quick" = 1 ] || [ ! -x "$SHAPES" ] || [ ! -x "$PEAK" ]; then
    skip shapes "quick run, or no $SHAPES and $PEAK"
else
    size=10485760 memcheck=1
    [ -n "$ASAN_OPTIONS" ] && size=1048576 memcheck=0
    limit_kib=$((65536 + 4 * size / 1024))
    for shape in $("$SHAPES"); do
        "$SHAPES" "$shape" "$size" "$T/shape.txt"
        t "shape_$shape" 0 "peak: " "" \
            "$PEAK" $SM check $R -f json "$T/shape.txt"
        kib=$(sed -n 's/^peak: \([0-9]*\) KiB.*/\1/p' "$T/.err")
        if [ "$memcheck" = 1 ]; then
            if [ -n "$kib" ] && [ "$kib" -le "$limit_kib" ]; then
                pass=$((pass + 1))
            else
                fail=$((fail + 1))
                echo "FAIL shape_${shape}_memory: ${kib:-?} KiB, limit $limit_kib"
            fi
        fi
    done
    rm -f "$T/shape.txt"
fi

ln -s loop "$T/loop"
t symlink_loop 3 "loop: Too many levels of symbolic links" "" \
    $SM check $R "$T/loop"

t directory 3 "is a directory" "" $SM check $R "$T"

# A FIFO named on the command line is read, as cat would; with nobody
# writing it would wait, as cat would, so a writer is started first.
mkfifo "$T/fifo"
(timeout 30 sh -c "printf 'Skills: Python, PyTorch\n' >'$T/fifo'" &)
t fifo 0 "" '"PyTorch"' $SM check $R "$T/fifo"

printf 'Skills: Python\n' >"$T/secret.txt"
chmod 000 "$T/secret.txt"
if [ "$(id -u)" != 0 ]; then
    t unreadable 3 "secret.txt: Permission denied" "" \
        $SM check $R "$T/secret.txt"
elif command -v setpriv >/dev/null 2>&1 &&
     setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null &&
     setpriv --reuid=65534 --regid=65534 --clear-groups \
        test -r rules/profiles.yaml -a -x "$SM"; then
    # root reads any file: drop to nobody to see the refusal
    chmod 755 "$T"
    t unreadable 3 "secret.txt: Permission denied" "" \
        setpriv --reuid=65534 --regid=65534 --clear-groups \
        $SM check $R "$T/secret.txt"
else
    skip unreadable "running as root, and cannot become nobody"
fi

printf 'Skills: Python, PyTorch\n' >"$T/my resume.txt"
t name_spaces 0 "" "my resume.txt" $SM check $R "$T/my resume.txt"
printf 'Skills: Python, PyTorch\n' >"$T/résumé 履歴書.txt"
t name_unicode 0 "" "résumé 履歴書.txt" $SM check $R "$T/résumé 履歴書.txt"
nl='
'
printf 'Skills: Python, PyTorch\n' >"$T/new${nl}line.txt"
t name_newline 0 "" 'new\nline.txt' $SM check $R -f json "$T/new${nl}line.txt"
t name_missing 3 "no such résumé.txt: No such file or directory" "" \
    $SM check $R "no such résumé.txt"

t max_size_nan 2 "--max-size takes a size" "" \
    $SM check $R --max-size nan corpus/resumes/mid.txt

# the good file's report is written even though the other is missing
t output_kept 3 "missing.txt: No such file or directory" "" \
    $SM check $R -o "$T/report.txt" corpus/resumes/mid.txt "$T/missing.txt"
t output_content 0 "" "Suggested level" cat "$T/report.txt"
t output_no_temp 0 "" "" sh -c "! ls '$T' | grep -q 'report.txt.tmp'"
t output_unwritable 2 "cannot write" "" \
    $SM check $R -o "$T/no/such/dir/report.txt" corpus/resumes/mid.txt

# drafts whose front matter, fence or comment never ends
printf -- '---\nlevel: senior\n# Senior ML Engineer\n' >"$T/open-front.md"
t lint_open_front_matter 1 "1 draft:" "does not ask for Python" \
    $SM lint $R "$T/open-front.md"
printf '# Senior ML Engineer\n```\nPython, PyTorch\n' >"$T/open-fence.md"
t lint_open_fence 1 "1 draft:" "does not ask for Python" \
    $SM lint $R "$T/open-fence.md"
printf '# Senior ML Engineer\n<!-- skillmatch-disable\nPython\n' \
    >"$T/open-comment.md"
t lint_open_comment 1 "1 draft:" "[missing-required]" \
    $SM lint $R "$T/open-comment.md"

# ---- a folder of good and bad files (screen) -------------------------------
# every file is reported, the good ones exactly as when alone, exit 3; a
# FIFO met on the walk is reported, never opened (it would block)
M=$T/mixed
mkdir -p "$M/sub"
cp corpus/resumes/mid.txt corpus/resumes/junior.md "$M/"
: >"$M/empty.txt"
printf 'Python\0SQL' >"$M/nul.txt"
printf '\211PNG\r\n\032\n\0\0' >"$M/photo.png"
ln -s loop "$M/loop.txt"
ln -s .. "$M/sub/up"
mkfifo "$M/pipe.txt"
printf 'Skills: PyTorch\n' >"$M/sub/s.txt"
printf 'Skills: Python\n' >"$M/new${nl}line.txt"
t screen_mixed 3 "screened 8 files: 4 ok, 4 failed" "a named pipe" \
    $SM screen $R -f tsv "$M"
t screen_follow_loop 3 "not walked again" "" $SM screen $R --follow "$M"
$SM screen $R -f tsv "$M" 2>/dev/null | grep 'mid\.txt' >"$T/row.mixed"
$SM screen $R -f tsv "$M/mid.txt" 2>/dev/null | grep 'mid\.txt' >"$T/row.alone"
t screen_good_intact 0 "" "" cmp "$T/row.mixed" "$T/row.alone"
t screen_tsv_newline 3 "" 'new\nline.txt' $SM screen $R -f tsv "$M"
t screen_output_kept 3 "" "" $SM screen $R -f tsv -o "$T/screen.tsv" "$M"
t screen_output_content 0 "" "junior.md" cat "$T/screen.tsv"

# ---- rules folders --------------------------------------------------------
# rules_with NAME: a folder holding the base rules and $NAME.yaml (stdin)
rules_with() {
    mkdir -p "$T/$1/rules"
    cp tests/hostile/rules/base.yaml "$T/$1/rules/"
    cat >"$T/$1/rules/$1.yaml"
}

rules_with bad_regex <<'EOF'
skills:
  - id: broken
    name: Broken
    category: ml
    source: "000:1"
    triggers: [broken]
    patterns:
      - 'broken(?<=a+)['
EOF
t rules_bad_regex 2 "bad_regex.yaml:8:10: skill 'broken': bad pattern:" "" \
    $SM rules check "$T/bad_regex/rules"

rules_with unknown_key <<'EOF'
skills:
  - id: keyed
    name: Keyed
    category: ml
    colour: red
    source: "000:1"
    patterns: ['keyed']
EOF
t rules_unknown_key 2 "unknown_key.yaml:5:5: skill: unknown key 'colour'" "" \
    $SM rules check "$T/unknown_key/rules"

rules_with dup_id <<'EOF'
skills:
  - id: python
    name: Python again
    category: languages
    source: "000:1"
    triggers: [python]
    patterns: ['python']
EOF
t rules_duplicate_id 2 "duplicate skill id 'python'" "" \
    $SM rules check "$T/dup_id/rules"

rules_with alias_bomb <<'EOF'
lint:
  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
  g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
EOF
t rules_alias_bomb 2 "alias_bomb.yaml:2:6: YAML anchors are not allowed" "" \
    $SM rules check "$T/alias_bomb/rules"

{ printf 'skills:\n'; printf '  - id: long\n    name: Long\n'
  printf '    category: ml\n    source: "000:1"\n    triggers: [a]\n'
  printf "    patterns:\n      - '"
  head -c 1048576 /dev/zero | tr '\0' 'a'
  printf "'\n"; } | rules_with long_pattern
t rules_1mb_pattern 2 "skill 'long': pattern longer than 65536 bytes" "" \
    $SM rules check "$T/long_pattern/rules"

{ printf 'skills: '; i=0
  while [ $i -lt 100 ]; do printf '['; i=$((i + 1)); done; echo; } |
    rules_with deep
t rules_deep_nesting 2 "YAML nesting deeper than 64" "" \
    $SM rules check "$T/deep/rules"

printf 'skills: [\377\376\0]\n' | rules_with binary
t rules_binary 2 "binary.yaml" "" $SM rules check "$T/binary/rules"

t rules_missing 2 "cannot read rules folder" "" \
    $SM rules check "$T/no-such-rules"

# A catastrophic pattern: reported at match time with the skill's id and
# the pattern's place, never a hang; other documents are still read.
rules_with slow <<'EOF'
skills:
  - id: slow
    name: Slow
    category: ml
    source: "000:1"
    triggers: [a*]
    patterns:
      - '(a+)+$'
EOF
{ head -c 40 /dev/zero | tr '\0' 'a'; printf 'b\n'; } >"$T/aaa.txt"
t rules_catastrophic 3 \
    "aaa.txt: skill 'slow': pattern '(a+)+\$': match limit exceeded (" "" \
    $SM check --rules "$T/slow/rules" -q "$T/aaa.txt"
t rules_catastrophic_next 3 "" "Skills found (2)" \
    $SM check --rules "$T/slow/rules" -q "$T/aaa.txt" "$T/utf16le.txt"

echo "hostile: $pass passed, $fail failed${skip:+, $skip skipped}"
[ $fail = 0 ]
