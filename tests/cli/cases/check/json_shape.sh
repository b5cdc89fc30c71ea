# one JSON shape whatever the number of files: always an array; jsonl is
# one compact object a line; the same with --job
for n in 1 2; do
    set -- tests/eval/one.txt corpus/resumes/mid.txt
    [ $n = 1 ] && set -- tests/eval/one.txt
    $SM check --today 2026-11 -f json "$@" | python3 -c '
import json, sys; d = json.load(sys.stdin)
print(type(d).__name__, len(d), [x["file"] for x in d])'
    $SM check --today 2026-11 -f jsonl "$@" | python3 -c '
import json, sys
for line in sys.stdin: d = json.loads(line); print(type(d).__name__, d["file"], d["suggested_level"])'
done
$SM check --today 2026-11 -f jsonl tests/job/resumes/resume-ml.txt \
    corpus/resumes/mid.txt --job tests/job/postings/posting-structured.md |
    python3 -c '
import json, sys
for line in sys.stdin: d = json.loads(line); print(d["file"], d["match"]["score"])'
$SM check --today 2026-11 -f json tests/job/resumes/resume-ml.txt \
    --job tests/job/postings/posting-structured.md | python3 -c '
import json, sys; d = json.load(sys.stdin); print(type(d).__name__, len(d))'
echo "== nothing readable: an empty array, exit 3"
$SM check -f json no-such-file.txt 2>/dev/null; echo "exit $?"
$SM check -f yaml tests/eval/one.txt
