#!/usr/bin/env bash
# Vigie benchmark: `vigie import` of N synthetic incidents against DuckDB's and
# sqlite3's plain CSV loads of the same file, for each input format (Vigie's
# native CSV, an ACLED export, a GTD release), and the latency of one
# `vigie report monthly` process (on the database of the native import).
#
#   bash bench/run.sh [N]          N incidents per file (default 1000000)
#
# Environment: BENCH_FORMATS (default "native acled gtd"), BENCH_RUNS (loads
# per tool and format, default 3, median kept), BENCH_REPORT_RUNS (report
# processes, default 20), BENCH_SEED (default 1), BENCH_BUILD=1 (rebuild the
# release binaries even if they exist).
# Everything it makes goes to bench/work/ (git-ignored).
set -euo pipefail

N="${1:-1000000}"
RUNS="${BENCH_RUNS:-3}"
REPORT_RUNS="${BENCH_REPORT_RUNS:-20}"
SEED="${BENCH_SEED:-1}"
FORMATS="${BENCH_FORMATS:-native acled gtd}"
for fmt in $FORMATS; do
    case "$fmt" in
        native | acled | gtd) ;;
        *)
            echo "BENCH_FORMATS: native, acled or gtd, not '$fmt'" >&2
            exit 2
            ;;
    esac
done
[ -n "${FORMATS// /}" ] || { echo "BENCH_FORMATS is empty" >&2; exit 2; }

# Targets (BENCHMARKS.md).
TARGET_RATIO=1.0   # vigie import wall time / DuckDB load wall time
TARGET_RSS_MIB=150 # vigie import peak RSS
TARGET_REPORT_MS=20

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/bench"
mkdir -p work
VIGIE="$PWD/work/bin/vigie"
GEN="$PWD/work/bin/gen-incidents"

# shellcheck source=lib.sh
. ./lib.sh

# --- tools -----------------------------------------------------------------

apt_need /usr/bin/time time
apt_need sqlite3 sqlite3
apt_need hyperfine hyperfine || log "hyperfine unavailable: timing the report with a shell loop"

# Python DuckDB in a private venv.
PY="work/venv/bin/python"
if ! [ -x "$PY" ] || ! "$PY" -c 'import duckdb' 2>/dev/null; then
    log "creating work/venv with duckdb"
    python3 -c 'import ensurepip' 2>/dev/null || apt_need /nonexistent python3-venv
    python3 -m venv work/venv
    "$PY" -m pip install -q --disable-pip-version-check duckdb >&2
fi

release_binaries vigie gen-incidents

# --- loads -----------------------------------------------------------------

# DuckDB's load. The GTD file is Windows-1252 text kept within Latin-1 (see
# tools/gen-incidents/src/gtd.rs), which DuckDB reads as it is with
# encoding='latin-1' (the second argument).
cat >work/duck_load.py <<'EOF'
import sys, duckdb
path = sys.argv[1].replace("'", "''")
encoding = f", encoding='{sys.argv[2]}'" if len(sys.argv) > 2 else ""
con = duckdb.connect('work/duck.db')
con.execute(f"CREATE TABLE incident AS SELECT * FROM read_csv('{path}', header=true{encoding})")
con.close()
EOF

# timed NAME CMD...: runs CMD under /usr/bin/time, appends "wall-seconds
# peak-RSS-KiB user-seconds system-seconds" to
# work/NAME.times; the output goes to work/NAME.log, shown if CMD fails.
timed() {
    local name="$1"
    shift
    sync # write back the previous load's files (and the generated file) before timing this one
    if ! /usr/bin/time -f '%e %M %U %S' -o work/time.out "$@" >"work/$name.log" 2>&1; then
        cat "work/$name.log" >&2
        log "$name failed"
        exit 1
    fi
    tail -n 1 work/time.out >>"work/$name.times"
}

# duck_count DB: the rows of its incident table.
duck_count() {
    "$PY" -c "import duckdb; print(duckdb.connect('$1', read_only=True).execute('SELECT count(*) FROM incident').fetchone()[0])"
}

