#!/bin/sh
# The fault-injection suite (docs/BENCHMARKS.md, "Fault injection"): a generated corpus of truncations, bit
# flips, wrong encodings, hostile XML, path tricks and symlinks run over every importer (markdown, text, HTML,
# DOCX, XLIFF, TMX, TBX); each case must succeed, or fail with one line, exit 1/2 and the project unchanged.
# Usage: bench/faults.sh [FLIPS_PER_IMPORTER [SEED]] (default 40 and 1); extra JVM options in JAVA_OPTS.
set -e
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -Dfile.encoding=UTF-8 $JAVA_OPTS \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.diptych.bench.FaultBench "$@"
