#!/usr/bin/env bash
# The whole test suite from nothing: venv, packages, PostgreSQL, Chromium,
# lint, types, migrations check, tests on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-deps.sh
scripts/bootstrap.sh dev
# shellcheck disable=SC1091
source .venv/bin/activate
export RADAR_DATA_DIR="${RADAR_DATA_DIR:-$(mktemp -d)}"

echo "==> ruff (lint + format)"
ruff check src tests bench
ruff format --check src tests bench
echo "==> mypy (all of src/, the engine strictly)"
mypy
echo "==> migrations are in step with the models"
radar manage makemigrations --check --dry-run >/dev/null

echo "==> tests on SQLite"
pytest -p no:cacheprovider -n 2 "$@"

echo "==> tests on PostgreSQL"
url="$(scripts/postgres.sh start)"
trap 'scripts/postgres.sh stop' EXIT
RADAR_DATABASE_URL="$url" pytest -p no:cacheprovider -n 2 -m "not browser" "$@"
