#!/usr/bin/env bash
# The whole test suite. Installs what a fresh Debian machine lacks (PostgreSQL's server programs for the
# throwaway test cluster, Chromium for the Swagger UI test, PowerDNS with its PostgreSQL backend and dig for
# the serving tests), then runs `dotnet test` with any arguments given here, e.g. ./test.sh --filter ZoneApi.Tests.Records
set -euo pipefail
cd "$(dirname "$0")"

missing=()
if [ -z "${ZONEAPI_TEST_POSTGRES:-}" ] && ! command -v pg_config >/dev/null 2>&1 \
    && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdns_server >/dev/null 2>&1 || missing+=(pdns-server)
ls /usr/lib/*/pdns/libgpgsqlbackend.so >/dev/null 2>&1 || missing+=(pdns-backend-pgsql)
command -v dig >/dev/null 2>&1 || missing+=(bind9-dnsutils)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "test.sh: install ${missing[*]} first (apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "test.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

exec dotnet test "$@"
