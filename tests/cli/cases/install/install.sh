# make install puts the program, the libraries (shared with its soname and
# a link, static), header, pkg-config file, rules, man page and the three
# completions in place; the installed program finds its rules; a program
# built against the installed library through pkg-config links and runs,
# shared and static (tests/install/embed.sh); uninstall removes it all.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
make -s install PREFIX="$d/usr" >/dev/null 2>&1 || echo "install failed"
SKILLMATCH_RULES= "$d/usr/bin/skillmatch" rules list | sed -n "2p" | cut -c1-30
(cd "$d" && find . ! -type d | sort | grep -v "share/skillmatch/rules/")
readlink "$d/usr/lib/libskillmatch.so"
readelf -d "$d/usr/lib/libskillmatch.so.0" | sed -n 's/.*(SONAME).*\[\(.*\)\]/soname \1/p'
ls "$d/usr/share/skillmatch/rules" | grep -E "^(facts|profiles|context)\.yaml$"
PKG_CONFIG_PATH="$d/usr/lib/pkgconfig" pkg-config --libs skillmatch | sed "s|$d|DIR|g"
PKG_CONFIG_PATH="$d/usr/lib/pkgconfig" pkg-config --variable=rulesdir skillmatch | sed "s|$d|DIR|g"
sh tests/install/embed.sh "$d/usr/lib/pkgconfig"
make -s uninstall PREFIX="$d/usr" >/dev/null 2>&1
(cd "$d" && find . ! -type d | wc -l)
