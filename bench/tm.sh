#!/bin/sh
# Translation-memory benchmark: Diptych and Okapi's Pensieve TM side by side on the same generated TMX
# files and queries (see src/test/java/org/diptych/bench/TmBenchData.java for what is generated).
#
# Usage: bench/tm.sh [UNITS] [SEED]        defaults: 100000 units, seed 42
#   PER_CLASS=200   queries per class (exact, edit1, edit3, number, swapped, unrelated)
#   PAIRS="ru pt"   target languages (each against English)
#   ADD=1           also time adding 1,000 units to the en→ru TM (TmAddBench)
#   JAVA_OPTS=...   the Diptych runs' JVM options (default -Xmx1g; e.g. "-Xmx1g -XX:TieredStopAtLevel=1",
#                   the client compiler that bin/diptych runs)
#   TEAM=1          also the team column: the en→ru TMX imported into a two-node SolrCloud in one JVM
#                   (TeamTmBench, -Pteam class path), the queries asked by CLIENTS=8 concurrent clients
# Data and results go to bench-data/ (ignored by git); the tables are printed at the end.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
units=${1:-100000}
seed=${2:-42}
per=${PER_CLASS:-200}
pairs=${PAIRS:-"ru pt"}
data=$here/bench-data
out=$data/tm-results
mkdir -p "$out" "$data/work"
cd "$here"

echo "== building (test classes and class paths)"
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$data/app.cp" -Dmdep.includeScope=test >/dev/null
# Pensieve brings Lucene 8: it gets a class path of its own, never the app's.
if [ ! -s "$data/pensieve.cp" ]; then
  (cd bench/pensieve && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$data/pensieve.cp" >/dev/null)
fi
mkdir -p "$data/pensieve-classes"
javac -nowarn -d "$data/pensieve-classes" -cp "$(cat "$data/pensieve.cp")" bench/pensieve/PensieveBench.java
# A snapshot of the classes, so that rebuilding the project meanwhile does not change a running benchmark.
rm -rf "$data/classes" && mkdir -p "$data/classes"
cp -r target/classes "$data/classes/main" && cp -r target/test-classes "$data/classes/test"
cp="$data/classes/test:$data/classes/main:$(cat "$data/app.cp")"
if [ "${TEAM:-0}" = 1 ]; then
  # Solr's class path (Lucene 9.12.3, solr-core, Jetty, ZooKeeper) lives in the -Pteam profile only
  mvn -q -B -o -Pteam test-compile
  mvn -q -B -o -Pteam dependency:build-classpath -Dmdep.outputFile="$data/team.cp" -Dmdep.includeScope=test >/dev/null
  rm -rf "$data/classes/team" && cp -r target/test-classes "$data/classes/team"
  teamcp="$data/classes/team:$data/classes/main:$(cat "$data/team.cp")"
fi

if [ ! -f "$data/queries-$units.tsv" ] || [ "$(cat "$data/seed-$units" 2>/dev/null)" != "$seed/$per" ]; then
  echo "== generating $units units per language pair (seed $seed)"
  java -Xmx1g -cp "$cp" org.diptych.bench.TmBench generate "$seed" "$units" "$per" "$data"
  echo "$seed/$per" > "$data/seed-$units"
fi

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
for pair in $pairs; do
  case $pair in ru) tgt=ru-RU ;; pt) tgt=pt-BR ;; *) echo "unknown pair $pair" >&2; exit 2 ;; esac
  tmx="$data/en-$pair-$units.tmx"
  echo "== en→$pair: Diptych (${JAVA_OPTS:--Xmx1g}); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java ${JAVA_OPTS:--Xmx1g} -cp "$cp" org.diptych.bench.TmBench diptych "$tmx" "$data/queries-$units.tsv" en-US "$tgt" \
    "$data/work/diptych-$pair" "$out/diptych-$pair-$units"
  echo "== en→$pair: Pensieve; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx2g -cp "$data/pensieve-classes:$(cat "$data/pensieve.cp")" PensieveBench "$tmx" "$data/queries-$units.tsv" \
    en-US "$tgt" "$data/work/pensieve-$pair" "$out/pensieve-$pair-$units" 2>"$out/pensieve-$pair-$units.log"
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
if [ "${TEAM:-0}" = 1 ]; then
  echo "== en→ru: team TM (SolrCloud, 2 nodes in one JVM, ${CLIENTS:-8} clients); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$data/work/team" && mkdir -p "$data/work/team"
  java -Xmx2g -cp "$teamcp" org.diptych.bench.TeamTmBench "$data/en-ru-$units.tmx" "$data/queries-$units.tsv" en-US ru-RU \
    "$data/work/team" "$out/team-ru-$units" "${CLIENTS:-8}" 2>"$out/team-ru-$units.log" | tee "$out/team-ru-$units.txt"
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
if [ "${ADD:-0}" = 1 ]; then
  echo "== adding 1,000 units to the en→ru TM of $units units (an import writes a segment, not the whole record)"
  echo "   load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java ${JAVA_OPTS:--Xmx1g} -cp "$cp" org.diptych.bench.TmAddBench "$data/en-ru-$units.tmx" "$data/work/add" 1000 | tee "$out/add-$units.txt"
fi
echo
for pair in $pairs; do
  team=""
  if [ "${TEAM:-0}" = 1 ] && [ "$pair" = ru ]; then team="$out/team-ru-$units"; fi
  java -cp "$cp" org.diptych.bench.TmBench report "en→$pair, $units units" "$out/diptych-$pair-$units" \
    "$out/pensieve-$pair-$units" $team
done
