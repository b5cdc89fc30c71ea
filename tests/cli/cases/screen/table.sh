# a folder: ranked rows, every file accounted for, the hidden one counted
$SM screen --rules tests/screen/rules --today 2026-01 tests/screen/docs
