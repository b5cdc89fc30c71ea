# .skillmatch.yml found next to the drafts: fail_on, severities, checks
# turned off, level thresholds and the team's own checks
$SM lint corpus/jobs/lint/team
