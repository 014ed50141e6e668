#!/bin/sh
# Site import on public multilingual sites (docs/BENCHMARKS.md, "Site import on public sites"): each site of
# bench/public-sites.tsv is materialized at its pinned commit from a local snapshot (a bare git directory under
# $SITE_MIRRORS, default /work/.mirror/<owner>+<name>/repo) into bench-data/public/<name>/site (never
# committed), then `import-site --dry-run`, a real import into a new ru/en/pt project and a second run (nothing
# changed) are timed. Then the round trip: the checkout is made a git work tree, every statement is exported back
# into it (org.diptych.bench.SiteExportBench all) and `git status --porcelain` must be empty; then one translation
# (TRANSLATE, default pt) of a statement with a nested site file is started in the project and exported, and git
# status shows where it landed. A snapshot that is absent is reported, not fatal. Logs in bench-data/public/<name>/.
# Usage: [TRANSLATE=ru] bench/public-sites.sh [NAME...]
set -e
cd "$(dirname "$0")/.."
MIRRORS=${SITE_MIRRORS:-/work/.mirror}
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# a copy of the classes, so that a build in the work tree while the bench runs does not pull them away
rm -rf bench-data/public/.classes; mkdir -p bench-data/public/.classes
cp -r target/classes target/test-classes bench-data/public/.classes/
CP="bench-data/public/.classes/classes:bench-data/public/.classes/test-classes:$(cat target/bench.classpath)"
TRANSLATE=${TRANSLATE:-pt}
diptych() { java -Xmx1g -Dfile.encoding=UTF-8 -cp "$CP" org.diptych.cli.Main "$@"; }
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc | sed 's/^\./0./'; }
tab=$(printf '\t')
grep -v '^#' bench/public-sites.tsv | while IFS="$tab" read -r name repo commit folder convention; do
  [ -n "$name" ] || continue
  if [ $# -gt 0 ]; then case " $* " in *" $name "*) ;; *) continue ;; esac; fi
  git_dir="$MIRRORS/$(echo "$repo" | tr / +)/repo"
  [ -d "$git_dir" ] || git_dir="$MIRRORS/$(echo "$repo" | tr / +)"
  out="bench-data/public/$name"
  rm -rf "$out"; mkdir -p "$out/checkout"
  if ! git --git-dir="$git_dir" archive "$commit" 2>/dev/null | tar -x -C "$out/checkout"; then
    echo "$name: no snapshot of $repo at ${commit%${commit#????????}} in $MIRRORS; skipped" >&2
    continue
  fi
  site="$out/checkout/$folder"
  echo "== $name ($repo at ${commit%${commit#????????}}, $convention); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  diptych new --name "$name" --languages ru,en,pt "$out/project" > /dev/null
  t0=$(now); diptych import-site --dry-run --project "$out/project" "$site" > "$out/dry-run.txt" 2> "$out/dry-run.err" || true; t1=$(now)
  sed -n '2,4p' "$out/dry-run.txt"
  grep -E 'ambiguous pairings|posts in languages outside' "$out/dry-run.txt" || true
  echo "  dry run $(secs "$t0" "$t1") s"
  t0=$(now); diptych import-site --project "$out/project" "$site" > "$out/import.txt" 2> "$out/import.err" || echo "  import failed: $(tail -1 "$out/import.err")"; t1=$(now)
  grep -E '^Imported' "$out/import.txt" | sed 's/^/  /' || true
  echo "  import $(secs "$t0" "$t1") s"
  t0=$(now); diptych import-site --project "$out/project" "$site" > "$out/rerun.txt" 2> "$out/rerun.err" || echo "  re-run failed: $(tail -1 "$out/rerun.err")"; t1=$(now)
  grep -E '^Imported' "$out/rerun.txt" | sed 's/^/  second run: /' || true
  echo "  second run $(secs "$t0" "$t1") s"
  # the round trip: export everything back into the checkout (a git work tree of the snapshot as materialized)
  git -C "$site" init -q && git -C "$site" add -A && git -C "$site" -c user.name=bench -c user.email=bench@localhost commit -q -m snapshot
  t0=$(now)
  java -Xmx1g -Dfile.encoding=UTF-8 -cp "$CP" org.diptych.bench.SiteExportBench all "$out/project" "$site" > "$out/export.txt" 2>&1 || true
  t1=$(now)
  grep -E '^exported' "$out/export.txt" | sed 's/^/  /' || tail -1 "$out/export.txt"
  echo "  export back $(secs "$t0" "$t1") s; git status --porcelain: $(git -C "$site" status --porcelain -uall | wc -l) entries"
  git -C "$site" status --porcelain -uall | head -5 | sed 's/^/    /'
  git -C "$site" status --porcelain -uall > "$out/export-status.txt"
  # a new translation of a nested page: where it lands
  java -Xmx1g -Dfile.encoding=UTF-8 -cp "$CP" org.diptych.bench.SiteExportBench translate "$out/project" "$site" "$TRANSLATE" \
    > "$out/translate.txt" 2>&1 || true
  grep -E '^translated|^no statement|preview: '"$TRANSLATE" "$out/translate.txt" | sed 's/^/  /' || tail -1 "$out/translate.txt"
  echo "  after the $TRANSLATE translation, git status --porcelain:"
  git -C "$site" status --porcelain -uall | head -5 | sed 's/^/    /'
done
