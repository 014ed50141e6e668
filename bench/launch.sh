#!/bin/sh
# Launch benchmark of the installed app image (issue 13): time from launch to a usable window on the
# bundled sample (the app logs "Window shown N ms after the JVM started (M ms of CPU)" once the first frame after
# opening the project is laid out), resident memory of the idle window, image size, and the load average
# beside each run (on the shared 2-core machine the CPU time is the steadier figure).
# Needs the image (mvn -B -Pinstaller -DskipTests package) and an X display (e.g. Xvfb :99).
#   bench/launch.sh [RUNS]                DISPLAY defaults to :99; IMAGE=DIR measures another image
#   bench/launch.sh --javafx-run [RUNS]   the same runs through `mvn -o javafx:run` (the checkout's sample; the
#                                         time is from the forked JVM's start, Maven's own start-up not counted)
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
image="${IMAGE:-$here/target/installer/Diptych}"
mode=image
[ "${1:-}" = "--javafx-run" ] && { mode=javafx-run; shift; }
runs=${1:-5}
display=${DISPLAY:-:99}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
if [ $mode = image ]; then
  [ -x "$image/bin/Diptych" ] || { echo "launch.sh: no image; run mvn -B -Pinstaller -DskipTests package" >&2; exit 1; }
  echo "image size: $(du -sm "$image" | cut -f1) MB ($(du -sm "$image/lib/runtime" | cut -f1) MB runtime, $(du -sm "$image/lib/app/diptych.jsa" 2>/dev/null | cut -f1) MB class-data archive)"
  set -- env -i DISPLAY="$display" HOME="$home" "$image/bin/Diptych"
else
  # the fresh HOME has no ~/.m2: Maven is pointed at the user's repository and settings
  repo=${MAVEN_REPO:-$HOME/.m2/repository}
  settings=""
  [ -f "$HOME/.m2/settings.xml" ] && settings="-s $HOME/.m2/settings.xml"
  set -- env -i DISPLAY="$display" HOME="$home" PATH="$PATH" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} \
    mvn -o -q -f "$here/pom.xml" $settings -Dmaven.repo.local="$repo" javafx:run
fi
log="$home/.local/share/diptych/logs/diptych.log"
for i in $(seq 0 "$runs"); do
  setsid "$@" >/dev/null 2>&1 &
  pid=$!
  n=0
  until [ -f "$log" ] && [ "$(grep -c 'Window shown' "$log")" -gt "$i" ]; do
    n=$((n + 1)); [ $n -gt 1200 ] && { echo "no window after 120 s" >&2; kill -- -$pid; exit 1; }
    sleep 0.1
  done
  ms=$(grep 'Window shown' "$log" | tail -1 | sed 's/.*shown \([0-9]*\) ms.*/\1/')
  if [ "$i" -eq 0 ]; then kind="first start (cold: sample copied, JavaFX natives unpacked)"; else kind="warm"; fi
  if [ "$i" -eq "$runs" ]; then
    sleep 5
    jpid=$(pgrep -n -g $pid java || true)  # the newest: under javafx:run the app, not Maven
    echo "idle window RSS: $(awk '/VmRSS/ {print int($2/1024)}' /proc/${jpid:-$pid}/status) MB"
  fi
  cpu=$(grep 'Window shown' "$log" | tail -1 | sed -n 's/.*(\([0-9]*\) ms of CPU).*/\1/p')
  echo "run $i: window shown after $ms ms, $cpu ms of CPU ($kind); load $(cut -d' ' -f1-3 /proc/loadavg)"
  kill -- -$pid; wait $pid 2>/dev/null || true
  while pgrep -g $pid >/dev/null; do sleep 0.1; done
done
