#!/usr/bin/env bash
# Vigie benchmark: the API under load, with a personal access token, over
# the database of N synthetic verified incidents: a list of 1,000 incidents
# with filters (countries, a year, verified; a keyset page), and the
# monthly report, each under `wrk` with 64 connections, beside nginx
# serving the same JSON bytes as static files (the anchor: what serving
# these bytes costs at all). All in the same run, results as ratios.
#
#   bash bench/api.sh [N]          N incidents in the database (default 1000000)
#
# Environment: BENCH_SEED (default 1), BENCH_DURATION (wrk seconds per run,
# default 30), BENCH_CONNECTIONS (default 64), BENCH_THREADS (default 2),
# BENCH_BUILD=1 (rebuild the release binaries). The database is bench/web.sh's
# (bench/work/web-N-seedS.db, built once and kept). Output in bench/work/api/.
set -euo pipefail

N="${1:-1000000}"
SEED="${BENCH_SEED:-1}"
DURATION="${BENCH_DURATION:-30}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
THREADS="${BENCH_THREADS:-2}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/bench"
mkdir -p work/api
VIGIE="$PWD/work/bin/vigie"
GEN="$PWD/work/bin/gen-incidents"
DB="$PWD/work/web-$N-seed$SEED.db"

# shellcheck source=lib.sh
. ./lib.sh

apt_need wrk wrk
apt_need curl curl
apt_need sqlite3 sqlite3
apt_need /usr/sbin/nginx nginx-light
NGINX=/usr/sbin/nginx
release_binaries vigie gen-incidents

if ! [ -s "$DB" ]; then
    csv="work/web-native-$N-seed$SEED.csv"
    log "generating $N native incidents and importing them into $DB (once)"
    "$GEN" "$N" --seed "$SEED" -o "$csv"
    rm -f "$DB.tmp" "$DB.tmp-wal" "$DB.tmp-shm"
    "$VIGIE" --db "$DB.tmp" import "$csv" --default-status verified >work/api/import.log 2>&1 ||
        { cat work/api/import.log >&2; exit 1; }
    "$VIGIE" --db "$DB.tmp" user add --email bench@vigie.example --role viewer <<<"load-test-$SEED-not-a-secret" >/dev/null
    mv "$DB.tmp" "$DB"
    rm -f "$DB.tmp-wal" "$DB.tmp-shm" "$csv"
fi
rows=$(sqlite3 "$DB" 'SELECT count(*) FROM incident')
TOKEN=$("$VIGIE" --db "$DB" token create --user bench@vigie.example --scope read --expires 1d --name bench 2>/dev/null)

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {
    for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done
    log "nothing answers at $1"; exit 1
}

log "starting vigie serve (no rate limit for the benchmark)"
VPORT=$(free_port)
"$VIGIE" --db "$DB" serve --addr "127.0.0.1:$VPORT" --api-rate 100000000 >work/api/serve.log 2>&1 &
PIDS+=($!)
VBASE="http://127.0.0.1:$VPORT"
wait_for "$VBASE/api/v1/openapi.json"

# The URLs of each scenario, asked once to save their JSON for nginx and
# time their first computation.
STATIC=work/api/static
rm -rf "$STATIC"
mkdir -p "$STATIC"
: >work/api/cold-ms.txt
scenario() { # NAME PATH...: the paths of a scenario
    local name="$1"
    shift
    : >"work/api/$name-vigie.txt"
    : >"work/api/$name-static.txt"
    local i=0
    for path in "$@"; do
        i=$((i + 1))
        local file="$STATIC/$name-$i.json"
        out=$(curl -s -H "Authorization: Bearer $TOKEN" -o "$file" -w '%{http_code} %{time_total}' "$VBASE$path")
        [ "${out%% *}" = 200 ] || { log "$path: HTTP ${out%% *}: $(head -c 300 "$file")"; exit 1; }
        awk -v t="${out#* }" -v n="$name" 'BEGIN { printf "%s %.1f\n", n, t * 1000 }' >>work/api/cold-ms.txt
        echo "$path" >>"work/api/$name-vigie.txt"
        echo "/$name-$i.json" >>"work/api/$name-static.txt"
    done
}
# 1,000 incidents of three countries in 2024, verified, latest first, and
# the next page by cursor
first="/api/v1/incidents?country=BF,ML,NE&from=2024-01-01&to=2024-12-31&status=verified&limit=1000"
scenario list "$first"
next=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["next"])' "$STATIC/list-1.json")
scenario list "$first" "$next"
items=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$STATIC/list-1.json")
[ "$items" = 1000 ] || { log "the list gave $items incidents, not 1000"; exit 1; }
# the monthly report of four regions, six months
monthly=()
for region in g5-sahel aes lake-chad members; do
    for month in 2024-07 2024-08 2024-09 2024-10 2024-11 2024-12; do
        monthly+=("/api/v1/reports/monthly?region=$region&month=$month")
    done
