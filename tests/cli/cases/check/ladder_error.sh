# a mistaken ladder is a configuration error (exit 2) naming file:line:col,
# found upward or given with --config; nothing is reported
$SM check --today 2026-11 tests/cli/ladder/bad/mid.txt
echo "exit $?"
$SM check --today 2026-11 --config tests/cli/ladder/falling.yml \
    corpus/resumes/mid.txt
echo "exit $?"
