cat corpus/resumes/senior.txt | $SM check --today 2026-11 --format json -
