# --stdin-filename NAME: the name '-' goes by in every output
f=corpus/resumes/mid.txt
$SM check --today 2026-11 -f jsonl --stdin-filename cv/jane.txt - <$f | cut -c1-25
$SM check --today 2026-11 --stdin-filename cv/jane.txt - <$f | head -1
$SM screen --today 2026-11 -q -f csv --stdin-filename cv/jane.txt - <$f | cut -d, -f1,2
$SM explain --stdin-filename cv/jane.txt - pytorch <$f | head -1
$SM lint -f sarif --stdin-filename jobs/draft.md - <tests/job/postings/posting-flat.txt |
    grep -o '"uri": *"[^"]*"' | sort -u
$SM lint --stdin-filename jobs/draft.md - <tests/job/postings/posting-flat.txt 2>/dev/null | cut -d: -f1 | sort -u
printf '' | $SM check --stdin-filename empty.txt - ; echo "exit $?"
