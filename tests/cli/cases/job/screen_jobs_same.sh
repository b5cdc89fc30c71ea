# the same rows whatever -j
a=$($SM screen tests/job/resumes corpus/resumes --job tests/job/postings/posting-structured.md --today 2026-11 -q -f jsonl -j1)
b=$($SM screen tests/job/resumes corpus/resumes --job tests/job/postings/posting-structured.md --today 2026-11 -q -f jsonl -j4)
[ "$a" = "$b" ] && echo same || echo differ
