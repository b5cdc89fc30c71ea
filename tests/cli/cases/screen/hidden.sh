# --hidden walks hidden files too
$SM screen --rules tests/screen/rules --today 2026-01 -f tsv --hidden \
    tests/screen/docs
