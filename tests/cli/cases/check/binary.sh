t=$(mktemp); printf "PK\003\004\000\000binary" > "$t"; { $SM check "$t"; echo "exit=$?"; } 2>&1 | sed "s#$t#FILE#"; rm -f "$t"
