#!/bin/sh
# Full disk on a real 2 MB tmpfs (issue 11): import --replace, tm import, align and export with the free space
# swept from 0 upwards; every failure must leave the project (and the export folder) all or nothing, say so in
# one line, leave no empty or garbage .diptych.lock, and the same command run again must succeed
# (src/test/java/org/diptych/bench/FullDiskBench.java). As root the tmpfs is mounted directly; otherwise the
# bench runs inside a user and mount namespace (unshare -rm); if neither may mount, it says so and stops.
#
# Usage: bench/fulldisk.sh [STEP bytes, default 4096] [OPS, default replace,tm,align,export]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
data=$here/bench-data
mkdir -p "$data"
cd "$here"
. "$here/bench/lib/snapshot-classes.sh"
snapshot_classes fulldisk
echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
set -- java -Xmx1g -cp "$cp" org.diptych.bench.FullDiskBench "$data/fulldisk" "$data/fulldisk-mnt" "${1:-4096}" "${2:-replace,tm,align,export}"
if [ "$(id -u)" = 0 ]; then
  "$@"
elif command -v unshare >/dev/null 2>&1 && unshare -rm true 2>/dev/null; then
  unshare -rm "$@"
else
  echo "skipped: not root and no user namespace (unshare -rm) to mount a tmpfs in"
fi
