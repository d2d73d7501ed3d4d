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
# shellcheck source=lib.sh
. ./lib.sh

apt_need hyperfine hyperfine
apt_need /usr/bin/chromium chromium
apt_need pdfinfo poppler-utils

release_binaries vigie

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
