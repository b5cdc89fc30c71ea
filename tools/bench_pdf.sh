#!/bin/sh
# bench_pdf.sh - `skillmatch screen` over a folder of PDFs against
# pdftotext alone on the same files, as a ratio (`make bench`; issue 13's
# goal: 1.3 at most). The folder holds BENCH_PDF_COUNT (default 1000)
# copies of the PDF fixtures of tests/formats/ (each copy is a new file to
# poppler: nothing is cached between processes). Both sides run one file
# at a time (-j1 against a loop), then on every core (-jN against
# xargs -P N).
#   tools/bench_pdf.sh        (SKILLMATCH_BIN names the program)
SM=${SKILLMATCH_BIN:-matcher/skillmatch}
COUNT=${BENCH_PDF_COUNT:-1000}
DIR=${BENCH_DIR:-bench}/pdf-$COUNT
command -v pdftotext >/dev/null 2>&1 ||
    { echo "bench_pdf: pdftotext missing (poppler-utils); skipped"; exit 0; }
if [ "$(find "$DIR" -name '*.pdf' 2>/dev/null | wc -l)" != "$COUNT" ]; then
    rm -rf "$DIR"; mkdir -p "$DIR"
    set -- tests/formats/same/*.pdf tests/formats/twocolumn.pdf
    i=0
    while [ $i -lt "$COUNT" ]; do
        for f in "$@"; do
            [ $i -lt "$COUNT" ] || break
            cp "$f" "$DIR/$(printf %05d $i)-$(basename "$f")"; i=$((i + 1))
        done
    done
fi
cat "$DIR"/*.pdf >/dev/null                 # into the page cache
cpus=$(nproc 2>/dev/null || echo 1)

secs() {   # secs COMMAND...: wall seconds
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
    echo "$t0 $t1" | awk '{ printf "%.2f", $2 - $1 }'
}
loop() { for f in "$DIR"/*.pdf; do pdftotext -enc UTF-8 "$f" - ; done; }
par() { find "$DIR" -name '*.pdf' -print0 | xargs -0 -n 1 -P "$cpus" sh -c 'pdftotext -enc UTF-8 "$0" -'; }

echo "skillmatch bench_pdf: $COUNT PDFs in $DIR, $cpus cores"
p1=$(secs loop); s1=$(secs "$SM" screen -q -j1 "$DIR")
pn=$(secs par); sn=$(secs "$SM" screen -q -j"$cpus" "$DIR")
awk -v p1="$p1" -v s1="$s1" -v pn="$pn" -v sn="$sn" -v n="$COUNT" -v c="$cpus" 'BEGIN {
    printf "%-32s %8s %10s\n", "", "seconds", "PDFs/s"
    printf "%-32s %8.2f %10.0f\n", "pdftotext, one at a time", p1, n / p1
    printf "%-32s %8.2f %10.0f\n", "skillmatch screen -j1", s1, n / s1
    printf "%-32s %8.2f %10.0f\n", "pdftotext, xargs -P " c, pn, n / pn
    printf "%-32s %8.2f %10.0f\n", "skillmatch screen -j" c, sn, n / sn
    printf "ratio screen / pdftotext: %.2f (one at a time), %.2f (%d cores); goal <= 1.3\n",
        s1 / p1, sn / pn, c }'
