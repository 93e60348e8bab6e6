#!/usr/bin/env bash
# Install the pinned front-end libraries (package-lock.json) from the npm registry
# and copy their built files into src/radar/web/static/vendor/ (git-ignored).
# Idempotent: does nothing when the copies are newer than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="src/radar/web/static/vendor"
stamp="$dest/.installed"
if [ -f "$stamp" ] && [ ! package-lock.json -nt "$stamp" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is needed once to fetch the front-end libraries (htmx, Chart.js): install Node.js 18+" >&2
  exit 1
fi
echo "==> installing front-end libraries (npm ci)"
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
mkdir -p "$dest"
cp node_modules/htmx.org/dist/htmx.min.js "$dest/htmx.min.js"
cp node_modules/chart.js/dist/chart.umd.min.js "$dest/chart.umd.min.js"
touch "$stamp"
