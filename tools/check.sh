#!/bin/sh
# Run every test suite and close with one "N passed, N failed" line.
#   tools/check.sh BUILD_DIR     (SKILLMATCH_BIN names the program to test)
build=${1:-build}
SM=${SKILLMATCH_BIN:-matcher/skillmatch}
export SKILLMATCH_BIN=$SM
log=$(mktemp)
trap 'rm -f "$log"' EXIT
total_pass=0 total_fail=0 broken=0

run() {   # run a suite; count its "N passed, N failed" line
    name=$1; shift
    "$@" >"$log" 2>&1
    code=$?
    cat "$log"
    line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
    p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed.*/\2/')
    f=$(echo "$line" | sed -E 's/^.*[^0-9]([0-9]+) failed.*/\1/')
    if [ -z "$line" ]; then
        echo "$name: no result line (exit $code)"; p=0; f=1
    elif [ $code != 0 ] && [ "$f" = 0 ]; then
        echo "$name: exit $code"; f=1
    fi
    total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}

for t in "$build"/tests/test_*; do
    [ -x "$t" ] && run "$(basename "$t")" "$t"
done
run "rules check" "$SM" rules check rules
run "modgraph" python3 tools/modgraph.py "$build"
run "exports" sh tests/exports.sh "$build"
run "cli" sh tests/cli/run.sh
run "completion" sh tests/completion/run.sh
run "lint schemas" sh tests/lint/validate.sh
[ -x "${EVAL:-build/eval}" ] && run "eval harness" sh tests/eval_runs.sh
[ -f tests/fuzz/replay.sh ] && run "fuzz replay" sh tests/fuzz/replay.sh "$build"
[ -f tests/hostile/run.sh ] && SHAPES_BIN=$build/shapes PEAK_BIN=$build/peak \
    run "hostile" sh tests/hostile/run.sh
[ -f tests/screen/run.sh ] && run "screen" sh tests/screen/run.sh
[ -f tests/formats/run.sh ] && run "formats" sh tests/formats/run.sh
[ -f tests/html/run.sh ] && run "browser" sh tests/html/run.sh "$build/html-test"
[ -f tests/dist/run.sh ] && run "dist" sh tests/dist/run.sh
echo "$total_pass passed, $total_fail failed"
[ $total_fail = 0 ]
