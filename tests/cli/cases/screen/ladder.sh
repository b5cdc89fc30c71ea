# each file takes the ladder of its own .skillmatch.yml: the team's copy of
# mid.txt is senior, corpus's is mid; the summary names the ladder
$SM screen --today 2026-11 -f csv tests/cli/ladder/team corpus/resumes/mid.txt
# --config applies to every file, standard input's documents too
$SM screen --today 2026-11 -f csv --config tests/cli/ladder/steep.yml \
    tests/cli/ladder/team corpus/resumes/mid.txt
printf '{"id": "cv", "text": "%s"}\n' \
    "$(sed 's/\\/\\\\/g; s/"/\\"/g' corpus/resumes/mid.txt | awk '{printf "%s\\n", $0}')" |
    $SM screen --today 2026-11 --stdin-jsonl --config tests/cli/ladder/steep.yml |
    sed 's/"years_method".*//'
