#!/bin/sh
# Build the Debian packages (skillmatch, libskillmatch0, libskillmatch-dev)
# with dpkg-buildpackage on a copy of the source in a temporary folder, so
# that nothing is written beside the checkout (dpkg-buildpackage puts its
# output in the parent folder); then lintian on them.
#   tools/deb.sh OUTDIR     the .deb files, the .changes and lintian.txt go
#                           there; exit 1 when the build fails or lintian
#                           reports an error
out=${1:?usage: tools/deb.sh OUTDIR}
version=$(sed -n 's/^#define SM_VERSION "\(.*\)"/\1/p' matcher/lib/include/skillmatch.h)
deb_version=$(dpkg-parsechangelog -l debian/changelog -S Version)
case $deb_version in
    "$version"|"$version"-*) ;;
    *) echo "deb: debian/changelog is at $deb_version, skillmatch.h at $version" >&2
       exit 1 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=$tmp/skillmatch-$version
mkdir -p "$src" "$out"
# what git knows of the worktree (committed or not), without build output
git ls-files -z --cached --others --exclude-standard |
    xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
    tar --null -T - -cf - | tar -xf - -C "$src"
export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-parallel=2}"
if ! (cd "$src" && dpkg-buildpackage -us -uc -b >"$tmp/build.log" 2>&1); then
    tail -30 "$tmp/build.log" >&2
    echo "deb: dpkg-buildpackage failed" >&2
    exit 1
fi
rm -f "$out"/*.deb "$out"/*.changes
cp "$tmp"/*.deb "$tmp"/*.changes "$out"/
cp "$tmp/build.log" "$out/build.log"
lintian --no-tag-display-limit "$tmp"/*.changes >"$out/lintian.txt" 2>&1
if grep -q '^E:' "$out/lintian.txt"; then
    grep '^E:' "$out/lintian.txt" >&2
    echo "deb: lintian reports errors ($out/lintian.txt)" >&2
    exit 1
fi
ls "$out"/*.deb
