#!/bin/sh
# a converter as --pre gets it: the path as argument, the bytes on stdin
echo "converted $(basename "$1")"
cat
