$SM check --today latest tests/cli/docs/flat-archive.txt
