# screen -f html: one self-contained page; the CSP forbids all but the
# page's own script and style; a file name and a JSON-lines id that are
# markup appear in it only escaped; every input is a row, errors too
t=$(mktemp -d)
mkdir "$t/in"
cp corpus/resumes/mid.txt "$t/in/<img src=x onerror=alert(1)>.txt"
: >"$t/in/empty.txt"
$SM screen -q "$t/in" -f html -o "$t/r.html"; echo "exit $?"
grep -o "default-src 'none'; script-src 'sha256-[^']*'; style-src 'sha256-[^']*'; img-src data:; base-uri 'none'; form-action 'none'" "$t/r.html" | sed "s/sha256-[^']*/sha256-HASH/g"
grep -c '<img' "$t/r.html"
grep -o '"file":"[^"]*"' "$t/r.html" | sed "s|$t|DIR|"
grep -o '"status":"error","error":"[^"]*"' "$t/r.html" | sed "s|$t|DIR|"
printf '{"id": "</script><script>window.x=1</script>", "text": "Python"}\n' |
    $SM screen -q --stdin-jsonl -f html | grep -o '"file":"[^"]*"'
rm -rf "$t"
