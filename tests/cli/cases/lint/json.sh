# json: one object per draft, with the level, where it came from, and the
# findings
$SM lint --format json corpus/jobs/lint/senior-bad.md \
    corpus/jobs/lint/unknown-level-yes.md corpus/jobs/lint/mid-good.md \
    corpus/jobs/lint/front-matter-level.md
