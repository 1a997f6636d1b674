#!/bin/sh
# The entrypoint of the tests' PostgreSQL image (.ci/build-postgres-image). It behaves like the official postgres
# image's as far as Testcontainers.PostgreSql relies on it: POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB are
# honoured on the first start, arguments that begin with "-" go to postgres ("-c fsync=off"), the server listens on
# 5432 on every address with password (SCRAM) auth from outside, and pg_isready is on PATH for the wait strategy.
# It runs as the postgres user (the image's USER), so initdb never meets root. Only shell built-ins and PostgreSQL's
# own programs are used: the image holds nothing else.
set -eu

if [ $# -eq 0 ] || [ "${1#-}" != "$1" ]; then
  set -- postgres "$@"
fi

if [ "$1" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set (Testcontainers always sets it)}"
  user="${POSTGRES_USER:-postgres}"
  database="${POSTGRES_DB:-$user}"

  # The password goes through a pipe, never a file; local (socket) connections inside the container are trusted, as
  # in the official image, and TCP needs the password.
  printf '%s\n' "$POSTGRES_PASSWORD" | initdb -D "$PGDATA" -U "$user" --pwfile=/dev/stdin \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale --no-sync --no-instructions

  printf '%s\n' "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  # A throwaway test server: 300 connections like the local test cluster (many test classes, each with a pool), and
  # no durability (Testcontainers adds the same -c flags; they are here too for a plain `docker run`).
  printf '%s\n' "listen_addresses = '*'" "port = 5432" "max_connections = 300" \
    "fsync = off" "synchronous_commit = off" "full_page_writes = off" >>"$PGDATA/postgresql.conf"

  if [ "$database" != postgres ]; then
    # Single-user mode creates the database before any port is open, so pg_isready cannot report ready too early.
    printf 'CREATE DATABASE "%s"\n' "$database" | postgres --single -D "$PGDATA" postgres >/dev/null
  fi
fi

exec "$@"
