# TSV: tabs and line breaks in a name are escaped, never a field break
d=$(mktemp -d) && trap 'rm -rf "$d"' EXIT
mkdir "$d/in"
cp tests/screen/docs/mid.txt "$d/in/tab	name.txt"
cp tests/screen/docs/chef.txt "$d/in/back\\slash.txt"
$SM screen --rules tests/screen/rules --today 2026-01 --format tsv \
    "$d/in" tests/screen/docs/empty.txt >"$d/out"
rc=$?
sed "s|$d/in/||g" "$d/out"
exit $rc
