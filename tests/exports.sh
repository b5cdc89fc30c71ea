#!/bin/sh
# The installed libraries export the public API and nothing else: the
# names nm lists as defined in libskillmatch.a and libskillmatch.so are
# the functions skillmatch.h declares with SM_API, no more, no fewer; and
# debian/libskillmatch0.symbols lists the same names, so that the package
# build's symbol check speaks of the library as it is.
#   tests/exports.sh [BUILD_DIR]
build=${1:-build}
hdr=matcher/lib/include/skillmatch.h
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# without comments (cc -fpreprocessed expands nothing), a declaration
# may run over several lines: join them up to the ';'
${CC:-cc} -fpreprocessed -dD -E -P -x c "$hdr" 2>/dev/null | grep -v '^#' |
    tr '\n' ' ' | tr ';' '\n' |
    grep -E '(^|[ }])SM_API ' |
    sed -E 's/\(.*//; s/.*[ *]//' | sort -u >"$tmp/header"
[ -s "$tmp/header" ] || { echo "no SM_API declarations in $hdr"; fail=1; }
compare() {   # compare() WHAT FILE-OF-NAMES
    if cmp -s "$tmp/header" "$2"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL $1 exports differ from $hdr:"
        diff "$tmp/header" "$2" | grep '^[<>]' | sed 's/^</  missing:/; s/^>/  extra:  /' | head -20
    fi
}
nm -g --defined-only "$build/libskillmatch.a" 2>/dev/null |
    awk 'NF == 3 && $2 ~ /[TDBRVW]/ {print $3}' | sort -u >"$tmp/static"
compare "$build/libskillmatch.a" "$tmp/static"
nm -D --defined-only "$build/libskillmatch.so" 2>/dev/null |
    awk 'NF == 3 && $2 ~ /[TDBRVW]/ && $3 !~ /^_/ {print $3}' | sort -u >"$tmp/shared"
compare "$build/libskillmatch.so" "$tmp/shared"
if [ -f debian/libskillmatch0.symbols ]; then
    sed -n 's/^ \([A-Za-z_0-9]*\)@.*/\1/p' debian/libskillmatch0.symbols |
        sort -u >"$tmp/debsyms"
    compare debian/libskillmatch0.symbols "$tmp/debsyms"
fi
echo "exports: $pass passed, $fail failed"
[ $fail = 0 ]
