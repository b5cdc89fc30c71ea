$SM check tests/job/resumes/resume-ml.txt --job tests/job/postings/posting-structured.md --today 2026-11
