# check -f html, and with --job: the whole report as the page's data,
# posting lines that are markup escaped, a print style sheet
t=$(mktemp -d)
cp corpus/jobs/mid-good.md "$t/job.md"
printf '\n## Requirements\n- Experience with AWS </script><b>x</b> at scale\n' >>"$t/job.md"
$SM check -q corpus/resumes/mid.txt -f html | grep -o '<title>[^<]*</title>\|@media print\|"suggested_level":"[a-z]*"'
$SM check -q corpus/resumes/junior.txt --job "$t/job.md" -f html | grep -o '"text":"Experience with AWS[^"]*"' | sort -u
$SM check -q corpus/resumes/mid.txt -f xml; echo "exit $?"
rm -rf "$t"
