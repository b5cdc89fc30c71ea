# symbolic links: left out (and counted) unless --follow; a loop is walked
# once; a broken link followed is an error row; an unreadable file and an
# unreadable folder get rows too
d=$(mktemp -d) && e=$(mktemp -d) &&
    trap 'chmod -R u+rwx "$d"; rm -rf "$d" "$e"' EXIT
mkdir "$d/a" "$d/a/b" "$d/locked"
cp tests/screen/docs/mid.txt "$d/a/mid.txt"
cp tests/screen/docs/junior.txt "$d/a/b/junior.txt"
cp tests/screen/docs/senior.md "$d/locked/senior.md"
cp tests/screen/docs/chef.txt "$d/secret.txt"
ln -s .. "$d/a/b/up"                 # a loop: a/b/up/b/up/...
ln -s a/mid.txt "$d/link.txt"
ln -s nowhere.txt "$d/broken.txt"
chmod 000 "$d/secret.txt" "$d/locked"
# the program and rules where another user can reach them: the checkout
# itself may sit in a folder only its owner can enter
cp -r tests/screen/rules "$e/rules" && cp "$SM" "$e/skillmatch" &&
    chmod -R a+rX "$e"
R="--rules $e/rules --today 2026-01 -f tsv"
# root reads anything: run as nobody then, where setpriv can
run() {
    if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
        chmod 755 "$d"
        (cd / && setpriv --reuid=65534 --regid=65534 --clear-groups \
            "$e/skillmatch" "$@")
    else
        "$SM" "$@"
    fi
}
echo "== no --follow"
run screen $R "$d" 2>&1 | sed "s|$d/||g"
echo "== --follow"
run screen $R --follow "$d" 2>&1 | sed "s|$d/||g"
