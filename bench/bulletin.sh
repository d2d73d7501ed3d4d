#!/usr/bin/env bash
# Vigie benchmark: building the demo bulletin's French PDF (`vigie bulletin
# --lang fr --format pdf`, one process: store read, edition, Typst layout and
# PDF export) against printing its HTML edition to PDF with headless
# Chromium (`--print-to-pdf`), the route a user of the HTML edition would
# take. Both in the same run, on the same demo data.
#
#   bash bench/bulletin.sh
#
# Environment: BENCH_RUNS (runs per tool, default 10, median kept),
# BENCH_BUILD=1 (rebuild the release binary even if it exists).
# Everything it makes goes to bench/work/ (git-ignored).
set -euo pipefail

RUNS="${BENCH_RUNS:-10}"
# Targets (BENCHMARKS.md).
TARGET_PDF_S=1.0
TARGET_RATIO=0.5 # vigie PDF time / Chromium print time

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/bench"
mkdir -p work/bulletin
VIGIE="$PWD/work/bin/vigie"
log() { printf '== %s\n' "$*" >&2; }

apt_updated=""
apt_need() {
    if [ -x "$1" ] || command -v "$1" >/dev/null 2>&1; then return 0; fi
    log "installing $2"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if [ -z "$apt_updated" ]; then $sudo apt-get update -qq >>work/apt.log 2>&1 || true; apt_updated=1; fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >>work/apt.log 2>&1 ||
        { cat work/apt.log >&2; return 1; }
}
apt_need hyperfine hyperfine
apt_need /usr/bin/chromium chromium
apt_need pdfinfo poppler-utils

if [ -n "${BENCH_BUILD:-}" ] || ! [ -x "$ROOT/target/release/vigie" ]; then
    log "building the release binary"
    (cd "$ROOT" && cargo build --release -p vigie >&2)
fi
mkdir -p work/bin
cp -p "$ROOT/target/release/vigie" work/bin/

cd work/bulletin
rm -f demo.db demo.db-wal demo.db-shm
log "demo database and bulletin"
"$VIGIE" --db demo.db demo --bulletin out >/dev/null
HTML="$PWD/out/bulletin-58-2023-12.fr.html"

CHROMIUM="/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync --no-pdf-header-footer \
--user-data-dir=$PWD/chromium-profile"

log "timing ($RUNS runs each)"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json times.json \
    -n vigie-pdf "$VIGIE --db demo.db bulletin --month 2023-12 --number 58 --lang fr --format pdf -o pdf" \
    -n chromium-print "$CHROMIUM --print-to-pdf=$PWD/chromium.pdf file://$HTML" >&2

python3 - "$TARGET_PDF_S" "$TARGET_RATIO" <<'PY'
import json, subprocess, sys
target_s, target_ratio = float(sys.argv[1]), float(sys.argv[2])
results = {r["command"]: r for r in json.load(open("times.json"))["results"]}
vigie, chromium = results["vigie-pdf"]["median"], results["chromium-print"]["median"]
def pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))
ratio = vigie / chromium
print(f"vigie bulletin PDF (fr): {vigie*1000:.0f} ms median, {pages('pdf/bulletin-58-2023-12.fr.pdf')} pages "
      f"(target <= {target_s:.1f} s: {'met' if vigie <= target_s else 'MISSED'})")
print(f"chromium --print-to-pdf of the HTML edition: {chromium*1000:.0f} ms median, {pages('chromium.pdf')} pages")
print(f"vigie / chromium: {ratio:.2f}x (target <= {target_ratio}x: {'met' if ratio <= target_ratio else 'MISSED'})")
PY
