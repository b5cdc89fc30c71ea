#!/usr/bin/env python3
"""Print the module graph of matcher/ and fail when it has a cycle.

  tools/modgraph.py [--quiet] [BUILD_DIR]   (--quiet: only what fails)

A module is a folder: matcher/lib/<name>/ (util, doc, engine, rules,
analyze, lint, render), the public header matcher/lib/include/ ("api"),
and the program matcher/cli/ ("cli"). Two graphs are drawn, each edge
"from -> to" meaning "from uses to":
  - includes: a file of one module that #includes a header of another;
  - links: an object of one module whose undefined symbol another
    module's object defines (nm, from BUILD_DIR/lib and BUILD_DIR/cli).
It also checks what the build must keep true:
  - no library file includes a CLI header, no CLI file a private header;
  - each library function or variable a module defines (nm) is declared
    in that module's own headers (its <name>.h, and the headers of one
    topic beside it, such as doc/formats.h) or in skillmatch.h, and in no
    other module's, so that a header that lies
    about who owns a function fails here instead of going stale.
Closes with "modgraph: N passed, N failed", like the other suites.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = os.path.join(ROOT, 'matcher', 'lib')
CLI = os.path.join(ROOT, 'matcher', 'cli')
args = sys.argv[1:]
quiet = '--quiet' in args
args = [a for a in args if a != '--quiet']
build = args[0] if args else 'build'
if not os.path.isabs(build):
    build = os.path.join(ROOT, build)

passed = failed = 0


def result(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL ' + what)


def module_of(path):
    rel = os.path.relpath(path, ROOT)
    parts = rel.split(os.sep)
    if parts[:2] == ['matcher', 'cli']:
        return 'cli'
    if parts[:2] == ['matcher', 'lib'] and len(parts) > 3:
        return 'api' if parts[2] == 'include' else parts[2]
    return None


def sources():
    out = []
    for top in (LIB, CLI):
        for d, _, files in os.walk(top):
            for f in sorted(files):
                if f.endswith(('.c', '.h')):
                    out.append(os.path.join(d, f))
    return sorted(out)


INC = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def resolve(src, name):
    """The file a quoted include names, the way the Makefile's -I finds it."""
    mod = module_of(src)
    dirs = [os.path.dirname(src)]
    dirs += [os.path.join(LIB, 'include')]
    if mod != 'cli':
        dirs.append(LIB)
    for d in dirs:
        p = os.path.join(d, name)
        if os.path.isfile(p):
            return os.path.normpath(p)
    return None


def find_cycle(edges):
    """A cycle in {node: set(nodes)} as a list, or None."""
    state = {}
    stack = []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(edges.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if not state.get(m):
                c = visit(m)
                if c:
                    return c
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(edges):
        if not state.get(n):
            c = visit(n)
            if c:
                return c
    return None


def show(title, edges):
    if quiet:
        return
    print(title + ':')
    for a in sorted(edges):
        if edges[a]:
            print('  %-8s -> %s' % (a, ' '.join(sorted(edges[a]))))


# ---- includes ----
inc_edges = {}
files = sources()
for src in files:
    text = open(src, encoding='utf-8', errors='replace').read()
    mod = module_of(src)
    inc_edges.setdefault(mod, set())
    for name in INC.findall(text):
        dst = resolve(src, name)
        rel = os.path.relpath(src, ROOT)
        if dst is None:
            result(False, '%s: includes "%s", which is not found' %
                   (rel, name))
            continue
        to = module_of(dst)
        if mod == 'cli':
            result(to in ('cli', 'api'),
                   '%s: the program includes the private header %s' %
                   (rel, os.path.relpath(dst, ROOT)))
        elif to == 'cli':
            result(False, '%s: the library includes the CLI header %s' %
                   (rel, os.path.relpath(dst, ROOT)))
        if to != mod:
            inc_edges[mod].add(to)
show('includes', inc_edges)
cycle = find_cycle(inc_edges)
result(cycle is None, 'include cycle: ' + ' -> '.join(cycle or []))

# ---- links ----
def nm(obj, *flags):
    out = subprocess.run(['nm', *flags, obj], capture_output=True,
                         text=True, check=True).stdout
    return out.split('\n')


objs = []
for top in ('lib', 'cli'):
    for d, _, fs in os.walk(os.path.join(build, top)):
        for f in fs:   # (an object whose source is gone is stale)
            o = os.path.join(d, f)
            src = os.path.join(ROOT, 'matcher', os.path.relpath(o, build))
            if f.endswith('.o') and os.path.isfile(src[:-2] + '.c'):
                objs.append(o)
objs.sort()
if not objs:
    result(False, 'no objects under %s (build first)' % build)
defined = {}      # symbol -> module
defined_in = {}   # symbol -> object
undefined = []    # (module, symbol)
for o in objs:
    mod = module_of(os.path.join(ROOT, 'matcher',
                                 os.path.relpath(o, build)))
    for line in nm(o, '--defined-only'):
        p = line.split()
        if len(p) == 3 and p[1] in 'TDBR':
            defined[p[2]] = mod
            defined_in[p[2]] = o
    for line in nm(o, '-u'):
        p = line.split()
        if p:
            undefined.append((mod, p[-1]))
link_edges = {}
for mod, sym in undefined:
    link_edges.setdefault(mod, set())
    to = defined.get(sym)
    if to and to != mod:
        link_edges[mod].add(to)
show('links', link_edges)
cycle = find_cycle(link_edges)
result(cycle is None, 'link cycle: ' + ' -> '.join(cycle or []))

# ---- each module's header tells the truth ----
api = open(os.path.join(LIB, 'include', 'skillmatch.h')).read()
headers = {}
for mod in os.listdir(LIB):
    d = os.path.join(LIB, mod)
    if mod == 'include' or not os.path.isdir(d):
        continue
    headers[mod] = ''.join(open(os.path.join(d, f)).read()
                           for f in sorted(os.listdir(d)) if f.endswith('.h'))
for sym, mod in sorted(defined.items()):
    if mod == 'cli' or not sym.startswith('sm_'):
        continue
    decl = re.compile(r'\b%s\s*[(;]' % re.escape(sym))
    own = decl.search(headers.get(mod, '')) or decl.search(api)
    where = [m for m, t in headers.items() if m != mod and decl.search(t)]
    result(own is not None and not where,
           '%s: defined in %s (module %s) but declared in %s' %
           (sym, os.path.relpath(defined_in[sym], build), mod,
            ', '.join(where) or 'no header'))

if failed or not quiet:
    print('modgraph: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
