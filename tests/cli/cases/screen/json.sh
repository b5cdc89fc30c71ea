# one JSON array, indented as check --format json is
$SM screen --rules tests/screen/rules --today 2026-01 -f json -q \
    tests/screen/docs/chef.txt tests/screen/docs/empty.txt
