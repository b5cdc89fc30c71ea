$SM check --today 2026-11 tests/cli/docs/flat-archive.txt
