$SM check --today yesterday tests/cli/docs/flat-archive.txt
