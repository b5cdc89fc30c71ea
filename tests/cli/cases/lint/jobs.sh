# the output is the same whatever -j
a=$($SM lint -q -j1 --format json corpus/jobs/lint)
b=$($SM lint -q -j4 --format json corpus/jobs/lint)
[ "$a" = "$b" ] && echo "same output with -j1 and -j4"
echo "$a" | grep -c '"file"'
