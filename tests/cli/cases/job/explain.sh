$SM explain tests/job/resumes/resume-ml.txt tensorflow --job tests/job/postings/posting-structured.md | grep -v 'defined at\|exclusion\|triggers'
$SM explain tests/job/resumes/resume-ml.txt java --job tests/job/postings/posting-structured.md | head -2
