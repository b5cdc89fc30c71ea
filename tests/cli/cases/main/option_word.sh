# an option error names the word of the command line it is about, after
# the command, and says how to give a file whose name starts with '-'
d=$(mktemp -d) && trap 'rm -rf "$d"' EXIT
case $SM in /*) ;; *) SM=$PWD/$SM ;; esac
printf 'Python, PyTorch\n' >"$d/-dash.txt"
for cmd in check screen lint explain rules; do
    $SM $cmd -dash.txt 2>&1; echo "exit $?"
done
$SM check tests/eval/one.txt -dash.txt 2>&1
$SM check -qd 2>&1
$SM screen --nope 2>&1
$SM check -o 2>&1
echo "== -- and ./ read the file"
cd "$d" || exit 1
$SM check --rules "$OLDPWD/rules" -f jsonl -- -dash.txt | cut -c1-22
$SM check --rules "$OLDPWD/rules" -f jsonl ./-dash.txt | cut -c1-24
