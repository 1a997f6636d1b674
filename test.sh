#!/usr/bin/env bash
# The whole test suite. Installs what a fresh Debian machine lacks (PostgreSQL's server programs for the
# throwaway test cluster, Chromium for the Swagger UI test, named-checkzone for the BIND checks, PowerDNS with its
# PostgreSQL backend and dig for the serving tests), then runs `dotnet test` with any arguments given here,
# e.g. ./test.sh --filter ZoneApi.Tests.Records. PostgreSQL: a Testcontainers container when a Docker engine answers
# and holds the test image (.ci/build-postgres-image), else a throwaway local cluster; see ZONEAPI_TEST_POSTGRES,
# ZONEAPI_TEST_POSTGRES_MODE and ZONEAPI_TEST_POSTGRES_IMAGE in README.md.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
if [ -z "${ZONEAPI_TEST_POSTGRES:-}" ] && ! command -v pg_config >/dev/null 2>&1 \
    && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
[ -x /usr/bin/chromium ] || missing+=(chromium)
# named-checkzone: the BIND corpus tests ask BIND whether each value loads, and every zone the tests build must load
# in BIND (tests/ZoneApi.Tests/Infrastructure/ServableZonesCheck.cs).
command -v named-checkzone >/dev/null 2>&1 || [ -x /usr/sbin/named-checkzone ] || missing+=(bind9utils)
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

# The test host writes which PostgreSQL it ran on (Testcontainers, local cluster, ZONEAPI_TEST_POSTGRES) to this file,
# printed after the run: dotnet test shows a test host's own output only from verbosity normal up.
report="$(mktemp "${TMPDIR:-/tmp}/zoneapi-test-postgres.XXXXXX")"
trap 'cat -- "$report" >&2; rm -f -- "$report"' EXIT
ZONEAPI_TEST_POSTGRES_REPORT="$report" dotnet test "$@"
