# JSON lines: check's object plus "status"; a failed input gets its error
$SM screen --rules tests/screen/rules --today 2026-01 --format jsonl \
    tests/screen/docs/junior.txt tests/screen/docs/nul.txt
