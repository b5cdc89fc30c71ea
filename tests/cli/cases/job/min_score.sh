$SM check tests/job/resumes/resume-ml.txt --job tests/job/postings/posting-structured.md --today 2026-11 --min-score 0.9 >/dev/null
echo "exit $?"
$SM check tests/job/resumes/resume-ml.txt --job tests/job/postings/posting-structured.md --today 2026-11 --min-score 0.5 >/dev/null
echo "exit $?"
