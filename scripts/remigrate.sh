#!/usr/bin/env bash
# Until the first release the schema has a single generated migration:
# regenerate it from the models after any model change. Hand-written
# migrations after it (SQL that Django cannot generate, such as triggers)
# are set aside while 0001 is regenerated, then put back.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=src/radar/portfolio/migrations
keep="$(mktemp -d)"
find "$dir" -maxdepth 1 -name '0*.py' ! -name '0001_*' -exec mv {} "$keep/" \;
rm -f "$dir"/0001_*.py
RADAR_DATA_DIR="$(mktemp -d)" .venv/bin/radar manage makemigrations portfolio -n initial
mv "$keep"/*.py "$dir/" 2>/dev/null || true
.venv/bin/ruff format -q "$dir" || true