done
scenario monthly "${monthly[@]}"

log "starting nginx"
NPORT=$(free_port)
NDIR="$PWD/work/api/nginx"
mkdir -p "$NDIR"
cat >"$NDIR/nginx.conf" <<CONF
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
CONF
"$NGINX" -c "$NDIR/nginx.conf" -p "$NDIR" >"$NDIR/run.log" 2>&1 &
PIDS+=($!)
NBASE="http://127.0.0.1:$NPORT"
wait_for "$NBASE/monthly-1.json"

cat >work/api/paths.lua <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local counter = 0
offset = 0
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
    io.write(string.format("RESULT %d %.3f %d %d %d %d %d %d %d %d %d\n", summary.requests, summary.duration / 1e6,
        e.connect, e.read, e.write, e.status, e.timeout,
        latency:percentile(50), latency:percentile(99), latency.max, summary.bytes))
end
LUA

load() { # NAME BASE PATHS [wrk args]
    local name="$1" base="$2" paths="$3"
    shift 3
    log "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $name"
    sleep 2
    PATHS="$paths" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s work/api/paths.lua "$@" "$base" \
        >"work/api/$name.wrk" 2>&1 || { cat "work/api/$name.wrk" >&2; exit 1; }
    grep '^RESULT ' "work/api/$name.wrk" | tail -n 1 >"work/api/$name.result"
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
load list-vigie "$VBASE" work/api/list-vigie.txt -H "Authorization: Bearer $TOKEN"
load list-nginx "$NBASE" work/api/list-static.txt
load monthly-vigie "$VBASE" work/api/monthly-vigie.txt -H "Authorization: Bearer $TOKEN"
load monthly-nginx "$NBASE" work/api/monthly-static.txt
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
RSS_KIB=$(awk '/VmHWM/ { print $2 }' "/proc/${PIDS[0]}/status")

echo
describe_machine "$VIGIE"
echo "wrk:      $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); $("$NGINX" -v 2>&1 | cut -d' ' -f3)"
echo "Database: $DB, $rows incidents"
echo "Load:     wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency; a read token (rate limit lifted)"
echo "Load avg: $LOAD_START at the start, $LOAD_END at the end (1/5/15 min)"
echo "First request (computed, nothing cached), ms: $(awk '{ printf "%s %s  ", $1, $2 }' work/api/cold-ms.txt | head -c 400)"
echo "vigie serve peak RSS: $(awk -v k="$RSS_KIB" 'BEGIN { printf "%.1f MiB", k / 1024 }')"
echo
printf '%-44s %12s %10s %10s %10s %10s %8s\n' "server" "requests/s" "MB/s" "p50 ms" "p99 ms" "max ms" "errors"
row() {
    read -r _ requests seconds connect read write status timeout p50 p99 max bytes <"work/api/$1.result"
    awk -v l="$2" -v n="$requests" -v s="$seconds" -v b="$bytes" -v p50="$p50" -v p99="$p99" -v m="$max" \
        -v e=$((connect + read + write + status + timeout)) \
        'BEGIN { printf "%-44s %12.0f %10.1f %10.2f %10.2f %10.2f %8d\n", l, n / s, b / s / 1e6, p50 / 1000, p99 / 1000, m / 1000, e }'
}
rps() { read -r _ requests seconds _ <"work/api/$1.result"; awk -v n="$requests" -v s="$seconds" 'BEGIN { print n / s }'; }
row list-vigie "vigie GET /api/v1/incidents (1,000 rows)"
row list-nginx "nginx, the same JSON as files"
row monthly-vigie "vigie GET /api/v1/reports/monthly"
row monthly-nginx "nginx, the same JSON as files"
echo
awk -v v="$(rps list-vigie)" -v n="$(rps list-nginx)" 'BEGIN { printf "list:    vigie/nginx requests/s %.3fx\n", v / n }'
awk -v v="$(rps monthly-vigie)" -v n="$(rps monthly-nginx)" 'BEGIN { printf "monthly: vigie/nginx requests/s %.3fx\n", v / n }'
