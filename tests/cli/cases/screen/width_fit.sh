# the table fits $COLUMNS: long names are cut in the middle with an
# ellipsis, CJK and emoji count two columns, rows stay aligned; each
# table is followed by its widest row in display columns (python3's
# east_asian_width), which must not pass COLUMNS
r=$(pwd); d=$(mktemp -d); mkdir "$d/cv"
cp tests/screen/docs/mid.txt "$d/cv/履歴書-山田太郎-機械学習エンジニア.txt"
cp tests/screen/docs/mid.txt "$d/cv/resume-🚀-rocket.txt"
cp tests/screen/docs/chef.txt "$d/cv/a-very-long-file-name-for-a-resume-sent-by-a-recruiter-2026.txt"
for w in 40 60 80; do
    echo "COLUMNS=$w"
    (cd "$d" && COLUMNS=$w "$r/$SM" screen --rules "$r/tests/screen/rules" \
        --today 2026-01 -q cv >"$d.out")
    cat "$d.out"
    python3 -c '
import sys, unicodedata
def w(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print("widest:", max(w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))
' "$d.out"
done
rm -rf "$d" "$d.out"