# Each format's file is generated once (about 3 to 7 s per million rows;
# same N and seed, same bytes), then the three tools take turns loading it.
rm -f work/incidents-*.csv work/native-*.csv work/acled-*.csv work/gtd-*.csv
for fmt in $FORMATS; do
    csv="work/$fmt-$N-seed$SEED.csv"
    log "generating $N $fmt incidents into $csv"
    "$GEN" "$N" --format "$fmt" --seed "$SEED" -o "$csv"
    duck_args=("$csv")
    [ "$fmt" = gtd ] && duck_args+=(latin-1)
    rm -f "work/$fmt-vigie.times" "work/$fmt-duckdb.times" "work/$fmt-sqlite3.times"
    printf -v "LOAD_START_$fmt" '%s' "$(cut -d' ' -f1-3 /proc/loadavg)"
    for run in $(seq 1 "$RUNS"); do
        log "$fmt: load run $run/$RUNS"
        rm -f "work/vigie-$fmt.db" "work/vigie-$fmt.db-wal" "work/vigie-$fmt.db-shm" "work/vigie-$fmt.db-journal"
        timed "$fmt-vigie" "$VIGIE" --db "work/vigie-$fmt.db" import "$csv" --default-status verified
        rm -f work/duck.db work/duck.db.wal
        timed "$fmt-duckdb" "$PY" work/duck_load.py "${duck_args[@]}"
        rm -f work/sq.db work/sq.db-journal
        timed "$fmt-sqlite3" sqlite3 -cmd '.mode csv' work/sq.db ".import $csv incident"
    done
    printf -v "LOAD_END_$fmt" '%s' "$(cut -d' ' -f1-3 /proc/loadavg)"

    # Rows loaded, as a check that every tool read the whole file. vigie
    # rejects none and keeps every row it does not skip on purpose (ACLED's
    # protests, riots and strategic developments), as its summary says.
    summary=$(grep -Eo '^[0-9]+ new, [0-9]+ updated, [0-9]+ unchanged, [0-9]+ rejected' "work/$fmt-vigie.log" || true)
    skipped=$(grep -Eo '^[0-9]+ skipped' "work/$fmt-vigie.log" | cut -d' ' -f1 || true)
    skipped=${skipped:-0}
    rows_vigie=$(sqlite3 "work/vigie-$fmt.db" 'SELECT count(*) FROM incident')
    rows_duck=$(duck_count work/duck.db)
    rows_sqlite=$(sqlite3 work/sq.db 'SELECT count(*) FROM incident')
    if [ "$summary" != "$((N - skipped)) new, 0 updated, 0 unchanged, 0 rejected" ] ||
        [ "$rows_vigie" -ne $((N - skipped)) ] || [ "$rows_duck" -ne "$N" ] || [ "$rows_sqlite" -ne "$N" ]; then
        cat "work/$fmt-vigie.log" >&2
        log "$fmt: wrong row counts: vigie '$summary' and $skipped skipped, $rows_vigie in its database;" \
            "duckdb $rows_duck; sqlite3 $rows_sqlite; the file has $N"
        exit 1
    fi
    printf -v "SUMMARY_$fmt" '%s, %s skipped' "$summary" "$skipped"
    printf -v "ROWS_$fmt" 'vigie %s, duckdb %s, sqlite3 %s' "$rows_vigie" "$rows_duck" "$rows_sqlite"
    printf -v "MIB_$fmt" '%s' "$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.0f", b / 1048576 }')"
done

