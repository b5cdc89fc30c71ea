# --fail-on: a draft with one warning passes by default, fails with
# --fail-on warning; one with errors passes with --fail-on never
d=corpus/jobs/lint/unknown-level-yes.md
$SM lint -q $d >/dev/null; echo "default: $?"
$SM lint -q --fail-on warning $d >/dev/null; echo "warning: $?"
$SM lint -q --fail-on error $d >/dev/null; echo "error: $?"
$SM lint -q --fail-on never corpus/jobs/lint/junior-bad.md >/dev/null
echo "never: $?"
$SM lint -q corpus/jobs/lint/junior-bad.md >/dev/null; echo "errors: $?"
