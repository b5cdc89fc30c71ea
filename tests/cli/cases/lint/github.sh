# github: workflow commands, a summary line, and the Markdown summary
# appended to $GITHUB_STEP_SUMMARY
summary=$(mktemp)
echo "(earlier step)" >"$summary"
GITHUB_STEP_SUMMARY=$summary $SM lint --format github \
    corpus/jobs/lint/mid-bad.md corpus/jobs/lint/senior-good.md
code=$?
echo "--- GITHUB_STEP_SUMMARY"
cat "$summary"
rm -f "$summary"
exit $code
