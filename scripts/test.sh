#!/usr/bin/env bash
# The README's test command: every test of the workspace, on a fresh Debian
# machine that has only the Rust toolchain. Installs, with apt-get (through
# sudo unless run as root), what the tests drive for real:
#   gdal-bin          ogrinfo opens the GeoJSON exports
#   poppler-utils     pdftotext, pdftoppm read the bulletin's PDFs
#   chromium, nodejs, npm, fonts-dejavu-core
#                     the browser test (Playwright, from the npm registry, on
#                     Debian's chromium; no browser is downloaded)
# then runs `cargo test --workspace`. Extra arguments go to cargo test
# (`bash scripts/test.sh -p vigie-domain`).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)

if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing ${missing[*]} (Debian packages the tests use)"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || {
            echo "scripts/test.sh: needs root or sudo to install: apt-get install ${missing[*]}" >&2
            exit 1
        }
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== cargo test --workspace $*"
cargo test --workspace "$@"
