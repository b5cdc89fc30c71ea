# a configuration mistake is a usage error (exit 2) naming file:line:col
cfg=$(mktemp)
printf 'checks:\n  above-level: loud\n' >"$cfg"
$SM lint --config "$cfg" corpus/jobs/lint/junior-good.md 2>&1 |
    sed "s|$cfg|CONFIG|"
code=$($SM lint --config "$cfg" corpus/jobs/lint/junior-good.md 2>/dev/null
       echo $?)
rm -f "$cfg"
echo "exit $code"
