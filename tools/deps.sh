#!/bin/sh
# Install the Debian packages skillmatch needs to build and test, when they
# are missing and we may (root, apt-get); otherwise say what to install.
#   tools/deps.sh [EXTRA_PACKAGE...]   (make fuzz adds clang, valgrind valgrind,
#   tests/dist/run.sh python3-distributed)
# libzip-dev and libxml2-dev: DOCX, ODT, HTML; poppler-utils: pdftotext for PDF;
# python3-yaml, zsh, fish: the completions (written from a YAML description,
# tested in each shell)
PKGS="gcc make pkg-config libpcre2-dev libyaml-dev uthash-dev libjansson-dev
      libzip-dev libxml2-dev poppler-utils python3-yaml zsh fish $*"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
sudo=""
[ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
if { [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; } && command -v apt-get >/dev/null 2>&1; then
    echo "deps: installing$missing"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null ||
        { echo "deps: apt-get failed; install:$missing" >&2; exit 1; }
else
    echo "deps: missing packages:$missing" >&2
    echo "deps: run: sudo apt-get install$missing" >&2
    exit 1
fi
