# JSON lines in: rows in input order; a bad line is a row naming its line
long=$(awk 'BEGIN { while (n++ < 500) printf "0123456789" }')
{
    printf '%s\n' '{"id": "cand-1", "text": "Python, PyTorch, Docker and SQL.\nExperience: 2021 - 2025"}'
    printf '\n'
    printf '%s\n' 'not json'
    printf '%s\n' '{"id": 7, "text": "Sous chef since 2015."}'
    printf '%s\n' '{"text": "no id"}'
    printf '%s\n' '{"id": "no-text"}'
    printf '%s\n' '{"id": 1.5, "text": "a real id"}'
    printf '%s\n' '{"id": "nul", "text": "a\u0000b"}'
    printf '%s\n' '[1, 2]'
    printf '{"id": "big", "text": "%s"}\n' "$long"
    printf '%s\n' '{"id": "last", "text": "PyTorch and Python"}'
} | $SM screen --rules tests/screen/rules --today 2026-01 --stdin-jsonl \
    --max-size 100 -f tsv
