#!/bin/sh
# Kill -9 trials (issue 11): real CLI processes of import, align, tm import and export killed with SIGKILL at
# random moments; the project and the TM must be at the state before or after, and the command run again
# must not be blocked and must end at the state after (src/test/java/org/diptych/bench/Kill9Bench.java).
#
# Usage: bench/kill9.sh [TRIALS per command, default 30] [SEED, default 11] [OPS, default import,align,tm,export]
# Work files go to bench-data/kill9 (ignored by git).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
data=$here/bench-data
mkdir -p "$data"
cd "$here"
. "$here/bench/lib/snapshot-classes.sh"
snapshot_classes kill9
echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -cp "$cp" org.diptych.bench.Kill9Bench "$data/kill9" "${1:-30}" "${2:-11}" "${3:-import,align,tm,export}"
