#!/usr/bin/env bash
# Vigie benchmark: load on the dashboard's JSON (`/api/v1/dashboard`) of
# `vigie serve` over the database of N synthetic verified incidents, with
# `wrk` (a logged-in session, a few region and month URLs in turn), against
# the same JSON bytes served as static files by `python3 -m http.server`
# and by nginx: what a user could set up instead (export the figures, serve
# the files). All in the same run, results as ratios.
#
#   bash bench/web.sh [N]          N incidents in the database (default 1000000)
#
# Environment: BENCH_SEED (default 1), BENCH_DURATION (wrk seconds per
# server, default 30), BENCH_CONNECTIONS (default 64), BENCH_THREADS (wrk
# threads, default 2), BENCH_BUILD=1 (rebuild the release binaries even if
# they exist), BENCH_NGINX=0 (skip the nginx baseline).
# The database is built once and kept: bench/work/web-N-seedS.db.
# Everything it makes goes to bench/work/ (git-ignored).
set -euo pipefail

N="${1:-1000000}"
SEED="${BENCH_SEED:-1}"
DURATION="${BENCH_DURATION:-30}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
THREADS="${BENCH_THREADS:-2}"

# Targets (BENCHMARKS.md).
TARGET_RPS=5000
TARGET_P99_MS=50

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/bench"
mkdir -p work/web
VIGIE="$PWD/work/bin/vigie"
GEN="$PWD/work/bin/gen-incidents"
DB="$PWD/work/web-$N-seed$SEED.db"
EMAIL="bench@vigie.example"
PASSWORD="load-test-$SEED-not-a-secret"

# shellcheck source=lib.sh
. ./lib.sh

# --- tools -----------------------------------------------------------------

apt_need wrk wrk
apt_need curl curl
apt_need sqlite3 sqlite3
NGINX=""
if [ "${BENCH_NGINX:-1}" != 0 ]; then
    if apt_need /usr/sbin/nginx nginx-light; then NGINX=/usr/sbin/nginx; else log "nginx unavailable: python baseline only"; fi
fi

release_binaries vigie gen-incidents

# --- database --------------------------------------------------------------

if ! [ -s "$DB" ]; then
    csv="work/web-native-$N-seed$SEED.csv"
    log "generating $N native incidents and importing them into $DB (once)"
    "$GEN" "$N" --seed "$SEED" -o "$csv"
    rm -f "$DB.tmp" "$DB.tmp-wal" "$DB.tmp-shm"
    "$VIGIE" --db "$DB.tmp" import "$csv" --default-status verified >work/web/import.log 2>&1 ||
        { cat work/web/import.log >&2; exit 1; }
    "$VIGIE" --db "$DB.tmp" user add --email "$EMAIL" --role viewer <<<"$PASSWORD" >/dev/null
    mv "$DB.tmp" "$DB"
    rm -f "$DB.tmp-wal" "$DB.tmp-shm" "$csv"
fi
rows=$(sqlite3 "$DB" 'SELECT count(*) FROM incident')

# The URLs wrk asks in turn: four regions, six months.
REGIONS="g5-sahel aes lake-chad members"
MONTHS="2024-07 2024-08 2024-09 2024-10 2024-11 2024-12"

# --- servers ---------------------------------------------------------------

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_for() { # URL: until it answers, at most 10 s
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "$1" && return 0
        sleep 0.1
    done
    log "nothing answers at $1"
    exit 1
}

log "starting vigie serve"
VPORT=$(free_port)
"$VIGIE" --db "$DB" serve --addr "127.0.0.1:$VPORT" >work/web/serve.log 2>&1 &
PIDS+=($!)
VBASE="http://127.0.0.1:$VPORT"
wait_for "$VBASE/login"

