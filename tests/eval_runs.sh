#!/bin/sh
# The evaluation harness runs and prints its tables (the figures themselves
# are for `make eval`, not a test).
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
echo "eval harness: $pass passed, $fail failed"
[ $fail = 0 ]
