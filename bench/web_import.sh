#!/usr/bin/env bash
# Vigie benchmark: the web import of the largest file the web takes
# (20 MiB of native CSV, N synthetic incidents) by an analyst, against the
# operator's `vigie import` of the same file: what four eyes cost. A web
# import checks each row against the importer's rights, lands it as a
# draft, records the importer as its author and writes one audit entry per
# incident, with its values; the command line does none of that. Both on a
# copy of the demo database, in the same run; results as ratios.
#
#   bash bench/web_import.sh [N]   N incidents in the file (default 62000: just under 20 MiB)
#
# Environment: BENCH_SEED (default 7), BENCH_BUILD=1 (rebuild the release
# binaries even if they exist). Everything it makes goes to bench/work/.
set -euo pipefail

N="${1:-62000}"
SEED="${BENCH_SEED:-7}"
PORT=8111

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/bench"
. ./lib.sh
mkdir -p work/web-import
release_binaries vigie gen-incidents
VIGIE="$PWD/work/bin/vigie"
cd work/web-import

log "a file of $N incidents and the demo database"
"../bin/gen-incidents" "$N" --seed "$SEED" -o incidents.csv
[ "$(stat -c %s incidents.csv)" -le $((20 * 1024 * 1024)) ] || { log "the file is over 20 MiB: give a smaller N"; exit 1; }
rm -f demo.db*
"$VIGIE" --db demo.db demo >/dev/null

cli=() web=()
for run in 1 2 3; do
    rm -f cli.db* web.db*
    cp demo.db cli.db
    cp demo.db web.db
    start=$(date +%s.%N)
    "$VIGIE" --db cli.db import incidents.csv >/dev/null 2>&1
    cli+=("$(echo "$(date +%s.%N) - $start" | bc)")
    "$VIGIE" --db web.db serve --addr "127.0.0.1:$PORT" >serve.log 2>&1 &
    server=$!
    sleep 1
    web+=("$(python3 ../../web_import.py "http://127.0.0.1:$PORT" analyst@vigie.example incidents.csv | cut -d' ' -f1)")
    [ "$run" -eq 3 ] && again="$(python3 ../../web_import.py "http://127.0.0.1:$PORT" analyst2@vigie.example incidents.csv)"
    kill "$server"; wait "$server" 2>/dev/null || true
done
cli_s=$(printf '%s\n' "${cli[@]}" | sort -n | sed -n 2p)
web_s=$(printf '%s\n' "${web[@]}" | sort -n | sed -n 2p)
describe_machine "$VIGIE"
echo "File:     $N incidents, $(stat -c %s incidents.csv) bytes"
printf 'vigie import (operator):      %.2f s (runs: %s)\n' "$cli_s" "${cli[*]}"
printf 'web import (analyst, drafts): %.2f s (runs: %s)\n' "$web_s" "${web[*]}"
printf 'web / command line:           %.1fx\n' "$(echo "$web_s / $cli_s" | bc -l)"
echo "web import again, by a second analyst (all unchanged): $again"
echo "database after: command line $(stat -c %s cli.db) bytes, web $(stat -c %s web.db) bytes (the audit entries)"
