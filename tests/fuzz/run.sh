#!/bin/sh
# Run one libFuzzer target (built by `make fuzz`) for a while, from the
# repo root so that fuzz_doc finds ./rules.
#   tests/fuzz/run.sh TARGET SECONDS [LIBFUZZER_OPTION...]
# New inputs go to $FUZZ_BUILD/corpus/TARGET (the seeds in the repo stay
# as they are); crashes to $FUZZ_BUILD/artifacts/TARGET/. A crasher worth
# keeping, once fixed, goes to tests/fuzz/crashers/TARGET/.
set -e
target=${1:?usage: run.sh TARGET SECONDS}
secs=${2:-600}
shift 2 || shift $#
out=${FUZZ_BUILD:-build-fuzz}
bin=$out/$target
[ -x "$bin" ] || { echo "run.sh: $bin missing; run 'make fuzz'" >&2; exit 2; }
mkdir -p "$out/corpus/$target" "$out/artifacts/$target"
dict=
[ -f "tests/fuzz/$target.dict" ] && dict=-dict=tests/fuzz/$target.dict
# the seeds and the kept crashers, where the target has them
seeds=
for d in "tests/fuzz/corpus/$target" "tests/fuzz/crashers/$target"; do
    [ -d "$d" ] && seeds="$seeds $d"
done
# shellcheck disable=SC2086
exec "$bin" "$out/corpus/$target" $seeds $dict -max_total_time="$secs" -timeout=20 \
    -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$target/" "$@"
