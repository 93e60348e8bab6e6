#!/usr/bin/env bash
# Set up from nothing and run Alliance Radar on a demo portfolio (SQLite).
# Nothing is compiled: the engine runs as plain Python (`make compile` is an option).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-deps.sh run
scripts/bootstrap.sh
# shellcheck disable=SC1091
source .venv/bin/activate
export RADAR_DATA_DIR="${RADAR_DATA_DIR:-$PWD/var}"
mkdir -p "$RADAR_DATA_DIR"  # the logs below go there before the app creates it
host="${RADAR_HOST:-127.0.0.1}"
port="${RADAR_PORT:-8000}"
export RADAR_SITE_URL="${RADAR_SITE_URL:-http://$host:$port}"  # links in alerts and digests
# The demo's own report (a table of the alliances) goes to a log: the terminal shows
# only how to sign in, the worker's log and the site's address.
radar demo --if-empty >"$RADAR_DATA_DIR/demo.log"
echo "Demo portfolio ready; sign in as demo / demo-radar (details: $RADAR_DATA_DIR/demo.log)"
# The background worker (re-assessment, alerts, digests, imports) runs beside the
# site, writes to a log instead of the terminal, and stops when the site stops.
radar worker >"$RADAR_DATA_DIR/worker.log" 2>&1 &
worker=$!
trap 'kill -TERM "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT
echo "Background worker running (log: $RADAR_DATA_DIR/worker.log)"
# Django warns that its development server is not for production: radar serve
# --production is (docs/operations.md), and the demo needs no such warning.
DJANGO_RUNSERVER_HIDE_WARNING=true radar serve --host "$host" --port "$port"
