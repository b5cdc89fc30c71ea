# standard input takes the ladder of the current folder's .skillmatch.yml
sm=$(cd "$(dirname "$SM")" && pwd)/$(basename "$SM")
rules=$PWD/rules
cd tests/cli/ladder/team/cv || exit 1
"$sm" check --rules "$rules" --today 2026-11 - <mid.txt | sed -n 1,4p
