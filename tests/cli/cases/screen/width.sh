# on a narrow terminal the gaps column is cut, the file names never
COLUMNS=90 $SM screen --rules tests/screen/rules --today 2026-01 -q \
    tests/screen/docs/chef.txt tests/screen/docs/mid.txt tests/screen/docs/empty.txt
