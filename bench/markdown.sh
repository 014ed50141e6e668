#!/bin/sh
# The markdown model benchmark (docs/BENCHMARKS.md, "Markdown model"): per-paragraph cost of every path that
# reads markdown through org.diptych.markdown.Markdown, and one block of growing size.
# Usage: bench/markdown.sh [extra JVM options]
set -e
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx500m -Dfile.encoding=UTF-8 "$@" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.diptych.bench.MarkdownBench
