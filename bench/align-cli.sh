#!/bin/sh
# The long alignment run as a whole CLI process (docs/BENCHMARKS.md, "Alignment, whole CLI process"): writes
# the 18,000 x 18,000 paragraph variant of bench/align.sh (perturbed copies of the UDHR, fetched by
# bench/align.sh into bench-data/) as two line files, then times `diptych align --lines` on them three times
# with GNU time: wall, CPU, maximum resident set size of the whole JVM (lexicon learning included), and the
# load average before each run. JVM options: DIPTYCH_JAVA_OPTS (default -Xmx400m -XX:TieredStopAtLevel=1, the
# client compiler only, as bin/diptych runs the CLI; DIPTYCH_JAVA_OPTS=-Xmx400m measures the default JIT).
# Usage: bench/align-cli.sh
set -e
cd "$(dirname "$0")/.."
[ -f bench-data/package/declaration/eng.html ] || { echo "align-cli: run bench/align.sh first (it fetches the UDHR)" >&2; exit 1; }
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
java -Dfile.encoding=UTF-8 -cp "$CP" org.diptych.bench.LongLines bench-data/package/declaration target/long
for run in 1 2 3; do
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "wall %e s, cpu %U+%S s (user+sys), max RSS %M KB" \
    java ${DIPTYCH_JAVA_OPTS:--Xmx400m -XX:TieredStopAtLevel=1} -Dfile.encoding=UTF-8 -cp "$CP" org.diptych.cli.Main \
    align --lines --source-lang en --target-lang ru target/long/eng.txt target/long/rus.txt > target/long/beads.txt
done
echo "$(wc -l < target/long/beads.txt) beads"
