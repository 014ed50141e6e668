#!/bin/sh
# The spell-checking benchmark (docs/BENCHMARKS.md, "Spell checking"): time to the first check per language,
# each language in a JVM of its own (cold), and what LanguageTool adds to the libraries (MB).
# Usage: bench/spell.sh [ru|en|pt|pt-BR|en-GB]... (a locale: the checker a site profile naming it gets)
set -e
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
for lang in ${*:-ru en pt}; do
  java -Xmx1g -Dfile.encoding=UTF-8 -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    org.diptych.bench.SpellBench "$lang"
done
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime
tr ':' '\n' < target/runtime.classpath | awk '/languagetool|opennlp|knowitall|morfologik|carrot|hppc|fastutil|guava|failureaccess|listenablefuture|jsr305|checker-qual|error_prone|j2objc|aho-corasick|commons-logging|commons-validator|commons-digester|javax.annotation|unit-api|indriya|uom-lib|loomchild|commons-lang3|commons-pool2|commons-text|org\/json|java-diff-utils|jaxb-api|activation|opentelemetry|pos-dict|openregex/' \
  | xargs du -cb | tail -1 | awk '{printf "LanguageTool and its libraries: %.1f MB\n", $1/1e6}'
tr ':' '\n' < target/runtime.classpath | awk '/richtextfx|reactfx|undofx|flowless|wellbehaved/' \
  | xargs du -cb | tail -1 | awk '{printf "RichTextFX and its libraries: %.1f MB\n", $1/1e6}'
