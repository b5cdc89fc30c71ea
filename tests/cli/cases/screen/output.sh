# -o writes the file; the summary still goes to stderr
d=$(mktemp -d) && trap 'rm -rf "$d"' EXIT
$SM screen --rules tests/screen/rules --today 2026-01 -f csv -o "$d/out.csv" \
    tests/screen/docs/mid.txt tests/screen/docs/junior.txt
echo "exit $?"
cat "$d/out.csv"
