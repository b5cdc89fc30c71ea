$SM check --today 2026-11 corpus/resumes/mid.txt
