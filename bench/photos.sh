#!/usr/bin/env bash
# What fitting a camera's photo for the bulletin costs (vigie_bulletin::photos:
# 4000x3000 JPEG -> 1600 px, quality 82, at most 600 KB), against Pillow doing
# the same resize and compression, in the same run. Needs python3 with Pillow.
#   bash bench/photos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build -q --release --example fit_photo -p vigie-bulletin
bin="${CARGO_TARGET_DIR:-target}/release/examples/fit_photo"
python3 - "$work/camera.jpg" <<'PY'
import sys, random
from PIL import Image
random.seed(58)
w, h = 4000, 3000
img = Image.new("RGB", (w, h))
px = img.load()
for y in range(0, h, 4):
    for x in range(0, w, 4):
        g = random.randint(0, 22)
        c = (x * 200 // w + g, y * 180 // h + g, 90 + g)
        for dy in range(4):
            for dx in range(4):
                px[x + dx, y + dy] = c
img.save(sys.argv[1], quality=95)
PY
runs=5
start=$(date +%s.%N)
for _ in $(seq $runs); do "$bin" "$work/camera.jpg" "$work/vigie.jpg"; done
vigie=$(echo "($(date +%s.%N) - $start) / $runs" | bc -l)
start=$(date +%s.%N)
for _ in $(seq $runs); do
  python3 -c "
import sys
from PIL import Image
im = Image.open(sys.argv[1]); im.thumbnail((1600, 1600), Image.BICUBIC); im.save(sys.argv[2], quality=82)
" "$work/camera.jpg" "$work/pillow.jpg"
done
pillow=$(echo "($(date +%s.%N) - $start) / $runs" | bc -l)
printf 'input: %s bytes (4000x3000)\n' "$(stat -c %s "$work/camera.jpg")"
printf 'vigie  %.3f s  %s bytes\n' "$vigie" "$(stat -c %s "$work/vigie.jpg")"
printf 'pillow %.3f s  %s bytes\n' "$pillow" "$(stat -c %s "$work/pillow.jpg")"
printf 'ratio (vigie / pillow): %.2f\n' "$(echo "$vigie / $pillow" | bc -l)"
