# 3.9 years had against 3+ asked is ok; the accountant has no ML years
$SM check tests/job/resumes/resume-accountant.txt --job tests/job/postings/posting-structured.md --today 2026-11 -f json | python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(d["match"]["years_fit"], d["match"]["level_fit"], d["match"]["score"])'
$SM check tests/job/resumes/resume-ml.txt --job tests/job/postings/posting-structured.md --today 2013-01 -f json | python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(d["match"]["years_fit"])'
