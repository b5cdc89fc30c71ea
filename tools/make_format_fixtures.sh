#!/bin/sh
# The recipe for the document fixtures in tests/formats/: each sample resume
# of corpus/resumes/ saved as HTML, DOCX, ODT and PDF, a two-column PDF, and
# the hostile files. Needs LibreOffice (soffice), qpdf, zip and python3, by
# hand; CI never runs this: the fixtures it makes are committed.
#   tools/make_format_fixtures.sh          (from the repository root)
set -eu
out=tests/formats
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out/same" "$out/hostile"

# The same resume in every format: HTML by hand (a paragraph per line, each
# bullet a list item), the others by LibreOffice from the text.
html_of() {   # text resume -> HTML with the same lines
    python3 - "$1" <<'PY'
import html, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\">",
       "<title>resume</title><style>body { font: 11pt serif }</style>",
       "<script>var skills = ['Kubernetes', 'TensorFlow'];</script></head><body>"]
inlist = False
for l in lines:
    b = l.lstrip().startswith("\u2022 ")
    if b and not inlist: out.append("<ul>"); inlist = True
    if not b and inlist and not l.startswith("  "): out.append("</ul>"); inlist = False
    if b: out.append("<li>" + html.escape(l.lstrip()[2:]))
    elif inlist: out.append(html.escape(l))
    elif l == "": out.append("<br>")
    else: out.append("<p>" + html.escape(l) + "</p>")
if inlist: out.append("</ul>")
out.append("<!-- TensorFlow, Rust: a comment, not visible --></body></html>")
print("\n".join(out))
PY
}
for f in corpus/resumes/*.txt; do
    b=$(basename "$f" .txt)
    cp "$f" "$out/same/$b.txt"
    # Markdown: headings marked, bullets as list items, the lines kept
    sed -e '1s/^/# /' -e 's/^\([A-Z][A-Z &]*\)$/## \1/' -e 's/^• /- /' \
        "$f" >"$out/same/$b.md"
    python3 tools/txt2jsonresume.py "$f" >"$out/same/$b.resume.json"
    html_of "$f" >"$out/same/$b.html"
    for fmt in docx odt pdf; do
        soffice --headless --infilter="Text (encoded):UTF8,LF,,," \
            --convert-to "$fmt" --outdir "$tmp" "$f" >/dev/null 2>&1
        mv "$tmp/$b.$fmt" "$out/same/$b.$fmt"
    done
done

# A two-column PDF: a sidebar of skills beside the experience.
soffice --headless --convert-to pdf:writer_web_pdf_Export --outdir "$tmp" \
    "$out/twocolumn.html" >/dev/null 2>&1
mv "$tmp/twocolumn.pdf" "$out/twocolumn.pdf"

# Hostile: encrypted, image-only and truncated PDFs
qpdf --encrypt secret secret 256 -- "$out/same/mid.pdf" "$out/hostile/encrypted.pdf"
python3 - "$out/hostile/image_only.pdf" <<'PY'
import sys, zlib
img = zlib.compress(bytes([(x * y) & 255 for y in range(64) for x in range(64)]))
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"]
content = b"q 500 0 0 500 50 150 cm /Im1 Do Q"
objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
objs.append(b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 "
            b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
            b"/Length %d >>\nstream\n" % len(img) + img + b"\nendstream")
pdf = b"%PDF-1.4\n"
offs = []
for i, o in enumerate(objs):
    offs.append(len(pdf))
    pdf += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs: pdf += b"%010d 00000 n \n" % o
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(pdf)
PY
head -c 3000 "$out/same/mid.pdf" >"$out/hostile/truncated.pdf"

# Hostile: zips. Corrupt (bytes overwritten), truncated, a bomb (a DOCX
# whose document.xml inflates to 200 MiB of spaces)
cp "$out/same/mid.docx" "$out/hostile/corrupt.docx"
printf 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' | dd of="$out/hostile/corrupt.docx" \
    bs=1 seek=40 conv=notrunc 2>/dev/null
head -c 2000 "$out/same/mid.docx" >"$out/hostile/truncated.docx"
mkdir -p "$tmp/bomb/word"
cp "$out/formats_ct.xml" "$tmp/bomb/[Content_Types].xml" 2>/dev/null ||
    printf '<?xml version="1.0"?><Types/>' >"$tmp/bomb/[Content_Types].xml"
python3 -c "
import sys
with open('$tmp/bomb/word/document.xml', 'w') as f:
    f.write('<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>')
    for i in range(200): f.write(' ' * (1 << 20))
    f.write('</w:t></w:r></w:p></w:body></w:document>')
"
(cd "$tmp/bomb" && zip -q -9 -r ../bomb.docx '[Content_Types].xml' word)
mv "$tmp/bomb.docx" "$out/hostile/bomb.docx"

# Hostile: billion laughs inside a DOCX's document.xml
mkdir -p "$tmp/laughs/word"
printf '<?xml version="1.0"?><Types/>' >"$tmp/laughs/[Content_Types].xml"
python3 -c "
ents = ''.join('<!ENTITY l%d \"%s\">' % (i, ('&l%d;' % (i - 1)) * 10 if i else 'lol') for i in range(10))
open('$tmp/laughs/word/document.xml', 'w').write('<?xml version=\"1.0\"?><!DOCTYPE w:document [' + ents + ']><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
"
(cd "$tmp/laughs" && zip -q -r ../laughs.docx '[Content_Types].xml' word)
mv "$tmp/laughs.docx" "$out/hostile/billion_laughs.docx"

# Hostile: JSON, invalid and 100 levels deep
printf '{"basics": {"name": "A", "label": "ML Engineer",\n  "summary": "Python' \
    >"$out/hostile/invalid.json"
python3 -c "print('{\"basics\": {\"name\": \"Deep\"}, \"work\": ' + '[' * 100 + ']' * 100 + '}')" \
    >"$out/hostile/deep.json"
echo "fixtures written to $out"
