# a newline in a file name does not split a table row
d=$(mktemp -d); printf "Python, PyTorch\n" > "$d/a
b.txt"
$SM screen --rules tests/screen/rules --no-progress "$d" 2>/dev/null | sed "s#$d#DIR#" | tr -s " " | cut -d" " -f1-2
rm -rf "$d"
