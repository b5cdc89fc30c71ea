$SM screen tests/job/resumes --job tests/job/postings/posting-structured.md --job tests/job/postings/posting-flat.txt --today 2026-11 -q -f csv
$SM screen tests/job/resumes --jobs tests/job/postings --today 2026-11 -q
$SM screen tests/job/resumes --job tests/job/postings/posting-structured.md --job tests/job/postings/posting-flat.txt --today 2026-11 -q -f json | python3 -c 'import json,sys
for d in json.load(sys.stdin): print(d["file"], d["best_job"], [(m["job"], m["score"]) for m in d["matches"]])'
