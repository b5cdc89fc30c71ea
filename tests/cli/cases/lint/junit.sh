# junit: a testsuite per draft, a testcase per finding; findings below
# --fail-on pass with their message in system-out
$SM lint --format junit corpus/jobs/lint/mid-bad.md corpus/jobs/lint/mid-good.md
