# sarif 2.1.0: rules with descriptions and help, columnKind, relative URIs
$SM lint --format sarif corpus/jobs/lint/junior-bad.md \
    corpus/jobs/lint/duplicate-requirement-yes.md
