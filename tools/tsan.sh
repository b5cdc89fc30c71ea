#!/bin/sh
# The bulk paths under ThreadSanitizer: the screen cases of the CLI suite,
# then screen over the whole corpus at several -j (the output must not
# change with -j), and the --stdin-jsonl filter. Any race stops the run.
#   tools/tsan.sh          (SKILLMATCH_BIN names a -fsanitize=thread build)
SM=${SKILLMATCH_BIN:?SKILLMATCH_BIN must name a TSan build}
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
export NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -f "$2" ] && head -40 "$2"; }

# the commands that run on the worker pool: screen and lint
cases=$(cd tests/cli/cases && ls -d screen lint 2>/dev/null)
if [ -n "$cases" ]; then
    if SKILLMATCH_BIN=$SM sh tests/cli/run.sh $cases >"$tmp/cli" 2>&1; then
        ok
    else
        bad "screen and lint cases of the CLI suite" "$tmp/cli"
    fi
fi

inputs="corpus/eval/resumes corpus/resumes corpus/jobs"
for j in 1 2 4 8; do
    "$SM" screen --rules rules -q -j $j -f tsv $inputs >"$tmp/out.$j" \
        2>"$tmp/err.$j"
    code=$?
    if grep -q "ThreadSanitizer" "$tmp/err.$j"; then
        bad "screen -j $j: data race" "$tmp/err.$j"
    elif [ $code -gt 3 ]; then
        bad "screen -j $j: exit $code" "$tmp/err.$j"
    elif [ $j != 1 ] && ! cmp -s "$tmp/out.1" "$tmp/out.$j"; then
        bad "screen -j $j: output differs from -j 1" /dev/null
        diff "$tmp/out.1" "$tmp/out.$j" | head -10
    else
        ok
    fi
done

# the same files as JSON lines on standard input
awk 'FNR == 1 { if (NR > 1) print "\"}"; printf "{\"id\": \"%s\", \"text\": \"", FILENAME }
     { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r")
       printf "%s\\n", $0 }
     END { print "\"}" }' corpus/eval/resumes/*.txt >"$tmp/in.jsonl"
for j in 1 4; do
    "$SM" screen --rules rules -q -j $j --stdin-jsonl -f tsv \
        <"$tmp/in.jsonl" >"$tmp/jl.$j" 2>"$tmp/jerr.$j"
    code=$?
    if grep -q "ThreadSanitizer" "$tmp/jerr.$j"; then
        bad "screen --stdin-jsonl -j $j: data race" "$tmp/jerr.$j"
    elif [ $code -gt 3 ] || [ ! -s "$tmp/jl.$j" ]; then
        bad "screen --stdin-jsonl -j $j: exit $code" "$tmp/jerr.$j"
    elif [ $j != 1 ] && ! cmp -s "$tmp/jl.1" "$tmp/jl.$j"; then
        bad "screen --stdin-jsonl -j $j: output differs from -j 1" /dev/null
    else
        ok
    fi
done
echo "tsan: $pass passed, $fail failed"
[ $fail = 0 ]
