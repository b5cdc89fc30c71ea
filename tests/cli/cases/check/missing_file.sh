$SM check --today 2026-11 -f json no-such-file.txt tests/eval/one.txt
