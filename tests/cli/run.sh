#!/bin/sh
# CLI golden tests, in a folder per command: tests/cli/cases/CMD/NAME.sh is
# a shell snippet run from the repo root with $SM naming the program;
# NAME.exit holds the exit status it must give, NAME.out its exact
# standard output and NAME.err its exact standard error. Standard error is
# always compared: with no NAME.err, it must be empty.
#   tests/cli/run.sh [--update] [CMD/NAME | CMD ...]
#   (--update rewrites the expectations; NAME.err only where there is
#   something on standard error)
SM=${SKILLMATCH_BIN:-matcher/skillmatch}
export SM
# output must not depend on the day or the terminal
export NO_COLOR=1 SKILLMATCH_RULES=rules
update=0
[ "$1" = "--update" ] && { update=1; shift; }
dir=tests/cli/cases
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
if [ $# -gt 0 ]; then
    cases=$(for a in "$@"; do
        if [ -d "$dir/$a" ]; then (cd $dir && ls "$a"/*.sh); else
            echo "$a.sh"; fi; done | sed 's/\.sh$//')
else
    cases=$(cd $dir && ls */*.sh | sed 's/\.sh$//')
fi
: >"$tmp/empty"
for name in $cases; do
    sh "$dir/$name.sh" >"$tmp/out" 2>"$tmp/err" </dev/null
    code=$?
    if [ $update = 1 ]; then
        echo $code >"$dir/$name.exit"
        cp "$tmp/out" "$dir/$name.out"
        if [ -s "$tmp/err" ]; then cp "$tmp/err" "$dir/$name.err"; else
            rm -f "$dir/$name.err"; fi
        continue
    fi
    ok=1
    want=$(cat "$dir/$name.exit" 2>/dev/null)
    if [ "$code" != "$want" ]; then
        echo "FAIL $name: exit $code, want $want"; ok=0
    fi
    if ! cmp -s "$tmp/out" "$dir/$name.out"; then
        echo "FAIL $name: stdout differs"; diff "$dir/$name.out" "$tmp/out" | head -20; ok=0
    fi
    err="$dir/$name.err"
    [ -f "$err" ] || err="$tmp/empty"
    if ! cmp -s "$tmp/err" "$err"; then
        echo "FAIL $name: stderr differs"; diff "$err" "$tmp/err" | head -20; ok=0
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); else
        fail=$((fail + 1)); sed 's/^/  stderr: /' "$tmp/err" | head -5; fi
done
[ $update = 1 ] && { echo "expectations rewritten"; exit 0; }
echo "cli: $pass passed, $fail failed"
[ $fail = 0 ]
