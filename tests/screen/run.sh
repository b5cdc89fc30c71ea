#!/bin/sh
# screen gives the same results however it runs: with -j1 and -j4, with
# and without the trigger and literal prefilters (--full-scan), and as a
# JSON-lines filter split by GNU parallel. Run from the repository root:
#   tests/screen/run.sh          (SKILLMATCH_BIN names the program)
SM=${SKILLMATCH_BIN:-matcher/skillmatch}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a copy of the rules, so that every run below reads the same ones
mkdir "$tmp/rules" "$tmp/corpus"
cp rules/*.yaml "$tmp/rules/" && cp corpus/facts.yaml "$tmp/corpus/"
R="--rules $tmp/rules --today 2026-01 -q"
pass=0 fail=0 skip=0

same() {   # same NAME FILE1 FILE2
    if [ -s "$2" ] && cmp -s "$2" "$3"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $1"
        diff "$2" "$3" | head -10
    fi
}

# the sample resumes, the labelled set, and made-up resumes of every kind
sh tools/gen_corpus "$tmp/gen" 300 || { echo "FAIL gen_corpus"; fail=1; }
set -- corpus/resumes corpus/eval "$tmp/gen"

"$SM" screen $R -j1 -f jsonl "$@" >"$tmp/j1.jsonl"
"$SM" screen $R -j4 -f jsonl "$@" >"$tmp/j4.jsonl"
same "-j1 and -j4 give the same JSON lines" "$tmp/j1.jsonl" "$tmp/j4.jsonl"
"$SM" screen $R -j1 -f csv "$@" >"$tmp/j1.csv"
"$SM" screen $R -j3 -f csv "$@" >"$tmp/j3.csv"
same "-j1 and -j3 give the same CSV" "$tmp/j1.csv" "$tmp/j3.csv"

"$SM" screen $R --full-scan -j2 -f jsonl "$@" >"$tmp/full.jsonl"
same "prefilters change nothing (corpus/resumes, corpus/eval, generated)" \
    "$tmp/j1.jsonl" "$tmp/full.jsonl"

# the JIT only where it pays (regex.c) changes nothing: the old way, every
# pattern JIT-compiled at load, and the interpreter alone give the rows
# that the default (JIT after a pattern's 256th find, several threads
# racing to it) gives; and so do check, lint and a posting match
SKILLMATCH_JIT=eager "$SM" screen $R -j1 -f jsonl "$@" >"$tmp/eager.jsonl"
SKILLMATCH_JIT=off "$SM" screen $R -j2 -f jsonl "$@" >"$tmp/nojit.jsonl"
"$SM" screen $R -j2 -f jsonl "$@" >"$tmp/lazy2.jsonl"
same "JIT when it pays = JIT of all at load (screen)" "$tmp/eager.jsonl" \
    "$tmp/j1.jsonl"
same "interpreter only = JIT of all at load (screen)" "$tmp/eager.jsonl" \
    "$tmp/nojit.jsonl"
same "JIT when it pays, 2 threads = JIT of all at load (screen)" \
    "$tmp/eager.jsonl" "$tmp/lazy2.jsonl"
# the rows of before the change, kept: corpus/resumes, corpus/eval and the
# sample resumes of tests/job, by commit 0f4a95e: as CSV, and the JSON
# lines (1.4 MB) by their SHA-256
"$SM" screen $R -j2 -f csv corpus/resumes corpus/eval tests/job/resumes \
    >"$tmp/now.csv"
same "screen rows as before the lazy JIT (tests/screen/before.csv)" \
    tests/screen/before.csv "$tmp/now.csv"
"$SM" screen $R -j2 -f jsonl corpus/resumes corpus/eval tests/job/resumes |
    sha256sum | cut -d' ' -f1 >"$tmp/now.sha256"
same "screen JSON lines as before (tests/screen/before.jsonl.sha256)" \
    tests/screen/before.jsonl.sha256 "$tmp/now.sha256"
for mode in eager lazy; do
    SKILLMATCH_JIT=$mode "$SM" check $R -f json corpus/resumes/*.txt \
        >"$tmp/check-$mode.json"
    SKILLMATCH_JIT=$mode "$SM" check $R -f json \
        --job tests/job/postings/posting-structured.md \
        tests/job/resumes/resume-ml.txt >"$tmp/job-$mode.json"
    SKILLMATCH_JIT=$mode "$SM" lint $R -f json corpus/jobs \
        >"$tmp/lint-$mode.json" 2>&1
done
same "JIT when it pays = JIT of all at load (check)" "$tmp/check-eager.json" \
    "$tmp/check-lazy.json"
same "JIT when it pays = JIT of all at load (check --job)" \
    "$tmp/job-eager.json" "$tmp/job-lazy.json"
same "JIT when it pays = JIT of all at load (lint)" "$tmp/lint-eager.json" \
    "$tmp/lint-lazy.json"

# every file as one JSON line {"id": path, "text": contents}
find corpus/resumes corpus/eval "$tmp/gen" -type f | LC_ALL=C sort |
    tr '\n' '\0' | xargs -0 env LC_ALL=C awk '
    BEGIN { for (i = 1; i < 32; i++) ctl[sprintf("%c", i)] = sprintf("\\u%04x", i) }
    function esc(s,    out, i, c) {
        out = ""
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (c == "\\") out = out "\\\\"
            else if (c == "\"") out = out "\\\""
            else if (c in ctl) out = out ctl[c]
            else out = out c
        }
        return out
    }
    function flush() {
        if (id != "") printf "{\"id\": \"%s\", \"text\": \"%s\"}\n", esc(id), text
    }
    FNR == 1 { flush(); id = FILENAME; text = "" }
    { text = text (FNR > 1 ? "\\n" : "") esc($0) }
    END { flush() }' >"$tmp/docs.jsonl"
"$SM" screen $R --stdin-jsonl <"$tmp/docs.jsonl" >"$tmp/one.jsonl"
"$SM" screen $R --stdin-jsonl -j1 <"$tmp/docs.jsonl" >"$tmp/one-j1.jsonl"
same "--stdin-jsonl: -j1 and all cores" "$tmp/one.jsonl" "$tmp/one-j1.jsonl"

if ! command -v parallel >/dev/null 2>&1 && [ "$(id -u)" = 0 ] &&
    command -v apt-get >/dev/null 2>&1; then
    echo "screen: installing GNU parallel (Debian package parallel)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq parallel \
        >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 &&
          DEBIAN_FRONTEND=noninteractive apt-get install -y -qq parallel \
              >/dev/null 2>&1; }
fi
if command -v parallel >/dev/null 2>&1 &&
    parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
    # small blocks: many jobs, each given a part of the lines
    parallel --will-cite --pipe -k -j 4 --block 100k \
        "$SM" screen $R --stdin-jsonl -j1 <"$tmp/docs.jsonl" >"$tmp/par.jsonl"
    jobs=$(parallel --will-cite --pipe -k -j 4 --block 100k wc -l \
        <"$tmp/docs.jsonl" | wc -l)
    if [ "$jobs" -lt 4 ]; then
        fail=$((fail + 1))
        echo "FAIL GNU parallel ran $jobs jobs, not several"
    fi
    same "parallel --pipe -k over $jobs jobs = one process" \
        "$tmp/one.jsonl" "$tmp/par.jsonl"
else
    skip=$((skip + 1))
    echo "SKIP GNU parallel is not installed (Debian package 'parallel';" \
        "run as root to have this test install it)"
fi

echo "screen: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
