#!/bin/sh
# Smoke test of the installed app (issue 13): starts the app image's launcher from an empty environment
# (env -i with only DISPLAY and a fresh HOME) under an X server of its own (Xvfb), waits for the window,
# takes a screenshot and checks that the window shows the bundled sample project:
#   - the log (HOME/.local/share/diptych/logs/diptych.log) says the sample was chosen and the window shown,
#   - an X window is titled "Diptych — <the sample's name>",
#   - the screenshot is not blank (ImageMagick: many colours, not one flat fill),
# and that the launchers' class-data sharing archive is used (-Xshare:on refuses to start without it) and mapped
# where it was dumped for (not relocated at each start).
# With --deb it then installs the built .deb (dpkg -i, as root), checks the menu entry and the icon, starts
# /opt/diptych/bin/Diptych the same way, and removes the package again (dpkg -r), checking it left nothing; where
# the machine has no desktop menu folders (made for that test), it also installs it without them (a server).
# Exits 1 at the first failed check. Needs the image (mvn -B -Pinstaller -DskipTests package), Xvfb,
# ImageMagick (import, identify) and xwininfo (x11-utils).
#   bench/image-smoke.sh [--deb]      screenshots in target/smoke/; IMAGE=DIR checks another image
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
image="${IMAGE:-$here/target/installer/Diptych}"
out="$here/target/smoke"
deb=no
[ "${1:-}" = "--deb" ] && deb=yes
fail() { echo "image-smoke: FAIL: $*" >&2; exit 1; }
[ -x "$image/bin/Diptych" ] || fail "no image at $image; run mvn -B -Pinstaller -DskipTests package"
for tool in Xvfb import identify xwininfo; do
  command -v $tool >/dev/null || fail "$tool is missing (apt-get install xvfb imagemagick x11-utils)"
done
mkdir -p "$out"
sample_name=$(sed -n 's/^ *"name" *: *"\(.*\)",\{0,1\} *$/\1/p' "$image/lib/app/sample/demo/diptych.json" | head -1)
[ -n "$sample_name" ] || fail "the image has no sample project (lib/app/sample/demo/diptych.json)"

# an X server of our own, on the first free display from :90
n=90
while [ -e /tmp/.X$n-lock ] || [ -e /tmp/.X11-unix/X$n ]; do n=$((n + 1)); done
display=":$n"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
homes=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  for h in $homes; do rm -rf "$h"; done
}
trap cleanup EXIT
i=0
until xwininfo -display "$display" -root >/dev/null 2>&1; do
  i=$((i + 1)); [ $i -gt 100 ] && fail "Xvfb did not start on $display"
  sleep 0.1
done

# smoke LAUNCHER NAME: start LAUNCHER as a new user would, check the window, screenshot target/smoke/NAME.png
smoke() {
  launcher=$1
  name=$2
  home=$(mktemp -d)
  homes="$homes $home"
  log="$home/.local/share/diptych/logs/diptych.log"
  started=$(date +%s)
  env -i DISPLAY="$display" HOME="$home" "$launcher" >"$out/$name.out" 2>&1 &
  app=$!
  i=0
  until [ -f "$log" ] && grep -q 'Window shown' "$log"; do
    kill -0 "$app" 2>/dev/null || { cat "$out/$name.out" >&2; fail "$name: the app exited before showing its window"; }
    i=$((i + 1)); [ $i -gt 1200 ] && fail "$name: no window after 120 s"
    sleep 0.1
  done
  cp "$log" "$out/$name.log"
  grep -q 'Start: SAMPLE' "$log" || fail "$name: the first start did not choose the sample (log: $out/$name.log)"
  # the tree and the desk fill in right after the first frame: give them a moment before the screenshot
  sleep 3
  xwininfo -display "$display" -root -tree >"$out/$name.windows"
  grep -F "Diptych — $sample_name" "$out/$name.windows" >/dev/null \
    || fail "$name: no window titled 'Diptych — $sample_name' (windows in $out/$name.windows)"
  import -display "$display" -window root "$out/$name.png"
  colours=$(identify -format '%k' "$out/$name.png")
  spread=$(identify -format '%[fx:int(1000*standard_deviation)]' "$out/$name.png")
  [ "$colours" -ge 50 ] && [ "$spread" -ge 20 ] || fail "$name: the screenshot looks blank ($colours colours, deviation $spread/1000)"
  [ -d "$home/Documents/Diptych" ] && ls "$home/Documents/Diptych" | grep -q . \
    || fail "$name: the sample was not copied into the documents folder"
  ms=$(sed -n 's/.*Window shown \([0-9]*\) ms.*/\1/p' "$log" | tail -1)
  echo "image-smoke: $name: window '$(grep -o "Diptych — $sample_name" "$out/$name.windows" | head -1)' shown $ms ms after the JVM started ($(( $(date +%s) - started )) s in all), screenshot $out/$name.png ($colours colours); ok"
  kill "$app"; wait "$app" 2>/dev/null || true
  app=""
  cp "$log" "$out/$name.log"
  if grep -q 'ERROR' "$log"; then grep 'ERROR' "$log" >&2; fail "$name: errors in the log ($out/$name.log)"; fi
}

