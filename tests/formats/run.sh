#!/bin/sh
# The document formats end to end: every sample resume saved as txt, md,
# html, docx, odt, pdf and resume.json (tests/formats/same/, made by
# tools/make_format_fixtures.sh) gives the same skills and the same level;
# places in evidence; the two-column PDF keeps its columns apart; hostile
# files fail with their reason, in time.
#   tests/formats/run.sh          (SKILLMATCH_BIN names the program)
SM=${SKILLMATCH_BIN:-matcher/skillmatch}
D=tests/formats
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export NO_COLOR=1
pass=0 fail=0
R="--rules rules --today 2026-01"
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL $*"; }

# the skills and level of a JSON report, one line
summary() {
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["suggested_level"], " ".join(s["id"] for s in d["skills"]))' 2>/dev/null ||
        sed -n 's/.*"suggested_level":"\([a-z]*\)".*/\1/p'
}
have_py=0; command -v python3 >/dev/null 2>&1 && have_py=1

for txt in $D/same/*.txt; do
    b=${txt%.txt}
    $SM check $R -f json "$txt" | summary >"$T/want"
    for ext in md html docx odt pdf resume.json; do
        if ! $SM check $R -f json "$b.$ext" >"$T/got.json" 2>"$T/err"; then
            no "same $(basename $b).$ext: exit $? ($(head -c 200 "$T/err"))"; continue
        fi
        summary <"$T/got.json" >"$T/got"
        if cmp -s "$T/want" "$T/got"; then ok; else
            no "same $(basename $b).$ext: skills or level differ from .txt"
            diff "$T/want" "$T/got" | head -4
        fi
    done
done
[ $have_py = 1 ] || echo "note: without python3 only the levels were compared"

# t NAME EXIT TEXT_IN_OUTPUT COMMAND...   (stdout and stderr together)
t() {
    name=$1 want=$2 part=$3; shift 3
    timeout -k 5 60 "$@" >"$T/out" 2>&1 </dev/null
    code=$?
    if [ $code = 124 ] || [ $code = 137 ]; then no "$name: did not finish"
    elif [ "$code" != "$want" ]; then no "$name: exit $code, want $want"; head -3 "$T/out"
    elif [ -n "$part" ] && ! grep -qF -- "$part" "$T/out"; then
        no "$name: output lacks: $part"; head -5 "$T/out"
    else ok; fi
}

# places in the evidence, text and JSON
t place_pdf 0 'page 1, line 7 "Python"' $SM check $R $D/same/mid.pdf
t place_docx 0 'paragraph 8 "Python"' $SM check $R $D/same/mid.docx
t place_odt 0 'paragraph 8 "Python"' $SM check $R $D/same/mid.odt
t place_html 0 '12:22 "Python"' $SM check $R $D/same/mid.html
t place_json 0 'work[1].highlights[0] "PyTorch"' $SM check $R $D/same/mid.resume.json
t place_json_field 0 '"place": "page 1, line 7"' $SM check $R -f json $D/same/mid.pdf
t txt_no_place 0 '"col":' $SM check $R -f json $D/same/mid.txt
if $SM check $R -f json $D/same/mid.txt | grep -q '"place"'; then
    no "txt_no_place: a text file's evidence has a place"; else ok; fi
# years from the JSON Resume's structure
t json_years 0 'the work dates of the JSON Resume' $SM check $R $D/same/junior.resume.json
# the format is told by content: a PDF named .txt is read as PDF
cp $D/same/mid.pdf "$T/cv.txt"
t by_content 0 'page 1, line 7' $SM check $R "$T/cv.txt"
# HTML: nothing of <script> or comments (both name TensorFlow, which the
# resume does not)
t html_hidden 0 "result: not found" $SM explain --rules rules $D/same/mid.html tensorflow
printf '<html><body><p>TensorFlow</p></body></html>' >"$T/tf.html"
t html_visible 0 "result: found" $SM explain --rules rules "$T/tf.html" tensorflow
# two columns: the sidebar is read whole, each of its skills in "skills"
for k in Python PyTorch Kubernetes Docker MLflow; do
    t "twocolumn_$k" 0 "\"$k\" in skills" $SM check $R $D/twocolumn.pdf
done
if $SM check $R $D/twocolumn.pdf | grep -q 'Python.*Trained\|Trained.*Python'; then
    no "twocolumn: columns interleaved"; else ok; fi

# hostile files: their reason, in time, exit 3
H=$D/hostile
t encrypted 3 "encrypted PDF" $SM check $R $H/encrypted.pdf
t image_only 3 "no text layer: a scanned PDF? run OCR first" $SM check $R $H/image_only.pdf
t truncated_pdf 3 "truncated.pdf" $SM check $R $H/truncated.pdf
t corrupt_zip 3 "corrupt" $SM check $R $H/corrupt.docx
t truncated_zip 3 "corrupt or truncated ZIP" $SM check $R $H/truncated.docx
t zip_bomb 3 "zip bomb" $SM check $R $H/bomb.docx
t billion_laughs 3 "entity" $SM check $R $H/billion_laughs.docx
t invalid_json 3 "invalid JSON" $SM check $R $H/invalid.json
t deep_json 0 "Suggested level" $SM check $R $H/deep.json
# a screen over all of them finishes, one row each, the reasons in rows
t screen_hostile 3 "encrypted PDF" $SM screen $R $H
# a converter that hangs in a screen: each row says why, and the run ends
cp $D/same/mid.txt "$T/b.txt"
t screen_timeout 3 "took longer than 1 s" $SM screen $R --pre $D/slow_pre.sh --timeout 1 "$T/cv.doc" "$T/b.txt"
# no pdftotext in a screen: the PDF's row names the package, text is read
t screen_no_poppler 3 "install poppler-utils" env PATH=/nonexistent $SM screen $R $D/same/mid.pdf $D/same/mid.txt
# no pdftotext: the message names the package
t no_poppler 3 "install poppler-utils" env PATH=/nonexistent $SM check $R $D/same/mid.pdf

# --pre: the user's converter, no shell, the same limits
printf 'Skills: Python, PyTorch\n' >"$T/cv.doc"
t pre_reads 0 '"PyTorch" in skills' $SM check $R --pre $D/echo_pre.sh "$T/cv.doc"
t pre_argument 0 '2:9  "Python"' $SM explain --rules rules --pre $D/echo_pre.sh "$T/cv.doc" python
t pre_timeout 3 "took longer than 1 s" $SM check $R --pre $D/slow_pre.sh --timeout 1 "$T/cv.doc"
t pre_missing 3 "no such program" $SM check $R --pre /nonexistent/conv "$T/cv.doc"
t pre_screen 0 "ok" $SM screen $R --pre $D/echo_pre.sh "$T/cv.doc"
# --type and --type-list, as ripgrep's
t type_list 0 "pdf: *.pdf" $SM screen --type-list
t type_pdf 0 "read as: 4 pdf" $SM screen $R --type pdf $D/same
if $SM screen $R --type pdf,docx $D/same 2>/dev/null | grep -q '\.txt\|\.odt'; then
    no "type_filter: other types walked"; else ok; fi
t type_bad 2 "unknown type 'doc'" $SM screen $R --type doc $D/same
t screen_mixed 0 "read as: 4 text, 4 markdown, 4 html, 5 pdf, 4 docx, 4 odt, 4 jsonresume" \
    $SM screen $R $D/same $D/twocolumn.pdf

echo "formats: $pass passed, $fail failed"
[ $fail = 0 ]
