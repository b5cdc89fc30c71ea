# github: %, CR, LF escaped in messages; also : and , in properties
# (file, title)
sm=$(cd "$(dirname "$SM")" && pwd)/$(basename "$SM")
rules=$(pwd)/rules
tmp=$(mktemp -d)
printf '# ML Engineer: 100%%, remote\n\n- Python\n' >"$tmp/a:b,c%.md"
(cd "$tmp" && "$sm" lint --rules "$rules" --format github 'a:b,c%.md')
code=$?
rm -rf "$tmp"
exit $code
