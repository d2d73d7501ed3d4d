#!/usr/bin/env bash
# Vigie benchmark: a register import's wall time and peak memory for N
# generated activities (CSV, one a line, ids unique), into a new database;
# the memory should not grow with N (records are written as they are read).
#
#   bash bench/registers.sh [N]     N activities (default 1000000)
#
# Environment: BENCH_VIGIE=PATH measures that binary instead of the release
# build (an older one, to compare), BENCH_BUILD=1 rebuilds. Everything it
# makes goes to bench/work/registers/.
set -euo pipefail

N="${1:-1000000}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/bench"
. ./lib.sh
mkdir -p work/registers
if [ -n "${BENCH_VIGIE:-}" ]; then
    VIGIE="$(realpath "$BENCH_VIGIE")"
else
    release_binaries vigie
    VIGIE="$PWD/work/bin/vigie"
fi
cd work/registers

file="activities-$N.csv"
if [ ! -s "$file" ]; then
    log "writing $N activities"
    awk -v n="$N" 'BEGIN {
        print "id,kind,date,title_fr,title_en,counterpart_country,domains,place,description"
        for (i = 0; i < n; i++)
            printf "act-%07d,meeting,2023-%02d-%02d,Réunion %d du groupe de travail,Working group meeting %d,BF,military ; communication,Ouagadougou,Second session of the working group on the financing of terrorism\n",
                i, 1 + i % 12, 1 + i % 28, i, i
    }' >"$file"
fi
rm -f activities.db*
/usr/bin/time -f '%e %M' -o time.txt "$VIGIE" --db activities.db activities import "$file" >summary.txt
read -r seconds kib <time.txt
describe_machine "$VIGIE"
echo "File:     $N activities, $(stat -c %s "$file") bytes"
echo "Summary:  $(head -1 summary.txt)"
printf 'activities import: %.1f s, peak RSS %d MiB\n' "$seconds" $((kib / 1024))
