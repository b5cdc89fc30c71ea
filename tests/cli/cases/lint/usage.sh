# usage errors exit 2; an unreadable draft exits 3, the others are still
# reported
$SM lint 2>&1; echo "exit $?"
$SM lint --format xml corpus/jobs/lint 2>&1; echo "exit $?"
$SM lint --fail-on info2 corpus/jobs/lint 2>&1; echo "exit $?"
$SM lint --level expert corpus/jobs/lint 2>&1; echo "exit $?"
$SM lint -q corpus/jobs/lint/no-such-draft.md corpus/jobs/lint/mid-good.md 2>&1
echo "exit $?"
d=$(mktemp -d); cp rules/*.yaml corpus/facts.yaml "$d"; rm "$d/lint.yaml"
$SM lint --rules "$d" corpus/jobs/lint/mid-good.md 2>&1; echo "exit $?"
rm -rf "$d"
