$SM check --today 2026-11 --color always tests/eval/one.txt | head -4 | od -c | head -5
