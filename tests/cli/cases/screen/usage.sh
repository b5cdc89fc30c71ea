# usage errors: exit 2 and a message
R="--rules tests/screen/rules"
$SM screen $R; echo "exit $?"
$SM screen $R --format xml tests/screen/docs; echo "exit $?"
echo '{}' | $SM screen $R --stdin-jsonl tests/screen/docs; echo "exit $?"
echo '{}' | $SM screen $R --stdin-jsonl --top 3; echo "exit $?"
$SM screen $R --files-from - -; echo "exit $?"
$SM screen $R -j 999 tests/screen/docs; echo "exit $?"
