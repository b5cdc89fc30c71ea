#!/bin/sh
# The --stdin-jsonl filter on a real distributed engine: Dask distributed
# (examples/dask/screen_dask.py, a LocalCluster of 2 worker processes, one
# thread each) over partitions of a JSON-lines file gives the same rows as
# one process over the whole file. Installs Debian's python3-distributed
# through tools/deps.sh when it may; skips, saying so, only when the
# package cannot be had. Run from the repository root:
#   tests/dist/run.sh          (SKILLMATCH_BIN names the program)
SM=${SKILLMATCH_BIN:-matcher/skillmatch}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0

# Debian's package is for Debian's python3, which may not be the first on
# PATH (pyenv, a venv): the first of the two that imports it
have_dask() {
    for PY in /usr/bin/python3 python3; do
        "$PY" -c 'import dask.distributed' >/dev/null 2>&1 && return 0
    done
    return 1
}
have_dask || sh tools/deps.sh python3-distributed >/dev/null 2>&1
if ! have_dask; then
    echo "SKIP Dask distributed cannot be imported and could not be" \
        "installed (Debian package python3-distributed; run as root)"
    echo "dist: 0 passed, 0 failed, 1 skipped"
    exit 0
fi

# a copy of the rules, so that every run reads the same ones
mkdir "$tmp/rules" "$tmp/corpus"
cp rules/*.yaml "$tmp/rules/" && cp corpus/facts.yaml "$tmp/corpus/"
# the sample, labelled and 200 made-up resumes as {"id", "text"} lines,
# and one line that is not JSON (its row says why, in its place)
sh tools/gen_corpus "$tmp/gen" 200 || { echo "FAIL gen_corpus"; fail=1; }
find corpus/resumes corpus/eval "$tmp/gen" -type f | LC_ALL=C sort >"$tmp/list"
"$PY" - "$tmp/list" "$tmp/docs.jsonl" <<'PY'
import json, sys
paths = open(sys.argv[1]).read().split("\n")[:-1]
with open(sys.argv[2], "w") as out:
    for i, p in enumerate(paths):
        text = open(p, encoding="utf-8", errors="replace").read()
        out.write(json.dumps({"id": p.split("/")[-1] + "#%d" % i,
                              "text": text}) + "\n")
        if i == len(paths) // 2:
            out.write("{not json\n")
PY
docs=$(wc -l <"$tmp/docs.jsonl")
R="--rules $tmp/rules --today 2026-01"

"$SM" screen --stdin-jsonl -q -j1 $R <"$tmp/docs.jsonl" >"$tmp/one.jsonl"
"$PY" examples/dask/screen_dask.py --workers 2 --partitions 7 \
    --skillmatch "$SM" "$tmp/docs.jsonl" "$tmp/dask.jsonl" -- $R \
    2>"$tmp/dask.err"
code=$?
rows=$(wc -l <"$tmp/one.jsonl")
if [ $code = 0 ] && [ "$rows" = "$docs" ] && [ "$rows" -gt 300 ] &&
    cmp -s "$tmp/one.jsonl" "$tmp/dask.jsonl"; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "FAIL Dask over 7 partitions = one process ($docs lines, $rows rows, exit $code)"
    tail -5 "$tmp/dask.err"
    diff "$tmp/one.jsonl" "$tmp/dask.jsonl" | head -5
fi
# it really ran on the cluster: 7 partitions on 2 workers
if grep -q '^screen_dask: 7 partitions on 2 workers' "$tmp/dask.err"; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "FAIL screen_dask did not report 7 partitions on 2 workers"
    tail -5 "$tmp/dask.err"
fi
# the line that is not JSON has its row, in its place
if grep -q '"status": *"error"' "$tmp/dask.jsonl"; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "FAIL the bad line has no error row"
fi
# a broken command (rules that do not exist) fails the run, naming it
"$PY" examples/dask/screen_dask.py --workers 2 --partitions 2 \
    --skillmatch "$SM" "$tmp/docs.jsonl" "$tmp/bad.jsonl" -- \
    --rules "$tmp/no-such-rules" >/dev/null 2>"$tmp/bad.err"
if [ $? != 0 ] && grep -q 'skillmatch exited 2' "$tmp/bad.err"; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "FAIL a failing skillmatch did not fail the Dask run"
fi

echo "dist: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
