#!/usr/bin/env python3
"""zsh_opts.py - the options the zsh completion offers for a command: the
option forms in the _arguments specs of its `CMD)` branch.
  tests/completion/zsh_opts.py FILE COMMAND"""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"\n    %s\)\n(.*?)\n        ;;" % re.escape(sys.argv[2]), text, re.S)
if not m:
    sys.exit(f"zsh_opts: no branch for {sys.argv[2]}")
for line in m.group(1).splitlines():
    line = line.strip()
    brace = re.search(r"\{([^}]*)\}", line)
    if brace:
        forms = brace.group(1).split(",")
    else:
        one = re.match(r"'(?:\([^)]*\)|\*)?(-[^\[:']+)\[", line)
        forms = [one.group(1)] if one else []
    for f in forms:
        print(f.rstrip("+="))