log "logging in as $EMAIL"
JAR=work/web/cookies.txt
rm -f "$JAR"
csrf=$(curl -s -c "$JAR" "$VBASE/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code}' --data-urlencode "email=$EMAIL" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "csrf=$csrf" "$VBASE/login")
SESSION=$(awk '$6 == "vigie_session" { print $7 }' "$JAR")
if [ "$status" != 303 ] || [ -z "$SESSION" ]; then
    log "login failed (HTTP $status)"
    exit 1
fi

# Each URL once: the JSON for the static servers, and the time of a
# computation (the first request of a URL finds nothing cached).
STATIC=work/web/static
rm -rf "$STATIC"
: >work/web/vigie-paths.txt
: >work/web/static-paths.txt
: >work/web/cold-ms.txt
for region in $REGIONS; do
    mkdir -p "$STATIC/dashboard/$region"
    for month in $MONTHS; do
        path="/api/v1/dashboard?region=$region&month=$month"
        file="$STATIC/dashboard/$region/$month.json"
        out=$(curl -s -H "Cookie: vigie_session=$SESSION" -o "$file" -w '%{http_code} %{time_total}' "$VBASE$path")
        if [ "${out%% *}" != 200 ]; then
            log "$path: HTTP ${out%% *}"
            exit 1
        fi
        awk -v t="${out#* }" 'BEGIN { printf "%.1f\n", t * 1000 }' >>work/web/cold-ms.txt
        echo "$path" >>work/web/vigie-paths.txt
        echo "/dashboard/$region/$month.json" >>work/web/static-paths.txt
    done
done
URLS=$(wc -l <work/web/vigie-paths.txt)
JSON_BYTES=$(cat "$STATIC"/dashboard/*/*.json | wc -c)

log "starting python3 -m http.server"
PPORT=$(free_port)
python3 -m http.server "$PPORT" --bind 127.0.0.1 --directory "$STATIC" >work/web/python.log 2>&1 &
PIDS+=($!)
PBASE="http://127.0.0.1:$PPORT"
wait_for "$PBASE/dashboard/g5-sahel/2024-12.json"

if [ -n "$NGINX" ]; then
    log "starting nginx"
    NPORT=$(free_port)
    NDIR="$PWD/work/web/nginx"
    mkdir -p "$NDIR"
    cat >"$NDIR/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $NDIR/nginx.pid;
error_log $NDIR/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    types { application/json json; }
    client_body_temp_path $NDIR; proxy_temp_path $NDIR; fastcgi_temp_path $NDIR; uwsgi_temp_path $NDIR; scgi_temp_path $NDIR;
    server { listen 127.0.0.1:$NPORT; root $PWD/$STATIC; }
}
EOF
    "$NGINX" -c "$NDIR/nginx.conf" -p "$NDIR" >"$NDIR/run.log" 2>&1 &
    PIDS+=($!)
    NBASE="http://127.0.0.1:$NPORT"
    wait_for "$NBASE/dashboard/g5-sahel/2024-12.json"
fi

# --- load ------------------------------------------------------------------

# paths.lua: the paths of a file in turn (each wrk thread from another
# start); done() prints requests, seconds, errors and latency percentiles
# (microseconds) on one line.
cat >work/web/paths.lua <<'EOF'
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local counter = 0
offset = 0 -- a global: setup() sets it in each thread
function setup(thread)
    thread:set("offset", counter * 7)
    counter = counter + 1
end
local i = 0
function request()
    i = i + 1
    return wrk.format("GET", paths[(i + offset) % #paths + 1])
end
function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("RESULT %d %.3f %d %d %d %d %d %d %d %d\n", summary.requests, summary.duration / 1e6,
        e.connect, e.read, e.write, e.status, e.timeout,
        latency:percentile(50), latency:percentile(99), latency.max))
end
EOF

# load NAME BASE PATHS [HEADER]: one wrk run; its RESULT line to work/web/NAME.result
load() {
    local name="$1" base="$2" paths="$3"
    shift 3
    log "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency on $name ($URLS URLs)"
    sleep 2 # let the previous run's connections close
    PATHS="$paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s work/web/paths.lua "$@" "$base" \
        >"work/web/$name.wrk" 2>&1 || { cat "work/web/$name.wrk" >&2; exit 1; }
    grep '^RESULT ' "work/web/$name.wrk" | tail -n 1 >"work/web/$name.result"
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
load vigie "$VBASE" work/web/vigie-paths.txt -H "Cookie: vigie_session=$SESSION"
load python "$PBASE" work/web/static-paths.txt
[ -n "$NGINX" ] && load nginx "$NBASE" work/web/static-paths.txt
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
RSS_KIB=$(awk '/VmHWM/ { print $2 }' "/proc/${PIDS[0]}/status")

# --- results ---------------------------------------------------------------

echo
describe_machine "$VIGIE"
echo "wrk:      $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); python $(python3 -c 'import platform; print(platform.python_version())')\
$([ -n "$NGINX" ] && echo "; $("$NGINX" -v 2>&1 | cut -d' ' -f3)")"
echo "Database: $DB, $rows incidents"
echo "Load:     wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, $URLS URLs in turn ($JSON_BYTES bytes of JSON in all)"
echo "Load avg: $LOAD_START at the start, $LOAD_END at the end (1/5/15 min)"
echo "First request of each URL (computed, nothing cached): $(sort -g work/web/cold-ms.txt | awk '{ a[NR] = $1 } END { printf "median %.1f ms, max %.1f ms", a[int((NR + 1) / 2)], a[NR] }')"
echo "vigie serve peak RSS: $(awk -v k="$RSS_KIB" 'BEGIN { printf "%.1f MiB", k / 1024 }')"
echo
printf '%-34s %12s %10s %10s %10s %8s\n' "server" "requests/s" "p50 ms" "p99 ms" "max ms" "errors"
row() { # NAME LABEL
    read -r _ requests seconds connect read write status timeout p50 p99 max <"work/web/$1.result"
    awk -v l="$2" -v n="$requests" -v s="$seconds" -v p50="$p50" -v p99="$p99" -v m="$max" \
        -v e=$((connect + read + write + status + timeout)) \
        'BEGIN { printf "%-34s %12.0f %10.2f %10.2f %10.2f %8d\n", l, n / s, p50 / 1000, p99 / 1000, m / 1000, e }'
}
rps() { read -r _ requests seconds _ <"work/web/$1.result"; awk -v n="$requests" -v s="$seconds" 'BEGIN { print n / s }'; }
p99() { read -r _ _ _ _ _ _ _ _ _ p99 _ <"work/web/$1.result"; awk -v p="$p99" 'BEGIN { print p / 1000 }'; }
errors() { read -r _ _ _ connect read write status timeout _ <"work/web/$1.result"; echo $((connect + read + write + status + timeout)); }
row vigie "vigie serve /api/v1/dashboard"
row python "python3 -m http.server (files)"
[ -n "$NGINX" ] && row nginx "nginx (files)"
echo
V_RPS=$(rps vigie)
V_P99=$(p99 vigie)
awk -v v="$V_RPS" -v p="$(rps python)" 'BEGIN { printf "vigie/python requests/s: %.2fx\n", v / p }'
[ -n "$NGINX" ] && awk -v v="$V_RPS" -v n="$(rps nginx)" 'BEGIN { printf "vigie/nginx  requests/s: %.2fx\n", v / n }'
awk -v r="$V_RPS" -v p="$V_P99" -v tr="$TARGET_RPS" -v tp="$TARGET_P99_MS" -v e="$(errors vigie)" 'BEGIN {
    printf "vigie requests/s: %.0f  (target >= %d: %s)\n", r, tr, (r >= tr && e == 0 ? "met" : "missed")
    printf "vigie p99:        %.2f ms  (target <= %d ms: %s)\n", p, tp, (p <= tp && e == 0 ? "met" : "missed")
    if (e > 0) printf "vigie answered %d requests with errors (see work/web/vigie.wrk): targets not met\n", e
}'
