$SM check --today 2026-11 --format json corpus/resumes/junior.md corpus/resumes/non_ml.txt
