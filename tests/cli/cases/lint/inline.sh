# inline skillmatch-disable / -enable / -disable-next-line comments; text in
# code fences and HTML comments is not linted
$SM lint -q corpus/jobs/lint/inline-disable.md corpus/jobs/lint/fenced.md
