#!/usr/bin/env bash
# dnsperf: PowerDNS serving ZoneApi's schema (migrations/, through deploy/pdns/pdns.conf) against PowerDNS serving its
# own native gpgsql schema, with the same 100,000-record zone, the same query file and the same settings, in one run.
# Prints both QPS and the ratio (issue 8's target: at least 90%). See bench/dns/README.md (bench/README.md's DNS part).
#
#   bench/dns/run.sh                  # one command on a fresh Debian machine (installs what it lacks)
#   DURATION=30 ROUNDS=5 bench/dns/run.sh
#
# Settings (environment): RECORDS (100000), QUERIES (lines in the query file, 100000), NXDOMAIN_PERCENT (10),
# DURATION (seconds per dnsperf run, 20), ROUNDS (runs per server, alternating, 3), TOGETHER (1: each round runs both
# servers' dnsperf at the same time instead of one after the other, for a machine others load), CLIENTS (dnsperf -c, 8),
# OUTSTANDING (dnsperf -q, 100), KEEP (1: leave the folder with logs, data and query file in /tmp), EXTRA_SQL (a file
# applied to ZoneApi's database once the zone is loaded: a candidate change, measured with the same harness).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

RECORDS=${RECORDS:-100000}
QUERIES=${QUERIES:-100000}
NXDOMAIN_PERCENT=${NXDOMAIN_PERCENT:-10}
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-3}
CLIENTS=${CLIENTS:-8}
OUTSTANDING=${OUTSTANDING:-100}
ZONE=bench.example

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- What a fresh machine lacks -----------------------------------------------------------------------------------
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v pdns_server >/dev/null 2>&1 || missing+=(pdns-server)
[ -e /usr/share/doc/pdns-backend-pgsql/schema.pgsql.sql ] || missing+=(pdns-backend-pgsql)
command -v dnsperf >/dev/null 2>&1 || missing+=(dnsperf)
command -v dig >/dev/null 2>&1 || missing+=(bind9-dnsutils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "run.sh: install ${missing[*]} first (apt-get install ${missing[*]})" >&2
    exit 1
  fi
  log "installing ${missing[*]}"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
# Debian's package starts a PowerDNS of its own on port 53; it is not used here (our servers use free ports).
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# --- A throwaway PostgreSQL cluster, removed on every exit ----------------------------------------------------------
work=$(mktemp -d /tmp/zoneapi-dnsbench-XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -f "$work/pgdata/postmaster.pid" ]; then as_postgres "$pgbin/pg_ctl" stop -w -m immediate -D "$work/pgdata" >/dev/null 2>&1 || true; fi
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

pgport=$(free_port)
log "PostgreSQL ($pgbin) in $work/pgdata on 127.0.0.1:$pgport"
as_postgres "$pgbin/initdb" -D "$work/pgdata" -U postgres --auth=trust -E UTF8 --no-locale --no-instructions --no-sync >/dev/null
# Loopback only. fsync off only speeds up loading; every measured query is a read.
cat >>"$work/pgdata/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pgport
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
as_postgres "$pgbin/pg_ctl" start -w -D "$work/pgdata" -l "$work/postgres.log" >/dev/null
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pgport" -U postgres "$@"; }
sql -d postgres -c 'CREATE DATABASE zoneapi' -c 'CREATE DATABASE pdns_native'

# --- (a) ZoneApi's schema: every migration, as the API applies them (each in one transaction) --------------------
log "ZoneApi schema: $(ls migrations/*.sql | wc -l) migrations"
for migration in migrations/*.sql; do
  sql -d zoneapi --single-transaction -f "$migration" >/dev/null
done
sql -d zoneapi -c "ALTER ROLE zoneapi_pdns LOGIN PASSWORD 'bench'"

# The zone's records, one value per name, the same rows for both schemas:
#   40% A host-N, 20% AAAA host-N, 10% CNAME www-N -> host-M (an A of the zone), 10% MX mail-N 10 host-M, 20% TXT txt-N.
# They are written in the API's storage form (absolute names, canonical content, content-derived ids as RecordId
# computes them, target), with COPY-like set-based inserts: the point is the serving path, not the write path.
log "loading $RECORDS records into ZoneApi's schema"
sql -d zoneapi <<SQL
CREATE TABLE bench_rows AS
SELECT i,
       CASE WHEN i % 10 < 4 THEN 'A' WHEN i % 10 < 6 THEN 'AAAA' WHEN i % 10 = 6 THEN 'CNAME' WHEN i % 10 = 7 THEN 'MX' ELSE 'TXT' END AS type,
       (CASE WHEN i % 10 < 6 THEN 'host-' WHEN i % 10 = 6 THEN 'www-' WHEN i % 10 = 7 THEN 'mail-' ELSE 'txt-' END) || i AS label,
       CASE
           WHEN i % 10 < 4 THEN '10.' || (i >> 16) % 256 || '.' || (i >> 8) % 256 || '.' || i % 256
           WHEN i % 10 < 6 THEN host(('2001:db8::' || to_hex(i >> 16) || ':' || to_hex(i % 65536))::inet)
           WHEN i % 10 = 6 THEN 'host-' || (i - 6) || '.$ZONE.'
           WHEN i % 10 = 7 THEN 'host-' || (i - 7) || '.$ZONE.'
           ELSE 'v=spf1 ip4:10.' || (i >> 16) % 256 || '.' || (i >> 8) % 256 || '.0/24 -all; bench record ' || i
       END AS content
FROM generate_series(1, $RECORDS) AS i;

INSERT INTO customers (id, name, created_at) VALUES ('00000000-0000-0000-0000-000000000001', 'bench', now());
INSERT INTO zones (id, customer_id, name, type, region, status, serial, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-0000000000aa', '00000000-0000-0000-0000-000000000001', '$ZONE', 'master', 'EU_GLOBAL', 'active',
        2026120201, now(), now());

CREATE FUNCTION pg_temp.record_id(name text, type text, data text) RETURNS text LANGUAGE sql IMMUTABLE AS
\$\$ SELECT translate(rtrim(encode(sha256(convert_to(name || E'\n' || type || E'\n' || data, 'UTF8')), 'base64'), '='), '+/', '-_') \$\$;

-- The apex as ApexRecords makes it: SOA and the server's two NS records, protected.
INSERT INTO records (zone_id, id, name, type, content, target, ttl, protected, created_at, updated_at)
SELECT '00000000-0000-0000-0000-0000000000aa', pg_temp.record_id('$ZONE.', type, content), '$ZONE.', type, content,
       CASE WHEN type = 'NS' THEN content END, 3600, true, now(), now()
FROM (VALUES ('SOA', 'ns1.zoneapi.test. hostmaster.zoneapi.test. 2026120201 10800 3600 604800 3600'),
             ('NS', 'ns1.zoneapi.test.'), ('NS', 'ns2.zoneapi.test.')) AS apex (type, content);

INSERT INTO records (zone_id, id, name, type, content, priority, target, ttl, created_at, updated_at)
SELECT '00000000-0000-0000-0000-0000000000aa',
       pg_temp.record_id(label || '.$ZONE.', type, CASE WHEN type = 'MX' THEN '10 ' || content ELSE content END),
       label || '.$ZONE.', type, content,
       CASE WHEN type = 'MX' THEN 10 END,
       CASE WHEN type IN ('CNAME', 'MX') THEN content END,
       3600, now(), now()
FROM bench_rows;
-- Every table, as for the native schema below: the triggers filled pdns_records and pdns_ancestor_names, and an
-- autovacuum of them while dnsperf runs would weigh on one side only.
VACUUM (ANALYZE);
SQL

if [ -n "${EXTRA_SQL:-}" ]; then
  log "applying $EXTRA_SQL to ZoneApi's database"
  sql -d zoneapi --single-transaction -f "$EXTRA_SQL" >/dev/null
  sql -d zoneapi -c 'VACUUM (ANALYZE)'
fi

# --- (b) PowerDNS's native schema, the same rows in its storage form ----------------------------------------------
log "loading the same records into PowerDNS's native gpgsql schema"
sql -d pdns_native -f /usr/share/doc/pdns-backend-pgsql/schema.pgsql.sql >/dev/null
sql -d zoneapi -c "\\copy (SELECT type, label, content FROM bench_rows ORDER BY i) TO '$work/rows.tsv'"
sql -d pdns_native <<SQL
CREATE TEMP TABLE bench_rows (type text, label text, content text);
\\copy bench_rows FROM '$work/rows.tsv'
INSERT INTO domains (name, type) VALUES ('$ZONE', 'NATIVE');
INSERT INTO records (domain_id, name, type, content, ttl, prio, disabled, auth)
SELECT 1, '$ZONE', type, content, 3600, NULL, false, true
FROM (VALUES ('SOA', 'ns1.zoneapi.test. hostmaster.zoneapi.test. 2026120201 10800 3600 604800 3600'),
             ('NS', 'ns1.zoneapi.test.'), ('NS', 'ns2.zoneapi.test.')) AS apex (type, content);
-- PowerDNS's own forms: TXT quoted, MX preference in prio.
INSERT INTO records (domain_id, name, type, content, ttl, prio, disabled, auth)
SELECT 1, label || '.$ZONE', type, CASE WHEN type = 'TXT' THEN '"' || content || '"' ELSE content END, 3600,
       CASE WHEN type = 'MX' THEN 10 END, false, true
FROM bench_rows;
CREATE ROLE pdns_native LOGIN PASSWORD 'bench';
GRANT SELECT ON ALL TABLES IN SCHEMA public TO pdns_native;
VACUUM (ANALYZE);
SQL

# --- The query file: random names of the zone with their type, and some that do not exist ----------------------------
existing=$((QUERIES * (100 - NXDOMAIN_PERCENT) / 100))
sql -d zoneapi -A -t -o "$work/queries.txt" <<SQL
SELECT setseed(0.42);
SELECT q FROM (
    (SELECT label || '.$ZONE ' || CASE WHEN type = 'CNAME' THEN 'A' ELSE type END AS q
     FROM bench_rows, generate_series(1, ceil($existing / $RECORDS.0)::int)
     ORDER BY random() LIMIT $existing)
    UNION ALL
    SELECT 'nx-' || md5(g::text) || '.$ZONE ' || (ARRAY['A', 'AAAA', 'TXT'])[1 + g % 3]
    FROM generate_series(1, $QUERIES - $existing) AS g
) AS q
ORDER BY random();
SQL
sed -i '/^$/d' "$work/queries.txt"
log "query file: $(wc -l <"$work/queries.txt") lines ($NXDOMAIN_PERCENT% NXDOMAIN), e.g. $(head -1 "$work/queries.txt")"

# --- Two PowerDNS servers, one pdns.conf ----------------------------------------------------------------------------
# Both read deploy/pdns/pdns.conf, so every setting (caches, threads, ALIAS, ...) is the same. The native one drops its
# gpgsql-* lines (the view schema's search_path and plan_cache_mode); both use PowerDNS's default queries (empty
# non-terminals are rows of both schemas) and get the connection settings on the command line.
mkdir -p "$work/pdns-zoneapi" "$work/pdns-native"
cp deploy/pdns/pdns.conf "$work/pdns-zoneapi/pdns.conf"
grep -v '^gpgsql-' deploy/pdns/pdns.conf >"$work/pdns-native/pdns.conf"
start_pdns() { # name dbname user; sets port_<name>
  local dir=$work/pdns-$1 port
  port=$(free_port)
  pdns_server --config-dir="$dir" --socket-dir="$dir" --daemon=no --guardian=no --disable-syslog=yes --loglevel=4 \
    --local-address=127.0.0.1 --local-port="$port" --resolver="127.0.0.1:$port" \
    --gpgsql-host=127.0.0.1 --gpgsql-port="$pgport" --gpgsql-dbname="$2" --gpgsql-user="$3" --gpgsql-password=bench \
    --gpgsql-dnssec=no >"$work/pdns-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    if dig +short +tries=1 +time=1 -p "$port" @127.0.0.1 "$ZONE" SOA 2>/dev/null | grep -q zoneapi.test; then
      printf -v "port_$1" '%s' "$port"; return
    fi
    sleep 0.2
  done
  echo "run.sh: PowerDNS ($1) did not answer; its log:" >&2; cat "$work/pdns-$1.log" >&2; exit 1
}
start_pdns zoneapi zoneapi zoneapi_pdns
start_pdns native pdns_native pdns_native
zport=$port_zoneapi nport=$port_native
log "PowerDNS on ZoneApi's schema: 127.0.0.1:$zport; on the native schema: 127.0.0.1:$nport"

# Before timing anything: both answer the same for a sample of the query file (answer, rcode), or the numbers compare
# different work.
answer() { dig +norecurse +tries=1 +time=2 -p "$1" @127.0.0.1 $2 $3 | awk '/status:/ {print $6} /^[^;]/ && NF {print $1, $4, $5}' | sort; }
mismatches=0
while read -r name type; do
  if [ "$(answer "$zport" "$name" "$type")" != "$(answer "$nport" "$name" "$type")" ]; then
    mismatches=$((mismatches + 1)); log "different answers for $name $type"
  fi
done < <(head -200 "$work/queries.txt")
[ "$mismatches" -eq 0 ] || { echo "run.sh: the two servers answer $mismatches of 200 questions differently" >&2; exit 1; }
log "both servers answer the first 200 questions identically"

# --- dnsperf, alternating (or together), so both sides see the same machine ---------------------------------------
perf() { # port seconds [output file] -> QPS
  local out=${3:-$work/dnsperf.out}
  dnsperf -s 127.0.0.1 -p "$1" -d "$work/queries.txt" -l "$2" -c "$CLIENTS" -q "$OUTSTANDING" -t 5 >"$out" 2>&1 || true
  awk '/Queries per second:/ {print $4}' "$out"
  if ! grep -q 'Queries lost: *0 ' "$out"; then grep -E 'Queries (sent|completed|lost)' "$out" | tr -s ' ' >&2; fi
}
# TOGETHER=1: both at once, so that whatever else runs on the machine weighs on both alike in every second; each server
# then gets about half of it, and the ratio is that of what a question costs each.
perf_together() { # seconds -> "ZoneApi-QPS native-QPS"
  perf "$zport" "$1" "$work/dnsperf-zoneapi.out" >"$work/qps-zoneapi" & local z=$!
  perf "$nport" "$1" "$work/dnsperf-native.out" >"$work/qps-native" & local n=$!
  wait "$z" "$n"
  echo "$(cat "$work/qps-zoneapi") $(cat "$work/qps-native")"
}
log "warm-up: 5 s each"
perf "$zport" 5 >/dev/null; perf "$nport" 5 >/dev/null
if [ -r /proc/loadavg ]; then log "load average before timing: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"; fi
zs=(); ns=()
for round in $(seq "$ROUNDS"); do
  if [ "${TOGETHER:-0}" = 1 ]; then read -r z n < <(perf_together "$DURATION"); else
    z=$(perf "$zport" "$DURATION"); n=$(perf "$nport" "$DURATION")
  fi
  zs+=("$z"); ns+=("$n")
  log "round $round: ZoneApi schema $z QPS, native schema $n QPS"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
zm=$(median "${zs[@]}"); nm=$(median "${ns[@]}")
ratio=$(awk -v z="$zm" -v n="$nm" 'BEGIN {printf "%.1f", 100 * z / n}')
# Each round's own ratio: both servers in the same seconds (TOGETHER=1) or back to back.
round_ratios=(); for i in "${!zs[@]}"; do round_ratios+=("$(awk -v z="${zs[$i]}" -v n="${ns[$i]}" 'BEGIN {printf "%.1f", 100 * z / n}')"); done

commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
echo
echo "${EXTRA_SQL:+With $EXTRA_SQL applied once the zone was loaded.}"
echo "| commit | records | queries (NXDOMAIN) | dnsperf | ZoneApi schema QPS | native schema QPS | ratio |"
echo "|---|---|---|---|---|---|---|"
together=; [ "${TOGETHER:-0}" = 1 ] && together=' together'
printf '| %s | %s | %s (%s%%) | %s x %s s%s, -c %s -q %s | %s (%s) | %s (%s) | %s%% |\n' "$commit" "$RECORDS" "$(wc -l <"$work/queries.txt")" \
  "$NXDOMAIN_PERCENT" "$ROUNDS" "$DURATION" "$together" "$CLIENTS" "$OUTSTANDING" "$zm" "$(IFS=/; echo "${zs[*]}")" "$nm" "$(IFS=/; echo "${ns[*]}")" "$ratio"
echo
echo "Median of $ROUNDS runs each (every run in parentheses); ratio = ZoneApi schema / native schema. Target: at least 90%."
echo "Each round's ratio: $(IFS=/; echo "${round_ratios[*]}") (median $(median "${round_ratios[@]}")%)."
awk -v r="$ratio" 'BEGIN {exit !(r >= 90)}' || { echo "run.sh: below 90%: see bench/README.md (EXPLAIN of PowerDNS's queries)"; exit 2; }
