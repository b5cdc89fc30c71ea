t=$(mktemp); { $SM check "$t"; echo "exit=$?"; } 2>&1 | sed "s#$t#FILE#"; rm -f "$t"
