# --level with --min-score keeps rows by that level's score; --top the first
# N of them; error rows stay whatever the filters
R="--rules tests/screen/rules --today 2026-01 -f tsv"
echo "== --level mid --min-score 0.8"
$SM screen $R --level mid --min-score 0.8 tests/screen/docs
echo "== --level junior (alone: rows suggested junior)"
$SM screen $R --level junior tests/screen/docs/mid.txt tests/screen/docs/junior.txt
echo "== --min-score 0.9 (the suggested level's score)"
$SM screen $R --min-score 0.9 tests/screen/docs/mid.txt tests/screen/docs/junior.txt
echo "== --top 2"
$SM screen $R --top 2 tests/screen/docs
