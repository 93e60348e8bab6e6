#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL server on loopback for the test suite.
# Usage: scripts/postgres.sh start|stop   — `start` prints the database URL.
set -euo pipefail
PGPORT="${RADAR_TEST_PGPORT:-54329}"
BASE="${RADAR_TEST_PGDIR:-/tmp/radar-test-pg}"
DATA="$BASE/data"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$BIN/initdb" ] || { echo "PostgreSQL server not installed (scripts/system-deps.sh)" >&2; exit 1; }

as_owner() {
  # PostgreSQL refuses to run as root: use the postgres system user then.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      rm -rf "$BASE"
      mkdir -p "$BASE"
      [ "$(id -u)" -eq 0 ] && chown postgres: "$BASE"
      as_owner "$BIN/initdb" -D "$DATA" -U postgres -A trust --no-sync -E UTF8 >/dev/null
      as_owner "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w \
        -o "-p $PGPORT -k $BASE -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
    fi
    echo "postgres://postgres@127.0.0.1:$PGPORT/radar"
    ;;
  stop)
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
