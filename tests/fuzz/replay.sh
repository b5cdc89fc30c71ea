#!/bin/sh
# Replay every fuzz target's corpus and crashers without libFuzzer: the
# targets linked with replay.c (the Makefile builds them into BUILD/fuzz/
# with the same flags as the rest, so `make asan` replays under ASan).
# One test per input; when a target fails, its inputs are rerun one by one
# to name the failing ones.
#   tests/fuzz/replay.sh [BUILD_DIR]
build=${1:-build}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
pass=0 fail=0
for src in tests/fuzz/fuzz_*.c; do
    t=$(basename "$src" .c)
    bin=$build/fuzz/$t
    if [ ! -x "$bin" ] &&
       ! make --no-print-directory BUILD="$build" "$bin" >"$log" 2>&1; then
        cat "$log"; echo "FAIL $t: does not build"; fail=$((fail + 1)); continue
    fi
    inputs=$(find "tests/fuzz/corpus/$t" "tests/fuzz/crashers/$t" -type f \
             ! -name README 2>/dev/null | sort)
    n=$(echo "$inputs" | grep -c .)
    if "$bin" "tests/fuzz/corpus/$t" "tests/fuzz/crashers/$t" >"$log" 2>&1; then
        pass=$((pass + n))
        continue
    fi
    for f in $inputs; do   # corpus file names have no spaces
        if "$bin" "$f" >"$log" 2>&1; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $t $f"; tail -20 "$log" | sed 's/^/  /'
        fi
    done
done
echo "fuzz replay: $pass passed, $fail failed"
[ $fail = 0 ]
