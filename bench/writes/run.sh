#!/usr/bin/env bash
# Writes (issue 9): ZoneApi's HTTP API against PowerDNS's own HTTP API, with the same load in the same run, and
# PostgreSQL's own insert-and-bump ceiling (pgbench) on ZoneApi's cluster. Prints one ratio table.
# See bench/README.md ("Writes").
#
#   bench/writes/run.sh                         # one command on a fresh Debian machine with the .NET 10 SDK
#   RECORDS=5000 DURATION=5 bench/writes/run.sh # a quick check of the harness
#
# Settings (environment): RECORDS (records in the large zone, 100000), DURATION (seconds per wrk or pgbench run, 10),
# CONCURRENCY (record creates and pgbench, "1 8 32"), ZONE_CONCURRENCY (zone creates, "1 8"), REPEAT (timed GETs of a
# whole zone, median of 5), DB_TIMEOUT (ZoneApi:DatabaseTimeoutSeconds, 120), PG_CONF (lines appended to both
# clusters' postgresql.conf; empty: both run initdb's stock settings), KEEP (1: leave the folder with the logs in /tmp).
# Any ZoneApi__… variable in the environment reaches the API too (e.g. ZoneApi__ConcurrentRequestsPerCustomer=32).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
here=$repo/bench/writes

RECORDS=${RECORDS:-100000}
DURATION=${DURATION:-10}
CONCURRENCY=${CONCURRENCY:-1 8 32}
ZONE_CONCURRENCY=${ZONE_CONCURRENCY:-1 8}
REPEAT=${REPEAT:-5}
DB_TIMEOUT=${DB_TIMEOUT:-120}
PG_CONF=${PG_CONF:-}
started_at=$SECONDS
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

