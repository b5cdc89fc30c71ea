# a folder with one draft and a symbolic link loop: lint --follow walks
# each folder once (the walker screen uses), so the draft is reported once
d=$(mktemp -d) && trap 'rm -rf "$d"' EXIT
mkdir "$d/a"
cp corpus/jobs/lint/junior-good.md "$d/a/draft.md"
ln -s .. "$d/a/up"                   # a loop: a/up/a/up/...
$SM lint --follow --format json "$d" 2>&1 | sed "s|$d/||g" | grep -c '"file"'
$SM lint --follow "$d" 2>&1 | sed "s|$d/||g"
