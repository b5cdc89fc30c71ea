#!/bin/sh
# The evaluation harness runs and prints its tables (the figures themselves
# are for `make eval`), its floors fail as they should, and corpus/flat
# meets its years and degree floors.
EVAL=${EVAL:-build/eval}
pass=0 fail=0
out=$("$EVAL" tests/eval 2>&1); code=$?
check() {
    if printf '%s\n' "$out" | grep -q "$1"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "eval output lacks: $1"; fi
}
[ $code = 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "eval exit $code"; }
check '^skill  *gold  *tp  *fp  *fn  *prec  *recall  *f1$'
check '^python  *1  *1  *0  *0  *1.000'
check '^overall (micro): tp [0-9]'
check '^years: 1 resumes with gold years'
check '^level confusion'
check '^level accuracy: [0-9]* of 1 '
check '^false degrees: 0$'
# floors: met, and a floor not met is exit 1
out=$("$EVAL" --min-years 90 --max-false-degrees 0 tests/eval 2>&1); code=$?
[ $code = 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "eval floors: exit $code"; }
check '^floors: met$'
out=$("$EVAL" --min-f1 1.01 tests/eval 2>&1); code=$?
[ $code = 1 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "eval below a floor: exit $code, want 1"; }
check '^FLOOR: skill F1'
# the flattened and oddly dated set (corpus/flat) holds its floors (issue 14)
if [ -d corpus/flat ]; then
    out=$("$EVAL" --min-years 90 --max-false-degrees 0 corpus/flat 2>&1); code=$?
    [ $code = 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); printf '%s\n' "$out" | grep -E 'FLOOR|FALSE'; }
fi
echo "eval harness: $pass passed, $fail failed"
[ $fail = 0 ]
