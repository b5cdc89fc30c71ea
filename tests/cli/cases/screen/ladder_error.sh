# a mistaken ladder stops screen before any row (exit 2, file:line:col)
$SM screen --today 2026-11 tests/cli/ladder/bad corpus/resumes
echo "exit $?"
