#!/usr/bin/env python3
"""screen_dask.py - `skillmatch screen --stdin-jsonl` over a JSON-lines
file on a Dask distributed cluster: the file is cut into partitions at
line ends, each partition is piped through skillmatch on a worker, and the
rows are written in the input's order. Since --stdin-jsonl is a filter
that keeps input order, the result is byte for byte the output of one
process over the whole file.

  python3 screen_dask.py [--scheduler ADDR | --workers N] [--partitions P]
                         [--skillmatch PATH] INPUT.jsonl OUTPUT.jsonl
                         [-- SKILLMATCH_SCREEN_OPTIONS...]

Without --scheduler it starts a LocalCluster of N worker processes (one
thread each) on this machine; with it, it uses that cluster, whose workers
must all have skillmatch, the rules and the input file at the same paths
(a shared file system): each worker reads its own partition.
"""
import argparse
import os
import re
import subprocess
import sys

from dask.distributed import Client, LocalCluster


def partitions(path, parts):
    """(offset, length) of about `parts` pieces of the file, cut after a
    newline so that no JSON line is split."""
    size = os.path.getsize(path)
    step = max(1, -(-size // max(1, parts)))
    spans, start = [], 0
    with open(path, "rb") as f:
        while start < size:
            f.seek(min(size, start + step))
            f.readline()                     # on to the end of that line
            end = min(size, f.tell()) if start + step < size else size
            spans.append((start, end - start))
            start = end
    return spans


def screen_part(path, offset, length, command):
    """Run skillmatch over one partition: its rows and its number of
    lines, or an error naming the partition."""
    with open(path, "rb") as f:
        f.seek(offset)
        data = f.read(length)
    done = subprocess.run(command, input=data, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    # 0: rows written; 1: a score below --min-score; 3: some documents
    # failed, each with its row; 2 (usage, rules) and signals are errors
    if done.returncode not in (0, 1, 3):
        raise RuntimeError("partition at byte %d: skillmatch exited %d: %s"
                           % (offset, done.returncode,
                              done.stderr.decode(errors="replace").strip()))
    return done.stdout, data.count(b"\n")


# A line that is not JSON has no id: its row names the line, which in a
# partition is counted from the partition's start. Renumbered from the
# start of the file, the row is the one process's.
STDIN_ROW = re.compile(rb'^(\{"file":"<stdin>:)(\d+)(".*"error":"line )(\d+)(:)')


def renumber(rows, before):
    if not before or b'"file":"<stdin>:' not in rows:
        return rows
    out = []
    for row in rows.split(b"\n"):
        m = STDIN_ROW.match(row)
        if m:
            n = b"%d" % (int(m.group(2)) + before)
            row = (m.group(1) + n + m.group(3) + b"%d" % (int(m.group(4)) + before)
                   + m.group(5) + row[m.end():])
        out.append(row)
    return b"\n".join(out)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--scheduler", help="address of a running scheduler")
    p.add_argument("--workers", type=int, default=2,
                   help="local worker processes (default 2)")
    p.add_argument("--partitions", type=int, default=0,
                   help="pieces of the input (default: 4 per worker)")
    p.add_argument("--skillmatch", default="skillmatch",
                   help="the program (default: skillmatch on PATH)")
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("options", nargs=argparse.REMAINDER,
                   help="after --: options for skillmatch screen")
    a = p.parse_args(argv)
    opts = a.options[1:] if a.options[:1] == ["--"] else a.options
    command = [os.path.abspath(a.skillmatch)
               if os.sep in a.skillmatch else a.skillmatch,
               "screen", "--stdin-jsonl", "-q", "-j1"] + opts
    path = os.path.abspath(a.input)

    if a.scheduler:
        client, cluster = Client(a.scheduler), None
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        nworkers = len(client.scheduler_info()["workers"]) or 1
        spans = partitions(path, a.partitions or 4 * nworkers)
        futures = client.map(screen_part, [path] * len(spans),
                             [s[0] for s in spans], [s[1] for s in spans],
                             [command] * len(spans), pure=False)
        before = 0                           # lines of the partitions before
        with open(a.output, "wb") as out:
            for fut in futures:              # in input order
                rows, lines = fut.result()
                out.write(renumber(rows, before))
                before += lines
        hosts = {w.get("host", "?") for w in
                 client.scheduler_info()["workers"].values()}
        print("screen_dask: %d partitions on %d workers (%s)"
              % (len(spans), nworkers, ", ".join(sorted(hosts))),
              file=sys.stderr)
    finally:
        client.close()
        if cluster:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
