#!/bin/sh
# Run every libFuzzer target (built by `make fuzz`) in turn for SECONDS
# each, on its seeds and kept crashers, and print one table row a target:
# seconds run, executions, exec/s, coverage (edges) and features reached,
# and whether it stopped on a finding. Exit 1 when any target failed to
# start or found something (its input is in build-fuzz/artifacts/TARGET/).
#   tools/fuzz_all.sh SECONDS [TARGET...]
secs=${1:?usage: fuzz_all.sh SECONDS [TARGET...]}
shift
out=${FUZZ_BUILD:-build-fuzz}
targets=$*
[ -n "$targets" ] || targets=$(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//')
log=$(mktemp)
trap 'rm -f "$log"' EXIT
bad=0
rows=
for t in $targets; do
    sh tests/fuzz/run.sh "$t" "$secs" >"$log" 2>&1
    code=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | sed 's/cov: //')
    ft=$(grep -Eo 'ft: [0-9]+' "$log" | tail -1 | sed 's/ft: //')
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
    if [ $code = 0 ] && [ -n "$runs" ]; then
        finding=none
    else
        bad=1
        finding=$(grep -Eo 'ERROR: [A-Za-z]+: [a-z-]+|runtime error: .*|No such file.*|FUZZ_ASSERT.*' "$log" | head -1)
        [ -n "$finding" ] || finding="exit $code"
        echo "== $t: last lines of its log" >&2
        tail -25 "$log" >&2
    fi
    rows="$rows| \`$t\` | ${took:-?} s | ${runs:-0} | ${rate:-0} | ${cov:-?} | ${ft:-?} | $finding |
"
done
echo "| target | ran | executions | exec/s | coverage (edges) | features | finding |"
echo "|---|---|---|---|---|---|---|"
printf '%s' "$rows"
echo "($(date -u +%Y-%m-%d), $(nproc) cores, SECONDS=$secs)"
exit $bad
