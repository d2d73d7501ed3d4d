#!/usr/bin/env bash
# Vigie benchmark: the web application during a long CLI import. A database
# of BASE verified incidents is served by `vigie serve`; while `vigie import`
# loads N new rows into it, readers GET pages and the dashboard's JSON, a
# login loop logs in every quarter second, and a delegate creates an
# incident every half second (bench/web_during_import.py). Targets (issue
# 12): GET p99 <= 100 ms, no 5xx but 503 (with Retry-After), every login
# within 2 s. The import is also timed alone on the same database: the load
# must not make it slower.
#
#   bash bench/web_during_import.sh [N] [BASE]    default 1000000 and 200000
#
# Everything it makes goes to bench/work/ (git-ignored).
set -euo pipefail

N="${1:-1000000}"
BASE="${2:-200000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/bench"
mkdir -p work/during
VIGIE="$PWD/work/bin/vigie"
GEN="$PWD/work/bin/gen-incidents"
BASE_DB="$PWD/work/during/base-$BASE.db"
DB="$PWD/work/during/run.db"
CSV="$PWD/work/during/import-$N.csv"
READER="reader@vigie.example"
WRITER="delegate@vigie.example"
PASSWORD="bench-password-not-secret-1"

# shellcheck source=lib.sh
. ./lib.sh

apt_need curl curl
apt_need sqlite3 sqlite3
release_binaries vigie gen-incidents

if ! [ -s "$BASE_DB" ]; then
    log "building the served database: $BASE verified incidents and two accounts (once)"
    "$GEN" "$BASE" --seed 1 -o work/during/base.csv
    rm -f "$BASE_DB"*
    "$VIGIE" --db "$BASE_DB" import work/during/base.csv --default-status verified >/dev/null 2>&1
    "$VIGIE" --db "$BASE_DB" user add --email "$READER" --role viewer <<<"$PASSWORD" >/dev/null
    "$VIGIE" --db "$BASE_DB" user add --email "$WRITER" --role delegate --country BF <<<"$PASSWORD" >/dev/null
    rm -f work/during/base.csv
fi
if ! [ -s "$CSV" ]; then
    log "generating $N new incidents (ids imp-…)"
    "$GEN" "$N" --seed 2 | sed 's/^gen-/imp-/' >"$CSV"
fi

fresh_db() {
    rm -f "$DB" "$DB"-wal "$DB"-shm "$DB"-sessions*
    sqlite3 "$BASE_DB" ".backup '$DB'"
}

time_import() { # prints seconds
    local start end
    start=$(date +%s.%N)
    "$VIGIE" --db "$DB" import "$CSV" --default-status verified >work/during/import.log 2>&1 ||
        { cat work/during/import.log >&2; exit 1; }
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.2f}')"
}

log "import alone: $N rows into $BASE"
fresh_db
alone=$(time_import)
wal_alone=$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)

log "import with the web under load"
fresh_db
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$VIGIE" --db "$DB" serve --addr "127.0.0.1:$port" >work/during/serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.1; done
start=$(date +%s.%N)
"$VIGIE" --db "$DB" import "$CSV" --default-status verified >work/during/import-loaded.log 2>&1 &
import=$!
python3 web_during_import.py "http://127.0.0.1:$port" "$READER" "$PASSWORD" "$WRITER" --until-pid "$import" \
    >work/during/load.json
wait "$import"
end=$(date +%s.%N)
loaded=$(python3 -c "print(f'{$end - $start:.2f}')")
kill $server 2>/dev/null || true
wal_loaded=$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)
rows=$(sqlite3 "$DB" 'SELECT count(*) FROM incident')

cat work/during/load.json
python3 - "$alone" "$loaded" "$wal_alone" "$wal_loaded" "$rows" work/during/load.json <<'PY'
import json, sys
alone, loaded, wal_alone, wal_loaded, rows = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
load = json.load(open(sys.argv[6]))
fivexx = {k: v for kind in load["statuses"].values() for k, v in kind.items() if k.startswith("5") and k != "503"}
print(f"rows after the import:       {rows}")
print(f"import alone:                {alone:.2f} s")
print(f"import under web load:       {loaded:.2f} s  ({loaded / alone:.2f}x)")
print(f"WAL after the import:        {wal_alone / 2**20:.1f} MiB alone, {wal_loaded / 2**20:.1f} MiB under load")
print(f"GET p99:                     {load['get_ms']['99']} ms over {load['gets']} requests (target <= 100: {'met' if load['get_ms']['99'] <= 100 else 'missed'})")
print(f"login max:                   {load['login_s']['max']} s over {load['logins']} logins (target <= 2: {'met' if load['login_s']['max'] <= 2 else 'missed'})")
print(f"5xx other than 503:          {sum(fivexx.values())} (target 0)")
print(f"writes:                      {load['statuses'].get('write', {})}")
PY
