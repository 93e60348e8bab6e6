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
radar demo --if-empty
radar serve --host "${RADAR_HOST:-127.0.0.1}" --port "${RADAR_PORT:-8000}"
