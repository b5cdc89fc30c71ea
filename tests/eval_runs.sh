#!/bin/sh
# The evaluation harness runs and prints its tables, and its floors fail a
# run (the figures themselves are for `make eval`, which checks them
# against tools/eval.floors).
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
# floors: met ones pass, one above what can be reached fails the run
tmp=$(mktemp) && trap 'rm -f "$tmp"' EXIT
echo "precision 0.5" >"$tmp"
"$EVAL" --floors "$tmp" tests/eval >/dev/null 2>&1 && pass=$((pass + 1)) ||
    { fail=$((fail + 1)); echo "eval: a floor that is met failed the run"; }
printf '# too high\nrecall 1.5\n' >"$tmp"
"$EVAL" --floors "$tmp" tests/eval >"$tmp.out" 2>&1; code=$?
if [ $code = 1 ] && grep -q '^below floor: recall 1.000 < 1.500$' "$tmp.out"; then
    pass=$((pass + 1)); else fail=$((fail + 1))
    echo "eval: a floor above the figure gave exit $code:"; cat "$tmp.out"; fi
rm -f "$tmp.out"
echo "eval harness: $pass passed, $fail failed"
[ $fail = 0 ]
