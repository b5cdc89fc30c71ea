# --level overrides the front matter and the title
$SM lint -q --format json --level senior corpus/jobs/lint/junior-good.md |
    grep -E '"(level|level_source|check)"'
