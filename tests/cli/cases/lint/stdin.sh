# '-' lints standard input (a configuration is looked for from the current
# folder)
printf '# Junior ML Engineer\n\n- 10+ years of experience\n' |
    $SM lint -q --format json - | grep -E '"(file|level|level_source)"|years'
