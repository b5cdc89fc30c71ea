d=$(mktemp -d); $SM check --today 2026-11 -f json -o "$d/r.json" tests/eval/one.txt && ls "$d" && head -3 "$d/r.json"; rm -rf "$d"
