#!/bin/sh
# Renders the icons from diptych.svg (hand-written) with ImageMagick; the results are committed, so the
# build needs no image tools. Run from this folder after changing the SVG.
set -e
cd "$(dirname "$0")"
convert -background none -density 96 diptych.svg -resize 256x256 linux/diptych.png
convert -background none diptych.svg -resize 64x64 ../main/resources/org/diptych/ui/icon-64.png
convert -background none diptych.svg -resize 32x32 ../main/resources/org/diptych/ui/icon-32.png
cp linux/diptych.png ../main/resources/org/diptych/ui/icon-256.png
convert -background none diptych.svg -define icon:auto-resize=256,64,48,32,16 windows/diptych.ico
# ICNS: the 'icns' container with PNG entries (ic08 = 256 px, ic07 = 128 px)
convert -background none diptych.svg -resize 128x128 /tmp/diptych-128.png
python3 - <<'PY'
import struct
entries = [(b'ic07', open('/tmp/diptych-128.png', 'rb').read()), (b'ic08', open('linux/diptych.png', 'rb').read())]
body = b''.join(t + struct.pack('>I', len(d) + 8) + d for t, d in entries)
open('macos/diptych.icns', 'wb').write(b'icns' + struct.pack('>I', len(body) + 8) + body)
PY
