#!/bin/sh
# Build examples/embed/embed.c against an installed skillmatch, through its
# pkg-config file, twice: shared (plain --cflags --libs) and static
# (--static, with libskillmatch.a taken over libskillmatch.so); show which
# library each binary needs, and run each on a sample resume with the rules
# the .pc file's rulesdir names.
#   tests/install/embed.sh PCDIR [SYSROOT]
# PCDIR holds skillmatch.pc; SYSROOT is where a tree installed for / was
# unpacked (dpkg-deb -x), empty for an installation in place.
pcdir=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PKG_CONFIG_PATH="$pcdir"
[ -n "$root" ] && export PKG_CONFIG_SYSROOT_DIR="$root"
pc="pkg-config"
$pc --exists skillmatch || { echo "embed: no skillmatch.pc in $pcdir"; exit 1; }
rules=$root$($pc --variable=rulesdir skillmatch)
libdir=$root$($pc --variable=libdir skillmatch)
sample=corpus/resumes/mid.txt
needs() {   # the libskillmatch a binary loads, from its dynamic section
    n=$(readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(libskillmatch[^]]*\)\].*/\1/p')
    echo "${n:-no libskillmatch.so}"
}
# shared: what an embedder types
if ${CC:-cc} -o "$tmp/embed-shared" examples/embed/embed.c \
        $($pc --cflags --libs skillmatch) 2>"$tmp/err"; then
    echo "shared: needs $(needs "$tmp/embed-shared")"
    LD_LIBRARY_PATH="$libdir" "$tmp/embed-shared" "$rules" "$sample"
    echo "shared: exit $?"
else
    echo "shared: link failed"; sed 's/^/  /' "$tmp/err" | head -5
fi
# static: the archive, and its dependencies from Requires.private and
# Libs.private
libs=$($pc --static --libs skillmatch |
       sed 's/-lskillmatch/-Wl,-Bstatic -lskillmatch -Wl,-Bdynamic/')
if ${CC:-cc} -o "$tmp/embed-static" examples/embed/embed.c \
        $($pc --cflags skillmatch) $libs 2>"$tmp/err"; then
    echo "static: needs $(needs "$tmp/embed-static")"
    "$tmp/embed-static" "$rules" "$sample"
    echo "static: exit $?"
else
    echo "static: link failed"; sed 's/^/  /' "$tmp/err" | head -5
fi
