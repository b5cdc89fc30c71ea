# "we do not use Java" asks nothing; "No experience with Spark" shows nothing
$SM check tests/job/resumes/resume-ml.txt --job tests/job/postings/posting-structured.md --today 2026-11 -f json | python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; a=d["job"]["required"]+d["job"]["preferred"]; print("java" in a, "big_data" in d["match"]["matched"])'
