printf '{"id":"a","text":"Python, SQL, TensorFlow, Docker"}\n{"id":"b","text":"Accounting and audits"}\n' |
  $SM screen --stdin-jsonl --job tests/job/postings/posting-structured.md -q | python3 -c 'import json,sys
for l in sys.stdin: d=json.loads(l); print(d["file"], d["match"]["score"], d["match"]["missing"])'
