# --max-size: larger files get an error row; the others are complete
$SM screen --rules tests/screen/rules --today 2026-01 -f tsv --max-size 200 \
    tests/screen/docs/senior.md tests/screen/docs/mid.txt tests/screen/docs/notes
