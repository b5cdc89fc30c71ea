$SM check --today 2026-11 --level mid --min-score 0.7 corpus/resumes/mid.txt >/dev/null
