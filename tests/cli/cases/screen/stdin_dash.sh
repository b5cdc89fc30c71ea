# '-' is one document read from standard input, shown as <stdin>
$SM screen --rules tests/screen/rules --today 2026-01 -f csv - \
    tests/screen/docs/junior.txt <tests/screen/docs/mid.txt
