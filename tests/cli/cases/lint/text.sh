# text: file:line:col: severity: message [check]; a summary on stderr;
# exit 1 because of errors (default --fail-on error)
$SM lint corpus/jobs/lint/junior-bad.md corpus/jobs/lint/junior-good.md
