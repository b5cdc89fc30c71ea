# CSV with RFC 4180 quoting: names holding a comma, a quote, a line break
d=$(mktemp -d) && trap 'rm -rf "$d"' EXIT
mkdir "$d/in"
cp tests/screen/docs/mid.txt "$d/in/Okafor, Sam.txt"
cp tests/screen/docs/junior.txt "$d/in/Lee \"LT\" Tanaka.txt"
cp tests/screen/docs/chef.txt "$d/in/two
lines.txt"
: > "$d/in/empty.txt"
$SM screen --rules tests/screen/rules --today 2026-01 --format csv "$d/in" \
    >"$d/out"
rc=$?
sed "s|$d/in/||g" "$d/out"
exit $rc
