#!/bin/sh
# Launch benchmark of the installed app image (issue 13): time from launch to a usable window on the
# bundled sample (the app logs "Window shown N ms after the JVM started (M ms of CPU)" once the first frame after
# opening the project is laid out), resident memory of the idle window, image size.
# Needs the image (mvn -B -Pinstaller -DskipTests package) and an X display (e.g. Xvfb :99).
#   bench/launch.sh [RUNS]        DISPLAY defaults to :99
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
image="$here/target/installer/Diptych"
runs=${1:-5}
display=${DISPLAY:-:99}
[ -x "$image/bin/Diptych" ] || { echo "launch.sh: no image; run mvn -B -Pinstaller -DskipTests package" >&2; exit 1; }
echo "image size: $(du -sm "$image" | cut -f1) MB ($(du -sm "$image/lib/runtime" | cut -f1) MB runtime)"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
log="$home/.local/share/diptych/logs/diptych.log"
for i in $(seq 0 "$runs"); do
  env -i DISPLAY="$display" HOME="$home" "$image/bin/Diptych" >/dev/null 2>&1 &
  pid=$!
  n=0
  until [ -f "$log" ] && [ "$(grep -c 'Window shown' "$log")" -gt "$i" ]; do
    n=$((n + 1)); [ $n -gt 600 ] && { echo "no window after 60 s" >&2; kill $pid; exit 1; }
    sleep 0.1
  done
  ms=$(grep 'Window shown' "$log" | tail -1 | sed 's/.*shown \([0-9]*\) ms.*/\1/')
  if [ "$i" -eq 0 ]; then kind="first start (cold: sample copied, JavaFX natives unpacked)"; else kind="warm"; fi
  if [ "$i" -eq "$runs" ]; then
    sleep 5
    jpid=$(pgrep -P $pid || echo $pid)
    echo "idle window RSS: $(awk '/VmRSS/ {print int($2/1024)}' /proc/$jpid/status) MB"
  fi
  cpu=$(grep 'Window shown' "$log" | tail -1 | sed -n 's/.*(\([0-9]*\) ms of CPU).*/\1/p')
  echo "run $i: window shown after $ms ms, $cpu ms of CPU ($kind)"
  kill $pid; wait $pid 2>/dev/null || true
done
