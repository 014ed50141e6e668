#!/bin/sh
# The site benchmark (docs/BENCHMARKS.md, "Site import"): a generated Jekyll site of POSTS ru posts (default
# 2000) from our own sample statements, 30% translated, discovered, paired, imported, aligned and fed to the TM
# of a new project within a 1 GB heap. Work files in bench-data/site (ignored).
# Usage: bench/site.sh [POSTS] [extra JVM options]
set -e
cd "$(dirname "$0")/.."
POSTS=${1:-2000}
[ $# -gt 0 ] && shift
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -Dfile.encoding=UTF-8 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.diptych.bench.SiteBench bench-data/site "$POSTS"
