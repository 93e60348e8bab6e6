#!/usr/bin/env bash
# Until the first release the schema has a single initial migration:
# regenerate it from the models after any model change.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f src/radar/portfolio/migrations/0*.py
RADAR_DATA_DIR="$(mktemp -d)" .venv/bin/radar manage makemigrations portfolio -n initial
.venv/bin/ruff format -q src/radar/portfolio/migrations || true
