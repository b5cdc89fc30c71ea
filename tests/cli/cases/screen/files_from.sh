# --files-from: one path a line, or NUL-separated as find -print0 writes;
# named files are read whatever their extension
R="--rules tests/screen/rules --today 2026-01 -f tsv -q"
printf 'tests/screen/docs/mid.txt\n\ntests/screen/docs/photo.png\ntests/screen/docs/sub\n' |
    $SM screen $R --files-from -
echo "exit $?"
echo "== NUL"
list=$(mktemp) && trap 'rm -f "$list"' EXIT
printf 'tests/screen/docs/junior.txt\000tests/screen/docs/notes\000' >"$list"
$SM screen $R --files-from "$list" tests/screen/docs/mid.txt
echo "exit $?"
echo "== missing list"
$SM screen $R --files-from tests/screen/no-such-list
echo "exit $?"