export PYTHONDONTWRITEBYTECODE=1 # the helpers import http_client.py: no __pycache__ in the repository

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- What a fresh machine lacks -----------------------------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: install the .NET 10 SDK first (https://dot.net; see README.md)" >&2
  exit 1
fi
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 || missing+=(postgresql-contrib)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v pdns_server >/dev/null 2>&1 || missing+=(pdns-server)
[ -e /usr/share/doc/pdns-backend-pgsql/schema.pgsql.sql ] || missing+=(pdns-backend-pgsql)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "run.sh: install ${missing[*]} first (apt-get install ${missing[*]})" >&2
    exit 1
  fi
  log "installing ${missing[*]}"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
# Debian's package starts a PowerDNS of its own on port 53; it is not used here (ours uses free loopback ports).
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cores=$(nproc)

# --- Everything this run starts goes in one folder and is stopped and removed on every exit ------------------------
work=$(mktemp -d /tmp/zoneapi-writebench-XXXXXX)
chmod 755 "$work"
pids=()
clusters=()
cleanup() {
  local pid cluster
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for cluster in "${clusters[@]}"; do
    if [ -f "$cluster/postmaster.pid" ]; then as_postgres "$pgbin/pg_ctl" stop -w -m immediate -D "$cluster" >/dev/null 2>&1 || true; fi
  done
  if [ "${KEEP:-0}" = 1 ]; then log "kept $work"; else rm -rf -- "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# PostgreSQL refuses to run as root: under root its programs run as the postgres user, as the test suite does.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres: "$work"

free_port() { python3 -c 'import socket
for _ in range(50):
    t = socket.socket(); t.bind(("127.0.0.1", 0)); p = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try: u.bind(("127.0.0.1", p)); print(p); break
    except OSError: pass
    finally: t.close(); u.close()'; }

results=$work/results.txt
: >"$results"
result() { printf '%s=%s\n' "$1" "$2" >>"$results"; }

# --- ZoneApi in Release, built before anything runs (the build would load the machine) ----------------------------
log "building ZoneApi (Release)"
if ! dotnet build -c Release -nologo -v q src/ZoneApi/ZoneApi.csproj >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 1
fi
app_dir=$(dirname "$(ls src/ZoneApi/bin/Release/net*/ZoneApi.dll | sort -V | tail -1)")

# --- Two PostgreSQL clusters with the same settings: ZoneApi's (and pgbench's), and PowerDNS's ---------------------
start_cluster() { # name variable: sets the variable to the cluster's port (no subshell, so that clusters+= holds)
  local dir=$work/$1 port
  port=$(free_port)
  as_postgres "$pgbin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --no-locale --no-instructions >/dev/null
  # Loopback only; everything else is initdb's stock configuration (fsync and synchronous_commit on), unless PG_CONF.
  printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = ''\n%s\n" "$port" "$PG_CONF" >>"$dir/postgresql.conf"
  as_postgres "$pgbin/pg_ctl" start -w -D "$dir" -l "$work/$1.log" >/dev/null
  clusters+=("$dir")
  printf -v "$2" '%s' "$port"
}
sql() { # port database, SQL on stdin or in -c
  local port=$1 db=$2; shift 2
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$db" "$@"
}
start_cluster pg-zoneapi zpg
start_cluster pg-pdns ppg
log "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}'): ZoneApi's cluster on 127.0.0.1:$zpg, PowerDNS's on 127.0.0.1:$ppg"
sql "$zpg" postgres -c 'CREATE DATABASE zoneapi' -c 'CREATE DATABASE ceiling'
sql "$ppg" postgres -c 'CREATE DATABASE pdns'
sql "$ppg" pdns -f /usr/share/doc/pdns-backend-pgsql/schema.pgsql.sql >/dev/null

# --- ZoneApi: rate limits off and quotas unlimited, so that only the server's own speed limits the run --------------
# The body limit admits the import of the large zone as one master file; the deadline lets it finish on a loaded
# machine (at the default 5 s it would be a 503 rather than a time).
zkey=zoneapi_$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
api_port=$(free_port)
api=http://127.0.0.1:$api_port
(
  cd "$app_dir"
  export ASPNETCORE_URLS=$api
  export ConnectionStrings__Zones="Host=127.0.0.1;Port=$zpg;Database=zoneapi;Username=postgres"
  export ZoneApi__BootstrapKey=$zkey
  export ZoneApi__RateLimits__Enabled=false
  export ZoneApi__Quotas__ZonesPerCustomer=0
  export ZoneApi__Quotas__RecordsPerZone=0
  export ZoneApi__MaxRequestBodyBytes=268435456
  export ZoneApi__DatabaseTimeoutSeconds=$DB_TIMEOUT
  exec dotnet ZoneApi.dll
) >"$work/zoneapi.log" 2>&1 &
pids+=($!)

# --- PowerDNS 4.7 from Debian, gpgsql on its own cluster, API and webserver on loopback -----------------------------
pkey=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
web_port=$(free_port)
pdns=http://127.0.0.1:$web_port
mkdir -p "$work/pdns"
# Stock settings besides what the API needs: bodies up to 512 MB both ways (the large zone's PATCH and GET).
cat >"$work/pdns/pdns.conf" <<CONF
launch=gpgsql
gpgsql-host=127.0.0.1
gpgsql-port=$ppg
gpgsql-dbname=pdns
gpgsql-user=postgres
gpgsql-dnssec=no
local-address=127.0.0.1
local-port=$(free_port)
api=yes
api-key=$pkey
webserver=yes
webserver-address=127.0.0.1
webserver-port=$web_port
webserver-allow-from=127.0.0.1
webserver-max-bodysize=512
CONF
chmod 600 "$work/pdns/pdns.conf"
pdns_server --config-dir="$work/pdns" --socket-dir="$work/pdns" --daemon=no --guardian=no --disable-syslog=yes \
  >"$work/pdns.log" 2>&1 &
pids+=($!)

export BENCH_ZONEAPI_KEY=$zkey BENCH_PDNS_KEY=$pkey
wait_for() { # name url header
  for _ in $(seq 600); do
    if curl -fs -o /dev/null -H "$3" "$2"; then return; fi
    sleep 0.2
  done
  echo "run.sh: $1 did not start; its log:" >&2
  tail -50 "$work/$1.log" >&2
  exit 1
}
wait_for zoneapi "$api/v1/health" "X-Bench: 1"
wait_for pdns "$pdns/api/v1/servers/localhost" "X-API-Key: $pkey"
log "ZoneApi (Release) on $api, PowerDNS $(pdns_server --version 2>&1 | grep -o 'Authoritative Server [0-9.]*' | cut -d' ' -f3) API on $pdns"

# --- Helpers: zones, one wrk run, and waiting until the server under test is idle again -----------------------------
zoneapi_zone() { # name -> prints the zone's id
  curl -fsS -X POST "$api/v1/zones" -H "Authorization: Bearer $zkey" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\"}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["data"]["zone"]["id"])'
}
pdns_zone() { # name
  curl -fsS -o /dev/null -X POST "$pdns/api/v1/servers/localhost/zones" -H "X-API-Key: $pkey" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1.\",\"kind\":\"Native\",\"nameservers\":[\"ns1.zoneapi.test.\",\"ns2.zoneapi.test.\"]}"
}
# wrk stops at its deadline with requests still queued in the server: wait until the server's database has no
# statement or transaction of it running, so that no run starts on the previous run's leftovers.
idle() { # server
  local port=$zpg db=zoneapi quiet=0
  if [ "$1" = pdns ]; then port=$ppg db=pdns; fi
  for _ in $(seq 1500); do
    if [ "$(sql "$port" postgres -Atc "SELECT count(*) FROM pg_stat_activity WHERE datname = '$db' AND state <> 'idle'")" = 0 ]; then
      quiet=$((quiet + 1))
      [ "$quiet" -ge 3 ] && return
    else
      quiet=0
    fi
    sleep 0.2
  done
}
# load KEY SERVER MODE ARG URL CONNECTIONS SECONDS [ZONE]: one wrk run; results KEY.rps, KEY.p50, KEY.p99, KEY.bad
load() {
  local key=$1 server=$2 mode=$3 arg=$4 url=$5 c=$6 seconds=$7 zone=${8:-} threads out tag
  local line requests bad socket_errors p50_ms p99_ms
  threads=$((c < cores ? c : cores))
  tag=$(tr 'A-Z.' 'a-z-' <<<"$key") # the names this run writes start with it: no two runs write the same name
  out=$(BENCH_ZONE=$zone wrk -t"$threads" -c"$c" -d"${seconds}s" --timeout 60s -s "$here/load.lua" "$url" \
    -- "$mode" "$server" "$arg" "$tag" 2>&1) || true
  line=$(grep '^RESULT ' <<<"$out" || true)
  if [ -z "$line" ]; then
    log "$key: wrk gave no result: $out"
    result "$key.rps" n/a
  else
    eval "${line#RESULT }" # requests= seconds= bad= socket_errors= p50_ms= p99_ms=
    result "$key.rps" "$(awk -v r="$requests" -v b="$bad" -v s="$seconds" 'BEGIN {printf "%.1f", (r - b) / s}')"
    result "$key.p50" "$p50_ms"
    result "$key.p99" "$p99_ms"
    result "$key.bad" "$((bad + socket_errors))"
    result "$key.requests" "$requests"
    if [ "$((bad + socket_errors))" -gt 0 ]; then
      log "$key: $bad unexpected answers, $socket_errors socket errors; $(grep '^FIRST_BAD ' <<<"$out" || true)"
    fi
    log "$key: $(awk -v r="$requests" -v b="$bad" -v s="$seconds" 'BEGIN {printf "%.1f", (r - b) / s}') req/s, p50 $p50_ms ms, p99 $p99_ms ms"
  fi
  idle "$server"
}
# A python helper's key=value lines, each under a prefix, into the results; a failure leaves them out (n/a).
record() { # prefix command...
  local prefix=$1 out
  shift
  if out=$("$@"); then
    while IFS= read -r line; do [ -n "$line" ] && result "$prefix.${line%%=*}" "${line#*=}"; done <<<"$out"
  else
    log "$prefix: failed"
  fi
}
pdns_zone_url() { echo "$pdns/api/v1/servers/localhost/zones/$1."; }

# --- Warm-up: JIT, pools and PowerDNS's connections, into zones not measured ----------------------------------------
warm_id=$(zoneapi_zone warm-up.example)
pdns_zone warm-up.example
load warm.zoneapi zoneapi record A "$api/v1/zones/$warm_id/records" 8 3
load warm.pdns pdns record A "$(pdns_zone_url warm-up.example)" 8 3 warm-up.example
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before timing: $load_before on $cores cores"

# --- 1. Single-record creates into empty zones (a new zone per run), ZoneApi and PowerDNS alternating ----------------
for type in A CNAME; do
  for c in $CONCURRENCY; do
    name=empty-${type,,}-c$c.example
    id=$(zoneapi_zone "$name")
    pdns_zone "$name"
    load "zoneapi.$type.empty.c$c" zoneapi record "$type" "$api/v1/zones/$id/records" "$c" "$DURATION"
    load "pdns.$type.empty.c$c" pdns record "$type" "$(pdns_zone_url "$name")" "$c" "$DURATION" "$name"
  done
done

# --- 2. Zone creates ---------------------------------------------------------------------------------------------
for c in $ZONE_CONCURRENCY; do
  load "zoneapi.zone.c$c" zoneapi zone - "$api/v1/zones" "$c" "$DURATION"
  load "pdns.zone.c$c" pdns zone - "$pdns/api/v1/servers/localhost/zones" "$c" "$DURATION"
done

# --- 3. The large zone: loaded into each server, timed (ZoneApi's import is the import row) ------------------------
big=big.example
mkdir -p "$work/data"
python3 "$here/zone_data.py" "$RECORDS" "$big" "$work/data"
big_id=$(zoneapi_zone "$big")
log "loading $RECORDS records into ZoneApi's $big"
record zoneapi python3 "$here/seed.py" zoneapi "$api" "$big_id" "$work/data"
log "ZoneApi: $(grep '^zoneapi.seed_' "$results" | tr '\n' ' ')"
idle zoneapi
log "loading $RECORDS records into PowerDNS's $big (one PATCH)"
record pdns python3 "$here/seed.py" pdns "$pdns" "$big" "$work/data"
log "PowerDNS: $(grep '^pdns.seed_' "$results" | tr '\n' ' ')"
idle pdns
# What autovacuum would do soon after a load of this size, done first so that it does not start mid-measurement.
sql "$zpg" zoneapi -c 'VACUUM (ANALYZE)'
sql "$ppg" pdns -c 'VACUUM (ANALYZE)'

# --- 4. Reads of the large zone: list pages, a full walk, one GET of the whole zone, export -------------------------
total=$((RECORDS + 3)) # the SOA and the two NS records of zone creation
list_seconds=$(((DURATION + 1) / 2 > 3 ? (DURATION + 1) / 2 : 3))
records_url=$api/v1/zones/$big_id/records
load zoneapi.list.first zoneapi get - "$records_url?offset=0&limit=50" 1 "$list_seconds"
load zoneapi.list.deep zoneapi get - "$records_url?offset=$((RECORDS - 50))&limit=50" 1 "$list_seconds"
load zoneapi.list.page1000 zoneapi get - "$records_url?offset=0&limit=1000" 1 "$list_seconds"
record zoneapi.walk python3 "$here/reads.py" walk "$api" "$big_id" 1000 "$total"
record zoneapi.export python3 "$here/reads.py" get zoneapi "$api" "/v1/zones/$big_id/export" "$REPEAT"
record pdns.getzone python3 "$here/reads.py" get pdns "$pdns" "/api/v1/servers/localhost/zones/$big." "$REPEAT"
record pdns.export python3 "$here/reads.py" get pdns "$pdns" "/api/v1/servers/localhost/zones/$big./export" "$REPEAT"
log "reads: $(grep -E '^(zoneapi.walk|zoneapi.export|pdns.getzone|pdns.export)' "$results" | tr '\n' ' ')"

# --- 5. Single-record creates into the large zone -----------------------------------------------------------------
for type in A CNAME; do
  for c in $CONCURRENCY; do
    load "zoneapi.$type.big.c$c" zoneapi record "$type" "$records_url" "$c" "$DURATION"
    load "pdns.$type.big.c$c" pdns record "$type" "$(pdns_zone_url "$big")" "$c" "$DURATION" "$big"
  done
done

# --- 6. PostgreSQL's own ceiling on ZoneApi's cluster: BEGIN; UPDATE a zone row; INSERT a record row; COMMIT --------
# "plain": two bare tables with their primary keys; "schema": ZoneApi's own tables (every index, constraint and
# trigger of migrations/), in a zone made through the API. Last, so that its rows weigh on nothing else measured.
sql "$zpg" ceiling -f "$here/ceiling-plain-tables.sql"
ceiling_id=$(zoneapi_zone ceiling.example)
sed "s/@ZONE_ID@/$ceiling_id/g" "$here/ceiling-schema.pgbench" >"$work/ceiling-schema.pgbench"
for c in $CONCURRENCY; do
  for variant in plain schema; do
    if [ "$variant" = plain ]; then db=ceiling script=$here/ceiling-plain.pgbench; else db=zoneapi script=$work/ceiling-schema.pgbench; fi
    tps=$("$pgbin/pgbench" -n -M prepared -h 127.0.0.1 -p "$zpg" -U postgres -c "$c" -j "$((c < cores ? c : cores))" \
      -T "$DURATION" -f "$script" "$db" 2>"$work/pgbench.err" | awk '/^tps = / {printf "%.1f", $3}') || true
    if [ -z "$tps" ]; then log "pgbench $variant c=$c: $(tail -3 "$work/pgbench.err")"; tps=n/a; fi
    result "pgbench.$variant.c$c.tps" "$tps"
    log "pgbench $variant c=$c: $tps tx/s"
  done
done

# --- The table -----------------------------------------------------------------------------------------------------
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
{
  echo "commit=$commit"
  echo "machine=$cores cores ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)"
  echo "load_start=$load_start"
  echo "load_before=$load_before"
  echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "versions=.NET $(dotnet --version), PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}'), PowerDNS $(pdns_server --version 2>&1 | grep -o 'Authoritative Server [0-9.]*' | cut -d' ' -f3), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "settings=RECORDS=$RECORDS DURATION=$DURATION CONCURRENCY=\"$CONCURRENCY\" ZONE_CONCURRENCY=\"$ZONE_CONCURRENCY\" REPEAT=$REPEAT DB_TIMEOUT=$DB_TIMEOUT${PG_CONF:+ PG_CONF=\"$PG_CONF\"}"
  echo "records=$RECORDS"
  echo "concurrency=$CONCURRENCY"
  echo "zone_concurrency=$ZONE_CONCURRENCY"
  echo "minutes=$(((SECONDS - started_at + 30) / 60))"
} >>"$results"
python3 "$here/report.py" "$results"
