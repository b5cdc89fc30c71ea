# .skillmatch.yml found upward from the resume's folder (up to the
# repository root): mid 2-4 years, senior from 5, so the same resume that
# is mid under corpus/ is senior here; the report and the JSON say where
# the ladder came from; --config wins over the file found
$SM check --today 2026-11 tests/cli/ladder/team/cv/mid.txt | sed -n 1,5p
$SM check --today 2026-11 -f json tests/cli/ladder/team/cv/mid.txt |
    sed -n 1,22p
$SM check --today 2026-11 --config tests/cli/ladder/steep.yml \
    tests/cli/ladder/team/cv/mid.txt | sed -n 2,4p
