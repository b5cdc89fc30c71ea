#!/bin/sh
# Run the CLI golden tests (and the quick part of the hostile-input suite)
# with every run of the program under valgrind: a leak or a memory error
# fails the test and is counted here.
#   tools/valgrind.sh          (SKILLMATCH_BIN names the program)
real=${SKILLMATCH_BIN:-matcher/skillmatch}
case $real in /*) ;; *) real=$(pwd)/$real ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/logs"
cat >"$tmp/skillmatch" <<WRAP
#!/bin/sh
exec valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \\
  --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \\
  --log-file="$tmp/logs/vg.%p.log" "$real" "\$@"
WRAP
# some cases run the program as nobody: let it reach the wrapper and logs
chmod 755 "$tmp" "$tmp/skillmatch"
chmod 1777 "$tmp/logs"
SKILLMATCH_BIN=$tmp/skillmatch sh tests/cli/run.sh
cli=$?
SKILLMATCH_BIN=$tmp/skillmatch HOSTILE_QUICK=1 sh tests/hostile/run.sh
hostile=$?
runs=$(ls "$tmp/logs" | wc -l)
bad=0
for f in "$tmp"/logs/*.log; do
    [ -s "$f" ] || continue
    bad=$((bad + 1))
    echo "--- $(basename "$f")"; head -40 "$f"
done
echo "valgrind: $runs runs, $bad with leaks or errors"
[ $bad = 0 ] && [ $cli = 0 ] && [ $hostile = 0 ]
