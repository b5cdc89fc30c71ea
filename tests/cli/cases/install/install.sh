# make install puts the program, rules, man page, header, library and
# pkg-config file in place, and the installed program finds its rules.
d=$(mktemp -d)
make -s install PREFIX=/usr DESTDIR="$d" >/dev/null 2>&1 || echo "install failed"
SKILLMATCH_RULES= "$d/usr/bin/skillmatch" rules list | sed -n "2p" | cut -c1-30
(cd "$d" && find . -type f | sort | grep -v "share/skillmatch/rules/")
ls "$d/usr/share/skillmatch/rules" | grep -E "^(facts|profiles|context)\.yaml$"
PKG_CONFIG_PATH="$d/usr/lib/pkgconfig" pkg-config --cflags --libs skillmatch
make -s uninstall PREFIX=/usr DESTDIR="$d" >/dev/null 2>&1
(cd "$d" && find . -type f | wc -l)
rm -rf "$d"
