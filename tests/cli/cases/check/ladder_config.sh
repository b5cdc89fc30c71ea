# --config FILE's level ladder decides the level: a 5-year resume is mid
# with the profiles' years, junior with a ladder that keeps juniors to 8
$SM check --today 2026-11 corpus/resumes/mid.txt | sed -n 2,4p
$SM check --today 2026-11 --config tests/cli/ladder/steep.yml \
    corpus/resumes/mid.txt | sed -n 2,4p
