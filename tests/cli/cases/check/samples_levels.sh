# each bundled sample resume gets the level it was written for
for f in corpus/resumes/*; do
    printf "%s " "$f"
    $SM check --today 2026-11 "$f" | sed -n "s/^  Suggested level: \([a-z]*\).*/\1/p"
done
