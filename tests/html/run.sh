#!/bin/sh
# The HTML reports in headless Chromium (tests/html/browser.py), on
# reports made here from the sample resumes, hostile file names, JSON-lines
# ids and a posting that are markup, unreadable files, and 5,000 rows.
#   tests/html/run.sh [OUT_DIR]   (default build/html-test; the screenshots
#   stay there; SKILLMATCH_SCREENSHOTS=docs/img copies those of the README)
# Chromium, its driver and Selenium are Debian packages that tools/deps.sh
# installs (as root, or with sudo); where they cannot be had, the test says
# it was skipped and why.
SM=${SKILLMATCH_BIN:-matcher/skillmatch}
D=${1:-build/html-test}
export SKILLMATCH_RULES=rules NO_COLOR=1
skip() {
    echo "browser: skipped: $*"
    echo "browser: 0 passed, 0 failed"
    exit 0
}
sh tools/deps.sh chromium chromium-driver python3-selenium >/dev/null 2>&1 ||
    skip "chromium, chromium-driver and python3-selenium are not installed and cannot be (tools/deps.sh failed: not root, no sudo or no apt-get)"
[ -x /usr/bin/chromedriver ] || skip "/usr/bin/chromedriver is missing"
/usr/bin/python3 -c 'import selenium' 2>/dev/null ||
    skip "python3-selenium does not import in /usr/bin/python3"

rm -rf "$D"
mkdir -p "$D/in" "$D/jobs"
cp corpus/resumes/* "$D/in/"
# file names that are markup, and files that cannot be read
cp corpus/resumes/mid.txt "$D/in/<img src=x onerror=\"document.title='pwned'\">.txt"
cp corpus/resumes/senior.txt "$D/in/<svg onload=window.pwned=1>.md"
printf 'Python\0\0\0binary' >"$D/in/<b>binary<b>.txt"
: >"$D/in/empty & <i>.txt"
# a posting whose lines are markup (check --job shows them)
cp corpus/jobs/mid-good.md "$D/jobs/hostile.md"
cat >>"$D/jobs/hostile.md" <<'POSTING'

## Requirements
- Experience with AWS </script><script>window.pwned=1</script> at scale
- Experience with a feature store <img src=x onerror="document.title='pwned'"> today
POSTING
cat >"$D/hostile.json" <<'JSON'
{"names": ["<img src=x onerror=\"document.title='pwned'\">.txt",
           "<svg onload=window.pwned=1>.md", "<b>binary<b>.txt",
           "empty & <i>.txt"],
 "ids": ["</script><script>window.pwned=1</script>",
         "<img src=x onerror=\"document.title='pwned'\">",
         "<!-- <script>document.title='pwned'</script>"],
 "posting_lines": ["</script><script>window.pwned=1</script>",
                   "<img src=x onerror=\"document.title='pwned'\">"],
 "postings": ["corpus/jobs/mid-good.md", "corpus/jobs/senior-good.md",
              "jobs/hostile.md"],
 "big": 5000}
JSON
fail=0
run() {   # run the program; a failure to make a report fails the suite
    "$@" || { code=$?; [ $code = 3 ] || { echo "FAIL ($code): $*"; fail=1; }; }
}
run "$SM" screen -q "$D/in" -f html -o "$D/screen.html"
run "$SM" screen -q "$D/in" -f jsonl -o "$D/screen.jsonl"
J="--job corpus/jobs/mid-good.md --job corpus/jobs/senior-good.md --job $D/jobs/hostile.md"
run "$SM" screen -q corpus/resumes $J -f html -o "$D/matrix.html"
run "$SM" screen -q corpus/resumes $J -f jsonl -o "$D/matrix.jsonl"
/usr/bin/python3 - "$D" <<'PY'
import json, sys
d = sys.argv[1]
h = json.load(open(d + '/hostile.json'))
text = open('corpus/resumes/mid.txt').read()
with open(d + '/ids.jsonl', 'w') as f:
    for i in h['ids']:
        f.write(json.dumps({'id': i, 'text': text}) + '\n')
texts = [open('corpus/eval/' + n).read() for n in sorted(__import__('os').listdir('corpus/eval'))
         if n.endswith(('.txt', '.md')) and not n.startswith('jd')]
with open(d + '/big.jsonl', 'w') as f:
    for i in range(h['big']):
        f.write(json.dumps({'id': 'resume-%05d.txt' % i, 'text': texts[i % len(texts)]}) + '\n')
PY
run "$SM" screen -q --stdin-jsonl -f html -o "$D/ids.html" <"$D/ids.jsonl"
run "$SM" screen -q --stdin-jsonl -f html -o "$D/big.html" <"$D/big.jsonl"
run "$SM" check -q corpus/resumes/mid.txt -f html -o "$D/check.html"
run "$SM" check -q corpus/resumes/junior.txt --job "$D/jobs/hostile.md" -f html -o "$D/check-job.html"
[ $fail = 0 ] || { echo "browser: 0 passed, 1 failed"; exit 1; }

/usr/bin/python3 tests/html/browser.py "$D"
code=$?
if [ $code = 0 ] && [ -n "$SKILLMATCH_SCREENSHOTS" ]; then
    cp "$D/screen.png" "$SKILLMATCH_SCREENSHOTS/report-screen.png"
    cp "$D/check.png" "$SKILLMATCH_SCREENSHOTS/report-check.png"
fi
exit $code