# median_of: median of the numbers on standard input, one a line.
median_of() {
    sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
# median FILE COLUMN: median of one column of a .times file.
median() { awk -v c="$2" '{ print $c }' "$1" | median_of; }

# --- report latency (on the native import) ---------------------------------

REPORT_MS=""
if [[ " $FORMATS " == *" native "* ]]; then
    REPORT=("$VIGIE" --db work/vigie-native.db report monthly --region g5-sahel --month 2023-12 --format json)
    "${REPORT[@]}" >work/report.json # a failing report stops here
    log "timing $REPORT_RUNS report processes"
    if command -v hyperfine >/dev/null 2>&1; then
        hyperfine -N --warmup 3 --runs "$REPORT_RUNS" --export-json work/report-hyperfine.json \
            "${REPORT[*]}" >work/report-hyperfine.log 2>&1
        REPORT_MS=$(python3 -c "import json, statistics; r = json.load(open('work/report-hyperfine.json'))['results'][0]; \
print('%.1f' % (statistics.median(r['times']) * 1000))")
        REPORT_TOOL="hyperfine $(hyperfine --version | awk '{ print $2 }'), median of $REPORT_RUNS after 3 warm-ups"
    else
        : >work/report.times
        for _ in $(seq 1 "$REPORT_RUNS"); do
            start=$(date +%s%N)
            "${REPORT[@]}" >/dev/null
            echo $((($(date +%s%N) - start) / 1000)) >>work/report.times
        done
        REPORT_MS=$(awk '{ printf "%.1f\n", $1 / 1000 }' work/report.times | median_of)
        REPORT_TOOL="shell loop with date +%s%N, median of $REPORT_RUNS"
    fi
fi

# --- results ---------------------------------------------------------------

echo
describe_machine "$VIGIE"
echo "DuckDB:   $("$PY" -c 'import duckdb; print(duckdb.__version__)') (Python $("$PY" -c 'import platform; print(platform.python_version())'))"
echo "sqlite3:  $(sqlite3 --version | cut -d' ' -f1-2)"
echo "Loads:    median of $RUNS per tool and format"
for fmt in $FORMATS; do
    load_start="LOAD_START_$fmt" load_end="LOAD_END_$fmt" mib="MIB_$fmt" rows="ROWS_$fmt" summary="SUMMARY_$fmt"
    echo
    echo "== $fmt: work/$fmt-$N-seed$SEED.csv, $N rows, ${!mib} MiB"
    echo "Load avg: ${!load_start} at the start of the loads, ${!load_end} at the end (1/5/15 min)"
    echo "Rows:     ${!rows} (vigie: ${!summary})"
    echo
    printf '%-30s %10s %14s %12s %10s\n' "import" "seconds" "peak RSS MiB" "rows/s" "CPU s"
    for tool in vigie duckdb sqlite3; do
        s=$(median "work/$fmt-$tool.times" 1)
        kib=$(median "work/$fmt-$tool.times" 2)
        cpu=$(awk '{ print $3 + $4 }' "work/$fmt-$tool.times" | median_of)
        label=$tool
        [ "$tool" = vigie ] && label="vigie import"
        [ "$tool" = duckdb ] && label="duckdb read_csv (python)"
        [ "$tool" = sqlite3 ] && label="sqlite3 .import"
        # rows/s: rows of the file read per second
        awk -v l="$label" -v s="$s" -v k="$kib" -v n="$N" -v c="$cpu" \
            'BEGIN { printf "%-30s %10.2f %14.1f %12.0f %10.2f\n", l, s, k / 1024, (s > 0 ? n / s : 0), c }'
        printf -v "S_$tool" '%s' "$s"
        printf -v "KIB_$tool" '%s' "$kib"
    done
    echo
    awk -v v="$S_vigie" -v d="$S_duckdb" -v q="$S_sqlite3" -v k="$KIB_vigie" \
        -v tr="$TARGET_RATIO" -v trss="$TARGET_RSS_MIB" 'BEGIN {
        printf "vigie/duckdb  import time: %.2fx  (target <= %.1fx: %s)\n", v / d, tr, (v / d <= tr ? "met" : "missed")
        printf "vigie/sqlite3 import time: %.2fx\n", v / q
        printf "vigie import peak RSS:     %.1f MiB  (target <= %d MiB: %s)\n", k / 1024, trss, (k / 1024 <= trss ? "met" : "missed")
    }'
done
echo
if [ -n "$REPORT_MS" ]; then
    awk -v r="$REPORT_MS" -v trep="$TARGET_REPORT_MS" -v tool="$REPORT_TOOL" 'BEGIN {
        printf "vigie report monthly:      %.1f ms per process, native import  (target <= %d ms: %s)\n", r, trep, (r <= trep ? "met" : "missed")
        printf "                           (%s)\n", tool
    }'
else
    echo "vigie report monthly:      not timed (it runs on the native import, and BENCH_FORMATS has no native)"
fi
