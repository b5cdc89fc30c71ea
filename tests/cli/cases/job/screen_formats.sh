for f in table csv tsv; do $SM screen tests/job/resumes --job tests/job/postings/posting-structured.md --today 2026-11 -q -f $f; done
$SM screen tests/job/resumes --job tests/job/postings/posting-structured.md --today 2026-11 -q -f jsonl | python3 -c 'import json,sys
for l in sys.stdin: d=json.loads(l); print(d["file"], d["status"], d["match"]["score"], d["match"]["missing"])'
$SM screen tests/job/resumes --job tests/job/postings/posting-structured.md --today 2026-11 -q -f json | python3 -c 'import json,sys
for d in json.load(sys.stdin): print(d["file"], d["job"]["file"], d["match"]["score"])'
