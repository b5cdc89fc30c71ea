#!/usr/bin/env python3
"""screen_spark.py - skillmatch screen over a JSON-lines file with Spark:
each partition is piped through `skillmatch screen --stdin-jsonl`.

  spark-submit --files skillmatch --archives rules.tgz#rules \
      screen_spark.py INPUT OUTPUT
"""
import sys

from pyspark import SparkContext


def main(argv):
    if len(argv) != 2:
        print("usage: screen_spark.py INPUT OUTPUT", file=sys.stderr)
        return 2
    sc = SparkContext(appName="skillmatch screen")
    rows = sc.textFile(argv[0]).pipe(
        "./skillmatch screen --stdin-jsonl -q -j1 --rules rules/rules")
    rows.saveAsTextFile(argv[1])
    sc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
