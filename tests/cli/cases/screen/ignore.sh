# folder walks: --exclude GLOB (the path under the folder named, or the
# base name), .gitignore and .ignore (comments, '!', trailing '/', leading
# '/', '**', the nearest file wins), --no-ignore; what they leave out is
# simply not a candidate
d=$(mktemp -d) && trap 'rm -rf "$d"' EXIT
r=$d/r
mkdir -p "$r/keep" "$r/build/x" "$r/sub/deep/er" "$r/drafts" "$r/notes"
for f in a.txt keep/b.txt build/x/c.txt sub/d.txt sub/deep/er/e.txt \
    sub/deep/f.log.txt drafts/g.txt notes/h.txt top.txt sub/top.txt \
    notes/keep-me.txt; do
    printf 'Python, PyTorch\n' >"$r/$f"
done
cat >"$r/.gitignore" <<'G'
# build output
build/
/top.txt
**/er/
*.log.txt
notes/*
!notes/keep-me.txt
G
printf 'drafts\n' >"$r/.ignore"
printf '!d.txt\nd.txt\n' >"$r/sub/.gitignore"
printf '!d.txt\n' >"$r/sub/.ignore"
list() { $SM screen -q -f tsv --no-progress "$@" | cut -f1 | sed "s|$d/||" | tail -n +2; }
echo "== ignore files"
list "$r"
echo "== --no-ignore"
list --no-ignore "$r"
echo "== --exclude"
list --no-ignore --exclude 'keep' --exclude '*.log.txt' --exclude 'sub/deep/**' \
    --exclude 'notes/' "$r"
echo "== a named file is always read"
list --exclude 'a.txt' "$r/a.txt"
echo "== lint walks too"
$SM lint -q --exclude '*.txt' "$r"; echo "exit $?"