# cds LAUNCHER_DIR NAME: the launchers' class-data archive ($APPDIR/diptych.jsa) maps: with -Xshare:on the JVM
# refuses to start when it cannot use it (the CLI launcher has the same java options as the window's)
cds() {
  h=$(mktemp -d)
  homes="$homes $h"
  env -i HOME="$h" JAVA_TOOL_OPTIONS=-Xshare:on "$1/diptych" --version >"$out/$2-cds.out" 2>&1 \
    || { cat "$out/$2-cds.out" >&2; fail "$2: the class-data archive is not used (-Xshare:on refused it)"; }
  # mapped where it was dumped for, not relocated at each start (-XX:ArchiveRelocationMode=0 in the java options)
  env -i HOME="$h" JAVA_TOOL_OPTIONS=-Xlog:cds=info "$1/diptych" --version >"$out/$2-cds-map.out" 2>&1 || true
  if grep -q 'ArchiveRelocationMode == 1' "$out/$2-cds-map.out"; then
    fail "$2: the class-data archive is relocated at every start (ArchiveRelocationMode=1; $out/$2-cds-map.out)"
  fi
  echo "image-smoke: $2: class-data archive used ($(du -m "$(dirname "$1")/lib/app/diptych.jsa" | cut -f1) MB), mapped without relocation"
}

cds "$image/bin" image
smoke "$image/bin/Diptych" image

if [ "$deb" = yes ]; then
  [ "$(id -u)" -eq 0 ] || fail "--deb needs root (dpkg -i)"
  pkg=$(ls "$here"/target/installer/diptych_*.deb 2>/dev/null | head -1)
  [ -n "$pkg" ] || fail "no .deb in target/installer"
  dpkg-query -W -f='${Status}' diptych 2>/dev/null | grep -q 'installed$' && fail "diptych is already installed; dpkg -r diptych first"
  # the menu entry is installed by xdg-desktop-menu, which needs the system menu folders that a desktop's menu
  # packages provide; a bare machine (this container) lacks them: made here, and removed after
  made=""
  for d in /etc/xdg/menus /usr/share/desktop-directories; do
    [ -d "$d" ] || { mkdir -p "$d"; made="$d $made"; }
  done
  [ -n "$made" ] && echo "image-smoke: deb: made the desktop's menu folders $made(no desktop here)"
  undo() { dpkg -r diptych >/dev/null 2>&1 || true; dpkg -P diptych >/dev/null 2>&1 || true; for d in $made; do rm -rf "$d"; done; }
  # from here on, remove the package whatever happens
  trap 'cleanup; undo' EXIT
  started=$(date +%s)
  dpkg -i "$pkg" >"$out/dpkg-install.out" 2>&1 || { cat "$out/dpkg-install.out" >&2; fail "dpkg -i $pkg"; }
  echo "image-smoke: deb: dpkg -i took $(( $(date +%s) - started )) s (its postinst dumps the class-data archive)"
  launcher=$(dpkg -L diptych | grep '/bin/Diptych$' | head -1)
  [ -x "$launcher" ] || fail "the package has no bin/Diptych launcher"
  desktop=$(dpkg -L diptych | grep '\.desktop$' | head -1)
  [ -n "$desktop" ] || fail "the package has no menu entry (.desktop file)"
  installed_desktop=$(ls /usr/share/applications/*iptych*.desktop 2>/dev/null | head -1)
  [ -n "$installed_desktop" ] || fail "the menu entry was not installed into /usr/share/applications"
  grep -q "^Exec=.*$launcher" "$installed_desktop" || fail "$installed_desktop does not start $launcher"
  grep -q '^Categories=.*Office' "$installed_desktop" || fail "$installed_desktop is not in the Office menu"
  icon=$(sed -n 's/^Icon=//p' "$installed_desktop")
  [ -f "$icon" ] || fail "the menu entry's icon $icon does not exist"
  identify "$icon" >/dev/null || fail "the icon $icon is not an image"
  echo "image-smoke: deb: $(basename "$pkg") installed; launcher $launcher, menu entry $installed_desktop, icon $icon ($(identify -format '%wx%h' "$icon"))"
  cds "$(dirname "$launcher")" deb
  smoke "$launcher" deb
  dpkg -r diptych >"$out/dpkg-remove.out" 2>&1 || { cat "$out/dpkg-remove.out" >&2; fail "dpkg -r diptych"; }
  [ ! -e "$launcher" ] || fail "dpkg -r left $launcher"
  [ ! -e "$installed_desktop" ] || fail "dpkg -r left $installed_desktop"
  left=$(find /opt/diptych 2>/dev/null | head -3)
  [ -z "$left" ] || fail "dpkg -r left files in /opt/diptych: $left"
  echo "image-smoke: deb: removed; no launcher, no menu entry, nothing in /opt/diptych left"
  # a machine without a desktop (a server, for the CLI): the install goes on without the menu entry
  if [ -n "$made" ]; then
    for d in $made; do rm -rf "$d"; done
    dpkg -i "$pkg" >"$out/dpkg-install-nodesktop.out" 2>&1 || { cat "$out/dpkg-install-nodesktop.out" >&2; fail "dpkg -i without a desktop's menu folders"; }
    grep -q 'no menu entry installed' "$out/dpkg-install-nodesktop.out" || fail "the install without menu folders did not say it left out the menu entry"
    cds /opt/diptych/bin deb-nodesktop
    dpkg -r diptych >"$out/dpkg-remove-nodesktop.out" 2>&1 || { cat "$out/dpkg-remove-nodesktop.out" >&2; fail "dpkg -r without a desktop's menu folders"; }
    [ ! -e /opt/diptych/bin/Diptych ] || fail "dpkg -r left /opt/diptych/bin/Diptych"
    echo "image-smoke: deb: installed and removed on a machine without the desktop's menu folders too (the CLI ran)"
  fi
fi
echo "image-smoke: ok"
