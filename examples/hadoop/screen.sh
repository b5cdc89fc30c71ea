#!/bin/sh
# screen.sh - skillmatch screen over a JSON-lines file on HDFS with Hadoop
# Streaming, map-only; the rules go along as an archive (rules.tgz, made
# by: tar czf rules.tgz -C /usr/local/share/skillmatch rules).
#   examples/hadoop/screen.sh INPUT OUTPUT   (HADOOP_STREAMING: the jar)
[ $# = 2 ] || { echo "usage: screen.sh INPUT OUTPUT" >&2; exit 2; }
jar=${HADOOP_STREAMING:-$HADOOP_HOME/share/hadoop/tools/lib/hadoop-streaming.jar}
exec hadoop jar "$jar" \
    -D mapreduce.job.reduces=0 \
    -D mapreduce.job.name="skillmatch screen" \
    -files "$(command -v skillmatch)" \
    -archives rules.tgz#rules \
    -input "$1" -output "$2" \
    -mapper './skillmatch screen --stdin-jsonl -q -j1 --rules rules/rules'
