#!/bin/sh
# Materializes the alignment development set (docs/BENCHMARKS.md, "Alignment on real translations") into
# target/devset/<doc>/<lang>.md from local snapshots of public repositories at the pinned commits of
# bench/devset/manifest.tsv (doc, lang, repo, commit, path). The texts are never committed; the hand-made
# gold (paragraph index pairs) is, in bench/devset/gold/. A snapshot that is absent is reported, not fatal.
# Snapshots are bare git directories under $DEVSET_MIRRORS (default /work/.mirror/<owner>+<name>/repo).
# Usage: bench/devset.sh
cd "$(dirname "$0")/.."
MIRRORS=${DEVSET_MIRRORS:-/work/.mirror}
OUT=target/devset
mkdir -p "$OUT"
ok=0; missing=0
while IFS="$(printf '\t')" read -r doc lang repo commit path; do
  case "$doc" in ''|'#'*) continue ;; esac
  git_dir="$MIRRORS/$(echo "$repo" | tr / +)/repo"
  [ -d "$git_dir" ] || git_dir="$MIRRORS/$(echo "$repo" | tr / +)"
  mkdir -p "$OUT/$doc"
  if git --git-dir="$git_dir" show "$commit:$path" > "$OUT/$doc/$lang.md.tmp" 2>/dev/null; then
    mv "$OUT/$doc/$lang.md.tmp" "$OUT/$doc/$lang.md"; ok=$((ok + 1))
  else
    rm -f "$OUT/$doc/$lang.md.tmp"
    echo "devset: missing $doc/$lang ($repo at ${commit%${commit#????????}}:$path; no snapshot in $MIRRORS)" >&2
    missing=$((missing + 1))
  fi
done < bench/devset/manifest.tsv
echo "devset: $ok texts in $OUT, $missing missing"
