#!/usr/bin/env bash
# Vigie benchmark: a register import's wall time and peak memory for N
# generated activities (CSV, one a line, ids unique), into a new database;
# the memory should not grow with N (records are written as they are read).
# Or N member rows: 10 countries interleaved, days repeated or out of the
# year, so that every member is rejected whole, imported plainly (refused)
# and with --skip-invalid --rejects (every row kept for the rejects file).
#
#   bash bench/registers.sh [N]             N activities (default 1000000)
#   bash bench/registers.sh [N] members     N member rows
#
# Environment: BENCH_VIGIE=PATH measures that binary instead of the release
# build (an older one, to compare), BENCH_BUILD=1 rebuilds. Everything it
# makes goes to bench/work/registers/.
set -euo pipefail

N="${1:-1000000}"
KIND="${2:-activities}"

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

measure() { # LABEL ARGS...: one import into a new database, timed
    local label="$1"
    shift
    rm -f register.db*
    # a refused import exits 1: its time and memory are still measured
    /usr/bin/time -f '%e %M' -o time.txt "$VIGIE" --db register.db "$@" >summary.txt 2>/dev/null || true
    read -r seconds kib < <(tail -1 time.txt)
    printf '%s: %.1f s, peak RSS %d MiB (%s)\n' "$label" "$seconds" $((kib / 1024)) "$(head -1 summary.txt)"
}

if [ "$KIND" = members ]; then
    file="members-$N.csv"
    if [ ! -s "$file" ]; then
        log "writing $N member rows"
        awk -v n="$N" 'BEGIN {
            split("AE BF EG FR JO MA NE PK QA SA", code, " ")
            print "country,joined,national_day,name_fr,name_en,name_ar,representative_title"
            for (i = 0; i < n; i++) {
                day = (i % 7 == 6) ? "13-45" : sprintf("%02d-%02d", 1 + int(i / 10) % 12, 1 + int(i / 120) % 28)
                printf "%s,2015-12-15,%s,Fête nationale %d,National Day %d,,Ambassador\n", code[1 + i % 10], day, i, i
            }
        }' >"$file"
    fi
    describe_machine "$VIGIE"
    echo "File:     $N member rows, $(stat -c %s "$file") bytes"
    measure "members import" members import "$file"
    measure "members import --skip-invalid --rejects" members import --skip-invalid --rejects rejects.csv "$file"
    exit 0
fi

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
describe_machine "$VIGIE"
echo "File:     $N activities, $(stat -c %s "$file") bytes"
measure "activities import" activities import "$file"
