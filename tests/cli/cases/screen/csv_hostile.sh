# spreadsheet-safe CSV and TSV: cells that start like a formula get a
# leading apostrophe, control bytes (ESC, tab, line breaks) never reach the
# file raw, CSV lines end in CRLF; file names and --stdin-jsonl ids alike
d=$(mktemp -d) && trap 'rm -rf "$d"' EXIT
case $SM in /*) ;; *) SM=$PWD/$SM ;; esac
mkdir "$d/in"
for n in '=HYPERLINK("x.test";"y").txt' '+1.txt' '@SUM(A1).txt' '-2.txt' \
    "$(printf 'esc\033[31mred.txt')" "$(printf '\ttab.txt')" \
    "$(printf 'two\nlines.txt')"; do
    cp tests/screen/docs/mid.txt "$d/in/$n"
done
R="--rules $PWD/tests/screen/rules --today 2026-01 -q --no-progress"
cd "$d/in" || exit 1
echo "== csv (CR shown as <CR>, ESC as <ESC>)"
$SM screen $R -f csv -- * | sed 's/\r/<CR>/g; s/\x1b/<ESC>/g'
echo "== tsv"
$SM screen $R -f tsv -- * | sed 's/\x1b/<ESC>/g' | cut -f1,2,8
echo "== no raw ESC in the CSV; LF count, CR count (one LF is in a name)"
$SM screen $R -f csv -- * >"$d/out.csv"
if grep -q "$(printf '\033')" "$d/out.csv"; then echo "raw ESC"; fi
tr -cd '\n' <"$d/out.csv" | wc -c
tr -cd '\r' <"$d/out.csv" | wc -c
cd "$OLDPWD" || exit 1
echo "== --stdin-jsonl ids"
for id in '=cmd|calc' '+1' '@x' '-2' 'plain'; do
    printf '{"id": "%s", "text": "Python, PyTorch and SQL."}\n' "$id"
done | $SM screen $R --stdin-jsonl -f csv | sed 's/\r/<CR>/' | cut -d, -f1,8,9
for id in '=cmd|calc' '+1' '@x' '-2'; do
    printf '{"id": "%s", "text": "Python."}\n' "$id"
done | $SM screen $R --stdin-jsonl -f tsv | cut -f1
echo "== the --job matrix: posting names are column heads"
cp tests/job/postings/posting-structured.md "$d/=a.md"
cp tests/job/postings/posting-structured.md "$d/@b.md"
cd "$d" || exit 1
$SM screen --rules "$OLDPWD/rules" --today 2026-01 -q --job =a.md \
    --job @b.md -f csv "$OLDPWD/tests/job/resumes/resume-ml.txt" |
    sed "s|$OLDPWD/||; s/\r/<CR>/" | cut -d, -f1-4
