# no headings or phrases: everything the posting names is required
$SM check tests/job/resumes/resume-ml.txt --job tests/job/postings/posting-flat.txt --today 2026-11 -f json | python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(d["job"]["required"], d["job"]["preferred"])'
